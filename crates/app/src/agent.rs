//! What agents do besides answering: find other customers' tickets about the
//! same problem (`kindly similar`), and merge, split and undo (the store does
//! those in one transaction each; see `store/src/actions.rs`).

use jiff::Timestamp;
use kindly_core::{RepeatPolicy, TicketStatus};
use kindly_store::{ActionDone, Store, StoreError};
use kindly_text::{Fingerprint, fingerprint};
use serde::Serialize;

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
