//! Persistence behind one [`Store`] trait (invariant 6).
//!
//! [`SqliteStore`] is the embedded default; a PostgreSQL store implements the
//! same traits with the same portable SQL shape (BIGINT seconds, no
//! SQLite-only functions in queries the app relies on).
//!
//! Intake runs inside one [`IntakeTx`]: the app gathers facts, calls
//! `core::decide`, applies the decision and queues outgoing mail, then
//! commits — so an acknowledgement exists exactly when its ticket does
//! (invariant 3).

mod actions;
mod desk;
mod error;
mod sqlite;
mod types;

pub use error::StoreError;
pub use sqlite::SqliteStore;
pub use types::*;

use std::future::Future;

use jiff::Timestamp;
use kindly_core::{TicketStatus, TicketSummary};

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// One intake transaction. Dropping it without [`IntakeTx::commit`] rolls back.
pub trait IntakeTx: Send {
    /// A stored message with this Message-ID and the same content: its row id and ticket.
    fn find_same_content(
        &mut self,
        message_id: &str,
        content_hash: &str,
    ) -> impl Future<Output = Result<Option<(i64, Option<i64>)>>> + Send;

    /// The most recent ticket that holds any of these Message-IDs, the
    /// customer's or ours.
    fn ticket_by_message_ids(
        &mut self,
        ids: &[String],
    ) -> impl Future<Output = Result<Option<i64>>> + Send;

    fn ticket_summary(
        &mut self,
        ticket: i64,
    ) -> impl Future<Output = Result<Option<TicketSummary>>> + Send;

    fn is_participant(
        &mut self,
        ticket: i64,
        email: &str,
    ) -> impl Future<Output = Result<bool>> + Send;

    /// The customer's tickets that are not closed, most recently active first.
    fn open_tickets_of(
        &mut self,
        email: &str,
    ) -> impl Future<Output = Result<Vec<TicketSummary>>> + Send;

    /// The newest `limit` messages `sender` wrote into `ticket`, newest first.
    fn earlier_messages(
        &mut self,
        ticket: i64,
        sender: &str,
        limit: i64,
    ) -> impl Future<Output = Result<Vec<EarlierMessage>>> + Send;

    fn upsert_customer(&mut self, c: &NewCustomer<'_>) -> impl Future<Output = Result<i64>> + Send;

    fn create_ticket(&mut self, t: &NewTicket<'_>) -> impl Future<Output = Result<i64>> + Send;

    fn add_participant(
        &mut self,
        ticket: i64,
        email: &str,
        role: &str,
    ) -> impl Future<Output = Result<()>> + Send;

    fn insert_message(&mut self, m: &NewMessage<'_>) -> impl Future<Output = Result<i64>> + Send;

    fn update_ticket(&mut self, change: &TicketChange) -> impl Future<Output = Result<()>> + Send;

    /// Records what a ticket created in this transaction is about: its print
    /// and its similar-ticket LSH band keys.
    fn index_ticket(
        &mut self,
        ticket: i64,
        print: &[u8],
        bands: &[i64],
    ) -> impl Future<Output = Result<()>> + Send;

    fn queue_mail(&mut self, mail: &NewOutgoing<'_>) -> impl Future<Output = Result<i64>> + Send;

    /// Open tickets of `team` we promised an answer and have not answered yet,
    /// with one of `priorities`, created before `before` when given: the queue
    /// ahead of a ticket.
    fn waiting_ahead(
        &mut self,
        team: &str,
        priorities: &[&str],
        before: Option<(Timestamp, i64)>,
    ) -> impl Future<Output = Result<i64>> + Send;

    /// First responses `team` gave since `since` (its measured answer rate).
    fn first_responses_since(
        &mut self,
        team: &str,
        since: Timestamp,
    ) -> impl Future<Output = Result<i64>> + Send;

    /// Records a promise; an `update` also moves the ticket's `promised_by` (an
    /// `acknowledgement` restates the one the ticket was created with).
    fn record_promise(&mut self, p: &NewPromise<'_>) -> impl Future<Output = Result<i64>> + Send;

    /// Settles a promise: `kept`, `missed` or `replaced`.
    fn settle_promise(
        &mut self,
        promise: i64,
        state: &str,
        at: Timestamp,
    ) -> impl Future<Output = Result<()>> + Send;

    /// A bounce returned our mail `message_id`: its outbox row is marked failed
    /// with `reason`. Returns the row's id, ticket and recipient when it is ours.
    fn mark_bounced(
        &mut self,
        message_id: &str,
        reason: &str,
        at: Timestamp,
    ) -> impl Future<Output = Result<Option<BouncedMail>>> + Send;

    /// Sets the at-risk badge of a ticket.
    fn set_at_risk(
        &mut self,
        ticket: i64,
        at_risk: bool,
    ) -> impl Future<Output = Result<()>> + Send;

    fn log_event(
        &mut self,
        ticket: Option<i64>,
        kind: &str,
        detail: &serde_json::Value,
        at: Timestamp,
    ) -> impl Future<Output = Result<()>> + Send;

    fn mark_raw(
        &mut self,
        raw_id: i64,
        status: RawStatus,
    ) -> impl Future<Output = Result<()>> + Send;

    fn commit(self) -> impl Future<Output = Result<()>> + Send;
}

/// Everything Kindly keeps.
pub trait Store: Clone + Send + Sync + 'static {
    type Tx: IntakeTx;

    /// Stores raw bytes first (invariant 1). Idempotent on the bytes' SHA-256.
    fn put_raw(&self, raw: &NewRaw<'_>) -> impl Future<Output = Result<RawStored>> + Send;

    /// [`Store::put_raw`] for many mails in one transaction (an import): all of
    /// them are committed when it returns, none when it fails. In `raws` order.
    fn put_raw_batch(
        &self,
        raws: &[NewRaw<'_>],
    ) -> impl Future<Output = Result<Vec<RawStored>>> + Send;

    /// Starts an intake transaction (on SQLite it takes the write lock at once).
    fn begin_intake(&self) -> impl Future<Output = Result<Self::Tx>> + Send;

    fn raw_bytes(&self, raw_id: i64) -> impl Future<Output = Result<Option<Vec<u8>>>> + Send;

    fn tickets(&self) -> impl Future<Output = Result<Vec<TicketView>>> + Send;

    fn ticket(&self, id: i64) -> impl Future<Output = Result<Option<TicketView>>> + Send;

    fn messages_of(&self, ticket: i64) -> impl Future<Output = Result<Vec<MessageView>>> + Send;

    /// Stored mail that became no ticket: quarantined, spam, or automatic.
    fn set_aside(
        &self,
        outcome_filter: SetAside,
    ) -> impl Future<Output = Result<Vec<MessageView>>> + Send;

    fn outbox(&self, ticket: Option<i64>) -> impl Future<Output = Result<Vec<OutboxRow>>> + Send;

    /// Queued mail whose next attempt is due.
    fn due_outbox(
        &self,
        now: Timestamp,
        limit: i64,
    ) -> impl Future<Output = Result<Vec<OutboxRow>>> + Send;

    /// Releases a held mail (a reply in its cool-down) so it goes out now; its
    /// ticket's first response moves to `now` when the hold set it later.
    /// False when `id` is no queued mail held past `now`.
    fn send_now(&self, id: i64, now: Timestamp) -> impl Future<Output = Result<bool>> + Send;

    fn mark_sent(&self, id: i64, at: Timestamp) -> impl Future<Output = Result<()>> + Send;

    /// Records a failed attempt; `next_try_at: None` gives up (status `failed`).
    fn mark_attempt_failed(
        &self,
        id: i64,
        error: &str,
        next_try_at: Option<Timestamp>,
    ) -> impl Future<Output = Result<()>> + Send;

    /// Moves a ticket to `status` (an agent's action), recorded as an event.
    /// Returns false when there is no such ticket.
    fn set_status(
        &self,
        ticket: i64,
        status: TicketStatus,
        at: Timestamp,
    ) -> impl Future<Output = Result<bool>> + Send;

    fn counts(&self) -> impl Future<Output = Result<Counts>> + Send;

    /// [`IntakeTx::index_ticket`] on its own (a ticket made by a split).
    fn index_ticket(
        &self,
        ticket: i64,
        print: &[u8],
        bands: &[i64],
    ) -> impl Future<Output = Result<()>> + Send;

    /// The print `index_ticket` stored for `ticket`.
    fn ticket_print(&self, ticket: i64) -> impl Future<Output = Result<Option<Vec<u8>>>> + Send;

    /// Unclosed, unmerged tickets of customers other than `ticket`'s that share
    /// at least one of `bands`, most shared bands first, at most `limit`.
    fn band_candidates(
        &self,
        ticket: i64,
        bands: &[i64],
        limit: i64,
    ) -> impl Future<Output = Result<Vec<BandCandidate>>> + Send;

    /// Open promises due at or before `before`, soonest first (the promise watch).
    fn promises_due(
        &self,
        before: Timestamp,
        limit: i64,
    ) -> impl Future<Output = Result<Vec<PromiseRow>>> + Send;

    /// Every promise made since `since` (reports), oldest first.
    fn promises_since(
        &self,
        since: Timestamp,
    ) -> impl Future<Output = Result<Vec<PromiseRow>>> + Send;

    /// A ticket's history, oldest first.
    fn events_of(&self, ticket: i64) -> impl Future<Output = Result<Vec<EventView>>> + Send;

    /// Moves every message of `from` into `into` and closes `from` as merged;
    /// reversible with [`Store::undo`].
    fn merge(
        &self,
        from: i64,
        into: i64,
        at: Timestamp,
    ) -> impl Future<Output = Result<ActionDone>> + Send;

    /// Moves one message out of its ticket into a new ticket of its own;
    /// reversible with [`Store::undo`].
    fn split(&self, message: i64, at: Timestamp)
    -> impl Future<Output = Result<ActionDone>> + Send;

    /// Undoes a merge, a split, or an automatic fold (`repeat`/`thanks`/`follow_up`
    /// events of an unthreaded mail: the mail becomes a ticket of its own).
    fn undo(&self, event: i64, at: Timestamp) -> impl Future<Output = Result<ActionDone>> + Send;

    /// Per-day figures (UTC days), oldest first.
    fn stats(&self) -> impl Future<Output = Result<Vec<DayStats>>> + Send;

    /// Closes the store cleanly (SQLite checkpoints its WAL, so the next
    /// process does not have to replay it).
    fn close(&self) -> impl Future<Output = ()> + Send;

    /// Cheap liveness check for /healthz.
    fn ping(&self) -> impl Future<Output = Result<()>> + Send;

    /// One page of the inbox: unmerged tickets matching `q`, most urgent first
    /// (priority, then the promise's deadline, then the oldest), paged by key.
    fn inbox(&self, q: &InboxQuery) -> impl Future<Output = Result<InboxPage>> + Send;

    /// The ticket a message, event or outbox row belongs to: `None` when there
    /// is no such row, `Some(None)` when it belongs to no ticket.
    fn owner_ticket(
        &self,
        what: Owned,
        id: i64,
    ) -> impl Future<Output = Result<Option<Option<i64>>>> + Send;

    /// Adds an account; refused when the address has one already.
    fn add_user(&self, u: &NewUser<'_>) -> impl Future<Output = Result<i64>> + Send;

    fn user_by_email(&self, email: &str) -> impl Future<Output = Result<Option<UserRow>>> + Send;

    fn users(&self) -> impl Future<Output = Result<Vec<UserRow>>> + Send;

    /// Sets a new password hash; false when there is no such account.
    fn set_password(
        &self,
        email: &str,
        password_hash: &str,
    ) -> impl Future<Output = Result<bool>> + Send;

    /// Starts a session (`token_hash` is the SHA-256 of the cookie's secret).
    fn create_session(
        &self,
        token_hash: &str,
        user: i64,
        csrf: &str,
        now: Timestamp,
        expires_at: Timestamp,
    ) -> impl Future<Output = Result<()>> + Send;

    /// The session with this token hash, if it has not expired at `now` and
    /// its account is not disabled.
    fn session(
        &self,
        token_hash: &str,
        now: Timestamp,
    ) -> impl Future<Output = Result<Option<SessionRow>>> + Send;

    /// Ends a session (logout); also drops sessions expired before `now`.
    fn delete_session(
        &self,
        token_hash: &str,
        now: Timestamp,
    ) -> impl Future<Output = Result<()>> + Send;

    /// Records a failed login under each key (client address, account).
    fn record_login_failure(
        &self,
        keys: &[String],
        at: Timestamp,
    ) -> impl Future<Output = Result<()>> + Send;

    /// Failed logins under `key` since `since`.
    fn login_failures_since(
        &self,
        key: &str,
        since: Timestamp,
    ) -> impl Future<Output = Result<i64>> + Send;

    /// Forgets the failures under `keys` (after a successful login).
    fn clear_login_failures(&self, keys: &[String]) -> impl Future<Output = Result<()>> + Send;

    /// Sets a ticket's priority as an agent chose (`by`), recorded as a
    /// `priority` event; false when there is no such ticket.
    fn set_priority(
        &self,
        ticket: i64,
        priority: kindly_core::Priority,
        by: &str,
        at: Timestamp,
    ) -> impl Future<Output = Result<bool>> + Send;

    /// Gives a ticket to an agent (`None`: to nobody), recorded as an
    /// `assigned` event; false when there is no such ticket.
    fn assign(
        &self,
        ticket: i64,
        assignee: Option<&str>,
        by: &str,
        at: Timestamp,
    ) -> impl Future<Output = Result<bool>> + Send;

    /// Adds an internal note (and a `note` event); `None` when there is no such ticket.
    fn add_note(
        &self,
        ticket: i64,
        author: &str,
        body: &str,
        at: Timestamp,
    ) -> impl Future<Output = Result<Option<i64>>> + Send;

    /// A ticket's notes, oldest first.
    fn notes_of(&self, ticket: i64) -> impl Future<Output = Result<Vec<NoteView>>> + Send;

    /// Every saved reply, by title then language.
    fn saved_replies(&self) -> impl Future<Output = Result<Vec<SavedReply>>> + Send;

    /// Adds a saved reply's text in one language, or replaces the text
    /// under the same title and language.
    fn put_saved_reply(&self, r: &NewSavedReply<'_>) -> impl Future<Output = Result<i64>> + Send;

    /// Removes one language's text of a saved reply; false when it was not there.
    fn delete_saved_reply(&self, id: i64) -> impl Future<Output = Result<bool>> + Send;

    /// The customer's tickets, newest first (the profile beside a ticket).
    fn customer_tickets(
        &self,
        email: &str,
        limit: i64,
    ) -> impl Future<Output = Result<Vec<TicketView>>> + Send;

    /// Where the IMAP poller of `account` stands, if it ever ran.
    fn imap_state(&self, account: &str) -> impl Future<Output = Result<Option<ImapState>>> + Send;

    /// Records that mail of `account` up to `state.last_uid` is taken in and
    /// marked processed on the server.
    fn set_imap_state(
        &self,
        account: &str,
        state: ImapState,
        at: Timestamp,
    ) -> impl Future<Output = Result<()>> + Send;
}

/// An IMAP folder's position: every mail with a UID up to `last_uid` under
/// `uid_validity` is taken in. A new UIDVALIDITY invalidates `last_uid`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImapState {
    pub uid_validity: u32,
    pub last_uid: u32,
}
