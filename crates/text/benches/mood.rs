//! Cost of `kindly mood`'s work per mail: `mood()` on a 2 KB mail with the
//! language detected (language id, the hand-written rules and, when the rules
//! find it calm, the anger model), and the anger and tone models alone.
//! Timing depends on the machine, so nothing is asserted.
//! Run: cargo bench -p kindly-text --bench mood
//! Instructions per call: MOOD_BENCH_CALLS=20 valgrind --tool=callgrind on the
//! bench binary, then callgrind_annotate --inclusive=yes (cost / calls).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use kindly_text::linear::{Task, judge};
use kindly_text::{mood, tone};

fn two_kb(para: &str) -> String {
    para.repeat(2048 / para.len() + 1)
}

/// Time per call over 400 ms; with `MOOD_BENCH_CALLS=N`, exactly N calls (for
/// counting instructions under `valgrind --tool=callgrind`, which does not
/// depend on the machine's load).
fn per_call(f: impl Fn()) -> Duration {
    f();
    if let Some(n) = std::env::var("MOOD_BENCH_CALLS")
        .ok()
        .and_then(|s| s.parse::<u32>().ok())
    {
        let start = Instant::now();
        for _ in 0..n {
            f();
        }
        return start.elapsed() / n.max(1);
    }
    let start = Instant::now();
    let mut n = 0u32;
    while start.elapsed() < Duration::from_millis(400) {
        f();
        n += 1;
    }
    start.elapsed() / n
}

fn main() {
    let mails = [
        (
            "et",
            two_kb(
                "Tere, kirjutan arve 4411 pärast. Rakendus ei tööta pärast uuendust endiselt. \
                 Palun vaadake see üle, kui saate, see on meile üsna kiire. ",
            ),
        ),
        (
            "ru",
            two_kb(
                "Здравствуйте, пишу по поводу счёта 4411. Приложение после обновления так и не \
                 работает. Проверьте, пожалуйста, когда будет возможность. ",
            ),
        ),
        (
            "en",
            two_kb(
                "Hello, I am writing about invoice 4411. The app still does not work after the \
                 update. Please have a look when you can, it is fairly urgent for us. ",
            ),
        ),
        (
            "de",
            two_kb(
                "Guten Tag, ich schreibe wegen der Rechnung 4411. Die App funktioniert nach dem \
                 Update immer noch nicht. Bitte schauen Sie es sich an, wenn Sie können. ",
            ),
        ),
    ];
    let first = Instant::now();
    black_box(mood(&mails[0].1, None));
    println!(
        "first mood() in this process (lazy tables and models): {:.2} ms",
        first.elapsed().as_secs_f64() * 1e3
    );
    for (lang, text) in &mails {
        let whole = per_call(|| {
            black_box(mood(black_box(text), None));
        });
        let anger = per_call(|| {
            black_box(judge(Task::Anger, black_box(text), lang));
        });
        let tone_model = per_call(|| {
            black_box(judge(Task::Tone, black_box(text), lang));
        });
        let tone_all = per_call(|| {
            black_box(tone(black_box(text), Some(lang)));
        });
        println!(
            "{lang} 2 KB: mood() {:.3} ms (calm: rules + model); anger model alone {:.3} ms; \
             tone() {:.3} ms; tone model alone {:.3} ms",
            whole.as_secs_f64() * 1e3,
            anger.as_secs_f64() * 1e3,
            tone_all.as_secs_f64() * 1e3,
            tone_model.as_secs_f64() * 1e3,
        );
    }
}
