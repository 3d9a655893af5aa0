//! Domain values shared by every crate.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// What happened to one incoming mail (the `outcome` of `kindly ingest`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    NewTicket,
    FollowUp,
    Repeat,
    Thanks,
    Automatic,
    DuplicateDelivery,
    Quarantined,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::NewTicket => "new_ticket",
            Outcome::FollowUp => "follow_up",
            Outcome::Repeat => "repeat",
            Outcome::Thanks => "thanks",
            Outcome::Automatic => "automatic",
            Outcome::DuplicateDelivery => "duplicate_delivery",
            Outcome::Quarantined => "quarantined",
        }
    }

    pub fn parse(s: &str) -> Option<Outcome> {
        [
            Outcome::NewTicket,
            Outcome::FollowUp,
            Outcome::Repeat,
            Outcome::Thanks,
            Outcome::Automatic,
            Outcome::DuplicateDelivery,
            Outcome::Quarantined,
        ]
        .into_iter()
        .find(|o| o.as_str() == s)
    }
}

/// Ticket life cycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TicketStatus {
    /// Waiting on us.
    Open,
    /// Waiting on the customer.
    Pending,
    /// We believe it is solved; a customer reply reopens it.
    Solved,
    /// Done; a reply within the reopen window reopens it, a later one opens a new linked ticket.
    Closed,
}

impl TicketStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            TicketStatus::Open => "open",
            TicketStatus::Pending => "pending",
            TicketStatus::Solved => "solved",
            TicketStatus::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> Option<TicketStatus> {
        match s {
            "open" => Some(TicketStatus::Open),
            "pending" => Some(TicketStatus::Pending),
            "solved" => Some(TicketStatus::Solved),
            "closed" => Some(TicketStatus::Closed),
            _ => None,
        }
    }
}

/// Why a mail is automatic (robots get no answers, invariant 4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AutomaticKind {
    /// Out-of-office, vacation and "we received your mail" replies.
    AutoReply,
    /// Delivery status notifications and other bounce shapes.
    Bounce,
    /// Mailing-list, newsletter and other bulk mail.
    Bulk,
    /// Mail from our own support address (a loop).
    Loop,
    /// Other machine-generated mail (feedback reports, auto-generated notices).
    Other,
}

impl AutomaticKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AutomaticKind::AutoReply => "auto_reply",
            AutomaticKind::Bounce => "bounce",
            AutomaticKind::Bulk => "bulk",
            AutomaticKind::Loop => "loop",
            AutomaticKind::Other => "other",
        }
    }
}

/// Why a stored mail was set aside instead of becoming a ticket.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuarantineReason {
    /// Not an RFC 5322 message we can read.
    Unparseable,
    /// Larger than the configured size limit.
    TooLarge,
    /// No usable sender address.
    NoSender,
    /// The MTA flagged it as spam (X-Spam-Flag / X-Spam-Status).
    Spam,
    /// Authentication-Results says DMARC failed.
    DmarcFail,
}

impl QuarantineReason {
    pub fn as_str(self) -> &'static str {
        match self {
            QuarantineReason::Unparseable => "unparseable",
            QuarantineReason::TooLarge => "too_large",
            QuarantineReason::NoSender => "no_sender",
            QuarantineReason::Spam => "spam",
            QuarantineReason::DmarcFail => "dmarc_fail",
        }
    }

    /// Spam-like reasons go to the spam list rather than the operator's quarantine.
    pub fn is_spam(self) -> bool {
        matches!(self, QuarantineReason::Spam | QuarantineReason::DmarcFail)
    }
}

/// What the decision needs to know about an existing ticket.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TicketSummary {
    pub id: i64,
    pub status: TicketStatus,
    pub closed_at: Option<Timestamp>,
    /// When the customer last wrote into this ticket.
    pub last_customer_message_at: Option<Timestamp>,
    /// When we last sent a status update on this ticket.
    pub last_status_update_at: Option<Timestamp>,
    /// Content keys of the customer's messages in this ticket (see `MessageFacts::content_key`).
    pub content_keys: Vec<String>,
    /// What we told the customer.
    pub promised_by: Option<Timestamp>,
    /// How often the customer wrote the same request again.
    pub repeats: i64,
    pub angry: bool,
    /// The team whose queue holds it.
    pub team: String,
}

/// How urgent a ticket is, from what the customer went through.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    Normal,
    High,
    Urgent,
}

impl Priority {
    pub fn as_str(self) -> &'static str {
        match self {
            Priority::Normal => "normal",
            Priority::High => "high",
            Priority::Urgent => "urgent",
        }
    }

    pub fn parse(s: &str) -> Option<Priority> {
        match s {
            "normal" => Some(Priority::Normal),
            "high" => Some(Priority::High),
            "urgent" => Some(Priority::Urgent),
            _ => None,
        }
    }

    /// Each repeat raises urgency (the customer is waiting), anger raises it once.
    pub fn for_ticket(repeats: i64, angry: bool) -> Priority {
        let level = repeats.clamp(0, 2) + i64::from(angry);
        match level {
            0 => Priority::Normal,
            1 => Priority::High,
            _ => Priority::Urgent,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn priority_rises_with_repeats_and_anger() {
        assert_eq!(Priority::for_ticket(0, false), Priority::Normal);
        assert_eq!(Priority::for_ticket(1, false), Priority::High);
        assert_eq!(Priority::for_ticket(0, true), Priority::High);
        assert_eq!(Priority::for_ticket(2, false), Priority::Urgent);
        assert_eq!(Priority::for_ticket(1, true), Priority::Urgent);
        assert_eq!(Priority::for_ticket(50, true), Priority::Urgent);
        for r in 0..5 {
            assert!(Priority::for_ticket(r + 1, false) >= Priority::for_ticket(r, false));
        }
    }
}
