//! The agent's desk, as plain HTML forms (each works without JavaScript):
//! ticket settings (status, priority, assignee), internal notes, merge, split
//! and undo, attachments, and the saved replies page.
//!
//! Every form carries the session's CSRF token and every id in a path is
//! checked against the agent's teams (another team's ticket is "not there").
//! Bad input re-renders the ticket page with a clear message and what the
//! agent typed; a done action redirects to the ticket with a notice (and an
//! Undo button for merge and split).

use askama::Template;
use axum::Extension;
use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use kindly_app::accounts::can_see;
use kindly_app::agent::{self, AgentError};
use kindly_app::{Clock, SystemClock};
use kindly_core::{Priority, TicketStatus};
use kindly_store::{
    ActionDone, NewSavedReply, Owned, SavedReply, SessionRow, Store, StoreError, TicketView,
};
use serde::Deserialize;

use crate::{
    AppState, Draft, LANGUAGES, PageError, auth, internal, parse_id, render, render_ticket,
};

/// The longest note or saved reply we keep (characters).
const MAX_TEXT: usize = 20_000;

/// What a finished action says on the ticket page it leads to.
pub(crate) fn done_notice(done: &str) -> Option<&'static str> {
    Some(match done {
        "merged" => "The tickets are merged: the messages are here now.",
        "split" => "The message is split off into this new ticket.",
        "undone" => "Undone: everything is back where it was.",
        "note" => "Your note is added. Customers never see notes.",
        "settings" => "Saved.",
        _ => return None,
    })
}

/// The ticket, when the session's agent may see it; a page error otherwise.
async fn page_ticket<S: Store>(
    st: &AppState<S>,
    session: &SessionRow,
    id: i64,
) -> Result<TicketView, PageError> {
    st.store
        .ticket(id)
        .await
        .map_err(internal)?
        .filter(|t| can_see(&session.user, &t.team))
        .ok_or_else(|| PageError(StatusCode::NOT_FOUND, format!("There is no ticket #{id}.")))
}

/// The ticket a message or event belongs to, when the agent may see it.
pub(crate) async fn page_owner<S: Store>(
    st: &AppState<S>,
    session: &SessionRow,
    what: Owned,
    id: i64,
) -> Result<TicketView, PageError> {
    let noun = match what {
        Owned::Message => "message",
        Owned::Event => "history entry",
        Owned::Outbox => "held mail",
    };
    let missing = || PageError(StatusCode::NOT_FOUND, format!("There is no {noun} {id}."));
    let owner = st
        .store
        .owner_ticket(what, id)
        .await
        .map_err(internal)?
        .flatten()
        .ok_or_else(missing)?;
    page_ticket(st, session, owner).await.map_err(|_| missing())
}

/// The ticket page again, with an error above the forms (422).
async fn refuse<S: Store>(
    st: &AppState<S>,
    session: &SessionRow,
    id: i64,
    draft: Draft,
    error: String,
) -> Result<Response, PageError> {
    render_ticket(
        st,
        session,
        id,
        draft,
        Vec::new(),
        None,
        Some(error),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
    .map(IntoResponse::into_response)
}

fn incomplete() -> PageError {
    PageError(
        StatusCode::BAD_REQUEST,
        "The form was incomplete. Go back, reload the page and try again.".into(),
    )
}

fn to_ticket(id: i64, done: &str, event: Option<i64>) -> Response {
    let url = match event {
        Some(e) => format!("/tickets/{id}?done={done}&event={e}"),
        None => format!("/tickets/{id}?done={done}"),
    };
    Redirect::to(&url).into_response()
}

#[derive(Deserialize)]
pub(crate) struct SettingsForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    priority: String,
    #[serde(default)]
    assignee: String,
}

/// `POST /tickets/N/settings`: status, priority and who works the ticket.
pub(crate) async fn settings_form<S: Store>(
    State(st): State<AppState<S>>,
    Extension(session): Extension<SessionRow>,
    Path(raw): Path<String>,
    form: Result<Form<SettingsForm>, FormRejection>,
) -> Result<Response, PageError> {
    let id = parse_id(&raw)?;
    let Ok(Form(form)) = form else {
        return Err(incomplete());
    };
    auth::check_form_csrf(&session, &form.csrf)?;
    let ticket = page_ticket(&st, &session, id).await?;
    let Some(status) = TicketStatus::parse(&form.status) else {
        let e = format!("\"{}\" is not a status.", form.status);
        return refuse(&st, &session, id, Draft::default(), e).await;
    };
    let Some(priority) = Priority::parse(&form.priority) else {
        let e = format!(
            "\"{}\" is not a priority: normal, high or urgent.",
            form.priority
        );
        return refuse(&st, &session, id, Draft::default(), e).await;
    };
    let assignee = form.assignee.trim();
    let assignee = if assignee.is_empty() {
        None
    } else {
        let users = st.store.users().await.map_err(internal)?;
        let ok = users
            .iter()
            .any(|u| u.email == assignee && !u.disabled && can_see(u, &ticket.team));
        if !ok {
            let e = format!(
                "\"{assignee}\" cannot work this ticket: no such account in team \"{}\".",
                ticket.team
            );
            return refuse(&st, &session, id, Draft::default(), e).await;
        }
        Some(assignee)
    };
    let now = SystemClock.now();
    let by = session.user.email.as_str();
    if status != ticket.status {
        st.store
            .set_status(id, status, now)
            .await
            .map_err(internal)?;
    }
    st.store
        .set_priority(id, priority, by, now)
        .await
        .map_err(internal)?;
    st.store
        .assign(id, assignee, by, now)
        .await
        .map_err(internal)?;
    Ok(to_ticket(id, "settings", None))
}

#[derive(Deserialize)]
pub(crate) struct NoteForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    note: String,
}

/// `POST /tickets/N/notes`: an internal note (customers never see it).
pub(crate) async fn note_form<S: Store>(
    State(st): State<AppState<S>>,
    Extension(session): Extension<SessionRow>,
    Path(raw): Path<String>,
    form: Result<Form<NoteForm>, FormRejection>,
) -> Result<Response, PageError> {
    let id = parse_id(&raw)?;
    let Ok(Form(form)) = form else {
        return Err(incomplete());
    };
    auth::check_form_csrf(&session, &form.csrf)?;
    page_ticket(&st, &session, id).await?;
    let note = form.note.trim();
    if note.is_empty() {
        let e = "Write the note first: it is empty.".to_string();
        return refuse(&st, &session, id, Draft::default(), e).await;
    }
    if note.chars().count() > MAX_TEXT {
        let e = format!("A note can be at most {MAX_TEXT} characters; this one is longer.");
        let draft = Draft {
            note: form.note.clone(),
            ..Draft::default()
        };
        return refuse(&st, &session, id, draft, e).await;
    }
    st.store
        .add_note(id, &session.user.email, note, SystemClock.now())
        .await
        .map_err(internal)?
        .ok_or_else(|| PageError(StatusCode::NOT_FOUND, format!("There is no ticket #{id}.")))?;
    Ok(to_ticket(id, "note", None))
}

#[derive(Deserialize)]
pub(crate) struct MergeForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    into: String,
}

/// `POST /tickets/N/merge`: ticket N's messages move into the chosen ticket.
pub(crate) async fn merge_form<S: Store>(
    State(st): State<AppState<S>>,
    Extension(session): Extension<SessionRow>,
    Path(raw): Path<String>,
    form: Result<Form<MergeForm>, FormRejection>,
) -> Result<Response, PageError> {
    let from = parse_id(&raw)?;
    let Ok(Form(form)) = form else {
        return Err(incomplete());
    };
    auth::check_form_csrf(&session, &form.csrf)?;
    page_ticket(&st, &session, from).await?;
    let wanted = form.into.trim().trim_start_matches('#');
    let into = match wanted.parse::<i64>() {
        Ok(n) if n > 0 && n != from => n,
        Ok(n) if n == from => {
            let e = format!("Ticket #{from} cannot be merged into itself.");
            return refuse(&st, &session, from, Draft::default(), e).await;
        }
        _ => {
            let e = format!(
                "\"{}\" is not a ticket number. Ticket numbers look like 42.",
                form.into
            );
            return refuse(&st, &session, from, Draft::default(), e).await;
        }
    };
    if page_ticket(&st, &session, into).await.is_err() {
        let e = format!("There is no ticket #{into} to merge into.");
        return refuse(&st, &session, from, Draft::default(), e).await;
    }
    match st.store.merge(from, into, SystemClock.now()).await {
        Ok(done) => Ok(to_ticket(done.ticket, "merged", Some(done.event))),
        Err(StoreError::Refused(m) | StoreError::NotFound(m)) => {
            refuse(&st, &session, from, Draft::default(), m).await
        }
        Err(e) => Err(internal(e)),
    }
}

#[derive(Deserialize)]
pub(crate) struct CsrfForm {
    #[serde(default)]
    pub(crate) csrf: String,
}

fn action_done(done: ActionDone, what: &str) -> Response {
    to_ticket(done.ticket, what, Some(done.event))
}

/// `POST /messages/N/split`: the message becomes a ticket of its own.
pub(crate) async fn split_form<S: Store>(
    State(st): State<AppState<S>>,
    Extension(session): Extension<SessionRow>,
    Path(raw): Path<String>,
    form: Result<Form<CsrfForm>, FormRejection>,
) -> Result<Response, PageError> {
    let message = parse_number(&raw, "message")?;
    let csrf = form.map(|Form(f)| f.csrf).unwrap_or_default();
    auth::check_form_csrf(&session, &csrf)?;
    let ticket = page_owner(&st, &session, Owned::Message, message).await?;
    match agent::split(&st.store, message, SystemClock.now()).await {
        Ok(done) => Ok(action_done(done, "split")),
        Err(e) => agent_refusal(&st, &session, ticket.id, e).await,
    }
}

/// `POST /events/N/undo`: undoes a merge or split.
pub(crate) async fn undo_form<S: Store>(
    State(st): State<AppState<S>>,
    Extension(session): Extension<SessionRow>,
    Path(raw): Path<String>,
    form: Result<Form<CsrfForm>, FormRejection>,
) -> Result<Response, PageError> {
    let event = parse_number(&raw, "history entry")?;
    let csrf = form.map(|Form(f)| f.csrf).unwrap_or_default();
    auth::check_form_csrf(&session, &csrf)?;
    let ticket = page_owner(&st, &session, Owned::Event, event).await?;
    match agent::undo(&st.store, event, SystemClock.now()).await {
        // Where the moved messages are now: an undone merge brings the
        // merged ticket back, an undone split the original one.
        Ok(done) => Ok(to_ticket(done.ticket, "undone", None)),
        Err(e) => agent_refusal(&st, &session, ticket.id, e).await,
    }
}

async fn agent_refusal<S: Store>(
    st: &AppState<S>,
    session: &SessionRow,
    ticket: i64,
    e: AgentError,
) -> Result<Response, PageError> {
    match e {
        AgentError::Refused(m)
        | AgentError::Store(StoreError::Refused(m) | StoreError::NotFound(m)) => {
            refuse(st, session, ticket, Draft::default(), m).await
        }
        AgentError::NoTicket(_) => Err(PageError(
            StatusCode::NOT_FOUND,
            format!("There is no ticket #{ticket}."),
        )),
        AgentError::Store(e) => Err(internal(e)),
    }
}

fn parse_number(raw: &str, what: &str) -> Result<i64, PageError> {
    raw.trim_start_matches('#')
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| {
            PageError(
                StatusCode::BAD_REQUEST,
                format!("\"{raw}\" is not a {what} number."),
            )
        })
}

/// `GET /messages/N/attachments/K`: the K-th attachment (from 0) of a
/// message, always as a download (never shown inline, never sniffed).
pub(crate) async fn attachment<S: Store>(
    State(st): State<AppState<S>>,
    Extension(session): Extension<SessionRow>,
    Path((raw, index)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let id = parse_number(&raw, "message")?;
    let missing = || {
        PageError(
            StatusCode::NOT_FOUND,
            format!("Message {id} has no attachment {index}."),
        )
    };
    let n = index.parse::<usize>().map_err(|_| missing())?;
    let ticket = page_owner(&st, &session, Owned::Message, id).await?;
    let raw_id = st
        .store
        .messages_of(ticket.id)
        .await
        .map_err(internal)?
        .into_iter()
        .find(|m| m.id == id)
        .and_then(|m| m.raw_id)
        .ok_or_else(missing)?;
    let bytes = st
        .store
        .raw_bytes(raw_id)
        .await
        .map_err(internal)?
        .ok_or_else(missing)?;
    // Parsing is CPU work: off the async workers.
    let found = tokio::task::spawn_blocking(move || kindly_mail::attachment(&bytes, n))
        .await
        .map_err(internal)?
        .ok_or_else(missing)?;
    let (meta, content) = found;
    let name = download_name(meta.filename.as_deref(), n);
    let disposition = format!(
        "attachment; filename=\"{}\"; filename*=UTF-8''{}",
        ascii_fallback(&name),
        crate::query_escape(&name)
    );
    let mut response = content.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/octet-stream"),
    );
    // Built from printable ASCII only (see `ascii_fallback`, `query_escape`),
    // so it is always a valid header value; a plain name if not.
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_str(&disposition)
            .unwrap_or_else(|_| HeaderValue::from_static("attachment")),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("sandbox; default-src 'none'"),
    );
    Ok(response)
}

/// The attachment's own name without any path, or `attachment-K`.
fn download_name(name: Option<&str>, n: usize) -> String {
    let base = name
        .map(|s| s.rsplit(['/', '\\']).next().unwrap_or(s))
        .map(|s| s.trim_matches(|c: char| c.is_whitespace() || c == '.'))
        .map(|s| {
            s.chars()
                .filter(|c| !c.is_control())
                .take(150)
                .collect::<String>()
        })
        .unwrap_or_default();
    if base.is_empty() {
        format!("attachment-{}", n + 1)
    } else {
        base
    }
}

/// The name in printable ASCII for old clients (`filename=`); the rest `_`.
fn ascii_fallback(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

#[derive(Template)]
#[template(path = "saved.html")]
struct SavedPage<'a> {
    company: &'a str,
    nav: Option<auth::Nav>,
    replies: Vec<SavedReply>,
    languages: &'static [(&'static str, &'static str)],
    form: SavedForm,
    notice: Option<&'static str>,
    error: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct SavedForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    lang: String,
    #[serde(default)]
    body: String,
}

#[derive(Deserialize)]
pub(crate) struct SavedQuery {
    done: Option<String>,
}

/// `GET /saved`: every saved reply, each language's text, and a form to add one.
pub(crate) async fn saved_page<S: Store>(
    State(st): State<AppState<S>>,
    Extension(session): Extension<SessionRow>,
    Query(q): Query<SavedQuery>,
) -> Result<Html<String>, PageError> {
    let notice = match q.done.as_deref() {
        Some("saved") => Some("The saved reply is stored."),
        Some("deleted") => Some("The saved reply is removed."),
        _ => None,
    };
    saved_render(&st, &session, SavedForm::default(), notice, None).await
}

async fn saved_render<S: Store>(
    st: &AppState<S>,
    session: &SessionRow,
    form: SavedForm,
    notice: Option<&'static str>,
    error: Option<String>,
) -> Result<Html<String>, PageError> {
    let replies = st.store.saved_replies().await.map_err(internal)?;
    render(&SavedPage {
        company: &st.settings.company,
        nav: auth::Nav::of(session),
        replies,
        languages: LANGUAGES,
        form,
        notice,
        error,
    })
}

/// `POST /saved`: adds a saved reply's text in one language (or replaces it).
pub(crate) async fn saved_submit<S: Store>(
    State(st): State<AppState<S>>,
    Extension(session): Extension<SessionRow>,
    form: Result<Form<SavedForm>, FormRejection>,
) -> Result<Response, PageError> {
    let Ok(Form(form)) = form else {
        return Err(incomplete());
    };
    auth::check_form_csrf(&session, &form.csrf)?;
    let title = form.title.trim();
    let body = form.body.trim();
    let error = if title.is_empty() {
        Some("Give the saved reply a title, e.g. \"Router restart\".".to_string())
    } else if title.chars().count() > 120 {
        Some("The title can be at most 120 characters.".to_string())
    } else if !LANGUAGES.iter().any(|(c, _)| *c == form.lang) {
        Some(format!(
            "\"{}\" is not a language here: choose one from the list.",
            form.lang
        ))
    } else if body.is_empty() {
        Some("Write the reply's text first: it is empty.".to_string())
    } else if body.chars().count() > MAX_TEXT {
        Some(format!(
            "A saved reply can be at most {MAX_TEXT} characters."
        ))
    } else {
        None
    };
    if let Some(e) = error {
        let page = saved_render(&st, &session, form, None, Some(e)).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    st.store
        .put_saved_reply(&NewSavedReply {
            title,
            lang: &form.lang,
            body,
            by: &session.user.email,
            at: SystemClock.now(),
        })
        .await
        .map_err(internal)?;
    Ok(Redirect::to("/saved?done=saved").into_response())
}

/// `POST /saved/N/delete`: removes one language's text of a saved reply.
pub(crate) async fn saved_delete<S: Store>(
    State(st): State<AppState<S>>,
    Extension(session): Extension<SessionRow>,
    Path(raw): Path<String>,
    form: Result<Form<CsrfForm>, FormRejection>,
) -> Result<Response, PageError> {
    let id = parse_number(&raw, "saved reply")?;
    let csrf = form.map(|Form(f)| f.csrf).unwrap_or_default();
    auth::check_form_csrf(&session, &csrf)?;
    if st.store.delete_saved_reply(id).await.map_err(internal)? {
        Ok(Redirect::to("/saved?done=deleted").into_response())
    } else {
        Err(PageError(
            StatusCode::NOT_FOUND,
            format!("There is no saved reply {id}."),
        ))
    }
}

/// One saved reply offered in the composer: the text in the ticket's
/// language when there is one, else English, else the first written.
#[derive(Clone, Debug)]
pub(crate) struct SavedChoice {
    pub id: i64,
    pub title: String,
    pub lang: String,
    pub body: String,
}

pub(crate) fn saved_choices(all: &[SavedReply], lang: Option<&str>) -> Vec<SavedChoice> {
    let mut out: Vec<SavedChoice> = Vec::new();
    let score = |l: &str| {
        if Some(l) == lang {
            0
        } else if l == "en" {
            1
        } else {
            2
        }
    };
    for r in all {
        match out.iter_mut().find(|c| c.title == r.title) {
            Some(c) if score(&r.lang) < score(&c.lang) => {
                c.id = r.id;
                c.lang.clone_from(&r.lang);
                c.body.clone_from(&r.body);
            }
            Some(_) => {}
            None => out.push(SavedChoice {
                id: r.id,
                title: r.title.clone(),
                lang: r.lang.clone(),
                body: r.body.clone(),
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reply(id: i64, title: &str, lang: &str) -> SavedReply {
        SavedReply {
            id,
            title: title.into(),
            lang: lang.into(),
            body: format!("{title} in {lang}"),
            updated_by: "a@b".into(),
            updated_at: jiff::Timestamp::UNIX_EPOCH,
        }
    }

    #[test]
    fn the_ticket_language_wins_then_english_then_the_first() {
        let all = [
            reply(1, "Restart", "de"),
            reply(2, "Restart", "en"),
            reply(3, "Restart", "et"),
            reply(4, "Refund", "ru"),
        ];
        let et = saved_choices(&all, Some("et"));
        assert_eq!(et.len(), 2);
        assert_eq!((et[0].id, et[0].lang.as_str()), (3, "et"));
        assert_eq!((et[1].id, et[1].lang.as_str()), (4, "ru"));
        let fi = saved_choices(&all, Some("fi"));
        assert_eq!(fi[0].lang, "en");
        let none = saved_choices(&all, None);
        assert_eq!(none[0].lang, "en");
    }

    #[test]
    fn download_names_lose_paths_and_control_characters() {
        assert_eq!(download_name(Some("../../etc/passwd"), 0), "passwd");
        assert_eq!(download_name(Some("C:\\x\\bill.pdf"), 0), "bill.pdf");
        assert_eq!(download_name(Some("a\r\nb.txt"), 0), "ab.txt");
        assert_eq!(download_name(Some("  ..  "), 2), "attachment-3");
        assert_eq!(download_name(None, 0), "attachment-1");
        assert_eq!(ascii_fallback("arve \"ü\".pdf"), "arve ___.pdf");
    }

    #[test]
    fn every_done_word_has_a_notice() {
        for w in ["merged", "split", "undone", "note", "settings"] {
            assert!(done_notice(w).is_some(), "{w}");
        }
        assert!(done_notice("<script>").is_none());
    }
}
