//! The HTTP side of Kindly: a plain, server-rendered agent UI that works
//! without JavaScript, a small JSON API, and `/healthz`.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use kindly_app::Settings;
use kindly_app::agent::{self, AgentError};
use kindly_app::{Clock, SystemClock};
use kindly_store::{
    ActionDone, EventView, MessageView, OutboxRow, SetAside, Store, StoreError, TicketView,
};
use serde::Deserialize;

/// Shared state of every handler.
#[derive(Clone)]
pub struct AppState<S: Store> {
    store: S,
    settings: Arc<Settings>,
}

impl<S: Store> AppState<S> {
    pub fn new(store: S, settings: Arc<Settings>) -> Self {
        AppState { store, settings }
    }
}

/// Every route.
pub fn router<S: Store>(state: AppState<S>) -> Router {
    Router::new()
        .route("/", get(index::<S>))
        .route("/tickets/{id}", get(ticket_page::<S>))
        .route("/set-aside", get(set_aside_page::<S>))
        .route("/healthz", get(healthz::<S>))
        .route("/api/tickets", get(api_tickets::<S>))
        .route("/api/tickets/{id}", get(api_ticket::<S>))
        .route("/api/outbox", get(api_outbox::<S>))
        .route("/api/tickets/{id}/events", get(api_events::<S>))
        .route("/api/tickets/{id}/similar", get(api_similar::<S>))
        .route("/api/tickets/{id}/merge", post(api_merge::<S>))
        .route("/api/messages/{id}/split", post(api_split::<S>))
        .route("/api/events/{id}/undo", post(api_undo::<S>))
        .with_state(state)
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
    tickets: Vec<TicketView>,
    open: usize,
}

#[derive(Template)]
#[template(path = "ticket.html")]
struct TicketPage<'a> {
    company: &'a str,
    ticket: TicketView,
    messages: Vec<MessageView>,
    outbox: Vec<OutboxRow>,
    events: Vec<EventView>,
}

#[derive(Template)]
#[template(path = "set_aside.html")]
struct SetAsidePage<'a> {
    company: &'a str,
    kind: &'a str,
    title: &'a str,
    messages: Vec<MessageView>,
}

async fn index<S: Store>(State(st): State<AppState<S>>) -> Result<Html<String>, PageError> {
    let mut tickets = st.store.tickets().await.map_err(internal)?;
    // Most urgent first, then newest.
    tickets.sort_by(|a, b| {
        let rank = |t: &TicketView| {
            kindly_core::Priority::parse(&t.priority).unwrap_or(kindly_core::Priority::Normal)
        };
        (a.status == kindly_core::TicketStatus::Closed)
            .cmp(&(b.status == kindly_core::TicketStatus::Closed))
            .then(rank(b).cmp(&rank(a)))
            .then(b.id.cmp(&a.id))
    });
    let open = tickets
        .iter()
        .filter(|t| t.status == kindly_core::TicketStatus::Open)
        .count();
    render(&IndexPage {
        company: &st.settings.company,
        tickets,
        open,
    })
}

fn parse_id(raw: &str) -> Result<i64, PageError> {
    raw.trim_start_matches('#').parse::<i64>().map_err(|_| {
        PageError(
            StatusCode::BAD_REQUEST,
            format!("\"{raw}\" is not a ticket number. Ticket numbers look like 42."),
        )
    })
}

async fn ticket_page<S: Store>(
    State(st): State<AppState<S>>,
    Path(raw): Path<String>,
) -> Result<Html<String>, PageError> {
    let id = parse_id(&raw)?;
    let Some(ticket) = st.store.ticket(id).await.map_err(internal)? else {
        return Err(PageError(
            StatusCode::NOT_FOUND,
            format!("There is no ticket #{id}."),
        ));
    };
    let messages = st.store.messages_of(id).await.map_err(internal)?;
    let outbox = st.store.outbox(Some(id)).await.map_err(internal)?;
    let events = st.store.events_of(id).await.map_err(internal)?;
    render(&TicketPage {
        company: &st.settings.company,
        ticket,
        messages,
        outbox,
        events,
    })
}

#[derive(Deserialize)]
struct KindQuery {
    kind: Option<String>,
}

async fn set_aside_page<S: Store>(
    State(st): State<AppState<S>>,
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
            "ok\n",
        )
            .into_response(),
        Err(e) => {
            tracing::error!(error = %e, "health check");
            (StatusCode::SERVICE_UNAVAILABLE, "store unavailable\n").into_response()
        }
    }
}

/// JSON errors for the API: `{"error": "..."}`.
struct ApiError(StatusCode, String);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.0, Json(serde_json::json!({ "error": self.1 }))).into_response()
    }
}

fn api_internal(e: impl std::fmt::Display) -> ApiError {
    tracing::error!(error = %e, "api request failed");
    ApiError(StatusCode::SERVICE_UNAVAILABLE, "store unavailable".into())
}

/// State-changing API calls must send `Content-Type: application/json`: a
/// plain HTML form on another site cannot, so it cannot trigger them (CSRF).
/// Accounts and CSRF tokens for the browser UI come with the agent UI.
fn require_json(headers: &axum::http::HeaderMap) -> Result<(), ApiError> {
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

async fn api_tickets<S: Store>(
    State(st): State<AppState<S>>,
) -> Result<Json<Vec<TicketView>>, ApiError> {
    st.store.tickets().await.map(Json).map_err(api_internal)
}

async fn api_ticket<S: Store>(
    State(st): State<AppState<S>>,
    Path(raw): Path<String>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let id = raw.parse::<i64>().map_err(|_| {
        ApiError(
            StatusCode::BAD_REQUEST,
            format!("{raw:?} is not a ticket number"),
        )
    })?;
    let ticket = st
        .store
        .ticket(id)
        .await
        .map_err(api_internal)?
        .ok_or_else(|| ApiError(StatusCode::NOT_FOUND, format!("no ticket #{id}")))?;
    let messages = st.store.messages_of(id).await.map_err(api_internal)?;
    Ok(Json(
        serde_json::json!({ "ticket": ticket, "messages": messages }),
    ))
}

async fn api_outbox<S: Store>(
    State(st): State<AppState<S>>,
) -> Result<Json<Vec<OutboxRow>>, ApiError> {
    st.store.outbox(None).await.map(Json).map_err(api_internal)
}

fn api_number(raw: &str, what: &str) -> Result<i64, ApiError> {
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
fn api_store(e: StoreError) -> ApiError {
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

fn api_agent(e: AgentError) -> ApiError {
    match e {
        AgentError::NoTicket(_) => ApiError(StatusCode::NOT_FOUND, e.to_string()),
        AgentError::Store(s) => api_store(s),
    }
}

async fn api_events<S: Store>(
    State(st): State<AppState<S>>,
    Path(raw): Path<String>,
) -> Result<Json<Vec<EventView>>, ApiError> {
    let id = api_number(&raw, "ticket")?;
    if st.store.ticket(id).await.map_err(api_internal)?.is_none() {
        return Err(ApiError(StatusCode::NOT_FOUND, format!("no ticket #{id}")));
    }
    st.store.events_of(id).await.map(Json).map_err(api_internal)
}

#[derive(Deserialize)]
struct LimitQuery {
    limit: Option<usize>,
}

async fn api_similar<S: Store>(
    State(st): State<AppState<S>>,
    Path(raw): Path<String>,
    Query(q): Query<LimitQuery>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let id = api_number(&raw, "ticket")?;
    if st.store.ticket(id).await.map_err(api_internal)?.is_none() {
        return Err(ApiError(StatusCode::NOT_FOUND, format!("no ticket #{id}")));
    }
    let limit = q.limit.unwrap_or(10).clamp(1, 100);
    let found = agent::similar(&st.store, id, limit, &st.settings.policy.repeat)
        .await
        .map_err(api_agent)?;
    Ok(Json(serde_json::json!({ "ticket": id, "similar": found })))
}

#[derive(Deserialize)]
struct MergeBody {
    into: i64,
}

async fn api_merge<S: Store>(
    State(st): State<AppState<S>>,
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
    st.store
        .merge(from, body.into, SystemClock.now())
        .await
        .map(Json)
        .map_err(api_store)
}

async fn api_split<S: Store>(
    State(st): State<AppState<S>>,
    Path(raw): Path<String>,
    headers: axum::http::HeaderMap,
) -> Result<Json<ActionDone>, ApiError> {
    require_json(&headers)?;
    let message = api_number(&raw, "message")?;
    agent::split(&st.store, message, SystemClock.now())
        .await
        .map(Json)
        .map_err(api_agent)
}

async fn api_undo<S: Store>(
    State(st): State<AppState<S>>,
    Path(raw): Path<String>,
    headers: axum::http::HeaderMap,
) -> Result<Json<ActionDone>, ApiError> {
    require_json(&headers)?;
    let event = api_number(&raw, "event")?;
    agent::undo(&st.store, event, SystemClock.now())
        .await
        .map(Json)
        .map_err(api_agent)
}
