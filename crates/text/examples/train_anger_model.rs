//! Trains the linear anger model kept beside the hand-written signals (issue 8)
//! and writes `crates/text/src/anger_model.bin`.
//!
//!     cargo run --release -p kindly-text --example train_anger_model
//!
//! Data: `../shared/data/anger/{et,ru,en,de}.jsonl`, read in place, only the
//! rows whose `source` is permissively licensed (see
//! `anger_model::trainable_source`) and not held out (`anger_model::held_out`).
//! Logistic regression, L2-regularised, fitted by Adagrad over a fixed number of
//! passes in file order with a fixed shuffle: the same data give the same weights.

use std::path::PathBuf;

use kindly_text::anger_model::{
    BUCKETS, LANGUAGES, Weights, encode, features, held_out, trainable_source,
};

const EPOCHS: usize = 25;
const RATE: f32 = 0.3;
const L2: f32 = 1e-5;

struct Row {
    buckets: Vec<u32>,
    hand: f32,
    angry: bool,
}

fn main() -> Result<(), String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let data = root.join("../../../shared/data/anger");
    let mut models = Vec::new();
    for lang in LANGUAGES {
        let path = data.join(format!("{lang}.jsonl"));
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let mut rows = Vec::new();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
            let (Some(t), Some(angry), Some(source)) = (
                v.get("text").and_then(|x| x.as_str()),
                v.get("angry").and_then(|x| x.as_bool()),
                v.get("source").and_then(|x| x.as_str()),
            ) else {
                return Err(format!("bad row in {}: {line}", path.display()));
            };
            if !trainable_source(source) || held_out(t) {
                continue;
            }
            let (buckets, hand) = features(t, lang);
            rows.push(Row {
                buckets,
                hand,
                angry,
            });
        }
        let w = train(&rows);
        let right = rows
            .iter()
            .filter(|r| (w.probability(&r.buckets, r.hand) >= 0.5) == r.angry)
            .count();
        println!(
            "{lang}: {} training rows ({} angry), accuracy on them {:.3}, hand weight {:.2}, bias {:.2}",
            rows.len(),
            rows.iter().filter(|r| r.angry).count(),
            right as f64 / rows.len().max(1) as f64,
            w.hand,
            w.bias
        );
        models.push(w);
    }
    let out = root.join("src/anger_model.bin");
    std::fs::write(&out, encode(&models)).map_err(|e| e.to_string())?;
    println!("wrote {}", out.display());
    Ok(())
}

fn train(rows: &[Row]) -> Weights {
    let mut w = Weights {
        bias: 0.0,
        hand: 0.0,
        buckets: vec![0.0; BUCKETS],
    };
    // Adagrad accumulators: buckets, then bias and hand.
    let mut g2 = vec![1e-6f32; BUCKETS + 2];
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
            let r = &rows[i];
            let p = w.probability(&r.buckets, r.hand);
            let err = p - if r.angry { 1.0 } else { 0.0 };
            let n = (r.buckets.len().max(1) as f32).sqrt();
            for &b in &r.buckets {
                let b = b as usize;
                let g = err / n + L2 * w.buckets[b];
                g2[b] += g * g;
                w.buckets[b] -= RATE * g / g2[b].sqrt();
            }
            let g = err;
            g2[BUCKETS] += g * g;
            w.bias -= RATE * g / g2[BUCKETS].sqrt();
            let g = err * r.hand;
            g2[BUCKETS + 1] += g * g;
            w.hand -= RATE * g / g2[BUCKETS + 1].sqrt();
        }
    }
    w
}
