//! Promises end to end on a real (in-memory) SQLite store: the promise grows
//! with the queue, an agent's answer keeps it, the watch flags a promise at
//! risk, tells the customer a new time once before it breaks, and settles
//! missed ones; the report counts them.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

use std::sync::Arc;

use jiff::Timestamp;
use kindly_app::promises::{self, WatchReport};
use kindly_app::{Intake, IntakeReport, Settings};
use kindly_mail::compose::Templates;
use kindly_store::{SqliteStore, Store};

fn t(s: &str) -> Timestamp {
    s.parse().expect("valid timestamp")
}

fn settings(extra: &[(&str, &str)]) -> Settings {
    let mut env: Vec<(String, String)> = vec![
        (
            "KINDLY_SUPPORT_ADDRESS".into(),
            "support@acme.example".into(),
        ),
        ("KINDLY_TIMEZONE".into(), "Europe/Tallinn".into()),
        ("KINDLY_AGENTS".into(), "agent@acme.example".into()),
        ("KINDLY_TEAM_LEAD".into(), "lead@acme.example".into()),
    ];
    env.extend(extra.iter().map(|(a, b)| (a.to_string(), b.to_string())));
    Settings::from_env(&env).expect("valid settings")
}

async fn intake(extra: &[(&str, &str)]) -> Intake<SqliteStore> {
    let store = SqliteStore::in_memory().await.expect("store");
    Intake::new(
        store,
        Arc::new(settings(extra)),
        Arc::new(Templates::default()),
    )
}

fn mail(from: &str, id: &str, subject: &str, body: &str, extra: &str) -> Vec<u8> {
    format!(
        "From: {from}\r\nTo: support@acme.example\r\nSubject: {subject}\r\nMessage-ID: {id}\r\n{extra}\
         Date: Mon, 2 Mar 2026 10:00:00 +0200\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
    )
    .into_bytes()
}

async fn take(i: &Intake<SqliteStore>, bytes: &[u8], at: &str) -> IntakeReport {
    i.ingest(bytes, t(at), "test").await.expect("ingest")
}

/// `n` different customers with different problems, all on Monday morning.
async fn queue_of(i: &Intake<SqliteStore>, n: usize, at: &str) -> Vec<i64> {
    let topics = [
        "my invoice shows the wrong VAT number",
        "the parcel never arrived",
        "the app crashes on start",
        "I cannot log in since yesterday",
        "the router blinks red",
    ];
    let mut out = Vec::new();
    for k in 0..n {
        let body = format!(
            "Hello, {} (case {k}). Could you please help?",
            topics[k % topics.len()]
        );
        let r = take(
            i,
            &mail(
                &format!("c{k}@example.com"),
                &format!("<q{k}@x>"),
                "Help",
                &body,
                "",
            ),
            at,
        )
        .await;
        out.push(r.ticket.expect("a ticket"));
    }
    out
}

#[tokio::test]
async fn the_promise_grows_with_the_queue_and_is_recorded() {
    let i = intake(&[]).await;
    let tickets = queue_of(&i, 12, "2026-03-02T08:00:00Z").await;
    let store = i.store();
    let mut promised = Vec::new();
    for id in &tickets {
        promised.push(
            store
                .ticket(*id)
                .await
                .unwrap()
                .unwrap()
                .promised_by
                .unwrap(),
        );
    }
    assert!(promised.windows(2).all(|w| w[0] <= w[1]), "{promised:?}");
    assert!(promised[11] > promised[0]);
    // 12 tickets at 8 answers an hour: the last one is promised within the day.
    assert!(promised[11] < t("2026-03-02T15:00:00Z"), "{}", promised[11]);
    let rows = store
        .promises_since(t("2026-03-01T00:00:00Z"))
        .await
        .unwrap();
    assert_eq!(rows.len(), 12);
    assert!(
        rows.iter()
            .all(|r| r.kind == "acknowledgement" && r.state == "open")
    );
    assert_eq!(
        rows.iter().map(|r| r.ahead).collect::<Vec<_>>(),
        (0..12).collect::<Vec<i64>>()
    );
    // The acknowledgement states the same time.
    let acks = store.outbox(Some(tickets[11])).await.unwrap();
    assert_eq!(acks[0].promised_by, Some(promised[11]));
}

#[tokio::test]
async fn an_agent_answer_by_mail_keeps_the_promise() {
    let i = intake(&[]).await;
    let r = take(
        &i,
        &mail(
            "ann@example.com",
            "<a1@x>",
            "Parcel",
            "My parcel never arrived, order 4821.",
            "",
        ),
        "2026-03-02T08:00:00Z",
    )
    .await;
    assert!(r.ticket.is_some());
    let answer = mail(
        "agent@acme.example",
        "<ag1@acme.example>",
        "Re: Parcel",
        "Hello Ann, the courier has it; it arrives tomorrow.",
        "In-Reply-To: <a1@x>\r\n",
    );
    take(&i, &answer, "2026-03-02T08:20:00Z").await;
    let store = i.store();
    let rows = store
        .promises_since(t("2026-03-01T00:00:00Z"))
        .await
        .unwrap();
    assert_eq!(rows[0].state, "kept");
    assert_eq!(rows[0].first_response_at, Some(t("2026-03-02T08:20:00Z")));
    let figures = promises::report(&rows);
    assert_eq!(
        (figures[0].made, figures[0].kept, figures[0].missed),
        (1, 1, 0)
    );
    assert_eq!(figures[0].week, "2026-W10");
    assert!(figures[0].actual_vs_promised_median.unwrap() < 1.0);
}

#[tokio::test]
async fn the_watch_updates_a_promise_once_before_it_breaks_and_settles_it() {
    // A slow team: one agent, one answer an hour.
    let i = intake(&[
        ("KINDLY_AGENTS_ON_DUTY", "1"),
        ("KINDLY_ANSWERS_PER_AGENT_HOUR", "1"),
    ])
    .await;
    let tickets = queue_of(&i, 3, "2026-03-02T07:00:00Z").await;
    let store = i.store();
    let templates = Templates::default();
    let first = store
        .ticket(tickets[0])
        .await
        .unwrap()
        .unwrap()
        .promised_by
        .unwrap();
    // Nobody answers. Shortly before the first promise, the fresh estimate (the
    // whole queue still waiting, an hour later) says it will break.
    let near = first - jiff::SignedDuration::from_mins(30);
    let report = promises::watch(store, i.settings(), &templates, near)
        .await
        .unwrap();
    assert!(report.at_risk >= 1, "{report:?}");
    assert!(report.updated >= 1, "{report:?}");
    let ticket = store.ticket(tickets[0]).await.unwrap().unwrap();
    assert!(ticket.promised_by.unwrap() > first, "the new time is later");
    let out = store.outbox(Some(tickets[0])).await.unwrap();
    let update = out
        .iter()
        .find(|o| o.kind == "promise_update")
        .expect("the customer is told");
    assert!(
        update.body.contains("longer than we told you"),
        "{}",
        update.body
    );
    assert_eq!(update.in_reply_to.as_deref(), Some("<q0@x>"));
    assert!(
        out.iter()
            .any(|o| o.kind == "alert" && o.to == "lead@acme.example")
    );
    // Once: the same pass again changes nothing for it.
    let again = promises::watch(store, i.settings(), &templates, near)
        .await
        .unwrap();
    assert_eq!(again, WatchReport::default());
    // The new time passes unanswered: missed, and counted.
    let late = ticket.promised_by.unwrap() + jiff::SignedDuration::from_mins(1);
    let report = promises::watch(store, i.settings(), &templates, late)
        .await
        .unwrap();
    assert!(report.missed >= 1, "{report:?}");
    let rows = store
        .promises_since(t("2026-03-01T00:00:00Z"))
        .await
        .unwrap();
    let of_first: Vec<&str> = rows
        .iter()
        .filter(|r| r.ticket == tickets[0])
        .map(|r| r.state.as_str())
        .collect();
    assert_eq!(of_first, ["replaced", "missed"]);
    let events = store.events_of(tickets[0]).await.unwrap();
    for kind in ["promise_at_risk", "promise_updated", "promise_missed"] {
        assert!(events.iter().any(|e| e.kind == kind), "{kind}");
    }
}

#[tokio::test]
async fn a_queue_beyond_the_target_gets_the_honest_time_and_the_lead_is_told() {
    let i = intake(&[
        ("KINDLY_AGENTS_ON_DUTY", "1"),
        ("KINDLY_ANSWERS_PER_AGENT_HOUR", "0.5"),
    ])
    .await;
    let tickets = queue_of(&i, 12, "2026-03-02T08:00:00Z").await;
    let store = i.store();
    let last = store.ticket(tickets[11]).await.unwrap().unwrap();
    let promised = last.promised_by.unwrap();
    assert!(
        promised > t("2026-03-03T08:00:00Z"),
        "12 tickets at one answer per 2 h take days: {promised}"
    );
    let events = store.events_of(last.id).await.unwrap();
    assert!(events.iter().any(|e| e.kind == "promise_beyond_target"));
    let out = store.outbox(Some(last.id)).await.unwrap();
    assert!(
        out.iter()
            .any(|o| o.kind == "alert" && o.to == "lead@acme.example")
    );
    assert!(
        out.iter()
            .any(|o| o.kind == "ack" && o.promised_by == Some(promised))
    );
}

#[tokio::test]
async fn imported_history_does_not_stand_in_front_of_todays_customers() {
    let store = SqliteStore::in_memory().await.expect("store");
    let i = Intake::new(
        store,
        Arc::new(settings(&[])),
        Arc::new(Templates::default()),
    )
    .send_nothing_before(t("2026-03-01T00:00:00Z"));
    // Twenty old requests from the archive: tickets, but no promise and no mail.
    queue_of(&i, 20, "2026-02-02T08:00:00Z").await;
    let store = i.store();
    assert!(store.outbox(None).await.unwrap().is_empty());
    assert!(
        store
            .promises_since(t("2026-01-01T00:00:00Z"))
            .await
            .unwrap()
            .is_empty()
    );
    // Today's customer waits behind nobody.
    let r = take(
        &i,
        &mail(
            "new@example.com",
            "<live@x>",
            "Help",
            "My parcel never arrived.",
            "",
        ),
        "2026-03-02T08:00:00Z",
    )
    .await;
    let rows = store
        .promises_since(t("2026-03-01T00:00:00Z"))
        .await
        .unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!((rows[0].ticket, rows[0].ahead), (r.ticket.unwrap(), 0));
}

/// Two teams with their own addresses, zones, hours and capacity.
fn two_teams(dir: &std::path::Path) -> Settings {
    let path = dir.join("kindly.toml");
    std::fs::write(
        &path,
        r#"
[support]
addresses = ["support@acme.example"]
agents = ["agent@acme.example"]
[hours]
timezone = "Europe/Tallinn"
[[team]]
name = "support"
addresses = ["support@acme.example"]
agents = 4
lead = "lead@acme.example"
[[team]]
name = "billing"
addresses = ["billing@acme.example"]
timezone = "Europe/Berlin"
mon = "13:00-15:00"
tue = "13:00-15:00"
agents = 1
answers_per_agent_hour = 0.5
target_hours = 8
lead = "money@acme.example"
"#,
    )
    .expect("write");
    Settings::load(&path, true, &[]).expect("valid settings")
}

#[tokio::test]
async fn each_team_has_its_own_queue_calendar_lead_and_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    let settings = Arc::new(two_teams(dir.path()));
    let store = SqliteStore::in_memory().await.expect("store");
    let i = Intake::new(store, settings.clone(), Arc::new(Templates::default()));
    let at = "2026-03-02T08:00:00Z"; // Monday 10:00 in Tallinn, 09:00 in Berlin
    // Five customers of the support team ahead.
    let support_tickets = queue_of(&i, 5, at).await;
    let billing = |k: usize, extra: &str| {
        format!(
            "From: b{k}@example.com\r\nTo: billing@acme.example\r\nSubject: Invoice {k}\r\n\
             Message-ID: <bill{k}@x>\r\n{extra}Date: Mon, 2 Mar 2026 09:00:00 +0100\r\n\
             Content-Type: text/plain; charset=utf-8\r\n\r\nInvoice 7{k}00 charged twice, please refund.\r\n"
        )
        .into_bytes()
    };
    let first = take(&i, &billing(0, ""), at).await;
    let store = i.store();
    let t0 = store.ticket(first.ticket.unwrap()).await.unwrap().unwrap();
    assert_eq!(t0.team, "billing");
    for id in &support_tickets {
        assert_eq!(store.ticket(*id).await.unwrap().unwrap().team, "support");
    }
    // The support queue is not ahead of billing's customer; billing's own hours
    // (13:00-15:00 Berlin) place the promise, and its zone words the mail.
    let rows = store
        .promises_since(t("2026-03-01T00:00:00Z"))
        .await
        .unwrap();
    let row = rows.iter().find(|r| r.ticket == t0.id).unwrap();
    assert_eq!((row.team.as_str(), row.ahead), ("billing", 0));
    let due = t0
        .promised_by
        .unwrap()
        .to_zoned(jiff::tz::TimeZone::get("Europe/Berlin").unwrap());
    assert!(
        (13..=15).contains(&due.hour()) && due.weekday() == jiff::civil::Weekday::Monday,
        "{due}"
    );
    let ack = store.outbox(Some(t0.id)).await.unwrap();
    assert!(ack[0].body.contains("Berlin time"), "{}", ack[0].body);
    // The second billing customer waits behind the first, at billing's slow
    // rate: beyond its 8 h target, so billing's lead is told, not support's.
    let second = take(&i, &billing(1, ""), at).await;
    let out = store.outbox(second.ticket).await.unwrap();
    let alerts: Vec<&str> = out
        .iter()
        .filter(|o| o.kind == "alert")
        .map(|o| o.to.as_str())
        .collect();
    assert_eq!(alerts, ["money@acme.example"], "{out:?}");
    // The envelope recipient routes even when the header names another address.
    let routed = take(
        &i,
        String::from_utf8(billing(2, "X-Original-To: billing@acme.example\r\n"))
            .unwrap()
            .replace("\nTo: billing@", "\nTo: support@")
            .as_bytes(),
        at,
    )
    .await;
    assert_eq!(
        store
            .ticket(routed.ticket.unwrap())
            .await
            .unwrap()
            .unwrap()
            .team,
        "billing"
    );
    // A channel mapped to a team (an IMAP mailbox) wins over the address.
    let support_box = Intake::new(
        store.clone(),
        settings.clone(),
        Arc::new(Templates::default()),
    )
    .for_team("support");
    let boxed = support_box
        .ingest(&billing(3, ""), t(at), "imap:support")
        .await
        .expect("ingest");
    assert_eq!(
        store
            .ticket(boxed.ticket.unwrap())
            .await
            .unwrap()
            .unwrap()
            .team,
        "support"
    );
    // The report has one row per team and week.
    let rows = store
        .promises_since(t("2026-03-01T00:00:00Z"))
        .await
        .unwrap();
    let report = promises::report(&rows);
    let teams: Vec<(&str, usize)> = report.iter().map(|f| (f.team.as_str(), f.made)).collect();
    assert_eq!(teams, [("billing", 3), ("support", 6)], "{report:?}");
}
