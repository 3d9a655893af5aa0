//! Figures of the anger and tone detectors on one labelled folder, per language:
//! the hand-written rules alone, the linear model alone, and both as `mood()`
//! and `tone()` combine them. Prints figures only, never the rows it misses, so
//! it can measure a blind set without spoiling it.
//!
//!     cargo run --release -p kindly-text --example evaluate -- blind3

use std::path::PathBuf;

use kindly_text::linear::{ANGER, TONE, Task, judge};
use kindly_text::mood::mood_by_rules;
use kindly_text::tone::tone_by_rules;
use kindly_text::{mood, tone};

const LANGS: [&str; 4] = ["et", "ru", "en", "de"];

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: u32,
    fp: u32,
    fn_: u32,
    tn: u32,
}

impl Counts {
    fn add(&mut self, predicted: bool, actual: bool) {
        match (predicted, actual) {
            (true, true) => self.tp += 1,
            (true, false) => self.fp += 1,
            (false, true) => self.fn_ += 1,
            (false, false) => self.tn += 1,
        }
    }
    fn show(&self) -> String {
        let p = f64::from(self.tp) / f64::from((self.tp + self.fp).max(1));
        let r = f64::from(self.tp) / f64::from((self.tp + self.fn_).max(1));
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        let fa = f64::from(self.fp) / f64::from((self.fp + self.tn).max(1));
        format!("P {p:.3} R {r:.3} F1 {f1:.3} FA {fa:.3}")
    }
}

fn main() -> Result<(), String> {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "blind3".to_string());
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(&dir);
    for (kind, label) in [("mood", "angry"), ("tone", "flagged")] {
        // [rules, model, combined] × [et, ru, en, de, all]
        let mut table = [[Counts::default(); 5]; 3];
        for (li, lang) in LANGS.iter().enumerate() {
            let path = data.join(format!("{kind}_{lang}.jsonl"));
            let text = std::fs::read_to_string(&path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                let v: serde_json::Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
                let (Some(t), Some(actual)) = (
                    v.get("text").and_then(|x| x.as_str()),
                    v.get(label).and_then(|x| x.as_bool()),
                ) else {
                    return Err(format!("bad row in {}", path.display()));
                };
                let (rules, model, both) = if kind == "mood" {
                    (
                        mood_by_rules(t, Some(lang)).angry,
                        judge(Task::Anger, t, lang)
                            .is_some_and(|v| v.probability >= ANGER.threshold),
                        mood(t, Some(lang)).angry,
                    )
                } else {
                    (
                        !tone_by_rules(t, Some(lang)).ok,
                        judge(Task::Tone, t, lang).is_some_and(|v| v.probability >= TONE.threshold),
                        !tone(t, Some(lang)).ok,
                    )
                };
                for (i, predicted) in [rules, model, both].into_iter().enumerate() {
                    table[i][li].add(predicted, actual);
                    table[i][4].add(predicted, actual);
                }
            }
        }
        println!("{kind} on {dir}:");
        for (i, name) in ["rules", "model", "combined"].iter().enumerate() {
            for (li, lang) in LANGS.iter().chain(["all"].iter()).enumerate() {
                println!("  {name:<9} {lang:<3} {}", table[i][li].show());
            }
        }
    }
    Ok(())
}
