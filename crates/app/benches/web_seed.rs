//! Seeds a data directory with many tickets for the web-UI load benchmark
//! (bench/web.sh, issue 7: inbox and ticket pages at 100,000 and 1,000,000
//! tickets). It measures nothing itself but the seeding time.
//!
//!     BENCH_TICKETS=100000 cargo bench -p kindly-app --bench web_seed
//!
//! Env: BENCH_TICKETS (default 100000), BENCH_DATA (default
//! $CARGO_TARGET_DIR/bench-web-<N>): the data directory; its `kindly.db` is
//! kept between runs (seeding a million tickets takes minutes) and reused when
//! the marker file `seeded-<N>` says it is complete.
//!
//! The store is seeded directly, not through intake (which would take an hour),
//! like benches/lookup.rs: ordinary INSERTs, so the schema's triggers fill the
//! full-text index (`message_search`) as they do in production. What the pages
//! read is realistic in shape:
//! - a customer per 4 tickets, 60 % with a name;
//! - tickets over a year, newest last; the newest 15 % mostly open, the rest
//!   mostly closed (≈ 10 % open in all); priorities 2 % urgent, 8 % high;
//!   70 % team `support`, 30 % `billing`; languages et 40 %, ru 25 %, en 25 %,
//!   de 7 %, none 3 %; 80 % with a promised answer time; 5 % upset, 5 % repeats;
//! - 1–5 messages a ticket (≈ 2.3 on average) of 10–50 words, one in ten
//!   100–400 words, follow-ups 30 % with quoted earlier text; words from the
//!   ticket's language, product terms and a long tail of 50,000 made-up words;
//! - an acknowledgement in the outbox for each promise, a reply for each
//!   answered ticket; a `ticket_created` event a ticket, `reopened` for some.
//!
//! Not seeded (the pages do not read them): raw mail, fingerprints, ticket
//! prints and LSH bands, promises, participants. No ANALYZE either: Kindly never
//! runs it, so the benchmark sees the query plans a real install gets.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark may panic on setup errors
#![allow(clippy::disallowed_methods)] // it measures wall-clock time on purpose

use std::path::PathBuf;
use std::time::Instant;

use kindly_store::{SqliteStore, Store};
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
    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len() as u64) as usize]
    }
}

/// The newest ticket's creation time (2025-01-01); the rest span the year before.
const END: i64 = 1_735_689_600;
const CUSTOMERS_PER_TICKET: u64 = 4;

const LANGS: [(&str, u64); 4] = [("et", 40), ("ru", 25), ("en", 25), ("de", 7)];

/// Common words per language (the filler of every text).
fn common(lang: Option<&str>) -> &'static [&'static str] {
    match lang {
        Some("et") => &[
            "tere",
            "mul",
            "on",
            "probleem",
            "ja",
            "ei",
            "saa",
            "palun",
            "aidake",
            "kuidas",
            "see",
            "miks",
            "arve",
            "konto",
            "tellimus",
            "makse",
            "parool",
            "täna",
            "eile",
            "juba",
            "veel",
            "kaks",
            "korda",
            "kirjutasin",
            "vastust",
            "pole",
            "tulnud",
            "aitäh",
            "lugupidamisega",
            "kas",
            "saaksite",
            "kontrollida",
            "sisse",
            "logida",
            "rakendus",
            "töötab",
            "enam",
            "kohe",
            "vaja",
        ],
        Some("ru") => &[
            "здравствуйте",
            "у",
            "меня",
            "проблема",
            "и",
            "не",
            "могу",
            "пожалуйста",
            "помогите",
            "как",
            "это",
            "почему",
            "счёт",
            "аккаунт",
            "заказ",
            "оплата",
            "пароль",
            "сегодня",
            "вчера",
            "уже",
            "ещё",
            "два",
            "раза",
            "писал",
            "ответа",
            "нет",
            "спасибо",
            "с",
            "уважением",
            "можете",
            "проверить",
            "войти",
            "приложение",
            "работает",
            "больше",
            "срочно",
            "нужно",
        ],
        Some("de") => &[
            "hallo",
            "ich",
            "habe",
            "ein",
            "problem",
            "und",
            "kann",
            "nicht",
            "bitte",
            "helfen",
            "sie",
            "mir",
            "wie",
            "warum",
            "rechnung",
            "konto",
            "bestellung",
            "zahlung",
            "passwort",
            "heute",
            "gestern",
            "schon",
            "noch",
            "zweimal",
            "geschrieben",
            "keine",
            "antwort",
            "danke",
            "grüße",
            "können",
            "prüfen",
            "anmelden",
            "app",
            "funktioniert",
            "mehr",
            "dringend",
        ],
        _ => &[
            "hello",
            "i",
            "have",
            "a",
            "problem",
            "and",
            "cannot",
            "please",
            "help",
            "me",
            "how",
            "this",
            "why",
            "the",
            "my",
            "account",
            "order",
            "payment",
            "today",
            "yesterday",
            "already",
            "still",
            "twice",
            "wrote",
            "no",
            "answer",
            "thanks",
            "regards",
            "could",
            "you",
            "check",
            "log",
            "in",
            "app",
            "works",
            "anymore",
            "urgent",
            "need",
            "is",
            "it",
            "was",
            "to",
        ],
    }
}

/// Product terms, in every language's mail.
const TERMS: [&str; 24] = [
    "invoice",
    "refund",
    "password",
    "login",
    "delivery",
    "parcel",
    "subscription",
    "card",
    "iban",
    "android",
    "iphone",
    "update",
    "crash",
    "error",
    "discount",
    "voucher",
    "warranty",
    "return",
    "tracking",
    "address",
    "email",
    "sms",
    "code",
    "premium",
];

/// One of 50,000 made-up words, skewed: a few common, a long tail of rare ones.
fn rare_word(rng: &mut Rng) -> String {
    const SYL: [&str; 16] = [
        "ka", "lo", "mi", "ne", "ra", "su", "ti", "vo", "pe", "da", "gu", "ho", "ja", "ke", "li",
        "mu",
    ];
    let i = rng.below(50_000) * rng.below(50_000) / 50_000;
    let mut w = String::new();
    let mut x = i + 17;
    for _ in 0..3 {
        w.push_str(SYL[(x % 16) as usize]);
        x /= 16;
    }
    w.push_str(SYL[(i % 13) as usize]);
    w
}

fn text(rng: &mut Rng, lang: Option<&str>, topic: &str, words: u64) -> String {
    let common = common(lang);
    let mut out = String::with_capacity(words as usize * 8);
    for i in 0..words {
        if i > 0 {
            out.push(if rng.chance(8) { '\n' } else { ' ' });
        }
        match rng.below(20) {
            0..=12 => out.push_str(rng.pick(common)),
            13..=14 => out.push_str(topic),
            15 => out.push_str(rng.pick(&TERMS)),
            16 => out.push_str(&(1000 + rng.below(99_000)).to_string()),
            _ => out.push_str(&rare_word(rng)),
        }
    }
    out
}

fn message_words(rng: &mut Rng) -> u64 {
    if rng.chance(10) {
        100 + rng.below(300)
    } else {
        10 + rng.below(41)
    }
}

struct Ticket {
    id: i64,
    customer: i64,
    subject: String,
    status: &'static str,
    language: Option<&'static str>,
    priority: &'static str,
    anger: f64,
    angry: bool,
    created_at: i64,
    updated_at: i64,
    promised_by: Option<i64>,
    first_response_at: Option<i64>,
    closed_at: Option<i64>,
    repeats: i64,
    last_customer_message_at: i64,
    at_risk: bool,
    team: &'static str,
    messages: Vec<Message>,
}

struct Message {
    id: i64,
    subject: String,
    visible_text: String,
    quoted_text: String,
    outcome: &'static str,
    received_at: i64,
}

fn ticket(rng: &mut Rng, t: u64, tickets: u64, next_message: &mut i64) -> Ticket {
    let customers = (tickets / CUSTOMERS_PER_TICKET).max(1);
    let customer = 1 + (t * 7_919) % customers;
    let span = 365 * 86_400 / tickets.max(1) as i64;
    let created_at =
        END - (tickets - t) as i64 * span.max(1) - rng.below(span.max(1) as u64) as i64;
    let recent = t > tickets - tickets * 15 / 100;
    let roll = rng.below(100);
    let status = if recent {
        match roll {
            0..=54 => "open",
            55..=64 => "pending",
            65..=74 => "solved",
            _ => "closed",
        }
    } else {
        match roll {
            0..=1 => "open",
            2 => "pending",
            3..=4 => "solved",
            _ => "closed",
        }
    };
    let language = {
        let mut roll = rng.below(100);
        let mut lang = None;
        for (l, p) in LANGS {
            if roll < p {
                lang = Some(l);
                break;
            }
            roll -= p;
        }
        lang
    };
    let priority = match rng.below(100) {
        0..=1 => "urgent",
        2..=9 => "high",
        _ => "normal",
    };
    let angry = rng.chance(5);
    let topic = rng.pick(&TERMS);
    let subject = {
        let mut s = String::from(topic);
        if let Some(first) = s.get_mut(0..1) {
            first.make_ascii_uppercase();
        }
        for _ in 0..1 + rng.below(4) {
            s.push(' ');
            s.push_str(rng.pick(common(language)));
        }
        s
    };
    let promised_by = rng
        .chance(80)
        .then(|| created_at + 4 * 3600 + rng.below(2 * 86_400) as i64);
    let n_messages = match rng.below(100) {
        0..=34 => 1,
        35..=59 => 2,
        60..=79 => 3,
        80..=91 => 4,
        _ => 5,
    };
    let mut messages = Vec::with_capacity(n_messages);
    let mut at = created_at;
    for i in 0..n_messages {
        let words = message_words(rng);
        let visible_text = text(rng, language, topic, words);
        let quoted_text = match messages.last() {
            Some(prev) if rng.chance(30) => {
                let prev: &Message = prev;
                let q: String = prev.visible_text.chars().take(600).collect();
                q.lines().map(|l| format!("> {l}\n")).collect()
            }
            _ => String::new(),
        };
        messages.push(Message {
            id: *next_message,
            subject: if i == 0 {
                subject.clone()
            } else {
                format!("Re: {subject}")
            },
            visible_text,
            quoted_text,
            outcome: if i == 0 { "new_ticket" } else { "follow_up" },
            received_at: at,
        });
        *next_message += 1;
        at += 600 + rng.below(2 * 86_400) as i64;
    }
    let last = messages.last().map_or(created_at, |m| m.received_at);
    let answered = status != "open" || rng.chance(30);
    let first_response_at = answered.then(|| created_at + 1_800 + rng.below(86_400) as i64);
    let closed_at = (status == "closed").then(|| last + 86_400 + rng.below(7 * 86_400) as i64);
    Ticket {
        id: t as i64,
        customer: customer as i64,
        subject,
        status,
        language,
        priority,
        anger: if angry {
            0.6 + rng.below(40) as f64 / 100.0
        } else {
            rng.below(30) as f64 / 100.0
        },
        angry,
        created_at,
        updated_at: closed_at
            .unwrap_or(last)
            .max(first_response_at.unwrap_or(0)),
        promised_by,
        first_response_at,
        closed_at,
        repeats: if rng.chance(5) {
            1 + rng.below(2) as i64
        } else {
            0
        },
        last_customer_message_at: last,
        at_risk: status == "open" && promised_by.is_some() && rng.chance(5),
        team: if rng.chance(30) { "billing" } else { "support" },
        messages,
    }
}

fn email(customer: i64) -> String {
    format!("c{customer}@bench.example")
}

async fn insert_batch(pool: &sqlx::SqlitePool, batch: &[Ticket], rng: &mut Rng) {
    let mut tx = pool.begin().await.unwrap();
    for rows in batch.chunks(1_000) {
        let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(
            "INSERT INTO tickets (id, customer_id, subject, status, language, priority, anger, \
             angry, created_at, updated_at, promised_by, first_response_at, closed_at, repeats, \
             last_customer_message_at, at_risk, team) ",
        );
        q.push_values(rows, |mut b, t| {
            b.push_bind(t.id)
                .push_bind(t.customer)
                .push_bind(t.subject.as_str())
                .push_bind(t.status)
                .push_bind(t.language)
                .push_bind(t.priority)
                .push_bind(t.anger)
                .push_bind(t.angry)
                .push_bind(t.created_at)
                .push_bind(t.updated_at)
                .push_bind(t.promised_by)
                .push_bind(t.first_response_at)
                .push_bind(t.closed_at)
                .push_bind(t.repeats)
                .push_bind(t.last_customer_message_at)
                .push_bind(t.at_risk)
                .push_bind(t.team);
        });
        q.build().execute(&mut *tx).await.unwrap();
    }
    let messages: Vec<(&Ticket, &Message)> = batch
        .iter()
        .flat_map(|t| t.messages.iter().map(move |m| (t, m)))
        .collect();
    for rows in messages.chunks(1_000) {
        let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(
            "INSERT INTO messages (id, ticket_id, message_id, content_hash, in_reply_to, sender, \
             sender_name, subject, visible_text, quoted_text, language, anger, angry, outcome, \
             received_at) ",
        );
        q.push_values(rows, |mut b, (t, m)| {
            b.push_bind(m.id)
                .push_bind(t.id)
                .push_bind(format!("<{}.{}@mail.bench.example>", t.id, m.id))
                .push_bind(format!("{:016x}", m.id as u64 * 0x9e37_79b9_7f4a_7c15))
                .push_bind(
                    (m.outcome == "follow_up").then(|| format!("<ack.{}@kindly.bench>", t.id)),
                )
                .push_bind(email(t.customer))
                .push_bind((t.customer % 5 < 3).then(|| format!("Customer {}", t.customer)))
                .push_bind(m.subject.as_str())
                .push_bind(m.visible_text.as_str())
                .push_bind(m.quoted_text.as_str())
                .push_bind(t.language)
                .push_bind(t.anger)
                .push_bind(t.angry)
                .push_bind(m.outcome)
                .push_bind(m.received_at);
        });
        q.build().execute(&mut *tx).await.unwrap();
    }
    // The outbox: an acknowledgement for each promise, a reply for each answer.
    let mut outbox = Vec::new();
    for t in batch {
        if let Some(p) = t.promised_by {
            let body = format!(
                "Hello,\n\nthank you for writing to us. We have your message about \"{}\" as ticket \
                 #{}, and a person will answer it by {p}. Reply to this mail if you want to add \
                 anything.\n\nKindly support",
                t.subject, t.id
            );
            outbox.push((t, "acknowledgement", body, t.created_at + 5, Some(p)));
        }
        if let Some(f) = t.first_response_at {
            let words = 30 + rng.below(90);
            let body = text(rng, t.language, "", words);
            outbox.push((t, "reply", body, f, None));
        }
    }
    for rows in outbox.chunks(1_000) {
        let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(
            "INSERT INTO outbox (ticket_id, kind, to_addr, subject, body, message_id, language, \
             promised_by, status, attempts, next_try_at, created_at, sent_at) ",
        );
        q.push_values(rows, |mut b, (t, kind, body, at, promised)| {
            b.push_bind(t.id)
                .push_bind(*kind)
                .push_bind(email(t.customer))
                .push_bind(format!("Re: {}", t.subject))
                .push_bind(body.as_str())
                .push_bind(format!("<{kind}.{}@kindly.bench>", t.id))
                .push_bind(t.language)
                .push_bind(*promised)
                .push_bind("sent")
                .push_bind(1)
                .push_bind(*at)
                .push_bind(*at)
                .push_bind(*at + 2);
        });
        q.build().execute(&mut *tx).await.unwrap();
    }
    let events: Vec<(&Ticket, &str, String)> = batch
        .iter()
        .flat_map(|t| {
            let first = t.messages.first().map_or(0, |m| m.id);
            let mut ev = vec![(
                t,
                "ticket_created",
                format!(
                    "{{\"message\":{first},\"message_id\":\"<{}.{first}@mail.bench.example>\"}}",
                    t.id
                ),
            )];
            if t.messages.len() > 2 && t.id % 7 == 0 {
                ev.push((t, "reopened", "{}".to_string()));
            }
            ev
        })
        .collect();
    for rows in events.chunks(1_000) {
        let mut q: QueryBuilder<Sqlite> =
            QueryBuilder::new("INSERT INTO events (ticket_id, kind, detail, at) ");
        q.push_values(rows, |mut b, (t, kind, detail)| {
            b.push_bind(t.id)
                .push_bind(*kind)
                .push_bind(detail.as_str())
                .push_bind(t.created_at);
        });
        q.build().execute(&mut *tx).await.unwrap();
    }
    tx.commit().await.unwrap();
}

fn main() {
    let tickets: u64 = std::env::var("BENCH_TICKETS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let dir = std::env::var_os("BENCH_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            let target = std::env::var_os("CARGO_TARGET_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from("target"));
            target.join(format!("bench-web-{tickets}"))
        });
    let marker = dir.join(format!("seeded-{tickets}"));
    if marker.exists() {
        println!("{} holds {tickets} tickets already", dir.display());
        return;
    }
    std::fs::create_dir_all(&dir).unwrap();
    for f in ["kindly.db", "kindly.db-wal", "kindly.db-shm"] {
        // A partial seed (interrupted): start over.
        let _ = std::fs::remove_file(dir.join(f));
    }
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let started = Instant::now();
        let store = SqliteStore::open(&dir.join("kindly.db")).await.unwrap();
        let pool = store.pool();
        sqlx::raw_sql("PRAGMA synchronous = OFF")
            .execute(pool)
            .await
            .unwrap();
        let customers = (tickets / CUSTOMERS_PER_TICKET).max(1);
        let ids: Vec<u64> = (1..=customers).collect();
        let mut tx = pool.begin().await.unwrap();
        for chunk in ids.chunks(2_000) {
            let mut q: QueryBuilder<Sqlite> =
                QueryBuilder::new("INSERT INTO customers (id, email, name, language, created_at) ");
            q.push_values(chunk, |mut b, i| {
                let i = *i as i64;
                b.push_bind(i)
                    .push_bind(email(i))
                    .push_bind((i % 5 < 3).then(|| format!("Customer {i}")))
                    .push_bind(LANGS[(i % 4) as usize].0)
                    .push_bind(END - 400 * 86_400);
            });
            q.build().execute(&mut *tx).await.unwrap();
        }
        tx.commit().await.unwrap();
        let mut rng = Rng(0x00c0_ffee_5eed);
        let mut next_message = 1i64;
        let mut t = 1u64;
        let mut messages = 0usize;
        while t <= tickets {
            let end = (t + 5_000).min(tickets + 1);
            let batch: Vec<Ticket> = (t..end)
                .map(|i| ticket(&mut rng, i, tickets, &mut next_message))
                .collect();
            messages += batch.iter().map(|t| t.messages.len()).sum::<usize>();
            insert_batch(pool, &batch, &mut rng).await;
            t = end;
            if (t - 1).is_multiple_of(100_000) {
                eprintln!(
                    "seeded {} tickets, {messages} messages in {:.0?}",
                    t - 1,
                    started.elapsed()
                );
            }
        }
        sqlx::raw_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(pool)
            .await
            .unwrap();
        store.close().await;
        std::fs::write(&marker, format!("{tickets} tickets, {messages} messages\n")).unwrap();
        println!(
            "seeded {tickets} tickets, {messages} messages into {} in {:.0?}",
            dir.display(),
            started.elapsed()
        );
    });
}
