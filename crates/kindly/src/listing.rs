//! The small commands: deliver, tickets, outbox, set-aside, mood, tone.

use std::io::Read;

use kindly_app::{Clock, SystemClock, Transport, deliver_due};
use kindly_store::{SetAside, Store};

use crate::cli::{Cli, Failure, open};
use crate::exit;

fn store_failure(e: impl std::fmt::Display) -> Failure {
    Failure::new(exit::TEMPFAIL, format!("store: {e}"))
}

fn print_json<T: serde::Serialize>(value: &T) -> Result<u8, Failure> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| Failure::new(exit::SOFTWARE, e.to_string()))?;
    println!("{text}");
    Ok(exit::OK)
}

pub async fn deliver(cli: &Cli) -> Result<u8, Failure> {
    let ctx = open(cli).await?;
    let transport = Transport::from_settings(&ctx.settings, &ctx.data_dir)
        .map_err(|e| Failure::new(exit::CONFIG, e.to_string()))?;
    let report = deliver_due(&ctx.store, &ctx.settings, &transport, SystemClock.now())
        .await
        .map_err(store_failure)?;
    crate::cli::close(ctx).await;
    eprintln!(
        "kindly: delivered {} (to {}), {} waiting to retry, {} failed",
        report.sent,
        transport.describe(),
        report.retrying,
        report.failed
    );
    let mut code = if report.failed > 0 {
        exit::IOERR
    } else {
        exit::OK
    };
    // The server could not be used at all: the rest stays queued for a later run.
    if let Some(why) = &report.stopped {
        eprintln!("kindly: delivery stopped: {why}; the other mail due stays queued");
        code = exit::worst(code, exit::TEMPFAIL);
    }
    Ok(code)
}

pub async fn tickets(cli: &Cli, json: bool) -> Result<u8, Failure> {
    let ctx = open(cli).await?;
    let tickets = ctx.store.tickets().await.map_err(store_failure)?;
    if json {
        return print_json(&tickets);
    }
    for t in &tickets {
        println!(
            "#{:<6} {:<8} {:<7} {:<3} msgs {:<3} repeats {:<2} {}{}  <{}>",
            t.id,
            t.status.as_str(),
            t.priority,
            t.language.as_deref().unwrap_or("-"),
            t.messages,
            t.repeats,
            if t.angry { "[angry] " } else { "" },
            t.subject,
            t.customer
        );
    }
    Ok(exit::OK)
}

pub async fn stats(cli: &Cli, json: bool) -> Result<u8, Failure> {
    #[derive(serde::Serialize)]
    struct Day<'a> {
        day: String,
        #[serde(flatten)]
        figures: &'a kindly_store::DayStats,
    }
    let ctx = open(cli).await?;
    let days = ctx.store.stats().await.map_err(store_failure)?;
    let mut total = kindly_store::DayStats::default();
    for d in &days {
        total.mails += d.mails;
        total.tickets += d.tickets;
        total.repeats_folded += d.repeats_folded;
        total.follow_ups += d.follow_ups;
        total.thanks += d.thanks;
        total.automatic += d.automatic;
        total.quarantined += d.quarantined;
    }
    let day_name = |d: i64| {
        jiff::Timestamp::from_second(d.saturating_mul(86_400))
            .map(|t| t.strftime("%Y-%m-%d").to_string())
            .unwrap_or_else(|_| d.to_string())
    };
    if json {
        let per_day: Vec<Day> = days
            .iter()
            .map(|d| Day {
                day: day_name(d.day),
                figures: d,
            })
            .collect();
        return print_json(&serde_json::json!({ "total": total, "days": per_day }));
    }
    println!("day         mails  tickets  repeats  follow-ups  thanks  automatic  quarantined");
    for d in days.iter().chain(std::iter::once(&total)) {
        let name = if std::ptr::eq(d, &total) {
            "total".to_string()
        } else {
            day_name(d.day)
        };
        println!(
            "{name:<10} {:>6} {:>8} {:>8} {:>11} {:>7} {:>10} {:>12}",
            d.mails,
            d.tickets,
            d.repeats_folded,
            d.follow_ups,
            d.thanks,
            d.automatic,
            d.quarantined
        );
    }
    Ok(exit::OK)
}

pub async fn outbox(cli: &Cli, json: bool) -> Result<u8, Failure> {
    let ctx = open(cli).await?;
    let rows = ctx.store.outbox(None).await.map_err(store_failure)?;
    if json {
        return print_json(&rows);
    }
    for r in &rows {
        println!(
            "{:<6} {:<7} {:<14} #{:<6} {}  → {}",
            r.id,
            r.status,
            r.kind,
            r.ticket.map_or_else(|| "-".to_string(), |t| t.to_string()),
            r.subject,
            r.to
        );
    }
    Ok(exit::OK)
}

pub async fn set_aside(cli: &Cli, kind: &str, json: bool) -> Result<u8, Failure> {
    let which = match kind {
        "quarantine" => SetAside::Quarantine,
        "spam" => SetAside::Spam,
        "automatic" => SetAside::Automatic,
        other => {
            return Err(Failure::new(
                exit::USAGE,
                format!("--kind {other:?}: use quarantine, spam or automatic"),
            ));
        }
    };
    let ctx = open(cli).await?;
    let rows = ctx.store.set_aside(which).await.map_err(store_failure)?;
    if json {
        return print_json(&rows);
    }
    for m in &rows {
        println!(
            "{:<6} raw {:<6} {:<24} {}  {}  <{}>",
            m.id,
            m.raw_id.unwrap_or_default(),
            m.detail.as_deref().unwrap_or("-"),
            m.received_at,
            m.subject,
            m.sender.as_deref().unwrap_or("-")
        );
    }
    Ok(exit::OK)
}

fn read_stdin_text() -> Result<String, Failure> {
    let mut buf = Vec::new();
    std::io::stdin()
        .read_to_end(&mut buf)
        .map_err(|e| Failure::new(exit::IOERR, format!("reading stdin: {e}")))?;
    Ok(String::from_utf8_lossy(&buf).into_owned())
}

/// A `--lang` we have no word lists for reads as "unknown language": the
/// answer says `"language": null` and uses language-independent signals only.
fn known_lang(lang: Option<&str>) -> bool {
    lang.is_none_or(|l| kindly_core::Lang::from_code(l).is_some())
}

pub fn mood(lang: Option<&str>) -> Result<u8, Failure> {
    let text = read_stdin_text()?;
    let mut mood = kindly_text::mood(&text, lang);
    if !known_lang(lang) {
        mood.language = None;
    }
    print_json(&mood)
}

pub fn tone(lang: Option<&str>) -> Result<u8, Failure> {
    let text = read_stdin_text()?;
    print_json(&kindly_text::tone(&text, lang))
}
