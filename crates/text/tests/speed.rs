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
    macro_rules! time {
        ($name:expr, $e:expr) => {{
            let t = Instant::now();
            for _ in 0..n {
                std::hint::black_box($e);
            }
            let per = t.elapsed() / n;
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
        println!("{name:<16} {per:?} per call on {} bytes", text.len());
    }
    for (name, per) in report {
        assert!(per.as_micros() < 1000, "{name} took {per:?}");
    }
}
