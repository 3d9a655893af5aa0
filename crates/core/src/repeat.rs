//! Is an unthreaded mail the customer's earlier request again?
//!
//! The app measures how the new mail compares with each of the customer's
//! unclosed tickets ([`RepeatEvidence`], figures from `text::similarity`); this
//! module weighs them. Precision comes first (invariant 7): two different
//! problems folded together hurt a customer more than a missed repeat, so every
//! rule needs strong evidence and conflicting identifiers (another order number)
//! veto all but an identical re-send.

use serde::Serialize;

/// Text figures of the new mail against one earlier mail (all 0..=1).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct TextMatch {
    /// MinHash estimate of the Jaccard index of stemmed word 3-shingles.
    pub shingles: f32,
    /// Jaccard index of the stemmed content-term sets.
    pub terms: f32,
    /// Share of the smaller term set found in the larger.
    pub overlap: f32,
    /// Identifiers (order, invoice, phone numbers, keys) both mention.
    pub shared_identifiers: u32,
    /// Both mention identifiers and share none.
    pub conflicting_identifiers: bool,
    /// Content terms of the shorter of the two texts (similarity of two
    /// three-word texts says little).
    pub shorter_terms: u32,
}

/// How the new mail compares with one unclosed ticket of the same customer:
/// the best figures over the customer's messages in it.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct RepeatEvidence {
    pub ticket: i64,
    /// Visible text against visible text.
    pub text: TextMatch,
    /// Subjects, prefixes (Re:/Fwd:/AW:/Отв:…) and our `[#N]` tag stripped: term Jaccard.
    pub subject: f32,
    /// Share of an earlier mail's words (3-shingles) found in the new mail's whole
    /// text, quotes included: near 1 when the customer quotes or forwards it.
    pub contains_earlier: f32,
}

/// Why a mail was taken for a repeat; recorded on the ticket so an agent sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RepeatReason {
    /// The same visible text again (case, spacing and punctuation aside).
    SameContent,
    /// The mail quotes or forwards the customer's earlier mail.
    QuotesEarlier,
    /// Nearly the same text (small edits).
    NearDuplicate,
    /// Reworded, with the same identifier.
    Reworded,
    /// The customer says so ("I am writing again", "пишу повторно") and the mail
    /// names the ticket: a shared identifier or enough words in common.
    Restated,
    /// "Any news?" with no content of its own.
    Nudge,
}

impl RepeatReason {
    pub fn as_str(self) -> &'static str {
        match self {
            RepeatReason::SameContent => "same_content",
            RepeatReason::QuotesEarlier => "quotes_earlier",
            RepeatReason::NearDuplicate => "near_duplicate",
            RepeatReason::Reworded => "reworded",
            RepeatReason::Restated => "restated",
            RepeatReason::Nudge => "nudge",
        }
    }

    /// Strength for choosing between tickets: the higher wins.
    fn rank(self) -> u8 {
        match self {
            RepeatReason::SameContent => 5,
            RepeatReason::QuotesEarlier => 4,
            RepeatReason::NearDuplicate => 3,
            RepeatReason::Reworded | RepeatReason::Restated => 2,
            RepeatReason::Nudge => 1,
        }
    }
}

/// Thresholds of the repeat rules. The defaults are set on the labelled sets in
/// `crates/kindly/tests/data/repeats` and checked on the public paraphrase pairs
/// (`crates/text/tests/paraphrase_quality.rs`); see each field for the data.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RepeatPolicy {
    /// An earlier mail at least this much contained in the new one is quoted or
    /// forwarded. Quoting keeps ~all of its 3-shingles; an unrelated mail of the
    /// same customer shares well under 0.2 (greetings and names are not terms,
    /// but containment counts raw words).
    pub contains: f32,
    /// Near-duplicate by MinHash of 3-shingles (word order kept).
    pub near_shingles: f32,
    /// Near-duplicate by term Jaccard.
    pub near_terms: f32,
    /// Near-duplicate only when both texts have at least this many content
    /// terms: on BANKING77's one-line queries most false "near duplicates" had
    /// two or three terms ("How do I get my card?" / "How do I get a visa card?").
    pub near_min_terms: u32,
    /// Reworded, anchored by a shared identifier (the only anchor): term
    /// Jaccard and overlap at least these. Set on the et and ru scenario sets
    /// (en and de held out): genuine rewords that share an order number reach
    /// 0.15–0.24 Jaccard, while a different problem about the same order stayed
    /// at or below 0.13 (overlap ≤ 0.29).
    pub reworded_terms: f32,
    pub reworded_overlap: f32,
    /// `kindly similar` lists another customer's open ticket at or above this
    /// term Jaccard (a suggestion for the agent, never an automatic merge).
    /// On the public pairs (`text/tests/paraphrase_quality.rs`): BANKING77
    /// P 0.70 R 0.25 (half its negatives are lexically close on purpose),
    /// STS-B de P 0.44 R 0.76, ru P 0.43 R 0.82; 0.2 drops BANKING77 to P 0.65
    /// with twice the list length, 0.4 halves the STS-B recall for +0.08 P.
    pub similar_terms: f32,
    /// A mail that says it restates an earlier one is folded into the ticket it
    /// shares an identifier with (no overlap bar: rewords announced as such
    /// share as little as 0.1 of their terms). Words alone were tried first
    /// (overlap >= 0.2) and folded 7 angry *new* problems of the synthetic
    /// corpus ("this is the third time I write and NOBODY answers!!!" about a
    /// different problem) — so only an identifier names the ticket here. On the
    /// labelled sets no different problem said "again" except one with another
    /// order number (vetoed by the conflict).
    pub restated_needs_identifier: bool,
}

impl Default for RepeatPolicy {
    fn default() -> Self {
        RepeatPolicy {
            contains: 0.6,
            near_shingles: 0.5,
            near_terms: 0.6,
            near_min_terms: 4,
            reworded_terms: 0.15,
            reworded_overlap: 0.28,
            similar_terms: 0.3,
            restated_needs_identifier: true,
        }
    }
}

/// Whether the new mail repeats the ticket `e` describes, and why.
/// `nudge`: the new mail's visible text is a nudge with no content of its own.
pub fn judge(e: &RepeatEvidence, nudge: bool, p: &RepeatPolicy) -> Option<RepeatReason> {
    judge_said(e, nudge, false, p)
}

/// [`judge`], knowing whether the mail says it restates an earlier one (`again`).
pub fn judge_said(
    e: &RepeatEvidence,
    nudge: bool,
    again: bool,
    p: &RepeatPolicy,
) -> Option<RepeatReason> {
    let t = &e.text;
    if e.contains_earlier >= p.contains && !t.conflicting_identifiers {
        return Some(RepeatReason::QuotesEarlier);
    }
    if t.conflicting_identifiers {
        return None;
    }
    if t.shorter_terms >= p.near_min_terms
        && (t.shingles >= p.near_shingles || t.terms >= p.near_terms)
    {
        return Some(RepeatReason::NearDuplicate);
    }
    // Only a shared identifier anchors a reword. A similar subject did not add
    // one right fold on the labelled sets, and on the synthetic benchmark corpus
    // it folded a payment problem into an "App crashes" ticket: generic subjects
    // are shared by different problems.
    let anchored = t.shared_identifiers > 0;
    // Without an identifier a reword is not folded: on the synthetic corpus two
    // different login problems of one customer shared 0.35 of their terms.
    let reworded = anchored && t.terms >= p.reworded_terms && t.overlap >= p.reworded_overlap;
    if reworded && t.shorter_terms >= p.near_min_terms {
        return Some(RepeatReason::Reworded);
    }
    // The customer tells us it is the same request again: a lower bar than an
    // unannounced reword, but still it must name this ticket.
    if again && (anchored || !p.restated_needs_identifier) {
        return Some(RepeatReason::Restated);
    }
    if nudge {
        return Some(RepeatReason::Nudge);
    }
    None
}

/// The ticket the mail repeats, if any, among `evidence` (most recently active
/// ticket first): the strongest reason wins; between equal reasons, the ticket
/// the mail names best (a shared identifier, then words in common with its text
/// and subject), then the more recent ticket. So a nudge that names its problem
/// ("any news about the invoice?") finds it, and one that names nothing goes to
/// the most recent ticket.
pub fn best_repeat(
    evidence: &[RepeatEvidence],
    nudge: bool,
    p: &RepeatPolicy,
) -> Option<(i64, RepeatReason)> {
    best_repeat_said(evidence, nudge, false, p)
}

/// [`best_repeat`], knowing whether the mail says it restates an earlier one.
pub fn best_repeat_said(
    evidence: &[RepeatEvidence],
    nudge: bool,
    again: bool,
    p: &RepeatPolicy,
) -> Option<(i64, RepeatReason)> {
    let mut best: Option<(&RepeatEvidence, RepeatReason)> = None;
    for e in evidence {
        let Some(reason) = judge_said(e, nudge, again, p) else {
            continue;
        };
        let better = match best {
            None => true,
            Some((b, b_reason)) => {
                reason.rank() > b_reason.rank()
                    || (reason.rank() == b_reason.rank() && names_better(e, b))
            }
        };
        if better {
            best = Some((e, reason));
        }
    }
    best.map(|(e, reason)| (e.ticket, reason))
}

/// Whether the mail points at `a` more clearly than at `b`.
fn names_better(a: &RepeatEvidence, b: &RepeatEvidence) -> bool {
    let key = |e: &RepeatEvidence| (e.text.shared_identifiers, e.text.overlap + e.subject);
    let (ai, ao) = key(a);
    let (bi, bo) = key(b);
    ai > bi || (ai == bi && ao > bo + NAMING_MARGIN)
}

/// Words in common must differ by this much to outweigh recency: a nudge's few
/// words ("hello, any news?") share a stray word with any ticket now and then.
const NAMING_MARGIN: f32 = 0.1;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ev(ticket: i64) -> RepeatEvidence {
        RepeatEvidence {
            ticket,
            ..RepeatEvidence::default()
        }
    }

    #[test]
    fn conflicting_identifiers_veto_similarity_and_nudges() {
        let mut e = ev(1);
        e.text.shorter_terms = 10;
        e.text.shingles = 0.9;
        e.text.terms = 0.9;
        e.text.conflicting_identifiers = true;
        assert_eq!(judge(&e, true, &RepeatPolicy::default()), None);
    }

    #[test]
    fn saying_again_lowers_the_bar_but_still_needs_the_ticket_named() {
        let p = RepeatPolicy::default();
        let mut e = ev(1);
        e.text.shorter_terms = 20;
        e.text.terms = 0.1;
        e.text.overlap = 0.22;
        assert_eq!(judge_said(&e, false, false, &p), None);
        // Words in common are not enough: it must name the ticket's identifier.
        assert_eq!(judge_said(&e, false, true, &p), None);
        e.text.overlap = 0.05;
        e.text.shared_identifiers = 1;
        assert_eq!(judge_said(&e, false, false, &p), None);
        assert_eq!(
            judge_said(&e, false, true, &p),
            Some(RepeatReason::Restated)
        );
        e.text.conflicting_identifiers = true;
        assert_eq!(judge_said(&e, false, true, &p), None);
    }

    #[test]
    fn reworded_needs_an_anchor() {
        let p = RepeatPolicy::default();
        let mut e = ev(1);
        e.text.shorter_terms = 12;
        e.text.terms = 0.2;
        e.text.overlap = 0.4;
        assert_eq!(judge(&e, false, &p), None);
        e.text.shared_identifiers = 1;
        assert_eq!(judge(&e, false, &p), Some(RepeatReason::Reworded));
        // A similar subject alone is no anchor: generic subjects are shared.
        e.text.shared_identifiers = 0;
        e.subject = 0.9;
        assert_eq!(judge(&e, false, &p), None);
    }

    #[test]
    fn nudge_goes_to_most_recent_unless_another_is_named() {
        let p = RepeatPolicy::default();
        let recent = ev(2);
        let older = ev(1);
        assert_eq!(
            best_repeat(&[recent, older], true, &p),
            Some((2, RepeatReason::Nudge))
        );
        let mut older = ev(1);
        older.text.shorter_terms = 12;
        older.text.shared_identifiers = 1;
        older.subject = 0.8;
        older.text.terms = 0.3;
        older.text.overlap = 0.5;
        assert_eq!(
            best_repeat(&[recent, older], true, &p),
            Some((1, RepeatReason::Reworded))
        );
    }

    proptest! {
        #[test]
        fn no_evidence_no_repeat(tickets in proptest::collection::vec(1i64..50, 0..5)) {
            let evidence: Vec<_> = tickets.iter().map(|&t| ev(t)).collect();
            prop_assert_eq!(best_repeat(&evidence, false, &RepeatPolicy::default()), None);
        }

        #[test]
        fn more_similarity_never_undoes_a_repeat(
            shingles in 0f32..=1.0, terms in 0f32..=1.0, overlap in 0f32..=1.0,
            subject in 0f32..=1.0, contains in 0f32..=1.0, ids in 0u32..3, nudge: bool,
            bump in 0f32..=0.5,
        ) {
            let p = RepeatPolicy::default();
            let e = RepeatEvidence {
                ticket: 1,
                text: TextMatch { shingles, terms, overlap, shared_identifiers: ids, conflicting_identifiers: false, shorter_terms: 5 },
                subject,
                contains_earlier: contains,
            };
            let more = RepeatEvidence {
                text: TextMatch {
                    shingles: (shingles + bump).min(1.0),
                    terms: (terms + bump).min(1.0),
                    overlap: (overlap + bump).min(1.0),
                    ..e.text
                },
                subject: (subject + bump).min(1.0),
                contains_earlier: (contains + bump).min(1.0),
                ..e
            };
            if judge(&e, nudge, &p).is_some() {
                prop_assert!(judge(&more, nudge, &p).is_some());
            }
        }
    }
}
