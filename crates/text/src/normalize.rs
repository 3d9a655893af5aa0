//! Normalisation, tokens and content keys.
//!
//! Every scorer in this crate reads text through [`Tokens`]: words are runs of
//! letters, digits and inner apostrophes, folded with NFKC and lower-case, with
//! `ё` read as `е` and typographic apostrophes read as `'`. Each token remembers
//! where it came from in the original text, so a finding can quote the draft.

use unicode_normalization::UnicodeNormalization;

/// Lower-cased, NFKC-normalised text with runs of whitespace collapsed to one space
/// and no leading or trailing whitespace.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.nfkc().flat_map(char::to_lowercase) {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// A key equal for two texts that differ only in case, whitespace and punctuation
/// (so also trailing whitespace after a signature): an identical re-send has the
/// same key. 16 hex digits of FNV-1a 64 over the normalised word stream; stable
/// across processes, versions and platforms.
pub fn content_key(text: &str) -> String {
    let tokens = Tokens::new(text);
    let mut hash = Fnv1a64::new();
    for (i, word) in tokens.words().enumerate() {
        if i > 0 {
            // A separator byte that no UTF-8 text contains keeps "ab c" and "a bc" apart.
            hash.write(&[0xff]);
        }
        for c in word.chars().filter(|&c| c != '\'') {
            let mut buf = [0u8; 4];
            hash.write(c.encode_utf8(&mut buf).as_bytes());
        }
    }
    format!("{:016x}", hash.finish())
}

/// The key [`content_key`] gives a text without words.
pub const EMPTY_CONTENT_KEY: &str = "cbf29ce484222325";

/// FNV-1a, 64 bit: small, stable and good enough to tell re-sends apart.
struct Fnv1a64(u64);

impl Fnv1a64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;

    fn new() -> Self {
        Self(Self::OFFSET)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(Self::PRIME);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// One word of a text: where it is in the folded buffer and in the original.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Span {
    /// Byte range in [`Tokens::folded`].
    pub folded: (usize, usize),
    /// Byte range in the original text.
    pub original: (usize, usize),
    /// Letters in the original word, and how many of them were capitals.
    pub letters: u16,
    pub capitals: u16,
}

/// The words of a text, folded for matching, with their places in the original.
#[derive(Debug, Default)]
pub(crate) struct Tokens {
    folded: String,
    spans: Vec<Span>,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\u{301}' // combining acute used as a Russian stress mark
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02bc}')
}

fn push_folded(folded: &mut String, c: char) {
    folded.push(if c == 'ё' { 'е' } else { c });
}

/// False for characters NFKC leaves alone (the quick check answers from a table),
/// so the costly normaliser runs only on compatibility characters: fullwidth forms,
/// ligatures, superscripts, letter-like symbols.
fn may_change_under_nfkc(c: char) -> bool {
    !c.is_ascii()
        && unicode_normalization::is_nfkc_quick(std::iter::once(c))
            != unicode_normalization::IsNormalized::Yes
}

impl Tokens {
    pub fn new(text: &str) -> Self {
        let mut folded = String::with_capacity(text.len() + 8);
        let mut spans = Vec::with_capacity(text.len() / 5 + 1);
        let mut current: Option<Span> = None;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let inner_apostrophe = is_apostrophe(c)
                && current.is_some()
                && chars.peek().is_some_and(|&(_, n)| n.is_alphabetic());
            if is_word_char(c) || inner_apostrophe {
                let span = current.get_or_insert(Span {
                    folded: (folded.len(), folded.len()),
                    original: (i, i),
                    letters: 0,
                    capitals: 0,
                });
                if c.is_alphabetic() {
                    span.letters = span.letters.saturating_add(1);
                    if c.is_uppercase() {
                        span.capitals = span.capitals.saturating_add(1);
                    }
                }
                span.original.1 = i + c.len_utf8();
                if inner_apostrophe {
                    folded.push('\'');
                } else if c != '\u{301}' {
                    if may_change_under_nfkc(c) {
                        for f in std::iter::once(c).nfkc().flat_map(char::to_lowercase) {
                            push_folded(&mut folded, f);
                        }
                    } else {
                        for f in c.to_lowercase() {
                            push_folded(&mut folded, f);
                        }
                    }
                }
                span.folded.1 = folded.len();
            } else if let Some(span) = current.take() {
                spans.push(span);
            }
        }
        if let Some(span) = current.take() {
            spans.push(span);
        }
        Self { folded, spans }
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The folded word at `index`.
    pub fn word(&self, index: usize) -> &str {
        self.spans
            .get(index)
            .and_then(|s| self.folded.get(s.folded.0..s.folded.1))
            .unwrap_or("")
    }

    pub fn words(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.spans.len()).map(|i| self.word(i))
    }

    pub fn span(&self, index: usize) -> Option<&Span> {
        self.spans.get(index)
    }

    pub fn spans(&self) -> &[Span] {
        &self.spans
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn normalize_folds_case_width_and_space() {
        assert_eq!(normalize("  Hello\t\n WORLD  "), "hello world");
        assert_eq!(normalize("ＡＢＣ ﬁ"), "abc fi");
        assert_eq!(normalize(""), "");
        assert_eq!(normalize("Привет,   МИР!"), "привет, мир!");
    }

    #[test]
    fn tokens_fold_and_keep_places() {
        let text = "Don’t  SHOUT, Ёлка!";
        let t = Tokens::new(text);
        let words: Vec<_> = t.words().collect();
        assert_eq!(words, ["don't", "shout", "елка"]);
        let s = t.span(1).copied().unwrap_or_else(|| panic!("no span"));
        assert_eq!(&text[s.original.0..s.original.1], "SHOUT");
        assert_eq!((s.letters, s.capitals), (5, 5));
        assert_eq!(
            Tokens::new(" 'quoted' ").words().collect::<Vec<_>>(),
            ["quoted"]
        );
    }

    #[test]
    fn content_key_examples() {
        let a = content_key("Hello, my order #123 did not arrive.\n\n-- \nMari  \n");
        let b = content_key("hello my ORDER 123 did not arrive -- mari");
        assert_eq!(a, b);
        assert_eq!(a.len(), 16);
        assert_ne!(a, content_key("hello my order 124 did not arrive mari"));
        assert_ne!(content_key("ab c"), content_key("a bc"));
        assert_eq!(content_key(""), EMPTY_CONTENT_KEY);
        assert_eq!(content_key(" !!! ... "), EMPTY_CONTENT_KEY);
        assert_eq!(content_key("don't"), content_key("dont"));
    }

    fn words() -> impl Strategy<Value = Vec<String>> {
        prop::collection::vec("[a-zA-Z0-9äöüõÄÖÜÕжЖщЩ]{1,8}", 1..12)
    }

    fn separators() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop::sample::select(vec![
                " ", "  ", "\n", "\t", ", ", ". ", "! ", " - ", "? ", ";\n",
            ]),
            1..3,
        )
        .prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC*") {
            let n = normalize(&s);
            prop_assert!(!n.starts_with(' ') && !n.ends_with(' '));
            prop_assert_eq!(content_key(&s).len(), 16);
            prop_assert_eq!(normalize(&n), n.clone());
        }

        #[test]
        fn key_ignores_case_space_and_punctuation(
            ws in words(),
            seps in prop::collection::vec(separators(), 12),
            tail in separators(),
        ) {
            let plain = ws.join(" ");
            let mut noisy = String::new();
            for (i, w) in ws.iter().enumerate() {
                if i > 0 {
                    noisy.push_str(&seps[i % seps.len()]);
                }
                if i % 2 == 0 { noisy.push_str(&w.to_uppercase()) } else { noisy.push_str(w) }
            }
            noisy.push_str(&tail);
            prop_assert_eq!(content_key(&plain), content_key(&noisy));
        }

        #[test]
        fn key_changes_when_a_word_changes(ws in words(), idx in 0usize..12, new in "[a-z]{1,8}") {
            let i = idx % ws.len();
            prop_assume!(ws[i].to_lowercase() != new);
            let mut changed = ws.clone();
            changed[i] = new;
            prop_assert_ne!(content_key(&ws.join(" ")), content_key(&changed.join(" ")));
        }
    }
}
