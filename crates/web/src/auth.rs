//! Logging in and out, the first-run set-up, the session check in front of
//! every page and API call, CSRF tokens, and the security headers of every
//! response.
//!
//! - A session is a random 256-bit secret in the `kindly_session` cookie
//!   (HttpOnly, SameSite=Lax, Secure behind HTTPS); the store keeps its SHA-256.
//! - Every state change carries the session's CSRF token: a hidden `csrf`
//!   field in forms, the `X-CSRF-Token` header in API calls.
//! - Pages answer an anonymous visitor with a redirect to `/login`; the API
//!   with 401.

use askama::Template;
use axum::Form;
use axum::extract::{ConnectInfo, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use kindly_app::accounts::{self, LoginError, Role, UserSpec};
use kindly_app::{Clock, SystemClock};
use kindly_store::{SessionRow, Store};
use serde::Deserialize;

use crate::api::ApiError;
use crate::{AppState, PageError, internal};

/// The session cookie's name.
pub const COOKIE: &str = "kindly_session";

/// The header API calls carry the session's CSRF token in.
pub const CSRF_HEADER: &str = "x-csrf-token";

/// What the page header shows about the agent.
pub struct Nav {
    pub name: String,
    pub csrf: String,
}

impl Nav {
    pub fn of(s: &SessionRow) -> Option<Nav> {
        Some(Nav {
            name: s.user.name.clone(),
            csrf: s.csrf.clone(),
        })
    }
}

/// The session secret from the request's cookies.
fn cookie_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, value)| value.trim().to_string())
}

/// Behind a TLS-terminating proxy that says so, cookies get `Secure`.
fn is_https(headers: &HeaderMap) -> bool {
    headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("https"))
}

fn session_cookie(value: &str, max_age: i64, secure: bool) -> String {
    format!(
        "{COOKIE}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{}",
        if secure { "; Secure" } else { "" }
    )
}

fn is_state_change(m: &Method) -> bool {
    !matches!(*m, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Where a login may send the agent back to: a path on this site only.
fn safe_next(next: &str) -> &str {
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains('\\')
        && !next.chars().any(char::is_control);
    if ok { next } else { "/" }
}

/// Percent-encodes a path for the `next` query parameter.
fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// In front of every page and API route but login, set-up, health, metrics,
/// static files and the mail webhook: puts the [`SessionRow`] into the
/// request, or answers 303 to `/login` (pages) / 401 (API). API calls that
/// change state must carry the CSRF token in `X-CSRF-Token` (403 otherwise).
pub async fn require_session<S: Store>(
    State(st): State<AppState<S>>,
    mut req: Request,
    next: Next,
) -> Response {
    let api = req.uri().path().starts_with("/api/");
    let session = match cookie_token(req.headers()) {
        Some(token) => accounts::session(&st.store, &token, SystemClock.now()).await,
        None => Ok(None),
    };
    let session = match session {
        Ok(s) => s,
        Err(e) if api => {
            tracing::error!(error = %e, "session lookup");
            return ApiError(StatusCode::SERVICE_UNAVAILABLE, "store unavailable".into())
                .into_response();
        }
        Err(e) => return internal(e).into_response(),
    };
    let Some(session) = session else {
        if api {
            return ApiError(
                StatusCode::UNAUTHORIZED,
                "log in first (POST /login), then send the session cookie".into(),
            )
            .into_response();
        }
        let here = req
            .uri()
            .path_and_query()
            .map_or("/", |p| p.as_str())
            .to_string();
        return Redirect::to(&format!("/login?next={}", encode_component(&here))).into_response();
    };
    if api && is_state_change(req.method()) {
        let ok = req
            .headers()
            .get(CSRF_HEADER)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| accounts::same_token(v, &session.csrf));
        if !ok {
            return ApiError(
                StatusCode::FORBIDDEN,
                "missing or wrong X-CSRF-Token header (GET /api/session gives the token)".into(),
            )
            .into_response();
        }
    }
    req.extensions_mut().insert(session);
    next.run(req).await
}

/// A form's CSRF token must be the session's.
pub fn check_form_csrf(session: &SessionRow, token: &str) -> Result<(), PageError> {
    if accounts::same_token(token, &session.csrf) {
        Ok(())
    } else {
        Err(PageError(
            StatusCode::FORBIDDEN,
            "This form is out of date or did not come from Kindly. Go back, reload the page and try again."
                .into(),
        ))
    }
}

/// Security headers on every response: a CSP without inline script, no
/// framing, no sniffing, no referrer to other sites; pages are not cached.
pub async fn security_headers(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    // A handler may set a stricter policy of its own (attachments: sandbox).
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; \
                 connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            ),
        );
    }
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage<'a> {
    company: &'a str,
    nav: Option<Nav>,
    error: Option<String>,
    email: &'a str,
    next: &'a str,
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

pub async fn login_page<S: Store>(
    State(st): State<AppState<S>>,
    Query(q): Query<NextQuery>,
) -> Result<Response, PageError> {
    if st.store.users().await.map_err(internal)?.is_empty() {
        return Ok(Redirect::to("/setup").into_response());
    }
    let page = LoginPage {
        company: &st.settings.company,
        nav: None,
        error: None,
        email: "",
        next: safe_next(q.next.as_deref().unwrap_or("/")),
    };
    Ok(Html(page.render().map_err(internal)?).into_response())
}

#[derive(Deserialize)]
pub struct LoginForm {
    email: String,
    password: String,
    next: Option<String>,
}

/// The client's address for per-address throttling: the proxy's
/// `X-Forwarded-For` first hop when the peer is loopback (a local proxy),
/// else the peer.
fn client_address(headers: &HeaderMap, peer: Option<std::net::SocketAddr>) -> String {
    let peer_ip = peer.map(|p| p.ip());
    if peer_ip.is_none_or(|ip| ip.is_loopback())
        && let Some(first) = headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
    {
        return first.trim().to_string();
    }
    peer_ip.map_or_else(|| "unknown".to_string(), |ip| ip.to_string())
}

pub async fn login_submit<S: Store>(
    State(st): State<AppState<S>>,
    peer: Option<axum::Extension<ConnectInfo<std::net::SocketAddr>>>,
    headers: HeaderMap,
    form: Result<Form<LoginForm>, axum::extract::rejection::FormRejection>,
) -> Result<Response, PageError> {
    let Ok(Form(form)) = form else {
        return Err(PageError(
            StatusCode::BAD_REQUEST,
            "The login form was incomplete. Go back and fill in your address and password.".into(),
        ));
    };
    let next = safe_next(form.next.as_deref().unwrap_or("/")).to_string();
    let client = client_address(&headers, peer.map(|axum::Extension(ConnectInfo(a))| a));
    let now = SystemClock.now();
    match accounts::login(&st.store, &form.email, &form.password, &client, now).await {
        Ok(s) => {
            let max_age = s.expires_at.as_second() - now.as_second();
            let cookie = session_cookie(&s.token, max_age, is_https(&headers));
            let mut res = Redirect::to(&next).into_response();
            if let Ok(v) = HeaderValue::from_str(&cookie) {
                res.headers_mut().insert(header::SET_COOKIE, v);
            }
            Ok(res)
        }
        Err(LoginError::Store(e)) => Err(internal(e)),
        Err(e) => {
            let status = match e {
                LoginError::Throttled { .. } => StatusCode::TOO_MANY_REQUESTS,
                _ => StatusCode::UNAUTHORIZED,
            };
            let page = LoginPage {
                company: &st.settings.company,
                nav: None,
                error: Some(format!("{}.", capitalised(&e.to_string()))),
                email: form.email.trim(),
                next: &next,
            };
            Ok((status, Html(page.render().map_err(internal)?)).into_response())
        }
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[derive(Deserialize)]
pub struct CsrfForm {
    csrf: String,
}

pub async fn logout<S: Store>(
    State(st): State<AppState<S>>,
    headers: HeaderMap,
    form: Result<Form<CsrfForm>, axum::extract::rejection::FormRejection>,
) -> Result<Response, PageError> {
    let token = cookie_token(&headers);
    let now = SystemClock.now();
    if let Some(t) = &token {
        let session = accounts::session(&st.store, t, now)
            .await
            .map_err(internal)?;
        if let Some(s) = session {
            let csrf = form.map(|Form(f)| f.csrf).unwrap_or_default();
            check_form_csrf(&s, &csrf)?;
            accounts::logout(&st.store, t, now)
                .await
                .map_err(internal)?;
        }
    }
    let mut res = Redirect::to("/login").into_response();
    if let Ok(v) = HeaderValue::from_str(&session_cookie("", 0, is_https(&headers))) {
        res.headers_mut().insert(header::SET_COOKIE, v);
    }
    Ok(res)
}

#[derive(Template)]
#[template(path = "setup.html")]
struct SetupPage<'a> {
    company: &'a str,
    nav: Option<Nav>,
    error: Option<String>,
    token: &'a str,
    name: &'a str,
    email: &'a str,
    min_password: usize,
}

#[derive(Deserialize)]
pub struct SetupQuery {
    token: Option<String>,
}

/// The first-run set-up is open only while there is no account, and only
/// with the token `kindly serve` printed (whoever reaches the port first
/// cannot make themselves administrator).
async fn setup_allowed<S: Store>(st: &AppState<S>, token: &str) -> Result<(), PageError> {
    if !st.store.users().await.map_err(internal)?.is_empty() {
        return Err(PageError(
            StatusCode::NOT_FOUND,
            "Kindly is set up already. Log in, or ask an administrator for an account.".into(),
        ));
    }
    if !accounts::same_token(token, &st.setup_token) {
        return Err(PageError(
            StatusCode::FORBIDDEN,
            "Open the set-up link `kindly serve` printed when it started (it carries a token)."
                .into(),
        ));
    }
    Ok(())
}

pub async fn setup_page<S: Store>(
    State(st): State<AppState<S>>,
    Query(q): Query<SetupQuery>,
) -> Result<Response, PageError> {
    let token = q.token.unwrap_or_default();
    setup_allowed(&st, &token).await?;
    let page = SetupPage {
        company: &st.settings.company,
        nav: None,
        error: None,
        token: &token,
        name: "",
        email: "",
        min_password: accounts::MIN_PASSWORD_CHARS,
    };
    Ok(Html(page.render().map_err(internal)?).into_response())
}

#[derive(Deserialize)]
pub struct SetupForm {
    token: String,
    name: String,
    email: String,
    password: String,
    password2: String,
}

pub async fn setup_submit<S: Store>(
    State(st): State<AppState<S>>,
    form: Result<Form<SetupForm>, axum::extract::rejection::FormRejection>,
) -> Result<Response, PageError> {
    let Ok(Form(f)) = form else {
        return Err(PageError(
            StatusCode::BAD_REQUEST,
            "The set-up form was incomplete. Go back and fill in every field.".into(),
        ));
    };
    setup_allowed(&st, &f.token).await?;
    let error = if f.password != f.password2 {
        Some("The two passwords differ.".to_string())
    } else {
        let spec = UserSpec {
            email: &f.email,
            name: &f.name,
            role: Role::Admin,
            teams: &[],
            password: &f.password,
        };
        match accounts::add_user(&st.store, &st.settings, &spec, SystemClock.now()).await {
            Ok(_) => None,
            Err(accounts::AccountError::Invalid(m)) => Some(format!("{}.", capitalised(&m))),
            Err(e) => return Err(internal(e)),
        }
    };
    match error {
        None => Ok(Redirect::to("/login").into_response()),
        Some(e) => {
            let page = SetupPage {
                company: &st.settings.company,
                nav: None,
                error: Some(e),
                token: &f.token,
                name: &f.name,
                email: &f.email,
                min_password: accounts::MIN_PASSWORD_CHARS,
            };
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                Html(page.render().map_err(internal)?),
            )
                .into_response())
        }
    }
}

/// `GET /api/session`: who is logged in and the CSRF token for API calls.
pub async fn api_session(
    axum::Extension(s): axum::Extension<SessionRow>,
) -> axum::Json<serde_json::Value> {
    axum::Json(serde_json::json!({
        "user": s.user,
        "csrf": s.csrf,
        "expires_at": s.expires_at,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_stays_on_this_site() {
        assert_eq!(safe_next("/tickets/4?x=1"), "/tickets/4?x=1");
        for bad in [
            "//evil.example",
            "https://evil.example",
            "/\\evil",
            "evil",
            "/a\nb",
        ] {
            assert_eq!(safe_next(bad), "/", "{bad:?}");
        }
        assert_eq!(
            encode_component("/tickets/4?q=a b&c"),
            "/tickets/4%3Fq%3Da%20b%26c"
        );
    }

    #[test]
    fn the_session_cookie_is_read_among_others() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; kindly_session=abc; b=2"),
        );
        assert_eq!(cookie_token(&h).as_deref(), Some("abc"));
        assert!(
            session_cookie("x", 60, true).contains("HttpOnly; SameSite=Lax; Max-Age=60; Secure")
        );
        assert!(!session_cookie("x", 60, false).contains("Secure"));
    }
}
