//! The outbox out: each queued mail rendered once from its row (a stable
//! Message-ID and Date, so a retry sends the same bytes) and handed to the
//! transport. At-least-once; the outbox row is the record (invariant 3).

use std::path::PathBuf;

use jiff::{SignedDuration, Timestamp};
use kindly_mail::compose::{Envelope, build_message};
use kindly_store::{OutboxRow, Store, StoreError};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use serde::Serialize;

use crate::settings::{Settings, SmtpTls};

/// Attempts before a mail is marked failed.
pub const MAX_ATTEMPTS: i64 = 12;

/// Where outgoing mail goes.
#[derive(Clone)]
pub enum Transport {
    /// Each mail written as `<dir>/<id>-<kind>.eml` (the default).
    File(PathBuf),
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
}

#[derive(Debug, thiserror::Error)]
pub enum DeliveryError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("SMTP settings: {0}")]
    Smtp(String),
}

impl Transport {
    pub fn from_settings(
        settings: &Settings,
        data_dir: &std::path::Path,
    ) -> Result<Transport, DeliveryError> {
        let Some(smtp) = &settings.smtp else {
            return Ok(Transport::File(data_dir.join("sent")));
        };
        let builder = match smtp.tls {
            SmtpTls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&smtp.host),
            SmtpTls::StartTls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&smtp.host)
                .map_err(|e| DeliveryError::Smtp(e.to_string()))?,
            SmtpTls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&smtp.host)
                .map_err(|e| DeliveryError::Smtp(e.to_string()))?,
        };
        let mut builder = builder
            .port(smtp.port)
            .timeout(Some(std::time::Duration::from_secs(30)));
        if let (Some(u), Some(p)) = (&smtp.username, &smtp.password) {
            builder = builder.credentials(Credentials::new(u.clone(), p.clone()));
        }
        Ok(Transport::Smtp(builder.build()))
    }

    pub fn describe(&self) -> String {
        match self {
            Transport::File(dir) => format!("files in {}", dir.display()),
            Transport::Smtp(_) => "SMTP".to_string(),
        }
    }
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct DeliveryReport {
    pub sent: usize,
    pub retrying: usize,
    pub failed: usize,
}

/// Wait before attempt `n + 1`: 1, 2, 4 … minutes, at most 6 hours.
pub fn backoff(attempts: i64) -> SignedDuration {
    let minutes = 1i64 << attempts.clamp(0, 9);
    SignedDuration::from_mins(minutes.min(6 * 60))
}

enum Failure {
    Temporary(String),
    Permanent(String),
}

async fn send_one(
    row: &OutboxRow,
    settings: &Settings,
    transport: &Transport,
) -> Result<(), Failure> {
    let envelope = Envelope {
        from_name: &settings.from_name,
        from_address: settings.from_address(),
        to: &row.to,
        subject: &row.subject,
        body: &row.body,
        message_id: &row.message_id,
        in_reply_to: row.in_reply_to.as_deref(),
        references: &row.references,
        language: row.language.as_deref(),
        date: row.created_at,
        auto_submitted: matches!(row.kind.as_str(), "ack" | "status_update"),
    };
    let message = build_message(&envelope).map_err(|e| Failure::Permanent(e.to_string()))?;
    match transport {
        Transport::File(dir) => {
            let write = || -> std::io::Result<()> {
                std::fs::create_dir_all(dir)?;
                let name = format!("{:08}-{}.eml", row.id, row.kind);
                let tmp = dir.join(format!(".{name}.tmp"));
                std::fs::write(&tmp, message.formatted())?;
                std::fs::rename(&tmp, dir.join(name))
            };
            write().map_err(|e| Failure::Temporary(format!("writing the .eml file: {e}")))
        }
        Transport::Smtp(smtp) => match smtp.send(message).await {
            Ok(_) => Ok(()),
            Err(e) if e.is_permanent() => Err(Failure::Permanent(e.to_string())),
            Err(e) => Err(Failure::Temporary(e.to_string())),
        },
    }
}

/// Sends every queued mail that is due at `now`. Failures are recorded on the
/// row and retried with backoff; permanent refusals and the last attempt fail it.
pub async fn deliver_due<S: Store>(
    store: &S,
    settings: &Settings,
    transport: &Transport,
    now: Timestamp,
) -> Result<DeliveryReport, DeliveryError> {
    let mut report = DeliveryReport::default();
    loop {
        let due = store.due_outbox(now, 200).await?;
        if due.is_empty() {
            break;
        }
        let mut progressed = false;
        for row in &due {
            match send_one(row, settings, transport).await {
                Ok(()) => {
                    store.mark_sent(row.id, now).await?;
                    report.sent += 1;
                    progressed = true;
                }
                Err(Failure::Temporary(e)) if row.attempts + 1 < MAX_ATTEMPTS => {
                    tracing::warn!(outbox = row.id, error = %e, "delivery failed; will retry");
                    let next = now.checked_add(backoff(row.attempts)).unwrap_or(now);
                    store.mark_attempt_failed(row.id, &e, Some(next)).await?;
                    report.retrying += 1;
                }
                Err(Failure::Temporary(e)) | Err(Failure::Permanent(e)) => {
                    tracing::error!(outbox = row.id, error = %e, "delivery failed for good");
                    store.mark_attempt_failed(row.id, &e, None).await?;
                    report.failed += 1;
                }
            }
        }
        // Everything left is waiting for its retry time.
        if !progressed {
            break;
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_is_capped() {
        assert_eq!(backoff(0), SignedDuration::from_mins(1));
        assert_eq!(backoff(3), SignedDuration::from_mins(8));
        assert!(backoff(5) > backoff(4));
        assert_eq!(backoff(30), SignedDuration::from_mins(6 * 60));
    }
}
