//! Phrase lists matched against [`Tokens`].
//!
//! A pattern is written as folded words separated by spaces:
//! - `word` matches that word exactly;
//! - `stem*` matches any word starting with `stem`;
//! - `*end` matches any word ending in `end` (Estonian "sisestasite", "valisite");
//! - `a|b*|*c` matches a word that any of the alternatives matches;
//! - `…` between two words lets up to six other words stand in between, `……` up
//!   to twelve (for German verb brackets: "Sie hätten die Ware … prüfen müssen");
//! - `*part*` (a one-word entry) matches any word containing `part`, for compounds
//!   such as German "Kundenabzocke". These few entries, and entries starting with
//!   `*end`, are checked on every token.
//!
//! Entries are grouped by their first word once, so a lookup costs one hash probe
//! per prefix of the token rather than a scan of the list.

use std::collections::HashMap;
use std::ops::Range;

use crate::normalize::Tokens;

#[derive(Clone, Debug)]
enum Part {
    Exact(&'static str),
    Prefix(&'static str),
    Suffix(&'static str),
    Any(Vec<Part>),
    Gap(usize),
}

impl Part {
    fn parse(word: &'static str) -> Self {
        if word.contains('|') {
            Part::Any(
                word.split('|')
                    .filter(|w| !w.is_empty())
                    .map(Part::parse)
                    .collect(),
            )
        } else if word == "…" {
            Part::Gap(MAX_GAP)
        } else if word == "……" {
            Part::Gap(LONG_GAP)
        } else if let Some(stem) = word.strip_suffix('*') {
            Part::Prefix(stem)
        } else if let Some(end) = word.strip_prefix('*').filter(|e| !e.is_empty()) {
            Part::Suffix(end)
        } else {
            Part::Exact(word)
        }
    }

    /// The text an entry starting with this part is sorted by (only exact and
    /// prefix parts start sorted entries).
    fn text(&self) -> &'static str {
        match self {
            Part::Exact(w) | Part::Prefix(w) => w,
            _ => "",
        }
    }

    fn matches(&self, word: &str) -> bool {
        match self {
            Part::Exact(w) => word == *w,
            Part::Prefix(w) => word.starts_with(w),
            Part::Suffix(w) => word.len() > w.len() && word.ends_with(w),
            Part::Any(parts) => parts.iter().any(|p| p.matches(word)),
            Part::Gap(_) => true,
        }
    }
}

const MAX_GAP: usize = 6;
const LONG_GAP: usize = 12;

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
    /// First word (or stem) of the entries -> their range in `entries`.
    by_first: HashMap<&'static str, Range<usize>>,
    /// `*part*` entries: (part, value).
    infixes: Vec<(&'static str, T)>,
    /// Entries starting with a `*end` part, tried at every token.
    loose: Vec<Entry<T>>,
}

impl<T: Copy> Lexicon<T> {
    pub fn new(list: impl IntoIterator<Item = (&'static str, T)>) -> Self {
        let mut infixes = Vec::new();
        let mut entries: Vec<Entry<T>> = Vec::new();
        let mut loose: Vec<Entry<T>> = Vec::new();
        for (pattern, value) in list {
            if let Some(part) = pattern
                .strip_prefix('*')
                .and_then(|p| p.strip_suffix('*'))
                .filter(|p| !p.is_empty() && !p.contains([' ', '|']))
            {
                infixes.push((part, value));
                continue;
            }
            let mut parts: Vec<Part> = pattern
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(Part::parse)
                .collect();
            if parts.is_empty() {
                continue;
            }
            // Alternatives in the first word become one sorted entry each.
            let firsts = match parts.remove(0) {
                Part::Any(alternatives) => alternatives,
                first => vec![first],
            };
            for first in firsts {
                let mut entry_parts = Vec::with_capacity(parts.len() + 1);
                entry_parts.push(first);
                entry_parts.extend(parts.iter().cloned());
                let entry = Entry {
                    parts: entry_parts,
                    value,
                };
                match entry.parts.first() {
                    Some(Part::Exact(_) | Part::Prefix(_)) => entries.push(entry),
                    Some(Part::Suffix(_)) => loose.push(entry),
                    _ => {}
                }
            }
        }
        entries.sort_by(|a, b| first_text(a).cmp(first_text(b)));
        let mut by_first: HashMap<&'static str, Range<usize>> = HashMap::new();
        for (i, entry) in entries.iter().enumerate() {
            by_first
                .entry(first_text(entry))
                .and_modify(|r| r.end = i + 1)
                .or_insert(i..i + 1);
        }
        Self {
            entries,
            by_first,
            infixes,
            loose,
        }
    }

    /// Every match starting at token `start`: entries whose first word is the token
    /// or a stem of it, longest first.
    fn hits_at(&self, tokens: &Tokens, start: usize, out: &mut impl FnMut(Hit<T>)) {
        let word = tokens.word(start);
        // Every prefix of at least one character, longest first, without collecting
        // the boundaries (this runs for every token of every draft).
        let mut end = word.len();
        loop {
            if let Some(range) = word.get(..end).and_then(|p| self.by_first.get(p)) {
                for entry in self.entries[range.clone()].iter().rev() {
                    if let Some(end) = match_from(&entry.parts, tokens, start) {
                        out(Hit {
                            value: entry.value,
                            start,
                            end,
                        });
                    }
                }
            }
            match word.get(..end).and_then(|p| p.char_indices().next_back()) {
                Some((i, _)) if i > 0 => end = i,
                _ => break,
            }
        }
    }

    /// Calls `out` for every match in `tokens`, in text order.
    pub fn for_each(&self, tokens: &Tokens, mut out: impl FnMut(Hit<T>)) {
        for start in 0..tokens.len() {
            self.hits_at(tokens, start, &mut out);
            for entry in &self.loose {
                if let Some(end) = match_from(&entry.parts, tokens, start) {
                    out(Hit {
                        value: entry.value,
                        start,
                        end,
                    });
                }
            }
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

/// Matches `parts` from token `at`; returns the end (exclusive) of the match.
fn match_from(parts: &[Part], tokens: &Tokens, at: usize) -> Option<usize> {
    let Some((part, rest)) = parts.split_first() else {
        return Some(at);
    };
    match part {
        Part::Gap(max) => (0..=*max)
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

    #[test]
    fn alternatives_suffixes_and_long_gaps() {
        let lex = Lexicon::new([
            ("you|we should have", 1),
            ("*site … vale*", 2),
            ("sie hätten …… müssen|sollen", 3),
            ("read the manual|faq*", 4),
        ]);
        assert_eq!(hits(&lex, "We should have"), vec![(1, 0, 3)]);
        assert_eq!(hits(&lex, "read the FAQs"), vec![(4, 0, 3)]);
        assert!(hits(&lex, "read the guide").is_empty());
        assert_eq!(
            hits(&lex, "sest sisestasite PIN koodi valesti"),
            vec![(2, 1, 5)]
        );
        assert!(hits(&lex, "site on vale").is_empty());
        assert_eq!(
            hits(
                &lex,
                "Sie hätten die Ware bei der Annahme auf Schäden prüfen müssen"
            ),
            vec![(3, 0, 11)]
        );
    }
}
