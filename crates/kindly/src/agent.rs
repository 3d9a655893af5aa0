//! Agent tools on the command line: `reply`, `send-now`, `merge`, `split`,
//! `undo`, `history`, `similar`; the promise watch and report.

use std::io::Read;
use std::path::Path;

use kindly_app::agent::{self, AgentError, ReplyDraft};
use kindly_app::{Clock, SystemClock};
use kindly_core::TicketStatus;
use kindly_store::{ActionDone, Store, StoreError};

use crate::cli::{Cli, Failure, open};
use crate::exit;

/// A ticket, message or event number: `42` or `#42`.
pub fn parse_number(raw: &str) -> Result<i64, String> {
    raw.trim()
        .trim_start_matches('#')
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| format!("{raw:?} is not a number like 42"))
}

fn failure(e: AgentError) -> Failure {
    match e {
        AgentError::NoTicket(_) | AgentError::Refused(_) => {
            Failure::new(exit::DATAERR, e.to_string())
        }
        AgentError::Store(s) => store_failure(s),
    }
}

fn store_failure(e: StoreError) -> Failure {
    match e {
        // The command named something that is not there, or asked for what
        // cannot be done: the input is wrong, retrying will not help.
        StoreError::NotFound(_) | StoreError::Refused(_) => {
            Failure::new(exit::DATAERR, e.to_string())
        }
        other if other.is_transient() => Failure::new(exit::TEMPFAIL, format!("store: {other}")),
        other => Failure::new(exit::SOFTWARE, format!("store: {other}")),
    }
}

fn print_json<T: serde::Serialize>(value: &T) -> Result<u8, Failure> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| Failure::new(exit::SOFTWARE, e.to_string()))?;
    println!("{text}");
    Ok(exit::OK)
}

fn report(done: &ActionDone, json: bool) -> Result<u8, Failure> {
    if json {
        return print_json(done);
    }
    let moved = done.messages.len();
    let what = match (done.action.as_str(), done.undid) {
        ("merge", _) => format!(
            "merged #{} into #{} ({moved} message{})",
            done.from_ticket,
            done.ticket,
            if moved == 1 { "" } else { "s" }
        ),
        ("split", Some(fold)) => format!(
            "undid the automatic fold (event {fold}): message {} is ticket #{} now, out of #{}",
            done.messages.first().copied().unwrap_or_default(),
            done.ticket,
            done.from_ticket
        ),
        ("split", None) => format!(
            "split message {} out of #{} into new ticket #{}",
            done.messages.first().copied().unwrap_or_default(),
            done.from_ticket,
            done.ticket
        ),
        (_, undid) => format!(
            "undid event {}: {moved} message{} back in #{} (from #{})",
            undid.unwrap_or_default(),
            if moved == 1 { "" } else { "s" },
            done.ticket,
            done.from_ticket
        ),
    };
    println!("{what}; to reverse it: kindly undo {}", done.event);
    Ok(exit::OK)
}

pub async fn merge(cli: &Cli, from: i64, into: i64, json: bool) -> Result<u8, Failure> {
    let ctx = open(cli).await?;
    let done = ctx
        .store
        .merge(from, into, SystemClock.now())
        .await
        .map_err(store_failure);
    crate::cli::close(ctx).await;
    report(&done?, json)
}

pub async fn split(cli: &Cli, message: i64, json: bool) -> Result<u8, Failure> {
    let ctx = open(cli).await?;
    let done = agent::split(&ctx.store, message, SystemClock.now())
        .await
        .map_err(failure);
    crate::cli::close(ctx).await;
    report(&done?, json)
}

pub async fn undo(cli: &Cli, event: i64, json: bool) -> Result<u8, Failure> {
    let ctx = open(cli).await?;
    let done = agent::undo(&ctx.store, event, SystemClock.now())
        .await
        .map_err(failure);
    crate::cli::close(ctx).await;
    report(&done?, json)
}

pub async fn reply(
    cli: &Cli,
    ticket: i64,
    file: Option<&Path>,
    author: Option<&str>,
    send_now: bool,
    status: &str,
    json: bool,
) -> Result<u8, Failure> {
    let status = TicketStatus::parse(status).ok_or_else(|| {
        Failure::new(
            exit::USAGE,
            format!("--status {status:?}: use open, pending, solved or closed"),
        )
    })?;
    let mut body = String::new();
    let read = match file {
        Some(p) => std::fs::read_to_string(p)
            .map(|t| body = t)
            .map_err(|e| format!("{}: {e}", p.display())),
        None => std::io::stdin()
            .read_to_string(&mut body)
            .map(|_| ())
            .map_err(|e| format!("stdin: {e}")),
    };
    read.map_err(|e| Failure::new(exit::NOINPUT, format!("cannot read the reply: {e}")))?;
    let author = author
        .map(str::to_string)
        .or_else(|| std::env::var("USER").ok())
        .unwrap_or_else(|| "agent".to_string());
    let ctx = open(cli).await?;
    let done = agent::reply(
        &ctx.store,
        &ctx.settings,
        &ReplyDraft {
            ticket,
            author: &author,
            body: &body,
            send_now,
            status: Some(status),
        },
        SystemClock.now(),
    )
    .await
    .map_err(failure);
    crate::cli::close(ctx).await;
    let done = done?;
    if json {
        return print_json(&done);
    }
    for f in &done.tone.findings {
        eprintln!("tone: \"{}\": {} Kinder: {}", f.phrase, f.why, f.suggestion);
    }
    match done.held_until {
        Some(until) => println!(
            "reply to #{} queued as {}, held until {until} (cool-down: the customer is upset). {}\nTo send it now: kindly send-now {}",
            done.ticket,
            done.outbox,
            done.guideline.unwrap_or_default(),
            done.outbox
        ),
        None => println!(
            "reply to #{} queued as {} for {}",
            done.ticket, done.outbox, done.to
        ),
    }
    Ok(exit::OK)
}

pub async fn send_now(cli: &Cli, outbox: i64) -> Result<u8, Failure> {
    let ctx = open(cli).await?;
    let released = agent::send_now(&ctx.store, outbox, SystemClock.now())
        .await
        .map_err(failure);
    crate::cli::close(ctx).await;
    if released? {
        println!("mail {outbox} goes out with the next delivery");
        Ok(exit::OK)
    } else {
        Err(Failure::new(
            exit::DATAERR,
            format!(
                "mail {outbox} is not waiting: no such mail, or it was sent or released already"
            ),
        ))
    }
}

pub async fn history(cli: &Cli, ticket: i64, json: bool) -> Result<u8, Failure> {
    let ctx = open(cli).await?;
    if ctx
        .store
        .ticket(ticket)
        .await
        .map_err(store_failure)?
        .is_none()
    {
        return Err(Failure::new(
            exit::DATAERR,
            format!("there is no ticket #{ticket}"),
        ));
    }
    let events = ctx.store.events_of(ticket).await.map_err(store_failure)?;
    if json {
        return print_json(&events);
    }
    for e in &events {
        println!(
            "{:<7} {}  {:<14} {}{}",
            e.id,
            e.at,
            e.kind,
            e.detail,
            e.undone_by
                .map(|u| format!("  (undone by {u})"))
                .unwrap_or_default()
        );
    }
    Ok(exit::OK)
}

pub async fn similar(cli: &Cli, ticket: i64, limit: usize, json: bool) -> Result<u8, Failure> {
    let ctx = open(cli).await?;
    let found = agent::similar(&ctx.store, ticket, limit, &ctx.settings.policy.repeat)
        .await
        .map_err(failure)?;
    if json {
        return print_json(&serde_json::json!({ "ticket": ticket, "similar": found }));
    }
    if found.is_empty() {
        println!("no open ticket of another customer looks like #{ticket}");
    }
    for s in &found {
        println!(
            "#{:<7} score {:.2}  {:<8} {}  <{}>",
            s.ticket,
            s.score,
            s.status.as_str(),
            s.subject,
            s.customer
        );
    }
    Ok(exit::OK)
}

pub async fn promises_check(cli: &Cli, json: bool) -> Result<u8, Failure> {
    let ctx = open(cli).await?;
    let report =
        kindly_app::promises::watch(&ctx.store, &ctx.settings, &ctx.templates, SystemClock.now())
            .await
            .map_err(store_failure);
    crate::cli::close(ctx).await;
    let report = report?;
    if json {
        return print_json(&report);
    }
    println!(
        "promises: {} newly at risk, {} customers told a new time, {} missed, {} dropped",
        report.at_risk, report.updated, report.missed, report.dropped
    );
    Ok(exit::OK)
}

pub async fn report_promises(cli: &Cli, since: Option<&str>, json: bool) -> Result<u8, Failure> {
    let now = SystemClock.now();
    let since = match since {
        Some(day) => day
            .parse::<jiff::civil::Date>()
            .ok()
            .and_then(|d| d.to_zoned(jiff::tz::TimeZone::UTC).ok())
            .map(|z| z.timestamp())
            .ok_or_else(|| {
                Failure::new(
                    exit::USAGE,
                    format!("--since {day:?}: write a day as 2026-03-02"),
                )
            })?,
        None => now
            .checked_sub(jiff::SignedDuration::from_hours(12 * 7 * 24))
            .unwrap_or(now),
    };
    let ctx = open(cli).await?;
    let rows = ctx.store.promises_since(since).await.map_err(store_failure);
    crate::cli::close(ctx).await;
    let figures = kindly_app::promises::report(&rows?);
    if json {
        return print_json(&serde_json::json!({ "since": since, "weeks": figures }));
    }
    println!(
        "team       week      made  kept missed updated open  kept%  actual/promised med p90  wait h med p90"
    );
    let pct = |v: Option<f64>| v.map_or("-".to_string(), |x| format!("{:.0}%", x * 100.0));
    let num = |v: Option<f64>| v.map_or("-".to_string(), |x| format!("{x:.2}"));
    for f in &figures {
        println!(
            "{:<10} {:<9} {:>4} {:>5} {:>6} {:>7} {:>4} {:>6}  {:>8} {:>6}  {:>7} {:>6}",
            f.team,
            f.week,
            f.made,
            f.kept,
            f.missed,
            f.updated,
            f.open,
            pct(f.kept_share),
            num(f.actual_vs_promised_median),
            num(f.actual_vs_promised_p90),
            num(f.wait_hours_median),
            num(f.wait_hours_p90)
        );
    }
    Ok(exit::OK)
}
