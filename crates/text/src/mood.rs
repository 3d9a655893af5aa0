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
use crate::linear::Say;
use crate::mood_words::{self, Cue, Kind};
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
            Kind::Threat => (2.4, 0.8),
            Kind::Profanity => (1.6, 0.6),
            Kind::AngerWord => (2.3, 0.6),
            Kind::Nudge => (1.2, 0.5),
            Kind::Mention => (1.3, 0.4),
            Kind::Leave => (1.6, 1.1),
            Kind::Sarcasm => (1.3, 0.4),
            Kind::Exasperation => (1.4, 0.9),
            Kind::Warning => (1.4, 0.9),
            Kind::Rudeness => (1.3, 0.6),
            Kind::Calm => (-1.5, -0.5),
            Kind::Crime => (1.3, 0.6),
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
            Kind::Mention => "mention",
            Kind::Leave => "leaving",
            Kind::Sarcasm => "sarcasm",
            Kind::Exasperation => "exasperation",
            Kind::Warning => "warning",
            Kind::Rudeness => "rudeness",
            Kind::Calm => "calm",
            Kind::Crime => "mention",
        }
    }

    /// Kinds that a negation ("not angry at all") or a denial takes back.
    fn can_be_negated(self) -> bool {
        matches!(
            self,
            Kind::AngerWord
                | Kind::Threat
                | Kind::Fraud
                | Kind::Mention
                | Kind::Leave
                | Kind::Rudeness
                | Kind::Crime
        )
    }

    /// Kinds that a hedge right before them softens away ("a bit rude").
    fn can_be_hedged(self) -> bool {
        matches!(self, Kind::AngerWord | Kind::Rudeness)
    }
}

/// Further matches of one kind beyond the first that still add weight.
const MAX_EXTRA: usize = 2;

const STILL_NOT_WEIGHT: f32 = 1.0;
/// Praise in a mail that also reports trouble: "Great job. Third week without internet."
const SARCASM_TROUBLE_WEIGHT: f32 = 1.1;
/// Tokens before a word that a negation may stand in ("I am really not angry").
const NEGATION_WINDOW: usize = 3;
/// Tokens before a complaint word that a hedge may stand in ("a bit rude").
const HEDGE_WINDOW: usize = 2;
const EMOJI_WEIGHT: f32 = 1.4;
/// Tokens between a copula and a crime it names ("on üks suur skeem").
const COPULA_WINDOW: usize = 3;
/// Tokens after "thanks for" that a scare quote may start in.
const SCARE_QUOTE_WINDOW: usize = 6;
/// Tokens before a crime that "you" may stand in ("you have stolen", "Sie haben … gestohlen").
const ACTOR_WINDOW: usize = 3;
/// Praise among the first this many tokens of a sentence opens it ("Oi kui tore, …").
const OPENER_POSITION: usize = 3;
/// A sentence this short that holds a praise word is praise alone.
const LONE_PRAISE_WORDS: usize = 3;

struct Language {
    words: Lexicon<Kind>,
    /// "still", "again", "immer noch", "до сих пор", "ikka" ...
    still: Lexicon<()>,
    negations: &'static [&'static str],
    /// Negations that follow the word they take back: "pahameelt pole", "злости нет".
    negations_after: &'static [&'static str],
    cues: Lexicon<Cue>,
}

static LANGUAGES: LazyLock<[(&'static str, Language); 4]> = LazyLock::new(|| {
    mood_words::LANGUAGES.map(|(code, list)| {
        (
            code,
            Language {
                words: Lexicon::new(with_plain_spellings(code, list.words)),
                still: Lexicon::new(list.still.iter().map(|w| (*w, ()))),
                negations: list.negations,
                negations_after: list.negations_after,
                cues: Lexicon::new(with_plain_spellings(code, list.cues)),
            },
        )
    })
});

/// Each entry again as people type it on a keyboard without the language's letters:
/// German "ae", "oe", "ue", "ss" ("unfaehig"), Estonian without diacritics ("jalle",
/// "koik", and "y" for "ü": "ytles"). The extra spellings are built once, when the
/// lists are first used.
fn with_plain_spellings<T: Copy>(
    code: &str,
    list: &'static [(&'static str, T)],
) -> Vec<(&'static str, T)> {
    let table: &[(char, &str)] = match code {
        "de" => &[('ä', "ae"), ('ö', "oe"), ('ü', "ue"), ('ß', "ss")],
        "et" => &[
            ('õ', "o"),
            ('ä', "a"),
            ('ö', "o"),
            ('ü', "u"),
            ('š', "s"),
            ('ž', "z"),
        ],
        _ => &[],
    };
    let mut out = list.to_vec();
    for &(pattern, value) in list {
        if !pattern
            .chars()
            .any(|c| table.iter().any(|(from, _)| *from == c))
        {
            continue;
        }
        let mut plain = String::with_capacity(pattern.len());
        for c in pattern.chars() {
            match table.iter().find(|(from, _)| *from == c) {
                Some((_, to)) => plain.push_str(to),
                None => plain.push(c),
            }
        }
        // Estonian keyboards without "ü" often type "y" ("ytles", "yks").
        let y = (code == "et" && pattern.contains('ü')).then(|| plain.replace('u', "y"));
        let y = y.filter(|_| pattern.chars().filter(|&c| c == 'u').count() == 0);
        for spelling in [Some(plain), y].into_iter().flatten() {
            if !out.iter().any(|(p, _)| *p == spelling) {
                out.push((Box::leak(spelling.into_boxed_str()), value));
            }
        }
    }
    out
}

fn language(code: &str) -> Option<&'static Language> {
    LANGUAGES.iter().find(|(c, _)| *c == code).map(|(_, l)| l)
}

/// Reads the mood of `text`. `lang` forces the language (ISO 639-1); otherwise it is
/// detected. The hand-written rules ([`mood_by_rules`]) decide first, then the
/// linear anger model has its say ([`crate::linear::say`]): a mail the rules
/// find calm is angry when the model is confident, and a mail the rules call
/// angry is calm when the model is sure it is not; either way a signal says so
/// and names the words behind it.
pub fn mood(text: &str, lang: Option<&str>) -> Mood {
    let tokens = Tokens::new(text);
    let mut m = rules(text, &tokens, lang);
    let Some(code) = m.language.clone() else {
        return m;
    };
    match crate::linear::say_tokens(crate::linear::Task::Anger, text, &tokens, &code, m.angry) {
        Say::Agree => {}
        Say::Flag(v) => {
            m.anger = m.anger.max(v.probability);
            m.angry = m.anger >= ANGRY_THRESHOLD;
            m.signals.push(format!(
                "wording like angry mail: {} (model {:.2})",
                v.words.join(", "),
                v.probability
            ));
        }
        Say::Clear(v) => {
            // Just under the line: the rules' signals stay listed.
            m.anger = m.anger.min(ANGRY_THRESHOLD - 0.01);
            m.angry = false;
            m.signals.push(format!(
                "model reads it as calm ({:.2}) despite the signals above",
                v.probability
            ));
        }
    }
    m
}

/// The hand-written rules alone. A language without word lists (or none
/// detected) gets only the language-independent signals: capitals, "!!!"/"?!"
/// and angry emoji.
pub fn mood_by_rules(text: &str, lang: Option<&str>) -> Mood {
    rules(text, &Tokens::new(text), lang)
}

fn rules(text: &str, tokens: &Tokens, lang: Option<&str>) -> Mood {
    let code: Option<String> = match lang {
        Some(l) => Some(l.to_ascii_lowercase()),
        None => detect_in(text, tokens).map(str::to_string),
    };
    let mut score = Score::default();
    if let Some(lang) = code.as_deref().and_then(language) {
        word_signals(text, tokens, lang, &mut score);
    }
    let before = score.signals.len();
    shouting(text, tokens, &mut score);
    let shouted = score.signals.len() > before;
    let before = score.signals.len();
    punctuation(text, &mut score);
    let loud_punctuation = score.signals[before..]
        .iter()
        .any(|s| s.starts_with("exclamations: !!!") || s.starts_with("exclamations: ???"));
    // "!!" or "?!?!" is milder: only long words in capitals beside it count
    // ("Der Zählerstand ist FALSCH!!"), not acronyms ("IBAN", "PDF").
    let mild_punctuation = score.signals[before..].iter().any(|s| {
        s.strip_prefix("exclamations: ").is_some_and(|run| {
            run.starts_with("!!")
                || (run.contains('!') && run.contains('?') && run.chars().count() >= 3)
        })
    });
    if !shouted && loud_punctuation {
        emphasis(text, tokens, 3, &mut score);
    } else if !shouted && mild_punctuation {
        emphasis(text, tokens, MILD_EMPHASIS_LETTERS, &mut score);
    }
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

/// Where each token stands: its sentence and clause, whether the sentence asks a
/// question, and whether the token is inside quotation marks.
struct Layout {
    sentence: Vec<usize>,
    clause: Vec<usize>,
    question: Vec<bool>,
    quoted: Vec<bool>,
}

impl Layout {
    fn new(text: &str, tokens: &Tokens) -> Self {
        let quotes = quoted_ranges(text);
        let n = tokens.len();
        let mut layout = Layout {
            sentence: Vec::with_capacity(n),
            clause: Vec::with_capacity(n),
            question: Vec::new(),
            quoted: Vec::with_capacity(n),
        };
        let (mut s, mut c, mut prev_end) = (0usize, 0usize, 0usize);
        let mut asks: Vec<bool> = vec![false];
        let mut prev_word = "";
        for (i, span) in tokens.spans().iter().enumerate() {
            let gap = text.get(prev_end..span.original.0).unwrap_or("");
            if prev_end > 0
                && gap.contains(['.', '!', '?', ';', '\n', '…'])
                && !is_number_point(gap, prev_word)
            {
                if gap.contains('?') {
                    asks[s] = true;
                }
                s += 1;
                c += 1;
                asks.push(false);
            } else if prev_end > 0
                && (gap.contains([',', ':', '(', ')', '–', '—']) || gap.contains(" - "))
            {
                c += 1;
            }
            layout.sentence.push(s);
            layout.clause.push(c);
            layout.quoted.push(
                quotes
                    .iter()
                    .any(|&(a, b)| a <= span.original.0 && span.original.0 < b),
            );
            prev_end = span.original.1;
            prev_word = tokens.word(i);
        }
        if text.get(prev_end..).is_some_and(|rest| rest.contains('?'))
            && let Some(last) = asks.last_mut()
        {
            *last = true;
        }
        layout.question = layout.sentence.iter().map(|&s| asks[s]).collect();
        layout
    }
}

/// A point that ends no sentence: inside a number ("29.99") or after a day or an
/// ordinal ("am 3. März", "bis zum 15. nicht erstattet").
fn is_number_point(gap: &str, prev_word: &str) -> bool {
    let digits = !prev_word.is_empty() && prev_word.bytes().all(|b| b.is_ascii_digit());
    digits && (gap == "." || (prev_word.len() <= 2 && gap.trim() == "." && !gap.contains('\n')))
}

/// Byte ranges inside quotation marks: "…", “…”, „…“, «…», '…', ‚…‘. An apostrophe
/// inside a word ("don't") is not a quote; an unclosed quote marks nothing.
fn quoted_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut double: Option<usize> = None;
    let mut single: Option<usize> = None;
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let alnum_before = prev.is_some_and(char::is_alphanumeric);
        let alnum_after = next.is_some_and(char::is_alphanumeric);
        match c {
            '"' | '“' | '”' | '„' | '«' | '»' => {
                let opens = matches!(c, '„' | '«') || (double.is_none() && c != '»');
                match double {
                    Some(start) if !opens || matches!(c, '"' | '“' | '”') => {
                        out.push((start, i));
                        double = None;
                    }
                    None if opens => double = Some(i + c.len_utf8()),
                    _ => {}
                }
            }
            '\'' | '‘' | '’' | '‚' => {
                if alnum_before && alnum_after {
                    // an apostrophe inside a word
                } else if single.is_none() && !alnum_before && alnum_after {
                    single = Some(i + c.len_utf8());
                } else if let Some(start) = single.filter(|_| !alnum_after) {
                    out.push((start, i));
                    single = None;
                }
            }
            _ => {}
        }
        prev = Some(c);
    }
    out
}

fn word_signals(text: &str, tokens: &Tokens, lang: &Language, score: &mut Score) {
    let layout = Layout::new(text, tokens);
    // Context cues, by token.
    let mut intent_sentences: Vec<usize> = Vec::new();
    let mut hedge_ends: Vec<usize> = Vec::new();
    let mut reported_from: Vec<(usize, usize)> = Vec::new(); // (sentence, first token)
    let mut denied_from: Vec<(usize, usize)> = Vec::new(); // (sentence, first token)
    let mut trouble = false;
    let mut copula_ends: Vec<usize> = Vec::new();
    let mut grievance = false;
    let mut thanks_ends: Vec<usize> = Vec::new();
    let mut praise: Vec<(usize, usize)> = Vec::new();
    let mut promises: Vec<usize> = Vec::new();
    let mut staff: Vec<usize> = Vec::new(); // sentences
    let mut trouble_in: Vec<usize> = Vec::new(); // sentences
    lang.cues.for_each(tokens, |cue| match cue.value {
        Cue::Staff => staff.push(layout.sentence[cue.start]),
        Cue::Intent => intent_sentences.push(layout.sentence[cue.start]),
        Cue::Copula => copula_ends.push(cue.end),
        Cue::Grievance => grievance = true,
        Cue::Thanks => thanks_ends.push(cue.end),
        Cue::Praise => praise.push((cue.start, cue.end)),
        Cue::Promise => promises.push(cue.start),
        Cue::Trouble => {
            trouble = true;
            trouble_in.push(layout.sentence[cue.start]);
        }
        Cue::Hedge => hedge_ends.push(cue.end),
        Cue::Report => {
            let by_customer = cue.start.checked_sub(1).is_some_and(|i| {
                matches!(
                    tokens.word(i),
                    "i" | "you"
                        | "we"
                        | "ich"
                        | "wir"
                        | "я"
                        | "вы"
                        | "мы"
                        | "ma"
                        | "mina"
                        | "te"
                        | "me"
                )
            });
            if !by_customer {
                reported_from.push((layout.sentence[cue.start], cue.end));
            }
        }
        Cue::Denial => denied_from.push((layout.sentence[cue.start], cue.end)),
    });
    let negated_after = |end: usize| -> bool {
        end < tokens.len()
            && layout.clause[end] == layout.clause[end - 1]
            && !layout.question[end]
            && lang.negations_after.contains(&tokens.word(end))
    };
    // "this is theft": a crime named at most three words after a copula.
    let after_copula = |start: usize| {
        copula_ends.iter().any(|&end| {
            end <= start
                && start - end <= COPULA_WINDOW
                && layout.clause[end.saturating_sub(1)] == layout.clause[start]
        })
    };
    // "Are you ripping people off?" asks the reader: an accusation all the same.
    let about_reader = |start: usize| {
        (start.saturating_sub(COPULA_WINDOW + 1)..start).any(|i| {
            matches!(
                tokens.word(i),
                "you" | "sie" | "ihr" | "вы" | "ты" | "te" | "sa" | "teie"
            )
        })
    };
    // "Somebody on your end pocketed it", "you stole", "вы украли": the crime has
    // the company (or the reader) as its actor.
    let by_company = |start: usize| {
        staff.contains(&layout.sentence[start])
            || (start.saturating_sub(ACTOR_WINDOW)..start).any(|i| {
                layout.clause[i] == layout.clause[start]
                    && matches!(
                        tokens.word(i),
                        "you" | "you've" | "sie" | "ihr" | "вы" | "ты" | "te" | "sa" | "teie"
                    )
            })
    };
    // A sentence (or the one after it) with a phrase in scare quotes.
    let mut quoted_sentences: Vec<usize> = Vec::new();
    for (i, _) in layout.quoted.iter().enumerate().filter(|(_, q)| **q) {
        if quoted_sentences.last() != Some(&layout.sentence[i]) {
            quoted_sentences.push(layout.sentence[i]);
        }
    }
    let quote_near = |sentence: usize| {
        quoted_sentences
            .iter()
            .any(|&s| s == sentence || s == sentence + 1)
    };
    let negated = |start: usize| -> bool {
        let clause = layout.clause[start];
        let window = start.saturating_sub(NEGATION_WINDOW)..start;
        window.into_iter().any(|i| {
            layout.clause[i] == clause
                && is_negation(tokens.word(i), lang.negations)
                // "nothing but theft", "nothing short of fraud", "nichts anderes als
                // Diebstahl", "не что иное, как кража", "mitte muud kui" say it twice.
                && !(i + 1 < tokens.len()
                    && matches!(
                        (tokens.word(i), tokens.word(i + 1)),
                        ("nothing", "but" | "short")
                            | ("nichts", "anderes")
                            | ("не", "что" | "иное")
                            | ("mitte" | "midagi", "muud" | "midagi")
                    ))
        }) || denied_from
            .iter()
            .any(|&(s, from)| s == layout.sentence[start] && from <= start)
    };
    // A hedge reaches the HEDGE_WINDOW tokens after it.
    let hedged = |start: usize| {
        hedge_ends
            .iter()
            .any(|&end| end <= start && start < end + HEDGE_WINDOW)
    };
    let reported = |start: usize| {
        layout.quoted[start]
            || reported_from
                .iter()
                .any(|&(s, from)| s == layout.sentence[start] && from <= start)
    };

    let mut hits = Vec::new();
    lang.words.for_each(tokens, |hit| hits.push(hit));
    // A repeated nudge or exasperation ("fifth time", "from scratch") is trouble too.
    trouble |= hits
        .iter()
        .any(|hit| matches!(hit.value, Kind::Nudge | Kind::Exasperation) && !reported(hit.start));
    // "Thanks for the 'express delivery'": thanks with scare quotes after it in the
    // sentence is irony, and says by itself that something went wrong.
    let scare_thanks = thanks_ends.iter().find_map(|&end| {
        let sentence = layout.sentence.get(end.saturating_sub(1))?;
        if layout.quoted[end.saturating_sub(1)] {
            return None; // a quoted "Thanks for the help." in a dialogue
        }
        (end..tokens.len().min(end + SCARE_QUOTE_WINDOW))
            .take_while(|&i| layout.sentence[i] == *sentence)
            .find(|&i| layout.quoted[i])
            .map(|q| (end.saturating_sub(1), q))
    });
    trouble |= scare_thanks.is_some();
    // A promise in scare quotes ("the 'free' upgrade", "«быструю доставку»") was broken.
    trouble |= promises.iter().any(|&i| layout.quoted[i]);
    // A sentence of nothing but praise ("Stellar.", "Wirklich erstklassig.", "Браво,
    // так держать.") in a mail that reports trouble.
    let lone_praise = praise.iter().copied().find(|&(start, end)| {
        let s = layout.sentence[start];
        let words = layout.sentence.iter().filter(|&&x| x == s).count();
        words <= LONE_PRAISE_WORDS
            && !layout.question[start]
            && !layout.quoted[start]
            && !thanks_ends
                .iter()
                .any(|&e| layout.sentence[e.saturating_sub(1)] == s)
            && end <= tokens.len()
    });

    // "Brilliant, the 'fix' broke the login", "Ach wie schön, wieder ein …", "Ой как
    // здорово, опять …": praise opening a sentence, cut off by a comma, and in that
    // sentence or the next a nudge ("third month"), or scare quotes beside "again"
    // or trouble.
    // "still", "again", "wieder", "опять", "jälle": read once, for the praise opener
    // here and for "still not" below.
    let mut still_hits = Vec::new();
    lang.still.for_each(tokens, |hit| still_hits.push(hit));
    // A nudge that is more than "again" ("third month", "fifth email").
    let nudged: Vec<usize> = hits
        .iter()
        .filter(|_| !praise.is_empty())
        .filter(|hit| {
            matches!(hit.value, Kind::Nudge | Kind::Exasperation)
                && !reported(hit.start)
                && !still_hits.iter().any(|h| h.start == hit.start)
        })
        .map(|hit| layout.sentence[hit.start])
        .collect();
    let praise_opener = praise.iter().copied().find(|&(start, end)| {
        let s = layout.sentence[start];
        let first = layout.sentence.partition_point(|&x| x < s);
        start - first < OPENER_POSITION
            && end < tokens.len()
            && layout.clause[end] != layout.clause[end - 1]
            && !layout.question[start]
            && !layout.quoted[start]
            && !thanks_ends
                .iter()
                .any(|&e| layout.sentence[e.saturating_sub(1)] == s)
            && {
                let near = |x: usize| x == s || x == s + 1;
                let again = still_hits.iter().any(|h| near(layout.sentence[h.start]));
                let quoted = quote_near(s);
                let trouble = trouble_in.iter().any(|&n| near(n));
                nudged.iter().any(|&n| near(n)) || (quoted && (again || trouble))
            }
    });

    let mut seen: Vec<(Kind, &str)> = Vec::new();
    let mut covered_until = 0usize;
    let mut sarcasm_seen = false;
    for hit in hits {
        let folded_first = tokens.word(hit.start);
        // A longer phrase already counted this word; and one word counts once per kind.
        if hit.start < covered_until
            || seen
                .iter()
                .any(|(k, w)| *k == hit.value && *w == folded_first)
        {
            continue;
        }
        if reported(hit.start)
            || (hit.value.can_be_negated() && (negated(hit.start) || negated_after(hit.end)))
            || (hit.value.can_be_hedged() && hedged(hit.start))
        {
            covered_until = hit.end;
            continue;
        }
        let in_intent = intent_sentences.contains(&layout.sentence[hit.start])
            || (grievance && matches!(hit.value, Kind::Mention | Kind::Leave));
        // A crime asked about ("Kas see on pettus?", "это ведь мошенники?") is a question.
        if layout.question[hit.start]
            && (hit.value == Kind::Crime
                || (hit.value == Kind::Fraud
                    && after_copula(hit.start)
                    && !about_reader(hit.start)))
        {
            covered_until = hit.end;
            continue;
        }
        // A mention asked about ("Is this a scam?", "how do I dispute a payment if it
        // never arrives?") is a question, even with an "if … not" in it.
        if hit.value == Kind::Mention && layout.question[hit.start] {
            covered_until = hit.end;
            continue;
        }
        if hit.value == Kind::Sarcasm && !trouble && !quote_near(layout.sentence[hit.start]) {
            continue;
        }
        covered_until = hit.end;
        // Mentions and leaving said with intent weigh as a threat.
        let company_crime = hit.value == Kind::Crime
            && !after_copula(hit.start)
            && !in_intent
            && by_company(hit.start);
        let kind = if hit.value == Kind::Crime && (after_copula(hit.start) || company_crime) {
            Kind::Fraud
        } else if matches!(hit.value, Kind::Mention | Kind::Leave | Kind::Crime) && in_intent {
            Kind::Threat
        } else {
            hit.value
        };
        // A crime named and a mention are one kind of weak cue: a victim's "stolen …
        // reported to the police" adds up no faster than two mentions.
        let weak = |k: Kind| matches!(k, Kind::Mention | Kind::Crime);
        let n = seen
            .iter()
            .filter(|(k, _)| *k == kind || (weak(*k) && weak(kind)))
            .count();
        seen.push((kind, folded_first));
        let (first, extra) = kind.weights();
        let weight = match n {
            0 => first,
            n if n <= MAX_EXTRA => extra,
            _ => 0.0,
        };
        let phrase = quote(text, tokens, hit.start, hit.end);
        let label = if company_crime {
            "fraud accusation (by your side)"
        } else {
            kind.label()
        };
        score.add(weight, format!("{label}: {phrase}"));
        if kind == Kind::Sarcasm && !sarcasm_seen {
            sarcasm_seen = true;
            score.add(
                SARCASM_TROUBLE_WEIGHT,
                "sarcasm: praise beside a complaint".to_string(),
            );
        }
    }

    // Praise alone in a mail that thanks is just praise ("Perfect. Thanks!"),
    // unless the thanks itself is ironic.
    let lone_praise =
        lone_praise.filter(|_| trouble && (thanks_ends.is_empty() || scare_thanks.is_some()));
    let praise_opener = praise_opener.filter(|_| lone_praise.is_none());
    for (start, end, what) in [
        scare_thanks.map(|(a, b)| (a, b + 1, "thanks with scare quotes")),
        lone_praise.map(|(a, b)| (a, b, "praise alone")),
        praise_opener.map(|(a, b)| (a, b, "praise opening a complaint")),
    ]
    .into_iter()
    .flatten()
    {
        let (first, extra) = Kind::Sarcasm.weights();
        score.add(
            if sarcasm_seen { extra } else { first },
            format!("sarcasm ({what}): {}", quote(text, tokens, start, end)),
        );
        if !sarcasm_seen {
            sarcasm_seen = true;
            score.add(
                SARCASM_TROUBLE_WEIGHT,
                "sarcasm: praise beside a complaint".to_string(),
            );
        }
    }

    // "still" / "again" followed closely by a negation: "still doesn't work".
    let mut found: Option<(usize, usize)> = None;
    for hit in still_hits {
        if found.is_some() {
            break;
        }
        let window = hit.end..(hit.end + 4).min(tokens.len());
        if let Some(neg) = window
            .into_iter()
            .find(|&i| is_negation(tokens.word(i), lang.negations))
        {
            found = Some((hit.start.min(neg), hit.end.max(neg + 1)));
        }
    }
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

/// Words in capitals beside "!!!": "MIKS te saadate … ???", up to three of them.
/// Glad words do not count: "THANK YOU!!!", "AITÄH!!!".
fn emphasis(text: &str, tokens: &Tokens, min_letters: u16, score: &mut Score) {
    let loud: Vec<usize> = tokens
        .spans()
        .iter()
        .enumerate()
        .filter(|(i, s)| {
            s.letters >= min_letters && s.capitals == s.letters && !is_glad(tokens.word(*i))
        })
        .map(|(i, _)| i)
        .take(EMPHASIS_MAX)
        .collect();
    for i in loud {
        score.add(
            EMPHASIS_WEIGHT,
            format!("shouting: {}", quote(text, tokens, i, i + 1)),
        );
    }
}

/// The text asks: a "?" or a question word first.
fn asks(text: &str, tokens: &Tokens) -> bool {
    text.contains('?')
        || (!tokens.is_empty()
            && matches!(
                tokens.word(0),
                "what"
                    | "how"
                    | "why"
                    | "where"
                    | "when"
                    | "can"
                    | "is"
                    | "do"
                    | "mis"
                    | "miks"
                    | "kus"
                    | "kuidas"
                    | "kas"
                    | "что"
                    | "как"
                    | "где"
                    | "почему"
                    | "когда"
                    | "was"
                    | "wie"
                    | "wo"
                    | "warum"
                    | "wann"
            ))
}

/// A smiling face: ":)", ":D", "))", "😄".
fn has_glad_face(text: &str) -> bool {
    text.contains(":)")
        || text.contains(":D")
        || text.contains(":-)")
        || text.contains("))")
        || text.matches(')').count() > text.matches('(').count()
        || text.contains(['😄', '😊', '😃', '😀', '🙂', '😁', '😂', '❤', '😍'])
}

/// Words people shout for joy (folded).
fn is_glad(word: &str) -> bool {
    matches!(
        word,
        "thank"
            | "thanks"
            | "you"
            | "danke"
            | "dankeschön"
            | "vielen"
            | "dank"
            | "aitäh"
            | "aitah"
            | "tänan"
            | "tanan"
            | "спасибо"
            | "благодарю"
            | "большое"
            | "super"
            | "great"
            | "yes"
            | "yay"
            | "hurra"
            | "juhuu"
            | "ура"
            | "супер"
            | "love"
            | "best"
    )
}

fn shouting(text: &str, tokens: &Tokens, score: &mut Score) {
    let glad = has_glad_face(text);
    let mut words = 0usize;
    let mut capitals = 0usize;
    let mut long = 0usize;
    let mut long_all: Vec<&str> = Vec::new(); // distinct, 4+ letters, glad words too
    // The longest run of words in capitals one after another: (words, letters).
    let (mut run, mut run_letters, mut best_run) = (0usize, 0usize, (0usize, 0usize));
    let mut urgent: Option<usize> = None;
    for (i, span) in tokens.spans().iter().enumerate() {
        if span.letters >= 2 {
            words += 1;
            if span.capitals != span.letters {
                run = 0;
                run_letters = 0;
            }
            if span.capitals == span.letters {
                capitals += 1;
                run += 1;
                run_letters += usize::from(span.letters);
                if run > best_run.0 {
                    best_run = (run, run_letters);
                }
                if urgent.is_none() && is_urgent(tokens.word(i)) {
                    urgent = Some(i);
                }
                if span.letters >= 4 && !long_all.contains(&tokens.word(i)) {
                    long_all.push(tokens.word(i));
                }
                if span.letters >= 5 && !is_glad(tokens.word(i)) {
                    long += 1;
                }
            }
        }
    }
    if words == 0 {
        return;
    }
    let share = capitals as f32 / words as f32;
    // A smiley beside the capitals is glee, not shouting: "ТЫ НЕ СТРАШИЛИЩЕ)".
    let glee = if glad { 0.5 } else { 1.0 };
    // Caps lock on a plain question ("WHAT IS THE REASON FOR THAT") is a habit.
    let caps_lock_question = share >= 0.9 && !text.contains('!') && asks(text, tokens);
    // A short mail all in capitals ("ВЕРНИТЕ МОИ ДЕНЬГИ. НЕМЕДЛЕННО.") shouts as loud.
    let whole = capitals >= 5 || (long_all.len() >= 3 && share >= WHOLE_CAPS_SHARE);
    if whole && share >= 0.5 && !caps_lock_question {
        // A mail (nearly) all in capitals is shouting by itself.
        score.add(
            glee * (1.0 + 1.5 * share + 0.1 * capitals.min(8) as f32),
            format!("shouting: {capitals} words in capitals"),
        );
    } else if (capitals >= 3 && share >= 0.3) || capitals >= 8 {
        score.add(
            glee * (1.0 + share),
            format!("shouting: {capitals} words in capitals"),
        );
    } else if long >= 3 {
        // Several long words in capitals in a calm-looking sentence: "Mir fehlt ein
        // LEBENDER Mensch, der das Problem LÖST" (acronyms are mostly shorter).
        score.add(
            SCATTERED_CAPITALS_WEIGHT,
            format!("shouting: {long} long words in capitals"),
        );
    } else if best_run.0 >= 3 && best_run.1 >= CAPITALS_RUN_LETTERS {
        // A phrase shouted in a lower-case mail: "… EEMALDAGE MIND KOHE" (runs of
        // acronyms such as "ИНН КПП УПД" are shorter).
        score.add(
            glee * SCATTERED_CAPITALS_WEIGHT,
            format!("shouting: {} words in capitals in a row", best_run.0),
        );
    } else if let Some(i) = urgent {
        // "unsubscribe me NOW", "call me back TODAY", "SOFORT abmelden".
        score.add(
            glee * URGENT_CAPITALS_WEIGHT,
            format!("shouting: {}", quote(text, tokens, i, i + 1)),
        );
    }
}

/// Words of urgency that, typed in capitals, are shouted (folded).
fn is_urgent(word: &str) -> bool {
    matches!(
        word,
        "now"
            | "today"
            | "immediately"
            | "sofort"
            | "jetzt"
            | "heute"
            | "kohe"
            | "koheselt"
            | "täna"
            | "немедленно"
            | "сейчас"
            | "сегодня"
    )
}

/// Letters a run of 3+ words in capitals needs to be a shouted phrase.
const CAPITALS_RUN_LETTERS: usize = 12;
/// One word of urgency in capitals ("NOW", "SOFORT", "KOHE").
const URGENT_CAPITALS_WEIGHT: f32 = 1.0;

/// Share of words in capitals that makes a short mail (3+ distinct words of 4+
/// letters) shout.
const WHOLE_CAPS_SHARE: f32 = 0.9;
/// Several runs of "!!!" or "???" in one mail, beyond the longest.
const MORE_RUNS_WEIGHT: f32 = 0.6;
/// A word in capitals (3+ letters) in a mail that also has "!!!" or "???".
const EMPHASIS_WEIGHT: f32 = 0.7;
/// Letters a word in capitals needs to count beside a milder "!!" or "?!?!".
const MILD_EMPHASIS_LETTERS: u16 = 5;
/// Words in capitals counted beside "!!!".
const EMPHASIS_MAX: usize = 3;
/// Three or more long words in capitals in a mail that is otherwise not shouting.
const SCATTERED_CAPITALS_WEIGHT: f32 = 1.6;

fn punctuation(text: &str, score: &mut Score) {
    let mut longest_bang = String::new();
    let mut mixed: Option<String> = None;
    let mut questions = 0usize;
    let mut emoji: Option<char> = None;
    let mut runs = 0usize;
    let mut run = String::new();
    let mut flush = |run: &mut String| {
        let bangs = run.chars().filter(|&c| c == '!').count();
        let qs = run.chars().filter(|&c| c == '?').count();
        if bangs + qs >= 3 {
            runs += 1;
        }
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
    if runs >= 2 {
        score.add(
            MORE_RUNS_WEIGHT,
            format!("exclamations: {runs} runs of !!! or ???"),
        );
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
        let m = mood_by_rules(
            "Hello, could you please send me the invoice for May? Thanks, Anna",
            None,
        );
        assert_eq!(m.language.as_deref(), Some("en"));
        assert!(!m.angry && m.anger < 0.2, "{m:?}");
        assert!(m.signals.is_empty());
    }

    #[test]
    fn insults_threats_and_shouting_explain_themselves() {
        let m = mood_by_rules("Вы идиоты и мошенники! Подам в суд!!!", Some("ru"));
        assert!(m.angry, "{m:?}");
        assert!(m.signals.contains(&"insult: идиоты".to_string()), "{m:?}");
        assert!(has(&m, "fraud accusation: мошенники"), "{m:?}");
        assert!(has(&m, "threat: Подам в суд"), "{m:?}");
        assert!(has(&m, "exclamations: !!!"), "{m:?}");

        let m = mood_by_rules(
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
        let m = mood_by_rules("Die Rechnung ist immer noch nicht da.", Some("de"));
        assert!(has(&m, "still not: "), "{m:?}");
        let m = mood_by_rules("Ma proovisin, aga see ikka ei tööta.", Some("et"));
        assert!(has(&m, "still not: ikka ei"), "{m:?}");
        let m = mood_by_rules("Thanks, it is still fine.", Some("en"));
        assert!(!has(&m, "still not"), "{m:?}");
    }

    #[test]
    fn unknown_language_uses_only_independent_signals() {
        let m = mood_by_rules("IDIOTS IDIOTS IDIOTS!!!", Some("xx"));
        assert_eq!(m.language.as_deref(), Some("xx"));
        assert!(!has(&m, "insult"));
        assert!(has(&m, "shouting") && has(&m, "exclamations"));
        let m = mood_by_rules("", None);
        assert_eq!(m.language, None);
        assert!(!m.angry && m.signals.is_empty());
    }

    #[test]
    fn mentions_need_intent_and_negation_takes_back() {
        // A lawyer or a scam mentioned in passing is not a threat ...
        let m = mood_by_rules(
            "My lawyer is handling my father's estate. Which documents do you need?",
            Some("en"),
        );
        assert!(!m.angry, "{m:?}");
        let m = mood_by_rules("Is this SMS a scam? I did not answer it.", Some("en"));
        assert!(!m.angry, "{m:?}");
        // ... but said with intent it is, even politely.
        let m = mood_by_rules(
            "Unless the refund arrives by Friday, I will ask my lawyer to take over.",
            Some("en"),
        );
        assert!(m.angry && has(&m, "threat: lawyer"), "{m:?}");
        let m = mood_by_rules("Я совсем не злюсь, просто хочу понять сроки.", Some("ru"));
        assert!(!m.angry, "{m:?}");
        let m = mood_by_rules(
            "Mu naaber nimetas teid petturiteks, aga mina tahan lihtsalt arvet.",
            Some("et"),
        );
        assert!(!m.angry, "{m:?}");
        let m = mood_by_rules(
            "Der Fahrer rief „Sie Idiot“, sonst war alles gut.",
            Some("de"),
        );
        assert!(!m.angry, "{m:?}");
        let m = mood_by_rules(
            "Sollte das nicht bis Freitag behoben sein, wechsle ich zu einem anderen Anbieter.",
            Some("de"),
        );
        assert!(m.angry, "{m:?}");
    }

    #[test]
    fn exasperation_needs_company() {
        // One weak sign of exasperation is not anger ...
        let m = mood_by_rules(
            "Could I talk to a real person about my contract?",
            Some("en"),
        );
        assert!(!m.angry && has(&m, "exasperation: a real person"), "{m:?}");
        // ... beside a nudge it is.
        let m = mood_by_rules(
            "Sixth time I ask. Please read my previous emails before answering.",
            Some("en"),
        );
        assert!(m.angry, "{m:?}");
        // A rude courier described calmly is not an angry customer.
        let m = mood_by_rules(
            "Der Fahrer war unhöflich, das Paket ist aber heil.",
            Some("de"),
        );
        assert!(!m.angry && has(&m, "rudeness: unhöflich"), "{m:?}");
    }

    #[test]
    fn colloquial_negation_and_plain_spelling() {
        let m = mood_by_rules("Ich bin keineswegs wütend, nur neugierig.", Some("de"));
        assert!(!m.angry, "{m:?}");
        let m = mood_by_rules("Ich bin nich sauer, nur eine Frage.", Some("de"));
        assert!(!m.angry, "{m:?}");
        // "ue" for "ü", Estonian without diacritics.
        let m = mood_by_rules("Sie Luegner, wo ist mein Geld?", Some("de"));
        assert!(has(&m, "insult: Luegner"), "{m:?}");
        let m = mood_by_rules("Mul on koigest korini.", Some("et"));
        assert!(has(&m, "anger word: korini"), "{m:?}");
    }

    #[test]
    fn a_date_or_a_price_does_not_end_the_sentence() {
        // "15." is a date: the condition still belongs to the chargeback.
        let m = mood_by_rules(
            "Falls bis zum 15. nichts passiert, lasse ich den Betrag über meine Bank zurückbuchen.",
            Some("de"),
        );
        assert!(m.angry && has(&m, "threat: "), "{m:?}");
        let m = mood_by_rules(
            "Unless the £12.50 fee is refunded I will open a claim with PayPal.",
            Some("en"),
        );
        assert!(m.angry && has(&m, "threat: open a claim"), "{m:?}");
        // Asked about, a dispute is not a threat, even with an "if … not".
        let m = mood_by_rules(
            "How do I open a claim if a seller does not deliver?",
            Some("en"),
        );
        assert!(!m.angry, "{m:?}");
    }

    #[test]
    fn a_crime_named_after_a_copula_is_an_accusation() {
        let m = mood_by_rules("See on puhas pettus. Raha võeti topelt.", Some("et"));
        assert!(m.angry && has(&m, "fraud accusation: pettus"), "{m:?}");
        let m = mood_by_rules("Das ist schlicht Diebstahl.", Some("de"));
        assert!(m.angry, "{m:?}");
        // Asked about or denied, it is not.
        let m = mood_by_rules("Kas see SMS on pettus või teie teade?", Some("et"));
        assert!(!m.angry, "{m:?}");
        let m = mood_by_rules("Это ведь мошенники? Я положил трубку.", Some("ru"));
        assert!(!m.angry, "{m:?}");
        let m = mood_by_rules("See ei ole pettus, lihtsalt viga arvel.", Some("et"));
        assert!(!m.angry, "{m:?}");
    }

    #[test]
    fn thanks_with_scare_quotes_and_praise_alone_are_sarcasm() {
        let m = mood_by_rules(
            "Thanks for the 'express delivery'. It took nine days.",
            Some("en"),
        );
        assert!(
            m.angry && has(&m, "sarcasm (thanks with scare quotes)"),
            "{m:?}"
        );
        let m = mood_by_rules(
            "Die Hotline hängt seit 40 Minuten in der Warteschleife. Wirklich erstklassig.",
            Some("de"),
        );
        assert!(m.angry, "{m:?}");
        // Quoted dialogue and real praise are not.
        let m = mood_by_rules("\"Danke für die Hilfe.\" \"Keine Ursache.\"", Some("de"));
        assert!(!m.angry, "{m:?}");
        let m = mood_by_rules("Perfect. It works again, thanks!", Some("en"));
        assert!(!m.angry, "{m:?}");
    }

    #[test]
    fn leaving_over_a_grievance_is_a_threat() {
        let m = mood_by_rules(
            "After repeated outages I will move elsewhere. Please close my account.",
            Some("en"),
        );
        assert!(m.angry, "{m:?}");
        let m = mood_by_rules(
            "I'm moving abroad, so please close my account. Thanks for everything!",
            Some("en"),
        );
        assert!(!m.angry, "{m:?}");
    }

    #[test]
    fn someone_elses_anger_and_a_negation_after_the_word() {
        let m = mood_by_rules(
            "My husband was furious about the torn cover, but I know it is the courier's fault.",
            Some("en"),
        );
        assert!(!m.angry, "{m:?}");
        let m = mood_by_rules(
            "Mingit pahameelt pole, küsin lihtsalt tarneaega.",
            Some("et"),
        );
        assert!(!m.angry, "{m:?}");
    }

    #[test]
    fn capitals_shout_but_caps_lock_questions_do_not() {
        let m = mood_by_rules("I DID NOT ORDER THIS. TAKE IT OFF MY BILL.", Some("en"));
        assert!(m.angry, "{m:?}");
        let m = mood_by_rules("WHAT IS THE REASON FOR THIS FEE", Some("en"));
        assert!(!m.angry, "{m:?}");
        let m = mood_by_rules("THANK YOU!!! Finally back online", Some("en"));
        assert!(!m.angry, "{m:?}");
    }

    #[test]
    fn round_four_rules_name_their_signals() {
        let m = mood_by_rules(
            "One of your drivers nicked the parcel, the photo shows a stranger's door.",
            Some("en"),
        );
        assert!(
            m.angry && has(&m, "fraud accusation (by your side)"),
            "{m:?}"
        );
        let m = mood_by_rules(
            "My bike was stolen, please deliver to my office.",
            Some("en"),
        );
        assert!(!m.angry, "{m:?}");
        let m = mood_by_rules(
            "Großartig, schon wieder eine \"kleine Verzögerung\" von drei Wochen.",
            Some("de"),
        );
        assert!(
            m.angry && has(&m, "sarcasm (praise opening a complaint)"),
            "{m:?}"
        );
        let m = mood_by_rules(
            "Super, die Rechnung ist da. Ich habe sie als \"erledigt\" markiert.",
            Some("de"),
        );
        assert!(!m.angry, "{m:?}");
        let m = mood_by_rules(
            "lõpetage ära. 14 kirja sel nädalal kauba kohta, mille ma märtsis tagastasin. EEMALDAGE MIND KOHE",
            Some("et"),
        );
        assert!(
            m.angry && has(&m, "shouting: 3 words in capitals in a row"),
            "{m:?}"
        );
        let m = mood_by_rules(
            "please just stop emailing me. unsubscribe me NOW",
            Some("en"),
        );
        assert!(m.angry && has(&m, "shouting: NOW"), "{m:?}");
        let m = mood_by_rules(
            "If the app keeps crashing like this we won't renew our licence in March.",
            Some("en"),
        );
        assert!(m.angry && has(&m, "threat: won't renew"), "{m:?}");
        let m = mood_by_rules(
            "Could you tell me why my subscription is not renewing automatically?",
            Some("en"),
        );
        assert!(!m.angry, "{m:?}");
    }

    #[test]
    fn one_word_counts_once() {
        let once = mood_by_rules("scam", Some("en"));
        let twice = mood_by_rules("scam scam scam", Some("en"));
        assert!((once.anger - twice.anger).abs() < 1e-6);
    }

    #[test]
    fn anger_is_bounded() {
        let m = mood_by_rules(
            "IDIOTS!!! SCAM!!! FRAUD!!! LAWYER POLICE CHARGEBACK fuck shit useless morons ?!",
            Some("en"),
        );
        assert!(m.anger > 0.99 && m.anger <= 1.0);
    }
}
