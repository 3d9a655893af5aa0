//! The outbox out: each queued mail rendered once from its row (a stable
//! Message-ID and Date, so a retry sends the same bytes) and handed to the
//! transport. At-least-once; the outbox row is the record (invariant 3).

use std::path::PathBuf;

use jiff::{SignedDuration, Timestamp};
use kindly_mail::compose::{Envelope, build_message};
use kindly_store::{OutboxRow, Store, StoreError};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use serde::Serialize;

use crate::settings::{Settings, SmtpSettings, SmtpTls};

/// Attempts before a mail is marked failed.
pub const MAX_ATTEMPTS: i64 = 12;

/// Where outgoing mail goes.
#[derive(Clone)]
pub enum Transport {
    /// Each mail written as `<dir>/<id>-<kind>.eml` (the default).
    File(PathBuf),
    Smtp(SmtpServer),
}

/// An SMTP server with the settings it was built from (for clear messages).
#[derive(Clone)]
pub struct SmtpServer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    /// `host:port`.
    address: String,
    tls: SmtpTls,
    username: Option<String>,
    has_extra_roots: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum DeliveryError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("SMTP settings: {0}")]
    Smtp(String),
}

/// The TLS set-up for `smtp`: its host name checked against the certificate,
/// trusted by Mozilla's roots (lettre's `webpki-roots`) or a certificate of `ca_file`.
fn tls_parameters(smtp: &SmtpSettings) -> Result<TlsParameters, DeliveryError> {
    let mut builder = TlsParameters::builder(smtp.host.clone());
    if let Some(ca) = &smtp.extra_roots {
        for der in &ca.der {
            let cert = Certificate::from_der(der.clone()).map_err(|e| {
                DeliveryError::Smtp(format!("smtp.ca_file {}: {e}", ca.path.display()))
            })?;
            builder = builder.add_root_certificate(cert);
        }
    }
    builder
        .build_rustls()
        .map_err(|e| DeliveryError::Smtp(e.to_string()))
}

impl Transport {
    pub fn from_settings(
        settings: &Settings,
        data_dir: &std::path::Path,
    ) -> Result<Transport, DeliveryError> {
        let Some(smtp) = &settings.smtp else {
            return Ok(Transport::File(data_dir.join("sent")));
        };
        // STARTTLS is required, never opportunistic: a server (or someone in
        // between) that does not offer it gets nothing, not a mail in clear.
        let tls = match smtp.tls {
            SmtpTls::None => Tls::None,
            SmtpTls::StartTls => Tls::Required(tls_parameters(smtp)?),
            SmtpTls::Tls => Tls::Wrapper(tls_parameters(smtp)?),
        };
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&smtp.host)
            .port(smtp.port)
            .tls(tls)
            .timeout(Some(std::time::Duration::from_secs(30)));
        if let Some(login) = &smtp.credentials {
            builder = builder.credentials(Credentials::new(
                login.username.clone(),
                login.password.expose().to_string(),
            ));
        }
        Ok(Transport::Smtp(SmtpServer {
            transport: builder.build(),
            address: format!("{}:{}", smtp.host, smtp.port),
            tls: smtp.tls,
            username: smtp.credentials.as_ref().map(|c| c.username.clone()),
            has_extra_roots: smtp.extra_roots.is_some(),
        }))
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
    /// Why the run stopped before the rest of the due mail: the server could
    /// not be reached, TLS failed or the login was refused (recorded on the
    /// mail that met it; the others were not tried and stay queued).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stopped: Option<String>,
}

/// Wait before attempt `n + 1`: 1, 2, 4 … minutes, at most 6 hours.
pub fn backoff(attempts: i64) -> SignedDuration {
    let minutes = 1i64 << attempts.clamp(0, 9);
    SignedDuration::from_mins(minutes.min(6 * 60))
}

enum Failure {
    /// This mail was refused for now (4xx at MAIL, RCPT or DATA): retried later.
    Temporary(String),
    /// This mail was refused (5xx at MAIL, RCPT or DATA): failed for good.
    Permanent(String),
    /// Not about this mail: no session with the server (connection, TLS,
    /// STARTTLS, login). Every other mail would meet it too, so the run stops;
    /// this one is retried later like a temporary failure.
    Session(String),
}

/// Reply codes about the session rather than the mail: 421 service not
/// available, 454 TLS or authentication temporarily unavailable, 530
/// authentication required, 534 mechanism too weak, 535 credentials invalid,
/// 538 encryption required (RFC 5321, 3207, 4954).
const SESSION_CODES: [u16; 6] = [421, 454, 530, 534, 535, 538];

/// Whether a rustls error is somewhere in `e`'s chain (io errors wrap it).
fn tls_cause(e: &(dyn std::error::Error + 'static)) -> Option<String> {
    use tokio_rustls::rustls;
    let mut next = Some(e);
    while let Some(err) = next {
        if let Some(t) = err.downcast_ref::<rustls::Error>() {
            return Some(t.to_string());
        }
        if let Some(t) = err
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
            .and_then(|inner| inner.downcast_ref::<rustls::Error>())
        {
            return Some(t.to_string());
        }
        next = err.source();
    }
    None
}

/// What an SMTP error means for the mail, in words an operator can act on.
fn smtp_failure(e: &lettre::transport::smtp::Error, server: &SmtpServer) -> Failure {
    let address = &server.address;
    let code = e.status().map(u16::from);
    match code {
        // Refusals of the login itself (RFC 4954).
        Some(c @ (534 | 535 | 538)) if server.username.is_some() => {
            let user = server.username.as_deref().unwrap_or_default();
            let hint = if c == 535 {
                " (check [smtp] username and password)"
            } else {
                ""
            };
            Failure::Session(format!(
                "{address} refused the login as {user:?}: {e}{hint}"
            ))
        }
        Some(c) if SESSION_CODES.contains(&c) => {
            Failure::Session(format!("{address} refused the session: {e}"))
        }
        Some(_) if e.is_permanent() => Failure::Permanent(e.to_string()),
        Some(_) => Failure::Temporary(e.to_string()),
        None => {
            if let Some(tls) = tls_cause(e) {
                let hint = if server.has_extra_roots {
                    "is its certificate for this host name and signed by a CA in [smtp] ca_file or Mozilla's roots?"
                } else {
                    "is its certificate for this host name and signed by a CA in Mozilla's roots? A private CA goes in [smtp] ca_file"
                };
                Failure::Session(format!("TLS with {address} failed: {tls} ({hint})"))
            } else if server.tls == SmtpTls::StartTls
                && e.is_client()
                && e.to_string().contains("STARTTLS")
            {
                Failure::Session(format!(
                    "{address} does not offer STARTTLS, which tls = \"starttls\" requires; nothing was sent"
                ))
            } else {
                Failure::Session(format!("no SMTP session with {address}: {e}"))
            }
        }
    }
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
        Transport::Smtp(server) => match server.transport.send(message).await {
            Ok(_) => Ok(()),
            Err(e) => Err(smtp_failure(&e, server)),
        },
    }
}

/// Sends every queued mail that is due at `now`. Failures are recorded on the
/// row and retried with backoff; permanent refusals and the last attempt fail
/// it. A failure to open a session with the server (connection, TLS, login)
/// is recorded on the mail that met it and ends the run: the rest stay queued
/// untried, rather than each being refused the same way.
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
            let failure = match send_one(row, settings, transport).await {
                Ok(()) => {
                    store.mark_sent(row.id, now).await?;
                    report.sent += 1;
                    progressed = true;
                    continue;
                }
                Err(f) => f,
            };
            let last_try = row.attempts + 1 >= MAX_ATTEMPTS;
            let (error, retry) = match failure {
                Failure::Permanent(e) => (e, false),
                Failure::Temporary(e) => (e, !last_try),
                Failure::Session(e) => {
                    report.stopped = Some(e.clone());
                    (e, !last_try)
                }
            };
            if retry {
                tracing::warn!(outbox = row.id, error = %error, "delivery failed; will retry");
                let next = now.checked_add(backoff(row.attempts)).unwrap_or(now);
                store
                    .mark_attempt_failed(row.id, &error, Some(next))
                    .await?;
                report.retrying += 1;
            } else {
                tracing::error!(outbox = row.id, error = %error, "delivery failed for good");
                store.mark_attempt_failed(row.id, &error, None).await?;
                report.failed += 1;
            }
            if report.stopped.is_some() {
                return Ok(report);
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
