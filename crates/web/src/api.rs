//! The JSON API for agents' tools: the same use cases as the pages and the
//! CLI, with JSON errors (`{"error": "..."}`); every call needs a session, every
//! POST the session's CSRF token (checked in `auth.rs`) and a JSON body.

use axum::Extension;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use kindly_app::accounts::can_see;
use kindly_app::agent::{self, AgentError};
use kindly_app::{Clock, SystemClock};
use kindly_store::{
    ActionDone, EventView, OutboxRow, Owned, SessionRow, Store, StoreError, TicketView,
};
use serde::Deserialize;

use crate::AppState;

/// JSON errors for the API: `{"error": "..."}`.
pub(crate) struct ApiError(pub(crate) StatusCode, pub(crate) String);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.0, Json(serde_json::json!({ "error": self.1 }))).into_response()
    }
}

pub(crate) fn api_internal(e: impl std::fmt::Display) -> ApiError {
    tracing::error!(error = %e, "api request failed");
    ApiError(StatusCode::SERVICE_UNAVAILABLE, "store unavailable".into())
}

/// State-changing API calls must send `Content-Type: application/json`: a
/// plain HTML form on another site cannot, so it cannot trigger them (CSRF).
/// Accounts and CSRF tokens for the browser UI come with the agent UI.
pub(crate) fn require_json(headers: &axum::http::HeaderMap) -> Result<(), ApiError> {
    let json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim_start().starts_with("application/json"));
    if json {
        Ok(())
    } else {
        Err(ApiError(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "send Content-Type: application/json (a JSON body, {} when there is nothing to say)"
                .into(),
        ))
    }
}

pub(crate) async fn api_tickets<S: Store>(
    State(st): State<AppState<S>>,
    Extension(session): Extension<SessionRow>,
) -> Result<Json<Vec<TicketView>>, ApiError> {
    let mut tickets = st.store.tickets().await.map_err(api_internal)?;
    tickets.retain(|t| can_see(&session.user, &t.team));
    Ok(Json(tickets))
}

/// The ticket, when it exists and the session's agent may see it; 404 alike
/// otherwise (another team's ticket is not there for them).
pub(crate) async fn visible_ticket<S: Store>(
    st: &AppState<S>,
    session: &SessionRow,
    id: i64,
) -> Result<TicketView, ApiError> {
    st.store
        .ticket(id)
        .await
        .map_err(api_internal)?
        .filter(|t| can_see(&session.user, &t.team))
        .ok_or_else(|| ApiError(StatusCode::NOT_FOUND, format!("no ticket #{id}")))
}

/// A message, event or outbox row the session's agent may act on: its
/// ticket must be visible to them; rows of no ticket are for admins.
pub(crate) async fn visible_owner<S: Store>(
    st: &AppState<S>,
    session: &SessionRow,
    what: Owned,
    id: i64,
) -> Result<(), ApiError> {
    let noun = match what {
        Owned::Message => "message",
        Owned::Event => "event",
        Owned::Outbox => "mail",
    };
    let missing = || ApiError(StatusCode::NOT_FOUND, format!("no {noun} {id}"));
    match st
        .store
        .owner_ticket(what, id)
        .await
        .map_err(api_internal)?
    {
        None => Err(missing()),
        Some(Some(ticket)) => visible_ticket(st, session, ticket)
            .await
            .map(|_| ())
            .map_err(|_| missing()),
        Some(None) if session.user.role == "admin" => Ok(()),
        Some(None) => Err(missing()),
    }
}

pub(crate) async fn api_ticket<S: Store>(
    State(st): State<AppState<S>>,
    Extension(session): Extension<SessionRow>,
    Path(raw): Path<String>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let id = api_number(&raw, "ticket")?;
    let ticket = visible_ticket(&st, &session, id).await?;
    let messages = st.store.messages_of(id).await.map_err(api_internal)?;
    Ok(Json(
        serde_json::json!({ "ticket": ticket, "messages": messages }),
    ))
}

pub(crate) async fn api_outbox<S: Store>(
    State(st): State<AppState<S>>,
    Extension(session): Extension<SessionRow>,
) -> Result<Json<Vec<OutboxRow>>, ApiError> {
    let rows = st.store.outbox(None).await.map_err(api_internal)?;
    if session.user.role == "admin" {
        return Ok(Json(rows));
    }
    let visible: std::collections::HashSet<i64> = st
        .store
        .tickets()
        .await
        .map_err(api_internal)?
        .into_iter()
        .filter(|t| can_see(&session.user, &t.team))
        .map(|t| t.id)
        .collect();
    Ok(Json(
        rows.into_iter()
            .filter(|r| r.ticket.is_some_and(|t| visible.contains(&t)))
            .collect(),
    ))
}

pub(crate) fn api_number(raw: &str, what: &str) -> Result<i64, ApiError> {
    raw.trim_start_matches('#')
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| {
            ApiError(
                StatusCode::BAD_REQUEST,
                format!("{raw:?} is not a {what} number"),
            )
        })
}

/// Agent-action errors: what is missing is 404, what cannot be done is 409.
pub(crate) fn api_store(e: StoreError) -> ApiError {
    match e {
        StoreError::NotFound(m) => ApiError(StatusCode::NOT_FOUND, m),
        StoreError::Refused(m) => ApiError(StatusCode::CONFLICT, m),
        StoreError::Corrupt(m) => {
            tracing::error!(error = %m, "stored data is corrupt");
            ApiError(
                StatusCode::INTERNAL_SERVER_ERROR,
                "stored data is corrupt; see the server log".into(),
            )
        }
        other => api_internal(other),
    }
}

pub(crate) fn api_agent(e: AgentError) -> ApiError {
    match e {
        AgentError::NoTicket(_) => ApiError(StatusCode::NOT_FOUND, e.to_string()),
        AgentError::Refused(m) => ApiError(StatusCode::UNPROCESSABLE_ENTITY, m),
        AgentError::Store(s) => api_store(s),
    }
}

pub(crate) async fn api_events<S: Store>(
    State(st): State<AppState<S>>,
    Extension(session): Extension<SessionRow>,
    Path(raw): Path<String>,
) -> Result<Json<Vec<EventView>>, ApiError> {
    let id = api_number(&raw, "ticket")?;
    visible_ticket(&st, &session, id).await?;
    st.store.events_of(id).await.map(Json).map_err(api_internal)
}

#[derive(Deserialize)]
pub(crate) struct LimitQuery {
    limit: Option<usize>,
}

pub(crate) async fn api_similar<S: Store>(
    State(st): State<AppState<S>>,
    Extension(session): Extension<SessionRow>,
    Path(raw): Path<String>,
    Query(q): Query<LimitQuery>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let id = api_number(&raw, "ticket")?;
    visible_ticket(&st, &session, id).await?;
    let limit = q.limit.unwrap_or(10).clamp(1, 100);
    let mut found = agent::similar(&st.store, id, limit, &st.settings.policy.repeat)
        .await
        .map_err(api_agent)?;
    // Only tickets of teams the agent works (the rest are not there for them).
    let mut visible = Vec::with_capacity(found.len());
    for f in found.drain(..) {
        if visible_ticket(&st, &session, f.ticket).await.is_ok() {
            visible.push(f);
        }
    }
    let found = visible;
    Ok(Json(serde_json::json!({ "ticket": id, "similar": found })))
}

#[derive(Deserialize)]
pub(crate) struct MergeBody {
    into: i64,
}

pub(crate) async fn api_merge<S: Store>(
    State(st): State<AppState<S>>,
    Extension(session): Extension<SessionRow>,
    Path(raw): Path<String>,
    body: Result<Json<MergeBody>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<ActionDone>, ApiError> {
    let from = api_number(&raw, "ticket")?;
    let Json(body) = body.map_err(|e| {
        ApiError(
            StatusCode::BAD_REQUEST,
            format!("send a JSON body like {{\"into\": 42}}: {e}"),
        )
    })?;
    visible_ticket(&st, &session, from).await?;
    visible_ticket(&st, &session, body.into).await?;
    st.store
        .merge(from, body.into, SystemClock.now())
        .await
        .map(Json)
        .map_err(api_store)
}

pub(crate) async fn api_split<S: Store>(
    State(st): State<AppState<S>>,
    Extension(session): Extension<SessionRow>,
    Path(raw): Path<String>,
    headers: axum::http::HeaderMap,
) -> Result<Json<ActionDone>, ApiError> {
    require_json(&headers)?;
    let message = api_number(&raw, "message")?;
    visible_owner(&st, &session, Owned::Message, message).await?;
    agent::split(&st.store, message, SystemClock.now())
        .await
        .map(Json)
        .map_err(api_agent)
}

pub(crate) async fn api_undo<S: Store>(
    State(st): State<AppState<S>>,
    Extension(session): Extension<SessionRow>,
    Path(raw): Path<String>,
    headers: axum::http::HeaderMap,
) -> Result<Json<ActionDone>, ApiError> {
    require_json(&headers)?;
    let event = api_number(&raw, "event")?;
    visible_owner(&st, &session, Owned::Event, event).await?;
    agent::undo(&st.store, event, SystemClock.now())
        .await
        .map(Json)
        .map_err(api_agent)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ReplyBody {
    body: String,
    #[serde(default)]
    send_now: bool,
    /// open | pending | solved | closed; default pending.
    status: Option<String>,
}

/// `POST /api/tickets/N/reply`: 201 with the queued reply (held when the
/// customer is angry and this is the first answer), the tone guard's findings
/// included; 422 for an empty or merged-away reply.
pub(crate) async fn api_reply<S: Store>(
    State(st): State<AppState<S>>,
    Extension(session): Extension<SessionRow>,
    Path(raw): Path<String>,
    body: Result<Json<ReplyBody>, axum::extract::rejection::JsonRejection>,
) -> Result<(StatusCode, Json<agent::ReplyQueued>), ApiError> {
    let ticket = api_number(&raw, "ticket")?;
    let Json(body) = body.map_err(|e| {
        ApiError(
            StatusCode::BAD_REQUEST,
            format!("send a JSON body like {{\"body\": \"Hello …\", \"send_now\": false}}: {e}"),
        )
    })?;
    let status = match body.status.as_deref() {
        None => kindly_core::TicketStatus::Pending,
        Some(s) => kindly_core::TicketStatus::parse(s).ok_or_else(|| {
            ApiError(
                StatusCode::BAD_REQUEST,
                format!("status {s:?}: use open, pending, solved or closed"),
            )
        })?,
    };
    visible_ticket(&st, &session, ticket).await?;
    let author = session.user.email.as_str();
    agent::reply(
        &st.store,
        &st.settings,
        &agent::ReplyDraft {
            ticket,
            author,
            body: &body.body,
            send_now: body.send_now,
            status: Some(status),
        },
        SystemClock.now(),
    )
    .await
    .map(|r| (StatusCode::CREATED, Json(r)))
    .map_err(api_agent)
}

/// `POST /api/outbox/N/send-now`: a reply held for its cool-down goes out now.
pub(crate) async fn api_send_now<S: Store>(
    State(st): State<AppState<S>>,
    Extension(session): Extension<SessionRow>,
    Path(raw): Path<String>,
    headers: axum::http::HeaderMap,
) -> Result<Json<serde_json::Value>, ApiError> {
    require_json(&headers)?;
    let id = api_number(&raw, "mail")?;
    visible_owner(&st, &session, Owned::Outbox, id).await?;
    if agent::send_now(&st.store, id, SystemClock.now())
        .await
        .map_err(api_agent)?
    {
        Ok(Json(serde_json::json!({ "outbox": id, "released": true })))
    } else {
        Err(ApiError(
            StatusCode::CONFLICT,
            format!("mail {id} is not waiting: no such mail, or it was sent or released already"),
        ))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ToneBody {
    text: String,
    lang: Option<String>,
}

/// `POST /api/tone`: the tone guard on a draft (what `kindly tone` prints).
pub(crate) async fn api_tone(
    body: Result<Json<ToneBody>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<kindly_text::ToneReport>, ApiError> {
    let Json(body) = body.map_err(|e| {
        ApiError(
            StatusCode::BAD_REQUEST,
            format!("send a JSON body like {{\"text\": \"…\", \"lang\": \"et\"}}: {e}"),
        )
    })?;
    Ok(Json(kindly_text::tone(&body.text, body.lang.as_deref())))
}
