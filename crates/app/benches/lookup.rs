//! Repeat and similar-ticket lookup with a million tickets in the store
//! (issue 4's speed target: p99 < 5 ms per incoming mail for the candidate lookup).
//!
//!     cargo bench -p kindly-app --bench lookup
//!
//! Env: BENCH_TICKETS (default 1000000), BENCH_DB (default
//! $CARGO_TARGET_DIR/bench-lookup-<N>.db, kept between runs: seeding takes
//! minutes), BENCH_SAMPLES (default 2000).
//!
//! The store is seeded directly (not through intake, which would take an hour):
//! 250 customers per thousand tickets, one message per ticket with its stored
//! fingerprint, the ticket print and its LSH bands, 10 % of tickets unclosed
//! (only those are in the band index, as the store keeps it).
//! Texts mix 300 topics of 10 words with a 6,000-word vocabulary, so tickets
//! about one topic crowd the same LSH buckets — the hard case for the index.
//!
//! Measured per sample:
//! - repeat: what intake does for an unthreaded mail before `decide` — open an
//!   intake transaction, the sender's unclosed tickets, their newest mails'
//!   stored prints, compare (then roll back);
//! - similar: `agent::similar` for an open ticket (band lookup + scoring).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark may panic on setup errors
#![allow(clippy::disallowed_methods)] // it measures wall-clock time on purpose

use std::path::PathBuf;
use std::time::{Duration, Instant};

use kindly_app::agent;
use kindly_core::RepeatPolicy;
use kindly_store::{IntakeTx, SqliteStore, Store};
use kindly_text::{Fingerprint, fingerprint};
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
}

fn word(i: u64) -> String {
    const SYL: [&str; 16] = [
        "ka", "lo", "mi", "ne", "ra", "su", "ti", "vo", "pe", "da", "gu", "ho", "ja", "ke", "li",
        "mu",
    ];
    let mut w = String::new();
    let mut x = i + 17;
    for _ in 0..3 {
        w.push_str(SYL[(x % 16) as usize]);
        x /= 16;
    }
    w.push_str(SYL[(i % 13) as usize]);
    w
}

fn ticket_text(rng: &mut Rng) -> (usize, String) {
    // Topics skewed: a few big outages, many small problems.
    let topic = (rng.below(300) * rng.below(300) / 300) as usize;
    // 8 of the topic's 10 words (term Jaccard ≈ 0.4 between two tickets of one
    // topic, above the listing bar) and 3 words of the wide vocabulary.
    let mut topic_words: Vec<u64> = (0..10).collect();
    for i in (1..topic_words.len()).rev() {
        topic_words.swap(i, rng.below(i as u64 + 1) as usize);
    }
    let mut words: Vec<String> = topic_words[..8]
        .iter()
        .map(|w| word(10_000 + topic as u64 * 10 + w))
        .collect();
    words.extend((0..3).map(|_| word(rng.below(6_000))));
    (topic, words.join(" "))
}

const CUSTOMERS_PER_TICKET: u64 = 4;

async fn seed(path: &std::path::Path, tickets: u64) -> SqliteStore {
    let store = SqliteStore::open(path).await.expect("open");
    let have: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM tickets")
        .fetch_one(store.pool())
        .await
        .unwrap();
    if have as u64 >= tickets {
        return store;
    }
    assert_eq!(
        have,
        0,
        "{} holds a partial seed; delete it",
        path.display()
    );
    let started = Instant::now();
    let customers = tickets / CUSTOMERS_PER_TICKET;
    let pool = store.pool();
    sqlx::raw_sql("PRAGMA synchronous = OFF")
        .execute(pool)
        .await
        .unwrap();
    let mut tx = pool.begin().await.unwrap();
    for chunk in (1..=customers).collect::<Vec<_>>().chunks(2_000) {
        let mut q: QueryBuilder<Sqlite> =
            QueryBuilder::new("INSERT INTO customers (id, email, created_at) ");
        q.push_values(chunk, |mut b, i| {
            b.push_bind(*i as i64)
                .push_bind(format!("c{i}@bench.example"))
                .push_bind(1_700_000_000i64);
        });
        q.build().execute(&mut *tx).await.unwrap();
    }
    tx.commit().await.unwrap();
    let mut rng = Rng(0x5eed);
    let open_from = tickets - tickets / 10;
    let batch = 1_000u64;
    let mut id = 1u64;
    let mut all_bands: Vec<(i64, i64)> = Vec::new();
    while id <= tickets {
        let end = (id + batch).min(tickets + 1);
        let mut rows = Vec::new();
        for t in id..end {
            let (_, text) = ticket_text(&mut rng);
            let fp = fingerprint(&text, Some("en"), &[]);
            let customer = 1 + (t * 7_919) % customers;
            rows.push((t as i64, customer as i64, text, fp));
        }
        let mut tx = pool.begin().await.unwrap();
        let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(
            "INSERT INTO tickets (id, customer_id, subject, status, created_at, updated_at, closed_at) ",
        );
        q.push_values(&rows, |mut b, (t, c, _, _)| {
            let open = *t as u64 >= open_from;
            b.push_bind(*t)
                .push_bind(*c)
                .push_bind("bench")
                .push_bind(if open { "open" } else { "closed" })
                .push_bind(1_700_000_000 + *t)
                .push_bind(1_700_000_000 + *t)
                .push_bind(if open { None } else { Some(1_700_000_000 + *t) });
        });
        q.build().execute(&mut *tx).await.unwrap();
        let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(
            "INSERT INTO messages (id, ticket_id, message_id, content_hash, sender, subject, visible_text, \
             outcome, received_at, fingerprint) ",
        );
        q.push_values(&rows, |mut b, (t, c, text, fp)| {
            b.push_bind(*t)
                .push_bind(*t)
                .push_bind(format!("<{t}@bench>"))
                .push_bind(format!("h{t}"))
                .push_bind(format!("c{c}@bench.example"))
                .push_bind("bench")
                .push_bind(text.clone())
                .push_bind("new_ticket")
                .push_bind(1_700_000_000 + *t)
                .push_bind(fp.encode());
        });
        q.build().execute(&mut *tx).await.unwrap();
        let mut q: QueryBuilder<Sqlite> =
            QueryBuilder::new("INSERT INTO ticket_prints (ticket_id, print, bands) ");
        q.push_values(&rows, |mut b, (t, _, _, fp)| {
            let packed: Vec<u8> = fp
                .similar_bands()
                .iter()
                .flat_map(|b| b.to_le_bytes())
                .collect();
            b.push_bind(*t).push_bind(fp.encode()).push_bind(packed);
        });
        q.build().execute(&mut *tx).await.unwrap();
        // Only unclosed tickets are in the band index (as the store keeps it).
        all_bands.extend(
            rows.iter()
                .filter(|(t, ..)| *t as u64 >= open_from)
                .flat_map(|(t, _, _, fp)| fp.similar_bands().into_iter().map(move |b| (b, *t))),
        );
        tx.commit().await.unwrap();
        id = end;
        if id % 100_000 == 1 {
            eprintln!("seeded {} tickets in {:.0?}", id - 1, started.elapsed());
        }
    }
    // Bands last, in key order: random inserts into a 32M-row B-tree would
    // take most of an hour; sorted ones append.
    all_bands.sort_unstable();
    all_bands.dedup();
    for chunk in all_bands.chunks(500_000) {
        let mut tx = pool.begin().await.unwrap();
        for rows in chunk.chunks(4_000) {
            let mut q: QueryBuilder<Sqlite> =
                QueryBuilder::new("INSERT INTO ticket_bands (band, ticket_id) ");
            q.push_values(rows, |mut b, (band, t)| {
                b.push_bind(*band).push_bind(*t);
            });
            q.build().execute(&mut *tx).await.unwrap();
        }
        tx.commit().await.unwrap();
    }
    eprintln!("{} band rows in {:.0?}", all_bands.len(), started.elapsed());
    sqlx::raw_sql("ANALYZE").execute(pool).await.unwrap();
    eprintln!("seeded {tickets} tickets in {:.0?}", started.elapsed());
    store
}

fn report(name: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let at = |q: f64| samples[((samples.len() as f64 - 1.0) * q).round() as usize];
    println!(
        "{name:<8} n={} p50 {:>8.3} ms  p99 {:>8.3} ms  max {:>8.3} ms",
        samples.len(),
        at(0.5).as_secs_f64() * 1e3,
        at(0.99).as_secs_f64() * 1e3,
        samples.last().copied().unwrap_or_default().as_secs_f64() * 1e3
    );
}

fn main() {
    let tickets: u64 = std::env::var("BENCH_TICKETS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let samples: usize = std::env::var("BENCH_SAMPLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000);
    let path = std::env::var_os("BENCH_DB")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            let dir = std::env::var_os("CARGO_TARGET_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from("target"));
            dir.join(format!("bench-lookup-{tickets}.db"))
        });
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let store = seed(&path, tickets).await;
        let customers = tickets / CUSTOMERS_PER_TICKET;
        let mut rng = Rng(0xbe7c4);
        let policy = RepeatPolicy::default();
        let mut repeat = Vec::with_capacity(samples);
        let mut similar = Vec::with_capacity(samples);
        let mut found = 0usize;
        let (_, probe) = ticket_text(&mut rng);
        let incoming = fingerprint(&probe, Some("en"), &[]);
        for _ in 0..samples {
            let email = format!("c{}@bench.example", 1 + rng.below(customers));
            let t0 = Instant::now();
            let mut tx = store.begin_intake().await.unwrap();
            let open = tx.open_tickets_of(&email).await.unwrap();
            let mut best = 0f32;
            for t in open.iter().take(20) {
                for m in tx.earlier_messages(t.id, &email, 8).await.unwrap() {
                    if let Some(fp) = m.fingerprint.as_deref().and_then(Fingerprint::decode) {
                        best = best.max(incoming.compare(&fp).terms);
                    }
                }
            }
            drop(tx);
            repeat.push(t0.elapsed());
            std::hint::black_box(best);

            let ticket = (tickets - rng.below(tickets / 10)) as i64;
            let t0 = Instant::now();
            let list = agent::similar(&store, ticket, 10, &policy).await.unwrap();
            similar.push(t0.elapsed());
            found += list.len();
        }
        println!(
            "{tickets} tickets, {} (2-core machine; see issue notes)",
            path.display()
        );
        report("repeat", repeat);
        report("similar", similar);
        println!(
            "similar: {:.1} tickets listed per lookup on average",
            found as f64 / samples as f64
        );
        store.close().await;
    });
}
