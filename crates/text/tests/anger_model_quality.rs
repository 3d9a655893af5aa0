//! The linear anger model (`kindly_text::anger_model`, trained by
//! `examples/train_anger_model.rs` on the permissive public sources) against the
//! hand-written signals of `mood()`, per language: on our support mails
//! (tests/data/support_mood.jsonl, heldout/, and DEV2 = blind/) and on the public
//! rows the trainer held out (../shared/data/anger, permissive sources, every
//! fifth row by hash; skipped when the folder is missing).
//! Run: cargo test --release -p kindly-text --test anger_model_quality -- --nocapture
//!
//! Nothing here is tuned on: the model is not wired into `mood()`.
//!
//! Measured (2026-11-23, weights as committed; P/R/F1):
//! support mails, 839 rows: hand 1.000/.984/.992, model .790/.792/.791
//!   (F1 et .995 vs .726, ru .991 vs .889, en .990 vs .835, de .990 vs .711);
//!   by set F1 hand/model: support 1.000/.813, held-out .986/.786, DEV2 .994/.785
//!   (the hand-written signals scored .783 on DEV2 too while it was still blind,
//!   with P .931 against the model's .783);
//! public held-out rows, 2005: hand .818/.293/.432, model .671/.630/.650
//!   (F1 et .089 vs .496, ru .382 vs .508, en .597 vs .777, de .346 vs .641).
//! The hand-written signals have been tuned on the support sets (DEV2 and the
//! held-out DEV half), so their .991 is optimistic; even so, the model is far
//! behind on support mail (it learned tweets and subtitles: insults and
//! profanity, and negative words that calm customers use too) and ahead on the
//! public text it was trained for. It fits its training rows almost perfectly
//! (accuracy .996–.999): more data, not more features, is what it lacks.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

mod common;

use common::*;
use kindly_text::anger_model::{anger_probability, held_out, trainable_source};
use kindly_text::mood;

/// Rows: (set, language, text, angry).
fn compare(rows: &[(String, String, String, bool)], title: &str) -> (Table, Table) {
    let mut hand = Table::new();
    let mut model = Table::new();
    for (set, lang, text, actual) in rows {
        let h = mood(text, Some(lang)).angry;
        let m = anger_probability(text, lang).expect("weights for our languages") >= 0.5;
        for key in [lang.clone(), "all".to_string(), format!("set {set}")] {
            hand.entry(key.clone()).or_default().add(h, *actual);
            model.entry(key).or_default().add(m, *actual);
        }
    }
    print_table(&format!("{title}: hand-written signals"), &hand);
    print_table(&format!("{title}: linear model"), &model);
    (hand, model)
}

fn support_rows() -> Vec<(String, String, String, bool)> {
    let mut out = Vec::new();
    let mut files = vec![("support", own_data("support_mood.jsonl"))];
    for lang in ["et", "ru", "en", "de"] {
        files.push(("heldout", heldout_data(&format!("mood_{lang}.jsonl"))));
        files.push(("dev2", own_data(&format!("blind/mood_{lang}.jsonl"))));
    }
    for (set, f) in files {
        for row in read_jsonl(&f) {
            out.push((
                set.to_string(),
                str_field(&row, "lang").to_string(),
                str_field(&row, "text").to_string(),
                bool_field(&row, "angry"),
            ));
        }
    }
    out
}

#[test]
fn model_against_hand_written_signals() {
    let (hand, model) = compare(&support_rows(), "support mails (support + heldout + DEV2)");
    let f1 = |t: &Table, k: &str| t.get(k).copied().unwrap_or_default().f1();
    for lang in ["et", "ru", "en", "de", "all"] {
        println!(
            "support {lang}: F1 hand {:.3}, model {:.3} ({:+.3})",
            f1(&hand, lang),
            f1(&model, lang),
            f1(&model, lang) - f1(&hand, lang)
        );
    }
    // The model loads and is not useless on our mails.
    assert!(
        f1(&model, "all") >= 0.5,
        "model F1 {:.3}",
        f1(&model, "all")
    );

    let Some(dir) = shared_data() else { return };
    let mut rows = Vec::new();
    for lang in ["et", "ru", "en", "de"] {
        for row in read_jsonl(&dir.join(format!("anger/{lang}.jsonl"))) {
            let text = str_field(&row, "text");
            if trainable_source(str_field(&row, "source")) && held_out(text) {
                rows.push((
                    "public".to_string(),
                    lang.to_string(),
                    text.to_string(),
                    bool_field(&row, "angry"),
                ));
            }
        }
    }
    let (hand, model) = compare(&rows, "public rows held out from training");
    for lang in ["et", "ru", "en", "de", "all"] {
        println!(
            "public {lang}: F1 hand {:.3}, model {:.3} ({:+.3})",
            f1(&hand, lang),
            f1(&model, lang),
            f1(&model, lang) - f1(&hand, lang)
        );
    }
}
