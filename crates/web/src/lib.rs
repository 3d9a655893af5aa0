//! The HTTP side of Kindly: a plain, server-rendered agent UI that works
//! without JavaScript, a small JSON API, mail posted by a provider's webhook
//! (`POST /inbound/mime`), Prometheus metrics (`/metrics`) and `/healthz`.

pub mod sanitize;

use std::sync::Arc;

mod api;
mod auth;
mod desk;
mod inbound;
mod metrics;

use askama::Template;
use axum::Extension;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use kindly_app::accounts::can_see;
use kindly_app::agent::{self, AgentError};
use kindly_app::imap::ImapHealth;
use kindly_app::{Clock, SystemClock};
use kindly_app::{Intake, Settings};
use kindly_store::{
    EventView, MessageView, OutboxRow, Owned, SessionRow, SetAside, Store, TicketView,
};
use serde::Deserialize;

/// Shared state of every handler.
#[derive(Clone)]
pub struct AppState<S: Store> {
    store: S,
    settings: Arc<Settings>,
    /// Takes mail posted to `/inbound/mime`; `None`: that endpoint is disabled.
    intake: Option<Intake<S>>,
    /// Answers of `/inbound/mime` by status code, for `/metrics`.
    inbound_answers: Arc<inbound::AnswerCounts>,
    /// The IMAP pollers' status, for `/metrics` and `/healthz`; `None`: no pollers.
    imap: Option<Arc<ImapHealth>>,
    /// Opens the first-run set-up page while there is no account.
    setup_token: String,
}

impl<S: Store> AppState<S> {
    pub fn new(store: S, settings: Arc<Settings>) -> Self {
        AppState {
            store,
            settings,
            intake: None,
            inbound_answers: Arc::default(),
            imap: None,
            setup_token: kindly_app::accounts::random_token(),
        }
    }

    /// The token of the first-run set-up link (`/setup?token=…`).
    pub fn setup_token(&self) -> &str {
        &self.setup_token
    }

    /// The IMAP pollers' status shown on `/metrics` and `/healthz`.
    pub fn with_imap(mut self, health: Arc<ImapHealth>) -> Self {
        self.imap = Some(health);
        self
    }

    /// Mail posted to `POST /inbound/mime` goes through `intake` — the same
    /// path as `kindly ingest`. The endpoint also needs `[http] inbound_token`.
    pub fn with_intake(mut self, intake: Intake<S>) -> Self {
        self.intake = Some(intake);
        self
    }
}

/// Every route.
pub fn router<S: Store>(state: AppState<S>) -> Router {
    // The body of a posted mail is read only up to the largest mail we take.
    let mail_limit = usize::try_from(state.settings.max_message_bytes).unwrap_or(usize::MAX);
    let protected = Router::new()
        .route("/", get(index::<S>))
        .route("/tickets/{id}", get(ticket_page::<S>))
        .route("/tickets/{id}/reply", post(reply_form::<S>))
        .route("/outbox/{id}/send-now", post(send_now_form::<S>))
        .route("/tickets/{id}/settings", post(desk::settings_form::<S>))
        .route("/tickets/{id}/notes", post(desk::note_form::<S>))
        .route("/tickets/{id}/merge", post(desk::merge_form::<S>))
        .route("/messages/{id}/split", post(desk::split_form::<S>))
        .route("/events/{id}/undo", post(desk::undo_form::<S>))
        .route("/messages/{id}/attachments/{n}", get(desk::attachment::<S>))
        .route(
            "/saved",
            get(desk::saved_page::<S>).post(desk::saved_submit::<S>),
        )
        .route("/saved/{id}/delete", post(desk::saved_delete::<S>))
        .route("/set-aside", get(set_aside_page::<S>))
        .route("/messages/{id}/html", get(message_html_page::<S>))
        .route("/api/session", get(auth::api_session))
        .route("/api/tickets", get(api::api_tickets::<S>))
        .route("/api/tickets/{id}", get(api::api_ticket::<S>))
        .route("/api/outbox", get(api::api_outbox::<S>))
        .route("/api/tickets/{id}/events", get(api::api_events::<S>))
        .route("/api/tickets/{id}/similar", get(api::api_similar::<S>))
        .route("/api/tickets/{id}/merge", post(api::api_merge::<S>))
        .route("/api/messages/{id}/split", post(api::api_split::<S>))
        .route("/api/events/{id}/undo", post(api::api_undo::<S>))
        .route("/api/tickets/{id}/reply", post(api::api_reply::<S>))
        .route("/api/outbox/{id}/send-now", post(api::api_send_now::<S>))
        .route("/api/tone", post(api::api_tone))
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            auth::require_session::<S>,
        ));
    Router::new()
        .merge(protected)
        .route(
            "/login",
            get(auth::login_page::<S>).post(auth::login_submit::<S>),
        )
        .route("/logout", post(auth::logout::<S>))
        .route(
            "/setup",
            get(auth::setup_page::<S>).post(auth::setup_submit::<S>),
        )
        .route("/static/kindly.css", get(stylesheet))
        .route("/static/kindly.js", get(script))
        .route("/healthz", get(healthz::<S>))
        .route(
            "/inbound/mime",
            post(inbound::inbound_mime::<S>).layer(DefaultBodyLimit::max(mail_limit)),
        )
        .route("/metrics", get(metrics::metrics::<S>))
        .layer(axum::middleware::from_fn(auth::security_headers))
        .with_state(state)
}

/// Our one stylesheet (no inline styles: the CSP forbids them).
async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../static/kindly.css"),
    )
        .into_response()
}

/// Our one script: progressive enhancement only (every page works without it).
async fn script() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../static/kindly.js"),
    )
        .into_response()
}

/// An error page with a clear message; details go to the log, not the browser.
struct PageError(StatusCode, String);

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let page = ErrorPage {
            status: self.0.as_u16(),
            message: &self.1,
        };
        let body = page.render().unwrap_or_else(|_| self.1.clone());
        (self.0, Html(body)).into_response()
    }
}

fn internal(e: impl std::fmt::Display) -> PageError {
    tracing::error!(error = %e, "request failed");
    PageError(
        StatusCode::SERVICE_UNAVAILABLE,
        "The help desk's store is not answering right now. Please try again in a moment.".into(),
    )
}

fn render(t: &impl Template) -> Result<Html<String>, PageError> {
    t.render().map(Html).map_err(internal)
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    status: u16,
    message: &'a str,
}

#[derive(Template)]
#[template(path = "index.html")]
struct IndexPage<'a> {
    company: &'a str,
    nav: Option<auth::Nav>,
    tickets: Vec<TicketView>,
    f: InboxFilter,
    status_options: &'static [(&'static str, &'static str)],
    teams: Vec<String>,
    languages: &'static [(&'static str, &'static str)],
    next: Option<String>,
    error: Option<String>,
}

/// The inbox's filters as the agent chose them (kept in the form).
#[derive(Clone, Debug, Default, Deserialize)]
struct InboxFilter {
    #[serde(default)]
    q: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    team: String,
    #[serde(default)]
    lang: String,
    /// "" anyone, "me", "nobody".
    #[serde(default)]
    assignee: String,
    #[serde(default)]
    after: String,
}

const STATUS_OPTIONS: &[(&str, &str)] = &[
    ("open", "open"),
    ("pending", "waiting for the customer"),
    ("solved", "solved"),
    ("closed", "closed"),
    ("all", "all"),
];

const LANGUAGES: &[(&str, &str)] = &[
    ("et", "Estonian"),
    ("ru", "Russian"),
    ("en", "English"),
    ("de", "German"),
    ("fi", "Finnish"),
    ("lv", "Latvian"),
    ("lt", "Lithuanian"),
    ("uk", "Ukrainian"),
];

/// Tickets per inbox page.
const INBOX_PAGE: i64 = 50;

#[derive(Template)]
#[template(path = "ticket.html")]
struct TicketPage<'a> {
    company: &'a str,
    nav: Option<auth::Nav>,
    ticket: TicketView,
    /// The session's CSRF token for every form on the page.
    csrf: String,
    outbox: Vec<OutboxRow>,
    events: Vec<EventView>,
    /// The composer as the agent left it.
    draft: Draft,
    /// The tone guard's findings on the draft, when it was checked.
    findings: Vec<kindly_text::ToneFinding>,
    /// What the last action did ("reply queued …"), or why it was refused.
    notice: Option<String>,
    error: Option<String>,
    /// The customer is upset and nobody answered yet: the first reply waits.
    cooldown_minutes: Option<i64>,
    guideline: &'static str,
    /// Replies held for their cool-down: (outbox id, when it goes out, minutes left).
    held: Vec<(i64, String, i64)>,
    /// Each message with its attachments' download links.
    cards: Vec<Card>,
    notes: Vec<kindly_store::NoteView>,
    /// The customer's other tickets (teams this agent works).
    profile: Vec<TicketView>,
    /// Accounts that may work this ticket: (e-mail, name).
    agents: Vec<(String, String)>,
    saved: Vec<desk::SavedChoice>,
    /// The merge or split just done, for its Undo button.
    undo_event: Option<i64>,
    /// The open promise: its deadline in Unix seconds (kindly.js counts down
    /// from it) and the time left as the page was made.
    countdown: Option<(i64, String)>,
    statuses: &'static [&'static str],
    priorities: &'static [&'static str],
}

/// One message on the ticket page.
struct Card {
    m: MessageView,
    /// Customer mail in a ticket of several messages can be split off.
    splittable: bool,
    /// (index, file name, size in readable form, content type)
    files: Vec<(usize, String, String, String)>,
}

impl Card {
    fn of(m: MessageView, messages: usize) -> Card {
        let files = m
            .attachments
            .as_array()
            .map(|list| {
                list.iter()
                    .enumerate()
                    .map(|(i, a)| {
                        let name = a
                            .get("filename")
                            .and_then(|v| v.as_str())
                            .filter(|n| !n.is_empty())
                            .map_or_else(|| format!("attachment {}", i + 1), str::to_string);
                        let size = a
                            .get("size")
                            .and_then(serde_json::Value::as_u64)
                            .unwrap_or(0);
                        let kind = a
                            .get("content_type")
                            .and_then(|v| v.as_str())
                            .unwrap_or("")
                            .to_string();
                        (i, name, readable_size(size), kind)
                    })
                    .collect()
            })
            .unwrap_or_default();
        Card {
            splittable: messages > 1 && m.outcome != "quarantined" && m.outcome != "automatic",
            files,
            m,
        }
    }
}

/// Seconds to a deadline as the agent reads it: "2 h 5 min left", "15 min overdue".
/// (kindly.js words it the same way as it counts down.)
fn time_left(secs: i64) -> String {
    let mins = (secs.abs() + 59) / 60;
    let span = if mins >= 60 * 24 {
        format!("{} d {} h", mins / (60 * 24), mins % (60 * 24) / 60)
    } else if mins >= 60 {
        format!("{} h {} min", mins / 60, mins % 60)
    } else {
        format!("{mins} min")
    };
    if secs >= 0 {
        format!("{span} left")
    } else {
        format!("{span} overdue")
    }
}

/// 1536 → "1.5 KB".
fn readable_size(bytes: u64) -> String {
    #[allow(clippy::cast_precision_loss)] // a size shown to one decimal
    let b = bytes as f64;
    if bytes < 1024 {
        format!("{bytes} bytes")
    } else if b < 1024.0 * 1024.0 {
        format!("{:.1} KB", b / 1024.0)
    } else {
        format!("{:.1} MB", b / (1024.0 * 1024.0))
    }
}

/// The reply composer's fields.
#[derive(Clone, Debug, Default, Deserialize)]
struct Draft {
    #[serde(default)]
    body: String,
    #[serde(default)]
    status: String,
    /// "on" when ticked: send even the first answer to an upset customer at once.
    #[serde(default)]
    send_now: Option<String>,
    /// "on": the agent saw the tone findings and sends as written.
    #[serde(default)]
    as_written: Option<String>,
    /// An internal note being written (kept when it is refused).
    #[serde(default)]
    note: String,
}

#[derive(Template)]
#[template(path = "set_aside.html")]
struct SetAsidePage<'a> {
    company: &'a str,
    nav: Option<auth::Nav>,
    kind: &'a str,
    title: &'a str,
    messages: Vec<MessageView>,
}

async fn index<S: Store>(
    State(st): State<AppState<S>>,
    Extension(session): Extension<SessionRow>,
    Query(mut f): Query<InboxFilter>,
) -> Result<Html<String>, PageError> {
    use kindly_core::TicketStatus;
    let mut error = None;
    let statuses = match f.status.as_str() {
        "" | "open" => vec![TicketStatus::Open],
        "all" => vec![
            TicketStatus::Open,
            TicketStatus::Pending,
            TicketStatus::Solved,
            TicketStatus::Closed,
        ],
        other => match TicketStatus::parse(other) {
            Some(s) => vec![s],
            None => {
                error = Some(format!(
                    "\"{other}\" is not a status; showing open tickets."
                ));
                vec![TicketStatus::Open]
            }
        },
    };
    if f.status.is_empty() || error.is_some() {
        f.status = "open".into();
    }
    // The teams this agent works (admins: all); a chosen team narrows it.
    let mine: Vec<String> = st
        .settings
        .teams
        .iter()
        .map(|t| t.name.clone())
        .filter(|t| can_see(&session.user, t))
        .collect();
    let teams = if f.team.is_empty() {
        (session.user.role != "admin").then(|| session.user.teams.clone())
    } else if mine.contains(&f.team) {
        Some(vec![f.team.clone()])
    } else {
        error = Some(format!(
            "\"{}\" is not one of your teams; showing all of them.",
            f.team
        ));
        f.team.clear();
        (session.user.role != "admin").then(|| session.user.teams.clone())
    };
    if !f.lang.is_empty() && !LANGUAGES.iter().any(|(c, _)| *c == f.lang) {
        error = Some(format!(
            "\"{}\" is not a language here; showing every language.",
            f.lang
        ));
        f.lang.clear();
    }
    let assignee = match f.assignee.as_str() {
        "" => None,
        "me" => Some(kindly_store::AssigneeFilter::Agent(
            session.user.email.clone(),
        )),
        "nobody" => Some(kindly_store::AssigneeFilter::Nobody),
        other => {
            error = Some(format!(
                "\"{other}\" is not a choice for “worked by”; showing everyone's tickets."
            ));
            f.assignee.clear();
            None
        }
    };
    let page = st
        .store
        .inbox(&kindly_store::InboxQuery {
            teams,
            statuses,
            language: (!f.lang.is_empty()).then(|| f.lang.clone()),
            assignee,
            search: (!f.q.trim().is_empty()).then(|| f.q.clone()),
            after: (!f.after.is_empty()).then(|| f.after.clone()),
            limit: INBOX_PAGE,
        })
        .await
        .map_err(internal)?;
    let next = page.next.map(|cursor| {
        let mut url = String::from("/?");
        for (k, v) in [
            ("q", f.q.as_str()),
            ("status", f.status.as_str()),
            ("team", f.team.as_str()),
            ("lang", f.lang.as_str()),
            ("assignee", f.assignee.as_str()),
            ("after", cursor.as_str()),
        ] {
            if !v.is_empty() {
                url.push_str(k);
                url.push('=');
                url.push_str(&query_escape(v));
                url.push('&');
            }
        }
        url.trim_end_matches('&').to_string()
    });
    render(&IndexPage {
        company: &st.settings.company,
        nav: auth::Nav::of(&session),
        tickets: page.tickets,
        f,
        status_options: STATUS_OPTIONS,
        teams: mine,
        languages: LANGUAGES,
        next,
        error,
    })
}

/// Percent-encodes a query parameter's value.
fn query_escape(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for b in v.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn parse_id(raw: &str) -> Result<i64, PageError> {
    raw.trim_start_matches('#').parse::<i64>().map_err(|_| {
        PageError(
            StatusCode::BAD_REQUEST,
            format!("\"{raw}\" is not a ticket number. Ticket numbers look like 42."),
        )
    })
}

#[derive(Deserialize)]
struct TicketQuery {
    sent: Option<i64>,
    /// What the action that led here did (merged, split, undone, note, settings).
    done: Option<String>,
    /// The merge or split just done (its Undo button).
    event: Option<i64>,
    /// A saved reply to start the draft with.
    saved: Option<i64>,
}

async fn ticket_page<S: Store>(
    State(st): State<AppState<S>>,
    Extension(session): Extension<SessionRow>,
    Path(raw): Path<String>,
    Query(q): Query<TicketQuery>,
) -> Result<Html<String>, PageError> {
    let id = parse_id(&raw)?;
    let notice = q
        .sent
        .map(|o| format!("Your reply is queued (mail {o})."))
        .or_else(|| {
            q.done
                .as_deref()
                .and_then(desk::done_notice)
                .map(str::to_string)
        });
    let mut draft = Draft::default();
    if let Some(saved) = q.saved {
        let all = st.store.saved_replies().await.map_err(internal)?;
        match all.into_iter().find(|r| r.id == saved) {
            Some(r) => draft.body = r.body,
            None => {
                return Err(PageError(
                    StatusCode::NOT_FOUND,
                    format!("There is no saved reply {saved}."),
                ));
            }
        }
    }
    let undo = q
        .event
        .filter(|_| matches!(q.done.as_deref(), Some("merged" | "split")));
    render_ticket_with(&st, &session, id, draft, notice, undo)
        .await
        .map(|(_, page)| page)
}

/// The ticket page after a GET: a notice and the Undo button of what led here.
async fn render_ticket_with<S: Store>(
    st: &AppState<S>,
    session: &SessionRow,
    id: i64,
    draft: Draft,
    notice: Option<String>,
    undo_event: Option<i64>,
) -> Result<(StatusCode, Html<String>), PageError> {
    let view = Extras { undo_event };
    render_ticket_inner(
        st,
        session,
        id,
        draft,
        Vec::new(),
        notice,
        None,
        StatusCode::OK,
        view,
    )
    .await
}

/// Extras of a ticket page rendered after an action.
#[derive(Clone, Copy, Default)]
struct Extras {
    /// The merge or split just done: its Undo button.
    undo_event: Option<i64>,
}

/// The ticket page with the composer in the given state.
#[allow(clippy::too_many_arguments)]
async fn render_ticket<S: Store>(
    st: &AppState<S>,
    session: &SessionRow,
    id: i64,
    draft: Draft,
    findings: Vec<kindly_text::ToneFinding>,
    notice: Option<String>,
    error: Option<String>,
    status: StatusCode,
) -> Result<(StatusCode, Html<String>), PageError> {
    render_ticket_inner(
        st,
        session,
        id,
        draft,
        findings,
        notice,
        error,
        status,
        Extras::default(),
    )
    .await
}

#[allow(clippy::too_many_arguments)]
async fn render_ticket_inner<S: Store>(
    st: &AppState<S>,
    session: &SessionRow,
    id: i64,
    draft: Draft,
    findings: Vec<kindly_text::ToneFinding>,
    notice: Option<String>,
    error: Option<String>,
    status: StatusCode,
    extra: Extras,
) -> Result<(StatusCode, Html<String>), PageError> {
    // Another team's ticket is "not there" for this agent (no IDOR, no leak).
    let found = st.store.ticket(id).await.map_err(internal)?;
    let Some(ticket) = found.filter(|t| can_see(&session.user, &t.team)) else {
        return Err(PageError(
            StatusCode::NOT_FOUND,
            format!("There is no ticket #{id}."),
        ));
    };
    let messages = st.store.messages_of(id).await.map_err(internal)?;
    let outbox = st.store.outbox(Some(id)).await.map_err(internal)?;
    let events = st.store.events_of(id).await.map_err(internal)?;
    let now = SystemClock.now();
    let held = outbox
        .iter()
        .filter(|o| o.kind == "reply" && o.status == "queued" && o.next_try_at > now)
        .map(|o| {
            let left = (o.next_try_at.as_second() - now.as_second() + 59) / 60;
            (o.id, o.next_try_at.to_string(), left)
        })
        .collect();
    let cooldown_minutes =
        (ticket.angry && ticket.first_response_at.is_none() && st.settings.cooldown.is_positive())
            .then(|| st.settings.cooldown.as_mins());
    let mut draft = draft;
    if draft.status.is_empty() {
        draft.status = "pending".into();
    }
    let notes = st.store.notes_of(id).await.map_err(internal)?;
    let mut profile = st
        .store
        .customer_tickets(&ticket.customer, 21)
        .await
        .map_err(internal)?;
    profile.retain(|t| t.id != id && can_see(&session.user, &t.team));
    profile.truncate(20);
    let agents = st
        .store
        .users()
        .await
        .map_err(internal)?
        .into_iter()
        .filter(|u| !u.disabled && can_see(u, &ticket.team))
        .map(|u| (u.email, u.name))
        .collect();
    let saved = desk::saved_choices(
        &st.store.saved_replies().await.map_err(internal)?,
        ticket.language.as_deref(),
    );
    let count = messages.len();
    let cards = messages.into_iter().map(|m| Card::of(m, count)).collect();
    let countdown = ticket
        .promised_by
        .filter(|_| ticket.first_response_at.is_none())
        .map(|p| (p.as_second(), time_left(p.as_second() - now.as_second())));
    let page = render(&TicketPage {
        company: &st.settings.company,
        nav: auth::Nav::of(session),
        csrf: session.csrf.clone(),
        ticket,
        outbox,
        events,
        draft,
        findings,
        notice,
        error,
        cooldown_minutes,
        guideline: agent::CALM_GUIDELINE,
        held,
        cards,
        notes,
        profile,
        agents,
        saved,
        undo_event: extra.undo_event,
        countdown,
        statuses: &["open", "pending", "solved", "closed"],
        priorities: &["normal", "high", "urgent"],
    })?;
    Ok((status, page))
}

#[derive(Deserialize)]
struct ReplyForm {
    #[serde(default)]
    csrf: String,
    /// "check" (the tone guard only) or "send".
    #[serde(default)]
    action: String,
    #[serde(flatten)]
    draft: Draft,
}

/// `POST /tickets/N/reply` from the composer: "Check the tone" shows the tone
/// guard's findings next to the kept draft; "Send" queues the reply unless the
/// guard found something the agent has not confirmed. Bad input re-renders the
/// page with a clear message and everything the agent typed.
async fn reply_form<S: Store>(
    State(st): State<AppState<S>>,
    Extension(session): Extension<SessionRow>,
    Path(raw): Path<String>,
    form: Result<axum::Form<ReplyForm>, axum::extract::rejection::FormRejection>,
) -> Result<Response, PageError> {
    let id = parse_id(&raw)?;
    let Ok(axum::Form(form)) = form else {
        return Err(PageError(
            StatusCode::BAD_REQUEST,
            "The reply form was incomplete. Go back, reload the ticket and try again.".into(),
        ));
    };
    auth::check_form_csrf(&session, &form.csrf)?;
    let draft = form.draft;
    let lang = st
        .store
        .ticket(id)
        .await
        .map_err(internal)?
        .and_then(|t| t.language);
    let report = kindly_text::tone(&draft.body, lang.as_deref());
    let page = |draft: Draft, findings, notice, error, status| {
        let st = st.clone();
        let session = session.clone();
        async move {
            render_ticket(&st, &session, id, draft, findings, notice, error, status)
                .await
                .map(IntoResponse::into_response)
        }
    };
    if draft.body.trim().is_empty() {
        return page(
            draft,
            Vec::new(),
            None,
            Some("Write the reply first: it is empty.".into()),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    if form.action == "check" {
        let notice = report
            .ok
            .then(|| "The tone guard found nothing to change.".to_string());
        return page(draft, report.findings, notice, None, StatusCode::OK).await;
    }
    if !report.ok && draft.as_written.is_none() {
        let error = "The tone guard found phrases that may read as blame or a lecture (below). Change them, or tick “Send as written”.".to_string();
        return page(
            draft,
            report.findings,
            None,
            Some(error),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let status = match draft.status.as_str() {
        "" | "pending" => kindly_core::TicketStatus::Pending,
        other => match kindly_core::TicketStatus::parse(other) {
            Some(s) => s,
            None => {
                let error = format!("\"{other}\" is not a status.");
                return page(
                    draft.clone(),
                    Vec::new(),
                    None,
                    Some(error),
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await;
            }
        },
    };
    let done = agent::reply(
        &st.store,
        &st.settings,
        &agent::ReplyDraft {
            ticket: id,
            author: &session.user.email,
            body: &draft.body,
            send_now: draft.send_now.is_some(),
            status: Some(status),
        },
        SystemClock.now(),
    )
    .await;
    match done {
        Ok(r) => Ok(
            axum::response::Redirect::to(&format!("/tickets/{id}?sent={}", r.outbox))
                .into_response(),
        ),
        Err(AgentError::Refused(m)) => {
            page(
                draft,
                Vec::new(),
                None,
                Some(m),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(AgentError::NoTicket(_)) => Err(PageError(
            StatusCode::NOT_FOUND,
            format!("There is no ticket #{id}."),
        )),
        Err(AgentError::Store(e)) => Err(internal(e)),
    }
}

/// `POST /outbox/N/send-now` from the ticket page's cool-down notice.
async fn send_now_form<S: Store>(
    State(st): State<AppState<S>>,
    Extension(session): Extension<SessionRow>,
    Path(raw): Path<String>,
    form: Result<axum::Form<desk::CsrfForm>, axum::extract::rejection::FormRejection>,
) -> Result<Response, PageError> {
    let id = parse_id(&raw)?;
    let csrf = form.map(|axum::Form(f)| f.csrf).unwrap_or_default();
    auth::check_form_csrf(&session, &csrf)?;
    let ticket = desk::page_owner(&st, &session, Owned::Outbox, id).await?.id;
    agent::send_now(&st.store, id, SystemClock.now())
        .await
        .map_err(|e| internal(e.to_string()))?;
    Ok(axum::response::Redirect::to(&format!("/tickets/{ticket}?sent={id}")).into_response())
}

#[derive(Template)]
#[template(path = "message_html.html")]
struct MessageHtmlPage<'a> {
    company: &'a str,
    nav: Option<auth::Nav>,
    ticket: i64,
    message: MessageView,
    html: String,
    blocked_images: usize,
    removed: Vec<String>,
}

#[derive(Deserialize)]
struct ImagesQuery {
    images: Option<String>,
}

/// `GET /messages/ID/html[?images=1]`: one message as its sender formatted it,
/// sanitised (`sanitize.rs`), remote images only on request. Mail too deeply
/// nested to parse cheaply, or without HTML, is refused with a clear message
/// (its text is on the ticket page).
async fn message_html_page<S: Store>(
    State(st): State<AppState<S>>,
    Extension(session): Extension<SessionRow>,
    Path(raw): Path<String>,
    Query(q): Query<ImagesQuery>,
) -> Result<Html<String>, PageError> {
    let id = raw.trim_start_matches('#').parse::<i64>().map_err(|_| {
        PageError(
            StatusCode::BAD_REQUEST,
            format!("\"{raw}\" is not a message number."),
        )
    })?;
    let not_there = || PageError(StatusCode::NOT_FOUND, format!("There is no message {id}."));
    let ticket = desk::page_owner(&st, &session, Owned::Message, id).await?;
    let message = st
        .store
        .messages_of(ticket.id)
        .await
        .map_err(internal)?
        .into_iter()
        .find(|m| m.id == id)
        .ok_or_else(not_there)?;
    let bytes = match message.raw_id {
        Some(r) => st.store.raw_bytes(r).await.map_err(internal)?,
        None => None,
    }
    .ok_or_else(not_there)?;
    let show_images = q.images.as_deref() == Some("1");
    // Parsing and sanitising are CPU work: off the async workers.
    let safe = tokio::task::spawn_blocking(move || {
        let html = kindly_mail::html::html_body(&bytes)?;
        if !sanitize::nesting_depth_at_most(&html, sanitize::MAX_NESTING) {
            return Some(Err(()));
        }
        Some(Ok(sanitize::safe_html(&html, show_images)))
    })
    .await
    .map_err(internal)?;
    let safe = match safe {
        None => {
            return Err(PageError(
                StatusCode::NOT_FOUND,
                format!(
                    "Message {id} has no formatted (HTML) version; its text is on the ticket page."
                ),
            ));
        }
        Some(Err(())) => {
            return Err(PageError(
                StatusCode::UNPROCESSABLE_ENTITY,
                format!(
                    "Message {id} is nested too deeply to show safely; its text is on the ticket page."
                ),
            ));
        }
        Some(Ok(s)) => s,
    };
    render(&MessageHtmlPage {
        company: &st.settings.company,
        nav: auth::Nav::of(&session),
        ticket: ticket.id,
        message,
        html: safe.html,
        blocked_images: safe.blocked_images,
        removed: safe.removed,
    })
}

#[derive(Deserialize)]
struct KindQuery {
    kind: Option<String>,
}

async fn set_aside_page<S: Store>(
    State(st): State<AppState<S>>,
    Extension(session): Extension<SessionRow>,
    Query(q): Query<KindQuery>,
) -> Result<Html<String>, PageError> {
    let kind = q.kind.as_deref().unwrap_or("quarantine");
    let (which, title) = match kind {
        "quarantine" => (SetAside::Quarantine, "Quarantine: mail we could not read"),
        "spam" => (
            SetAside::Spam,
            "Spam: flagged by the mail server, never answered",
        ),
        "automatic" => (
            SetAside::Automatic,
            "Automatic mail: bounces, auto-replies, newsletters",
        ),
        other => {
            return Err(PageError(
                StatusCode::BAD_REQUEST,
                format!("\"{other}\" is not a list here. Choose quarantine, spam or automatic."),
            ));
        }
    };
    let messages = st.store.set_aside(which).await.map_err(internal)?;
    render(&SetAsidePage {
        company: &st.settings.company,
        nav: auth::Nav::of(&session),
        kind,
        title,
        messages,
    })
}

async fn healthz<S: Store>(State(st): State<AppState<S>>) -> Response {
    match st.store.ping().await {
        Ok(()) => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "text/plain")],
            // One line per IMAP mailbox (informational: a mailbox that is down
            // does not make the process unhealthy), then the verdict.
            format!(
                "{}ok\n",
                st.imap.as_deref().map_or_else(String::new, |h| {
                    metrics::imap_health_lines(h, SystemClock.now())
                })
            ),
        )
            .into_response(),
        Err(e) => {
            tracing::error!(error = %e, "health check");
            (StatusCode::SERVICE_UNAVAILABLE, "store unavailable\n").into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use axum::body::Body;
    use axum::http::{Request, StatusCode, header};
    use kindly_app::{Intake, Settings};
    use kindly_store::{Counts, DayStats, SqliteStore};
    use tower::ServiceExt;

    use super::{AppState, inbound, metrics, router};

    const TOKEN: &str = "test-token-0123456789abcdef";
    const MAIL: &str = "From: Emily Clarke <emily@example.com>\r\nTo: support@localhost\r\n\
Subject: Cannot log in\r\nMessage-ID: <web1@example.com>\r\nDate: Mon, 2 Mar 2026 10:00:00 +0200\r\n\
Content-Type: text/plain; charset=utf-8\r\n\r\nHello, I cannot log in to my account. Please help.\r\n";

    async fn app(dir: &std::path::Path, env: &[(&str, &str)]) -> axum::Router {
        let env: Vec<(String, String)> = env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let settings = Arc::new(Settings::from_env(&env).expect("settings"));
        let store = SqliteStore::open(&dir.join("kindly.db"))
            .await
            .expect("store");
        let templates = Arc::new(kindly_mail::compose::Templates::new(&[]).expect("templates"));
        let intake = Intake::new(store.clone(), settings.clone(), templates);
        router(AppState::new(store, settings).with_intake(intake))
    }

    fn post(token: Option<&str>, body: Body) -> Request<Body> {
        let mut r = Request::post("/inbound/mime").header(header::CONTENT_TYPE, "message/rfc822");
        if let Some(t) = token {
            r = r.header(header::AUTHORIZATION, format!("Bearer {t}"));
        }
        r.body(body).expect("request")
    }

    async fn answer(app: &axum::Router, req: Request<Body>) -> (StatusCode, serde_json::Value) {
        let res = app.clone().oneshot(req).await.expect("answer");
        let status = res.status();
        let bytes = axum::body::to_bytes(res.into_body(), 1 << 20)
            .await
            .expect("body");
        (
            status,
            serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null),
        )
    }

    #[tokio::test]
    async fn inbound_is_disabled_without_a_token() {
        let dir = tempfile::tempdir().expect("tempdir");
        let app = app(dir.path(), &[]).await;
        let (code, body) = answer(&app, post(Some(TOKEN), Body::from(MAIL))).await;
        assert_eq!(code, StatusCode::NOT_FOUND);
        assert!(body["error"].as_str().unwrap().contains("disabled"));
    }

    #[tokio::test]
    async fn inbound_refuses_before_it_reads_and_takes_good_mail() {
        let dir = tempfile::tempdir().expect("tempdir");
        let app = app(
            dir.path(),
            &[
                ("KINDLY_INBOUND_TOKEN", TOKEN),
                ("KINDLY_MAX_MESSAGE_BYTES", "1000"),
            ],
        )
        .await;
        for token in [None, Some("wrong-token-0123456789abcdef")] {
            let (code, _) = answer(&app, post(token, Body::from(MAIL))).await;
            assert_eq!(code, StatusCode::UNAUTHORIZED, "{token:?}");
        }
        let wrong_type = Request::post("/inbound/mime")
            .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(MAIL))
            .expect("request");
        assert_eq!(
            answer(&app, wrong_type).await.0,
            StatusCode::UNSUPPORTED_MEDIA_TYPE
        );
        // Too large (a chunked body without Content-Length is tested end to end).
        let big = format!("{MAIL}{}", "x".repeat(2000));
        let (code, body) = answer(&app, post(Some(TOKEN), Body::from(big))).await;
        assert_eq!(code, StatusCode::PAYLOAD_TOO_LARGE);
        assert!(body["error"].as_str().unwrap().contains("1000 bytes"));
        assert_eq!(
            answer(&app, post(Some(TOKEN), Body::from(" \r\n"))).await.0,
            StatusCode::BAD_REQUEST
        );
        let (code, body) = answer(&app, post(Some(TOKEN), Body::from(MAIL))).await;
        assert_eq!(code, StatusCode::OK, "{body}");
        assert_eq!(body["outcome"], "new_ticket");
        assert_eq!(body["ticket"], 1);
        assert_eq!(body["message_id"], "<web1@example.com>");
        let (code, body) = answer(&app, post(Some(TOKEN), Body::from(MAIL))).await;
        assert_eq!(code, StatusCode::OK);
        assert_eq!(body["outcome"], "duplicate_delivery");

        let res = app
            .clone()
            .oneshot(
                Request::get("/metrics")
                    .body(Body::empty())
                    .expect("request"),
            )
            .await
            .expect("answer");
        assert_eq!(
            res.headers()[header::CONTENT_TYPE],
            "text/plain; version=0.0.4; charset=utf-8"
        );
        let text = String::from_utf8(
            axum::body::to_bytes(res.into_body(), 1 << 20)
                .await
                .expect("body")
                .to_vec(),
        )
        .expect("utf-8");
        for line in [
            "kindly_up 1",
            "kindly_tickets_total 1",
            "kindly_mails_total{outcome=\"new_or_repeat\"} 1",
            "kindly_outbox{status=\"queued\"} 1",
            "kindly_inbound_http_requests_total{code=\"200\"} 2",
            "kindly_inbound_http_requests_total{code=\"401\"} 2",
            "kindly_inbound_http_requests_total{code=\"413\"} 1",
        ] {
            assert!(text.lines().any(|l| l == line), "{line} in\n{text}");
        }
    }

    #[test]
    fn bearer_tokens_compare_whole() {
        let mut h = axum::http::HeaderMap::new();
        assert!(!inbound::bearer_matches(&h, TOKEN));
        for (value, ok) in [
            (format!("Bearer {TOKEN}"), true),
            (format!("bearer  {TOKEN} "), true),
            (format!("Basic {TOKEN}"), false),
            (format!("Bearer {TOKEN}x"), false),
            (format!("Bearer {}", &TOKEN[1..]), false),
            ("Bearer".to_string(), false),
        ] {
            h.insert(header::AUTHORIZATION, value.parse().expect("header"));
            assert_eq!(inbound::bearer_matches(&h, TOKEN), ok, "{value}");
        }
        assert!(inbound::constant_time_eq(b"", b""));
        assert!(!inbound::constant_time_eq(b"a", b""));
    }

    #[test]
    fn exposition_escapes_labels_and_says_when_the_store_is_down() {
        assert_eq!(metrics::label_value("a\\b\"c\nd"), "a\\\\b\\\"c\\nd");
        let mut x = metrics::Exposition::default();
        x.family("m", "gauge", "two\nlines");
        x.sample("m", &[("k", "v\"")], 3);
        assert_eq!(
            x.into_text(),
            "# HELP m two\\nlines\n# TYPE m gauge\nm{k=\"v\\\"\"} 3\n"
        );
        let down = metrics::render(None, &[(503, 2)]);
        assert!(down.lines().any(|l| l == "kindly_up 0"));
        assert!(!down.contains("kindly_tickets_total"));
        assert!(
            down.lines()
                .any(|l| l == "kindly_inbound_http_requests_total{code=\"503\"} 2")
        );
        let counts = Counts {
            raw: 7,
            messages: 6,
            tickets: 3,
            open_tickets: 2,
            queued: 1,
            sent: 2,
            failed: 0,
        };
        let days = [
            DayStats {
                mails: 4,
                follow_ups: 1,
                automatic: 1,
                ..DayStats::default()
            },
            DayStats {
                mails: 2,
                quarantined: 1,
                repeats_folded: 1,
                ..DayStats::default()
            },
        ];
        let text = metrics::render(Some((&counts, &days)), &[]);
        for line in [
            "kindly_up 1",
            "kindly_raw_mails_total 7",
            "kindly_mails_total{outcome=\"new_or_repeat\"} 3",
            "kindly_mails_total{outcome=\"follow_up\"} 1",
            "kindly_mails_total{outcome=\"automatic\"} 1",
            "kindly_mails_total{outcome=\"quarantined\"} 1",
            "kindly_mails_total{outcome=\"thanks\"} 0",
            "kindly_tickets_total 3",
            "kindly_open_tickets 2",
            "kindly_repeats_folded 1",
            "kindly_outbox{status=\"queued\"} 1",
            "kindly_outbox{status=\"sent\"} 2",
            "kindly_outbox{status=\"failed\"} 0",
        ] {
            assert!(text.lines().any(|l| l == line), "{line} in\n{text}");
        }
        // Every sample line belongs to a family declared before it.
        let mut declared = std::collections::HashSet::new();
        for l in text.lines() {
            if let Some(rest) = l.strip_prefix("# TYPE ") {
                declared.insert(rest.split(' ').next().unwrap_or("").to_string());
            } else if !l.starts_with('#') {
                let name = l.split(['{', ' ']).next().unwrap_or("");
                assert!(declared.contains(name), "{l}");
            }
        }
    }
}
