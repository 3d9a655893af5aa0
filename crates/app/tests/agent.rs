//! Agent tools on a real (in-memory) SQLite store: merge, split and undo are
//! reversible and recorded; a wrong automatic fold is one undo away; similar
//! tickets of other customers are found through the stored LSH bands.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

use std::sync::Arc;

use jiff::Timestamp;
use kindly_app::agent;
use kindly_app::{Intake, IntakeReport, Settings};
use kindly_core::{Outcome, RepeatPolicy, TicketStatus};
use kindly_mail::compose::Templates;
use kindly_store::{SqliteStore, Store, StoreError};

fn t(s: &str) -> Timestamp {
    s.parse().expect("valid timestamp")
}

async fn intake() -> Intake<SqliteStore> {
    let env: Vec<(String, String)> = vec![
        (
            "KINDLY_SUPPORT_ADDRESS".into(),
            "support@acme.example".into(),
        ),
        ("KINDLY_COMPANY".into(), "ACME".into()),
        ("KINDLY_TIMEZONE".into(), "Europe/Tallinn".into()),
    ];
    let store = SqliteStore::in_memory().await.expect("store");
    Intake::new(
        store,
        Arc::new(Settings::from_env(&env).expect("settings")),
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

const ORDER: &str = "Hello, my order 48213 has not arrived yet although the tracking page said it \
would be delivered last Friday. Could you check where the parcel is?";
const ORDER_AGAIN: &str = "Hello, my order 48213 has not arrived yet although the tracking page \
said it would be delivered last Friday. Could you please check where the parcel is?";
const INVOICE: &str = "Good morning, the invoice for February charges the premium plan twice. \
Please correct it and send a new invoice.";

async fn ticket(i: &Intake<SqliteStore>, id: i64) -> kindly_store::TicketView {
    i.store().ticket(id).await.unwrap().expect("ticket exists")
}

#[tokio::test]
async fn a_wrong_automatic_fold_is_one_undo_away_and_the_undo_can_be_undone() {
    let i = intake().await;
    let first = take(
        &i,
        &mail("ann@example.com", "<a1@x>", "Parcel missing", ORDER, ""),
        "2026-03-02T08:00:00Z",
    )
    .await;
    let t1 = first.ticket.unwrap();
    let again = take(
        &i,
        &mail(
            "ann@example.com",
            "<a2@x>",
            "Where is my parcel?",
            ORDER_AGAIN,
            "",
        ),
        "2026-03-03T08:00:00Z",
    )
    .await;
    assert_eq!(again.outcome, Outcome::Repeat);
    assert_eq!(again.ticket, Some(t1));
    assert_eq!(ticket(&i, t1).await.repeats, 1);

    let store = i.store();
    let fold = store
        .events_of(t1)
        .await
        .unwrap()
        .into_iter()
        .find(|e| e.kind == "repeat")
        .expect("the fold is in the history");
    let done = agent::undo(store, fold.id, t("2026-03-03T09:00:00Z"))
        .await
        .unwrap();
    assert_eq!(done.action, "split");
    assert_eq!(done.undid, Some(fold.id));
    assert_eq!(done.from_ticket, t1);
    let t2 = done.ticket;
    assert_ne!(t2, t1);
    // The message is a ticket of its own now; the first ticket's count is back.
    let moved = store.messages_of(t2).await.unwrap();
    assert_eq!(moved.len(), 1);
    assert_eq!(moved[0].message_id, "<a2@x>");
    assert_eq!(moved[0].outcome, "new_ticket");
    assert_eq!(store.messages_of(t1).await.unwrap().len(), 1);
    assert_eq!(ticket(&i, t1).await.repeats, 0);
    let new = ticket(&i, t2).await;
    assert_eq!(new.status, TicketStatus::Open);
    assert_eq!(new.customer, "ann@example.com");
    assert_eq!(new.subject, "Where is my parcel?");
    let history = store.events_of(t1).await.unwrap();
    let folded = history.iter().find(|e| e.id == fold.id).unwrap();
    assert_eq!(folded.undone_by, Some(done.event));
    assert!(
        history
            .iter()
            .any(|e| e.kind == "split" && e.id == done.event)
    );
    // Undoing the same fold twice is refused with the reason.
    match store.undo(fold.id, t("2026-03-03T09:01:00Z")).await {
        Err(StoreError::Refused(m)) => assert!(m.contains("already undone"), "{m}"),
        other => panic!("expected a refusal, got {other:?}"),
    }

    // Undo the undo: the mail is folded back, the fold counts again.
    let back = agent::undo(store, done.event, t("2026-03-03T09:02:00Z"))
        .await
        .unwrap();
    assert_eq!(back.action, "undo");
    assert_eq!(back.ticket, t1);
    assert_eq!(store.messages_of(t1).await.unwrap().len(), 2);
    assert_eq!(ticket(&i, t1).await.repeats, 1);
    let emptied = ticket(&i, t2).await;
    assert_eq!(emptied.status, TicketStatus::Closed);
    assert_eq!(emptied.merged_into, Some(t1));
    let refold = store.events_of(t1).await.unwrap();
    assert_eq!(
        refold.iter().find(|e| e.id == fold.id).unwrap().undone_by,
        None
    );
    assert_eq!(
        store.messages_of(t1).await.unwrap()[1].outcome,
        "repeat",
        "the message's outcome is restored"
    );
}

#[tokio::test]
async fn merge_moves_everything_and_undo_restores_it() {
    let i = intake().await;
    let a = take(
        &i,
        &mail("ann@example.com", "<m1@x>", "Parcel missing", ORDER, ""),
        "2026-03-02T08:00:00Z",
    )
    .await;
    let b = take(
        &i,
        &mail(
            "ann@example.com",
            "<m2@x>",
            "Invoice wrong",
            INVOICE,
            "Cc: bob@example.com\r\n",
        ),
        "2026-03-02T09:00:00Z",
    )
    .await;
    let (ta, tb) = (a.ticket.unwrap(), b.ticket.unwrap());
    assert_ne!(ta, tb, "two problems, two tickets");
    let store = i.store();
    let ack_b = store.outbox(Some(tb)).await.unwrap();
    assert_eq!(ack_b.len(), 1);

    let done = store
        .merge(tb, ta, t("2026-03-02T10:00:00Z"))
        .await
        .unwrap();
    assert_eq!(
        (done.action.as_str(), done.ticket, done.from_ticket),
        ("merge", ta, tb)
    );
    assert_eq!(store.messages_of(ta).await.unwrap().len(), 2);
    assert!(store.messages_of(tb).await.unwrap().is_empty());
    let merged = ticket(&i, tb).await;
    assert_eq!(merged.status, TicketStatus::Closed);
    assert_eq!(merged.merged_into, Some(ta));
    let target = ticket(&i, ta).await;
    assert_eq!(target.repeats, 1, "the customer wrote twice about it");
    assert_eq!(target.priority, "high");
    assert_eq!(
        store.outbox(Some(ta)).await.unwrap().len(),
        2,
        "acknowledgements follow"
    );

    // A reply to the merged ticket's acknowledgement threads into the merged-into ticket.
    let reply = mail(
        "ann@example.com",
        "<m3@x>",
        "Re: Invoice wrong",
        "Any news about this?",
        &format!("In-Reply-To: {}\r\n", ack_b[0].message_id),
    );
    let r = take(&i, &reply, "2026-03-02T11:00:00Z").await;
    assert_eq!(r.ticket, Some(ta));

    // Refusals say why.
    for (from, into, why) in [
        (ta, ta, "itself"),
        (tb, ta, "already merged"),
        (ta, 999, "no ticket #999"),
    ] {
        match store.merge(from, into, t("2026-03-02T12:00:00Z")).await {
            Err(StoreError::Refused(m) | StoreError::NotFound(m)) => {
                assert!(m.contains(why), "{m}")
            }
            other => panic!("merge {from} into {into}: {other:?}"),
        }
    }

    let undone = store
        .undo(done.event, t("2026-03-02T13:00:00Z"))
        .await
        .unwrap();
    assert_eq!(undone.undid, Some(done.event));
    let back = ticket(&i, tb).await;
    assert_eq!(back.status, TicketStatus::Open);
    assert_eq!(back.merged_into, None);
    let msgs_b = store.messages_of(tb).await.unwrap();
    assert_eq!(msgs_b.len(), 1);
    assert_eq!(msgs_b[0].message_id, "<m2@x>");
    // The reply that came after the merge stays where it was answered.
    assert_eq!(store.messages_of(ta).await.unwrap().len(), 2);
    assert_eq!(store.outbox(Some(tb)).await.unwrap().len(), 1);
    assert_eq!(
        ticket(&i, ta).await.repeats,
        1,
        "the merge's repeat is taken back, the nudge stays"
    );
    let hist_b = store.events_of(tb).await.unwrap();
    assert!(hist_b.iter().any(|e| e.kind == "merged_into"));
    assert!(hist_b.iter().any(|e| e.kind == "unmerged"));
}

#[tokio::test]
async fn split_refuses_what_cannot_be_split() {
    let i = intake().await;
    let a = take(
        &i,
        &mail("ann@example.com", "<s1@x>", "Parcel missing", ORDER, ""),
        "2026-03-02T08:00:00Z",
    )
    .await;
    let store = i.store();
    let only = store.messages_of(a.ticket.unwrap()).await.unwrap()[0].id;
    match store.split(only, t("2026-03-02T09:00:00Z")).await {
        Err(StoreError::Refused(m)) => assert!(m.contains("only message"), "{m}"),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        store.split(9999, t("2026-03-02T09:00:00Z")).await,
        Err(StoreError::NotFound(_))
    ));
    let created = store.events_of(a.ticket.unwrap()).await.unwrap()[0].id;
    match store.undo(created, t("2026-03-02T09:00:00Z")).await {
        Err(StoreError::Refused(m)) => assert!(m.contains("cannot be undone"), "{m}"),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn similar_lists_other_customers_with_the_same_problem() {
    let i = intake().await;
    let outage = [
        (
            "kati@example.ee",
            "Internet is down in Tartu since this morning, the router light is red and nothing loads.",
        ),
        (
            "mart@example.ee",
            "Since this morning there is no internet in Tartu. The router shows a red light.",
        ),
        (
            "olga@example.ee",
            "Our office in Tartu has had no internet since the morning; the router light is red.",
        ),
    ];
    let mut tickets = Vec::new();
    for (n, (from, body)) in outage.iter().enumerate() {
        let r = take(
            &i,
            &mail(from, &format!("<o{n}@x>"), "No internet", body, ""),
            "2026-03-02T08:00:00Z",
        )
        .await;
        tickets.push(r.ticket.unwrap());
    }
    let other = take(
        &i,
        &mail("jaan@example.ee", "<o9@x>", "Invoice", INVOICE, ""),
        "2026-03-02T08:30:00Z",
    )
    .await;
    // The same customer's other ticket is a repeat question, not a "similar ticket".
    let own = take(&i, &mail("kati@example.ee", "<o8@x>", "Router", "The router in Tartu shows a red light and the internet does not work since this morning, also on my phone.", ""), "2026-03-02T09:00:00Z").await;

    let found = agent::similar(i.store(), tickets[0], 10, &RepeatPolicy::default())
        .await
        .unwrap();
    let ids: Vec<i64> = found.iter().map(|s| s.ticket).collect();
    assert!(
        ids.contains(&tickets[1]) && ids.contains(&tickets[2]),
        "{found:?}"
    );
    assert!(!ids.contains(&other.ticket.unwrap()), "{found:?}");
    assert!(own.ticket.is_none_or(|t| !ids.contains(&t)), "{found:?}");
    assert!(found.iter().all(|s| s.score >= 0.3 && s.shared_bands > 0));
    assert!(found.windows(2).all(|w| w[0].score >= w[1].score));
    // A closed ticket is no longer listed.
    i.store()
        .set_status(tickets[2], TicketStatus::Closed, t("2026-03-02T10:00:00Z"))
        .await
        .unwrap();
    let found = agent::similar(i.store(), tickets[0], 10, &RepeatPolicy::default())
        .await
        .unwrap();
    assert!(!found.iter().any(|s| s.ticket == tickets[2]));
    // Reopened, it is back (its bands return to the index from its stored print).
    i.store()
        .set_status(tickets[2], TicketStatus::Open, t("2026-03-02T11:00:00Z"))
        .await
        .unwrap();
    let found = agent::similar(i.store(), tickets[0], 10, &RepeatPolicy::default())
        .await
        .unwrap();
    assert!(found.iter().any(|s| s.ticket == tickets[2]));
    assert!(matches!(
        agent::similar(i.store(), 9999, 10, &RepeatPolicy::default()).await,
        Err(agent::AgentError::NoTicket(9999))
    ));
}

#[tokio::test]
async fn chains_of_merges_are_undone_in_order_and_mail_follows_the_merge() {
    let i = intake().await;
    let mut tickets = Vec::new();
    for (n, (subject, body)) in [
        ("Parcel missing", ORDER),
        ("Invoice wrong", INVOICE),
        (
            "Password",
            "I cannot log in since the update, the app says my password is wrong.",
        ),
    ]
    .iter()
    .enumerate()
    {
        let r = take(
            &i,
            &mail("ann@example.com", &format!("<c{n}@x>"), subject, body, ""),
            "2026-03-02T08:00:00Z",
        )
        .await;
        tickets.push(r.ticket.unwrap());
    }
    let store = i.store();
    let first = store
        .merge(tickets[0], tickets[1], t("2026-03-02T09:00:00Z"))
        .await
        .unwrap();
    store
        .merge(tickets[1], tickets[2], t("2026-03-02T09:01:00Z"))
        .await
        .unwrap();
    match store.undo(first.event, t("2026-03-02T09:02:00Z")).await {
        Err(StoreError::Refused(m)) => assert!(m.contains("undo that merge first"), "{m}"),
        other => panic!("undoing out of order must be refused: {other:?}"),
    }
    // A tagged mail to the first (merged) ticket lands in the ticket holding its mail.
    let tagged = take(
        &i,
        &mail(
            "ann@example.com",
            "<c9@x>",
            &format!("Re: Parcel missing [#{}]", tickets[0]),
            "Any news?",
            "",
        ),
        "2026-03-02T10:00:00Z",
    )
    .await;
    assert_eq!(tagged.ticket, Some(tickets[2]));
    assert_eq!(ticket(&i, tickets[0]).await.status, TicketStatus::Closed);
}

#[tokio::test]
async fn merging_two_customers_is_refused() {
    let i = intake().await;
    let a = take(
        &i,
        &mail("ann@example.com", "<x1@x>", "Parcel missing", ORDER, ""),
        "2026-03-02T08:00:00Z",
    )
    .await;
    let b = take(
        &i,
        &mail("bob@example.com", "<x2@x>", "Parcel missing", ORDER, ""),
        "2026-03-02T08:00:00Z",
    )
    .await;
    match i
        .store()
        .merge(
            a.ticket.unwrap(),
            b.ticket.unwrap(),
            t("2026-03-02T09:00:00Z"),
        )
        .await
    {
        Err(StoreError::Refused(m)) => assert!(m.contains("different customers"), "{m}"),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn undoing_a_fold_takes_back_what_the_fold_did() {
    let i = intake().await;
    let store = i.store();
    let first = take(
        &i,
        &mail("ann@example.com", "<f1@x>", "Parcel missing", ORDER, ""),
        "2026-03-02T08:00:00Z",
    )
    .await;
    let t1 = first.ticket.unwrap();
    store
        .set_status(t1, TicketStatus::Solved, t("2026-03-02T12:00:00Z"))
        .await
        .unwrap();
    // The same text again: a repeat that reopens the solved ticket and queues a status update.
    let again = take(
        &i,
        &mail(
            "ann@example.com",
            "<f2@x>",
            "Parcel missing",
            ORDER_AGAIN,
            "",
        ),
        "2026-03-03T08:00:00Z",
    )
    .await;
    assert_eq!(again.outcome, Outcome::Repeat);
    assert_eq!(ticket(&i, t1).await.status, TicketStatus::Open);
    let update = store
        .outbox(Some(t1))
        .await
        .unwrap()
        .into_iter()
        .find(|o| o.kind == "status_update")
        .expect("a status update was queued");
    // The agent splits the mail out by hand: the fold is undone with it.
    let folded = store.messages_of(t1).await.unwrap()[1].id;
    let split = agent::split(store, folded, t("2026-03-03T09:00:00Z"))
        .await
        .unwrap();
    let after = ticket(&i, t1).await;
    assert_eq!(
        after.status,
        TicketStatus::Solved,
        "the reopening is taken back"
    );
    assert_eq!((after.repeats, after.priority.as_str()), (0, "normal"));
    let withdrawn = store
        .outbox(Some(t1))
        .await
        .unwrap()
        .into_iter()
        .find(|o| o.id == update.id)
        .unwrap();
    assert_eq!(
        withdrawn.status, "cancelled",
        "the update had not gone out: withdrawn"
    );
    let fold = store
        .events_of(t1)
        .await
        .unwrap()
        .into_iter()
        .find(|e| e.kind == "repeat")
        .unwrap();
    assert_eq!(fold.undone_by, Some(split.event));
    match store.undo(fold.id, t("2026-03-03T09:01:00Z")).await {
        Err(StoreError::Refused(m)) => assert!(m.contains("already undone"), "{m}"),
        other => panic!("{other:?}"),
    }
    // Stats: two problems, no repeat folded.
    let days = store.stats().await.unwrap();
    assert_eq!(days.iter().map(|d| d.tickets).sum::<i64>(), 2);
    assert_eq!(days.iter().map(|d| d.repeats_folded).sum::<i64>(), 0);
}

#[tokio::test]
async fn undoing_a_threaded_nudge_takes_its_repeat_back() {
    let i = intake().await;
    let store = i.store();
    let first = take(
        &i,
        &mail("ann@example.com", "<n1@x>", "Parcel missing", ORDER, ""),
        "2026-03-02T08:00:00Z",
    )
    .await;
    let t1 = first.ticket.unwrap();
    let nudge = take(
        &i,
        &mail(
            "ann@example.com",
            "<n2@x>",
            "Re: Parcel missing",
            "Any news?",
            "In-Reply-To: <n1@x>\r\n",
        ),
        "2026-03-03T08:00:00Z",
    )
    .await;
    assert_eq!(nudge.outcome, Outcome::FollowUp);
    assert_eq!(ticket(&i, t1).await.repeats, 1);
    let fold = store
        .events_of(t1)
        .await
        .unwrap()
        .into_iter()
        .find(|e| e.kind == "repeat")
        .unwrap();
    agent::undo(store, fold.id, t("2026-03-03T09:00:00Z"))
        .await
        .unwrap();
    let after = ticket(&i, t1).await;
    assert_eq!((after.repeats, after.priority.as_str()), (0, "normal"));
}

const ANGRY: &str = "This is the third time I write and NOBODY answers!!! You took my money \
for order 48213 and sent nothing. This is a scam, I will dispute the charge with my bank.";

#[tokio::test]
async fn a_reply_is_threaded_keeps_the_promise_and_carries_the_tone_findings() {
    let i = intake().await;
    let r = take(
        &i,
        &mail("Ann <ann@example.com>", "<o1@x>", "Order", ORDER, ""),
        "2026-03-02T08:00:00Z",
    )
    .await;
    let id = r.ticket.unwrap();
    assert!(!r.angry);
    let now = t("2026-03-02T08:05:00Z");
    let done = agent::reply(
        i.store(),
        i.settings(),
        &agent::ReplyDraft {
            ticket: id,
            author: "anna",
            body: "As stated in our instructions, you should have checked the tracking page. The parcel is at the depot.",
            send_now: false,
            status: Some(TicketStatus::Pending),
        },
        now,
    )
    .await
    .unwrap();
    assert_eq!(
        done.held_until, None,
        "a calm customer's answer goes at once"
    );
    assert!(
        !done.tone.ok && !done.tone.findings.is_empty(),
        "{:?}",
        done.tone
    );
    let out = i.store().outbox(Some(id)).await.unwrap();
    let row = out.iter().find(|o| o.id == done.outbox).unwrap();
    assert_eq!(
        (row.kind.as_str(), row.to.as_str()),
        ("reply", "ann@example.com")
    );
    assert_eq!(row.in_reply_to.as_deref(), Some("<o1@x>"));
    assert!(
        row.subject.ends_with("[#1]") || row.subject.contains(&format!("[#{id}]")),
        "{}",
        row.subject
    );
    assert_eq!(row.next_try_at, now);
    let view = ticket(&i, id).await;
    assert_eq!(view.first_response_at, Some(now));
    assert_eq!(view.status, TicketStatus::Pending);
    let promises = i
        .store()
        .promises_since(t("2026-03-01T00:00:00Z"))
        .await
        .unwrap();
    assert_eq!(promises[0].state, "kept");
    // Bad input gets a clear refusal.
    let empty = agent::reply(
        i.store(),
        i.settings(),
        &agent::ReplyDraft {
            ticket: id,
            author: "anna",
            body: "  \n",
            send_now: false,
            status: None,
        },
        now,
    )
    .await;
    assert!(
        matches!(empty, Err(agent::AgentError::Refused(_))),
        "{empty:?}"
    );
    let missing = agent::reply(
        i.store(),
        i.settings(),
        &agent::ReplyDraft {
            ticket: 999,
            author: "anna",
            body: "Hi",
            send_now: false,
            status: None,
        },
        now,
    )
    .await;
    assert!(
        matches!(missing, Err(agent::AgentError::NoTicket(999))),
        "{missing:?}"
    );
}

#[tokio::test]
async fn the_first_answer_to_an_angry_customer_waits_out_the_cool_down() {
    let i = intake().await;
    let r = take(
        &i,
        &mail(
            "Bob <bob@example.com>",
            "<a1@x>",
            "Where is my order",
            ANGRY,
            "",
        ),
        "2026-03-02T08:00:00Z",
    )
    .await;
    assert!(r.angry, "the fixture must read as angry");
    let id = r.ticket.unwrap();
    let now = t("2026-03-02T09:00:00Z");
    let draft = agent::ReplyDraft {
        ticket: id,
        author: "anna",
        body: "I am sorry for the wait. Your parcel is at the depot; it will reach you tomorrow.",
        send_now: false,
        status: None,
    };
    let held = agent::reply(i.store(), i.settings(), &draft, now)
        .await
        .unwrap();
    let until = t("2026-03-02T09:20:00Z");
    assert_eq!(held.held_until, Some(until), "20 minutes by default");
    assert_eq!(held.guideline, Some(agent::CALM_GUIDELINE));
    assert!(held.tone.ok, "{:?}", held.tone);
    // Not due before the hold ends.
    let due = |at: &str| {
        let store = i.store().clone();
        let at = t(at);
        async move {
            store
                .due_outbox(at, 10)
                .await
                .unwrap()
                .iter()
                .map(|o| o.id)
                .collect::<Vec<_>>()
        }
    };
    assert!(!due("2026-03-02T09:10:00Z").await.contains(&held.outbox));
    assert!(due("2026-03-02T09:20:00Z").await.contains(&held.outbox));
    // The agent sends it at once: due now, first response now.
    let at = t("2026-03-02T09:05:00Z");
    assert!(agent::send_now(i.store(), held.outbox, at).await.unwrap());
    assert!(due("2026-03-02T09:05:00Z").await.contains(&held.outbox));
    assert_eq!(ticket(&i, id).await.first_response_at, Some(at));
    assert!(
        !agent::send_now(i.store(), held.outbox, at).await.unwrap(),
        "released once"
    );
    // Only the first answer is held.
    let second = agent::reply(i.store(), i.settings(), &draft, t("2026-03-02T10:00:00Z"))
        .await
        .unwrap();
    assert_eq!(second.held_until, None);
    // And the agent may skip the hold from the start.
    let r = take(
        &i,
        &mail("Cy <cy@example.com>", "<a2@x>", "Refund", ANGRY, ""),
        "2026-03-02T08:00:00Z",
    )
    .await;
    let now_draft = agent::ReplyDraft {
        ticket: r.ticket.unwrap(),
        send_now: true,
        ..draft
    };
    let at_once = agent::reply(i.store(), i.settings(), &now_draft, now)
        .await
        .unwrap();
    assert_eq!(at_once.held_until, None);
}
