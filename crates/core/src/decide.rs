//! The decision about one incoming mail: pure, total, property-tested.
//!
//! The store gathers [`Facts`] (inside the same transaction that will apply
//! the result), [`decide`] turns them into a [`Decision`], the store applies it.

use jiff::{SignedDuration, Timestamp};

use crate::model::{AutomaticKind, Outcome, QuarantineReason, TicketStatus, TicketSummary};
use crate::repeat::{RepeatEvidence, RepeatPolicy, RepeatReason, best_repeat_said};

/// How a mail was matched to an existing ticket.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThreadVia {
    /// In-Reply-To / References named one of the ticket's messages (ours or the customer's).
    Headers,
    /// A `[#N]` tag in the subject.
    SubjectTag,
    /// A plus-address such as `support+N@…`.
    PlusAddress,
}

/// A ticket the mail may belong to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThreadCandidate {
    pub ticket: TicketSummary,
    pub via: ThreadVia,
    /// The sender is the ticket's customer or one of its Cc participants.
    pub sender_is_participant: bool,
}

/// What we know about the incoming message itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MessageFacts {
    pub received_at: Timestamp,
    /// Set when the mail must be kept aside (unparseable, too large, spam…).
    pub quarantine: Option<QuarantineReason>,
    /// Set when the mail is machine-made.
    pub automatic: Option<AutomaticKind>,
    /// The sender is one of our own support addresses (a mail loop).
    pub from_own_address: bool,
    /// The sender is one of our agents: a ticket may be made, never an acknowledgement.
    pub from_agent: bool,
    /// Key of the visible text; equal keys mean an identical re-send.
    pub content_key: String,
    /// The visible text is a thank-you with nothing left to do.
    pub thanks: bool,
    /// The visible text is a nudge ("any news?") with no content of its own.
    pub nudge: bool,
    /// The visible text says it restates an earlier mail ("I am writing again").
    pub says_again: bool,
}

/// Everything [`decide`] looks at.
#[derive(Clone, Debug, PartialEq)]
pub struct Facts {
    pub message: MessageFacts,
    /// The same Message-ID with the same content was stored before: the ticket it went to.
    pub duplicate_of: Option<Option<i64>>,
    /// Match by In-Reply-To/References.
    pub by_headers: Option<ThreadCandidate>,
    /// Match by subject tag or plus-address (joins only for participants).
    pub by_tag: Option<ThreadCandidate>,
    /// The sender's tickets that are not closed, most recently active first.
    pub open_tickets: Vec<TicketSummary>,
    /// How the mail compares with each of `open_tickets` (same order; the app
    /// leaves it empty for threaded mail, which needs none).
    pub repeat_evidence: Vec<RepeatEvidence>,
}

/// Knobs of the decision, from the configuration.
#[derive(Clone, Debug, PartialEq)]
pub struct Policy {
    /// A reply to a ticket closed longer ago than this opens a new, linked ticket.
    pub reopen_window: SignedDuration,
    /// At most one status update per ticket per this period.
    pub status_update_period: SignedDuration,
    /// A fresh (unthreaded) thank-you is matched to the sender's tickets active this recently.
    pub thanks_window: SignedDuration,
    /// Thresholds of the repeat rules.
    pub repeat: RepeatPolicy,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            reopen_window: SignedDuration::from_hours(30 * 24),
            status_update_period: SignedDuration::from_hours(4),
            thanks_window: SignedDuration::from_hours(14 * 24),
            repeat: RepeatPolicy::default(),
        }
    }
}

/// What to do with the mail. Applying it is the store's job, in one transaction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Open a ticket; `acknowledge` queues exactly one acknowledgement.
    NewTicket {
        linked_to: Option<i64>,
        acknowledge: bool,
    },
    /// Add to a ticket; `reopen` moves a pending/solved/closed ticket back to open.
    /// `nudge`: a threaded "any news?" — it counts as a repeat (urgency, count)
    /// and may earn a status update like one.
    FollowUp {
        ticket: i64,
        reopen: bool,
        nudge: bool,
        status_update: bool,
    },
    /// The customer wrote the same request again: fold it in, raise urgency.
    /// `reopen`: the ticket was pending or solved and the customer still waits.
    Repeat {
        ticket: i64,
        status_update: bool,
        reopen: bool,
        reason: RepeatReason,
    },
    /// A thank-you: record it, never reopen, never answer. `close`: the ticket was
    /// solved and the customer confirms it.
    Thanks { ticket: i64, close: bool },
    /// Machine-made: store only.
    Automatic { kind: AutomaticKind },
    /// Seen before: change nothing.
    DuplicateDelivery { ticket: Option<i64> },
    /// Stored raw, kept aside.
    Quarantined { reason: QuarantineReason },
}

impl Decision {
    pub fn outcome(&self) -> Outcome {
        match self {
            Decision::NewTicket { .. } => Outcome::NewTicket,
            Decision::FollowUp { .. } => Outcome::FollowUp,
            Decision::Repeat { .. } => Outcome::Repeat,
            Decision::Thanks { .. } => Outcome::Thanks,
            Decision::Automatic { .. } => Outcome::Automatic,
            Decision::DuplicateDelivery { .. } => Outcome::DuplicateDelivery,
            Decision::Quarantined { .. } => Outcome::Quarantined,
        }
    }

    /// The existing ticket this decision touches (a new ticket has no id yet).
    pub fn existing_ticket(&self) -> Option<i64> {
        match *self {
            Decision::FollowUp { ticket, .. }
            | Decision::Repeat { ticket, .. }
            | Decision::Thanks { ticket, .. } => Some(ticket),
            Decision::DuplicateDelivery { ticket } => ticket,
            _ => None,
        }
    }
}

fn is_closed_for_good(t: &TicketSummary, policy: &Policy, now: Timestamp) -> bool {
    t.status == TicketStatus::Closed
        && t.closed_at.is_none_or(|closed| {
            closed
                .checked_add(policy.reopen_window)
                .is_ok_and(|end| end < now)
        })
}

fn thanks(t: &TicketSummary) -> Decision {
    Decision::Thanks {
        ticket: t.id,
        close: t.status == TicketStatus::Solved,
    }
}

fn status_update_due(t: &TicketSummary, policy: &Policy, now: Timestamp) -> bool {
    t.last_status_update_at.is_none_or(|last| {
        last.checked_add(policy.status_update_period)
            .is_ok_and(|next| next <= now)
    })
}

/// Decides what happens to one mail. Total: every input has an answer.
pub fn decide(facts: &Facts, policy: &Policy, now: Timestamp) -> Decision {
    let m = &facts.message;
    // The same message again changes nothing, whatever it was the first time.
    if let Some(ticket) = facts.duplicate_of {
        return Decision::DuplicateDelivery { ticket };
    }
    if let Some(reason) = m.quarantine {
        return Decision::Quarantined { reason };
    }
    if m.from_own_address {
        return Decision::Automatic {
            kind: AutomaticKind::Loop,
        };
    }
    if let Some(kind) = m.automatic {
        return Decision::Automatic { kind };
    }

    // Threaded: headers always count; a tag or plus-address only for participants,
    // so a stranger cannot write into someone else's ticket.
    let thread = facts
        .by_headers
        .as_ref()
        .or(facts.by_tag.as_ref().filter(|c| c.sender_is_participant));
    if let Some(c) = thread {
        let t = &c.ticket;
        if is_closed_for_good(t, policy, now) {
            if m.thanks {
                return Decision::Thanks {
                    ticket: t.id,
                    close: false,
                };
            }
            return Decision::NewTicket {
                linked_to: Some(t.id),
                acknowledge: !m.from_agent,
            };
        }
        if m.thanks {
            return thanks(t);
        }
        return Decision::FollowUp {
            ticket: t.id,
            reopen: t.status != TicketStatus::Open,
            nudge: m.nudge,
            status_update: m.nudge && !m.from_agent && status_update_due(t, policy, now),
        };
    }

    // A fresh thank-you belongs to the sender's most recently active ticket.
    if m.thanks {
        let recent = facts.open_tickets.iter().find(|t| {
            t.last_customer_message_at.is_some_and(|last| {
                last.checked_add(policy.thanks_window)
                    .is_ok_and(|end| end >= now)
            })
        });
        if let Some(t) = recent {
            return thanks(t);
        }
    }
    // Unthreaded: the same request again folds into the ticket it repeats.
    let unclosed = || {
        facts
            .open_tickets
            .iter()
            .filter(|t| t.status != TicketStatus::Closed)
    };
    let same_content = unclosed()
        .find(|t| t.content_keys.contains(&m.content_key))
        .map(|t| (t, RepeatReason::SameContent));
    let similar = || {
        let evidence: Vec<RepeatEvidence> = facts
            .repeat_evidence
            .iter()
            .filter(|e| unclosed().any(|t| t.id == e.ticket))
            .copied()
            .collect();
        best_repeat_said(&evidence, m.nudge, m.says_again, &policy.repeat)
            .and_then(|(id, reason)| unclosed().find(|t| t.id == id).map(|t| (t, reason)))
    };
    if let Some((t, reason)) = same_content.or_else(similar) {
        return Decision::Repeat {
            ticket: t.id,
            status_update: !m.from_agent && !m.thanks && status_update_due(t, policy, now),
            reopen: t.status != TicketStatus::Open,
            reason,
        };
    }
    Decision::NewTicket {
        linked_to: None,
        acknowledge: !m.from_agent,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::option;
    use proptest::prelude::*;

    fn now() -> Timestamp {
        "2026-03-02T10:00:00Z".parse().expect("valid")
    }

    fn message() -> MessageFacts {
        MessageFacts {
            received_at: now(),
            quarantine: None,
            automatic: None,
            from_own_address: false,
            from_agent: false,
            content_key: "k1".into(),
            thanks: false,
            nudge: false,
            says_again: false,
        }
    }

    fn ticket(id: i64, status: TicketStatus) -> TicketSummary {
        TicketSummary {
            id,
            status,
            closed_at: None,
            last_customer_message_at: Some(now() - SignedDuration::from_hours(1)),
            last_status_update_at: None,
            content_keys: vec!["k0".into()],
            promised_by: None,
            repeats: 0,
            angry: false,
            team: "support".into(),
        }
    }

    fn facts() -> Facts {
        Facts {
            message: message(),
            duplicate_of: None,
            by_headers: None,
            by_tag: None,
            open_tickets: vec![],
            repeat_evidence: vec![],
        }
    }

    fn cand(t: TicketSummary, via: ThreadVia, participant: bool) -> ThreadCandidate {
        ThreadCandidate {
            ticket: t,
            via,
            sender_is_participant: participant,
        }
    }

    #[test]
    fn fresh_mail_opens_acknowledged_ticket() {
        assert_eq!(
            decide(&facts(), &Policy::default(), now()),
            Decision::NewTicket {
                linked_to: None,
                acknowledge: true
            }
        );
    }

    #[test]
    fn agent_mail_is_never_acknowledged() {
        let mut f = facts();
        f.message.from_agent = true;
        assert_eq!(
            decide(&f, &Policy::default(), now()),
            Decision::NewTicket {
                linked_to: None,
                acknowledge: false
            }
        );
    }

    #[test]
    fn stranger_cannot_join_by_tag() {
        let mut f = facts();
        f.by_tag = Some(cand(
            ticket(7, TicketStatus::Open),
            ThreadVia::SubjectTag,
            false,
        ));
        assert!(matches!(
            decide(&f, &Policy::default(), now()),
            Decision::NewTicket { .. }
        ));
        f.by_tag = Some(cand(
            ticket(7, TicketStatus::Open),
            ThreadVia::SubjectTag,
            true,
        ));
        assert_eq!(
            decide(&f, &Policy::default(), now()),
            Decision::FollowUp {
                ticket: 7,
                reopen: false,
                nudge: false,
                status_update: false
            }
        );
    }

    #[test]
    fn reply_reopens_pending_and_solved() {
        for s in [TicketStatus::Pending, TicketStatus::Solved] {
            let mut f = facts();
            f.by_headers = Some(cand(ticket(3, s), ThreadVia::Headers, true));
            assert_eq!(
                decide(&f, &Policy::default(), now()),
                Decision::FollowUp {
                    ticket: 3,
                    reopen: true,
                    nudge: false,
                    status_update: false
                }
            );
        }
    }

    #[test]
    fn reply_to_long_closed_ticket_opens_linked_ticket() {
        let mut t = ticket(3, TicketStatus::Closed);
        t.closed_at = Some(now() - SignedDuration::from_hours(31 * 24));
        let mut f = facts();
        f.by_headers = Some(cand(t.clone(), ThreadVia::Headers, true));
        assert_eq!(
            decide(&f, &Policy::default(), now()),
            Decision::NewTicket {
                linked_to: Some(3),
                acknowledge: true
            }
        );
        // Within the window it reopens.
        t.closed_at = Some(now() - SignedDuration::from_hours(24));
        f.by_headers = Some(cand(t, ThreadVia::Headers, true));
        assert_eq!(
            decide(&f, &Policy::default(), now()),
            Decision::FollowUp {
                ticket: 3,
                reopen: true,
                nudge: false,
                status_update: false
            }
        );
    }

    #[test]
    fn identical_resend_is_a_repeat_with_one_update_per_period() {
        let mut t = ticket(5, TicketStatus::Open);
        t.content_keys.push("k1".into());
        let mut f = facts();
        f.open_tickets = vec![t.clone()];
        assert_eq!(
            decide(&f, &Policy::default(), now()),
            Decision::Repeat {
                ticket: 5,
                status_update: true,
                reopen: false,
                reason: RepeatReason::SameContent
            }
        );
        t.last_status_update_at = Some(now() - SignedDuration::from_hours(1));
        f.open_tickets = vec![t];
        assert_eq!(
            decide(&f, &Policy::default(), now()),
            Decision::Repeat {
                ticket: 5,
                status_update: false,
                reopen: false,
                reason: RepeatReason::SameContent
            }
        );
    }

    #[test]
    fn thanks_never_reopens() {
        let mut f = facts();
        f.message.thanks = true;
        f.by_headers = Some(cand(
            ticket(4, TicketStatus::Solved),
            ThreadVia::Headers,
            true,
        ));
        assert_eq!(
            decide(&f, &Policy::default(), now()),
            Decision::Thanks {
                ticket: 4,
                close: true
            }
        );
        // Unthreaded thank-you goes to the recent ticket.
        let mut f = facts();
        f.message.thanks = true;
        f.open_tickets = vec![ticket(9, TicketStatus::Solved)];
        assert_eq!(
            decide(&f, &Policy::default(), now()),
            Decision::Thanks {
                ticket: 9,
                close: true
            }
        );
    }

    fn arb_status() -> impl Strategy<Value = TicketStatus> {
        prop_oneof![
            Just(TicketStatus::Open),
            Just(TicketStatus::Pending),
            Just(TicketStatus::Solved),
            Just(TicketStatus::Closed),
        ]
    }

    fn arb_ticket() -> impl Strategy<Value = TicketSummary> {
        (
            1i64..20,
            arb_status(),
            option::of(0i64..100 * 24),
            option::of(0i64..100),
            proptest::collection::vec("k[0-3]", 0..3),
        )
            .prop_map(|(id, status, closed_h, upd_h, keys)| TicketSummary {
                id,
                status,
                closed_at: closed_h.map(|h| now() - SignedDuration::from_hours(h)),
                last_customer_message_at: Some(now() - SignedDuration::from_hours(2)),
                last_status_update_at: upd_h.map(|h| now() - SignedDuration::from_hours(h)),
                content_keys: keys,
                promised_by: None,
                repeats: 0,
                angry: false,
                team: "support".into(),
            })
    }

    fn arb_facts() -> impl Strategy<Value = Facts> {
        let kinds = prop_oneof![
            Just(AutomaticKind::AutoReply),
            Just(AutomaticKind::Bounce),
            Just(AutomaticKind::Bulk),
            Just(AutomaticKind::Other),
        ];
        let reasons = prop_oneof![
            Just(QuarantineReason::Unparseable),
            Just(QuarantineReason::Spam),
            Just(QuarantineReason::TooLarge),
        ];
        let via = prop_oneof![Just(ThreadVia::SubjectTag), Just(ThreadVia::PlusAddress)];
        (
            (
                option::of(reasons),
                option::of(kinds),
                any::<bool>(),
                any::<bool>(),
                "k[0-3]",
                any::<bool>(),
                any::<bool>(),
            ),
            option::of(option::of(1i64..20)),
            option::of(arb_ticket()),
            option::of((arb_ticket(), via, any::<bool>())),
            proptest::collection::vec(arb_ticket(), 0..4),
        )
            .prop_map(
                |((q, a, own, agent, key, thanks, nudge), dup, hdr, tag, open)| Facts {
                    message: MessageFacts {
                        received_at: now(),
                        quarantine: q,
                        automatic: a,
                        from_own_address: own,
                        from_agent: agent,
                        content_key: key,
                        thanks,
                        nudge,
                        says_again: nudge && thanks,
                    },
                    duplicate_of: dup,
                    by_headers: hdr.map(|t| cand(t, ThreadVia::Headers, true)),
                    by_tag: tag.map(|(t, v, p)| cand(t, v, p)),
                    repeat_evidence: open
                        .iter()
                        .map(|t| RepeatEvidence {
                            ticket: t.id,
                            ..RepeatEvidence::default()
                        })
                        .collect(),
                    open_tickets: open,
                },
            )
    }

    proptest! {
        #[test]
        fn robots_and_quarantine_never_get_mail_or_tickets(f in arb_facts()) {
            let d = decide(&f, &Policy::default(), now());
            if f.duplicate_of.is_some() {
                prop_assert_eq!(d.outcome(), Outcome::DuplicateDelivery);
            } else if f.message.quarantine.is_some() {
                prop_assert_eq!(d.outcome(), Outcome::Quarantined);
            } else if f.message.automatic.is_some() || f.message.from_own_address {
                prop_assert_eq!(d.outcome(), Outcome::Automatic);
            }
        }

        #[test]
        fn agents_never_get_acknowledgements_or_updates(mut f in arb_facts()) {
            f.message.from_agent = true;
            match decide(&f, &Policy::default(), now()) {
                Decision::NewTicket { acknowledge, .. } => prop_assert!(!acknowledge),
                Decision::Repeat { status_update, .. }
                | Decision::FollowUp { status_update, .. } => prop_assert!(!status_update),
                _ => {}
            }
        }

        #[test]
        fn strangers_never_join_by_tag(mut f in arb_facts()) {
            f.by_headers = None;
            let stranger_ticket = f.by_tag.as_ref().filter(|c| !c.sender_is_participant).map(|c| c.ticket.id);
            let d = decide(&f, &Policy::default(), now());
            if let (Some(id), Decision::FollowUp { ticket, .. }) = (stranger_ticket, &d) {
                prop_assert_ne!(*ticket, id);
            }
        }

        #[test]
        fn thanks_never_reopens_or_answers(mut f in arb_facts()) {
            f.message.thanks = true;
            let d = decide(&f, &Policy::default(), now());
            let reopens_or_answers = matches!(d, Decision::FollowUp { .. } | Decision::Repeat { .. });
            prop_assert!(!reopens_or_answers);
        }

        #[test]
        fn a_repeat_only_goes_to_an_unclosed_ticket_with_evidence(f in arb_facts()) {
            if let Decision::Repeat { ticket, reason, .. } = decide(&f, &Policy::default(), now()) {
                prop_assert!(f.open_tickets.iter().any(|t| t.id == ticket
                    && t.status != TicketStatus::Closed
                    && (t.content_keys.contains(&f.message.content_key)
                        || (reason == RepeatReason::Nudge && f.message.nudge))));
            }
        }

        #[test]
        fn a_nudge_with_an_unclosed_ticket_never_opens_a_new_one(mut f in arb_facts()) {
            f.message.nudge = true;
            f.by_headers = None;
            f.by_tag = None;
            let d = decide(&f, &Policy::default(), now());
            let plain = f.duplicate_of.is_none() && f.message.quarantine.is_none()
                && f.message.automatic.is_none() && !f.message.from_own_address && !f.message.thanks;
            if plain && f.open_tickets.iter().any(|t| t.status != TicketStatus::Closed) {
                prop_assert_eq!(d.outcome(), Outcome::Repeat);
            }
        }
    }
}
