//! Small linear text classifiers beside the hand-written rules (issue 8): logistic
//! regression over hashed features of a text's words, one weight vector per
//! language, compiled into the binary (no download, no lazy file read).
//!
//! Two models: [`Task::Anger`] (is a customer's mail angry or threatening?) and
//! [`Task::Tone`] (does an agent's draft blame, lecture or scold?). Both are
//! trained by `cargo run --release -p kindly-text --example train_models` on our
//! own labelled support-style rows (never on a blind set), and each only ever
//! *adds* to its hand-written detector: `mood()` and `tone()` flag a text when
//! their rules do or when the model is confident, and say which words made the
//! model fire.

use std::sync::LazyLock;

use crate::normalize::Tokens;
use crate::similarity::Stemmers;

/// Hash buckets per language.
pub const BUCKETS: usize = 1 << 15;
/// The languages with weights, in file order.
pub const LANGUAGES: [&str; 4] = ["et", "ru", "en", "de"];
const MAGIC: &[u8; 4] = b"KLM1";

/// What a model decides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Task {
    Anger,
    Tone,
}

/// Which kinds of features a text yields (bits); [`DEFAULT_FEATURES`] is what the
/// committed models use.
pub mod feature {
    /// The stem of each word (the word itself with [`RAW_WORDS`]).
    pub const STEMS: u8 = 1;
    /// Pairs of neighbouring stems.
    pub const BIGRAMS: u8 = 2;
    /// Letter 4-grams inside each word (with its edges): inflected forms the
    /// stemmer misses still share most of them.
    pub const CHARS: u8 = 4;
    /// The first four letters of each word.
    pub const PREFIXES: u8 = 8;
    /// The text's shape: asks a question, has "!!", has a word in capitals.
    pub const SHAPE: u8 = 16;
    /// Words as written (folded) instead of stems, for unigrams and pairs: no
    /// stemmer runs (the letter 4-grams carry the inflections).
    pub const RAW_WORDS: u8 = 32;
}
/// The feature kinds the committed weights were trained with.
/// Words as written rather than stems: on our rows they score the same within
/// noise (cross-validated stacking F1 anger .86–.88 either way, tone .83–.85),
/// and skipping the stemmer saves 40 % of the features' cost.
pub const DEFAULT_FEATURES: u8 =
    feature::STEMS | feature::RAW_WORDS | feature::BIGRAMS | feature::CHARS | feature::SHAPE;

/// One feature of a text: its bucket and the word (index) it came from, so a
/// decision can name the words behind it ([`NO_WORD`] for the text's shape).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Feature {
    pub bucket: u32,
    pub word: usize,
}

/// The word index of a feature that belongs to no word.
pub const NO_WORD: usize = usize::MAX;

/// The features of `text` read as `lang` with the default feature kinds.
pub fn features(text: &str, lang: &str) -> (Vec<Feature>, Vec<String>) {
    features_with(text, lang, DEFAULT_FEATURES)
}

/// The features of `text` read as `lang`, of the kinds in `set` (see [`feature`]),
/// and the text's words as written. Words with digits are skipped (order numbers, sums).
pub fn features_with(text: &str, lang: &str, set: u8) -> (Vec<Feature>, Vec<String>) {
    features_of(text, &Tokens::new(text), lang, set)
}

fn features_of(text: &str, tokens: &Tokens, lang: &str, set: u8) -> (Vec<Feature>, Vec<String>) {
    let mut stemmers: Option<Stemmers> = None;
    let mut out = Vec::with_capacity(tokens.len() * 10);
    let mut words = Vec::with_capacity(tokens.len());
    let mut prev: Option<String> = None;
    // The word between edge marks, reused: "<word>".
    let mut edged = String::with_capacity(32);
    let mut bounds: Vec<usize> = Vec::with_capacity(32);
    for (i, word) in tokens.words().enumerate() {
        if word.chars().any(|c| c.is_ascii_digit()) {
            prev = None;
            continue;
        }
        let index = words.len();
        // The word as the text has it (not folded), to name it in a signal.
        let original = tokens
            .span(i)
            .and_then(|s| text.get(s.original.0..s.original.1))
            .unwrap_or(word);
        words.push(original.to_string());
        let mut push = |hash: u64| {
            out.push(Feature {
                bucket: (hash % BUCKETS as u64) as u32,
                word: index,
            })
        };
        let stem = if set & feature::RAW_WORDS != 0 {
            word.to_string()
        } else {
            stemmers
                .get_or_insert_with(|| Stemmers::for_lang(Some(lang)))
                .stem(word)
        };
        if set & feature::STEMS != 0 {
            push(hash(b's', &[&stem]));
        }
        if set & feature::BIGRAMS != 0
            && let Some(p) = &prev
        {
            push(hash(b'b', &[p, " ", &stem]));
        }
        if set & feature::PREFIXES != 0 {
            let end = word.char_indices().nth(4).map_or(word.len(), |(i, _)| i);
            push(hash(b'p', &[word.get(..end).unwrap_or(word)]));
        }
        if set & feature::CHARS != 0 {
            edged.clear();
            edged.push('<');
            edged.push_str(word);
            edged.push('>');
            bounds.clear();
            bounds.extend(edged.char_indices().map(|(i, _)| i));
            bounds.push(edged.len());
            for w in bounds.windows(5) {
                push(hash(b'c', &[edged.get(w[0]..w[4]).unwrap_or("")]));
            }
        }
        prev = Some(stem);
    }
    if set & feature::SHAPE != 0 {
        let capitals = text
            .split(|c: char| !c.is_alphabetic())
            .any(|w| w.chars().count() >= 3 && w.chars().all(|c| c.is_uppercase()));
        for (present, tag) in [
            (text.contains('?'), "question"),
            (text.contains("!!"), "exclamations"),
            (capitals, "capitals"),
        ] {
            if present {
                out.push(Feature {
                    bucket: (hash(b'x', &[tag]) % BUCKETS as u64) as u32,
                    word: NO_WORD,
                });
            }
        }
    }
    // Each bucket once, the first feature that hit it kept: a bit per bucket
    // (4 KB) is cheaper than sorting a few thousand features.
    let mut seen = vec![0u64; BUCKETS / 64];
    out.retain(|f| {
        let (word, bit) = (f.bucket as usize / 64, 1u64 << (f.bucket % 64));
        match seen.get_mut(word) {
            Some(w) if *w & bit == 0 => {
                *w |= bit;
                true
            }
            _ => false,
        }
    });
    (out, words)
}

/// FNV-1a over a kind tag and the parts, then a final mix: stable across
/// builds and platforms, as the committed weights need.
fn hash(tag: u8, parts: &[&str]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for b in std::iter::once(tag).chain(parts.iter().flat_map(|p| p.bytes())) {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h ^= h >> 29;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^ (h >> 32)
}

/// Public rows (../shared/data/anger) kept out of training, for evaluation:
/// every fifth by a hash of the text.
pub fn held_out(text: &str) -> bool {
    hash(b'h', &[text]).is_multiple_of(5)
}

/// Public sources whose licence lets trained weights be committed (MIT, CC BY
/// 4.0, Apache-2.0): davidson2017, germeval2018, xed-*, cedr-*; never the GPL
/// `ekt1-valence`.
pub fn trainable_source(source: &str) -> bool {
    source == "davidson2017"
        || source == "germeval2018"
        || source.starts_with("xed-")
        || source.starts_with("cedr-")
}

/// Weights of one language.
#[derive(Clone, Debug, PartialEq)]
pub struct Weights {
    pub bias: f32,
    pub buckets: Vec<f32>,
}

impl Weights {
    /// The raw score (before the sigmoid): bias plus the features' weights,
    /// scaled by one over the square root of their number.
    pub fn score(&self, features: &[Feature]) -> f32 {
        let n = (features.len().max(1) as f32).sqrt();
        self.bias + features.iter().map(|f| self.weight(f.bucket)).sum::<f32>() / n
    }

    /// The probability that a text with `features` is positive.
    pub fn probability(&self, features: &[Feature]) -> f32 {
        sigmoid(self.score(features))
    }

    pub fn weight(&self, bucket: u32) -> f32 {
        self.buckets.get(bucket as usize).copied().unwrap_or(0.0)
    }
}

pub fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

/// The file: "KLM1", then per language (in [`LANGUAGES`] order) bias and scale
/// as little-endian f32, and [`BUCKETS`] weights as i8 times the scale.
pub fn encode(models: &[Weights]) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    for w in models {
        let max = w.buckets.iter().fold(0f32, |m, x| m.max(x.abs()));
        let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
        for v in [w.bias, scale] {
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
        let mut f = [0f32; 2];
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
            buckets: ws.iter().map(|&b| f32::from(b as i8) * f[1]).collect(),
        });
    }
    rest.is_empty().then_some(models)
}

static ANGER_WEIGHTS: LazyLock<Option<Vec<Weights>>> =
    LazyLock::new(|| decode(include_bytes!("linear_anger.bin")));
static TONE_WEIGHTS: LazyLock<Option<Vec<Weights>>> =
    LazyLock::new(|| decode(include_bytes!("linear_tone.bin")));

fn weights(task: Task, lang: &str) -> Option<&'static Weights> {
    let i = LANGUAGES.iter().position(|l| *l == lang)?;
    let models = match task {
        Task::Anger => &*ANGER_WEIGHTS,
        Task::Tone => &*TONE_WEIGHTS,
    };
    models.as_ref()?.get(i)
}

/// A model's verdict on one text.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    pub probability: f32,
    /// The words that pushed the score up most, strongest first (at most three).
    pub words: Vec<String>,
}

/// The model's verdict on `text` in `lang`; `None` for a language without weights.
pub fn judge(task: Task, text: &str, lang: &str) -> Option<Verdict> {
    judge_tokens(task, text, &Tokens::new(text), lang)
}

/// [`judge`] on a text already split into `tokens` (the rules' own).
fn judge_tokens(task: Task, text: &str, tokens: &Tokens, lang: &str) -> Option<Verdict> {
    let w = weights(task, lang)?;
    let (features, words) = features_of(text, tokens, lang, DEFAULT_FEATURES);
    let probability = w.probability(&features);
    let mut per_word = vec![0f32; words.len()];
    for f in &features {
        if let Some(x) = per_word.get_mut(f.word) {
            *x += w.weight(f.bucket);
        }
    }
    let mut order: Vec<usize> = (0..words.len()).filter(|&i| per_word[i] > 0.0).collect();
    order.sort_by(|&a, &b| per_word[b].total_cmp(&per_word[a]));
    let mut top: Vec<String> = Vec::new();
    for i in order {
        if top.len() == 3 {
            break;
        }
        if !top.contains(&words[i]) {
            top.push(words[i].clone());
        }
    }
    Some(Verdict {
        probability,
        words: top,
    })
}

/// The sentences of `text` with at least three letters, trimmed.
pub fn sentences(text: &str) -> Vec<&str> {
    text.split_inclusive(['.', '!', '?', '\n', '…'])
        .map(str::trim)
        .filter(|s| s.chars().filter(|c| c.is_alphabetic()).count() >= 3)
        .collect()
}

/// How the rules and a model combine: a text the rules flag stays flagged unless
/// the model's probability is below `veto` (the model is sure it is fine); a
/// text the rules let pass is flagged when the probability is at least
/// `threshold`. Both are chosen by `examples/train_models.rs` on rows the rules
/// were never tuned on (`tests/data/train/`), see its stacking table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Combination {
    pub threshold: f32,
    pub veto: f32,
}

/// Anger: chosen for the best F1 with at most 5 % of calm mails flagged.
pub const ANGER: Combination = Combination {
    threshold: 0.7,
    veto: 0.2,
};
/// Tone: chosen for the best recall with at most 5 % of fine drafts flagged.
pub const TONE: Combination = Combination {
    threshold: 0.75,
    veto: 0.1,
};

/// What the model changes about the rules' decision on one text.
#[derive(Clone, Debug, PartialEq)]
pub enum Say {
    /// Nothing: it agrees, or is not sure enough to overrule.
    Agree,
    /// The rules let the text pass; the model flags it.
    Flag(Verdict),
    /// The rules flag the text; the model is sure it is fine.
    Clear(Verdict),
}

/// The model's say about a text the rules did (`rules_flag`) or did not flag;
/// [`Say::Agree`] for a language without weights.
pub fn say(task: Task, text: &str, lang: &str, rules_flag: bool) -> Say {
    say_tokens(task, text, &Tokens::new(text), lang, rules_flag)
}

/// [`say`] on a text already split into `tokens` (the rules' own).
pub(crate) fn say_tokens(
    task: Task,
    text: &str,
    tokens: &Tokens,
    lang: &str,
    rules_flag: bool,
) -> Say {
    let Some(v) = judge_tokens(task, text, tokens, lang) else {
        return Say::Agree;
    };
    let c = match task {
        Task::Anger => ANGER,
        Task::Tone => TONE,
    };
    if rules_flag && v.probability < c.veto {
        Say::Clear(v)
    } else if !rules_flag && v.probability >= c.threshold {
        Say::Flag(v)
    } else {
        Say::Agree
    }
}

/// The tone model's finding on a draft it flags (`whole` is its verdict on the
/// whole draft): the sentence it scores highest, why, and a kinder way, in the
/// draft's language.
pub fn tone_finding(draft: &str, lang: &str, whole: &Verdict) -> crate::tone::ToneFinding {
    let mut best: Option<(f32, &str)> = None;
    for s in sentences(draft) {
        let p = judge(Task::Tone, s, lang).map_or(0.0, |v| v.probability);
        if best.is_none_or(|(bp, _)| p > bp) {
            best = Some((p, s));
        }
    }
    let phrase: String = best
        .map_or(draft.trim(), |(_, s)| s)
        .chars()
        .take(200)
        .collect();
    let words = whole
        .words
        .iter()
        .map(|w| format!("«{w}»"))
        .collect::<Vec<_>>()
        .join(", ");
    let (why, suggestion) = match lang {
        "de" => (
            format!("Klingt nach Vorwurf oder Belehrung des Kunden (Wörter wie {words})."),
            "Sagen Sie, was Sie jetzt für den Kunden tun, z. B. „Das können wir jetzt für Sie tun: …“.",
        ),
        "ru" => (
            format!("Звучит как упрёк или поучение клиенту (слова {words})."),
            "Напишите, что вы сделаете для клиента, например: «Вот что мы можем сделать прямо сейчас: …».",
        ),
        "et" => (
            format!("Kõlab kliendile etteheite või õpetamisena (sõnad {words})."),
            "Kirjutage, mida te kliendi heaks teete, näiteks: „Saame praegu teha järgmist: …“.",
        ),
        _ => (
            format!("Reads as blaming or lecturing the customer (words like {words})."),
            "Say what you will do for them, e.g. “Here is what we can do now: …”.",
        ),
    };
    crate::tone::ToneFinding {
        phrase,
        why,
        suggestion: suggestion.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_round_trips() {
        let w = Weights {
            bias: -0.5,
            buckets: (0..BUCKETS).map(|i| (i % 7) as f32 * 0.1 - 0.3).collect(),
        };
        let models = vec![w.clone(), w.clone(), w.clone(), w];
        let back = decode(&encode(&models)).unwrap_or_default();
        assert_eq!(back.len(), 4);
        assert!((back[0].buckets[6] - models[0].buckets[6]).abs() < 0.01);
        assert!((back[3].bias + 0.5).abs() < 1e-6);
        assert!(decode(b"KLM1 short").is_none());
        assert!(decode(&encode(&models)[..100]).is_none());
    }

    #[test]
    fn features_name_their_words_and_skip_numbers() {
        let (f, words) = features("Order 12345 was stolen, thieves!", "en");
        assert_eq!(words, vec!["Order", "was", "stolen", "thieves"]);
        assert!(f.iter().all(|x| x.word < words.len() || x.word == NO_WORD));
        let mut buckets: Vec<u32> = f.iter().map(|x| x.bucket).collect();
        buckets.sort_unstable();
        buckets.dedup();
        assert_eq!(buckets.len(), f.len(), "each bucket once");
        // Words as written and as stems differ ("stolen" → "stolen", "thieves" →
        // "thiev"): the default features do not stem.
        let (raw, _) = features_with("thieves", "en", feature::STEMS | feature::RAW_WORDS);
        let (stemmed, _) = features_with("thieves", "en", feature::STEMS);
        assert_ne!(raw[0].bucket, stemmed[0].bucket);
        let (stems_only, _) = features_with("Order was stolen", "en", feature::STEMS);
        assert_eq!(stems_only.len(), 3);
    }
}
