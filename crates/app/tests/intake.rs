//! Intake end to end on a real (in-memory) SQLite store: every rule of the
//! foundation issue that a single mail can show.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

use std::sync::Arc;

use jiff::Timestamp;
use kindly_app::{Intake, IntakeReport, Settings};
use kindly_core::{Outcome, TicketStatus};
use kindly_mail::compose::Templates;
use kindly_store::{OutboxRow, SetAside, SqliteStore, Store};

fn t(s: &str) -> Timestamp {
    s.parse().expect("valid timestamp")
}

fn settings(extra: &[(&str, &str)]) -> Settings {
    let mut env: Vec<(String, String)> = vec![
        (
            "KINDLY_SUPPORT_ADDRESS".into(),
            "support@acme.example".into(),
        ),
        ("KINDLY_COMPANY".into(), "ACME".into()),
        ("KINDLY_TIMEZONE".into(), "Europe/Tallinn".into()),
        ("KINDLY_AGENTS".into(), "agent@acme.example".into()),
    ];
    env.extend(extra.iter().map(|(a, b)| (a.to_string(), b.to_string())));
    Settings::from_env(&env).expect("valid settings")
}

async fn intake_with(extra: &[(&str, &str)]) -> Intake<SqliteStore> {
    let store = SqliteStore::in_memory().await.expect("store");
    Intake::new(
        store,
        Arc::new(settings(extra)),
        Arc::new(Templates::default()),
    )
}

async fn intake() -> Intake<SqliteStore> {
    intake_with(&[]).await
}

/// A plain customer mail.
fn mail(from: &str, id: Option<&str>, subject: &str, body: &str, extra_headers: &str) -> Vec<u8> {
    let mut m = format!(
        "From: {from}\r\nTo: support@acme.example\r\nSubject: {subject}\r\nDate: Mon, 2 Mar 2026 10:00:00 +0200\r\n"
    );
    if let Some(id) = id {
        m.push_str(&format!("Message-ID: {id}\r\n"));
    }
    m.push_str(extra_headers);
    m.push_str("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n");
    m.push_str(body);
    m.into_bytes()
}

const EN_BODY: &str = "Hello,\r\n\r\nI cannot log in to my account since yesterday. The page says my password is wrong, \
but I have not changed it. Could you please help me get back in?\r\n\r\nThank you,\r\nEmily\r\n";

const NOON: &str = "2026-03-02T10:00:00Z";

async fn take(i: &Intake<SqliteStore>, bytes: &[u8], at: &str) -> IntakeReport {
    i.ingest(bytes, t(at), "test").await.expect("ingest")
}

async fn outbox(i: &Intake<SqliteStore>) -> Vec<OutboxRow> {
    i.store().outbox(None).await.expect("outbox")
}

#[tokio::test]
async fn new_request_gets_exactly_one_acknowledgement() {
    let i = intake().await;
    let r = take(
        &i,
        &mail(
            "Emily Clarke <emily@example.com>",
            Some("<e1@example.com>"),
            "Cannot log in",
            EN_BODY,
            "",
        ),
        NOON,
    )
    .await;
    assert_eq!(r.outcome, Outcome::NewTicket);
    assert_eq!(r.ticket, Some(1));
    assert!(r.acknowledged);
    assert_eq!(r.language.as_deref(), Some("en"));
    let out = outbox(&i).await;
    assert_eq!(out.len(), 1);
    let ack = &out[0];
    assert_eq!(ack.kind, "ack");
    assert_eq!(ack.to, "emily@example.com");
    assert_eq!(ack.subject, "Re: Cannot log in [#1]");
    assert_eq!(ack.in_reply_to.as_deref(), Some("<e1@example.com>"));
    assert_eq!(ack.references, vec!["<e1@example.com>".to_string()]);
    // Monday 12:00 Tallinn, nobody waiting, the default capacity (2 agents, 4
    // answers an hour each): one agent's p90 answer time, 35 min → 12:45 local.
    assert_eq!(ack.promised_by, Some(t("2026-03-02T10:45:00Z")));
    let ticket = i.store().ticket(1).await.expect("query").expect("ticket");
    assert_eq!(ticket.promised_by, ack.promised_by);
    assert_eq!(ticket.status, TicketStatus::Open);
}

#[tokio::test]
async fn acknowledgement_goes_to_reply_to() {
    let i = intake().await;
    take(
        &i,
        &mail(
            "Emily <emily@example.com>",
            Some("<e1@example.com>"),
            "Cannot log in",
            EN_BODY,
            "Reply-To: Emily Work <e.clarke@work.example>\r\n",
        ),
        NOON,
    )
    .await;
    assert_eq!(outbox(&i).await[0].to, "e.clarke@work.example");
}

#[tokio::test]
async fn friday_evening_promise_moves_to_monday_morning() {
    let i = intake().await;
    // Friday 6 March 2026 19:00 Tallinn.
    take(
        &i,
        &mail(
            "emily@example.com",
            Some("<e1@example.com>"),
            "Cannot log in",
            EN_BODY,
            "",
        ),
        "2026-03-06T17:00:00Z",
    )
    .await;
    assert_eq!(
        outbox(&i).await[0].promised_by,
        // Friday 19:00 local: the team opens Monday 09:00, answers within 35 min (p90).
        Some(t("2026-03-09T07:45:00Z"))
    );
}

#[tokio::test]
async fn same_message_twice_changes_nothing() {
    let i = intake().await;
    let m = mail(
        "emily@example.com",
        Some("<e1@example.com>"),
        "Cannot log in",
        EN_BODY,
        "",
    );
    take(&i, &m, NOON).await;
    // Re-delivered through another relay: an extra Received: header.
    let mut again =
        b"Received: from relay2.example.net by mx.acme.example; Mon, 2 Mar 2026 10:05:00 +0200\r\n"
            .to_vec();
    again.extend_from_slice(&m);
    for bytes in [&m, &again] {
        let r = take(&i, bytes, "2026-03-02T10:05:00Z").await;
        assert_eq!(r.outcome, Outcome::DuplicateDelivery);
        assert_eq!(r.ticket, Some(1));
        assert!(!r.acknowledged);
    }
    assert_eq!(outbox(&i).await.len(), 1);
    assert_eq!(i.store().tickets().await.expect("tickets")[0].messages, 1);
}

#[tokio::test]
async fn reused_message_id_with_other_content_is_a_new_message() {
    let i = intake().await;
    take(
        &i,
        &mail(
            "form@shop.example",
            Some("<form@shop.example>"),
            "Contact form",
            "Question one about my order 1234.",
            "Reply-To: anna@example.com\r\n",
        ),
        NOON,
    )
    .await;
    let r = take(
        &i,
        &mail(
            "form@shop.example",
            Some("<form@shop.example>"),
            "Contact form",
            "A different question about delivery times to Tartu.",
            "Reply-To: jaan@example.com\r\n",
        ),
        NOON,
    )
    .await;
    assert_ne!(r.outcome, Outcome::DuplicateDelivery);
    assert_eq!(i.store().counts().await.expect("counts").messages, 2);
}

#[tokio::test]
async fn missing_message_id_gets_a_stable_derived_one() {
    let i = intake().await;
    let m = mail("emily@example.com", None, "Cannot log in", EN_BODY, "");
    let first = take(&i, &m, NOON).await;
    let id = first.message_id.clone().expect("derived id");
    assert!(id.starts_with('<') && id.ends_with('>'));
    let second = take(&i, &m, NOON).await;
    assert_eq!(second.message_id.as_deref(), Some(id.as_str()));
    assert_eq!(second.outcome, Outcome::DuplicateDelivery);
}

#[tokio::test]
async fn replies_thread_by_our_id_and_by_their_own() {
    let i = intake().await;
    take(
        &i,
        &mail(
            "emily@example.com",
            Some("<e1@example.com>"),
            "Cannot log in",
            EN_BODY,
            "",
        ),
        NOON,
    )
    .await;
    let ack_id = outbox(&i).await[0].message_id.clone();
    let to_ack = take(
        &i,
        &mail(
            "emily@example.com",
            Some("<e2@example.com>"),
            "Re: Cannot log in [#1]",
            "It is the account emily@example.com, if that helps.",
            &format!("In-Reply-To: {ack_id}\r\nReferences: <e1@example.com> {ack_id}\r\n"),
        ),
        "2026-03-02T11:00:00Z",
    )
    .await;
    assert_eq!(
        (to_ack.outcome, to_ack.ticket),
        (Outcome::FollowUp, Some(1))
    );
    // A mail client that threads on the customer's own first mail only.
    let to_own = take(
        &i,
        &mail(
            "emily@example.com",
            Some("<e3@example.com>"),
            "Also",
            "I tried another browser as well, same message.",
            "References: <e1@example.com>\r\n",
        ),
        "2026-03-02T12:00:00Z",
    )
    .await;
    assert_eq!(
        (to_own.outcome, to_own.ticket),
        (Outcome::FollowUp, Some(1))
    );
    assert!(!to_own.acknowledged);
    let tickets = i.store().tickets().await.expect("tickets");
    assert_eq!(tickets.len(), 1);
    assert_eq!(
        tickets[0].message_ids,
        vec!["<e1@example.com>", "<e2@example.com>", "<e3@example.com>"]
    );
    assert_eq!(
        outbox(&i).await.len(),
        1,
        "follow-ups are not acknowledged again"
    );
}

#[tokio::test]
async fn tag_and_plus_address_join_only_for_participants() {
    let i = intake().await;
    take(
        &i,
        &mail(
            "emily@example.com",
            Some("<e1@example.com>"),
            "Cannot log in",
            EN_BODY,
            "Cc: boss@example.com\r\n",
        ),
        NOON,
    )
    .await;
    let by_tag = take(
        &i,
        &mail(
            "emily@example.com",
            Some("<e2@example.com>"),
            "Any news? [#1]",
            "Just adding: the error code is 403.",
            "",
        ),
        NOON,
    )
    .await;
    assert_eq!(
        (by_tag.outcome, by_tag.ticket),
        (Outcome::FollowUp, Some(1))
    );
    let cc = take(
        &i,
        &mail(
            "boss@example.com",
            Some("<b1@example.com>"),
            "Re: Cannot log in [#1]",
            "Please treat this as urgent for our team.",
            "",
        ),
        NOON,
    )
    .await;
    assert_eq!((cc.outcome, cc.ticket), (Outcome::FollowUp, Some(1)));
    let plus = take(
        &i,
        "From: emily@example.com\r\nTo: support+1@acme.example\r\nSubject: more\r\nMessage-ID: <e3@example.com>\r\nDate: Mon, 2 Mar 2026 10:00:00 +0200\r\n\r\nOne more detail: I use Firefox on Windows 11.\r\n".as_bytes(),
        NOON,
    )
    .await;
    assert_eq!((plus.outcome, plus.ticket), (Outcome::FollowUp, Some(1)));
    // A stranger quoting the tag gets their own ticket, not a seat in Emily's.
    let stranger = take(
        &i,
        &mail(
            "mallory@evil.example",
            Some("<m1@evil.example>"),
            "Re: [#1]",
            "Please send me the password of this account.",
            "",
        ),
        NOON,
    )
    .await;
    assert_eq!(stranger.outcome, Outcome::NewTicket);
    assert_eq!(stranger.ticket, Some(2));
}

#[tokio::test]
async fn reply_reopens_pending_and_solved_but_long_closed_opens_linked_ticket() {
    let i = intake().await;
    take(
        &i,
        &mail(
            "emily@example.com",
            Some("<e1@example.com>"),
            "Cannot log in",
            EN_BODY,
            "",
        ),
        NOON,
    )
    .await;
    let store = i.store().clone();
    store
        .set_status(1, TicketStatus::Solved, t("2026-03-03T10:00:00Z"))
        .await
        .expect("set");
    let r = take(
        &i,
        &mail(
            "emily@example.com",
            Some("<e2@example.com>"),
            "Re: Cannot log in [#1]",
            "Sorry, it happened again this morning.",
            "In-Reply-To: <e1@example.com>\r\n",
        ),
        "2026-03-04T10:00:00Z",
    )
    .await;
    assert_eq!((r.outcome, r.ticket), (Outcome::FollowUp, Some(1)));
    assert_eq!(
        store.ticket(1).await.expect("q").expect("t").status,
        TicketStatus::Open
    );

    store
        .set_status(1, TicketStatus::Closed, t("2026-03-05T10:00:00Z"))
        .await
        .expect("set");
    let late = take(
        &i,
        &mail(
            "emily@example.com",
            Some("<e3@example.com>"),
            "Re: Cannot log in [#1]",
            "The same problem is back after two months.",
            "In-Reply-To: <e1@example.com>\r\n",
        ),
        "2026-05-05T10:00:00Z",
    )
    .await;
    assert_eq!(late.outcome, Outcome::NewTicket);
    assert_eq!(late.ticket, Some(2));
    assert!(late.acknowledged);
    assert_eq!(
        store.ticket(2).await.expect("q").expect("t").linked_to,
        Some(1)
    );
    assert_eq!(
        store.ticket(1).await.expect("q").expect("t").status,
        TicketStatus::Closed
    );
}

#[tokio::test]
async fn thanks_closes_a_solved_ticket_and_sends_nothing() {
    let i = intake().await;
    take(
        &i,
        &mail(
            "emily@example.com",
            Some("<e1@example.com>"),
            "Cannot log in",
            EN_BODY,
            "",
        ),
        NOON,
    )
    .await;
    i.store()
        .set_status(1, TicketStatus::Solved, t("2026-03-03T10:00:00Z"))
        .await
        .expect("set");
    let r = take(
        &i,
        &mail(
            "emily@example.com",
            Some("<e2@example.com>"),
            "Re: Cannot log in [#1]",
            "Thank you, it works now!",
            "In-Reply-To: <e1@example.com>\r\n",
        ),
        "2026-03-03T12:00:00Z",
    )
    .await;
    assert_eq!((r.outcome, r.ticket), (Outcome::Thanks, Some(1)));
    // A thank-you confirms the solved ticket: it closes, never reopens.
    assert_eq!(
        i.store().ticket(1).await.expect("q").expect("t").status,
        TicketStatus::Closed
    );
    assert_eq!(outbox(&i).await.len(), 1);
}

#[tokio::test]
async fn identical_resend_folds_in_with_one_kind_status_update() {
    let i = intake().await;
    take(
        &i,
        &mail(
            "emily@example.com",
            Some("<e1@example.com>"),
            "Cannot log in",
            EN_BODY,
            "",
        ),
        NOON,
    )
    .await;
    let again = take(
        &i,
        &mail(
            "emily@example.com",
            Some("<e2@example.com>"),
            "Cannot log in",
            EN_BODY,
            "",
        ),
        "2026-03-02T14:00:00Z",
    )
    .await;
    assert_eq!(
        (again.outcome, again.ticket, again.acknowledged),
        (Outcome::Repeat, Some(1), false)
    );
    let third = take(
        &i,
        &mail(
            "emily@example.com",
            Some("<e3@example.com>"),
            "Cannot log in",
            EN_BODY,
            "",
        ),
        "2026-03-02T15:00:00Z",
    )
    .await;
    assert_eq!(third.outcome, Outcome::Repeat);
    let out = outbox(&i).await;
    let kinds: Vec<&str> = out.iter().map(|o| o.kind.as_str()).collect();
    assert_eq!(kinds, vec!["ack", "status_update"], "one update per period");
    let ticket = i.store().ticket(1).await.expect("q").expect("t");
    assert_eq!(ticket.repeats, 2);
    assert_eq!(ticket.priority, "urgent");
    let body = out[1].body.to_lowercase();
    for word in ["duplicate", "already", "again", "do not"] {
        assert!(
            !body.contains(word),
            "status update must not lecture: {word:?} in {body}"
        );
    }
}

#[tokio::test]
async fn robots_loops_and_agents_get_no_acknowledgement() {
    let i = intake().await;
    let auto = take(
        &i,
        &mail(
            "emily@example.com",
            Some("<a1@example.com>"),
            "Out of office",
            "I am away until Monday.",
            "Auto-Submitted: auto-replied\r\n",
        ),
        NOON,
    )
    .await;
    assert_eq!(
        (auto.outcome, auto.ticket, auto.acknowledged),
        (Outcome::Automatic, None, false)
    );
    let list = take(
        &i,
        &mail(
            "news@shop.example",
            Some("<n1@shop.example>"),
            "Our spring sale",
            "Big discounts this week only.",
            "List-Id: <news.shop.example>\r\nPrecedence: bulk\r\n",
        ),
        NOON,
    )
    .await;
    assert_eq!(list.outcome, Outcome::Automatic);
    let own = take(
        &i,
        &mail(
            "support@acme.example",
            Some("<o1@acme.example>"),
            "Re: something",
            "This is our own mail coming back.",
            "",
        ),
        NOON,
    )
    .await;
    assert_eq!((own.outcome, own.acknowledged), (Outcome::Automatic, false));
    let agent = take(
        &i,
        &mail(
            "agent@acme.example",
            Some("<g1@acme.example>"),
            "Printer on floor 2",
            "The office printer on floor two is jammed again.",
            "",
        ),
        NOON,
    )
    .await;
    assert_eq!(
        (agent.outcome, agent.acknowledged),
        (Outcome::NewTicket, false)
    );
    assert!(outbox(&i).await.is_empty());
    assert_eq!(
        i.store()
            .set_aside(SetAside::Automatic)
            .await
            .expect("q")
            .len(),
        3
    );
}

#[tokio::test]
async fn spam_and_dmarc_failures_are_stored_listed_and_never_answered() {
    let i = intake().await;
    let spam = take(
        &i,
        &mail(
            "winner@lottery.example",
            Some("<s1@lottery.example>"),
            "You won",
            "Claim your prize now by sending your bank details.",
            "X-Spam-Flag: YES\r\nX-Spam-Status: Yes, score=9.1\r\n",
        ),
        NOON,
    )
    .await;
    assert_eq!(
        (spam.outcome, spam.ticket, spam.acknowledged),
        (Outcome::Quarantined, None, false)
    );
    let dmarc = take(
        &i,
        &mail("ceo@bank.example", Some("<d1@bank.example>"), "Urgent transfer", "Please pay the attached invoice today.", "Authentication-Results: mx.acme.example; spf=fail smtp.mailfrom=bank.example; dmarc=fail (p=reject) header.from=bank.example\r\n"),
        NOON,
    )
    .await;
    assert_eq!(dmarc.outcome, Outcome::Quarantined);
    assert!(outbox(&i).await.is_empty());
    let listed = i.store().set_aside(SetAside::Spam).await.expect("q");
    assert_eq!(listed.len(), 2);
    assert!(
        i.store()
            .set_aside(SetAside::Quarantine)
            .await
            .expect("q")
            .is_empty()
    );
}

#[tokio::test]
async fn unreadable_and_oversized_mail_is_kept_raw_in_quarantine() {
    let i = intake_with(&[("KINDLY_MAX_MESSAGE_BYTES", "2000")]).await;
    let junk: Vec<u8> = (0u8..=255).cycle().take(1500).collect();
    let r = take(&i, &junk, NOON).await;
    assert_eq!((r.outcome, r.ticket), (Outcome::Quarantined, None));
    let big = mail(
        "emily@example.com",
        Some("<big@example.com>"),
        "Logs",
        &"log line\r\n".repeat(400),
        "",
    );
    let r2 = take(&i, &big, NOON).await;
    assert_eq!(r2.outcome, Outcome::Quarantined);
    assert_eq!(r2.detail.as_deref(), Some("too_large"));
    let q = i.store().set_aside(SetAside::Quarantine).await.expect("q");
    assert_eq!(q.len(), 2);
    // Nothing is lost: the raw bytes come back byte for byte.
    let mut raws = Vec::new();
    for m in &q {
        raws.push(
            i.store()
                .raw_bytes(m.raw_id.expect("raw id"))
                .await
                .expect("q")
                .expect("bytes"),
        );
    }
    assert!(raws.contains(&junk));
    assert!(raws.contains(&big));
    assert!(outbox(&i).await.is_empty());
}

#[tokio::test]
async fn missing_from_uses_reply_to_or_quarantines() {
    let i = intake().await;
    let no_from = b"To: support@acme.example\r\nSubject: help\r\nMessage-ID: <nf@example.com>\r\n\r\nMy order did not arrive, what should I do?\r\n";
    let r = take(&i, no_from, NOON).await;
    assert_eq!(r.outcome, Outcome::Quarantined);
    assert_eq!(r.detail.as_deref(), Some("no_sender"));
    let reply_to_only = b"Reply-To: anna@example.com\r\nTo: support@acme.example\r\nSubject: help\r\nMessage-ID: <rt@example.com>\r\n\r\nMy order did not arrive, what should I do?\r\n";
    let r = take(&i, reply_to_only, NOON).await;
    assert_eq!(r.outcome, Outcome::NewTicket);
    assert_eq!(outbox(&i).await[0].to, "anna@example.com");
}

#[tokio::test]
async fn header_injection_through_the_subject_never_reaches_our_headers() {
    let i = intake().await;
    // "Hello\r\nBcc: victim@example.org" as an encoded word.
    let m = mail(
        "emily@example.com",
        Some("<inj@example.com>"),
        "=?utf-8?b?SGVsbG8NCkJjYzogdmljdGltQGV4YW1wbGUub3Jn?=",
        EN_BODY,
        "",
    );
    take(&i, &m, NOON).await;
    let ack = &outbox(&i).await[0];
    assert!(!ack.subject.contains(['\r', '\n']), "{:?}", ack.subject);
    let rendered = kindly_mail::compose::render_rfc5322(&kindly_mail::compose::Envelope {
        from_name: "ACME Support",
        from_address: "support@acme.example",
        to: &ack.to,
        subject: &ack.subject,
        body: &ack.body,
        message_id: &ack.message_id,
        in_reply_to: ack.in_reply_to.as_deref(),
        references: &ack.references,
        language: ack.language.as_deref(),
        date: ack.created_at,
        auto_submitted: true,
    })
    .expect("render");
    let text = String::from_utf8_lossy(&rendered);
    assert!(
        !text
            .lines()
            .any(|l| l.to_ascii_lowercase().starts_with("bcc:")),
        "{text}"
    );
}

/// One acknowledgement per language, as the customer sees it.
#[tokio::test]
async fn acknowledgement_snapshots_per_language() {
    let cases = [
        (
            "et",
            "Mari Maasikas <mari@example.ee>",
            "Arve on vale",
            "Tere!\r\n\r\nMinu viimasel arvel on vale summa. Palun vaadake see üle ja saatke mulle uus arve.\r\n\r\nLugupidamisega\r\nMari\r\n",
        ),
        (
            "ru",
            "Иван Петров <ivan@example.ru>",
            "Не могу войти",
            "Здравствуйте!\r\n\r\nУже второй день не могу войти в личный кабинет. Пишет, что пароль неверный, хотя я его не менял. Помогите, пожалуйста.\r\n\r\nИван\r\n",
        ),
        (
            "en",
            "Emily Clarke <emily@example.com>",
            "Cannot log in",
            EN_BODY,
        ),
        (
            "de",
            "Jonas Müller <jonas@example.de>",
            "Rückerstattung",
            "Guten Tag,\r\n\r\nich habe meine Bestellung vor zwei Wochen zurückgeschickt, aber noch keine Rückerstattung erhalten. Können Sie bitte nachsehen?\r\n\r\nMit freundlichen Grüßen\r\nJonas Müller\r\n",
        ),
    ];
    for (lang, from, subject, body) in cases {
        let i = intake().await;
        let r = take(
            &i,
            &mail(
                from,
                Some(&format!("<{lang}1@example.com>")),
                subject,
                body,
                "",
            ),
            NOON,
        )
        .await;
        assert_eq!(r.language.as_deref(), Some(lang), "detected language");
        let ack = &outbox(&i).await[0];
        assert_eq!(ack.language.as_deref(), Some(lang));
        insta::assert_snapshot!(
            format!("ack_{lang}"),
            format!(
                "To: {}\nSubject: {}\nIn-Reply-To: {}\n\n{}",
                ack.to,
                ack.subject,
                ack.in_reply_to.as_deref().unwrap_or(""),
                ack.body
            )
        );
    }
}

#[tokio::test]
async fn header_date_replays_an_archive_with_its_own_times() {
    let i = intake().await;
    let r = i
        .ingest_with(
            &mail(
                "emily@example.com",
                Some("<e1@example.com>"),
                "Cannot log in",
                EN_BODY,
                "",
            ),
            t("2026-11-23T09:00:00Z"),
            true,
            "test",
        )
        .await
        .expect("ingest");
    assert!(r.acknowledged);
    let ticket = i.store().ticket(1).await.expect("q").expect("t");
    // The mail's Date: is Monday 2 March 2026 10:00 +02:00.
    assert_eq!(ticket.created_at, t("2026-03-02T08:00:00Z"));
    // Nobody waiting: 10:00 local + 35 min (p90) → 10:45 local.
    assert_eq!(ticket.promised_by, Some(t("2026-03-02T08:45:00Z")));
}

#[tokio::test]
async fn a_bounce_of_our_acknowledgement_fails_its_row_and_flags_the_address() {
    let i = intake().await;
    let r = take(
        &i,
        &mail(
            "ann@example.com",
            Some("<b1@example.com>"),
            "Cannot log in",
            EN_BODY,
            "",
        ),
        NOON,
    )
    .await;
    let ticket = r.ticket.expect("a ticket");
    let ack = outbox(&i).await.remove(0);
    let dsn = format!(
        "From: Mail Delivery System <MAILER-DAEMON@mx.example.com>\r\nTo: support@acme.example\r\n\
Subject: Undelivered Mail Returned to Sender\r\nMessage-ID: <dsn1@mx.example.com>\r\n\
Date: Mon, 2 Mar 2026 10:05:00 +0200\r\nAuto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\n\
Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\r\n\r\n\
--B\r\nContent-Type: text/plain\r\n\r\nI'm sorry to have to inform you that your message could not be delivered.\r\n\r\n\
--B\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.com\r\n\r\n\
Final-Recipient: rfc822; ann@example.com\r\nAction: failed\r\nStatus: 5.1.1\r\n\
Diagnostic-Code: smtp; 550 5.1.1 <ann@example.com>: Recipient address rejected: User unknown\r\n\r\n\
--B\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: ACME Support <support@acme.example>\r\n\
To: ann@example.com\r\nSubject: {}\r\nMessage-ID: {}\r\n\r\n--B--\r\n",
        ack.subject, ack.message_id
    );
    let b = take(&i, dsn.as_bytes(), "2026-03-02T08:05:00Z").await;
    assert_eq!(b.outcome, Outcome::Automatic);
    assert_eq!(b.ticket, None, "a bounce never makes a ticket");
    let rows = outbox(&i).await;
    assert_eq!(rows.len(), 1, "and is never answered");
    assert_eq!(rows[0].status, "failed");
    let err = rows[0].last_error.as_deref().unwrap_or("");
    assert!(
        err.contains("550 5.1.1") && err.contains("User unknown"),
        "{err}"
    );
    let events = i.store().events_of(ticket).await.unwrap();
    let flagged = events
        .iter()
        .find(|e| e.kind == "address_bounced")
        .expect("the ticket shows the address bounced");
    assert_eq!(flagged.detail["to"], "ann@example.com");
    // A bounce about mail that is not ours changes nothing.
    let other = dsn
        .replace(&ack.message_id, "<someone.else@other.example>")
        .replace("<dsn1@", "<dsn2@");
    let b = take(&i, other.as_bytes(), "2026-03-02T08:06:00Z").await;
    assert_eq!(b.outcome, Outcome::Automatic);
    assert_eq!(
        i.store()
            .events_of(ticket)
            .await
            .unwrap()
            .iter()
            .filter(|e| e.kind == "address_bounced")
            .count(),
        1
    );
}

/// An import records many mails in one transaction: each sees the ones before
/// it, so the outcomes are those of recording them one by one.
#[tokio::test]
async fn a_batch_records_as_one_mail_after_another() {
    let first = mail(
        "emily@example.com",
        Some("<e1@example.com>"),
        "Cannot log in",
        EN_BODY,
        "",
    );
    let reply = mail(
        "emily@example.com",
        Some("<e2@example.com>"),
        "Re: Cannot log in",
        "Any news? I still cannot get in.\r\n",
        "In-Reply-To: <e1@example.com>\r\n",
    );
    let other = mail(
        "bob@example.com",
        Some("<b1@example.com>"),
        "Invoice 4411 is wrong",
        "Hello, the invoice 4411 charges me twice for the same order. Please fix it.\r\n",
        "",
    );
    // The same message again with other bytes (a second delivery path).
    let mut again = b"Received: from relay.example\r\n".to_vec();
    again.extend_from_slice(&first);
    let archive = [first, reply, other, again];
    let at = t("2026-03-02T08:00:00Z");

    let one_by_one = intake().await;
    let mut expected = Vec::new();
    for bytes in &archive {
        let r = one_by_one
            .ingest_with(bytes, at, true, "test")
            .await
            .expect("ingest");
        expected.push((r.outcome, r.ticket));
    }

    let batched = intake().await.send_nothing_before(Timestamp::MAX);
    let entries: Vec<(&[u8], Timestamp, &str)> =
        archive.iter().map(|b| (b.as_slice(), at, "test")).collect();
    let stored = batched.store_raw_batch(&entries).await.expect("raw");
    let prepared: Vec<_> = archive
        .iter()
        .zip(stored)
        .map(|(b, s)| kindly_app::intake::prepare(batched.settings(), b, s, at, true))
        .collect();
    let got: Vec<_> = batched
        .record_batch(&prepared)
        .await
        .into_iter()
        .map(|r| r.map(|r| (r.outcome, r.ticket)).expect("recorded"))
        .collect();
    assert_eq!(
        got,
        vec![
            (Outcome::NewTicket, Some(1)),
            (Outcome::FollowUp, Some(1)),
            (Outcome::NewTicket, Some(2)),
            (Outcome::DuplicateDelivery, Some(1)),
        ]
    );
    assert_eq!(got, expected);
    let counts = batched.store().counts().await.expect("counts");
    assert_eq!((counts.raw, counts.messages, counts.tickets), (4, 3, 2));
    // History: nothing queued.
    assert_eq!(counts.queued, 0);
}
