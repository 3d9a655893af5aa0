//! `POST /inbound/mime`: a raw RFC 5322 message from a provider's webhook.

use std::collections::BTreeMap;
use std::sync::Mutex;

use axum::body::Bytes;
use axum::extract::{FromRequest, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use kindly_app::intake::prepare;
use kindly_app::{Clock, IntakeError, SystemClock};
use kindly_core::Outcome;
use kindly_store::Store;
use sha2::{Digest, Sha256};

use crate::AppState;
use crate::api::ApiError;

/// What the raw bytes are recorded as having come through.
const SOURCE: &str = "http";
/// Seconds a provider should wait before retrying when the store is busy or down.
const RETRY_AFTER_SECONDS: &str = "30";
/// Media types a raw message may be posted as (no Content-Type is taken too).
const ACCEPTED: [&str; 3] = ["message/rfc822", "application/octet-stream", "text/plain"];

/// How often `/inbound/mime` answered each status code since start-up.
#[derive(Debug, Default)]
pub(crate) struct AnswerCounts(Mutex<BTreeMap<u16, u64>>);

impl AnswerCounts {
    fn add(&self, code: StatusCode) {
        // A panic while holding this lock cannot leave the map half-written
        // (one insert), so a poisoned lock is still a good counter.
        let mut map = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        *map.entry(code.as_u16()).or_insert(0) += 1;
    }

    pub(crate) fn snapshot(&self) -> Vec<(u16, u64)> {
        let map = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        map.iter().map(|(k, v)| (*k, *v)).collect()
    }
}

pub(crate) async fn inbound_mime<S: Store>(
    State(st): State<AppState<S>>,
    request: Request,
) -> Response {
    let response = match take(&st, request).await {
        Ok(r) => r,
        Err(e) => refusal(e),
    };
    st.inbound_answers.add(response.status());
    response
}

fn error(code: StatusCode, message: impl Into<String>) -> ApiError {
    ApiError(code, message.into())
}

async fn take<S: Store>(st: &AppState<S>, request: Request) -> Result<Response, ApiError> {
    let (Some(token), Some(intake)) = (st.settings.inbound_token.as_ref(), st.intake.as_ref())
    else {
        return Err(error(
            StatusCode::NOT_FOUND,
            "inbound mail over HTTP is disabled: set [http] inbound_token \
             (KINDLY_INBOUND_TOKEN) to enable POST /inbound/mime",
        ));
    };
    if !bearer_matches(request.headers(), token.expose()) {
        let mut r = error(
            StatusCode::UNAUTHORIZED,
            "missing or wrong token: send Authorization: Bearer <[http] inbound_token>",
        )
        .into_response();
        r.headers_mut()
            .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        return Ok(r);
    }
    check_media_type(request.headers())?;
    let limit = st.settings.max_message_bytes;
    let too_large = || {
        error(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "the message is larger than {limit} bytes, the most this help desk takes \
                 ([policy] max_message_bytes, KINDLY_MAX_MESSAGE_BYTES)"
            ),
        )
    };
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit) {
        return Err(too_large());
    }
    // Read through the route's DefaultBodyLimit: never more than `limit` bytes.
    let bytes = match Bytes::from_request(request, &()).await {
        Ok(b) => b,
        Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return Err(too_large());
        }
        Err(rejection) => {
            return Err(error(
                StatusCode::BAD_REQUEST,
                format!("cannot read the request body: {rejection}"),
            ));
        }
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(error(
            StatusCode::BAD_REQUEST,
            "empty body: post the raw message (RFC 5322, headers and body) as the request body",
        ));
    }

    // The same steps as `Intake::ingest`: raw bytes committed first
    // (invariant 1), then parsing and analysis (CPU work, off the async
    // workers), then the decision and its outgoing mail in one transaction.
    let now = SystemClock.now();
    let stored = intake
        .store_raw(&bytes, now, SOURCE)
        .await
        .map_err(intake_failed)?;
    let settings = st.settings.clone();
    let prepared =
        tokio::task::spawn_blocking(move || prepare(&settings, &bytes, stored, now, false))
            .await
            .map_err(|e| {
                tracing::error!(error = %e, "analysing a mail posted over HTTP");
                error(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "the mail is stored but could not be analysed; see the server log",
                )
            })?;
    let report = intake.record(prepared).await.map_err(intake_failed)?;
    if report.outcome == Outcome::Quarantined {
        tracing::warn!(
            message_id = report.message_id.as_deref().unwrap_or(""),
            detail = report.detail.as_deref().unwrap_or("unreadable"),
            "mail posted over HTTP: stored and quarantined"
        );
    } else {
        tracing::info!(
            message_id = report.message_id.as_deref().unwrap_or(""),
            outcome = report.outcome.as_str(),
            ticket = report.ticket,
            "mail posted over HTTP"
        );
    }
    let mut body = serde_json::to_value(&report).map_err(|e| {
        tracing::error!(error = %e, "reporting a mail posted over HTTP");
        error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the mail is stored; its report could not be written",
        )
    })?;
    if let (Some(detail), Some(fields)) = (report.detail.as_deref(), body.as_object_mut()) {
        fields.insert("detail".into(), detail.into());
    }
    Ok((StatusCode::OK, axum::Json(body)).into_response())
}

/// The store could not take the mail: transient → 503 so the provider retries.
fn intake_failed(e: IntakeError) -> ApiError {
    tracing::error!(error = %e, "mail posted over HTTP not taken");
    if e.is_transient() {
        error(
            StatusCode::SERVICE_UNAVAILABLE,
            "the store is unavailable; nothing was lost, send the mail again later",
        )
    } else {
        error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the mail could not be recorded; see the server log",
        )
    }
}

fn check_media_type(headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(value) = headers.get(header::CONTENT_TYPE) else {
        return Ok(());
    };
    let media = value
        .to_str()
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if ACCEPTED.contains(&media.as_str()) {
        Ok(())
    } else {
        Err(error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!(
                "post the raw message as {}, not {media:?}",
                ACCEPTED.join(", ")
            ),
        ))
    }
}

/// `Authorization: Bearer <token>`, compared in constant time.
pub(crate) fn bearer_matches(headers: &HeaderMap, token: &str) -> bool {
    let Some(presented) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, t)| t.trim())
    else {
        return false;
    };
    constant_time_eq(presented.as_bytes(), token.as_bytes())
}

/// Equal without an early exit: both sides are hashed first, so neither
/// the position of the first difference nor the token's length shows in
/// the time taken.
pub(crate) fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    let (da, db) = (Sha256::digest(a), Sha256::digest(b));
    let diff = da
        .iter()
        .zip(db.iter())
        .fold(0u8, |acc, (x, y)| acc | (x ^ y));
    std::hint::black_box(diff) == 0
}

/// A JSON error; a 503 tells the provider when to retry.
fn refusal(e: ApiError) -> Response {
    let retry = e.0 == StatusCode::SERVICE_UNAVAILABLE;
    let mut r = e.into_response();
    if retry {
        r.headers_mut().insert(
            header::RETRY_AFTER,
            HeaderValue::from_static(RETRY_AFTER_SECONDS),
        );
    }
    r
}
