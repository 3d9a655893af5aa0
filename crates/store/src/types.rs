//! Rows in and out of the store.

use jiff::Timestamp;
use kindly_core::TicketStatus;
use serde::Serialize;

pub struct NewRaw<'a> {
    pub sha256: &'a str,
    pub bytes: &'a [u8],
    pub received_at: Timestamp,
    /// Where it came from: a file path, `-` for stdin, `imap:…`.
    pub source: &'a str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RawStored {
    /// Newly stored.
    Fresh(i64),
    /// Stored by an earlier run that did not finish processing it (a crash).
    Unprocessed(i64),
    /// Stored and processed before: the very same bytes again.
    Processed(i64),
}

impl RawStored {
    pub fn id(self) -> i64 {
        match self {
            RawStored::Fresh(id) | RawStored::Unprocessed(id) | RawStored::Processed(id) => id,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RawStatus {
    Received,
    Processed,
    Duplicate,
}

impl RawStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RawStatus::Received => "received",
            RawStatus::Processed => "processed",
            RawStatus::Duplicate => "duplicate",
        }
    }
}

pub struct NewCustomer<'a> {
    pub email: &'a str,
    pub name: Option<&'a str>,
    pub language: Option<&'a str>,
    pub tz_offset: Option<i32>,
    pub at: Timestamp,
}

pub struct NewTicket<'a> {
    pub customer_id: i64,
    pub subject: &'a str,
    pub language: Option<&'a str>,
    pub priority: &'a str,
    pub anger: f32,
    pub angry: bool,
    pub created_at: Timestamp,
    pub promised_by: Option<Timestamp>,
    pub linked_to: Option<i64>,
    /// The team whose queue it joins.
    pub team: &'a str,
}

pub struct NewMessage<'a> {
    pub raw_id: Option<i64>,
    pub ticket_id: Option<i64>,
    pub message_id: &'a str,
    pub content_hash: &'a str,
    pub in_reply_to: Option<&'a str>,
    pub references: &'a str,
    pub sender: Option<&'a str>,
    pub sender_name: Option<&'a str>,
    pub subject: &'a str,
    pub visible_text: &'a str,
    pub quoted_text: &'a str,
    /// JSON array of attachments.
    pub attachments: &'a str,
    pub language: Option<&'a str>,
    pub anger: f32,
    pub angry: bool,
    pub outcome: &'a str,
    /// Outcome detail: automatic kind, quarantine reason, linked ticket…
    pub detail: Option<&'a str>,
    pub content_key: &'a str,
    /// JSON array of parse warnings.
    pub warnings: &'a str,
    pub received_at: Timestamp,
    /// The visible text's fingerprint (`kindly_text::Fingerprint::encode`).
    pub fingerprint: Option<&'a [u8]>,
}

/// What a new customer message does to its ticket.
#[derive(Clone, Debug, Default)]
pub struct TicketChange {
    pub ticket: i64,
    /// Move back to open (a reply to pending/solved/recently closed).
    pub reopen: bool,
    /// Count one more repeat.
    pub repeat: bool,
    /// When the customer wrote (updates last activity).
    pub customer_message_at: Option<Timestamp>,
    /// Raise anger to at least this; angry sticks once set.
    pub anger: Option<(f32, bool)>,
    /// New priority, when it changes.
    pub priority: Option<String>,
    /// A status update was queued at this time.
    pub status_update_at: Option<Timestamp>,
    /// Close the ticket (a thank-you confirming a solved ticket).
    pub close: bool,
    /// An agent answered: the first time, this is the first response, and the
    /// open promises are settled (kept when on time, else missed).
    pub agent_answered: bool,
    pub at: Timestamp,
}

/// One of the customer's earlier mails in a ticket, for repeat detection.
#[derive(Clone, Debug)]
pub struct EarlierMessage {
    pub ticket_id: i64,
    pub subject: String,
    pub visible_text: String,
    pub language: Option<String>,
    /// Stored fingerprint; `None` for mail stored before fingerprints were kept.
    pub fingerprint: Option<Vec<u8>>,
}

/// An open ticket of another customer that shares similar-ticket bands.
#[derive(Clone, Debug)]
pub struct BandCandidate {
    pub ticket_id: i64,
    /// How many of the bands asked for it shares.
    pub shared_bands: i64,
    pub print: Vec<u8>,
    pub subject: String,
    pub customer: String,
    pub status: TicketStatus,
    pub created_at: Timestamp,
}

/// One entry of a ticket's history.
#[derive(Clone, Debug, Serialize)]
pub struct EventView {
    pub id: i64,
    pub ticket: Option<i64>,
    pub kind: String,
    pub detail: serde_json::Value,
    pub at: Timestamp,
    /// The event that undid this one.
    pub undone_by: Option<i64>,
}

/// What an agent action (merge, split, undo) did.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct ActionDone {
    /// The event recording the action (give it to `undo`).
    pub event: i64,
    /// merge | split | undo
    pub action: String,
    /// The ticket that holds the moved messages now.
    pub ticket: i64,
    /// The ticket they came from.
    pub from_ticket: i64,
    /// Message rows moved.
    pub messages: Vec<i64>,
    /// For undo: the event undone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub undid: Option<i64>,
}

pub struct NewOutgoing<'a> {
    pub ticket_id: Option<i64>,
    pub kind: &'a str,
    pub to: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
    pub message_id: &'a str,
    pub in_reply_to: Option<&'a str>,
    /// Space-separated Message-IDs.
    pub references: &'a str,
    pub language: Option<&'a str>,
    pub promised_by: Option<Timestamp>,
    pub created_at: Timestamp,
    /// Not before this (a reply held for a cool-down); `None`: at once.
    pub send_after: Option<Timestamp>,
}

#[derive(Clone, Debug, Serialize)]
pub struct TicketView {
    pub id: i64,
    pub subject: String,
    pub customer: String,
    pub customer_name: Option<String>,
    pub status: TicketStatus,
    pub priority: String,
    pub language: Option<String>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub promised_by: Option<Timestamp>,
    pub closed_at: Option<Timestamp>,
    pub messages: i64,
    pub repeats: i64,
    pub angry: bool,
    pub anger: f32,
    pub linked_to: Option<i64>,
    /// Set when an agent merged this ticket into another.
    pub merged_into: Option<i64>,
    /// When an agent first answered.
    pub first_response_at: Option<Timestamp>,
    /// The promise is near its deadline without an answer.
    pub at_risk: bool,
    /// The team whose queue holds it.
    pub team: String,
    /// The agent (account e-mail) working it; `None`: nobody yet.
    pub assignee: Option<String>,
    pub message_ids: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct MessageView {
    pub id: i64,
    pub raw_id: Option<i64>,
    pub ticket: Option<i64>,
    pub message_id: String,
    pub sender: Option<String>,
    pub sender_name: Option<String>,
    pub subject: String,
    pub visible_text: String,
    pub quoted_text: String,
    pub attachments: serde_json::Value,
    pub language: Option<String>,
    pub anger: f32,
    pub angry: bool,
    pub outcome: String,
    pub detail: Option<String>,
    pub warnings: serde_json::Value,
    pub received_at: Timestamp,
}

#[derive(Clone, Debug, Serialize)]
pub struct OutboxRow {
    pub id: i64,
    pub ticket: Option<i64>,
    pub kind: String,
    pub status: String,
    pub to: String,
    pub subject: String,
    pub message_id: String,
    pub in_reply_to: Option<String>,
    pub references: Vec<String>,
    pub language: Option<String>,
    pub promised_by: Option<Timestamp>,
    pub body: String,
    pub attempts: i64,
    pub next_try_at: Timestamp,
    pub last_error: Option<String>,
    pub created_at: Timestamp,
    pub sent_at: Option<Timestamp>,
}

/// Which set-aside mail to list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetAside {
    /// Unparseable, too large, no sender.
    Quarantine,
    /// Flagged as spam or failing DMARC: stored, never answered.
    Spam,
    /// Machine-made mail.
    Automatic,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Counts {
    pub raw: i64,
    pub messages: i64,
    pub tickets: i64,
    pub open_tickets: i64,
    pub queued: i64,
    pub sent: i64,
    pub failed: i64,
}

/// Mail and tickets on one day (UTC), for `kindly stats`: unique problems
/// (tickets) counted apart from mails received.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct DayStats {
    /// Days since 1970-01-01 (UTC).
    #[serde(skip)]
    pub day: i64,
    /// Mails stored as messages (a re-delivery of the same mail is not counted again).
    pub mails: i64,
    /// Tickets opened: unique problems.
    pub tickets: i64,
    /// Mails folded into an open ticket as a repeat (re-sends, nudges, threaded nudges).
    pub repeats_folded: i64,
    pub follow_ups: i64,
    pub thanks: i64,
    pub automatic: i64,
    pub quarantined: i64,
}

/// A promise stated to a customer.
pub struct NewPromise<'a> {
    pub ticket_id: i64,
    /// `acknowledgement` | `update`
    pub kind: &'a str,
    pub made_at: Timestamp,
    pub due_at: Timestamp,
    pub ahead: i64,
    pub beyond_target: bool,
}

/// A promise and what became of it, with its ticket's state.
#[derive(Clone, Debug, Serialize)]
pub struct PromiseRow {
    pub id: i64,
    pub ticket: i64,
    pub kind: String,
    pub made_at: Timestamp,
    pub due_at: Timestamp,
    pub ahead: i64,
    pub beyond_target: bool,
    /// open | kept | missed | replaced
    pub state: String,
    pub settled_at: Option<Timestamp>,
    pub team: String,
    pub ticket_status: TicketStatus,
    pub priority: String,
    pub ticket_created_at: Timestamp,
    pub first_response_at: Option<Timestamp>,
    pub at_risk: bool,
    pub customer: String,
    pub language: Option<String>,
    /// The customer's last mail: a status update answers it, threaded.
    pub last_message_id: Option<String>,
}

/// Our mail that came back as a bounce.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BouncedMail {
    pub outbox_id: i64,
    pub ticket: Option<i64>,
    pub to: String,
    pub kind: String,
}

/// An agent's account.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct UserRow {
    pub id: i64,
    pub email: String,
    pub name: String,
    /// `agent` | `admin`
    pub role: String,
    /// Teams whose tickets the agent works (admins see all).
    pub teams: Vec<String>,
    #[serde(skip)]
    pub password_hash: String,
    pub created_at: Timestamp,
    pub disabled: bool,
}

pub struct NewUser<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub role: &'a str,
    pub teams: &'a [String],
    pub password_hash: &'a str,
    pub created_at: Timestamp,
}

/// A live session and whose it is.
#[derive(Clone, Debug)]
pub struct SessionRow {
    pub user: UserRow,
    pub csrf: String,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
}

/// Rows that belong to a ticket (for access checks).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Owned {
    Message,
    Event,
    Outbox,
}

/// What the inbox shows: filters, a search, and where the page starts.
#[derive(Clone, Debug, Default)]
pub struct InboxQuery {
    /// Only these teams; `None`: every team.
    pub teams: Option<Vec<String>>,
    /// Only these statuses; empty: open.
    pub statuses: Vec<TicketStatus>,
    pub language: Option<String>,
    /// Only tickets this agent works, or nobody works.
    pub assignee: Option<AssigneeFilter>,
    /// Words every listed ticket has in a message's subject or text (prefixes match).
    pub search: Option<String>,
    /// The cursor of the page before ([`InboxPage::next`]).
    pub after: Option<String>,
    pub limit: i64,
}

/// Whose tickets the inbox lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AssigneeFilter {
    /// Tickets nobody works yet.
    Nobody,
    /// Tickets this agent (account e-mail) works.
    Agent(String),
}

/// One page of the inbox, most urgent first.
#[derive(Clone, Debug, Serialize)]
pub struct InboxPage {
    pub tickets: Vec<TicketView>,
    /// Pass as [`InboxQuery::after`] for the next page; `None` on the last.
    pub next: Option<String>,
}

/// `"word another"` as an FTS5 query: each word a quoted prefix, all required;
/// `None` when nothing searchable is left.
pub fn fts_query(search: &str) -> Option<String> {
    let terms = search_terms(search);
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// The words of a search as FTS5 strings (`"word"*`, quotes doubled), at most
/// 12. Words are runs of letters and digits (with `-`, `_`, `@` and `.`
/// inside, as in addresses and order numbers), so nothing in them is FTS5
/// syntax, and no private-use character (the ticket index's message
/// separator, migration 0010) ever reaches the index.
pub fn search_terms(search: &str) -> Vec<String> {
    search
        .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '_' && c != '@' && c != '.')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .take(12)
        .map(|w| format!("\"{}\"*", w.replace('"', "\"\"")))
        .collect()
}

/// An internal note on a ticket: for agents only, never mailed.
#[derive(Clone, Debug, Serialize)]
pub struct NoteView {
    pub id: i64,
    pub ticket: i64,
    pub author: String,
    pub body: String,
    pub created_at: Timestamp,
}

/// One language's text of a saved reply.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct SavedReply {
    pub id: i64,
    pub title: String,
    pub lang: String,
    pub body: String,
    pub updated_by: String,
    pub updated_at: Timestamp,
}

pub struct NewSavedReply<'a> {
    pub title: &'a str,
    pub lang: &'a str,
    pub body: &'a str,
    pub by: &'a str,
    pub at: Timestamp,
}
