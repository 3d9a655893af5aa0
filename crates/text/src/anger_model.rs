//! A small linear anger model, kept beside the hand-written signals to compare
//! them (issue 8): logistic regression over hashed stemmed unigrams and bigrams
//! plus the hand-written score (its logit) as one more feature.
//!
//! The weights (`anger_model.bin`, compiled in) are trained by
//! `cargo run --release -p kindly-text --example train_anger_model` on the
//! permissively licensed sources of `../shared/data/anger` only (davidson2017
//! MIT; xed-* CC BY 4.0; germeval2018 CC BY 4.0; cedr-* Apache-2.0; never the
//! GPL ekt1-valence rows), with every fifth row (by a hash of its text) held
//! out for evaluation. `tests/anger_model_quality.rs` compares it with
//! [`crate::mood`]; it is not wired into `mood()` because it does not beat the
//! hand-written signals on our support mails (see that test for the figures).

use std::sync::LazyLock;

use crate::mood::mood;
use crate::normalize::Tokens;
use crate::similarity::{Stemmers, hash_str};

/// Hash buckets per language.
pub const BUCKETS: usize = 1 << 14;
/// The languages with weights, in file order.
pub const LANGUAGES: [&str; 4] = ["et", "ru", "en", "de"];
const MAGIC: &[u8; 4] = b"KAM1";

/// The features of `text` read as `lang`: sorted, distinct bucket numbers of its
/// stems and stem bigrams, and the hand-written anger as a logit (clipped).
pub fn features(text: &str, lang: &str) -> (Vec<u32>, f32) {
    let tokens = Tokens::new(text);
    let stemmers = Stemmers::for_lang(Some(lang));
    let mut buckets = Vec::with_capacity(tokens.len() * 2);
    let mut prev: Option<String> = None;
    for word in tokens.words() {
        if word.chars().any(|c| c.is_ascii_digit()) {
            prev = None;
            continue;
        }
        let stem = stemmers.stem(word);
        buckets.push(bucket(&stem));
        if let Some(p) = &prev {
            buckets.push(bucket(&format!("{p} {stem}")));
        }
        prev = Some(stem);
    }
    buckets.sort_unstable();
    buckets.dedup();
    let anger = mood(text, Some(lang)).anger.clamp(1e-4, 1.0 - 1e-4);
    let logit = (anger / (1.0 - anger)).ln().clamp(-4.0, 6.0);
    (buckets, logit)
}

/// The public rows kept out of training, for evaluation: every fifth by a hash
/// of the text, so the trainer and the tests agree without a list.
pub fn held_out(text: &str) -> bool {
    hash_str(text).is_multiple_of(5)
}

/// Sources whose licence lets trained weights be committed (MIT, CC BY 4.0,
/// Apache-2.0); `ekt1-valence` (GPL-3.0) is left out.
pub fn trainable_source(source: &str) -> bool {
    source == "davidson2017"
        || source == "germeval2018"
        || source.starts_with("xed-")
        || source.starts_with("cedr-")
}

fn bucket(s: &str) -> u32 {
    (hash_str(s) % BUCKETS as u64) as u32
}

/// Weights of one language.
#[derive(Clone, Debug, PartialEq)]
pub struct Weights {
    pub bias: f32,
    pub hand: f32,
    pub buckets: Vec<f32>,
}

impl Weights {
    /// The probability that `features` are angry.
    pub fn probability(&self, buckets: &[u32], hand_logit: f32) -> f32 {
        let n = (buckets.len().max(1) as f32).sqrt();
        let mut z = self.bias + self.hand * hand_logit;
        for &b in buckets {
            z += self.buckets.get(b as usize).copied().unwrap_or(0.0) / n;
        }
        1.0 / (1.0 + (-z).exp())
    }
}

/// The file: "KAM1", then per language (in [`LANGUAGES`] order) bias, hand
/// weight and scale as little-endian f32, and [`BUCKETS`] weights as i8 times
/// the scale.
pub fn encode(models: &[Weights]) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    for w in models {
        let max = w.buckets.iter().fold(0f32, |m, x| m.max(x.abs()));
        let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
        for v in [w.bias, w.hand, scale] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend(
            w.buckets
                .iter()
                .map(|x| (x / scale).round().clamp(-127.0, 127.0) as i8 as u8),
        );
    }
    out
}

/// Reads [`encode`]'s format; `None` when the bytes are not a whole file.
pub fn decode(bytes: &[u8]) -> Option<Vec<Weights>> {
    let mut rest = bytes.strip_prefix(MAGIC.as_slice())?;
    let mut models = Vec::new();
    for _ in LANGUAGES {
        let mut f = [0f32; 3];
        for v in &mut f {
            let (head, tail) = rest.split_first_chunk::<4>()?;
            *v = f32::from_le_bytes(*head);
            rest = tail;
        }
        if rest.len() < BUCKETS {
            return None;
        }
        let (ws, tail) = rest.split_at(BUCKETS);
        rest = tail;
        models.push(Weights {
            bias: f[0],
            hand: f[1],
            buckets: ws.iter().map(|&b| f32::from(b as i8) * f[2]).collect(),
        });
    }
    rest.is_empty().then_some(models)
}

static MODEL: LazyLock<Option<Vec<Weights>>> =
    LazyLock::new(|| decode(include_bytes!("anger_model.bin")));

/// The model's probability that `text` (in `lang`) is angry; `None` for a
/// language without weights.
pub fn anger_probability(text: &str, lang: &str) -> Option<f32> {
    let i = LANGUAGES.iter().position(|l| *l == lang)?;
    let weights = MODEL.as_ref()?.get(i)?;
    let (buckets, hand) = features(text, lang);
    Some(weights.probability(&buckets, hand))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_round_trips_and_loads() {
        let w = Weights {
            bias: -0.5,
            hand: 0.8,
            buckets: (0..BUCKETS).map(|i| (i % 7) as f32 * 0.1 - 0.3).collect(),
        };
        let models = vec![w.clone(), w.clone(), w.clone(), w];
        let back = decode(&encode(&models)).unwrap_or_default();
        assert_eq!(back.len(), 4);
        assert!((back[0].buckets[6] - models[0].buckets[6]).abs() < 0.01);
        assert!(decode(b"KAM1 short").is_none());
        assert!(MODEL.is_some(), "the committed weights load");
        assert!(anger_probability("You idiots stole my money!!!", "en").is_some());
        assert!(anger_probability("text", "fr").is_none());
    }
}
