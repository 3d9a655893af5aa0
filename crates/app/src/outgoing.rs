//! Our templated mail to a customer (acknowledgement, status update, promise
//! update), rendered in their language and queued in the caller's transaction
//! (invariant 3).

use jiff::Timestamp;
use kindly_core::Lang;
use kindly_mail::compose::{TemplateInput, TemplateKind, Templates, format_promise, reply_subject};
use kindly_mail::threading::{domain_of, outgoing_message_id};
use kindly_store::{IntakeTx, NewOutgoing, StoreError};

use crate::settings::{Settings, Team};

/// Who gets the mail and what it answers.
pub struct Reply<'a> {
    pub kind: TemplateKind,
    pub ticket: i64,
    pub to: &'a str,
    pub name: Option<&'a str>,
    pub lang: Lang,
    /// The subject we answer (prefixes are stripped, our `[#N]` added).
    pub subject: &'a str,
    /// The customer's mail we answer, and the thread's references.
    pub in_reply_to: Option<&'a str>,
    pub references: Vec<String>,
    /// Seeds the stable Message-ID (one mail per kind and seed).
    pub seed: &'a str,
    pub promised: Timestamp,
    /// The customer's UTC offset (their Date: header), for the promise's wording.
    pub customer_offset: Option<i32>,
    /// The team answering: its time zone words the promise.
    pub team: &'a Team,
}

/// Renders and queues `r`; returns the outbox row.
pub async fn queue_reply<T: IntakeTx>(
    tx: &mut T,
    settings: &Settings,
    templates: &Templates,
    r: &Reply<'_>,
    now: Timestamp,
) -> Result<i64, StoreError> {
    let promise_text = format_promise(
        r.promised,
        r.customer_offset,
        &r.team.hours.tz,
        &r.team.timezone_name,
        r.lang,
    );
    let body = templates.render(
        r.kind,
        r.lang,
        &TemplateInput {
            ticket: r.ticket,
            name: r.name,
            promised_by: &promise_text,
            signature: &settings.signature,
            company: &settings.company,
        },
    );
    let subject = reply_subject(r.subject, r.ticket, r.lang);
    let message_id = outgoing_message_id(
        r.kind.as_str(),
        r.ticket,
        r.seed,
        domain_of(settings.from_address()),
    );
    let mut refs = r.references.clone();
    if let Some(irt) = r.in_reply_to
        && !refs.iter().any(|x| x == irt)
    {
        refs.push(irt.to_string());
    }
    tx.queue_mail(&NewOutgoing {
        ticket_id: Some(r.ticket),
        kind: r.kind.as_str(),
        to: r.to,
        subject: &subject,
        body: &body,
        message_id: &message_id,
        in_reply_to: r.in_reply_to,
        references: &refs.join(" "),
        language: Some(r.lang.code()),
        promised_by: Some(r.promised),
        created_at: now,
        send_after: None,
    })
    .await
}
