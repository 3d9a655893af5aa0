//! The linear models beside the rules (`kindly_text::linear`): how `mood()` and
//! `tone()` combine them with the hand-written rules, on every row we have, and
//! that no blind set teaches them.
//! Run: cargo test --release -p kindly-text --test linear_models -- --nocapture

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

mod common;

use common::*;
use kindly_text::linear::{ANGER, TONE, Task, judge};
use kindly_text::mood::mood_by_rules;
use kindly_text::tone::tone_by_rules;
use kindly_text::{mood, tone};

const LANGS: [&str; 4] = ["et", "ru", "en", "de"];

/// (language, text) of every row in `tests/data/DIR/KIND_{lang}.jsonl` for the
/// development and training folders.
fn rows(kind: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for dir in [
        "blind",
        "blind2",
        "heldout",
        "train",
        "train/round2",
        "train/round3",
    ] {
        for lang in LANGS {
            let path = own_data(&format!("{dir}/{kind}_{lang}.jsonl"));
            for row in read_jsonl(&path) {
                out.push((lang.to_string(), str_field(&row, "text").to_string()));
            }
        }
    }
    out
}

#[test]
fn mood_is_the_rules_then_the_anger_model() {
    let (mut flagged, mut cleared) = (0, 0);
    for (lang, text) in rows("mood") {
        let rules = mood_by_rules(&text, Some(&lang));
        let both = mood(&text, Some(&lang));
        let p = judge(Task::Anger, &text, &lang).unwrap().probability;
        let expected = if rules.angry {
            p >= ANGER.veto
        } else {
            p >= ANGER.threshold
        };
        assert_eq!(
            both.angry, expected,
            "{text} (rules {}, p {p})",
            rules.angry
        );
        assert_eq!(both.angry, both.anger >= kindly_text::mood::ANGRY_THRESHOLD);
        // The rules' signals are always kept; the model's say is one more line.
        assert!(both.signals.starts_with(&rules.signals), "{text}");
        if rules.angry != both.angry {
            let last = both.signals.last().unwrap();
            if both.angry {
                flagged += 1;
                assert!(last.starts_with("wording like angry mail: "), "{last}");
                // The words it names are words of the mail.
                let words = last
                    .trim_start_matches("wording like angry mail: ")
                    .split(" (model")
                    .next()
                    .unwrap();
                for w in words.split(", ").filter(|w| !w.is_empty()) {
                    assert!(text.contains(w), "{w} not in {text}");
                }
            } else {
                cleared += 1;
                assert!(last.starts_with("model reads it as calm"), "{last}");
            }
        } else {
            assert_eq!(both.signals.len(), rules.signals.len(), "{text}");
        }
    }
    println!(
        "anger model flagged {flagged} and cleared {cleared} rows the rules decided otherwise"
    );
    assert!(flagged > 0 && cleared > 0, "the model has a say both ways");
}

#[test]
fn tone_is_the_rules_then_the_tone_model() {
    let marker = |lang: &str| match lang {
        "et" => "klie",
        "ru" => "клиент",
        "de" => "Kunde",
        _ => "customer",
    };
    let mut flagged = 0;
    for (lang, text) in rows("tone") {
        let rules = tone_by_rules(&text, Some(&lang));
        let both = tone(&text, Some(&lang));
        let p = judge(Task::Tone, &text, &lang).unwrap().probability;
        let expected = if rules.ok {
            p < TONE.threshold
        } else {
            p < TONE.veto
        };
        assert_eq!(both.ok, expected, "{text} (rules ok {}, p {p})", rules.ok);
        assert_eq!(both.ok, both.findings.is_empty());
        if rules.ok && !both.ok {
            flagged += 1;
            let f = &both.findings[0];
            assert_eq!(both.findings.len(), 1);
            assert!(text.contains(&f.phrase), "{} not in {text}", f.phrase);
            assert!(f.why.contains(marker(&lang)), "{} ({lang})", f.why);
            assert!(!f.suggestion.is_empty());
        } else if !both.ok {
            assert_eq!(both.findings, rules.findings, "{text}");
        }
    }
    assert!(flagged > 0, "the tone model flags drafts the rules pass");
}

#[test]
fn models_cover_our_languages_only() {
    for lang in LANGS {
        for task in [Task::Anger, Task::Tone] {
            let v = judge(task, "Tere, hello, Здравствуйте, Hallo", lang).unwrap();
            assert!((0.0..=1.0).contains(&v.probability));
        }
    }
    assert!(judge(Task::Anger, "Hei, tilaus ei tullut", "fi").is_none());
    // A language without weights gets the rules alone.
    let text = "Tilaus ei ole vieläkään tullut, ja kukaan ei vastaa.";
    assert_eq!(mood(text, Some("fi")), mood_by_rules(text, Some("fi")));
}

/// A blind set measures the models, so it must never teach them: the trainer
/// names its sets, and none of them is blind3 (or a later blind set).
#[test]
fn the_trainer_reads_no_blind_set() {
    let trainer = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/train_models.rs"),
    )
    .unwrap();
    let sets = trainer
        .split("const SETS")
        .nth(1)
        .and_then(|rest| rest.split("];").next())
        .unwrap();
    assert!(sets.contains("train/round4/"), "the set list was found");
    for blind in ["blind3", "blind4", "blind5"] {
        assert!(!sets.contains(blind), "the trainer reads {blind}");
    }
}
