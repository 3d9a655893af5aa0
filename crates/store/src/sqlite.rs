//! The embedded default: one SQLite file in WAL mode.

use std::path::Path;
use std::time::Duration;

use futures_util::TryStreamExt;
use jiff::Timestamp;
use kindly_core::{TicketStatus, TicketSummary};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{QueryBuilder, Row, Sqlite, Transaction};

use crate::types::*;
use crate::{IntakeTx, Result, Store, StoreError};

/// Schema migrations, applied in order; `PRAGMA user_version` records the last one.
const MIGRATIONS: &[(i64, &str)] = &[
    (1, include_str!("../migrations/sqlite/0001_init.sql")),
    (
        2,
        include_str!("../migrations/sqlite/0002_prints_merge.sql"),
    ),
    (3, include_str!("../migrations/sqlite/0003_promises.sql")),
    (4, include_str!("../migrations/sqlite/0004_imap.sql")),
    (5, include_str!("../migrations/sqlite/0005_teams.sql")),
    (6, include_str!("../migrations/sqlite/0006_accounts.sql")),
    (7, include_str!("../migrations/sqlite/0007_inbox.sql")),
    (8, include_str!("../migrations/sqlite/0008_inbox_all.sql")),
    (9, include_str!("../migrations/sqlite/0009_desk.sql")),
    (10, include_str!("../migrations/sqlite/0010_search.sql")),
];

/// Merges followed from a ticket to the one that holds its mail now.
const MAX_MERGE_HOPS: usize = 16;

/// Most Message-IDs we look up for threading (References can be very long).
const MAX_THREAD_IDS: usize = 100;

#[derive(Clone, Debug)]
pub struct SqliteStore {
    pool: SqlitePool,
}

pub(crate) fn secs(t: Timestamp) -> i64 {
    t.as_second()
}

pub(crate) fn ts(s: i64) -> Result<Timestamp> {
    Timestamp::from_second(s).map_err(|e| StoreError::Corrupt(format!("timestamp {s}: {e}")))
}

pub(crate) fn opt_ts(s: Option<i64>) -> Result<Option<Timestamp>> {
    s.map(ts).transpose()
}

fn status(s: &str) -> Result<TicketStatus> {
    TicketStatus::parse(s).ok_or_else(|| StoreError::Corrupt(format!("ticket status {s:?}")))
}

impl SqliteStore {
    /// Opens (creating when missing) the database file and brings the schema up to date.
    pub async fn open(path: &Path) -> Result<Self> {
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .busy_timeout(Duration::from_secs(30))
            .foreign_keys(true)
            // 32 MiB of page cache a connection (the default is 2 MiB): an
            // import's batches touch many pages of the message indexes, and
            // a page not in the cache is a read(2) again.
            .pragma("cache_size", "-32768");
        Self::connect(options, 4).await
    }

    /// A private in-memory database (tests).
    pub async fn in_memory() -> Result<Self> {
        let options = SqliteConnectOptions::new()
            .in_memory(true)
            .foreign_keys(true);
        // One connection: every connection to ":memory:" is its own database.
        Self::connect(options, 1).await
    }

    async fn connect(options: SqliteConnectOptions, max: u32) -> Result<Self> {
        let pool = SqlitePoolOptions::new()
            .max_connections(max)
            .acquire_timeout(Duration::from_secs(60))
            .connect_with(options)
            .await
            .map_err(|e| StoreError::Unavailable(e.to_string()))?;
        let store = SqliteStore { pool };
        store.migrate().await?;
        Ok(store)
    }

    async fn migrate(&self) -> Result<()> {
        self.migrate_to(MIGRATIONS.last().map_or(0, |m| m.0)).await
    }

    /// Applies the migrations up to and including `last`.
    async fn migrate_to(&self, last: i64) -> Result<()> {
        let current: i64 = sqlx::query_scalar("PRAGMA user_version")
            .fetch_one(&self.pool)
            .await
            .map_err(|e| StoreError::Unavailable(e.to_string()))?;
        let known = MIGRATIONS.last().map_or(0, |m| m.0);
        if current > known {
            return Err(StoreError::TooNew {
                found: current,
                known,
            });
        }
        for &(version, sql) in MIGRATIONS.iter().filter(|m| m.0 > current && m.0 <= last) {
            let mut tx = self
                .pool
                .begin_with("BEGIN IMMEDIATE")
                .await
                .map_err(|e| StoreError::Unavailable(e.to_string()))?;
            // Another process may have migrated while we waited for the lock.
            let now: i64 = sqlx::query_scalar("PRAGMA user_version")
                .fetch_one(&mut *tx)
                .await?;
            if now >= version {
                continue;
            }
            sqlx::raw_sql(sql)
                .execute(&mut *tx)
                .await
                .map_err(|source| StoreError::Migrate { version, source })?;
            // PRAGMA takes no bind parameters; `version` is one of our constants.
            sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
                "PRAGMA user_version = {version}"
            )))
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
        }
        Ok(())
    }

    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }
}

pub struct SqliteTx {
    tx: Transaction<'static, Sqlite>,
    later: Later,
}

/// Writes that return nothing (participants, events, raw status, a new
/// ticket's print), held back and sent to SQLite as one multi-statement query
/// before the next read and at the commit: every statement is a round trip to
/// sqlx's worker thread, and an import makes a dozen of them a mail. The order
/// of all writes is kept; an error in a held-back write surfaces at that next
/// call or the commit, and the transaction is abandoned as for any error.
#[derive(Default)]
struct Later {
    sql: String,
    args: sqlx::sqlite::SqliteArguments,
    statements: usize,
}

/// Held-back statements flushed once this many are waiting.
const MAX_LATER: usize = 64;

impl Later {
    fn push(&mut self, sql: &str) {
        self.sql.push_str(sql);
        self.sql.push_str(";\n");
        self.statements += 1;
    }

    fn bind<'t, T: sqlx::Encode<'t, Sqlite> + sqlx::Type<Sqlite>>(&mut self, v: T) -> Result<()> {
        use sqlx::Arguments;
        self.args
            .add(v)
            .map_err(|e| StoreError::Corrupt(format!("binding a held-back write: {e}")))
    }
}

impl SqliteTx {
    /// Sends the held-back writes.
    async fn flush(&mut self) -> Result<()> {
        if self.later.statements == 0 {
            return Ok(());
        }
        let later = std::mem::take(&mut self.later);
        sqlx::query_with(sqlx::AssertSqlSafe(later.sql), later.args)
            .persistent(false)
            .execute(&mut *self.tx)
            .await?;
        Ok(())
    }

    async fn flush_if_full(&mut self) -> Result<()> {
        if self.later.statements >= MAX_LATER {
            self.flush().await?;
        }
        Ok(())
    }
}

async fn content_keys(tx: &mut Transaction<'static, Sqlite>, ticket: i64) -> Result<Vec<String>> {
    Ok(sqlx::query_scalar(
        "SELECT content_key FROM messages WHERE ticket_id = ? AND content_key <> ''",
    )
    .bind(ticket)
    .fetch_all(&mut **tx)
    .await?)
}

fn summary_from_row(row: &sqlx::sqlite::SqliteRow) -> Result<TicketSummary> {
    Ok(TicketSummary {
        id: row.try_get("id")?,
        status: status(row.try_get::<&str, _>("status")?)?,
        closed_at: opt_ts(row.try_get("closed_at")?)?,
        last_customer_message_at: opt_ts(row.try_get("last_customer_message_at")?)?,
        last_status_update_at: opt_ts(row.try_get("last_status_update_at")?)?,
        content_keys: Vec::new(),
        promised_by: opt_ts(row.try_get("promised_by")?)?,
        repeats: row.try_get("repeats")?,
        angry: row.try_get("angry")?,
        team: row.try_get("team")?,
    })
}

const SUMMARY_COLUMNS: &str = "t.id, t.status, t.closed_at, t.last_customer_message_at, t.last_status_update_at, t.promised_by, t.repeats, t.angry, t.team";

impl IntakeTx for SqliteTx {
    async fn find_same_content(
        &mut self,
        message_id: &str,
        content_hash: &str,
    ) -> Result<Option<(i64, Option<i64>)>> {
        self.flush().await?;
        let row = sqlx::query(
            "SELECT id, ticket_id FROM messages WHERE message_id = ? AND content_hash = ?",
        )
        .bind(message_id)
        .bind(content_hash)
        .fetch_optional(&mut *self.tx)
        .await?;
        row.map(|r| Ok((r.try_get("id")?, r.try_get("ticket_id")?)))
            .transpose()
    }

    async fn ticket_by_message_ids(&mut self, ids: &[String]) -> Result<Option<i64>> {
        self.flush().await?;
        let ids: Vec<&String> = ids.iter().take(MAX_THREAD_IDS).collect();
        if ids.is_empty() {
            return Ok(None);
        }
        let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(
            "SELECT message_id, ticket_id FROM messages WHERE ticket_id IS NOT NULL AND message_id IN (",
        );
        let mut sep = q.separated(", ");
        for id in &ids {
            sep.push_bind(id.as_str());
        }
        q.push(") UNION ALL SELECT message_id, ticket_id FROM outbox WHERE ticket_id IS NOT NULL AND message_id IN (");
        let mut sep = q.separated(", ");
        for id in &ids {
            sep.push_bind(id.as_str());
        }
        q.push(")");
        let rows = q.build().fetch_all(&mut *self.tx).await?;
        let mut found: Vec<(String, i64)> = Vec::with_capacity(rows.len());
        for r in rows {
            found.push((r.try_get("message_id")?, r.try_get("ticket_id")?));
        }
        // `ids` is in order of preference (In-Reply-To first, then newest reference);
        // among several rows for one id, the newest ticket.
        Ok(ids.iter().find_map(|id| {
            found
                .iter()
                .filter(|(m, _)| m == *id)
                .map(|(_, t)| *t)
                .max()
        }))
    }

    async fn ticket_summary(&mut self, ticket: i64) -> Result<Option<TicketSummary>> {
        self.flush().await?;
        // A merged ticket's mail belongs to the ticket it was merged into (a
        // reply to its acknowledgement, its [#N] tag): follow the chain.
        let sql = format!("SELECT t.merged_into, {SUMMARY_COLUMNS} FROM tickets t WHERE t.id = ?");
        let mut ticket = ticket;
        let mut hops = 0;
        let row = loop {
            let row = sqlx::query(sqlx::AssertSqlSafe(sql.clone()))
                .bind(ticket)
                .fetch_optional(&mut *self.tx)
                .await?;
            let Some(row) = row else { return Ok(None) };
            match row.try_get::<Option<i64>, _>("merged_into")? {
                Some(into) if hops < MAX_MERGE_HOPS => {
                    ticket = into;
                    hops += 1;
                }
                _ => break row,
            }
        };
        let mut s = summary_from_row(&row)?;
        s.content_keys = content_keys(&mut self.tx, s.id).await?;
        Ok(Some(s))
    }

    async fn is_participant(&mut self, ticket: i64, email: &str) -> Result<bool> {
        self.flush().await?;
        let hit: Option<i64> =
            sqlx::query_scalar("SELECT 1 FROM participants WHERE ticket_id = ? AND email = ?")
                .bind(ticket)
                .bind(email)
                .fetch_optional(&mut *self.tx)
                .await?;
        Ok(hit.is_some())
    }

    async fn open_tickets_of(&mut self, email: &str) -> Result<Vec<TicketSummary>> {
        self.flush().await?;
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM tickets t JOIN customers c ON c.id = t.customer_id \
             WHERE c.email = ? AND t.status <> 'closed' ORDER BY t.updated_at DESC, t.id DESC LIMIT 50"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(email)
            .fetch_all(&mut *self.tx)
            .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            out.push(summary_from_row(r)?);
        }
        if out.is_empty() {
            return Ok(out);
        }
        // Every ticket's content keys in one query.
        let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(
            "SELECT ticket_id, content_key FROM messages WHERE content_key <> '' AND ticket_id IN (",
        );
        let mut sep = q.separated(", ");
        for s in &out {
            sep.push_bind(s.id);
        }
        q.push(") ORDER BY ticket_id, id");
        let keys = q.build().fetch_all(&mut *self.tx).await?;
        let index: std::collections::HashMap<i64, usize> =
            out.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
        for r in &keys {
            let t: i64 = r.try_get("ticket_id")?;
            if let Some(s) = index.get(&t).and_then(|&i| out.get_mut(i)) {
                s.content_keys.push(r.try_get("content_key")?);
            }
        }
        Ok(out)
    }

    async fn earlier_messages(
        &mut self,
        ticket: i64,
        sender: &str,
        limit: i64,
    ) -> Result<Vec<EarlierMessage>> {
        self.flush().await?;
        let rows = sqlx::query(
            "SELECT ticket_id, subject, visible_text, language, fingerprint FROM messages \
             WHERE ticket_id = ? AND sender = ? ORDER BY id DESC LIMIT ?",
        )
        .bind(ticket)
        .bind(sender)
        .bind(limit)
        .fetch_all(&mut *self.tx)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(EarlierMessage {
                    ticket_id: r.try_get("ticket_id")?,
                    subject: r.try_get("subject")?,
                    visible_text: r.try_get("visible_text")?,
                    language: r.try_get("language")?,
                    fingerprint: r.try_get("fingerprint")?,
                })
            })
            .collect()
    }

    async fn upsert_customer(&mut self, c: &NewCustomer<'_>) -> Result<i64> {
        self.flush().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO customers (email, name, language, tz_offset, created_at) VALUES (?, ?, ?, ?, ?) \
             ON CONFLICT (email) DO UPDATE SET \
               name = COALESCE(excluded.name, customers.name), \
               language = COALESCE(excluded.language, customers.language), \
               tz_offset = COALESCE(excluded.tz_offset, customers.tz_offset) \
             RETURNING id",
        )
        .bind(c.email)
        .bind(c.name)
        .bind(c.language)
        .bind(c.tz_offset)
        .bind(secs(c.at))
        .fetch_one(&mut *self.tx)
        .await?;
        Ok(id)
    }

    async fn create_ticket(&mut self, t: &NewTicket<'_>) -> Result<i64> {
        self.flush().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO tickets (customer_id, subject, status, language, priority, anger, angry, created_at, \
               updated_at, promised_by, linked_to, last_customer_message_at, team) \
             VALUES (?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(t.customer_id)
        .bind(t.subject)
        .bind(t.language)
        .bind(t.priority)
        .bind(t.anger)
        .bind(t.angry)
        .bind(secs(t.created_at))
        .bind(secs(t.created_at))
        .bind(t.promised_by.map(secs))
        .bind(t.linked_to)
        .bind(secs(t.created_at))
        .bind(t.team)
        .fetch_one(&mut *self.tx)
        .await?;
        Ok(id)
    }

    async fn add_participant(&mut self, ticket: i64, email: &str, role: &str) -> Result<()> {
        let l = &mut self.later;
        l.push("INSERT INTO participants (ticket_id, email, role) VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
        l.bind(ticket)?;
        l.bind(email.to_string())?;
        l.bind(role.to_string())?;
        self.flush_if_full().await
    }

    async fn insert_message(&mut self, m: &NewMessage<'_>) -> Result<i64> {
        self.flush().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO messages (raw_id, ticket_id, message_id, content_hash, in_reply_to, refs, sender, \
               sender_name, subject, visible_text, quoted_text, attachments, language, anger, angry, outcome, \
               detail, content_key, warnings, received_at, fingerprint) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(m.raw_id)
        .bind(m.ticket_id)
        .bind(m.message_id)
        .bind(m.content_hash)
        .bind(m.in_reply_to)
        .bind(m.references)
        .bind(m.sender)
        .bind(m.sender_name)
        .bind(m.subject)
        .bind(m.visible_text)
        .bind(m.quoted_text)
        .bind(m.attachments)
        .bind(m.language)
        .bind(m.anger)
        .bind(m.angry)
        .bind(m.outcome)
        .bind(m.detail)
        .bind(m.content_key)
        .bind(m.warnings)
        .bind(secs(m.received_at))
        .bind(m.fingerprint)
        .fetch_one(&mut *self.tx)
        .await?;
        Ok(id)
    }

    async fn update_ticket(&mut self, c: &TicketChange) -> Result<()> {
        self.flush().await?;
        let (anger, angry) = c.anger.unwrap_or((0.0, false));
        sqlx::query(
            "UPDATE tickets SET \
               updated_at = ?, \
               status = CASE WHEN ? THEN 'open' WHEN ? THEN 'closed' ELSE status END, \
               closed_at = CASE WHEN ? THEN NULL WHEN ? THEN ? ELSE closed_at END, \
               repeats = repeats + ?, \
               last_customer_message_at = COALESCE(?, last_customer_message_at), \
               anger = CASE WHEN anger < ? THEN ? ELSE anger END, \
               angry = (angry OR ?), \
               priority = COALESCE(?, priority), \
               last_status_update_at = COALESCE(?, last_status_update_at) \
             WHERE id = ?",
        )
        .bind(secs(c.at))
        .bind(c.reopen)
        .bind(c.close)
        .bind(c.reopen)
        .bind(c.close)
        .bind(secs(c.at))
        .bind(i64::from(c.repeat))
        .bind(c.customer_message_at.map(secs))
        .bind(anger)
        .bind(anger)
        .bind(angry)
        .bind(c.priority.as_deref())
        .bind(c.status_update_at.map(secs))
        .bind(c.ticket)
        .execute(&mut *self.tx)
        .await?;
        if c.reopen {
            crate::actions::reindex(&mut self.tx, c.ticket).await?;
        } else if c.close {
            crate::actions::unindex(&mut self.tx, c.ticket).await?;
        }
        if c.agent_answered {
            let at = secs(c.at);
            sqlx::query(
                "UPDATE tickets SET first_response_at = COALESCE(first_response_at, ?), at_risk = FALSE \
                 WHERE id = ?",
            )
            .bind(at)
            .bind(c.ticket)
            .execute(&mut *self.tx)
            .await?;
            sqlx::query(
                "UPDATE promises SET state = CASE WHEN due_at >= ? THEN 'kept' ELSE 'missed' END, \
                   settled_at = ? WHERE ticket_id = ? AND state = 'open'",
            )
            .bind(at)
            .bind(at)
            .bind(c.ticket)
            .execute(&mut *self.tx)
            .await?;
        }
        Ok(())
    }

    async fn index_ticket(&mut self, ticket: i64, print: &[u8], bands: &[i64]) -> Result<()> {
        // As `actions::index_new_ticket`, held back.
        let l = &mut self.later;
        l.push("INSERT INTO ticket_prints (ticket_id, print, bands) VALUES (?, ?, ?)");
        l.bind(ticket)?;
        l.bind(print.to_vec())?;
        l.bind(
            bands
                .iter()
                .flat_map(|b| b.to_le_bytes())
                .collect::<Vec<u8>>(),
        )?;
        if !bands.is_empty() {
            let mut sql = String::from("INSERT INTO ticket_bands (band, ticket_id) VALUES ");
            for (i, band) in bands.iter().enumerate() {
                sql.push_str(if i == 0 { "(?, ?)" } else { ", (?, ?)" });
                l.bind(*band)?;
                l.bind(ticket)?;
            }
            sql.push_str(" ON CONFLICT DO NOTHING");
            l.push(&sql);
        }
        self.flush_if_full().await
    }

    async fn waiting_ahead(
        &mut self,
        team: &str,
        priorities: &[&str],
        before: Option<(Timestamp, i64)>,
    ) -> Result<i64> {
        self.flush().await?;
        if priorities.is_empty() {
            return Ok(0);
        }
        // The queue is the tickets we promised an answer and have not answered
        // yet (the promise open, or missed and still waiting). Imported history
        // was promised nothing, so an archive does not stand in front of today's
        // customers.
        let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(
            "SELECT COUNT(DISTINCT t.id) FROM promises p JOIN tickets t ON t.id = p.ticket_id \
             WHERE p.state IN ('open', 'missed') AND t.status = 'open' AND t.first_response_at IS NULL \
             AND t.merged_into IS NULL AND t.team = ",
        );
        q.push_bind(team);
        q.push(" AND t.priority IN (");
        let mut sep = q.separated(", ");
        for p in priorities {
            sep.push_bind(*p);
        }
        q.push(")");
        if let Some((created, id)) = before {
            q.push(" AND (t.created_at < ");
            q.push_bind(secs(created));
            q.push(" OR (t.created_at = ");
            q.push_bind(secs(created));
            q.push(" AND t.id < ");
            q.push_bind(id);
            q.push("))");
        }
        Ok(q.build_query_scalar().fetch_one(&mut *self.tx).await?)
    }

    async fn first_responses_since(&mut self, team: &str, since: Timestamp) -> Result<i64> {
        self.flush().await?;
        Ok(sqlx::query_scalar(
            "SELECT COUNT(*) FROM tickets WHERE team = ? AND first_response_at >= ?",
        )
        .bind(team)
        .bind(secs(since))
        .fetch_one(&mut *self.tx)
        .await?)
    }

    async fn record_promise(&mut self, p: &NewPromise<'_>) -> Result<i64> {
        self.flush().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO promises (ticket_id, kind, made_at, due_at, ahead, beyond_target, team) \
             VALUES (?, ?, ?, ?, ?, ?, (SELECT team FROM tickets WHERE id = ?)) RETURNING id",
        )
        .bind(p.ticket_id)
        .bind(p.kind)
        .bind(secs(p.made_at))
        .bind(secs(p.due_at))
        .bind(p.ahead)
        .bind(p.beyond_target)
        .bind(p.ticket_id)
        .fetch_one(&mut *self.tx)
        .await?;
        // The acknowledgement's promise is the one the ticket was created with.
        if p.kind != "acknowledgement" {
            sqlx::query("UPDATE tickets SET promised_by = ? WHERE id = ?")
                .bind(secs(p.due_at))
                .bind(p.ticket_id)
                .execute(&mut *self.tx)
                .await?;
        }
        Ok(id)
    }

    async fn settle_promise(&mut self, promise: i64, state: &str, at: Timestamp) -> Result<()> {
        self.flush().await?;
        sqlx::query(
            "UPDATE promises SET state = ?, settled_at = ? WHERE id = ? AND state = 'open'",
        )
        .bind(state)
        .bind(secs(at))
        .bind(promise)
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }

    async fn mark_bounced(
        &mut self,
        message_id: &str,
        reason: &str,
        _at: Timestamp,
    ) -> Result<Option<BouncedMail>> {
        self.flush().await?;
        let row = sqlx::query(
            "UPDATE outbox SET status = 'failed', last_error = ? WHERE message_id = ? \
             RETURNING id, ticket_id, to_addr, kind",
        )
        .bind(format!("bounced: {reason}"))
        .bind(message_id)
        .fetch_optional(&mut *self.tx)
        .await?;
        row.map(|r| {
            Ok(BouncedMail {
                outbox_id: r.try_get("id")?,
                ticket: r.try_get("ticket_id")?,
                to: r.try_get("to_addr")?,
                kind: r.try_get("kind")?,
            })
        })
        .transpose()
    }

    async fn set_at_risk(&mut self, ticket: i64, at_risk: bool) -> Result<()> {
        self.flush().await?;
        sqlx::query("UPDATE tickets SET at_risk = ? WHERE id = ?")
            .bind(at_risk)
            .bind(ticket)
            .execute(&mut *self.tx)
            .await?;
        Ok(())
    }

    async fn queue_mail(&mut self, m: &NewOutgoing<'_>) -> Result<i64> {
        self.flush().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO outbox (ticket_id, kind, to_addr, subject, body, message_id, in_reply_to, refs, language, \
               promised_by, status, attempts, next_try_at, created_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?) RETURNING id",
        )
        .bind(m.ticket_id)
        .bind(m.kind)
        .bind(m.to)
        .bind(m.subject)
        .bind(m.body)
        .bind(m.message_id)
        .bind(m.in_reply_to)
        .bind(m.references)
        .bind(m.language)
        .bind(m.promised_by.map(secs))
        .bind(secs(m.send_after.unwrap_or(m.created_at)))
        .bind(secs(m.created_at))
        .fetch_one(&mut *self.tx)
        .await?;
        Ok(id)
    }

    async fn log_event(
        &mut self,
        ticket: Option<i64>,
        kind: &str,
        detail: &serde_json::Value,
        at: Timestamp,
    ) -> Result<()> {
        let l = &mut self.later;
        l.push("INSERT INTO events (ticket_id, kind, detail, at) VALUES (?, ?, ?, ?)");
        l.bind(ticket)?;
        l.bind(kind.to_string())?;
        l.bind(detail.to_string())?;
        l.bind(secs(at))?;
        self.flush_if_full().await
    }

    async fn mark_raw(&mut self, raw_id: i64, status: RawStatus) -> Result<()> {
        let l = &mut self.later;
        l.push("UPDATE raw_messages SET status = ? WHERE id = ?");
        l.bind(status.as_str())?;
        l.bind(raw_id)?;
        self.flush_if_full().await
    }

    async fn commit(mut self) -> Result<()> {
        self.flush().await?;
        self.tx.commit().await?;
        Ok(())
    }
}

fn json_or_null(s: &str) -> serde_json::Value {
    serde_json::from_str(s).unwrap_or(serde_json::Value::Null)
}

fn message_from_row(r: &sqlx::sqlite::SqliteRow) -> Result<MessageView> {
    Ok(MessageView {
        id: r.try_get("id")?,
        raw_id: r.try_get("raw_id")?,
        ticket: r.try_get("ticket_id")?,
        message_id: r.try_get("message_id")?,
        sender: r.try_get("sender")?,
        sender_name: r.try_get("sender_name")?,
        subject: r.try_get("subject")?,
        visible_text: r.try_get("visible_text")?,
        quoted_text: r.try_get("quoted_text")?,
        attachments: json_or_null(r.try_get("attachments")?),
        language: r.try_get("language")?,
        anger: r.try_get::<f64, _>("anger")? as f32,
        angry: r.try_get("angry")?,
        outcome: r.try_get("outcome")?,
        detail: r.try_get("detail")?,
        warnings: json_or_null(r.try_get("warnings")?),
        received_at: ts(r.try_get("received_at")?)?,
    })
}

fn outbox_from_row(r: &sqlx::sqlite::SqliteRow) -> Result<OutboxRow> {
    let refs: String = r.try_get("refs")?;
    Ok(OutboxRow {
        id: r.try_get("id")?,
        ticket: r.try_get("ticket_id")?,
        kind: r.try_get("kind")?,
        status: r.try_get("status")?,
        to: r.try_get("to_addr")?,
        subject: r.try_get("subject")?,
        message_id: r.try_get("message_id")?,
        in_reply_to: r.try_get("in_reply_to")?,
        references: refs.split_whitespace().map(str::to_string).collect(),
        language: r.try_get("language")?,
        promised_by: opt_ts(r.try_get("promised_by")?)?,
        body: r.try_get("body")?,
        attempts: r.try_get("attempts")?,
        next_try_at: ts(r.try_get("next_try_at")?)?,
        last_error: r.try_get("last_error")?,
        created_at: ts(r.try_get("created_at")?)?,
        sent_at: opt_ts(r.try_get("sent_at")?)?,
    })
}

/// The columns [`ticket_from_row`] reads, from `tickets t` and `customers c`.
macro_rules! ticket_columns {
    () => {
        "t.id, t.subject, c.email, c.name, t.status, t.priority, t.language, \
         t.created_at, t.updated_at, t.promised_by, t.closed_at, t.repeats, t.angry, t.anger, t.linked_to, \
         t.merged_into, t.first_response_at, t.at_risk, t.team, t.assignee, t.inbox_rank, t.inbox_deadline, \
         (SELECT COUNT(*) FROM messages m WHERE m.ticket_id = t.id) AS message_count"
    };
}

const TICKET_SELECT: &str = concat!(
    "SELECT ",
    ticket_columns!(),
    " FROM tickets t JOIN customers c ON c.id = t.customer_id"
);

/// A search in inbox order: the ticket index (`ticket_search`, migration
/// 0010) read by rowid — `tickets.search_key`, the inbox order down to the
/// minute of the deadline — each row joined to its ticket.
const SEARCH_SELECT: &str = concat!(
    "SELECT ",
    ticket_columns!(),
    ", s.rowid AS search_key FROM ticket_search s \
     CROSS JOIN tickets t ON t.id = (s.rowid & 34359738367) \
     JOIN customers c ON c.id = t.customer_id"
);

/// `search_key` bits below the deadline minute: the ticket id.
const SEARCH_ID_BITS: u32 = 35;
/// The deadline minute of a ticket without a promise (none sort last).
const SEARCH_NO_DEADLINE: i64 = (1 << 26) - 1;

/// The smallest `search_key` of tickets at `(rank, deadline)` (migration 0010).
fn search_key_floor(rank: i64, deadline: i64) -> i64 {
    let minute = if deadline == i64::MAX {
        SEARCH_NO_DEADLINE
    } else {
        (deadline.max(0) / 60).min(SEARCH_NO_DEADLINE - 1)
    };
    (rank.clamp(0, 2) << 61) | (minute << SEARCH_ID_BITS)
}

/// A filter value as the token `ticket_search.facets` holds for it:
/// the prefix letter and the value's UTF-8 bytes in hex (SQLite's `hex()`).
fn facet(prefix: char, value: &str) -> String {
    let mut out = String::with_capacity(3 + 2 * value.len());
    out.push('"');
    out.push(prefix);
    for b in value.bytes() {
        out.push_str(&format!("{b:02x}"));
    }
    out.push('"');
    out
}

const PROMISE_SELECT: &str = "SELECT p.id, p.ticket_id, p.kind, p.made_at, p.due_at, p.ahead, \
     p.beyond_target, p.state, p.settled_at, p.team, t.status, t.priority, t.created_at, \
     t.first_response_at, t.at_risk, c.email, t.language, \
     (SELECT m.message_id FROM messages m WHERE m.ticket_id = t.id AND m.sender = c.email \
        ORDER BY m.id DESC LIMIT 1) AS last_message_id \
     FROM promises p JOIN tickets t ON t.id = p.ticket_id JOIN customers c ON c.id = t.customer_id";

fn promise_from_row(r: &sqlx::sqlite::SqliteRow) -> Result<PromiseRow> {
    Ok(PromiseRow {
        id: r.try_get("id")?,
        ticket: r.try_get("ticket_id")?,
        kind: r.try_get("kind")?,
        made_at: ts(r.try_get("made_at")?)?,
        due_at: ts(r.try_get("due_at")?)?,
        ahead: r.try_get("ahead")?,
        beyond_target: r.try_get("beyond_target")?,
        state: r.try_get("state")?,
        settled_at: opt_ts(r.try_get("settled_at")?)?,
        team: r.try_get("team")?,
        ticket_status: status(r.try_get::<&str, _>("status")?)?,
        priority: r.try_get("priority")?,
        ticket_created_at: ts(r.try_get("created_at")?)?,
        first_response_at: opt_ts(r.try_get("first_response_at")?)?,
        at_risk: r.try_get("at_risk")?,
        customer: r.try_get("email")?,
        language: r.try_get("language")?,
        last_message_id: r.try_get("last_message_id")?,
    })
}

/// `"rank.deadline.id"` → its three numbers.
fn parse_cursor(c: &str) -> Option<(i64, i64, i64)> {
    let mut parts = c.split('.').map(|p| p.parse::<i64>().ok());
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(Some(r)), Some(Some(d)), Some(Some(i)), None) => Some((r, d, i)),
        _ => None,
    }
}

const USER_SELECT: &str =
    "SELECT id, email, name, role, teams, password_hash, created_at, disabled FROM users";

fn user_from_row(r: &sqlx::sqlite::SqliteRow) -> Result<UserRow> {
    let teams: String = r.try_get("teams")?;
    Ok(UserRow {
        id: r.try_get("id")?,
        email: r.try_get("email")?,
        name: r.try_get("name")?,
        role: r.try_get("role")?,
        teams: teams.split_whitespace().map(str::to_string).collect(),
        password_hash: r.try_get("password_hash")?,
        created_at: ts(r.try_get("created_at")?)?,
        disabled: r.try_get("disabled")?,
    })
}

fn ticket_from_row(r: &sqlx::sqlite::SqliteRow) -> Result<TicketView> {
    Ok(TicketView {
        id: r.try_get("id")?,
        subject: r.try_get("subject")?,
        customer: r.try_get("email")?,
        customer_name: r.try_get("name")?,
        status: status(r.try_get::<&str, _>("status")?)?,
        priority: r.try_get("priority")?,
        language: r.try_get("language")?,
        created_at: ts(r.try_get("created_at")?)?,
        updated_at: ts(r.try_get("updated_at")?)?,
        promised_by: opt_ts(r.try_get("promised_by")?)?,
        closed_at: opt_ts(r.try_get("closed_at")?)?,
        messages: r.try_get("message_count")?,
        repeats: r.try_get("repeats")?,
        angry: r.try_get("angry")?,
        anger: r.try_get::<f64, _>("anger")? as f32,
        linked_to: r.try_get("linked_to")?,
        merged_into: r.try_get("merged_into")?,
        first_response_at: opt_ts(r.try_get("first_response_at")?)?,
        at_risk: r.try_get("at_risk")?,
        team: r.try_get("team")?,
        assignee: r.try_get("assignee")?,
        message_ids: Vec::new(),
    })
}

/// Stores one mail's raw bytes unless the same bytes are there already.
async fn put_raw_on(conn: &mut sqlx::SqliteConnection, raw: &NewRaw<'_>) -> Result<RawStored> {
    let size = i64::try_from(raw.bytes.len()).unwrap_or(i64::MAX);
    let inserted: Option<i64> = sqlx::query_scalar(
        "INSERT INTO raw_messages (sha256, bytes, size, received_at, source) VALUES (?, ?, ?, ?, ?) \
         ON CONFLICT (sha256) DO NOTHING RETURNING id",
    )
    .bind(raw.sha256)
    .bind(raw.bytes)
    .bind(size)
    .bind(secs(raw.received_at))
    .bind(raw.source)
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(id) = inserted {
        return Ok(RawStored::Fresh(id));
    }
    let row = sqlx::query("SELECT id, status FROM raw_messages WHERE sha256 = ?")
        .bind(raw.sha256)
        .fetch_one(&mut *conn)
        .await?;
    let id: i64 = row.try_get("id")?;
    let st: &str = row.try_get("status")?;
    Ok(if st == RawStatus::Received.as_str() {
        RawStored::Unprocessed(id)
    } else {
        RawStored::Processed(id)
    })
}

impl Store for SqliteStore {
    type Tx = SqliteTx;

    async fn put_raw(&self, raw: &NewRaw<'_>) -> Result<RawStored> {
        let mut conn = self.pool.acquire().await?;
        put_raw_on(&mut conn, raw).await
    }

    async fn put_raw_batch(&self, raws: &[NewRaw<'_>]) -> Result<Vec<RawStored>> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let mut out = Vec::with_capacity(raws.len());
        for raw in raws {
            out.push(put_raw_on(&mut tx, raw).await?);
        }
        tx.commit().await?;
        Ok(out)
    }

    async fn begin_intake(&self) -> Result<SqliteTx> {
        let tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        Ok(SqliteTx {
            tx,
            later: Later::default(),
        })
    }

    async fn raw_bytes(&self, raw_id: i64) -> Result<Option<Vec<u8>>> {
        Ok(
            sqlx::query_scalar("SELECT bytes FROM raw_messages WHERE id = ?")
                .bind(raw_id)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    async fn tickets(&self) -> Result<Vec<TicketView>> {
        let sql = format!("{TICKET_SELECT} ORDER BY t.id");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(&self.pool)
            .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            out.push(ticket_from_row(r)?);
        }
        let ids = sqlx::query(
            "SELECT ticket_id, message_id FROM messages WHERE ticket_id IS NOT NULL ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await?;
        let index: std::collections::HashMap<i64, usize> =
            out.iter().enumerate().map(|(i, t)| (t.id, i)).collect();
        for r in ids {
            let t: i64 = r.try_get("ticket_id")?;
            if let Some(&i) = index.get(&t)
                && let Some(view) = out.get_mut(i)
            {
                view.message_ids.push(r.try_get("message_id")?);
            }
        }
        Ok(out)
    }

    async fn ticket(&self, id: i64) -> Result<Option<TicketView>> {
        let sql = format!("{TICKET_SELECT} WHERE t.id = ?");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        let Some(row) = row else { return Ok(None) };
        let mut view = ticket_from_row(&row)?;
        view.message_ids =
            sqlx::query_scalar("SELECT message_id FROM messages WHERE ticket_id = ? ORDER BY id")
                .bind(id)
                .fetch_all(&self.pool)
                .await?;
        Ok(Some(view))
    }

    async fn messages_of(&self, ticket: i64) -> Result<Vec<MessageView>> {
        let rows =
            sqlx::query("SELECT * FROM messages WHERE ticket_id = ? ORDER BY received_at, id")
                .bind(ticket)
                .fetch_all(&self.pool)
                .await?;
        rows.iter().map(message_from_row).collect()
    }

    async fn set_aside(&self, which: SetAside) -> Result<Vec<MessageView>> {
        let sql = match which {
            SetAside::Quarantine => {
                "SELECT * FROM messages WHERE outcome = 'quarantined' AND detail NOT IN ('spam', 'dmarc_fail') ORDER BY id DESC LIMIT 500"
            }
            SetAside::Spam => {
                "SELECT * FROM messages WHERE outcome = 'quarantined' AND detail IN ('spam', 'dmarc_fail') ORDER BY id DESC LIMIT 500"
            }
            SetAside::Automatic => {
                "SELECT * FROM messages WHERE outcome = 'automatic' ORDER BY id DESC LIMIT 500"
            }
        };
        let rows = sqlx::query(sql).fetch_all(&self.pool).await?;
        rows.iter().map(message_from_row).collect()
    }

    async fn outbox(&self, ticket: Option<i64>) -> Result<Vec<OutboxRow>> {
        let rows = match ticket {
            Some(t) => {
                sqlx::query("SELECT * FROM outbox WHERE ticket_id = ? ORDER BY id")
                    .bind(t)
                    .fetch_all(&self.pool)
                    .await?
            }
            None => {
                sqlx::query("SELECT * FROM outbox ORDER BY id")
                    .fetch_all(&self.pool)
                    .await?
            }
        };
        rows.iter().map(outbox_from_row).collect()
    }

    async fn due_outbox(&self, now: Timestamp, limit: i64) -> Result<Vec<OutboxRow>> {
        let rows = sqlx::query(
            "SELECT * FROM outbox WHERE status = 'queued' AND next_try_at <= ? ORDER BY id LIMIT ?",
        )
        .bind(secs(now))
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(outbox_from_row).collect()
    }

    async fn inbox(&self, q: &InboxQuery) -> Result<InboxPage> {
        let limit = q.limit.clamp(1, 500);
        let statuses: Vec<&str> = if q.statuses.is_empty() {
            vec!["open"]
        } else {
            q.statuses.iter().map(|s| s.as_str()).collect()
        };
        // Every status: no condition, so the page is read in order from
        // tickets_inbox_all / tickets_language_inbox; an IN over all four
        // would read every ticket and sort them.
        let every = [
            TicketStatus::Open,
            TicketStatus::Pending,
            TicketStatus::Solved,
            TicketStatus::Closed,
        ]
        .iter()
        .all(|s| statuses.contains(&s.as_str()));
        if q.teams.as_ref().is_some_and(Vec::is_empty) {
            return Ok(InboxPage {
                tickets: Vec::new(),
                next: None,
            });
        }
        let cursor = q.after.as_deref().and_then(parse_cursor);
        let terms = q.search.as_deref().map(search_terms).unwrap_or_default();
        // One word: the ticket index, in inbox order.
        let searching = terms.len() == 1;
        let mut b: QueryBuilder<Sqlite> = QueryBuilder::new(if searching {
            SEARCH_SELECT
        } else {
            TICKET_SELECT
        });
        b.push(" WHERE ");
        if searching {
            // The word in the subjects or texts, and the filters as facet
            // tokens: FTS5 intersects them and hands over the matching
            // tickets most urgent first, so a page reads about a page of
            // rows however many tickets match (bench/web.sh). One word in
            // a ticket's row is one word in one of its messages (the
            // messages are separated by a token no search can name).
            let mut fts = format!("{{subject body}} : ({})", terms.join(" "));
            if !every {
                // Statuses are our own words, as they are ('s' || status).
                let s: Vec<String> = statuses.iter().map(|s| format!("\"s{s}\"")).collect();
                fts.push_str(&format!(" AND facets : ({})", s.join(" OR ")));
            }
            if let Some(teams) = &q.teams {
                let t: Vec<String> = teams.iter().map(|t| facet('t', t)).collect();
                fts.push_str(&format!(" AND facets : ({})", t.join(" OR ")));
            }
            if let Some(lang) = &q.language {
                fts.push_str(&format!(" AND facets : {}", facet('l', lang)));
            }
            b.push("s.ticket_search MATCH ").push_bind(fts);
            let floor = cursor.map_or(0, |(rank, deadline, _)| search_key_floor(rank, deadline));
            b.push(" AND s.rowid >= ").push_bind(floor);
            b.push(" AND ");
        }
        b.push("t.merged_into IS NULL");
        if terms.len() > 1 {
            // Several words: a ticket matches when one of its messages holds
            // them all. The tickets in inbox order, each checked through its
            // messages' ids against the matching ids (collected once). (The
            // ticket index would match words spread over several messages,
            // and checking its candidates per message measured slower,
            // bench/web.sh search-2w.) The `+` keeps SQLite from walking the
            // whole match list for each ticket instead.
            b.push(
                " AND EXISTS (SELECT 1 FROM messages m WHERE m.ticket_id = t.id AND +m.id IN \
                 (SELECT rowid FROM message_search WHERE message_search MATCH ",
            )
            .push_bind(terms.join(" "))
            .push("))");
        }
        if !every {
            b.push(" AND t.status IN (");
            let mut sep = b.separated(", ");
            for s in &statuses {
                sep.push_bind(*s);
            }
            b.push(")");
        }
        if let Some(teams) = &q.teams {
            b.push(" AND t.team IN (");
            let mut sep = b.separated(", ");
            for t in teams {
                sep.push_bind(t.as_str());
            }
            b.push(")");
        }
        if let Some(lang) = &q.language {
            b.push(" AND t.language = ").push_bind(lang.as_str());
        }
        match &q.assignee {
            None => {}
            Some(AssigneeFilter::Nobody) => {
                b.push(" AND t.assignee IS NULL");
            }
            Some(AssigneeFilter::Agent(who)) => {
                b.push(" AND t.assignee = ").push_bind(who.as_str());
            }
        }
        if let Some((rank, deadline, id)) = cursor {
            b.push(" AND (t.inbox_rank, t.inbox_deadline, t.id) > (")
                .push_bind(rank)
                .push(", ")
                .push_bind(deadline)
                .push(", ")
                .push_bind(id)
                .push(")");
        }
        let want = usize::try_from(limit + 1).unwrap_or(usize::MAX);
        let mut found: Vec<(i64, i64, TicketView)> = Vec::with_capacity(want);
        if searching {
            // Rows come in search_key order: the inbox order except among
            // tickets whose deadlines share a minute, so after the page's
            // last row the rest of its minute is read too, then all is
            // sorted exactly. (Tickets without a promise share a deadline,
            // and their key order is the exact order.)
            b.push(" ORDER BY s.rowid");
            let mut rows = b.build().fetch(&self.pool);
            let mut minute: Option<i64> = None;
            while let Some(r) = rows.try_next().await? {
                let key: i64 = r.try_get("search_key")?;
                if minute.is_some_and(|m| m != key >> SEARCH_ID_BITS) {
                    break;
                }
                found.push((
                    r.try_get("inbox_rank")?,
                    r.try_get("inbox_deadline")?,
                    ticket_from_row(&r)?,
                ));
                if found.len() == want && minute.is_none() {
                    let m = key >> SEARCH_ID_BITS;
                    if m & SEARCH_NO_DEADLINE == SEARCH_NO_DEADLINE {
                        break;
                    }
                    minute = Some(m);
                }
            }
            found.sort_by_key(|(rank, deadline, t)| (*rank, *deadline, t.id));
            found.truncate(want);
        } else {
            b.push(" ORDER BY t.inbox_rank, t.inbox_deadline, t.id LIMIT ")
                .push_bind(limit + 1);
            for r in b.build().fetch_all(&self.pool).await? {
                found.push((
                    r.try_get("inbox_rank")?,
                    r.try_get("inbox_deadline")?,
                    ticket_from_row(&r)?,
                ));
            }
        }
        let more = found.len() >= want;
        found.truncate(want - 1);
        let next = match found.last() {
            Some((rank, deadline, t)) if more => Some(format!("{rank}.{deadline}.{}", t.id)),
            _ => None,
        };
        Ok(InboxPage {
            tickets: found.into_iter().map(|(_, _, t)| t).collect(),
            next,
        })
    }

    async fn set_priority(
        &self,
        ticket: i64,
        priority: kindly_core::Priority,
        by: &str,
        at: Timestamp,
    ) -> Result<bool> {
        crate::desk::set_priority(&self.pool, ticket, priority, by, at).await
    }

    async fn assign(
        &self,
        ticket: i64,
        assignee: Option<&str>,
        by: &str,
        at: Timestamp,
    ) -> Result<bool> {
        crate::desk::assign(&self.pool, ticket, assignee, by, at).await
    }

    async fn add_note(
        &self,
        ticket: i64,
        author: &str,
        body: &str,
        at: Timestamp,
    ) -> Result<Option<i64>> {
        crate::desk::add_note(&self.pool, ticket, author, body, at).await
    }

    async fn notes_of(&self, ticket: i64) -> Result<Vec<NoteView>> {
        crate::desk::notes_of(&self.pool, ticket).await
    }

    async fn saved_replies(&self) -> Result<Vec<SavedReply>> {
        crate::desk::saved_replies(&self.pool).await
    }

    async fn put_saved_reply(&self, r: &NewSavedReply<'_>) -> Result<i64> {
        crate::desk::put_saved_reply(&self.pool, r).await
    }

    async fn delete_saved_reply(&self, id: i64) -> Result<bool> {
        crate::desk::delete_saved_reply(&self.pool, id).await
    }

    async fn customer_tickets(&self, email: &str, limit: i64) -> Result<Vec<TicketView>> {
        let sql = format!(
            "{TICKET_SELECT} WHERE c.email = ? ORDER BY t.created_at DESC, t.id DESC LIMIT ?"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(email)
            .bind(limit.clamp(1, 200))
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(ticket_from_row).collect()
    }

    async fn owner_ticket(&self, what: Owned, id: i64) -> Result<Option<Option<i64>>> {
        let sql = match what {
            Owned::Message => "SELECT ticket_id FROM messages WHERE id = ?",
            Owned::Event => "SELECT ticket_id FROM events WHERE id = ?",
            Owned::Outbox => "SELECT ticket_id FROM outbox WHERE id = ?",
        };
        Ok(sqlx::query_scalar(sql)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?)
    }

    async fn add_user(&self, u: &NewUser<'_>) -> Result<i64> {
        let id: Option<i64> = sqlx::query_scalar(
            "INSERT INTO users (email, name, role, teams, password_hash, created_at) \
             VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (email) DO NOTHING RETURNING id",
        )
        .bind(u.email)
        .bind(u.name)
        .bind(u.role)
        .bind(u.teams.join(" "))
        .bind(u.password_hash)
        .bind(secs(u.created_at))
        .fetch_optional(&self.pool)
        .await?;
        id.ok_or_else(|| StoreError::Refused(format!("{} has an account already", u.email)))
    }

    async fn user_by_email(&self, email: &str) -> Result<Option<UserRow>> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{USER_SELECT} WHERE email = ?"
        )))
        .bind(email)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(user_from_row).transpose()
    }

    async fn users(&self) -> Result<Vec<UserRow>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!("{USER_SELECT} ORDER BY id")))
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(user_from_row).collect()
    }

    async fn set_password(&self, email: &str, password_hash: &str) -> Result<bool> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let done = sqlx::query("UPDATE users SET password_hash = ? WHERE email = ?")
            .bind(password_hash)
            .bind(email)
            .execute(&mut *tx)
            .await?;
        // A new password ends every session of the account.
        sqlx::query("DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE email = ?)")
            .bind(email)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(done.rows_affected() > 0)
    }

    async fn create_session(
        &self,
        token_hash: &str,
        user: i64,
        csrf: &str,
        now: Timestamp,
        expires_at: Timestamp,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
        )
        .bind(token_hash)
        .bind(user)
        .bind(csrf)
        .bind(secs(now))
        .bind(secs(expires_at))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn session(&self, token_hash: &str, now: Timestamp) -> Result<Option<SessionRow>> {
        let sql = format!(
            "SELECT s.csrf, s.created_at AS s_created, s.expires_at, u.* FROM sessions s \
             JOIN ({USER_SELECT}) u ON u.id = s.user_id \
             WHERE s.token_hash = ? AND s.expires_at > ? AND NOT u.disabled"
        );
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(token_hash)
            .bind(secs(now))
            .fetch_optional(&self.pool)
            .await?;
        let Some(r) = row else { return Ok(None) };
        Ok(Some(SessionRow {
            user: user_from_row(&r)?,
            csrf: r.try_get("csrf")?,
            created_at: ts(r.try_get("s_created")?)?,
            expires_at: ts(r.try_get("expires_at")?)?,
        }))
    }

    async fn delete_session(&self, token_hash: &str, now: Timestamp) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = ? OR expires_at <= ?")
            .bind(token_hash)
            .bind(secs(now))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn record_login_failure(&self, keys: &[String], at: Timestamp) -> Result<()> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        for k in keys {
            sqlx::query("INSERT INTO login_failures (key, at) VALUES (?, ?)")
                .bind(k)
                .bind(secs(at))
                .execute(&mut *tx)
                .await?;
        }
        // Old failures say nothing any more.
        sqlx::query("DELETE FROM login_failures WHERE at < ?")
            .bind(secs(at) - 24 * 3600)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn login_failures_since(&self, key: &str, since: Timestamp) -> Result<i64> {
        Ok(
            sqlx::query_scalar("SELECT COUNT(*) FROM login_failures WHERE key = ? AND at >= ?")
                .bind(key)
                .bind(secs(since))
                .fetch_one(&self.pool)
                .await?,
        )
    }

    async fn clear_login_failures(&self, keys: &[String]) -> Result<()> {
        for k in keys {
            sqlx::query("DELETE FROM login_failures WHERE key = ?")
                .bind(k)
                .execute(&self.pool)
                .await?;
        }
        Ok(())
    }

    async fn send_now(&self, id: i64, now: Timestamp) -> Result<bool> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let released: Option<Option<i64>> = sqlx::query_scalar(
            "UPDATE outbox SET next_try_at = ? WHERE id = ? AND status = 'queued' AND next_try_at > ? \
             RETURNING ticket_id",
        )
        .bind(secs(now))
        .bind(id)
        .bind(secs(now))
        .fetch_optional(&mut *tx)
        .await?;
        let Some(ticket) = released else {
            return Ok(false);
        };
        if let Some(t) = ticket {
            sqlx::query(
                "UPDATE tickets SET first_response_at = ? WHERE id = ? AND first_response_at > ?",
            )
            .bind(secs(now))
            .bind(t)
            .bind(secs(now))
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO events (ticket_id, kind, detail, at) VALUES (?, 'sent_now', ?, ?)",
            )
            .bind(t)
            .bind(serde_json::json!({ "outbox": id }).to_string())
            .bind(secs(now))
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    async fn mark_sent(&self, id: i64, at: Timestamp) -> Result<()> {
        sqlx::query("UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?")
            .bind(secs(at))
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn mark_attempt_failed(
        &self,
        id: i64,
        error: &str,
        next_try_at: Option<Timestamp>,
    ) -> Result<()> {
        match next_try_at {
            Some(next) => {
                sqlx::query("UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_try_at = ? WHERE id = ?")
                    .bind(error)
                    .bind(secs(next))
                    .bind(id)
                    .execute(&self.pool)
                    .await?
            }
            None => {
                sqlx::query("UPDATE outbox SET attempts = attempts + 1, last_error = ?, status = 'failed' WHERE id = ?")
                    .bind(error)
                    .bind(id)
                    .execute(&self.pool)
                    .await?
            }
        };
        Ok(())
    }

    async fn set_status(&self, ticket: i64, status: TicketStatus, at: Timestamp) -> Result<bool> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let closed_at = (status == TicketStatus::Closed).then_some(secs(at));
        let done = sqlx::query(
            "UPDATE tickets SET status = ?, closed_at = ?, updated_at = ? WHERE id = ?",
        )
        .bind(status.as_str())
        .bind(closed_at)
        .bind(secs(at))
        .bind(ticket)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Ok(false);
        }
        crate::actions::reindex_for_status(&mut tx, ticket, status.as_str()).await?;
        sqlx::query("INSERT INTO events (ticket_id, kind, detail, at) VALUES (?, 'status', ?, ?)")
            .bind(ticket)
            .bind(serde_json::json!({ "status": status.as_str() }).to_string())
            .bind(secs(at))
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn index_ticket(&self, ticket: i64, print: &[u8], bands: &[i64]) -> Result<()> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        crate::actions::index_ticket(&mut tx, ticket, print, bands).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn ticket_print(&self, ticket: i64) -> Result<Option<Vec<u8>>> {
        crate::actions::ticket_print(&self.pool, ticket).await
    }

    async fn band_candidates(
        &self,
        ticket: i64,
        bands: &[i64],
        limit: i64,
    ) -> Result<Vec<BandCandidate>> {
        crate::actions::band_candidates(&self.pool, ticket, bands, limit).await
    }

    async fn promises_due(&self, before: Timestamp, limit: i64) -> Result<Vec<PromiseRow>> {
        let sql = format!(
            "{PROMISE_SELECT} WHERE p.state = 'open' AND p.due_at <= ? ORDER BY p.due_at, p.id LIMIT ?"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(secs(before))
            .bind(limit)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(promise_from_row).collect()
    }

    async fn promises_since(&self, since: Timestamp) -> Result<Vec<PromiseRow>> {
        let sql = format!("{PROMISE_SELECT} WHERE p.made_at >= ? ORDER BY p.made_at, p.id");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(secs(since))
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(promise_from_row).collect()
    }

    async fn events_of(&self, ticket: i64) -> Result<Vec<EventView>> {
        crate::actions::events_of(&self.pool, ticket).await
    }

    async fn merge(&self, from: i64, into: i64, at: Timestamp) -> Result<ActionDone> {
        crate::actions::merge(&self.pool, from, into, at).await
    }

    async fn split(&self, message: i64, at: Timestamp) -> Result<ActionDone> {
        crate::actions::split(&self.pool, message, at).await
    }

    async fn undo(&self, event: i64, at: Timestamp) -> Result<ActionDone> {
        crate::actions::undo(&self.pool, event, at).await
    }

    async fn counts(&self) -> Result<Counts> {
        let row = sqlx::query(
            "SELECT (SELECT COUNT(*) FROM raw_messages) AS raw, \
                    (SELECT COUNT(*) FROM messages) AS messages, \
                    (SELECT COUNT(*) FROM tickets) AS tickets, \
                    (SELECT COUNT(*) FROM tickets WHERE status <> 'closed') AS open_tickets, \
                    (SELECT COUNT(*) FROM outbox WHERE status = 'queued') AS queued, \
                    (SELECT COUNT(*) FROM outbox WHERE status = 'sent') AS sent, \
                    (SELECT COUNT(*) FROM outbox WHERE status = 'failed') AS failed",
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(Counts {
            raw: row.try_get("raw")?,
            messages: row.try_get("messages")?,
            tickets: row.try_get("tickets")?,
            open_tickets: row.try_get("open_tickets")?,
            queued: row.try_get("queued")?,
            sent: row.try_get("sent")?,
            failed: row.try_get("failed")?,
        })
    }

    async fn stats(&self) -> Result<Vec<DayStats>> {
        use std::collections::BTreeMap;
        let mut days: BTreeMap<i64, DayStats> = BTreeMap::new();
        let rows = sqlx::query(
            "SELECT received_at / 86400 AS d, COUNT(*) AS mails, \
               SUM(CASE WHEN outcome = 'follow_up' THEN 1 ELSE 0 END) AS follow_ups, \
               SUM(CASE WHEN outcome = 'thanks' THEN 1 ELSE 0 END) AS thanks, \
               SUM(CASE WHEN outcome = 'automatic' THEN 1 ELSE 0 END) AS automatic, \
               SUM(CASE WHEN outcome = 'quarantined' THEN 1 ELSE 0 END) AS quarantined \
             FROM messages GROUP BY received_at / 86400",
        )
        .fetch_all(&self.pool)
        .await?;
        for r in &rows {
            let d: i64 = r.try_get("d")?;
            let e = days.entry(d).or_default();
            e.mails = r.try_get("mails")?;
            e.follow_ups = r.try_get("follow_ups")?;
            e.thanks = r.try_get("thanks")?;
            e.automatic = r.try_get("automatic")?;
            e.quarantined = r.try_get("quarantined")?;
        }
        for (sql, field) in [
            (
                // A merged ticket was not a problem of its own.
                "SELECT created_at / 86400 AS d, COUNT(*) AS n FROM tickets WHERE merged_into IS NULL \
                 GROUP BY created_at / 86400",
                0,
            ),
            (
                // Automatic folds and agents' merges, unless undone.
                "SELECT at / 86400 AS d, COUNT(*) AS n FROM events \
                 WHERE kind IN ('repeat', 'merge') AND undone_by IS NULL GROUP BY at / 86400",
                1,
            ),
        ] {
            for r in sqlx::query(sql).fetch_all(&self.pool).await? {
                let d: i64 = r.try_get("d")?;
                let n: i64 = r.try_get("n")?;
                let e = days.entry(d).or_default();
                if field == 0 {
                    e.tickets = n;
                } else {
                    e.repeats_folded = n;
                }
            }
        }
        Ok(days
            .into_iter()
            .map(|(day, mut s)| {
                s.day = day;
                s
            })
            .collect())
    }

    async fn close(&self) {
        self.pool.close().await;
    }

    async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    async fn imap_state(&self, account: &str) -> Result<Option<crate::ImapState>> {
        let row: Option<(i64, i64)> =
            sqlx::query_as("SELECT uid_validity, last_uid FROM imap_state WHERE account = ?")
                .bind(account)
                .fetch_optional(&self.pool)
                .await?;
        row.map(|(validity, last)| {
            let uid = |v: i64| {
                u32::try_from(v)
                    .map_err(|_| StoreError::Corrupt(format!("IMAP state of {account:?}: {v}")))
            };
            Ok(crate::ImapState {
                uid_validity: uid(validity)?,
                last_uid: uid(last)?,
            })
        })
        .transpose()
    }

    async fn set_imap_state(
        &self,
        account: &str,
        state: crate::ImapState,
        at: Timestamp,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO imap_state (account, uid_validity, last_uid, updated_at) VALUES (?, ?, ?, ?) \
             ON CONFLICT (account) DO UPDATE SET uid_validity = excluded.uid_validity, \
             last_uid = excluded.last_uid, updated_at = excluded.updated_at",
        )
        .bind(account)
        .bind(i64::from(state.uid_validity))
        .bind(i64::from(state.last_uid))
        .bind(secs(at))
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

    use super::*;

    /// Migration 0010 indexes the tickets that were there before it, and
    /// the search finds them as the per-message index did.
    #[tokio::test]
    async fn migration_10_indexes_existing_tickets() {
        let options = SqliteConnectOptions::new()
            .in_memory(true)
            .foreign_keys(true);
        let pool = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(options)
            .await
            .unwrap();
        let store = SqliteStore { pool };
        store.migrate_to(8).await.unwrap();
        sqlx::raw_sql(
            "INSERT INTO customers (id, email, created_at) VALUES (1, 'c@example.com', 0);
             INSERT INTO tickets (id, customer_id, subject, status, language, priority, created_at,
                 updated_at, promised_by, team)
             VALUES (1, 1, 'a', 'open', 'de', 'normal', 0, 0, 600, 'support'),
                    (2, 1, 'b', 'open', 'et', 'urgent', 0, 0, NULL, 'billing'),
                    (3, 1, 'c', 'closed', NULL, 'normal', 0, 0, 60, 'support'),
                    (4, 1, 'd', 'open', 'de', 'normal', 0, 0, 30, 'support');
             UPDATE tickets SET merged_into = 1 WHERE id = 4;
             INSERT INTO messages (ticket_id, message_id, content_hash, subject, visible_text,
                 outcome, received_at)
             VALUES (1, '<1@x>', 'h', 'Rechnung', 'Die Mehrwertsteuernummer fehlt', 'new_ticket', 0),
                    (1, '<2@x>', 'h', 'Re: Rechnung', 'Bitte um Antwort', 'follow_up', 1),
                    (2, '<3@x>', 'h', 'Pakk', 'minu pakk ei ole kohale jõudnud', 'new_ticket', 0),
                    (3, '<4@x>', 'h', 'Rechnung', 'erledigt', 'new_ticket', 0),
                    (NULL, '<5@x>', 'h', 'Rechnung', 'spam', 'quarantined', 0);",
        )
        .execute(&store.pool)
        .await
        .unwrap();
        store.migrate_to(10).await.unwrap();
        let ids = |page: InboxPage| page.tickets.iter().map(|t| t.id).collect::<Vec<_>>();
        let q = |search: &str| InboxQuery {
            search: Some(search.into()),
            limit: 10,
            ..InboxQuery::default()
        };
        assert_eq!(ids(store.inbox(&q("rechnung")).await.unwrap()), [1]);
        assert_eq!(ids(store.inbox(&q("joudnud")).await.unwrap()), [2]);
        assert_eq!(
            ids(store.inbox(&q("mehrwert antwort")).await.unwrap()),
            Vec::<i64>::new()
        );
        let every = InboxQuery {
            statuses: vec![
                TicketStatus::Open,
                TicketStatus::Pending,
                TicketStatus::Solved,
                TicketStatus::Closed,
            ],
            ..q("rechnung")
        };
        assert_eq!(ids(store.inbox(&every).await.unwrap()), [3, 1]);
        let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM ticket_search")
            .fetch_one(&store.pool)
            .await
            .unwrap();
        assert_eq!(count, 3, "one row per unmerged ticket");
    }
}
