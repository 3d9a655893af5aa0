//! Phrase lists matched against [`Tokens`].
//!
//! A pattern is written as folded words separated by spaces:
//! - `word` matches that word exactly;
//! - `stem*` matches any word starting with `stem`;
//! - `…` between two words lets up to six other words stand in between;
//! - `*part*` (a one-word entry) matches any word containing `part`, for compounds
//!   such as German "Kundenabzocke". These few entries are checked on every token.
//!
//! Entries are sorted by their first word once, so a lookup costs a binary search
//! per token rather than a scan of the whole list.

use crate::normalize::Tokens;

#[derive(Clone, Debug)]
enum Part {
    Exact(&'static str),
    Prefix(&'static str),
    Gap,
}

impl Part {
    fn parse(word: &'static str) -> Self {
        if word == "…" {
            Part::Gap
        } else if let Some(stem) = word.strip_suffix('*') {
            Part::Prefix(stem)
        } else {
            Part::Exact(word)
        }
    }

    fn text(&self) -> &'static str {
        match self {
            Part::Exact(w) | Part::Prefix(w) => w,
            Part::Gap => "",
        }
    }

    fn matches(&self, word: &str) -> bool {
        match self {
            Part::Exact(w) => word == *w,
            Part::Prefix(w) => word.starts_with(w),
            Part::Gap => true,
        }
    }
}

const MAX_GAP: usize = 6;

#[derive(Clone, Debug)]
struct Entry<T> {
    parts: Vec<Part>,
    value: T,
}

/// A match: the value of the entry and the token range it covers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Hit<T> {
    pub value: T,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug)]
pub(crate) struct Lexicon<T> {
    entries: Vec<Entry<T>>,
    /// `*part*` entries: (part, value).
    infixes: Vec<(&'static str, T)>,
}

impl<T: Copy> Lexicon<T> {
    pub fn new(list: impl IntoIterator<Item = (&'static str, T)>) -> Self {
        let mut infixes = Vec::new();
        let mut entries: Vec<Entry<T>> = list
            .into_iter()
            .filter(|(pattern, value)| {
                match pattern
                    .strip_prefix('*')
                    .and_then(|p| p.strip_suffix('*'))
                    .filter(|p| !p.is_empty() && !p.contains(' '))
                {
                    Some(part) => {
                        infixes.push((part, *value));
                        false
                    }
                    None => true,
                }
            })
            .map(|(pattern, value)| Entry {
                parts: pattern
                    .split(' ')
                    .filter(|w| !w.is_empty())
                    .map(Part::parse)
                    .collect(),
                value,
            })
            .filter(|e| e.parts.first().is_some_and(|p| !matches!(p, Part::Gap)))
            .collect();
        entries.sort_by(|a, b| first_text(a).cmp(first_text(b)));
        Self { entries, infixes }
    }

    /// Every match starting at token `start`.
    fn hits_at(&self, tokens: &Tokens, start: usize, out: &mut impl FnMut(Hit<T>)) {
        let word = tokens.word(start);
        // Entries whose first word is `word` or a prefix of it sort at or before `word`.
        let upper = self.entries.partition_point(|e| first_text(e) <= word);
        for entry in self.entries[..upper].iter().rev() {
            let first = first_text(entry);
            if !word.starts_with(first) {
                if first.is_empty() || !shares_first_char(word, first) {
                    break;
                }
                continue;
            }
            if let Some(end) = match_from(&entry.parts, tokens, start) {
                out(Hit {
                    value: entry.value,
                    start,
                    end,
                });
            }
        }
    }

    /// Calls `out` for every match in `tokens`, in text order.
    pub fn for_each(&self, tokens: &Tokens, mut out: impl FnMut(Hit<T>)) {
        for start in 0..tokens.len() {
            self.hits_at(tokens, start, &mut out);
            if !self.infixes.is_empty() {
                let word = tokens.word(start);
                for (part, value) in &self.infixes {
                    if word.contains(part) {
                        out(Hit {
                            value: *value,
                            start,
                            end: start + 1,
                        });
                    }
                }
            }
        }
    }
}

fn first_text<T>(entry: &Entry<T>) -> &'static str {
    entry.parts.first().map(Part::text).unwrap_or("")
}

fn shares_first_char(a: &str, b: &str) -> bool {
    a.chars().next() == b.chars().next()
}

/// Matches `parts` from token `at`; returns the end (exclusive) of the match.
fn match_from(parts: &[Part], tokens: &Tokens, at: usize) -> Option<usize> {
    let Some((part, rest)) = parts.split_first() else {
        return Some(at);
    };
    match part {
        Part::Gap => (0..=MAX_GAP)
            .take_while(|skip| at + skip <= tokens.len())
            .find_map(|skip| match_from(rest, tokens, at + skip)),
        _ => {
            if at < tokens.len() && part.matches(tokens.word(at)) {
                match_from(rest, tokens, at + 1)
            } else {
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(lex: &Lexicon<u8>, text: &str) -> Vec<(u8, usize, usize)> {
        let t = Tokens::new(text);
        let mut v = Vec::new();
        lex.for_each(&t, |h| v.push((h.value, h.start, h.end)));
        v
    }

    #[test]
    fn exact_prefix_and_gap() {
        let lex = Lexicon::new([
            ("idiot*", 1),
            ("ass", 2),
            ("as mentioned before", 3),
            ("sie hätten … sollen", 4),
            ("a*", 5),
            ("*zock*", 6),
        ]);
        assert_eq!(hits(&lex, "Kundenabzocke"), vec![(6, 0, 1)]);
        assert_eq!(hits(&lex, "You IDIOTS"), vec![(1, 1, 2)]);
        assert_eq!(hits(&lex, "assistance"), vec![(5, 0, 1)]);
        assert_eq!(hits(&lex, "ass"), vec![(2, 0, 1), (5, 0, 1)]);
        assert_eq!(
            hits(&lex, "As mentioned before, x"),
            vec![(3, 0, 3), (5, 0, 1)]
        );
        assert_eq!(
            hits(&lex, "Sie hätten das Handbuch lesen sollen"),
            vec![(4, 0, 6)]
        );
        assert_eq!(
            hits(
                &lex,
                "Sie hätten eins zwei drei vier fünf sechs sieben sollen"
            ),
            Vec::<(u8, usize, usize)>::new()
        );
        assert!(hits(&lex, "").is_empty());
    }
}
