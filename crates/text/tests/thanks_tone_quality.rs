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
