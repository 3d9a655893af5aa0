//! Language identification accuracy, per language, on Tatoeba sentences and on the
//! anger sets (whose language is the file name), and on our own support mails.
//! Run: cargo test -p kindly-text --test language_quality -- --nocapture

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
    // Measured: et 0.920, ru 1.000, en 0.982, de 0.993.
    check(
        &accs,
        &[("et", 0.90), ("ru", 0.99), ("en", 0.96), ("de", 0.97)],
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
    // Measured: et 0.954, ru 1.000, en 0.935, de 0.965.
    check(
        &accs,
        &[("et", 0.93), ("ru", 0.99), ("en", 0.91), ("de", 0.94)],
    );
}
