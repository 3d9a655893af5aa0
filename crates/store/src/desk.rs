//! The agent's desk on SQLite: priority and assignee changes, internal notes
//! and saved replies. Each change that belongs to a ticket's story writes an
//! event in the same transaction, so the history shows who did what.

use jiff::Timestamp;
use kindly_core::Priority;
use serde_json::json;
use sqlx::{Row, SqlitePool};

use crate::Result;
use crate::sqlite::{secs, ts};
use crate::types::{NewSavedReply, NoteView, SavedReply};

pub(crate) async fn set_priority(
    pool: &SqlitePool,
    ticket: i64,
    priority: Priority,
    by: &str,
    at: Timestamp,
) -> Result<bool> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let before: Option<String> = sqlx::query_scalar("SELECT priority FROM tickets WHERE id = ?")
        .bind(ticket)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(before) = before else {
        return Ok(false);
    };
    if before != priority.as_str() {
        sqlx::query("UPDATE tickets SET priority = ?, updated_at = ? WHERE id = ?")
            .bind(priority.as_str())
            .bind(secs(at))
            .bind(ticket)
            .execute(&mut *tx)
            .await?;
        event(
            &mut tx,
            ticket,
            "priority",
            json!({ "from": before, "to": priority.as_str(), "by": by }),
            at,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(true)
}

pub(crate) async fn assign(
    pool: &SqlitePool,
    ticket: i64,
    assignee: Option<&str>,
    by: &str,
    at: Timestamp,
) -> Result<bool> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let row = sqlx::query("SELECT assignee FROM tickets WHERE id = ?")
        .bind(ticket)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(row) = row else {
        return Ok(false);
    };
    let before: Option<String> = row.try_get("assignee")?;
    if before.as_deref() != assignee {
        sqlx::query("UPDATE tickets SET assignee = ?, updated_at = ? WHERE id = ?")
            .bind(assignee)
            .bind(secs(at))
            .bind(ticket)
            .execute(&mut *tx)
            .await?;
        event(
            &mut tx,
            ticket,
            "assigned",
            json!({ "from": before, "to": assignee, "by": by }),
            at,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(true)
}

pub(crate) async fn add_note(
    pool: &SqlitePool,
    ticket: i64,
    author: &str,
    body: &str,
    at: Timestamp,
) -> Result<Option<i64>> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM tickets WHERE id = ?")
        .bind(ticket)
        .fetch_optional(&mut *tx)
        .await?;
    if exists.is_none() {
        return Ok(None);
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO notes (ticket_id, author, body, created_at) VALUES (?, ?, ?, ?) RETURNING id",
    )
    .bind(ticket)
    .bind(author)
    .bind(body)
    .bind(secs(at))
    .fetch_one(&mut *tx)
    .await?;
    event(
        &mut tx,
        ticket,
        "note",
        json!({ "note": id, "by": author }),
        at,
    )
    .await?;
    tx.commit().await?;
    Ok(Some(id))
}

pub(crate) async fn notes_of(pool: &SqlitePool, ticket: i64) -> Result<Vec<NoteView>> {
    let rows = sqlx::query(
        "SELECT id, ticket_id, author, body, created_at FROM notes WHERE ticket_id = ? ORDER BY id",
    )
    .bind(ticket)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(NoteView {
                id: r.try_get("id")?,
                ticket: r.try_get("ticket_id")?,
                author: r.try_get("author")?,
                body: r.try_get("body")?,
                created_at: ts(r.try_get("created_at")?)?,
            })
        })
        .collect()
}

pub(crate) async fn saved_replies(pool: &SqlitePool) -> Result<Vec<SavedReply>> {
    let rows = sqlx::query(
        "SELECT id, title, lang, body, updated_by, updated_at FROM saved_replies ORDER BY title, lang",
    )
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(SavedReply {
                id: r.try_get("id")?,
                title: r.try_get("title")?,
                lang: r.try_get("lang")?,
                body: r.try_get("body")?,
                updated_by: r.try_get("updated_by")?,
                updated_at: ts(r.try_get("updated_at")?)?,
            })
        })
        .collect()
}

pub(crate) async fn put_saved_reply(pool: &SqlitePool, r: &NewSavedReply<'_>) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO saved_replies (title, lang, body, updated_by, updated_at) VALUES (?, ?, ?, ?, ?) \
         ON CONFLICT (title, lang) DO UPDATE SET body = excluded.body, \
         updated_by = excluded.updated_by, updated_at = excluded.updated_at RETURNING id",
    )
    .bind(r.title)
    .bind(r.lang)
    .bind(r.body)
    .bind(r.by)
    .bind(secs(r.at))
    .fetch_one(pool)
    .await?)
}

pub(crate) async fn delete_saved_reply(pool: &SqlitePool, id: i64) -> Result<bool> {
    let done = sqlx::query("DELETE FROM saved_replies WHERE id = ?")
        .bind(id)
        .execute(pool)
        .await?;
    Ok(done.rows_affected() > 0)
}

async fn event(
    tx: &mut sqlx::Transaction<'static, sqlx::Sqlite>,
    ticket: i64,
    kind: &str,
    detail: serde_json::Value,
    at: Timestamp,
) -> Result<()> {
    sqlx::query("INSERT INTO events (ticket_id, kind, detail, at) VALUES (?, ?, ?, ?)")
        .bind(ticket)
        .bind(kind)
        .bind(detail.to_string())
        .bind(secs(at))
        .execute(&mut **tx)
        .await?;
    Ok(())
}
