//! Anger: a score in 0..1 and the signals that explain it.
//!
//! Every signal has a fixed weight; the weights are summed with a negative bias and
//! squashed with the logistic function, so a single insult or fraud accusation is
//! enough to call a mail angry, while "!!" or a lone "again" is not. The word lists
//! (in `mood_words`) are stems: `idiot*` matches "idiots" and "idiotic".

use std::sync::LazyLock;

use serde::Serialize;

use crate::language::detect_in;
use crate::lexicon::Lexicon;
use crate::mood_words::{self, Kind};
use crate::normalize::Tokens;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Mood {
    /// ISO 639-1 code of the language the text was read as, or `None`.
    pub language: Option<String>,
    pub anger: f32,
    pub angry: bool,
    /// Human-readable signals, e.g. "insult: idiots", "shouting: 3 words in capitals", "!!!".
    pub signals: Vec<String>,
}

/// `anger` at or above this is `angry`.
pub const ANGRY_THRESHOLD: f32 = 0.5;

/// Bias of the logistic squash: with no signal, anger is about 0.09.
const BIAS: f32 = -2.3;

impl Kind {
    /// Weight of the first match of this kind, and of each further distinct match.
    fn weights(self) -> (f32, f32) {
        match self {
            Kind::Insult => (2.4, 1.0),
            Kind::Fraud => (2.4, 0.8),
            Kind::Threat => (2.3, 0.8),
            Kind::Profanity => (1.6, 0.6),
            Kind::AngerWord => (2.3, 0.6),
            Kind::Nudge => (1.2, 0.5),
        }
    }

    fn label(self) -> &'static str {
        match self {
            Kind::Insult => "insult",
            Kind::Fraud => "fraud accusation",
            Kind::Threat => "threat",
            Kind::Profanity => "profanity",
            Kind::AngerWord => "anger word",
            Kind::Nudge => "repeated nudge",
        }
    }
}

/// Further matches of one kind beyond the first that still add weight.
const MAX_EXTRA: usize = 2;

const STILL_NOT_WEIGHT: f32 = 1.0;
const EMOJI_WEIGHT: f32 = 1.4;

struct Language {
    words: Lexicon<Kind>,
    /// "still", "again", "immer noch", "до сих пор", "ikka" ...
    still: Lexicon<()>,
    negations: &'static [&'static str],
}

static LANGUAGES: LazyLock<[(&'static str, Language); 4]> = LazyLock::new(|| {
    mood_words::LANGUAGES.map(|(code, list)| {
        (
            code,
            Language {
                words: Lexicon::new(list.words.iter().copied()),
                still: Lexicon::new(list.still.iter().map(|w| (*w, ()))),
                negations: list.negations,
            },
        )
    })
});

fn language(code: &str) -> Option<&'static Language> {
    LANGUAGES.iter().find(|(c, _)| *c == code).map(|(_, l)| l)
}

/// Reads the mood of `text`. `lang` forces the language (ISO 639-1); otherwise it is
/// detected. A language without word lists (or none detected) gets only the
/// language-independent signals: capitals, "!!!"/"?!" and angry emoji.
pub fn mood(text: &str, lang: Option<&str>) -> Mood {
    let tokens = Tokens::new(text);
    let code: Option<String> = match lang {
        Some(l) => Some(l.to_ascii_lowercase()),
        None => detect_in(text, &tokens).map(str::to_string),
    };
    let mut score = Score::default();
    if let Some(lang) = code.as_deref().and_then(language) {
        word_signals(text, &tokens, lang, &mut score);
    }
    shouting(&tokens, &mut score);
    punctuation(text, &mut score);
    let anger = 1.0 / (1.0 + (-(BIAS + score.sum)).exp());
    Mood {
        language: code,
        anger,
        angry: anger >= ANGRY_THRESHOLD,
        signals: score.signals,
    }
}

#[derive(Default)]
struct Score {
    sum: f32,
    signals: Vec<String>,
}

impl Score {
    fn add(&mut self, weight: f32, signal: String) {
        self.sum += weight;
        self.signals.push(signal);
    }
}

fn quote<'t>(text: &'t str, tokens: &Tokens, start: usize, end: usize) -> &'t str {
    let (Some(a), Some(b)) = (
        tokens.span(start),
        end.checked_sub(1).and_then(|e| tokens.span(e)),
    ) else {
        return "";
    };
    text.get(a.original.0..b.original.1).unwrap_or("")
}

fn word_signals(text: &str, tokens: &Tokens, lang: &Language, score: &mut Score) {
    let mut seen: Vec<(Kind, &str)> = Vec::new();
    let mut covered_until = 0usize;
    lang.words.for_each(tokens, |hit| {
        let folded_first = tokens.word(hit.start);
        // A longer phrase already counted this word; and one word counts once per kind.
        if hit.start < covered_until
            || seen
                .iter()
                .any(|(k, w)| *k == hit.value && *w == folded_first)
        {
            return;
        }
        covered_until = hit.end;
        let n = seen.iter().filter(|(k, _)| *k == hit.value).count();
        seen.push((hit.value, folded_first));
        let (first, extra) = hit.value.weights();
        let weight = match n {
            0 => first,
            n if n <= MAX_EXTRA => extra,
            _ => 0.0,
        };
        let phrase = quote(text, tokens, hit.start, hit.end);
        score.add(weight, format!("{}: {phrase}", hit.value.label()));
    });

    // "still" / "again" followed closely by a negation: "still doesn't work".
    let mut found: Option<(usize, usize)> = None;
    lang.still.for_each(tokens, |hit| {
        if found.is_some() {
            return;
        }
        let window = hit.end..(hit.end + 4).min(tokens.len());
        if let Some(neg) = window
            .into_iter()
            .find(|&i| is_negation(tokens.word(i), lang.negations))
        {
            found = Some((hit.start.min(neg), hit.end.max(neg + 1)));
        }
    });
    if let Some((a, b)) = found {
        score.add(
            STILL_NOT_WEIGHT,
            format!("still not: {}", quote(text, tokens, a, b)),
        );
    }
}

fn is_negation(word: &str, negations: &[&str]) -> bool {
    negations.contains(&word) || word.ends_with("n't")
}

fn shouting(tokens: &Tokens, score: &mut Score) {
    let mut words = 0usize;
    let mut capitals = 0usize;
    for span in tokens.spans() {
        if span.letters >= 2 {
            words += 1;
            if span.capitals == span.letters {
                capitals += 1;
            }
        }
    }
    if words == 0 {
        return;
    }
    let share = capitals as f32 / words as f32;
    if (capitals >= 3 && share >= 0.3) || capitals >= 8 {
        score.add(
            1.0 + share,
            format!("shouting: {capitals} words in capitals"),
        );
    }
}

fn punctuation(text: &str, score: &mut Score) {
    let mut longest_bang = String::new();
    let mut mixed: Option<String> = None;
    let mut questions = 0usize;
    let mut emoji: Option<char> = None;
    let mut run = String::new();
    let mut flush = |run: &mut String| {
        let bangs = run.chars().filter(|&c| c == '!').count();
        let qs = run.chars().filter(|&c| c == '?').count();
        if bangs >= 2 && bangs > longest_bang.chars().filter(|&c| c == '!').count() && qs == 0 {
            longest_bang = run.clone();
        }
        if bangs >= 1 && qs >= 1 && mixed.is_none() {
            mixed = Some(run.clone());
        }
        questions = questions.max(if bangs == 0 { qs } else { 0 });
        run.clear();
    };
    for c in text.chars() {
        match c {
            '!' | '?' | '！' | '？' => {
                if run.len() < 32 {
                    run.push(if c == '！' {
                        '!'
                    } else if c == '？' {
                        '?'
                    } else {
                        c
                    });
                }
            }
            _ => {
                if !run.is_empty() {
                    flush(&mut run);
                }
                if emoji.is_none() && matches!(c, '😡' | '🤬' | '😠' | '👿' | '💢' | '🖕')
                {
                    emoji = Some(c);
                }
            }
        }
    }
    if !run.is_empty() {
        flush(&mut run);
    }
    if !longest_bang.is_empty() {
        let n = longest_bang.chars().count();
        score.add(
            if n >= 3 { 1.2 } else { 0.9 },
            format!("exclamations: {longest_bang}"),
        );
    }
    if let Some(m) = mixed {
        score.add(0.8, format!("exclamations: {m}"));
    }
    if questions >= 3 {
        score.add(0.5, format!("exclamations: {}", "?".repeat(questions)));
    }
    if let Some(e) = emoji {
        score.add(EMOJI_WEIGHT, format!("angry emoji: {e}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(m: &Mood, prefix: &str) -> bool {
        m.signals.iter().any(|s| s.starts_with(prefix))
    }

    #[test]
    fn calm_mail_is_calm() {
        let m = mood(
            "Hello, could you please send me the invoice for May? Thanks, Anna",
            None,
        );
        assert_eq!(m.language.as_deref(), Some("en"));
        assert!(!m.angry && m.anger < 0.2, "{m:?}");
        assert!(m.signals.is_empty());
    }

    #[test]
    fn insults_threats_and_shouting_explain_themselves() {
        let m = mood("Вы идиоты и мошенники! Подам в суд!!!", Some("ru"));
        assert!(m.angry, "{m:?}");
        assert!(m.signals.contains(&"insult: идиоты".to_string()), "{m:?}");
        assert!(has(&m, "fraud accusation: мошенники"), "{m:?}");
        assert!(has(&m, "threat: суд"), "{m:?}");
        assert!(has(&m, "exclamations: !!!"), "{m:?}");

        let m = mood(
            "THIS IS THE THIRD TIME I WRITE. I want a chargeback.",
            Some("en"),
        );
        assert!(
            m.angry && has(&m, "shouting: ") && has(&m, "threat: chargeback"),
            "{m:?}"
        );
        assert!(has(&m, "repeated nudge: THIRD TIME"), "{m:?}");
    }

    #[test]
    fn still_with_negation() {
        let m = mood("Die Rechnung ist immer noch nicht da.", Some("de"));
        assert!(has(&m, "still not: "), "{m:?}");
        let m = mood("Ma proovisin, aga see ikka ei tööta.", Some("et"));
        assert!(has(&m, "still not: ikka ei"), "{m:?}");
        let m = mood("Thanks, it is still fine.", Some("en"));
        assert!(!has(&m, "still not"), "{m:?}");
    }

    #[test]
    fn unknown_language_uses_only_independent_signals() {
        let m = mood("IDIOTS IDIOTS IDIOTS!!!", Some("xx"));
        assert_eq!(m.language.as_deref(), Some("xx"));
        assert!(!has(&m, "insult"));
        assert!(has(&m, "shouting") && has(&m, "exclamations"));
        let m = mood("", None);
        assert_eq!(m.language, None);
        assert!(!m.angry && m.signals.is_empty());
    }

    #[test]
    fn one_word_counts_once() {
        let once = mood("scam", Some("en"));
        let twice = mood("scam scam scam", Some("en"));
        assert!((once.anger - twice.anger).abs() < 1e-6);
    }

    #[test]
    fn anger_is_bounded() {
        let m = mood(
            "IDIOTS!!! SCAM!!! FRAUD!!! LAWYER POLICE CHARGEBACK fuck shit useless morons ?!",
            Some("en"),
        );
        assert!(m.anger > 0.99 && m.anger <= 1.0);
    }
}
