//! Cost per call on a 2 KB mail. Timing depends on the machine, so it is ignored
//! by default; run: cargo test --release -p kindly-text --test speed -- --ignored --nocapture

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

use std::time::Instant;

use kindly_text::{content_key, detect_language, is_thanks, mood, tone};

fn two_kb() -> String {
    let para = "Hello, this is the third time I write about invoice 4411. The app still does not \
                work after the update and nobody answers. Please check it. Здравствуйте, \
                aitäh, danke. ";
    para.repeat(2048 / para.len() + 1)
}

#[test]
#[ignore]
fn two_kb_mail_is_fast() {
    let text = two_kb();
    let _ = (detect_language(&text), mood(&text, None)); // first call builds the lists
    let n = 200u32;
    let mut report = Vec::new();
    // CPU time of this thread where Linux tells it (wall time on a shared, busy
    // machine counts the waits for a core too); wall time elsewhere.
    macro_rules! time {
        ($name:expr, $e:expr) => {{
            let t = Instant::now();
            let cpu = thread_cpu();
            for _ in 0..n {
                std::hint::black_box($e);
            }
            let wall = t.elapsed() / n;
            let per = match (cpu, thread_cpu()) {
                (Some(a), Some(b)) => b.saturating_sub(a) / n,
                _ => wall,
            };
            println!("{:<16} wall {wall:?}", $name);
            report.push(($name, per));
        }};
    }
    time!("detect_language", detect_language(&text));
    time!("mood (detect)", mood(&text, None));
    time!("mood (en)", mood(&text, Some("en")));
    time!("is_thanks", is_thanks(&text, Some("en")));
    time!("tone", tone(&text, Some("en")));
    time!("content_key", content_key(&text));
    for (name, per) in &report {
        println!("{name:<16} {per:?} CPU per call on {} bytes", text.len());
    }
    for (name, per) in report {
        assert!(per.as_micros() < 1000, "{name} took {per:?}");
    }
}

/// CPU time this thread has used, from /proc/thread-self/schedstat (Linux).
fn thread_cpu() -> Option<std::time::Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(std::time::Duration::from_nanos(ns))
}
