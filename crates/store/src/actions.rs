//! Agent actions on SQLite: merge, split and undo, each one transaction that
//! records what it changed in an event, so it can be undone exactly.
//!
//! The event details are the contract between an action and its undo:
//! - `merge` (on the ticket that took the messages): `from`, `into`, `messages`,
//!   `outbox`, `participants_added`, `added_repeats`, `from_before`,
//!   `into_before`, `reopened`, `priority_after`.
//! - `split` (on the ticket the message left): `message`, `new_ticket`,
//!   `old_outcome`, `old_detail`, `was_repeat`, `undoes` (the automatic fold
//!   it corrects, if any).
//! - `undo`: `event` (the one undone), `action`.
//!
//! Ticket history stays append-only: undo never deletes an event, it adds one
//! and points the undone event at it (`events.undone_by`).

use jiff::Timestamp;
use kindly_core::{Priority, TicketStatus};
use serde_json::{Value, json};
use sqlx::{QueryBuilder, Row, Sqlite, SqlitePool, Transaction};

use crate::sqlite::{secs, ts};
use crate::types::{ActionDone, BandCandidate, EventView};
use crate::{Result, StoreError};

type Tx = Transaction<'static, Sqlite>;

/// The ticket fields an action reads and may restore.
struct TicketRow {
    id: i64,
    customer_id: i64,
    status: String,
    closed_at: Option<i64>,
    merged_into: Option<i64>,
    repeats: i64,
    priority: String,
    anger: f64,
    angry: bool,
    last_customer_message_at: Option<i64>,
}

async fn ticket_row(tx: &mut Tx, id: i64) -> Result<Option<TicketRow>> {
    let row = sqlx::query(
        "SELECT id, customer_id, status, closed_at, merged_into, repeats, priority, anger, angry, \
           last_customer_message_at FROM tickets WHERE id = ?",
    )
    .bind(id)
    .fetch_optional(&mut **tx)
    .await?;
    row.map(|r| {
        Ok(TicketRow {
            id: r.try_get("id")?,
            customer_id: r.try_get("customer_id")?,
            status: r.try_get("status")?,
            closed_at: r.try_get("closed_at")?,
            merged_into: r.try_get("merged_into")?,
            repeats: r.try_get("repeats")?,
            priority: r.try_get("priority")?,
            anger: r.try_get("anger")?,
            angry: r.try_get("angry")?,
            last_customer_message_at: r.try_get("last_customer_message_at")?,
        })
    })
    .transpose()
}

async fn must_ticket(tx: &mut Tx, id: i64) -> Result<TicketRow> {
    ticket_row(tx, id)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("there is no ticket #{id}")))
}

async fn add_event(tx: &mut Tx, ticket: i64, kind: &str, detail: &Value, at: i64) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO events (ticket_id, kind, detail, at) VALUES (?, ?, ?, ?) RETURNING id",
    )
    .bind(ticket)
    .bind(kind)
    .bind(detail.to_string())
    .bind(at)
    .fetch_one(&mut **tx)
    .await?)
}

fn ids_of(v: &Value, key: &str) -> Vec<i64> {
    v.get(key)
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_i64).collect())
        .unwrap_or_default()
}

fn int_of(v: &Value, key: &str) -> Result<i64> {
    v.get(key)
        .and_then(Value::as_i64)
        .ok_or_else(|| StoreError::Corrupt(format!("event detail lacks {key:?}: {v}")))
}

fn higher_priority(a: &str, b: &str) -> String {
    let p = |s: &str| Priority::parse(s).unwrap_or(Priority::Normal);
    p(a).max(p(b)).as_str().to_string()
}

/// Moves rows of `table` listed in `ids` from ticket `from` to `to`; returns how many moved.
async fn set_ticket_of(tx: &mut Tx, table: &str, ids: &[i64], from: i64, to: i64) -> Result<u64> {
    if ids.is_empty() {
        return Ok(0);
    }
    // `table` is one of our constants ("messages", "outbox"), never input.
    let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(format!("UPDATE {table} SET ticket_id = "));
    q.push_bind(to);
    q.push(" WHERE ticket_id = ");
    q.push_bind(from);
    q.push(" AND id IN (");
    let mut sep = q.separated(", ");
    for id in ids {
        sep.push_bind(*id);
    }
    q.push(")");
    Ok(q.build().execute(&mut **tx).await?.rows_affected())
}

pub(crate) async fn merge(
    pool: &SqlitePool,
    from: i64,
    into: i64,
    at: Timestamp,
) -> Result<ActionDone> {
    let at = secs(at);
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    if from == into {
        return Err(StoreError::Refused(format!(
            "ticket #{from} cannot be merged into itself"
        )));
    }
    let f = must_ticket(&mut tx, from).await?;
    let i = must_ticket(&mut tx, into).await?;
    if let Some(x) = f.merged_into {
        return Err(StoreError::Refused(format!(
            "ticket #{from} was already merged into #{x}"
        )));
    }
    if let Some(x) = i.merged_into {
        return Err(StoreError::Refused(format!(
            "ticket #{into} was merged into #{x}; merge into #{x} instead"
        )));
    }
    if f.customer_id != i.customer_id {
        // Repeat detection reads a customer's own tickets: mixing two customers'
        // conversations would hide one's mail from it (invariant 7). Similar
        // problems of different customers are grouped, not merged.
        return Err(StoreError::Refused(format!(
            "tickets #{from} and #{into} belong to different customers; only one customer's tickets can be merged"
        )));
    }
    let messages: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM messages WHERE ticket_id = ? ORDER BY id")
            .bind(from)
            .fetch_all(&mut *tx)
            .await?;
    let outbox: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM outbox WHERE ticket_id = ? ORDER BY id")
            .bind(from)
            .fetch_all(&mut *tx)
            .await?;
    let added: Vec<(String, String)> = sqlx::query_as(
        "SELECT email, role FROM participants WHERE ticket_id = ? \
         AND email NOT IN (SELECT email FROM participants WHERE ticket_id = ?) ORDER BY email",
    )
    .bind(from)
    .bind(into)
    .fetch_all(&mut *tx)
    .await?;

    set_ticket_of(&mut tx, "messages", &messages, from, into).await?;
    set_ticket_of(&mut tx, "outbox", &outbox, from, into).await?;
    for (email, role) in &added {
        sqlx::query("INSERT INTO participants (ticket_id, email, role) VALUES (?, ?, ?)")
            .bind(into)
            .bind(email)
            .bind(role)
            .execute(&mut *tx)
            .await?;
    }
    // The customer wrote about this problem once more (or more, if `from` had
    // repeats of its own): the merged ticket counts them and rises in the queue.
    let added_repeats = f.repeats + 1;
    let from_active = f.status != TicketStatus::Closed.as_str();
    let reopened = from_active
        && (i.status == TicketStatus::Solved.as_str() || i.status == TicketStatus::Closed.as_str());
    let priority_after = higher_priority(
        &higher_priority(&i.priority, &f.priority),
        Priority::for_ticket(i.repeats + added_repeats, i.angry || f.angry).as_str(),
    );
    sqlx::query(
        "UPDATE tickets SET repeats = repeats + ?, \
           anger = CASE WHEN anger < ? THEN ? ELSE anger END, angry = (angry OR ?), priority = ?, \
           last_customer_message_at = CASE WHEN last_customer_message_at IS NULL OR last_customer_message_at < ? \
             THEN ? ELSE last_customer_message_at END, \
           status = CASE WHEN ? THEN 'open' ELSE status END, \
           closed_at = CASE WHEN ? THEN NULL ELSE closed_at END, \
           updated_at = ? WHERE id = ?",
    )
    .bind(added_repeats)
    .bind(f.anger)
    .bind(f.anger)
    .bind(f.angry)
    .bind(&priority_after)
    .bind(f.last_customer_message_at)
    .bind(f.last_customer_message_at)
    .bind(reopened)
    .bind(reopened)
    .bind(at)
    .bind(into)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE tickets SET status = 'closed', closed_at = ?, merged_into = ?, updated_at = ? WHERE id = ?",
    )
    .bind(at)
    .bind(into)
    .bind(at)
    .bind(from)
    .execute(&mut *tx)
    .await?;
    unindex(&mut tx, from).await?;
    if reopened {
        reindex(&mut tx, into).await?;
    }
    let detail = json!({
        "from": from,
        "into": into,
        "messages": messages,
        "outbox": outbox,
        "participants_added": added.iter().map(|(e, _)| e).collect::<Vec<_>>(),
        "added_repeats": added_repeats,
        "reopened": reopened,
        "priority_after": priority_after,
        "from_before": { "status": f.status, "closed_at": f.closed_at },
        "into_before": {
            "status": i.status, "closed_at": i.closed_at, "priority": i.priority,
            "anger": i.anger, "angry": i.angry,
            "last_customer_message_at": i.last_customer_message_at,
        },
    });
    let event = add_event(&mut tx, into, "merge", &detail, at).await?;
    add_event(
        &mut tx,
        from,
        "merged_into",
        &json!({ "into": into, "event": event }),
        at,
    )
    .await?;
    tx.commit().await?;
    Ok(ActionDone {
        event,
        action: "merge".into(),
        ticket: into,
        from_ticket: from,
        messages,
        undid: None,
    })
}

pub(crate) async fn split(pool: &SqlitePool, message: i64, at: Timestamp) -> Result<ActionDone> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let done = split_in(&mut tx, message, secs(at), None).await?;
    tx.commit().await?;
    Ok(done)
}

async fn split_in(tx: &mut Tx, message: i64, at: i64, undoes: Option<i64>) -> Result<ActionDone> {
    let row = sqlx::query(
        "SELECT ticket_id, message_id, sender, subject, language, anger, angry, received_at, outcome, detail \
         FROM messages WHERE id = ?",
    )
    .bind(message)
    .fetch_optional(&mut **tx)
    .await?
    .ok_or_else(|| StoreError::NotFound(format!("there is no message {message}")))?;
    let Some(ticket): Option<i64> = row.try_get("ticket_id")? else {
        return Err(StoreError::Refused(format!(
            "message {message} belongs to no ticket (automatic, spam or quarantined mail)"
        )));
    };
    let t = must_ticket(tx, ticket).await?;
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM messages WHERE ticket_id = ?")
        .bind(ticket)
        .fetch_one(&mut **tx)
        .await?;
    if count < 2 {
        return Err(StoreError::Refused(format!(
            "message {message} is the only message of ticket #{ticket}; there is nothing to split"
        )));
    }
    let sender: Option<String> = row.try_get("sender")?;
    let customer: Option<i64> = match &sender {
        Some(s) => {
            sqlx::query_scalar("SELECT id FROM customers WHERE email = ?")
                .bind(s)
                .fetch_optional(&mut **tx)
                .await?
        }
        None => None,
    };
    let received_at: i64 = row.try_get("received_at")?;
    let anger: f64 = row.try_get("anger")?;
    let angry: bool = row.try_get("angry")?;
    let old_outcome: String = row.try_get("outcome")?;
    let old_detail: Option<String> = row.try_get("detail")?;
    let subject: String = row.try_get("subject")?;
    let priority = Priority::for_ticket(0, angry);
    let new_ticket: i64 = sqlx::query_scalar(
        "INSERT INTO tickets (customer_id, subject, status, language, priority, anger, angry, created_at, \
           updated_at, last_customer_message_at, team) \
         VALUES (?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, (SELECT team FROM tickets WHERE id = ?)) RETURNING id",
    )
    .bind(customer.unwrap_or(t.customer_id))
    .bind(&subject)
    .bind(row.try_get::<Option<String>, _>("language")?)
    .bind(priority.as_str())
    .bind(anger)
    .bind(angry)
    .bind(received_at)
    .bind(at)
    .bind(received_at)
    .bind(ticket)
    .fetch_one(&mut **tx)
    .await?;
    sqlx::query(
        "UPDATE messages SET ticket_id = ?, outcome = 'new_ticket', detail = ? WHERE id = ?",
    )
    .bind(new_ticket)
    .bind(format!("split from #{ticket}"))
    .bind(message)
    .execute(&mut **tx)
    .await?;
    if let Some(s) = &sender {
        sqlx::query(
            "INSERT INTO participants (ticket_id, email, role) VALUES (?, ?, 'customer') ON CONFLICT DO NOTHING",
        )
        .bind(new_ticket)
        .bind(s)
        .execute(&mut **tx)
        .await?;
    }
    // The automatic folds of this message (a repeat, a threaded nudge, a
    // thank-you) are undone by this split: their effects are taken back here.
    let message_id: String = row.try_get("message_id")?;
    let folds = live_folds(tx, ticket, message, &message_id).await?;
    let was_repeat = old_outcome == "repeat" || folds.iter().any(|(_, kind, _)| kind == "repeat");
    if was_repeat {
        let repeats = (t.repeats - 1).max(0);
        sqlx::query("UPDATE tickets SET repeats = ?, priority = ?, updated_at = ? WHERE id = ?")
            .bind(repeats)
            .bind(Priority::for_ticket(repeats, t.angry).as_str())
            .bind(at)
            .bind(ticket)
            .execute(&mut **tx)
            .await?;
    }
    for (_, kind, d) in &folds {
        // A status update about the fold that has not gone out is withdrawn.
        if let Some(out) = d.get("status_update").and_then(Value::as_i64) {
            sqlx::query(
                "UPDATE outbox SET status = 'cancelled' WHERE id = ? AND status = 'queued'",
            )
            .bind(out)
            .execute(&mut **tx)
            .await?;
        }
        // The status the fold changed comes back, if nothing changed it since.
        let changed_to = match kind.as_str() {
            "repeat" if d.get("reopened").and_then(Value::as_bool) == Some(true) => Some("open"),
            "thanks" if d.get("closed").and_then(Value::as_bool) == Some(true) => Some("closed"),
            _ => None,
        };
        let before = d
            .get("before")
            .and_then(|b| b.get("status"))
            .and_then(Value::as_str);
        if let (Some(now_is), Some(before)) = (changed_to, before) {
            let current: String = sqlx::query_scalar("SELECT status FROM tickets WHERE id = ?")
                .bind(ticket)
                .fetch_one(&mut **tx)
                .await?;
            if current == now_is {
                sqlx::query(
                    "UPDATE tickets SET status = ?, closed_at = ?, updated_at = ? WHERE id = ?",
                )
                .bind(before)
                .bind(
                    d.get("before")
                        .and_then(|b| b.get("closed_at"))
                        .and_then(Value::as_i64),
                )
                .bind(at)
                .bind(ticket)
                .execute(&mut **tx)
                .await?;
                reindex_for_status(tx, ticket, before).await?;
            }
        }
    }
    let fold_ids: Vec<i64> = folds.iter().map(|(id, _, _)| *id).collect();
    let detail = json!({
        "message": message,
        "new_ticket": new_ticket,
        "old_outcome": old_outcome,
        "old_detail": old_detail,
        "was_repeat": was_repeat,
        "undoes": undoes,
        "folds": fold_ids,
    });
    let event = add_event(tx, ticket, "split", &detail, at).await?;
    for id in &fold_ids {
        mark_undone(tx, *id, event).await?;
    }
    add_event(
        tx,
        new_ticket,
        "split_from",
        &json!({ "from": ticket, "message": message, "event": event }),
        at,
    )
    .await?;
    Ok(ActionDone {
        event,
        action: "split".into(),
        ticket: new_ticket,
        from_ticket: ticket,
        messages: vec![message],
        undid: undoes,
    })
}

pub(crate) async fn undo(pool: &SqlitePool, event: i64, at: Timestamp) -> Result<ActionDone> {
    let at = secs(at);
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let row = sqlx::query("SELECT ticket_id, kind, detail, undone_by FROM events WHERE id = ?")
        .bind(event)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("there is no event {event}")))?;
    if let Some(u) = row.try_get::<Option<i64>, _>("undone_by")? {
        return Err(StoreError::Refused(format!(
            "event {event} was already undone by event {u}"
        )));
    }
    let kind: String = row.try_get("kind")?;
    let ticket: Option<i64> = row.try_get("ticket_id")?;
    let detail: Value = serde_json::from_str(row.try_get::<&str, _>("detail")?)
        .map_err(|e| StoreError::Corrupt(format!("event {event} detail: {e}")))?;
    let done = match kind.as_str() {
        "merge" => undo_merge(&mut tx, event, &detail, at).await?,
        "split" => undo_split(&mut tx, event, ticket, &detail, at).await?,
        "repeat" | "thanks" => {
            let ticket = ticket.ok_or_else(|| StoreError::Corrupt(format!("event {event}")))?;
            let message = folded_message(&mut tx, ticket, &detail).await?;
            split_in(&mut tx, message, at, Some(event)).await?
        }
        "split_from" => {
            let split = int_of(&detail, "event")?;
            return Err(StoreError::Refused(format!(
                "event {event} is the other side of split event {split}; undo {split}"
            )));
        }
        "merged_into" => {
            let merge = int_of(&detail, "event")?;
            return Err(StoreError::Refused(format!(
                "event {event} is the other side of merge event {merge}; undo {merge}"
            )));
        }
        other => {
            return Err(StoreError::Refused(format!(
                "event {event} ({other}) cannot be undone; merges, splits and automatic folds (repeat, thanks) can"
            )));
        }
    };
    tx.commit().await?;
    Ok(done)
}

/// Events of `ticket` that folded this message in automatically and are not undone.
async fn live_folds(
    tx: &mut Tx,
    ticket: i64,
    message: i64,
    message_id: &str,
) -> Result<Vec<(i64, String, Value)>> {
    let rows = sqlx::query(
        "SELECT id, kind, detail FROM events WHERE ticket_id = ? AND kind IN ('repeat', 'thanks') \
         AND undone_by IS NULL ORDER BY id",
    )
    .bind(ticket)
    .fetch_all(&mut **tx)
    .await?;
    let mut out = Vec::new();
    for r in rows {
        let d: Value = serde_json::from_str(r.try_get::<&str, _>("detail")?).unwrap_or(Value::Null);
        let same = match d.get("message").and_then(Value::as_i64) {
            Some(id) => id == message,
            None => d.get("message_id").and_then(Value::as_str) == Some(message_id),
        };
        if same {
            out.push((r.try_get("id")?, r.try_get("kind")?, d));
        }
    }
    Ok(out)
}

async fn mark_undone(tx: &mut Tx, event: i64, by: i64) -> Result<()> {
    sqlx::query("UPDATE events SET undone_by = ? WHERE id = ?")
        .bind(by)
        .bind(event)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The message an automatic-fold event is about: its row id (recorded since
/// fingerprints were stored) or, for older events, its Message-ID in the ticket.
async fn folded_message(tx: &mut Tx, ticket: i64, detail: &Value) -> Result<i64> {
    if let Some(id) = detail.get("message").and_then(Value::as_i64) {
        let now_in: Option<Option<i64>> =
            sqlx::query_scalar("SELECT ticket_id FROM messages WHERE id = ?")
                .bind(id)
                .fetch_optional(&mut **tx)
                .await?;
        return match now_in {
            Some(Some(t)) if t == ticket => Ok(id),
            Some(Some(t)) => Err(StoreError::Refused(format!(
                "message {id} is in ticket #{t} now, not #{ticket}; undo what moved it first (see kindly history {ticket})"
            ))),
            _ => Err(StoreError::Refused(format!(
                "message {id} is no longer in ticket #{ticket}"
            ))),
        };
    }
    let mid = detail
        .get("message_id")
        .and_then(Value::as_str)
        .ok_or_else(|| StoreError::Corrupt(format!("fold event without a message: {detail}")))?;
    sqlx::query_scalar(
        "SELECT id FROM messages WHERE ticket_id = ? AND message_id = ? ORDER BY id DESC",
    )
    .bind(ticket)
    .bind(mid)
    .fetch_optional(&mut **tx)
    .await?
    .ok_or_else(|| StoreError::Refused(format!("message {mid} is no longer in ticket #{ticket}")))
}

async fn undo_merge(tx: &mut Tx, event: i64, d: &Value, at: i64) -> Result<ActionDone> {
    let from = int_of(d, "from")?;
    let into = int_of(d, "into")?;
    let f = must_ticket(tx, from).await?;
    if f.merged_into != Some(into) {
        return Err(StoreError::Refused(format!(
            "ticket #{from} is no longer merged into #{into}"
        )));
    }
    let i_now = must_ticket(tx, into).await?;
    if let Some(x) = i_now.merged_into {
        return Err(StoreError::Refused(format!(
            "ticket #{into} was merged into #{x} since; undo that merge first (see kindly history {x})"
        )));
    }
    let messages = ids_of(d, "messages");
    let outbox = ids_of(d, "outbox");
    let moved = set_ticket_of(tx, "messages", &messages, into, from).await?;
    if moved != messages.len() as u64 {
        // Some were split out or moved on since: undoing would leave them behind.
        return Err(StoreError::Refused(format!(
            "{} of the {} merged messages are no longer in ticket #{into}; undo the later changes first (see kindly history {into})",
            messages.len() as u64 - moved,
            messages.len()
        )));
    }
    set_ticket_of(tx, "outbox", &outbox, into, from).await?;
    for email in d
        .get("participants_added")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
    {
        sqlx::query("DELETE FROM participants WHERE ticket_id = ? AND email = ?")
            .bind(into)
            .bind(email)
            .execute(&mut **tx)
            .await?;
    }
    let before = d.get("from_before").cloned().unwrap_or(Value::Null);
    let from_status = before
        .get("status")
        .and_then(Value::as_str)
        .unwrap_or("open")
        .to_string();
    sqlx::query(
        "UPDATE tickets SET status = ?, closed_at = ?, merged_into = NULL, updated_at = ? WHERE id = ?",
    )
    .bind(&from_status)
    .bind(before.get("closed_at").and_then(Value::as_i64))
    .bind(at)
    .bind(from)
    .execute(&mut **tx)
    .await?;
    reindex_for_status(tx, from, &from_status).await?;
    // The other ticket: take back the repeats the merge added, the anger it
    // brought and the status it reopened (if nothing has changed it since), and
    // recompute the priority from what remains.
    let i = must_ticket(tx, into).await?;
    let into_before = d.get("into_before").cloned().unwrap_or(Value::Null);
    let reopened = d.get("reopened").and_then(Value::as_bool).unwrap_or(false);
    let restore_status = reopened && i.status == TicketStatus::Open.as_str();
    let repeats = (i.repeats - d.get("added_repeats").and_then(Value::as_i64).unwrap_or(0)).max(0);
    let anger = into_before
        .get("anger")
        .and_then(Value::as_f64)
        .unwrap_or(i.anger);
    let angry = into_before
        .get("angry")
        .and_then(Value::as_bool)
        .unwrap_or(i.angry);
    // Mail the ticket got after the merge may have made it angry on its own.
    let later_angry: Option<f64> =
        sqlx::query_scalar("SELECT MAX(anger) FROM messages WHERE ticket_id = ? AND angry")
            .bind(into)
            .fetch_one(&mut **tx)
            .await?;
    let angry = angry || later_angry.is_some();
    let anger = anger.max(later_angry.unwrap_or(0.0));
    let before_priority = into_before
        .get("priority")
        .and_then(Value::as_str)
        .unwrap_or("normal");
    let priority = higher_priority(
        before_priority,
        Priority::for_ticket(repeats, angry).as_str(),
    );
    let last_customer: Option<i64> = sqlx::query_scalar(
        "SELECT MAX(m.received_at) FROM messages m JOIN tickets t ON t.id = m.ticket_id \
         JOIN customers c ON c.id = t.customer_id WHERE m.ticket_id = ? AND m.sender = c.email",
    )
    .bind(into)
    .fetch_one(&mut **tx)
    .await?;
    sqlx::query(
        "UPDATE tickets SET repeats = ?, anger = ?, angry = ?, priority = ?, \
           last_customer_message_at = COALESCE(?, last_customer_message_at), \
           status = CASE WHEN ? THEN ? ELSE status END, \
           closed_at = CASE WHEN ? THEN ? ELSE closed_at END, updated_at = ? WHERE id = ?",
    )
    .bind(repeats)
    .bind(anger)
    .bind(angry)
    .bind(&priority)
    .bind(last_customer)
    .bind(restore_status)
    .bind(
        into_before
            .get("status")
            .and_then(Value::as_str)
            .unwrap_or("open"),
    )
    .bind(restore_status)
    .bind(into_before.get("closed_at").and_then(Value::as_i64))
    .bind(at)
    .bind(into)
    .execute(&mut **tx)
    .await?;
    if restore_status {
        let status = into_before
            .get("status")
            .and_then(Value::as_str)
            .unwrap_or("open");
        reindex_for_status(tx, into, status).await?;
    }
    let undo = add_event(
        tx,
        into,
        "undo",
        &json!({ "event": event, "action": "merge", "from": from }),
        at,
    )
    .await?;
    add_event(
        tx,
        from,
        "unmerged",
        &json!({ "from": into, "event": undo }),
        at,
    )
    .await?;
    mark_undone(tx, event, undo).await?;
    let _ = i.id;
    Ok(ActionDone {
        event: undo,
        action: "undo".into(),
        ticket: from,
        from_ticket: into,
        messages,
        undid: Some(event),
    })
}

async fn undo_split(
    tx: &mut Tx,
    event: i64,
    ticket: Option<i64>,
    d: &Value,
    at: i64,
) -> Result<ActionDone> {
    let back_to = ticket.ok_or_else(|| StoreError::Corrupt(format!("split event {event}")))?;
    let message = int_of(d, "message")?;
    let new_ticket = int_of(d, "new_ticket")?;
    let in_new: Vec<i64> = sqlx::query_scalar("SELECT id FROM messages WHERE ticket_id = ?")
        .bind(new_ticket)
        .fetch_all(&mut **tx)
        .await?;
    if in_new != [message] {
        return Err(StoreError::Refused(format!(
            "ticket #{new_ticket} has changed since the split (it holds {} messages), so the split cannot be taken back as it was",
            in_new.len()
        )));
    }
    if let Some(x) = must_ticket(tx, back_to).await?.merged_into {
        return Err(StoreError::Refused(format!(
            "ticket #{back_to} was merged into #{x} since; undo that merge first (see kindly history {x})"
        )));
    }
    sqlx::query("UPDATE messages SET ticket_id = ?, outcome = ?, detail = ? WHERE id = ?")
        .bind(back_to)
        .bind(
            d.get("old_outcome")
                .and_then(Value::as_str)
                .unwrap_or("follow_up"),
        )
        .bind(d.get("old_detail").and_then(Value::as_str))
        .bind(message)
        .execute(&mut **tx)
        .await?;
    let was_repeat = d
        .get("was_repeat")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    sqlx::query("UPDATE tickets SET repeats = repeats + ?, updated_at = ? WHERE id = ?")
        .bind(i64::from(was_repeat))
        .bind(at)
        .bind(back_to)
        .execute(&mut **tx)
        .await?;
    sqlx::query(
        "UPDATE tickets SET status = 'closed', closed_at = ?, merged_into = ?, updated_at = ? WHERE id = ?",
    )
    .bind(at)
    .bind(back_to)
    .bind(at)
    .bind(new_ticket)
    .execute(&mut **tx)
    .await?;
    unindex(tx, new_ticket).await?;
    let undo = add_event(
        tx,
        back_to,
        "undo",
        &json!({ "event": event, "action": "split", "message": message, "new_ticket": new_ticket }),
        at,
    )
    .await?;
    add_event(
        tx,
        new_ticket,
        "merged_into",
        &json!({ "into": back_to, "event": undo }),
        at,
    )
    .await?;
    mark_undone(tx, event, undo).await?;
    // Undoing the split that corrected automatic folds restores the folds.
    let mut folds = ids_of(d, "folds");
    folds.extend(d.get("undoes").and_then(Value::as_i64));
    for fold in folds {
        sqlx::query("UPDATE events SET undone_by = NULL WHERE id = ? AND undone_by = ?")
            .bind(fold)
            .bind(event)
            .execute(&mut **tx)
            .await?;
    }
    Ok(ActionDone {
        event: undo,
        action: "undo".into(),
        ticket: back_to,
        from_ticket: new_ticket,
        messages: vec![message],
        undid: Some(event),
    })
}

pub(crate) async fn events_of(pool: &SqlitePool, ticket: i64) -> Result<Vec<EventView>> {
    let rows = sqlx::query(
        "SELECT id, ticket_id, kind, detail, at, undone_by FROM events WHERE ticket_id = ? ORDER BY id",
    )
    .bind(ticket)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(EventView {
                id: r.try_get("id")?,
                ticket: r.try_get("ticket_id")?,
                kind: r.try_get("kind")?,
                detail: serde_json::from_str(r.try_get::<&str, _>("detail")?)
                    .unwrap_or(Value::Null),
                at: ts(r.try_get("at")?)?,
                undone_by: r.try_get("undone_by")?,
            })
        })
        .collect()
}

pub(crate) async fn index_ticket(
    tx: &mut Tx,
    ticket: i64,
    print: &[u8],
    bands: &[i64],
) -> Result<()> {
    // The old rows first, found through the old print's band keys.
    unindex(tx, ticket).await?;
    let packed: Vec<u8> = bands.iter().flat_map(|b| b.to_le_bytes()).collect();
    sqlx::query(
        "INSERT INTO ticket_prints (ticket_id, print, bands) VALUES (?, ?, ?) \
         ON CONFLICT (ticket_id) DO UPDATE SET print = excluded.print, bands = excluded.bands",
    )
    .bind(ticket)
    .bind(print)
    .bind(&packed)
    .execute(&mut **tx)
    .await?;
    let closed: Option<bool> =
        sqlx::query_scalar("SELECT status = 'closed' FROM tickets WHERE id = ?")
            .bind(ticket)
            .fetch_optional(&mut **tx)
            .await?;
    if closed == Some(false) {
        insert_bands(tx, ticket, bands).await?;
    }
    Ok(())
}

async fn insert_bands(tx: &mut Tx, ticket: i64, bands: &[i64]) -> Result<()> {
    if bands.is_empty() {
        return Ok(());
    }
    let mut q: QueryBuilder<Sqlite> =
        QueryBuilder::new("INSERT INTO ticket_bands (band, ticket_id) ");
    q.push_values(bands, |mut b, band| {
        b.push_bind(*band).push_bind(ticket);
    });
    q.push(" ON CONFLICT DO NOTHING");
    q.build().execute(&mut **tx).await?;
    Ok(())
}

/// Takes a ticket out of the similar-ticket index (it was closed): its rows
/// are found through the band keys kept with its print.
pub(crate) async fn unindex(tx: &mut Tx, ticket: i64) -> Result<()> {
    let bands = stored_bands(tx, ticket).await?;
    if bands.is_empty() {
        return Ok(());
    }
    let mut q: QueryBuilder<Sqlite> =
        QueryBuilder::new("DELETE FROM ticket_bands WHERE ticket_id = ");
    q.push_bind(ticket);
    q.push(" AND band IN (");
    let mut sep = q.separated(", ");
    for b in &bands {
        sep.push_bind(*b);
    }
    q.push(")");
    q.build().execute(&mut **tx).await?;
    Ok(())
}

/// The band keys stored with a ticket's print (none without a print).
async fn stored_bands(tx: &mut Tx, ticket: i64) -> Result<Vec<i64>> {
    let packed: Option<Option<Vec<u8>>> =
        sqlx::query_scalar("SELECT bands FROM ticket_prints WHERE ticket_id = ?")
            .bind(ticket)
            .fetch_optional(&mut **tx)
            .await?;
    Ok(packed
        .flatten()
        .map(|p| {
            p.chunks_exact(8)
                .filter_map(|c| c.try_into().ok().map(i64::from_le_bytes))
                .collect()
        })
        .unwrap_or_default())
}

/// Puts a ticket back into the similar-ticket index from its stored bands
/// (it was reopened); nothing when it has no print.
pub(crate) async fn reindex(tx: &mut Tx, ticket: i64) -> Result<()> {
    let bands = stored_bands(tx, ticket).await?;
    insert_bands(tx, ticket, &bands).await
}

/// Keeps the index in step with a ticket's new status.
pub(crate) async fn reindex_for_status(tx: &mut Tx, ticket: i64, status: &str) -> Result<()> {
    if status == TicketStatus::Closed.as_str() {
        unindex(tx, ticket).await
    } else {
        reindex(tx, ticket).await
    }
}

pub(crate) async fn ticket_print(pool: &SqlitePool, ticket: i64) -> Result<Option<Vec<u8>>> {
    Ok(
        sqlx::query_scalar("SELECT print FROM ticket_prints WHERE ticket_id = ?")
            .bind(ticket)
            .fetch_optional(pool)
            .await?,
    )
}

/// Most tickets read per band: a band shared by a huge crowd (a generic
/// "it does not work") says little, and reading all of it would make the
/// lookup grow with the store.
const MAX_PER_BAND: i64 = 24;

pub(crate) async fn band_candidates(
    pool: &SqlitePool,
    ticket: i64,
    bands: &[i64],
    limit: i64,
) -> Result<Vec<BandCandidate>> {
    if bands.is_empty() {
        return Ok(Vec::new());
    }
    // Newest tickets first within each band (the index holds band, ticket_id).
    let mut q: QueryBuilder<Sqlite> = QueryBuilder::new("WITH hits AS (");
    for (n, band) in bands.iter().enumerate() {
        if n > 0 {
            q.push(" UNION ALL ");
        }
        q.push("SELECT * FROM (SELECT ticket_id FROM ticket_bands WHERE band = ");
        q.push_bind(*band);
        q.push(" ORDER BY ticket_id DESC LIMIT ");
        q.push_bind(MAX_PER_BAND);
        q.push(")");
    }
    // Rank on the band index alone, then read only the best few tickets.
    q.push("), top AS (SELECT ticket_id, COUNT(*) AS shared FROM hits WHERE ticket_id <> ");
    q.push_bind(ticket);
    q.push(" GROUP BY ticket_id ORDER BY shared DESC, ticket_id DESC LIMIT ");
    q.push_bind(limit);
    q.push(
        ") SELECT t.id, top.shared, p.print, t.subject, c.email, t.status, t.created_at \
         FROM top JOIN tickets t ON t.id = top.ticket_id \
         JOIN ticket_prints p ON p.ticket_id = t.id JOIN customers c ON c.id = t.customer_id \
         WHERE t.status <> 'closed' AND t.merged_into IS NULL \
         AND t.customer_id <> (SELECT customer_id FROM tickets WHERE id = ",
    );
    q.push_bind(ticket);
    q.push(") ORDER BY top.shared DESC, t.id DESC");
    let rows = q.build().fetch_all(pool).await?;
    rows.iter()
        .map(|r| {
            let status: &str = r.try_get("status")?;
            Ok(BandCandidate {
                ticket_id: r.try_get("id")?,
                shared_bands: r.try_get("shared")?,
                print: r.try_get("print")?,
                subject: r.try_get("subject")?,
                customer: r.try_get("email")?,
                status: TicketStatus::parse(status)
                    .ok_or_else(|| StoreError::Corrupt(format!("ticket status {status:?}")))?,
                created_at: ts(r.try_get("created_at")?)?,
            })
        })
        .collect()
}
