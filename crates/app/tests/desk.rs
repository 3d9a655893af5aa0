//! The agent's desk on a real (in-memory) SQLite store: priority and
//! assignee changes with their history, internal notes, saved replies with a
//! text per language, the inbox's assignee filter and the customer's tickets.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

use std::sync::Arc;

use jiff::Timestamp;
use kindly_app::{Intake, Settings};
use kindly_core::Priority;
use kindly_mail::compose::Templates;
use kindly_store::{AssigneeFilter, InboxQuery, NewSavedReply, SqliteStore, Store};

fn t(s: &str) -> Timestamp {
    s.parse().expect("valid timestamp")
}

async fn intake() -> Intake<SqliteStore> {
    let env: Vec<(String, String)> = vec![(
        "KINDLY_SUPPORT_ADDRESS".into(),
        "support@acme.example".into(),
    )];
    Intake::new(
        SqliteStore::in_memory().await.expect("store"),
        Arc::new(Settings::from_env(&env).expect("settings")),
        Arc::new(Templates::default()),
    )
}

fn mail(from: &str, id: &str, subject: &str, body: &str) -> Vec<u8> {
    format!(
        "From: {from}\r\nTo: support@acme.example\r\nSubject: {subject}\r\nMessage-ID: <{id}@x>\r\n\
         Date: Mon, 2 Mar 2026 10:00:00 +0200\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
    )
    .into_bytes()
}

async fn ticket_of(i: &Intake<SqliteStore>, raw: &[u8], at: &str) -> i64 {
    i.ingest(raw, t(at), "test")
        .await
        .expect("ingest")
        .ticket
        .expect("a ticket")
}

#[tokio::test]
async fn priority_assignee_and_notes_are_kept_with_their_history() {
    let i = intake().await;
    let id = ticket_of(
        &i,
        &mail(
            "ann@example.com",
            "a1",
            "Router",
            "My router blinks red since Monday.",
        ),
        "2026-03-02T08:00:00Z",
    )
    .await;
    let s = i.store();
    let at = t("2026-03-02T09:00:00Z");

    assert!(
        s.set_priority(id, Priority::Urgent, "bo@acme.example", at)
            .await
            .unwrap()
    );
    assert!(
        s.assign(id, Some("bo@acme.example"), "bo@acme.example", at)
            .await
            .unwrap()
    );
    let note = s
        .add_note(id, "bo@acme.example", "Called her: the storm fried it.", at)
        .await
        .unwrap()
        .expect("the ticket exists");
    let view = s.ticket(id).await.unwrap().expect("ticket");
    assert_eq!(view.priority, "urgent");
    assert_eq!(view.assignee.as_deref(), Some("bo@acme.example"));
    let notes = s.notes_of(id).await.unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].id, note);
    assert_eq!(notes[0].body, "Called her: the storm fried it.");
    assert_eq!(notes[0].author, "bo@acme.example");

    // The same value again changes nothing and writes no event.
    assert!(
        s.set_priority(id, Priority::Urgent, "bo@acme.example", at)
            .await
            .unwrap()
    );
    let kinds: Vec<String> = s
        .events_of(id)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .filter(|k| ["priority", "assigned", "note"].contains(&k.as_str()))
        .collect();
    assert_eq!(kinds, ["priority", "assigned", "note"]);

    // Nobody again.
    assert!(s.assign(id, None, "bo@acme.example", at).await.unwrap());
    assert_eq!(s.ticket(id).await.unwrap().unwrap().assignee, None);

    // No such ticket: a clear "no", nothing written.
    assert!(!s.set_priority(999, Priority::High, "bo", at).await.unwrap());
    assert!(!s.assign(999, Some("bo"), "bo", at).await.unwrap());
    assert_eq!(s.add_note(999, "bo", "x", at).await.unwrap(), None);
    assert!(s.notes_of(999).await.unwrap().is_empty());
}

#[tokio::test]
async fn inbox_filters_by_assignee_and_profile_lists_the_customers_tickets() {
    let i = intake().await;
    let a = ticket_of(
        &i,
        &mail(
            "ann@example.com",
            "b1",
            "Router",
            "My router blinks red since Monday.",
        ),
        "2026-03-02T08:00:00Z",
    )
    .await;
    let b = ticket_of(
        &i,
        &mail(
            "ann@example.com",
            "b2",
            "Invoice",
            "The invoice 2026-7 has the wrong VAT number on it.",
        ),
        "2026-03-03T08:00:00Z",
    )
    .await;
    let c = ticket_of(
        &i,
        &mail(
            "cid@example.com",
            "b3",
            "Parcel",
            "Where is my parcel 48213? It left the depot on Friday.",
        ),
        "2026-03-03T09:00:00Z",
    )
    .await;
    assert!(a != b && b != c);
    let s = i.store();
    let at = t("2026-03-03T10:00:00Z");
    s.assign(b, Some("bo@acme.example"), "bo@acme.example", at)
        .await
        .unwrap();
    // The ids on the first inbox page with this filter and search.
    let page = |f: Option<AssigneeFilter>, search: Option<&'static str>| {
        let s = s.clone();
        async move {
            s.inbox(&InboxQuery {
                assignee: f,
                search: search.map(str::to_string),
                limit: 50,
                ..InboxQuery::default()
            })
            .await
            .unwrap()
            .tickets
            .into_iter()
            .map(|t| t.id)
            .collect::<Vec<_>>()
        }
    };
    let ids = |f: Option<AssigneeFilter>| page(f, None);
    assert_eq!(
        ids(Some(AssigneeFilter::Agent("bo@acme.example".into()))).await,
        [b]
    );
    let mut nobody = ids(Some(AssigneeFilter::Nobody)).await;
    nobody.sort_unstable();
    assert_eq!(nobody, [a, c]);
    assert_eq!(ids(None).await.len(), 3);
    // A search honours the filter too (one word: the ticket index; two: per message).
    for words in ["invoice", "invoice vat"] {
        let found = |f: Option<AssigneeFilter>| page(f, Some(words));
        assert_eq!(
            found(Some(AssigneeFilter::Agent("bo@acme.example".into()))).await,
            [b],
            "{words}"
        );
        assert!(
            found(Some(AssigneeFilter::Nobody)).await.is_empty(),
            "{words}"
        );
    }

    let ann: Vec<i64> = s
        .customer_tickets("ann@example.com", 10)
        .await
        .unwrap()
        .into_iter()
        .map(|t| t.id)
        .collect();
    assert_eq!(ann, [b, a], "newest first, only hers");
}

#[tokio::test]
async fn saved_replies_keep_one_text_per_title_and_language() {
    let i = intake().await;
    let s = i.store();
    let at = t("2026-03-03T10:00:00Z");
    let put = |title: &'static str, lang: &'static str, body: &'static str| {
        let s = s.clone();
        async move {
            s.put_saved_reply(&NewSavedReply {
                title,
                lang,
                body,
                by: "bo@acme.example",
                at,
            })
            .await
            .unwrap()
        }
    };
    let en = put(
        "Router restart",
        "en",
        "Please unplug the router for 30 seconds.",
    )
    .await;
    let et = put(
        "Router restart",
        "et",
        "Palun võtke ruuter 30 sekundiks vooluvõrgust välja.",
    )
    .await;
    let again = put(
        "Router restart",
        "en",
        "Please unplug the router for a full minute.",
    )
    .await;
    assert_eq!(en, again, "same title and language: the text is replaced");
    assert_ne!(en, et);
    let all = s.saved_replies().await.unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].lang, "en");
    assert_eq!(all[0].body, "Please unplug the router for a full minute.");
    assert_eq!(all[1].lang, "et");
    assert!(s.delete_saved_reply(et).await.unwrap());
    assert!(!s.delete_saved_reply(et).await.unwrap());
    assert_eq!(s.saved_replies().await.unwrap().len(), 1);
}
