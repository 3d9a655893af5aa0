//! The inbox query on a real (in-memory) SQLite store: most urgent first,
//! filters, full-text search and key paging that neither skips nor repeats.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

use std::sync::Arc;

use jiff::Timestamp;
use kindly_app::{Intake, Settings};
use kindly_core::TicketStatus;
use kindly_mail::compose::Templates;
use kindly_store::{InboxQuery, SqliteStore, Store};

fn t(s: &str) -> Timestamp {
    s.parse().expect("valid timestamp")
}

async fn intake() -> Intake<SqliteStore> {
    let env: Vec<(String, String)> = vec![
        (
            "KINDLY_SUPPORT_ADDRESS".into(),
            "support@acme.example".into(),
        ),
        ("KINDLY_TIMEZONE".into(), "Europe/Tallinn".into()),
    ];
    Intake::new(
        SqliteStore::in_memory().await.expect("store"),
        Arc::new(Settings::from_env(&env).expect("settings")),
        Arc::new(Templates::default()),
    )
}

fn mail(k: usize, subject: &str, body: &str) -> Vec<u8> {
    format!(
        "From: c{k}@example.com\r\nTo: support@acme.example\r\nSubject: {subject}\r\nMessage-ID: <in{k}@x>\r\n\
         Date: Mon, 2 Mar 2026 10:00:00 +0200\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
    )
    .into_bytes()
}

#[tokio::test]
async fn most_urgent_first_filtered_searched_and_paged() {
    let i = intake().await;
    let topics = [
        (
            "Router blinks red",
            "Hello, my router blinks red since the storm. Could you help?",
        ),
        (
            "Invoice",
            "Guten Tag, die Rechnung 2026-0042 hat die falsche Mehrwertsteuernummer.",
        ),
        (
            "Parcel",
            "Tere, minu pakk ei ole kohale jõudnud, tellimus 48213.",
        ),
        (
            "Login",
            "Здравствуйте, не могу войти в личный кабинет со вчерашнего дня.",
        ),
    ];
    for k in 0..23 {
        let (s, b) = topics[k % topics.len()];
        i.ingest(
            &mail(k, &format!("{s} {k}"), &format!("{b} (case {k})")),
            t("2026-03-02T08:00:00Z"),
            "test",
        )
        .await
        .expect("ingest");
    }
    // An angry customer arrives last but ranks first.
    let angry = i
        .ingest(
            &mail(99, "Refund", "THIRD TIME I WRITE!!! You took my money, this is a scam. I will dispute the charge."),
            t("2026-03-02T09:00:00Z"),
            "test",
        )
        .await
        .expect("ingest");
    assert!(angry.angry);
    let store = i.store();
    let q = |f: &dyn Fn(&mut InboxQuery)| {
        let mut q = InboxQuery {
            limit: 10,
            ..InboxQuery::default()
        };
        f(&mut q);
        q
    };
    let first = store.inbox(&q(&|_| {})).await.unwrap();
    assert_eq!(first.tickets.len(), 10);
    assert_eq!(
        first.tickets[0].id,
        angry.ticket.unwrap(),
        "the upset customer first"
    );
    // Paging by key: every open ticket exactly once, in order.
    let mut seen = Vec::new();
    let mut after = None;
    loop {
        let page = store.inbox(&q(&|x| x.after = after.clone())).await.unwrap();
        seen.extend(
            page.tickets
                .iter()
                .map(|t| (t.priority.clone(), t.promised_by, t.id)),
        );
        match page.next {
            Some(n) => after = Some(n),
            None => break,
        }
    }
    assert_eq!(seen.len(), 24);
    let ids: std::collections::HashSet<i64> = seen.iter().map(|s| s.2).collect();
    assert_eq!(ids.len(), 24, "no ticket twice");
    let normal: Vec<_> = seen.iter().filter(|s| s.0 == "normal").collect();
    assert!(
        normal
            .windows(2)
            .all(|w| (w[0].1, w[0].2) <= (w[1].1, w[1].2)),
        "deadline, then age"
    );
    // Filters and search.
    let de = store
        .inbox(&q(&|x| x.language = Some("de".into())))
        .await
        .unwrap();
    assert!(
        !de.tickets.is_empty()
            && de
                .tickets
                .iter()
                .all(|t| t.language.as_deref() == Some("de"))
    );
    let found = store
        .inbox(&q(&|x| x.search = Some("mehrwertsteuer".into())))
        .await
        .unwrap();
    assert_eq!(
        found.tickets.len(),
        6,
        "prefix search, umlauts and case ignored"
    );
    let found = store
        .inbox(&q(&|x| x.search = Some("pakk 48213".into())))
        .await
        .unwrap();
    assert_eq!(found.tickets.len(), 6);
    let found = store
        .inbox(&q(&|x| x.search = Some("кабинет".into())))
        .await
        .unwrap();
    assert_eq!(found.tickets.len(), 5);
    let none = store
        .inbox(&q(&|x| x.search = Some("\"unbalanced OR (".into())))
        .await
        .unwrap();
    assert!(none.tickets.is_empty(), "search syntax never errors");
    let billing = store
        .inbox(&q(&|x| x.teams = Some(vec!["billing".into()])))
        .await
        .unwrap();
    assert!(billing.tickets.is_empty());
    let closed = store
        .inbox(&q(&|x| x.statuses = vec![TicketStatus::Closed]))
        .await
        .unwrap();
    assert!(closed.tickets.is_empty());
    // Every status (queried without a status condition): the same tickets,
    // the same order, by language too.
    let every = vec![
        TicketStatus::Closed,
        TicketStatus::Open,
        TicketStatus::Solved,
        TicketStatus::Pending,
    ];
    let mut all = Vec::new();
    let mut after = None;
    loop {
        let page = store
            .inbox(&q(&|x| {
                x.statuses = every.clone();
                x.after = after.clone();
            }))
            .await
            .unwrap();
        all.extend(
            page.tickets
                .iter()
                .map(|t| (t.priority.clone(), t.promised_by, t.id)),
        );
        match page.next {
            Some(n) => after = Some(n),
            None => break,
        }
    }
    assert_eq!(all, seen, "all statuses: every ticket once, in inbox order");
    let de_all = store
        .inbox(&q(&|x| {
            x.statuses = every.clone();
            x.language = Some("de".into());
        }))
        .await
        .unwrap();
    assert_eq!(
        de_all.tickets.iter().map(|t| t.id).collect::<Vec<_>>(),
        de.tickets.iter().map(|t| t.id).collect::<Vec<_>>()
    );
    assert!(
        store
            .inbox(&q(&|x| x.after = Some("garbage".into())))
            .await
            .unwrap()
            .tickets
            .len()
            == 10
    );
}
