//! `GET /metrics`: the Prometheus text exposition format, version 0.0.4.

use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use jiff::Timestamp;
use kindly_app::imap::{ImapHealth, MailboxStatus};
use kindly_app::{Clock, SystemClock};
use kindly_store::{Counts, DayStats, Store};

use crate::AppState;

pub(crate) const CONTENT_TYPE: &str = "text/plain; version=0.0.4; charset=utf-8";

/// Text in the exposition format, one metric family after another.
#[derive(Default)]
pub(crate) struct Exposition(String);

impl Exposition {
    /// `# HELP` and `# TYPE` lines; `kind` is `counter` or `gauge`.
    pub(crate) fn family(&mut self, name: &str, kind: &str, help: &str) {
        let help = help.replace('\\', "\\\\").replace('\n', "\\n");
        self.0
            .push_str(&format!("# HELP {name} {help}\n# TYPE {name} {kind}\n"));
    }

    pub(crate) fn sample(&mut self, name: &str, labels: &[(&str, &str)], value: u64) {
        self.0.push_str(name);
        if !labels.is_empty() {
            let inner: Vec<String> = labels
                .iter()
                .map(|(k, v)| format!("{k}=\"{}\"", label_value(v)))
                .collect();
            self.0.push('{');
            self.0.push_str(&inner.join(","));
            self.0.push('}');
        }
        self.0.push_str(&format!(" {value}\n"));
    }

    pub(crate) fn into_text(self) -> String {
        self.0
    }
}

/// A label value escaped as the format asks: `\` `"` and line feeds.
pub(crate) fn label_value(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for c in v.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// Store counts never go below zero; a negative one would be a bug, shown as 0.
fn n(v: i64) -> u64 {
    u64::try_from(v).unwrap_or(0)
}

/// Everything the store knows, written out; `inbound` are the webhook's answers by code.
pub(crate) fn render(store: Option<(&Counts, &[DayStats])>, inbound: &[(u16, u64)]) -> String {
    let mut x = Exposition::default();
    x.family(
        "kindly_up",
        "gauge",
        "1 when the store answers, 0 when it does not (then only in-process figures follow).",
    );
    x.sample("kindly_up", &[], u64::from(store.is_some()));
    if let Some((c, days)) = store {
        let sum = |f: fn(&DayStats) -> i64| n(days.iter().map(f).sum());
        let mails = sum(|d| d.mails);
        let follow_ups = sum(|d| d.follow_ups);
        let thanks = sum(|d| d.thanks);
        let automatic = sum(|d| d.automatic);
        let quarantined = sum(|d| d.quarantined);
        let rest = mails.saturating_sub(follow_ups + thanks + automatic + quarantined);

        x.family(
            "kindly_raw_mails_total",
            "counter",
            "Mails received: raw bytes stored before parsing (identical bytes count once).",
        );
        x.sample("kindly_raw_mails_total", &[], n(c.raw));
        x.family(
            "kindly_mails_total",
            "counter",
            "Mails stored as messages, by outcome (new_or_repeat: opened a ticket or was folded into one as a repeat; re-deliveries are not counted).",
        );
        for (outcome, value) in [
            ("new_or_repeat", rest),
            ("follow_up", follow_ups),
            ("thanks", thanks),
            ("automatic", automatic),
            ("quarantined", quarantined),
        ] {
            x.sample("kindly_mails_total", &[("outcome", outcome)], value);
        }
        x.family(
            "kindly_tickets_total",
            "counter",
            "Tickets ever opened (merged ones included).",
        );
        x.sample("kindly_tickets_total", &[], n(c.tickets));
        x.family("kindly_open_tickets", "gauge", "Tickets not closed.");
        x.sample("kindly_open_tickets", &[], n(c.open_tickets));
        x.family(
            "kindly_repeats_folded",
            "gauge",
            "Mails folded into an open ticket as a repeat and agents' merges, unless undone.",
        );
        x.sample("kindly_repeats_folded", &[], sum(|d| d.repeats_folded));
        x.family(
            "kindly_outbox",
            "gauge",
            "Outgoing mail by status: queued (waiting or retrying), sent, failed (given up).",
        );
        for (status, value) in [("queued", c.queued), ("sent", c.sent), ("failed", c.failed)] {
            x.sample("kindly_outbox", &[("status", status)], n(value));
        }
    }
    x.family(
        "kindly_inbound_http_requests_total",
        "counter",
        "Requests to POST /inbound/mime since this process started, by HTTP status code.",
    );
    for (code, value) in inbound {
        x.sample(
            "kindly_inbound_http_requests_total",
            &[("code", &code.to_string())],
            *value,
        );
    }
    x.into_text()
}

/// The IMAP pollers: up, lag, last complete look, mails taken in.
pub(crate) fn render_imap(boxes: &[(String, MailboxStatus)], now: Timestamp) -> String {
    if boxes.is_empty() {
        return String::new();
    }
    let mut x = Exposition::default();
    x.family(
        "kindly_imap_up",
        "gauge",
        "1 when the IMAP mailbox is connected and its last look worked.",
    );
    for (name, s) in boxes {
        x.sample("kindly_imap_up", &[("mailbox", name)], u64::from(s.up));
    }
    x.family(
        "kindly_imap_lag_seconds",
        "gauge",
        "Seconds since the oldest mail waiting in the IMAP folder arrived, else since the last complete look at it.",
    );
    for (name, s) in boxes {
        x.sample(
            "kindly_imap_lag_seconds",
            &[("mailbox", name)],
            s.lag_seconds(now),
        );
    }
    x.family(
        "kindly_imap_last_poll_timestamp_seconds",
        "gauge",
        "Unix time of the last complete look at the IMAP folder (0: none yet).",
    );
    for (name, s) in boxes {
        let at = s
            .last_poll
            .map_or(0, |t| u64::try_from(t.as_second()).unwrap_or(0));
        x.sample(
            "kindly_imap_last_poll_timestamp_seconds",
            &[("mailbox", name)],
            at,
        );
    }
    x.family(
        "kindly_imap_mails_total",
        "counter",
        "Mails taken in from the IMAP mailbox since this process started.",
    );
    for (name, s) in boxes {
        x.sample("kindly_imap_mails_total", &[("mailbox", name)], s.taken);
    }
    x.into_text()
}

/// `/healthz` lines: `imap NAME: up|down, lag N s[, last poll N s ago][, error]`.
pub(crate) fn imap_health_lines(health: &ImapHealth, now: Timestamp) -> String {
    let mut out = String::new();
    for (name, s) in health.snapshot() {
        let name = name.replace(['\n', '\r'], " ");
        out.push_str(&format!(
            "imap {name}: {}, lag {} s",
            if s.up { "up" } else { "down" },
            s.lag_seconds(now)
        ));
        if let Some(t) = s.last_poll {
            out.push_str(&format!(
                ", last poll {} s ago",
                (now.as_second() - t.as_second()).max(0)
            ));
        }
        if let Some(e) = &s.last_error {
            out.push_str(&format!(", {}", e.replace(['\n', '\r'], " ")));
        }
        out.push('\n');
    }
    out
}

pub(crate) async fn metrics<S: Store>(State(st): State<AppState<S>>) -> Response {
    let figures = match (st.store.counts().await, st.store.stats().await) {
        (Ok(c), Ok(days)) => Some((c, days)),
        (Err(e), _) | (_, Err(e)) => {
            tracing::error!(error = %e, "metrics: the store does not answer");
            None
        }
    };
    let mut text = render(
        figures.as_ref().map(|(c, d)| (c, d.as_slice())),
        &st.inbound_answers.snapshot(),
    );
    if let Some(imap) = &st.imap {
        text.push_str(&render_imap(&imap.snapshot(), SystemClock.now()));
    }
    (StatusCode::OK, [(header::CONTENT_TYPE, CONTENT_TYPE)], text).into_response()
}
