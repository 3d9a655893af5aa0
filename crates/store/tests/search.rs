//! Inbox search (issue 7) against a reference: the query before the ticket
//! index (migration 0010) — a ticket matches when one of its messages holds
//! every word — over random tickets, filters and pages, through merges,
//! splits, undos and changes of status, priority and promise.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

use jiff::Timestamp;
use kindly_core::TicketStatus;
use kindly_store::{InboxQuery, SqliteStore, Store, fts_query, search_terms};
use sqlx::{QueryBuilder, Sqlite};

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len() as u64) as usize]
    }
}

const WORDS: [&str; 22] = [
    "invoice",
    "invoices",
    "refund",
    "router",
    "blinks",
    "red",
    "Mehrwertsteuernummer",
    "jõudnud",
    "kohale",
    "кабинет",
    "войти",
    "pakk",
    "48213",
    "a@b.example",
    "order-42",
    "Straße",
    "hello",
    "please",
    "help",
    "sopen",
    "t737570706f7274",
    "x",
];

const TEAMS: [&str; 3] = ["support", "billing", "Ops Team ü"];
const STATUSES: [&str; 4] = ["open", "pending", "solved", "closed"];
/// A minute's start: many deadlines share a minute (sorted exactly inside it).
const BASE: i64 = 1_772_000_040;

fn text(rng: &mut Rng, words: u64) -> String {
    (0..words)
        .map(|_| rng.pick(&WORDS))
        .collect::<Vec<_>>()
        .join(" ")
}

fn deadline(rng: &mut Rng) -> Option<i64> {
    match rng.below(10) {
        0..=2 => None,
        3 => Some(BASE + 10_000_000_000), // beyond the key's last minute (2097)
        4 => Some(-3_600 - rng.below(100) as i64), // before 1970
        _ => Some(BASE + rng.below(4) as i64 * 60 + rng.below(60) as i64),
    }
}

async fn seed(store: &SqliteStore, tickets: u64, rng: &mut Rng) {
    let pool = store.pool();
    sqlx::query("INSERT INTO customers (id, email, created_at) VALUES (1, 'c@example.com', 0)")
        .execute(pool)
        .await
        .unwrap();
    let mut message = 0;
    for t in 1..=tickets {
        let status = rng.pick(&STATUSES);
        let language = match rng.below(4) {
            0 => None,
            1 => Some("de"),
            2 => Some("et"),
            _ => Some("en"),
        };
        let priority = rng.pick(&["urgent", "high", "normal", "normal"]);
        sqlx::query(
            "INSERT INTO tickets (id, customer_id, subject, status, language, priority, created_at, \
             updated_at, promised_by, team) VALUES (?, 1, ?, ?, ?, ?, 0, 0, ?, ?)",
        )
        .bind(t as i64)
        .bind(format!("ticket {t}"))
        .bind(status)
        .bind(language)
        .bind(priority)
        .bind(deadline(rng))
        .bind(rng.pick(&TEAMS))
        .execute(pool)
        .await
        .unwrap();
        for _ in 0..rng.below(4) {
            message += 1;
            let words = 1 + rng.below(4);
            let subject = text(rng, 1);
            let body = text(rng, words);
            sqlx::query(
                "INSERT INTO messages (ticket_id, message_id, content_hash, sender, subject, \
                 visible_text, outcome, received_at) VALUES (?, ?, 'h', 'c@example.com', ?, ?, 'follow_up', ?)",
            )
            .bind(t as i64)
            .bind(format!("<m{message}@x>"))
            .bind(subject)
            .bind(body)
            .bind(message)
            .execute(pool)
            .await
            .unwrap();
        }
    }
}

/// The inbox search as it was before migration 0010, every page at once.
async fn reference(store: &SqliteStore, q: &InboxQuery) -> Vec<i64> {
    let Some(search) = q.search.as_deref().and_then(fts_query) else {
        panic!("reference wants a search");
    };
    let mut b: QueryBuilder<Sqlite> =
        QueryBuilder::new("SELECT t.id FROM tickets t WHERE t.merged_into IS NULL");
    let statuses: Vec<&str> = if q.statuses.is_empty() {
        vec!["open"]
    } else {
        q.statuses.iter().map(|s| s.as_str()).collect()
    };
    b.push(" AND t.status IN (");
    let mut sep = b.separated(", ");
    for s in statuses {
        sep.push_bind(s);
    }
    b.push(")");
    if let Some(teams) = &q.teams {
        b.push(" AND t.team IN (");
        let mut sep = b.separated(", ");
        for t in teams {
            sep.push_bind(t.as_str());
        }
        b.push(")");
    }
    if let Some(lang) = &q.language {
        b.push(" AND t.language = ").push_bind(lang.as_str());
    }
    b.push(
        " AND EXISTS (SELECT 1 FROM messages m WHERE m.ticket_id = t.id AND m.id IN \
         (SELECT rowid FROM message_search WHERE message_search MATCH ",
    )
    .push_bind(search)
    .push(")) ORDER BY t.inbox_rank, t.inbox_deadline, t.id");
    b.build_query_scalar()
        .fetch_all(store.pool())
        .await
        .unwrap()
}

/// Every page of `q` by following `next`.
async fn paged(store: &SqliteStore, q: &InboxQuery) -> Vec<i64> {
    let mut out = Vec::new();
    let mut q = q.clone();
    for _ in 0..10_000 {
        let page = store.inbox(&q).await.unwrap();
        assert!(page.tickets.len() <= usize::try_from(q.limit).unwrap());
        out.extend(page.tickets.iter().map(|t| t.id));
        match page.next {
            Some(n) => q.after = Some(n),
            None => return out,
        }
    }
    panic!("paging does not end");
}

fn queries() -> Vec<InboxQuery> {
    let searches = [
        "invoice",
        "inv",
        "INVOICES",
        "refund invoice",
        "router refund",
        "mehrwertsteuer",
        "joudnud",
        "jõudnud kohale",
        "КАБИН",
        "a@b.example",
        "a@b",
        "order-42",
        "strasse",
        "straße",
        "x",
        "sopen",
        "t737570706f7274",
        "hello please help",
        "\"unbalanced OR (",
        "NEAR(invoice refund) AND red*",
        "subject:invoice facets:sopen",
        "{facets}: sopen",
        "^invoice -refund + red",
    ];
    let every = vec![
        TicketStatus::Open,
        TicketStatus::Pending,
        TicketStatus::Solved,
        TicketStatus::Closed,
    ];
    let mut out = Vec::new();
    for (i, s) in searches.iter().enumerate() {
        let base = InboxQuery {
            search: Some((*s).to_string()),
            limit: [1, 3, 7, 50][i % 4],
            ..InboxQuery::default()
        };
        out.push(base.clone());
        out.push(InboxQuery {
            statuses: every.clone(),
            ..base.clone()
        });
        out.push(InboxQuery {
            statuses: vec![TicketStatus::Pending, TicketStatus::Closed],
            teams: Some(vec!["billing".into(), "Ops Team ü".into()]),
            ..base.clone()
        });
        out.push(InboxQuery {
            statuses: every.clone(),
            language: Some("de".into()),
            ..base.clone()
        });
        out.push(InboxQuery {
            teams: Some(vec!["support".into()]),
            language: Some("et".into()),
            ..base
        });
    }
    out
}

async fn same_as_reference(store: &SqliteStore, what: &str) {
    let mut nonempty = 0;
    for q in queries() {
        let want = reference(store, &q).await;
        let got = paged(store, &q).await;
        assert_eq!(got, want, "{what}: {q:?}");
        nonempty += usize::from(!want.is_empty());
    }
    assert!(nonempty > 40, "{what}: the queries find something");
}

fn at(s: i64) -> Timestamp {
    Timestamp::from_second(BASE + s).unwrap()
}

#[tokio::test]
async fn search_pages_match_the_per_message_reference() {
    let store = SqliteStore::in_memory().await.unwrap();
    let mut rng = Rng(0x5eed_cafe);
    seed(&store, 300, &mut rng).await;
    same_as_reference(&store, "seeded").await;

    // Agents change tickets: status, priority, promise, team, language.
    for t in (1..=300).step_by(7) {
        store
            .set_status(t, TicketStatus::Open, at(t))
            .await
            .unwrap();
    }
    sqlx::query(
        "UPDATE tickets SET priority = 'urgent', promised_by = promised_by + 61 WHERE id % 5 = 0",
    )
    .execute(store.pool())
    .await
    .unwrap();
    sqlx::query("UPDATE tickets SET promised_by = NULL, team = 'billing' WHERE id % 11 = 0")
        .execute(store.pool())
        .await
        .unwrap();
    sqlx::query("UPDATE tickets SET language = 'de', updated_at = 5 WHERE id % 13 = 0")
        .execute(store.pool())
        .await
        .unwrap();
    sqlx::query("UPDATE messages SET visible_text = 'refund invoice' WHERE id % 17 = 0")
        .execute(store.pool())
        .await
        .unwrap();
    same_as_reference(&store, "after updates").await;

    // Merges, splits and their undos move messages between tickets.
    let mut undo = Vec::new();
    for (from, into) in [(2, 3), (4, 9), (10, 3), (20, 21)] {
        let done = store.merge(from, into, at(1)).await.unwrap();
        undo.push(done.event);
    }
    let mut splits = 0;
    for t in [3, 30, 31, 32, 33, 34, 35] {
        let messages = store.messages_of(t).await.unwrap();
        if messages.len() >= 2 {
            let done = store.split(messages[0].id, at(2)).await.unwrap();
            assert_ne!(done.ticket, t);
            undo.push(done.event);
            splits += 1;
        }
    }
    assert!(splits >= 2, "some tickets to split");
    same_as_reference(&store, "after merges and splits").await;
    // A merged ticket is found under the ticket it went into, never itself.
    let merged_into_3: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM messages WHERE ticket_id = 3 AND visible_text LIKE '%refund%'",
    )
    .fetch_all(store.pool())
    .await
    .unwrap();
    if !merged_into_3.is_empty() {
        let found = paged(
            &store,
            &InboxQuery {
                search: Some("refund".into()),
                statuses: vec![
                    TicketStatus::Open,
                    TicketStatus::Pending,
                    TicketStatus::Solved,
                    TicketStatus::Closed,
                ],
                limit: 10,
                ..InboxQuery::default()
            },
        )
        .await;
        assert!(found.contains(&3) && !found.contains(&2) && !found.contains(&10));
    }
    // The last split and merges taken back, newest first.
    for event in undo.iter().rev().take(3) {
        store.undo(*event, at(3)).await.unwrap();
    }
    same_as_reference(&store, "after undo").await;

    // New mail on existing and new tickets (intake's inserts).
    let mut rng = Rng(0xfeed);
    for k in 0..40 {
        sqlx::query(
            "INSERT INTO messages (ticket_id, message_id, content_hash, sender, subject, visible_text, \
             outcome, received_at) VALUES (?, ?, 'h', 'c@example.com', 'Re', ?, 'follow_up', 1)",
        )
        .bind(1 + rng.below(300) as i64)
        .bind(format!("<late{k}@x>"))
        .bind(text(&mut rng, 3))
        .execute(store.pool())
        .await
        .unwrap();
    }
    sqlx::query("DELETE FROM messages WHERE id % 23 = 0")
        .execute(store.pool())
        .await
        .unwrap();
    same_as_reference(&store, "after new and deleted mail").await;

    // The index holds exactly one row per unmerged ticket, under its key.
    let check: (i64, i64) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM ticket_search), \
         (SELECT COUNT(*) FROM tickets t WHERE merged_into IS NULL \
            AND EXISTS (SELECT 1 FROM ticket_search s WHERE s.rowid = t.search_key))",
    )
    .fetch_one(store.pool())
    .await
    .unwrap();
    let unmerged: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM tickets WHERE merged_into IS NULL")
            .fetch_one(store.pool())
            .await
            .unwrap();
    assert_eq!(check, (unmerged, unmerged));
    sqlx::query("INSERT INTO ticket_search(ticket_search) VALUES ('integrity-check')")
        .execute(store.pool())
        .await
        .unwrap();
}

#[test]
fn search_words_are_never_syntax() {
    assert_eq!(
        search_terms("\"unbalanced OR ( a@b.example -x NEAR(y)"),
        [
            "\"unbalanced\"*",
            "\"OR\"*",
            "\"a@b.example\"*",
            "\"x\"*",
            "\"NEAR\"*",
            "\"y\"*"
        ]
    );
    // The ticket index separates messages with U+E000: no search names it.
    assert!(
        search_terms("\u{e000} \u{e000}x")
            .iter()
            .all(|t| !t.contains('\u{e000}'))
    );
    assert!(search_terms("*** {} : ^").is_empty());
    assert_eq!(search_terms(&"w ".repeat(40)).len(), 12);
}
