//! Promises: what we tell a customer about when they will hear from us, how it
//! is computed at intake, watched until it is kept, and reported.
//!
//! The estimate itself is `core::eta` (pure); this module gathers its inputs
//! from the store (the queue ahead, the first responses of the last weeks),
//! and the watch acts on promises near their deadline: the at-risk badge and a
//! note to the team lead, and — when a fresh estimate says the promise will
//! break — one honest update to the customer with the new time, before the
//! deadline, recorded as a new promise.

use std::collections::BTreeMap;

use jiff::{SignedDuration, Timestamp};
use kindly_core::eta::{self, Capacity, Eta};
use kindly_core::{Lang, Priority};
use kindly_mail::compose::{TemplateKind, Templates};
use kindly_store::{IntakeTx, NewOutgoing, NewPromise, PromiseRow, Store, StoreError};
use serde::Serialize;

use crate::outgoing::{Reply, queue_reply};
use crate::settings::{Settings, Team};

/// How far back first responses are counted for the measured answer rate.
pub const RATE_WINDOW: SignedDuration = SignedDuration::from_hours(28 * 24);
/// Agent-hours that count as answered at the configured rate (shrinkage
/// towards the default while the history is short).
const PRIOR_AGENT_HOURS: f64 = 8.0;
/// Fewer first responses than this in the window: the team answers elsewhere
/// (or Kindly is new), and the configured rate stands.
const MIN_MEASURED_RESPONSES: i64 = 20;

/// Priorities a ticket of `p` waits behind (its own and more urgent).
pub fn at_or_above(p: Priority) -> &'static [&'static str] {
    match p {
        Priority::Normal => &["normal", "high", "urgent"],
        Priority::High => &["high", "urgent"],
        Priority::Urgent => &["urgent"],
    }
}

/// The team's capacity with its answer rate measured from the last weeks.
pub async fn measured_capacity<T: IntakeTx>(
    tx: &mut T,
    team: &Team,
    now: Timestamp,
) -> Result<Capacity, StoreError> {
    let mut capacity = team.capacity.clone();
    let since = now.checked_sub(RATE_WINDOW).unwrap_or(now);
    let responses = tx.first_responses_since(&team.name, since).await?;
    if responses >= MIN_MEASURED_RESPONSES {
        let hours = eta::agent_hours(since, now, &team.hours, &team.capacity);
        capacity.per_agent_hour = eta::blend_rate(
            responses as f64,
            hours,
            team.capacity.per_agent_hour,
            PRIOR_AGENT_HOURS,
        );
    }
    Ok(capacity)
}

/// The promise for a ticket of priority `p` arriving `now` in `team`'s queue;
/// `before` places an existing ticket in the queue (only older tickets are ahead of it).
pub async fn estimate<T: IntakeTx>(
    tx: &mut T,
    settings: &Settings,
    team: &Team,
    p: Priority,
    before: Option<(Timestamp, i64)>,
    now: Timestamp,
) -> Result<(Eta, i64), StoreError> {
    estimate_at(tx, team, p, before, now, settings.promise_quantile).await
}

async fn estimate_at<T: IntakeTx>(
    tx: &mut T,
    team: &Team,
    p: Priority,
    before: Option<(Timestamp, i64)>,
    now: Timestamp,
    quantile: f64,
) -> Result<(Eta, i64), StoreError> {
    let ahead = tx.waiting_ahead(&team.name, at_or_above(p), before).await?;
    let capacity = measured_capacity(tx, team, now).await?;
    let e = eta::first_response_eta(
        now,
        u32::try_from(ahead).unwrap_or(u32::MAX),
        &team.hours,
        &capacity,
        quantile,
        team.ack_target,
    );
    Ok((e, ahead))
}

/// Tells the team's lead (when one is configured); the note is internal mail.
pub async fn alert_lead<T: IntakeTx>(
    tx: &mut T,
    settings: &Settings,
    team: &Team,
    ticket: i64,
    what: &str,
    seed: &str,
    now: Timestamp,
) -> Result<(), StoreError> {
    let Some(lead) = team.lead.as_deref() else {
        return Ok(());
    };
    let message_id = kindly_mail::threading::outgoing_message_id(
        "alert",
        ticket,
        seed,
        kindly_mail::threading::domain_of(settings.from_address()),
    );
    tx.queue_mail(&NewOutgoing {
        ticket_id: Some(ticket),
        kind: "alert",
        to: lead,
        subject: &format!("[#{ticket}] {what}"),
        body: &format!(
            "{what}\n\nTicket #{ticket}: http://{}/tickets/{ticket}\n\n-- \nKindly\n",
            settings.listen
        ),
        message_id: &message_id,
        in_reply_to: None,
        references: "",
        language: None,
        promised_by: None,
        created_at: now,
        send_after: None,
    })
    .await?;
    Ok(())
}

/// What one pass of the watch did.
#[derive(Clone, Debug, Default, Serialize, PartialEq, Eq)]
pub struct WatchReport {
    /// Promises newly at risk (badge set, lead told).
    pub at_risk: usize,
    /// Customers told a new, later time before the old one broke.
    pub updated: usize,
    /// Promises whose deadline passed without an answer.
    pub missed: usize,
    /// Promises no longer needed (the ticket was closed or merged unanswered).
    pub dropped: usize,
}

/// Most promises handled in one pass (the rest wait for the next).
const WATCH_BATCH: i64 = 500;

/// One pass over the promises due within `settings.at_risk` of `now`.
pub async fn watch<S: Store>(
    store: &S,
    settings: &Settings,
    templates: &Templates,
    now: Timestamp,
) -> Result<WatchReport, StoreError> {
    let horizon = now.checked_add(settings.at_risk).unwrap_or(now);
    let mut report = WatchReport::default();
    for p in store.promises_due(horizon, WATCH_BATCH).await? {
        let team = settings.teams.get(&p.team);
        let mut tx = store.begin_intake().await?;
        let waiting = p.first_response_at.is_none()
            && matches!(p.ticket_status, kindly_core::TicketStatus::Open);
        if !waiting {
            // Answered (settled at the answer), or no longer waiting for us.
            let state = if p.first_response_at.is_some_and(|f| f <= p.due_at) {
                "kept"
            } else if p.first_response_at.is_some() {
                "missed"
            } else {
                "dropped"
            };
            tx.settle_promise(p.id, state, now).await?;
            if state == "dropped" {
                report.dropped += 1;
            }
            tx.commit().await?;
            continue;
        }
        if p.due_at <= now {
            tx.settle_promise(p.id, "missed", now).await?;
            tx.log_event(
                Some(p.ticket),
                "promise_missed",
                &serde_json::json!({ "promise": p.id, "due_at": p.due_at }),
                now,
            )
            .await?;
            report.missed += 1;
            tx.commit().await?;
            continue;
        }
        if !p.at_risk {
            tx.set_at_risk(p.ticket, true).await?;
            tx.log_event(
                Some(p.ticket),
                "promise_at_risk",
                &serde_json::json!({ "promise": p.id, "due_at": p.due_at }),
                now,
            )
            .await?;
            alert_lead(
                &mut tx,
                settings,
                team,
                p.ticket,
                &format!("promise at risk: an answer is due by {}", p.due_at),
                &format!("at-risk-{}", p.id),
                now,
            )
            .await?;
            report.at_risk += 1;
        }
        // Will it break? Estimate again from where the ticket stands now: when
        // even the median estimate is past the deadline (the p90 one would cry
        // wolf: in kindly-sim most such updates went to promises then kept),
        // tell the customer the new p90 time.
        let priority = Priority::parse(&p.priority).unwrap_or(Priority::Normal);
        let place = Some((p.ticket_created_at, p.ticket));
        let (median, _) = estimate_at(&mut tx, team, priority, place, now, 0.5).await?;
        if median.raw > p.due_at && p.kind == "acknowledgement" {
            let (fresh, ahead) = estimate(&mut tx, settings, team, priority, place, now).await?;
            let reply = Reply {
                kind: TemplateKind::PromiseUpdate,
                ticket: p.ticket,
                to: &p.customer,
                name: None,
                lang: Lang::for_reply(p.language.as_deref()),
                subject: "",
                in_reply_to: p.last_message_id.as_deref(),
                references: Vec::new(),
                seed: &format!("promise-{}", p.id),
                promised: fresh.at,
                customer_offset: None,
                team,
            };
            queue_reply(&mut tx, settings, templates, &reply, now).await?;
            tx.settle_promise(p.id, "replaced", now).await?;
            let new = tx
                .record_promise(&NewPromise {
                    ticket_id: p.ticket,
                    kind: "update",
                    made_at: now,
                    due_at: fresh.at,
                    ahead,
                    beyond_target: fresh.beyond_target,
                })
                .await?;
            tx.log_event(
                Some(p.ticket),
                "promise_updated",
                &serde_json::json!({ "promise": new, "replaces": p.id, "due_at": fresh.at, "ahead": ahead }),
                now,
            )
            .await?;
            report.updated += 1;
        }
        tx.commit().await?;
    }
    Ok(report)
}

/// Promises of one team in one ISO week.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct PromiseFigures {
    pub team: String,
    /// ISO week of the promise, e.g. `2026-W10`.
    pub week: String,
    pub made: usize,
    pub kept: usize,
    pub missed: usize,
    /// Replaced by an honest update before the deadline.
    pub updated: usize,
    /// The ticket closed or merged before anyone answered.
    pub dropped: usize,
    pub open: usize,
    /// Of the settled first promises: answered by the time first stated.
    pub kept_share: Option<f64>,
    /// Actual wait ÷ promised wait over answered tickets (below 1: early).
    pub actual_vs_promised_median: Option<f64>,
    pub actual_vs_promised_p90: Option<f64>,
    /// Actual wait for the first answer, hours.
    pub wait_hours_median: Option<f64>,
    pub wait_hours_p90: Option<f64>,
}

fn quantile(sorted: &[f64], q: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let i = ((sorted.len() - 1) as f64 * q).round() as usize;
    sorted.get(i).copied()
}

/// The promise report per team and ISO week, oldest first.
pub fn report(rows: &[PromiseRow]) -> Vec<PromiseFigures> {
    let mut groups: BTreeMap<(String, String), Vec<&PromiseRow>> = BTreeMap::new();
    for r in rows {
        let date = r.made_at.to_zoned(jiff::tz::TimeZone::UTC).date();
        let week = date.iso_week_date();
        let key = format!("{}-W{:02}", week.year(), week.week());
        groups.entry((r.team.clone(), key)).or_default().push(r);
    }
    groups
        .into_iter()
        .map(|((team, week), rows)| {
            let mut f = PromiseFigures {
                team,
                week,
                made: rows.len(),
                ..PromiseFigures::default()
            };
            let mut ratios = Vec::new();
            let mut waits = Vec::new();
            for r in &rows {
                match r.state.as_str() {
                    "kept" => f.kept += 1,
                    "missed" => f.missed += 1,
                    "replaced" => f.updated += 1,
                    "dropped" => f.dropped += 1,
                    _ => f.open += 1,
                }
                if let (Some(answer), true) = (r.first_response_at, r.kind == "acknowledgement") {
                    let actual = answer.duration_since(r.made_at).as_secs_f64();
                    let promised = r.due_at.duration_since(r.made_at).as_secs_f64();
                    if promised > 0.0 {
                        ratios.push(actual / promised);
                    }
                    waits.push(actual / 3600.0);
                }
            }
            let settled = f.kept + f.missed + f.updated;
            f.kept_share = (settled > 0).then(|| f.kept as f64 / settled as f64);
            ratios.sort_by(f64::total_cmp);
            waits.sort_by(f64::total_cmp);
            f.actual_vs_promised_median = quantile(&ratios, 0.5);
            f.actual_vs_promised_p90 = quantile(&ratios, 0.9);
            f.wait_hours_median = quantile(&waits, 0.5);
            f.wait_hours_p90 = quantile(&waits, 0.9);
            f
        })
        .collect()
}
