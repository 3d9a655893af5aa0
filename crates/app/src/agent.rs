//! What agents do: answer a ticket (`reply`: the tone guard reads the draft,
//! the first answer to an angry customer waits out a cool-down), find other
//! customers' tickets about the same problem (`kindly similar`), and merge,
//! split and undo (the store does those in one transaction each; see
//! `store/src/actions.rs`).

use jiff::Timestamp;
use kindly_core::{Lang, RepeatPolicy, TicketStatus};
use kindly_mail::compose::reply_subject;
use kindly_mail::threading::{domain_of, outgoing_message_id};
use kindly_store::{ActionDone, IntakeTx, NewOutgoing, Store, StoreError, TicketChange};
use kindly_text::{Fingerprint, ToneReport, fingerprint};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::settings::Settings;

/// Candidates read from the band index before scoring: enough that the best
/// few survive the term check, few enough to stay fast at millions of tickets.
const MAX_BAND_CANDIDATES: i64 = 60;

/// Another customer's open ticket that looks like the same problem.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct SimilarTicket {
    pub ticket: i64,
    pub customer: String,
    pub subject: String,
    pub status: TicketStatus,
    pub created_at: Timestamp,
    /// Jaccard index of the two tickets' stemmed content terms (0..1): the score.
    pub score: f32,
    /// Share of the smaller ticket's terms found in the other.
    pub overlap: f32,
    /// LSH bands the two share (of `kindly_text::similarity::SIMILAR_BANDS`).
    pub shared_bands: i64,
}

#[derive(Debug, thiserror::Error)]
pub enum AgentError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("there is no ticket #{0}")]
    NoTicket(i64),
    /// The request cannot be done as asked; the text says why.
    #[error("{0}")]
    Refused(String),
}

/// Longest reply body accepted (1 MB of text is a mistake, not an answer).
pub const MAX_REPLY_BYTES: usize = 1024 * 1024;

/// One line for the agent answering an angry customer.
pub const CALM_GUIDELINE: &str = "They are upset with us, not with you: name their trouble, say what you will do and by when; no blame, no \"calm down\".";

/// An agent's answer to a ticket.
#[derive(Clone, Debug)]
pub struct ReplyDraft<'a> {
    pub ticket: i64,
    /// Who writes (recorded in the ticket's history).
    pub author: &'a str,
    pub body: &'a str,
    /// Skip the cool-down of an angry ticket's first answer.
    pub send_now: bool,
    /// The ticket's status once answered (usually `pending`: waiting for the customer).
    pub status: Option<TicketStatus>,
}

/// What happened to a reply.
#[derive(Clone, Debug, Serialize)]
pub struct ReplyQueued {
    pub ticket: i64,
    /// The outbox row (`kindly outbox`); `kindly send-now ID` releases a held one.
    pub outbox: i64,
    pub to: String,
    pub subject: String,
    pub message_id: String,
    /// Held for the cool-down until then; `None`: goes out at once.
    pub held_until: Option<Timestamp>,
    /// Shown with a held reply.
    pub guideline: Option<&'static str>,
    /// The tone guard's findings on the draft (informative: the agent decides).
    pub tone: ToneReport,
}

/// Queues an agent's reply to `draft.ticket`, threaded to the conversation:
/// one transaction records the outbox row, the first response (which settles
/// the promise) and a `reply` event. The first answer to an angry ticket waits
/// `settings.cooldown` unless `send_now`.
pub async fn reply<S: Store>(
    store: &S,
    settings: &Settings,
    draft: &ReplyDraft<'_>,
    now: Timestamp,
) -> Result<ReplyQueued, AgentError> {
    let body = draft.body.trim();
    if body.is_empty() {
        return Err(AgentError::Refused("the reply is empty".into()));
    }
    if body.len() > MAX_REPLY_BYTES {
        return Err(AgentError::Refused(format!(
            "the reply is {} bytes; at most {MAX_REPLY_BYTES}",
            body.len()
        )));
    }
    let view = store
        .ticket(draft.ticket)
        .await?
        .ok_or(AgentError::NoTicket(draft.ticket))?;
    if let Some(into) = view.merged_into {
        return Err(AgentError::Refused(format!(
            "ticket #{} was merged into #{into}: answer there",
            view.id
        )));
    }
    let lang = Lang::for_reply(view.language.as_deref());
    let tone = kindly_text::tone(body, Some(lang.code()));
    let held_until = (view.angry
        && view.first_response_at.is_none()
        && !draft.send_now
        && settings.cooldown.is_positive())
    .then(|| now.checked_add(settings.cooldown).unwrap_or(now));
    // Threaded to the customer's last mail, with the conversation's ids.
    let last = view.message_ids.last().cloned();
    let references: Vec<String> = view
        .message_ids
        .iter()
        .rev()
        .take(20)
        .rev()
        .cloned()
        .collect();
    let subject = reply_subject(&view.subject, view.id, lang);
    let text = format!("{body}\n\n-- \n{}\n", settings.signature);
    let seed = {
        let mut h = Sha256::new();
        h.update(now.as_nanosecond().to_le_bytes());
        h.update(draft.author.as_bytes());
        h.update(body.as_bytes());
        hex::encode(&h.finalize()[..12])
    };
    let message_id =
        outgoing_message_id("reply", view.id, &seed, domain_of(settings.from_address()));
    let mut tx = store.begin_intake().await?;
    let outbox = tx
        .queue_mail(&NewOutgoing {
            ticket_id: Some(view.id),
            kind: "reply",
            to: &view.customer,
            subject: &subject,
            body: &text,
            message_id: &message_id,
            in_reply_to: last.as_deref(),
            references: &references.join(" "),
            language: Some(lang.code()),
            promised_by: None,
            created_at: now,
            send_after: held_until,
        })
        .await?;
    // The customer hears from us when the mail goes out: a held reply answers
    // at the end of its hold (or when the agent sends it at once).
    tx.update_ticket(&TicketChange {
        ticket: view.id,
        reopen: false,
        repeat: false,
        customer_message_at: None,
        anger: None,
        priority: None,
        status_update_at: None,
        close: false,
        agent_answered: true,
        at: held_until.unwrap_or(now),
    })
    .await?;
    tx.log_event(
        Some(view.id),
        "reply",
        &serde_json::json!({
            "outbox": outbox,
            "author": draft.author,
            "held_until": held_until,
            "tone_findings": tone.findings.len(),
        }),
        now,
    )
    .await?;
    tx.commit().await?;
    if let Some(status) = draft.status
        && status != view.status
    {
        store.set_status(view.id, status, now).await?;
    }
    Ok(ReplyQueued {
        ticket: view.id,
        outbox,
        to: view.customer,
        subject,
        message_id,
        held_until,
        guideline: held_until.map(|_| CALM_GUIDELINE),
        tone,
    })
}

/// Sends a held reply now. False when there is no such held mail.
pub async fn send_now<S: Store>(
    store: &S,
    outbox: i64,
    now: Timestamp,
) -> Result<bool, AgentError> {
    Ok(store.send_now(outbox, now).await?)
}

/// Open tickets of other customers about the same problem as `ticket`, best
/// first, at most `limit`: LSH bands stored at intake find candidates, the
/// stored prints score them, `policy.similar_terms` is the bar.
pub async fn similar<S: Store>(
    store: &S,
    ticket: i64,
    limit: usize,
    policy: &RepeatPolicy,
) -> Result<Vec<SimilarTicket>, AgentError> {
    let print = match store.ticket_print(ticket).await? {
        Some(bytes) => Fingerprint::decode(&bytes),
        None => None,
    };
    let print = match print {
        Some(p) => p,
        // A ticket from before prints were stored: its first message and subject.
        None => {
            let view = store
                .ticket(ticket)
                .await?
                .ok_or(AgentError::NoTicket(ticket))?;
            let first = store.messages_of(ticket).await?.into_iter().next();
            let lang = view.language.as_deref();
            let text = first.map(|m| m.visible_text).unwrap_or_default();
            fingerprint(&text, lang, &[]).with_terms_of(&fingerprint(&view.subject, lang, &[]))
        }
    };
    let bands = print.similar_bands();
    let candidates = store
        .band_candidates(ticket, &bands, MAX_BAND_CANDIDATES)
        .await?;
    let mut out: Vec<SimilarTicket> = candidates
        .into_iter()
        .filter_map(|c| {
            let other = Fingerprint::decode(&c.print)?;
            let s = print.compare(&other);
            (s.terms >= policy.similar_terms).then_some(SimilarTicket {
                ticket: c.ticket_id,
                customer: c.customer,
                subject: c.subject,
                status: c.status,
                created_at: c.created_at,
                score: s.terms,
                overlap: s.overlap,
                shared_bands: c.shared_bands,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(b.overlap.total_cmp(&a.overlap))
            .then(b.ticket.cmp(&a.ticket))
    });
    out.truncate(limit);
    Ok(out)
}

/// Splits `message` into a ticket of its own and indexes the new ticket for
/// similar-ticket lookups.
pub async fn split<S: Store>(
    store: &S,
    message: i64,
    at: Timestamp,
) -> Result<ActionDone, AgentError> {
    let done = store.split(message, at).await?;
    index_after_split(store, &done).await?;
    Ok(done)
}

/// Undoes an event; when that splits an automatically folded mail out, the new
/// ticket is indexed too.
pub async fn undo<S: Store>(
    store: &S,
    event: i64,
    at: Timestamp,
) -> Result<ActionDone, AgentError> {
    let done = store.undo(event, at).await?;
    if done.action == "split" {
        index_after_split(store, &done).await?;
    }
    Ok(done)
}

async fn index_after_split<S: Store>(store: &S, done: &ActionDone) -> Result<(), AgentError> {
    let Some(view) = store.ticket(done.ticket).await? else {
        return Ok(());
    };
    let lang = view.language.as_deref();
    let text = store
        .messages_of(done.ticket)
        .await?
        .into_iter()
        .next()
        .map(|m| m.visible_text)
        .unwrap_or_default();
    let print = fingerprint(&text, lang, &[]).with_terms_of(&fingerprint(
        &kindly_mail::threading::strip_subject(&view.subject),
        lang,
        &[],
    ));
    store
        .index_ticket(done.ticket, &print.encode(), &print.similar_bands())
        .await?;
    Ok(())
}
