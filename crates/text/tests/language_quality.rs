//! Language identification accuracy, per language, on Tatoeba sentences and on the
//! anger sets (whose language is the file name), on our own short support mails, and
//! on Russian written in Latin letters.
//! Run: cargo test -p kindly-text --test language_quality -- --nocapture
//! (SHOW_ERRORS=1 lists the misses). Speed: `cargo bench -p kindly-text --bench language`.
//!
//! Why whatlang + fixes and not lingua 1.8 (only et ru en de fi lv lt uk enabled),
//! measured on this machine (release build):
//!
//! | set                        | current before | lingua (high) | lingua (low) | current after |
//! |----------------------------|----------------|---------------|--------------|---------------|
//! | tatoeba et / ru / en / de  | .920 1.00 .982 .993 | .968 .976 .995 .996 | .939 .919 .945 .993 | .933 1.00 .988 .996 |
//! | own mails et / ru / en / de| 1.00 .977 1.00 1.00 | 1.00 .977 1.00 1.00 | 1.00 .970 1.00 1.00 | 1.00 1.00 1.00 1.00 |
//! | anger et / ru / en / de    | .954 1.00 .935 .965 | .978 .982 .973 .979 | .963 .951 .896 .965 | .957 1.00 .944 .970 |
//! | translit ru (30 lines)     | 0.00           | 0.00          | 0.00         | 0.90          |
//!
//! Cost: whatlang's first detection in a fresh process ~0.15 ms, ~0.2-0.25 ms a call
//! on 2 KB; lingua high accuracy: first detection 13-17 ms (its models load lazily),
//! ~1.5 ms a call on 2 KB; low accuracy: 2-3.5 ms first, 0.9-2.2 ms a call on 2 KB.
//! lingua with our 8 languages adds ~48 MB to a stripped binary. The MTA pipe starts
//! one process per mail and `kindly mood` has 1 ms of CPU per 2 KB mail, so lingua's
//! better Estonian on Tatoeba (its ru/uk confusions the Cyrillic rule would fix) does
//! not pay; on the short customer mails both were equal before the translit fix.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

mod common;

use std::collections::BTreeMap;

use common::*;
use kindly_text::detect_language;

#[derive(Default)]
struct Acc {
    right: usize,
    none: usize,
    total: usize,
    wrong: BTreeMap<String, usize>,
    examples: Vec<String>,
}

impl Acc {
    fn add(&mut self, expected: &str, got: Option<&str>, text: &str) {
        self.total += 1;
        match got {
            Some(g) if g == expected => self.right += 1,
            Some(g) => *self.wrong.entry(g.to_string()).or_default() += 1,
            None => self.none += 1,
        }
        if got != Some(expected) && self.examples.len() < 20 {
            self.examples.push(format!("{got:?} <- {text}"));
        }
    }
    fn accuracy(&self) -> f64 {
        self.right as f64 / self.total.max(1) as f64
    }
}

fn report(title: &str, accs: &BTreeMap<String, Acc>) {
    println!("== {title}");
    for (lang, a) in accs {
        let mut wrong: Vec<_> = a.wrong.iter().collect();
        wrong.sort_by(|x, y| y.1.cmp(x.1));
        wrong.truncate(4);
        println!(
            "{lang}: accuracy {:.3} ({}/{}), none {}, most confused with {:?}",
            a.accuracy(),
            a.right,
            a.total,
            a.none,
            wrong
        );
        if std::env::var_os("SHOW_ERRORS").is_some() {
            for e in &a.examples {
                println!("    {e}");
            }
        }
    }
}

fn check(accs: &BTreeMap<String, Acc>, floors: &[(&str, f64)]) {
    for (lang, floor) in floors {
        let acc = accs.get(*lang).map_or(0.0, Acc::accuracy);
        assert!(
            acc >= *floor,
            "{lang}: accuracy {acc:.3} below floor {floor}"
        );
    }
}

#[test]
fn tatoeba_sentences() {
    let Some(dir) = shared_data() else { return };
    let mut accs: BTreeMap<String, Acc> = BTreeMap::new();
    for row in read_jsonl(&dir.join("paraphrase/tatoeba.jsonl")) {
        // `lang` is "<lang of a>-<lang of b>", e.g. "et-en": a is Estonian, b English.
        let pair = str_field(&row, "lang");
        let Some((la, lb)) = pair.split_once('-') else {
            panic!("bad lang {pair}")
        };
        for (lang, key) in [(la, "a"), (lb, "b")] {
            let text = str_field(&row, key);
            accs.entry(lang.to_string())
                .or_default()
                .add(lang, detect_language(text), text);
        }
    }
    report("tatoeba (short sentences)", &accs);
    // Measured: et 0.933, ru 1.000, en 0.988, de 0.996 (before the en/de vote and
    // Estonian word-end fixes: et 0.920, en 0.982, de 0.993).
    check(
        &accs,
        &[("et", 0.92), ("ru", 0.99), ("en", 0.975), ("de", 0.985)],
    );
}

#[test]
fn anger_sets() {
    let Some(dir) = shared_data() else { return };
    let mut accs: BTreeMap<String, Acc> = BTreeMap::new();
    for lang in ["et", "ru", "en", "de"] {
        for row in read_jsonl(&dir.join(format!("anger/{lang}.jsonl"))) {
            let text = str_field(&row, "text");
            let source = str_field(&row, "source");
            accs.entry(format!("{lang} {source}")).or_default().add(
                lang,
                detect_language(text),
                text,
            );
            accs.entry(lang.to_string())
                .or_default()
                .add(lang, detect_language(text), text);
        }
    }
    report("anger sets (tweets, subtitles, news)", &accs);
    // Measured: et 0.957, ru 1.000, en 0.944, de 0.970 (before: et 0.954, en 0.935,
    // de 0.965). Many misses are one- or two-word subtitle lines ("Kurat.", "Seisa!").
    check(
        &accs,
        &[("et", 0.94), ("ru", 0.99), ("en", 0.93), ("de", 0.955)],
    );
}

/// Accuracy per language over every row of `files`, each row naming its language.
fn measure_files(files: &[std::path::PathBuf]) -> BTreeMap<String, Acc> {
    let mut accs: BTreeMap<String, Acc> = BTreeMap::new();
    for file in files {
        for row in read_jsonl(file) {
            let lang = str_field(&row, "lang");
            let text = str_field(&row, "text");
            accs.entry(lang.to_string())
                .or_default()
                .add(lang, detect_language(text), text);
        }
    }
    accs
}

/// Short customer mails written by native speakers: the target set
/// (accuracy >= 0.97 in et/ru/en/de).
#[test]
fn support_mails() {
    let mut files = vec![own_data("support_mood.jsonl")];
    for lang in ["et", "ru", "en", "de"] {
        files.push(own_data(&format!("heldout/mood_{lang}.jsonl")));
    }
    let accs = measure_files(&files);
    report("support mails (support_mood + heldout/mood_*)", &accs);
    // Measured: 1.000 in each of et (129), ru (133), en (128), de (129). Before the
    // translit rule ru was 0.977: three Russian mails written in Latin letters.
    check(
        &accs,
        &[("et", 0.98), ("ru", 0.98), ("en", 0.98), ("de", 0.98)],
    );
}

/// The larger short-mail sets written since (customer mails and agents' drafts:
/// DEV2, DEV3, BLIND3 and the training rows, 4,000+ texts), none ever used to
/// tune language identification.
#[test]
fn short_mail_sets() {
    let mut files = Vec::new();
    for dir in [
        "blind",
        "blind2",
        "blind3",
        "train",
        "train/round2",
        "train/round3",
    ] {
        for kind in ["mood", "tone"] {
            for lang in ["et", "ru", "en", "de"] {
                files.push(own_data(&format!("{dir}/{kind}_{lang}.jsonl")));
            }
        }
    }
    let accs = measure_files(&files);
    report("short mails (blind, blind2, blind3, train)", &accs);
    // Measured 2026-11-23: et 0.999 (1173/1174, one read as Finnish), ru 0.998
    // (1172/1174, two Latin-letter rows read as English), en 1.000 (1174), de
    // 1.000 (1178).
    check(
        &accs,
        &[("et", 0.97), ("ru", 0.97), ("en", 0.97), ("de", 0.97)],
    );
}

/// Our agents' drafts and thank-you mails: short texts in the same four languages.
#[test]
fn tone_and_thanks_texts() {
    let mut files = vec![
        own_data("tone.jsonl"),
        own_data("thanks.jsonl"),
        own_data("thanks_heldout.jsonl"),
    ];
    for lang in ["et", "ru", "en", "de"] {
        files.push(own_data(&format!("heldout/tone_{lang}.jsonl")));
    }
    let accs = measure_files(&files);
    report("tone drafts and thank-you mails", &accs);
    // Measured: et 0.995, ru 1.000, en 0.995, de 0.990 (775 texts).
    check(
        &accs,
        &[("et", 0.98), ("ru", 0.98), ("en", 0.98), ("de", 0.975)],
    );
}

/// Russian in Latin letters (tests/data/translit_ru.jsonl, 30 short lines in several
/// spellings, written for this test before the rule).
#[test]
fn translit_russian() {
    let accs = measure_files(&[own_data("translit_ru.jsonl")]);
    report("translit Russian", &accs);
    // Measured: 0.900 (27/30; misses: a one-vote line "Spasibo, vopros reshen", and two
    // whose only frequent words are ambiguous). Before the rule: 0.000.
    check(&accs, &[("ru", 0.85)]);
}
