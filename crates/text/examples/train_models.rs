//! Trains the two linear models beside the hand-written rules (issue 8) and
//! writes `crates/text/src/linear_anger.bin` and `linear_tone.bin`.
//!
//!     cargo run --release -p kindly-text --example train_models
//!
//! Data: our own labelled support-style rows in `crates/text/tests/data` (see
//! [`SETS`]): every set we have read or tuned on, and the training-only rows in
//! `train/`. Never a blind set (`blind3/` and later): a blind set measures the
//! models, so it must not teach them.
//!
//! Logistic regression over [`linear::features`], L2-regularised, fitted by
//! Adagrad over a fixed number of passes with a fixed shuffle: the same data
//! give the same weights. Before the final fit, a 5-fold cross-validation prints
//! each threshold's precision, recall and false-alarm rate on rows the fold did
//! not train on; `mood()` and `tone()` use the thresholds chosen from it
//! (`linear::ANGER_THRESHOLD`, `linear::TONE_THRESHOLD`).

use std::path::{Path, PathBuf};

use kindly_text::linear::{self, BUCKETS, Feature, LANGUAGES, Weights, encode};
use kindly_text::mood::mood_by_rules;
use kindly_text::tone::tone_by_rules;

const EPOCHS: usize = 25;
const RATE: f32 = 0.3;
const L2: f32 = 1e-5;
const FOLDS: usize = 5;
/// The sets the hand-written rules were never tuned on: only their rows choose
/// how rules and model combine.
const UNSEEN_BY_RULES: &str = "train/";
/// The public anger rows (tweets, subtitles, news comments: another domain)
/// count this much each against one of our rows. They teach the model that
/// generic negative text is not an angry customer: on their held-out fifth,
/// precision rose from .44–.68 to .61–.78 (at threshold .7) for about .02 of F1
/// on our unseen support rows (2026-11-23, see the closing note of issue 8).
const PUBLIC_WEIGHT: f32 = 0.05;

/// (text, label) rows.
type Labelled = Vec<(String, bool)>;

/// The sets each model learns from; `{lang}` is replaced by each language.
/// Rows of every language may sit in one file: each row names its language.
const SETS: [(&str, &str, &[&str]); 2] = [
    (
        "anger",
        "angry",
        &[
            "support_mood.jsonl",
            "mood_families.jsonl",
            "heldout/mood_{lang}.jsonl",
            "blind/mood_{lang}.jsonl",
            "blind2/mood_{lang}.jsonl",
            "train/mood_{lang}.jsonl",
            "train/round2/mood_{lang}.jsonl",
            "train/round3/mood_{lang}.jsonl",
            "train/round4/mood_{lang}.jsonl",
            "train/round5/mood_{lang}.jsonl",
        ],
    ),
    (
        "tone",
        "flagged",
        &[
            "tone.jsonl",
            "tone_families.jsonl",
            "heldout/tone_{lang}.jsonl",
            "blind/tone_{lang}.jsonl",
            "blind2/tone_{lang}.jsonl",
            "train/tone_{lang}.jsonl",
            "train/round2/tone_{lang}.jsonl",
            "train/round3/tone_{lang}.jsonl",
            "train/round4/tone_{lang}.jsonl",
        ],
    ),
];

struct Row {
    features: Vec<Feature>,
    positive: bool,
    /// What the hand-written rules say, and whether the row is one they were
    /// never tuned on (`train/`): only those rows set the thresholds.
    rules: bool,
    unseen_by_rules: bool,
    /// Public rows (anger only) train every fold but are never scored in it.
    public: bool,
    weight: f32,
    /// Which fold the row is evaluated in: a hash of its text.
    fold: usize,
}

fn main() -> Result<(), String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let data = root.join("tests/data");
    for (name, label, files) in SETS {
        let mut models = Vec::new();
        let mut stack: Vec<(&str, f32, bool, bool)> = Vec::new();
        for lang in LANGUAGES {
            let mut rows = Vec::new();
            let mut seen = std::collections::HashSet::new();
            for file in files {
                let path = data.join(file.replace("{lang}", lang));
                let unseen_by_rules = file.starts_with(UNSEEN_BY_RULES);
                for (text, positive) in read(&path, lang, label)? {
                    // The same text in two sets counts once.
                    if !seen.insert(text.clone()) {
                        continue;
                    }
                    let (features, _) = linear::features(&text, lang);
                    let fold = (fold_hash(&text) % FOLDS as u64) as usize;
                    let rules = if name == "anger" {
                        mood_by_rules(&text, Some(lang)).angry
                    } else {
                        !tone_by_rules(&text, Some(lang)).ok
                    };
                    rows.push(Row {
                        features,
                        positive,
                        rules,
                        unseen_by_rules,
                        public: false,
                        weight: 1.0,
                        fold,
                    });
                }
            }
            let mut public_test = Vec::new();
            if name == "anger" {
                let (train_rows, test_rows) = public_rows(&root, lang)?;
                public_test = test_rows;
                for (text, positive) in train_rows {
                    let (features, _) = linear::features(&text, lang);
                    rows.push(Row {
                        features,
                        positive,
                        rules: false,
                        unseen_by_rules: false,
                        public: true,
                        weight: PUBLIC_WEIGHT,
                        fold: usize::MAX,
                    });
                }
            }
            let oof = cross_validate(name, lang, &rows);
            stack.extend(
                rows.iter()
                    .zip(oof)
                    .filter(|(r, _)| r.unseen_by_rules)
                    .map(|(r, p)| (lang, p, r.rules, r.positive)),
            );
            let all: Vec<&Row> = rows.iter().collect();
            let w = train(&all);
            let right = rows
                .iter()
                .filter(|r| (w.probability(&r.features) >= 0.5) == r.positive)
                .count();
            println!(
                "{name} {lang}: {} rows ({} positive), accuracy on them {:.3}, bias {:.2}",
                rows.len(),
                rows.iter().filter(|r| r.positive).count(),
                right as f64 / rows.len().max(1) as f64,
                w.bias
            );
            if !public_test.is_empty() {
                let mut line =
                    format!("{name} {lang} public held-out rows (rules or model ≥ t: P/R):");
                for t in [0.6f32, 0.7, 0.8, 0.9, 2.0] {
                    let (mut tp, mut fp, mut pos) = (0.0f64, 0.0f64, 0.0f64);
                    for (text, positive) in &public_test {
                        let (f, _) = linear::features(text, lang);
                        let flagged =
                            mood_by_rules(text, Some(lang)).angry || w.probability(&f) >= t;
                        pos += f64::from(u8::from(*positive));
                        tp += f64::from(u8::from(flagged && *positive));
                        fp += f64::from(u8::from(flagged && !*positive));
                    }
                    line.push_str(&format!(
                        " t{t:.1} {:.3}/{:.3}",
                        tp / (tp + fp).max(1.0),
                        tp / pos.max(1.0)
                    ));
                }
                println!("{line}");
            }
            models.push(w);
        }
        stacking(name, &stack);
        let out = root.join(format!("src/linear_{name}.bin"));
        std::fs::write(&out, encode(&models)).map_err(|e| e.to_string())?;
        println!("wrote {}", out.display());
    }
    Ok(())
}

/// (text, label) of the rows in `path` written in `lang`; a missing file has none.
fn read(path: &Path, lang: &str, label: &str) -> Result<Labelled, String> {
    let Ok(text) = std::fs::read_to_string(path) else {
        println!("(no {})", path.display());
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{}: {e}", path.display()))?;
        let (Some(l), Some(t), Some(positive)) = (
            v.get("lang").and_then(|x| x.as_str()),
            v.get("text").and_then(|x| x.as_str()),
            v.get(label).and_then(|x| x.as_bool()),
        ) else {
            return Err(format!("bad row in {}: {line}", path.display()));
        };
        if l == lang {
            out.push((t.to_string(), positive));
        }
    }
    Ok(out)
}

/// The permissively licensed public rows of `lang` (../shared/data/anger, read
/// in place): (training rows, held-out rows), split as `linear::held_out`.
fn public_rows(root: &Path, lang: &str) -> Result<(Labelled, Labelled), String> {
    let path = root.join(format!("../../../shared/data/anger/{lang}.jsonl"));
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Ok((Vec::new(), Vec::new()));
    };
    let (mut train, mut test) = (Vec::new(), Vec::new());
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
        let (Some(t), Some(angry), Some(source)) = (
            v.get("text").and_then(|x| x.as_str()),
            v.get("angry").and_then(|x| x.as_bool()),
            v.get("source").and_then(|x| x.as_str()),
        ) else {
            continue;
        };
        if !linear::trainable_source(source) {
            continue;
        }
        if linear::held_out(t) {
            test.push((t.to_string(), angry));
        } else {
            train.push((t.to_string(), angry));
        }
    }
    Ok((train, test))
}

/// FNV-1a: a stable hash for the folds, independent of the crate's internals.
fn fold_hash(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Each row's probability from a model that did not train on it (5 folds).
fn cross_validate(name: &str, lang: &str, rows: &[Row]) -> Vec<f32> {
    let mut oof = vec![0f32; rows.len()];
    for fold in 0..FOLDS {
        let train_rows: Vec<&Row> = rows.iter().filter(|r| r.fold != fold).collect();
        let w = train(&train_rows);
        for (i, r) in rows.iter().enumerate() {
            if r.fold == fold && !r.public {
                oof[i] = w.probability(&r.features);
            }
        }
    }
    let scored: Vec<(f32, bool)> = oof
        .iter()
        .zip(rows)
        .filter(|(_, r)| !r.public)
        .map(|(&p, r)| (p, r.positive))
        .collect();
    let positives = scored.iter().filter(|s| s.1).count().max(1) as f64;
    let negatives = scored.iter().filter(|s| !s.1).count().max(1) as f64;
    let mut line = format!("{name} {lang} cross-validated (threshold: P/R/false alarms):");
    for t in [0.5f32, 0.6, 0.7, 0.8, 0.9] {
        let tp = scored.iter().filter(|s| s.1 && s.0 >= t).count() as f64;
        let fp = scored.iter().filter(|s| !s.1 && s.0 >= t).count() as f64;
        line.push_str(&format!(
            "  {t:.1}: {:.3}/{:.3}/{:.3}",
            tp / (tp + fp).max(1.0),
            tp / positives,
            fp / negatives
        ));
    }
    println!("{line}");
    oof
}

/// How rules and model combine, on rows the rules were never tuned on, with the
/// model's cross-validated probability: a text is flagged when the rules flag it
/// and the model gives at least `veto`, or the model gives at least `t`.
fn stacking(name: &str, rows: &[(&str, f32, bool, bool)]) {
    if rows.is_empty() {
        println!("{name}: no rows unseen by the rules (train/): no stacking table");
        return;
    }
    let measure = |t: f32, veto: f32, lang: Option<&str>| {
        let (mut tp, mut fp, mut pos, mut neg) = (0.0, 0.0, 0.0, 0.0);
        for &(l, p, rules, positive) in rows {
            if lang.is_some_and(|x| x != l) {
                continue;
            }
            let flagged = (rules && p >= veto) || p >= t;
            if positive {
                pos += 1.0;
                tp += f64::from(u8::from(flagged));
            } else {
                neg += 1.0;
                fp += f64::from(u8::from(flagged));
            }
        }
        let precision = tp / f64::max(tp + fp, 1.0);
        let recall = tp / f64::max(pos, 1.0);
        let f1 = 2.0 * precision * recall / f64::max(precision + recall, 1e-9);
        (precision, recall, fp / f64::max(neg, 1.0), f1)
    };
    let (p, r, fa, f1) = measure(2.0, 0.0, None);
    println!(
        "{name} stacking on {} unseen rows — rules alone: P {p:.3} R {r:.3} false alarms {fa:.3} F1 {f1:.3}",
        rows.len()
    );
    for veto in [0.0f32, 0.1, 0.2, 0.3, 0.4] {
        let mut line = format!("  veto {veto:.2}:");
        for t in [0.5f32, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9] {
            let (p, r, fa, f1) = measure(t, veto, None);
            line.push_str(&format!(" t{t:.2} {p:.2}/{r:.2}/{fa:.2}/{f1:.2}"));
        }
        println!("{line}");
    }
    // The rule each model's combination is chosen by (see linear::ANGER, TONE).
    let mut best: Option<(f64, f32, f32)> = None;
    for veto in [0.0f32, 0.1, 0.2, 0.3, 0.4] {
        for t in [0.5f32, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9] {
            let (_, r, fa, f1) = measure(t, veto, None);
            // At most 5 % of calm mails (fine drafts) flagged; then the best
            // F1 for anger, the best recall for tone.
            let goal = if name == "anger" { f1 } else { r };
            if fa <= 0.05 && best.is_none_or(|b| goal > b.0 + 1e-9) {
                best = Some((goal, t, veto));
            }
        }
    }
    let committed = if name == "anger" {
        linear::ANGER
    } else {
        linear::TONE
    };
    match best {
        Some((_, t, veto)) => {
            let (p, r, fa, f1) = measure(t, veto, None);
            println!(
                "{name} chosen ({}): threshold {t:.2}, veto {veto:.2} → P {p:.3} R {r:.3} false alarms {fa:.3} F1 {f1:.3}{}",
                if name == "anger" {
                    "best F1 with false alarms ≤ 5 %"
                } else {
                    "best recall with false alarms ≤ 5 %"
                },
                if (committed.threshold - t).abs() > 1e-6 || (committed.veto - veto).abs() > 1e-6 {
                    format!(
                        " — linear.rs has threshold {:.2}, veto {:.2}: update it",
                        committed.threshold, committed.veto
                    )
                } else {
                    " (as in linear.rs)".to_string()
                }
            );
        }
        None => println!("{name}: no combination meets the rule"),
    }
    let (t, veto) = best.map_or((2.0, 0.0), |b| (b.1, b.2));
    for lang in LANGUAGES {
        let (p, r, fa, f1) = measure(2.0, 0.0, Some(lang));
        let (cp, cr, cfa, cf1) = measure(t, veto, Some(lang));
        println!(
            "  {lang}: rules P/R/FA/F1 {p:.2}/{r:.2}/{fa:.2}/{f1:.2}; chosen {cp:.2}/{cr:.2}/{cfa:.2}/{cf1:.2}"
        );
    }
}

fn train(rows: &[&Row]) -> Weights {
    let mut w = Weights {
        bias: 0.0,
        buckets: vec![0.0; BUCKETS],
    };
    // Adagrad accumulators: buckets, then the bias.
    let mut g2 = vec![1e-6f32; BUCKETS + 1];
    let mut order: Vec<usize> = (0..rows.len()).collect();
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    for _ in 0..EPOCHS {
        // Fisher–Yates with a fixed xorshift: deterministic.
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        for &i in &order {
            let r = rows[i];
            let err = (w.probability(&r.features) - if r.positive { 1.0 } else { 0.0 }) * r.weight;
            let n = (r.features.len().max(1) as f32).sqrt();
            for f in &r.features {
                let b = f.bucket as usize;
                let g = err / n + L2 * w.buckets[b];
                g2[b] += g * g;
                w.buckets[b] -= RATE * g / g2[b].sqrt();
            }
            g2[BUCKETS] += err * err;
            w.bias -= RATE * err / g2[BUCKETS].sqrt();
        }
    }
    w
}
