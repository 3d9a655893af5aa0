//! Thank-you recognition and the tone guard on our own labelled sets
//! (tests/data/thanks.jsonl, tests/data/tone.jsonl), per language.
//! Run: cargo test -p kindly-text --test thanks_tone_quality -- --nocapture

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

mod common;

use common::*;
use kindly_text::{is_thanks, tone};

fn check(table: &Table, floors: &[(&str, f64, f64)]) {
    for (name, p, r) in floors {
        let c = table.get(*name).copied().unwrap_or_default();
        assert!(c.n() > 0, "{name}: no rows");
        assert!(
            c.precision() >= *p,
            "{name}: precision {:.3} < {p}",
            c.precision()
        );
        assert!(c.recall() >= *r, "{name}: recall {:.3} < {r}", c.recall());
    }
}

#[test]
fn thanks_set() {
    let rows = read_jsonl(&own_data("thanks.jsonl"));
    let mut table = Table::new();
    for row in &rows {
        let lang = str_field(row, "lang");
        let text = str_field(row, "text");
        let actual = bool_field(row, "thanks");
        let got = is_thanks(text, Some(lang));
        table.entry(lang.to_string()).or_default().add(got, actual);
        if got != actual {
            println!("{} {lang}: {text}", if actual { "FN" } else { "FP" });
        }
    }
    print_table("is_thanks (tests/data/thanks.jsonl)", &table);
    for lang in ["et", "ru", "en", "de"] {
        assert!(
            table.get(lang).is_some_and(|c| c.n() >= 25),
            "{lang}: fewer than 25 rows"
        );
    }
    // Measured P/R: et 1.00/1.00, ru 1.00/0.92, en 1.00/1.00, de 1.00/1.00 (13+13 each).
    check(
        &table,
        &[
            ("et", 0.9, 0.85),
            ("ru", 0.9, 0.85),
            ("en", 0.9, 0.85),
            ("de", 0.9, 0.85),
        ],
    );
}

/// The held-out set (tests/data/thanks_heldout.jsonl, 30+ thank-yous and 30+
/// "thanks, but…" per language) was written without seeing the detector or the
/// set it was tuned on; its figures are the honest ones. Detector unchanged
/// since it was written.
#[test]
fn thanks_heldout_set() {
    let rows = read_jsonl(&own_data("thanks_heldout.jsonl"));
    let mut table = Table::new();
    let mut by_kind = Table::new();
    for row in &rows {
        let lang = str_field(row, "lang");
        let text = str_field(row, "text");
        let kind = str_field(row, "kind");
        let actual = bool_field(row, "thanks");
        let got = is_thanks(text, Some(lang));
        table.entry(lang.to_string()).or_default().add(got, actual);
        by_kind
            .entry(kind.to_string())
            .or_default()
            .add(got, actual);
        if got != actual {
            println!(
                "{} {lang} {kind}: {}",
                if actual { "FN" } else { "FP" },
                text.replace('\n', " / ")
            );
        }
    }
    print_table(
        "is_thanks, held out (tests/data/thanks_heldout.jsonl)",
        &table,
    );
    print_table("by kind", &by_kind);
    for lang in ["et", "ru", "en", "de"] {
        let c = table.get(lang).copied().unwrap_or_default();
        assert!(
            c.tp + c.fn_ >= 30 && c.fp + c.tn >= 30,
            "{lang}: fewer than 30+30 rows"
        );
    }
    check(&table, HELDOUT_FLOORS);
}

/// Floors a little under the held-out figures measured 2026-11-23 (P/R: et
/// 0.903/0.778, ru 0.909/0.857, en 0.917/0.917, de 0.879/0.806). Most false
/// alarms are sarcasm ("thanks for the 'help'"), most misses "never mind, I
/// fixed it myself" — the work left for the thanks detector.
const HELDOUT_FLOORS: &[(&str, f64, f64)] = &[
    ("et", 0.85, 0.75),
    ("ru", 0.85, 0.80),
    ("en", 0.88, 0.88),
    ("de", 0.85, 0.78),
];

#[test]
fn tone_set() {
    let rows = read_jsonl(&own_data("tone.jsonl"));
    let mut table = Table::new();
    for row in &rows {
        let lang = str_field(row, "lang");
        let text = str_field(row, "text");
        let actual = bool_field(row, "flagged");
        let report = tone(text, Some(lang));
        assert_eq!(report.ok, report.findings.is_empty());
        for f in &report.findings {
            assert!(
                text.contains(&f.phrase),
                "finding {:?} not quoted from {text}",
                f.phrase
            );
            assert!(!f.why.is_empty() && !f.suggestion.is_empty());
        }
        table
            .entry(lang.to_string())
            .or_default()
            .add(!report.ok, actual);
        if report.ok == actual {
            println!("{} {lang}: {text}", if actual { "FN" } else { "FP" });
        }
    }
    print_table("tone guard (tests/data/tone.jsonl)", &table);
    for lang in ["et", "ru", "en", "de"] {
        assert!(
            table.get(lang).is_some_and(|c| c.n() >= 20),
            "{lang}: fewer than 20 rows"
        );
    }
    // Measured P/R: 1.00/1.00 in every language (10+10 each).
    check(
        &table,
        &[
            ("et", 0.9, 0.9),
            ("ru", 0.9, 0.9),
            ("en", 0.9, 0.9),
            ("de", 0.9, 0.9),
        ],
    );
}
