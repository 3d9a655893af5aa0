//! One mail in: raw bytes stored first (invariant 1), parsed, classified,
//! analysed, decided by `core::decide`, applied with its outgoing mail in one
//! transaction (invariant 3). Idempotent (invariant 2).

use std::sync::Arc;

use jiff::Timestamp;
use kindly_core::{
    Decision, Facts, Lang, MessageFacts, Outcome, Priority, QuarantineReason, RepeatEvidence,
    ThreadCandidate, ThreadVia, TicketStatus, TicketSummary, decide, promise_by,
};
use kindly_mail::compose::{TemplateKind, Templates};
use kindly_mail::threading::{derived_message_id, plus_ticket, strip_subject, subject_tag};
use kindly_mail::{ParsedMail, classify, parse, split_visible};
use kindly_store::{
    IntakeTx, NewCustomer, NewMessage, NewPromise, NewRaw, NewTicket, RawStatus, RawStored, Store,
    StoreError, TicketChange,
};
use kindly_text::{Fingerprint, containment, fingerprint};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::settings::{Settings, Team};

#[derive(Debug, thiserror::Error)]
pub enum IntakeError {
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl IntakeError {
    /// The store could not take the mail now; the MTA should retry (EX_TEMPFAIL).
    pub fn is_transient(&self) -> bool {
        match self {
            IntakeError::Store(e) => e.is_transient(),
        }
    }
}

/// What happened to one mail: one line of `kindly ingest`.
#[derive(Clone, Debug, Serialize)]
pub struct IntakeReport {
    pub message_id: Option<String>,
    pub outcome: Outcome,
    pub ticket: Option<i64>,
    pub language: Option<String>,
    pub anger: f32,
    pub angry: bool,
    pub acknowledged: bool,
    /// Why it was quarantined or set aside, for the operator.
    #[serde(skip)]
    pub detail: Option<String>,
    #[serde(skip)]
    pub warnings: Vec<String>,
}

/// The intake use case over one store.
#[derive(Clone)]
pub struct Intake<S: Store> {
    store: S,
    settings: Arc<Settings>,
    templates: Arc<Templates>,
    /// Mail received before this instant is history (see [`Intake::send_nothing_before`]).
    quiet_before: Option<Timestamp>,
    /// The team new tickets join whatever address the mail names (see [`Intake::for_team`]).
    team: Option<String>,
}

/// What analysis of a parsed mail found.
pub struct Analysed {
    message_id: String,
    content_hash: String,
    sender: String,
    sender_name: Option<String>,
    reply_to: String,
    visible: String,
    quoted: String,
    language: Option<&'static str>,
    anger: f32,
    angry: bool,
    content_key: String,
    thanks: bool,
    /// The customer says this mail restates an earlier one ("writing again").
    says_again: bool,
    /// A bounce: the Message-IDs of our own mail it returns, and its diagnostic.
    bounced: Vec<String>,
    bounce_reason: Option<String>,
    /// Fingerprints of the visible text and of the subject (prefixes and tag stripped).
    text_fp: Fingerprint,
    subject_fp: Fingerprint,
    automatic: Option<kindly_core::AutomaticKind>,
    automatic_reason: Option<String>,
    spam: Option<QuarantineReason>,
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// What "the same content" means for duplicate detection: sender, subject,
/// date and body text — not the Received: trail a re-delivery adds.
fn content_hash(mail: &ParsedMail) -> String {
    let mut h = Sha256::new();
    h.update(
        mail.from
            .as_ref()
            .map_or("", |a| a.email.as_str())
            .as_bytes(),
    );
    h.update(b"\n");
    h.update(mail.subject.as_bytes());
    h.update(b"\n");
    h.update(mail.date.map(|d| d.as_second()).unwrap_or(0).to_le_bytes());
    h.update(b"\n");
    h.update(mail.text.trim().as_bytes());
    for a in &mail.attachments {
        h.update(b"\n");
        h.update(a.filename.as_deref().unwrap_or("").as_bytes());
        h.update(a.size.to_le_bytes());
    }
    hex::encode(h.finalize())
}

/// A mail whose raw bytes are committed.
#[derive(Clone, Debug)]
pub struct StoredRaw {
    raw: RawStored,
    sha: String,
}

impl StoredRaw {
    /// These very bytes were stored and processed by an earlier run (an import
    /// started again): recording them would only find a duplicate, so a caller
    /// may skip parsing and recording them.
    pub fn already_processed(&self) -> bool {
        matches!(self.raw, RawStored::Processed(_))
    }
}

/// A mail parsed and analysed, ready for [`Intake::record`]. Pure CPU work, so
/// it can run on another thread while the store records the previous mail.
pub struct Prepared {
    stored: StoredRaw,
    now: Timestamp,
    body: Result<(ParsedMail, Analysed), QuarantineReason>,
}

/// Step 2: size check, parse, classify and analyse — no IO, no clock.
pub fn prepare(
    settings: &Settings,
    bytes: &[u8],
    stored: StoredRaw,
    received_at: Timestamp,
    header_date: bool,
) -> Prepared {
    let too_large = u64::try_from(bytes.len()).unwrap_or(u64::MAX) > settings.max_message_bytes;
    let parsed = if too_large {
        Err(QuarantineReason::TooLarge)
    } else {
        parse(bytes).map_err(|_| QuarantineReason::Unparseable)
    };
    match parsed {
        Err(reason) => Prepared {
            stored,
            now: received_at,
            body: Err(reason),
        },
        Ok(mail) => {
            let now = if header_date {
                mail.date.unwrap_or(received_at)
            } else {
                received_at
            };
            let mut analysed = analyse(&mail);
            if analysed.automatic == Some(kindly_core::AutomaticKind::Bounce) {
                // Which of our own mails came back, and why.
                let domain = kindly_mail::threading::domain_of(settings.from_address());
                analysed.bounced = kindly_mail::threading::our_message_ids(bytes, domain);
                if !analysed.bounced.is_empty() {
                    analysed.bounce_reason = kindly_mail::threading::bounce_reason(bytes);
                }
            }
            Prepared {
                stored,
                now,
                body: Ok((mail, analysed)),
            }
        }
    }
}

fn analyse(mail: &ParsedMail) -> Analysed {
    let content_hash = content_hash(mail);
    let message_id = mail
        .message_id
        .clone()
        .unwrap_or_else(|| derived_message_id(&content_hash));
    // No From: the Sender/Reply-To is a sensible reading; none at all → quarantine.
    let from = mail.from.as_ref().or(mail.reply_to.as_ref());
    let sender = from.map(|a| a.email.clone()).unwrap_or_default();
    let sender_name = from
        .and_then(|a| a.name.clone())
        .filter(|n| !n.trim().is_empty());
    let reply_to = mail
        .reply_to
        .as_ref()
        .map(|a| a.email.clone())
        .filter(|a| !a.is_empty())
        .unwrap_or_else(|| sender.clone());
    let split = split_visible(&mail.text);
    let basis = if split.visible.trim().is_empty() {
        mail.subject.as_str()
    } else {
        split.visible.as_str()
    };
    let language = kindly_text::detect_language(basis)
        .or_else(|| kindly_text::detect_language(&format!("{} {}", mail.subject, mail.text)));
    let mood = kindly_text::mood(basis, language);
    let thanks = kindly_text::is_thanks(&split.visible, language);

    let content_key = kindly_text::content_key(&split.visible);
    let name_words: Vec<&str> = sender_name.as_deref().into_iter().collect();
    let (text_fp, says_again) =
        kindly_text::similarity::fingerprint_and_again(&split.visible, language, &name_words);
    let text_fp = with_subject_identifiers(text_fp, &mail.subject);
    let subject_fp = fingerprint(&strip_subject(&mail.subject), language, &[]);
    let class = classify(mail);
    Analysed {
        message_id,
        content_hash,
        sender,
        sender_name,
        reply_to,
        visible: split.visible,
        quoted: split.quoted,
        language,
        anger: mood.anger,
        angry: mood.angry,
        content_key,
        thanks,
        says_again,
        bounced: Vec::new(),
        bounce_reason: None,
        text_fp,
        subject_fp,
        automatic: class.automatic,
        automatic_reason: class.automatic_reason,
        spam: class.spam,
    }
}

impl<S: Store> Intake<S> {
    pub fn new(store: S, settings: Arc<Settings>, templates: Arc<Templates>) -> Self {
        Intake {
            store,
            settings,
            templates,
            quiet_before: None,
            team: None,
        }
    }

    /// A channel that feeds one team (an IMAP mailbox mapped to it): new
    /// tickets join that team's queue whatever address the mail was sent to.
    pub fn for_team(mut self, team: &str) -> Self {
        self.team = Some(team.to_string());
        self
    }

    /// The team a new ticket from `mail` joins: its channel's; else the team
    /// owning the address it was delivered to (X-Original-To, Delivered-To),
    /// then written to (To, Cc); else the default team.
    fn route(&self, mail: &ParsedMail) -> &Team {
        let teams = &self.settings.teams;
        if let Some(t) = self.team.as_deref().and_then(|n| teams.find(n)) {
            return t;
        }
        let envelope = mail
            .headers
            .iter()
            .filter(|(name, _)| name == "x-original-to" || name == "delivered-to")
            .map(|(_, v)| v.trim().trim_start_matches('<').trim_end_matches('>'));
        let written = mail
            .to
            .iter()
            .chain(mail.cc.iter())
            .map(|a| a.email.as_str());
        teams
            .for_recipients(envelope.chain(written))
            .unwrap_or(teams.default_team())
    }

    /// Replaying history (`kindly import`): mail received before `cutoff` is
    /// decided and recorded exactly as live mail — same tickets, messages,
    /// events and ticket promise — but nothing is sent for it: no
    /// acknowledgement (and so no promise row for the watch), no status update
    /// (and no `status_update_at`), no alert to the team lead. Mail received at
    /// or after `cutoff` is answered as usual. Without this call every mail is live.
    pub fn send_nothing_before(mut self, cutoff: Timestamp) -> Self {
        self.quiet_before = Some(cutoff);
        self
    }

    /// Is mail received at `at` history that gets no outgoing mail?
    fn is_history(&self, at: Timestamp) -> bool {
        self.quiet_before.is_some_and(|cutoff| at < cutoff)
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn store(&self) -> &S {
        &self.store
    }

    /// Takes one mail. `received_at` is when it arrived (the decision's "now").
    pub async fn ingest(
        &self,
        bytes: &[u8],
        received_at: Timestamp,
        source: &str,
    ) -> Result<IntakeReport, IntakeError> {
        self.ingest_with(bytes, received_at, false, source).await
    }

    /// Like [`Intake::ingest`]; with `header_date` the message's own Date: is
    /// its arrival time (replaying an archive), `received_at` when it has none.
    pub async fn ingest_with(
        &self,
        bytes: &[u8],
        received_at: Timestamp,
        header_date: bool,
        source: &str,
    ) -> Result<IntakeReport, IntakeError> {
        let stored = self.store_raw(bytes, received_at, source).await?;
        let prepared = prepare(&self.settings, bytes, stored, received_at, header_date);
        self.record(prepared).await
    }

    /// Step 1: the raw bytes, committed before anything reads them (invariant 1).
    pub async fn store_raw(
        &self,
        bytes: &[u8],
        received_at: Timestamp,
        source: &str,
    ) -> Result<StoredRaw, IntakeError> {
        let sha = sha256_hex(bytes);
        let raw = self
            .store
            .put_raw(&NewRaw {
                sha256: &sha,
                bytes,
                received_at,
                source,
            })
            .await?;
        Ok(StoredRaw { raw, sha })
    }

    /// [`Intake::store_raw`] for many mails in one transaction: every one is
    /// committed when this returns (an import). In `mails` order; each mail is
    /// its bytes, its arrival time and where it came from.
    pub async fn store_raw_batch(
        &self,
        mails: &[(&[u8], Timestamp, &str)],
    ) -> Result<Vec<StoredRaw>, IntakeError> {
        let shas: Vec<String> = mails.iter().map(|(b, _, _)| sha256_hex(b)).collect();
        let raws: Vec<NewRaw<'_>> = mails
            .iter()
            .zip(&shas)
            .map(|(&(bytes, received_at, source), sha)| NewRaw {
                sha256: sha,
                bytes,
                received_at,
                source,
            })
            .collect();
        let stored = self.store.put_raw_batch(&raws).await?;
        Ok(stored
            .into_iter()
            .zip(shas)
            .map(|(raw, sha)| StoredRaw { raw, sha })
            .collect())
    }

    /// Step 3: facts, decision and its effects in one transaction.
    pub async fn record(&self, p: Prepared) -> Result<IntakeReport, IntakeError> {
        self.record_one(&p).await
    }

    /// [`Intake::record`] of one mail in a transaction of its own.
    async fn record_one(&self, p: &Prepared) -> Result<IntakeReport, IntakeError> {
        let mut tx = self.store.begin_intake().await?;
        let report = self.record_in(&mut tx, p).await?;
        tx.commit().await?;
        Ok(report)
    }

    /// Step 3 for many mails (an import): in order, inside one transaction, so
    /// each mail sees the effects of the ones before it — the same tickets,
    /// messages and events as recording them one by one. Everything is committed
    /// when this returns; the reports are in `batch` order.
    ///
    /// When any mail fails, the whole transaction is rolled back and the batch
    /// is recorded again one mail per transaction, so a bad mail costs only
    /// itself. Then the list holds an error for each mail that failed, and it
    /// ends at the first transient error (the store is gone: the mails after it
    /// were not tried).
    pub async fn record_batch(&self, batch: &[Prepared]) -> Vec<Result<IntakeReport, IntakeError>> {
        if batch.len() > 1 {
            match self.record_together(batch).await {
                Ok(reports) => return reports.into_iter().map(Ok).collect(),
                Err(e) => tracing::debug!(
                    error = %e,
                    mails = batch.len(),
                    "a batch failed: recording it one mail at a time"
                ),
            }
        }
        let mut out = Vec::with_capacity(batch.len());
        for p in batch {
            let r = self.record_one(p).await;
            let stop = r.as_ref().is_err_and(IntakeError::is_transient);
            out.push(r);
            if stop {
                break;
            }
        }
        out
    }

    /// Every mail of `batch` in one transaction, or nothing (dropping the
    /// transaction rolls it back).
    async fn record_together(&self, batch: &[Prepared]) -> Result<Vec<IntakeReport>, IntakeError> {
        let mut tx = self.store.begin_intake().await?;
        let mut reports = Vec::with_capacity(batch.len());
        for p in batch {
            reports.push(self.record_in(&mut tx, p).await?);
        }
        tx.commit().await?;
        Ok(reports)
    }

    /// One mail's facts, decision and effects inside `tx` (not committed).
    async fn record_in(&self, tx: &mut S::Tx, p: &Prepared) -> Result<IntakeReport, IntakeError> {
        match &p.body {
            Err(reason) => {
                self.quarantine(tx, p.stored.raw, &p.stored.sha, *reason, p.now, Vec::new())
                    .await
            }
            Ok((mail, analysed)) => self.take(tx, p.stored.raw, mail, analysed, p.now).await,
        }
    }

    async fn quarantine(
        &self,
        tx: &mut S::Tx,
        raw: RawStored,
        sha: &str,
        reason: QuarantineReason,
        received_at: Timestamp,
        warnings: Vec<String>,
    ) -> Result<IntakeReport, IntakeError> {
        let message_id = derived_message_id(sha);
        let duplicate = tx.find_same_content(&message_id, sha).await?;
        let report = |outcome| IntakeReport {
            message_id: Some(message_id.clone()),
            outcome,
            ticket: None,
            language: None,
            anger: 0.0,
            angry: false,
            acknowledged: false,
            detail: Some(reason.as_str().to_string()),
            warnings: warnings.clone(),
        };
        if duplicate.is_some() {
            return Ok(report(Outcome::DuplicateDelivery));
        }
        tx.insert_message(&NewMessage {
            raw_id: Some(raw.id()),
            ticket_id: None,
            message_id: &message_id,
            content_hash: sha,
            in_reply_to: None,
            references: "",
            sender: None,
            sender_name: None,
            subject: "",
            visible_text: "",
            quoted_text: "",
            attachments: "[]",
            language: None,
            anger: 0.0,
            angry: false,
            outcome: Outcome::Quarantined.as_str(),
            detail: Some(reason.as_str()),
            content_key: "",
            warnings: &serde_json::to_string(&warnings).unwrap_or_else(|_| "[]".into()),
            received_at,
            fingerprint: None,
        })
        .await?;
        tx.mark_raw(raw.id(), RawStatus::Processed).await?;
        Ok(report(Outcome::Quarantined))
    }

    async fn take(
        &self,
        tx: &mut S::Tx,
        raw: RawStored,
        mail: &ParsedMail,
        a: &Analysed,
        now: Timestamp,
    ) -> Result<IntakeReport, IntakeError> {
        let settings = &self.settings;
        let from_own_address = settings.is_own_address(&a.sender);
        let quarantine = if a.sender.is_empty() || !a.sender.contains('@') {
            Some(QuarantineReason::NoSender)
        } else if a.automatic.is_none() && !from_own_address {
            a.spam
        } else {
            None
        };

        let duplicate_of = tx.find_same_content(&a.message_id, &a.content_hash).await?;

        // Thread by headers: In-Reply-To first, then References newest first.
        let mut ids: Vec<String> = mail.in_reply_to.clone();
        ids.extend(mail.references.iter().rev().cloned());
        let by_headers = match tx.ticket_by_message_ids(&ids).await? {
            Some(t) => tx.ticket_summary(t).await?.map(|ticket| ThreadCandidate {
                ticket,
                via: ThreadVia::Headers,
                sender_is_participant: true,
            }),
            None => None,
        };
        let tagged = subject_tag(&mail.subject)
            .map(|t| (t, ThreadVia::SubjectTag))
            .or_else(|| {
                mail.to
                    .iter()
                    .chain(mail.cc.iter())
                    .find_map(|r| plus_ticket(&r.email, &settings.support_addresses))
                    .map(|t| (t, ThreadVia::PlusAddress))
            });
        let by_tag = match tagged {
            Some((t, via)) if by_headers.is_none() => match tx.ticket_summary(t).await? {
                Some(ticket) => Some(ThreadCandidate {
                    sender_is_participant: tx.is_participant(ticket.id, &a.sender).await?,
                    ticket,
                    via,
                }),
                None => None,
            },
            _ => None,
        };
        let open_tickets = if a.sender.is_empty() {
            Vec::new()
        } else {
            tx.open_tickets_of(&a.sender).await?
        };
        // Unthreaded mail from a customer with unclosed tickets: how alike is it
        // to what they wrote before? (Threaded mail and robots need no evidence.)
        let threaded =
            by_headers.is_some() || by_tag.as_ref().is_some_and(|c| c.sender_is_participant);
        let mut repeat_evidence = Vec::new();
        if !threaded && a.automatic.is_none() && duplicate_of.is_none() {
            for t in open_tickets
                .iter()
                .filter(|t| t.status != TicketStatus::Closed)
                .take(MAX_REPEAT_CANDIDATES)
            {
                let earlier = tx
                    .earlier_messages(t.id, &a.sender, MAX_EARLIER_PER_TICKET)
                    .await?;
                repeat_evidence.push(evidence(t.id, a, &earlier));
            }
        }

        let facts = Facts {
            message: MessageFacts {
                received_at: now,
                quarantine,
                automatic: a.automatic,
                from_own_address,
                from_agent: settings.is_agent(&a.sender),
                content_key: a.content_key.clone(),
                thanks: a.thanks,
                nudge: a.text_fp.nudge,
                says_again: a.says_again,
            },
            duplicate_of: duplicate_of.map(|(_, t)| t),
            by_headers,
            by_tag,
            open_tickets,
            repeat_evidence,
        };
        let decision = decide(&facts, &settings.policy, now);
        // Imported history: the same decision, but nothing goes out for it.
        let history = self.is_history(now);
        for e in &facts.repeat_evidence {
            tracing::debug!(
                message_id = %a.message_id,
                ticket = e.ticket,
                nudge = a.text_fp.nudge,
                says_again = a.says_again,
                terms = a.text_fp.len(),
                shingles = e.text.shingles,
                term_jaccard = e.text.terms,
                overlap = e.text.overlap,
                shorter_terms = e.text.shorter_terms,
                shared_ids = e.text.shared_identifiers,
                conflicting_ids = e.text.conflicting_identifiers,
                subject = e.subject,
                contains = e.contains_earlier,
                outcome = decision.outcome().as_str(),
                "repeat evidence"
            );
        }
        let mut report = IntakeReport {
            message_id: Some(a.message_id.clone()),
            outcome: decision.outcome(),
            ticket: decision.existing_ticket(),
            language: a.language.map(str::to_string),
            anger: a.anger,
            angry: a.angry,
            acknowledged: false,
            detail: None,
            warnings: mail.warnings.clone(),
        };

        if let Decision::DuplicateDelivery { .. } = decision {
            if matches!(raw, RawStored::Fresh(_)) {
                tx.mark_raw(raw.id(), RawStatus::Duplicate).await?;
            }
            return Ok(report);
        }

        let detail: Option<String> = match &decision {
            Decision::Quarantined { reason } => Some(reason.as_str().to_string()),
            Decision::Automatic { kind } => Some(match &a.automatic_reason {
                Some(r) => format!("{}: {r}", kind.as_str()),
                None => kind.as_str().to_string(),
            }),
            Decision::NewTicket {
                linked_to: Some(t), ..
            } => Some(format!("linked_to:{t}")),
            _ => None,
        };
        report.detail = detail.clone();

        // The honest promise for a new ticket: from the queue ahead and capacity.
        let mut new_promise = None;
        let ticket = match &decision {
            Decision::NewTicket { linked_to, .. } => {
                let customer_id = tx
                    .upsert_customer(&NewCustomer {
                        email: &a.sender,
                        name: a.sender_name.as_deref(),
                        language: a.language,
                        tz_offset: mail.date_offset_seconds,
                        at: now,
                    })
                    .await?;
                let priority = Priority::for_ticket(0, a.angry);
                let team = self.route(mail);
                // History (an import) was promised nothing by us: no estimate.
                let promised = if history {
                    None
                } else {
                    let (eta, ahead) =
                        crate::promises::estimate(tx, settings, team, priority, None, now).await?;
                    new_promise = Some((eta, ahead));
                    Some(eta.at)
                };
                let subject = kindly_mail::threading::header_safe(&mail.subject);
                let id = tx
                    .create_ticket(&NewTicket {
                        customer_id,
                        subject: &subject,
                        language: a.language,
                        priority: Priority::for_ticket(0, a.angry).as_str(),
                        anger: a.anger,
                        angry: a.angry,
                        created_at: now,
                        promised_by: promised,
                        linked_to: *linked_to,
                        team: &team.name,
                    })
                    .await?;
                tx.add_participant(id, &a.sender, "customer").await?;
                // What the ticket is about, for similar tickets of other customers.
                let print = a.text_fp.clone().with_terms_of(&a.subject_fp);
                tx.index_ticket(id, &print.encode(), &print.similar_bands())
                    .await?;
                Some(id)
            }
            other => other.existing_ticket(),
        };
        if let Some(t) = ticket {
            for cc in mail.cc.iter().chain(mail.to.iter()) {
                if !cc.email.is_empty()
                    && cc.email != a.sender
                    && !settings.is_own_address(&cc.email)
                {
                    tx.add_participant(t, &cc.email, "cc").await?;
                }
            }
        }
        report.ticket = ticket;

        let attachments = serde_json::to_string(&mail.attachments).unwrap_or_else(|_| "[]".into());
        let warnings = serde_json::to_string(&mail.warnings).unwrap_or_else(|_| "[]".into());
        let refs = mail.references.join(" ");
        let print = a.text_fp.encode();
        let message_row = tx
            .insert_message(&NewMessage {
                raw_id: Some(raw.id()),
                ticket_id: ticket,
                message_id: &a.message_id,
                content_hash: &a.content_hash,
                in_reply_to: mail.in_reply_to.first().map(String::as_str),
                references: &refs,
                sender: Some(&a.sender)
                    .filter(|s| !s.is_empty())
                    .map(String::as_str),
                sender_name: a.sender_name.as_deref(),
                subject: &mail.subject,
                visible_text: &a.visible,
                quoted_text: &a.quoted,
                attachments: &attachments,
                language: a.language,
                anger: a.anger,
                angry: a.angry,
                outcome: decision.outcome().as_str(),
                detail: detail.as_deref(),
                content_key: &a.content_key,
                warnings: &warnings,
                received_at: now,
                fingerprint: Some(&print),
            })
            .await?;

        match &decision {
            Decision::NewTicket {
                acknowledge,
                linked_to,
            } => {
                let id = ticket.unwrap_or_default();
                let team = self.route(mail);
                tx.log_event(
                    Some(id),
                    "ticket_created",
                    &serde_json::json!({ "message": message_row, "message_id": a.message_id, "linked_to": linked_to }),
                    now,
                )
                .await?;
                if let Some((eta, ahead)) = new_promise {
                    if *acknowledge && !history {
                        self.queue_templated(
                            tx,
                            TemplateKind::Ack,
                            (id, team),
                            mail,
                            a,
                            eta.at,
                            now,
                        )
                        .await?;
                        report.acknowledged = true;
                        tx.record_promise(&NewPromise {
                            ticket_id: id,
                            kind: "acknowledgement",
                            made_at: now,
                            due_at: eta.at,
                            ahead,
                            beyond_target: eta.beyond_target,
                        })
                        .await?;
                    }
                    if eta.beyond_target {
                        // Never promise what the numbers say we would miss: the
                        // customer gets the honest time, the lead gets told.
                        tx.log_event(
                            Some(id),
                            "promise_beyond_target",
                            &serde_json::json!({ "due_at": eta.at, "ahead": ahead }),
                            now,
                        )
                        .await?;
                    }
                    if eta.beyond_target && !history {
                        crate::promises::alert_lead(
                            tx,
                            settings,
                            team,
                            id,
                            &format!(
                                "the {} queue is beyond the {} h target: ticket promised for {} ({ahead} waiting ahead)",
                                team.name,
                                team.ack_target.as_hours(),
                                eta.at
                            ),
                            &a.message_id,
                            now,
                        )
                        .await?;
                    }
                }
            }
            Decision::FollowUp {
                ticket,
                reopen,
                nudge,
                status_update,
            } => {
                let status_update = &(*status_update && !history);
                let raises = *nudge || a.angry;
                // An agent answering by mail (a reply threaded into the ticket)
                // is the first response the promise was about.
                let agent = facts.message.from_agent;
                tx.update_ticket(&TicketChange {
                    ticket: *ticket,
                    reopen: *reopen,
                    repeat: *nudge,
                    agent_answered: agent,
                    customer_message_at: (!agent).then_some(now),
                    anger: Some((a.anger, a.angry)),
                    priority: raises.then(|| escalate(&facts, *ticket, i64::from(*nudge), a.angry)),
                    status_update_at: status_update.then_some(now),
                    at: now,
                    ..TicketChange::default()
                })
                .await?;
                if *reopen {
                    tx.log_event(
                        Some(*ticket),
                        "reopened",
                        &serde_json::json!({ "message_id": a.message_id }),
                        now,
                    )
                    .await?;
                }
                let update = self
                    .queue_status_update_if(*status_update, tx, &facts, *ticket, mail, a, now)
                    .await?;
                if *nudge {
                    tx.log_event(
                        Some(*ticket),
                        "repeat",
                        &serde_json::json!({
                            "message": message_row,
                            "message_id": a.message_id,
                            "reason": "nudge",
                            "threaded": true,
                            "status_update": update,
                            "before": before_json(&facts, *ticket),
                        }),
                        now,
                    )
                    .await?;
                }
            }
            Decision::Repeat {
                ticket,
                status_update,
                reopen,
                reason,
            } => {
                let status_update = &(*status_update && !history);
                tx.update_ticket(&TicketChange {
                    ticket: *ticket,
                    reopen: *reopen,
                    repeat: true,
                    customer_message_at: Some(now),
                    anger: Some((a.anger, a.angry)),
                    priority: Some(escalate(&facts, *ticket, 1, a.angry)),
                    status_update_at: status_update.then_some(now),
                    at: now,
                    ..TicketChange::default()
                })
                .await?;
                let update = self
                    .queue_status_update_if(*status_update, tx, &facts, *ticket, mail, a, now)
                    .await?;
                let evidence = facts.repeat_evidence.iter().find(|e| e.ticket == *ticket);
                // What undoing this fold restores: the ticket's state before, and
                // the status update to withdraw if it has not gone out yet.
                tx.log_event(
                    Some(*ticket),
                    "repeat",
                    &serde_json::json!({
                        "message": message_row,
                        "message_id": a.message_id,
                        "reason": reason.as_str(),
                        "reopened": reopen,
                        "evidence": evidence.map(evidence_json),
                        "status_update": update,
                        "before": before_json(&facts, *ticket),
                    }),
                    now,
                )
                .await?;
            }
            Decision::Thanks { ticket, close } => {
                tx.update_ticket(&TicketChange {
                    ticket: *ticket,
                    customer_message_at: Some(now),
                    close: *close,
                    at: now,
                    ..TicketChange::default()
                })
                .await?;
                tx.log_event(
                    Some(*ticket),
                    "thanks",
                    &serde_json::json!({
                        "message": message_row,
                        "message_id": a.message_id,
                        "closed": close,
                        "before": before_json(&facts, *ticket),
                    }),
                    now,
                )
                .await?;
            }
            Decision::Automatic { .. } if !a.bounced.is_empty() => {
                // Our own mail came back: the outbox row fails and the ticket
                // shows that the customer's address does not take mail. Never a
                // ticket, never an answer (invariant 4).
                let reason = a.bounce_reason.as_deref().unwrap_or("the mail came back");
                for id in &a.bounced {
                    if let Some(b) = tx.mark_bounced(id, reason, now).await? {
                        tx.log_event(
                            b.ticket,
                            "address_bounced",
                            &serde_json::json!({
                                "outbox": b.outbox_id,
                                "kind": b.kind,
                                "to": b.to,
                                "reason": reason,
                                "message_id": a.message_id,
                            }),
                            now,
                        )
                        .await?;
                    }
                }
            }
            Decision::Automatic { .. }
            | Decision::Quarantined { .. }
            | Decision::DuplicateDelivery { .. } => {}
        }
        tx.mark_raw(raw.id(), RawStatus::Processed).await?;
        Ok(report)
    }

    /// [`Self::queue_status_update`] when `wanted`; the outbox row it queued.
    #[allow(clippy::too_many_arguments)]
    async fn queue_status_update_if(
        &self,
        wanted: bool,
        tx: &mut S::Tx,
        facts: &Facts,
        ticket: i64,
        mail: &ParsedMail,
        a: &Analysed,
        now: Timestamp,
    ) -> Result<Option<i64>, IntakeError> {
        if !wanted {
            return Ok(None);
        }
        self.queue_status_update(tx, facts, ticket, mail, a, now)
            .await
            .map(Some)
    }

    /// One short status update on `ticket`, restating its current promise.
    async fn queue_status_update(
        &self,
        tx: &mut S::Tx,
        facts: &Facts,
        ticket: i64,
        mail: &ParsedMail,
        a: &Analysed,
        now: Timestamp,
    ) -> Result<i64, IntakeError> {
        let (promised, team) = current_promise(facts, ticket, now, &self.settings);
        self.queue_templated(
            tx,
            TemplateKind::StatusUpdate,
            (ticket, team),
            mail,
            a,
            promised,
            now,
        )
        .await
    }

    #[allow(clippy::too_many_arguments)]
    async fn queue_templated(
        &self,
        tx: &mut S::Tx,
        kind: TemplateKind,
        (ticket, team): (i64, &Team),
        mail: &ParsedMail,
        a: &Analysed,
        promised: Timestamp,
        now: Timestamp,
    ) -> Result<i64, IntakeError> {
        let refs = mail.references.clone();
        let reply = crate::outgoing::Reply {
            kind,
            ticket,
            to: &a.reply_to,
            name: a.sender_name.as_deref(),
            lang: Lang::for_reply(a.language),
            subject: &mail.subject,
            in_reply_to: Some(&a.message_id),
            references: refs,
            seed: &a.message_id,
            promised,
            customer_offset: mail.date_offset_seconds,
            team,
        };
        crate::outgoing::queue_reply(tx, &self.settings, &self.templates, &reply, now)
            .await
            .map_err(IntakeError::from)
    }
}

/// Identifiers in the subject ("Order 48213 not delivered") count like those in the text.
fn with_subject_identifiers(mut fp: Fingerprint, subject: &str) -> Fingerprint {
    fp.identifiers
        .extend(kindly_text::similarity::identifiers(subject));
    fp.identifiers.sort_unstable();
    fp.identifiers.dedup();
    fp
}

/// Unclosed tickets of one customer compared with an unthreaded mail.
const MAX_REPEAT_CANDIDATES: usize = 20;
/// The customer's newest mails per ticket compared with it.
const MAX_EARLIER_PER_TICKET: i64 = 8;

/// How the new mail compares with the customer's earlier mails in one ticket:
/// the best figure of each kind over those mails.
fn evidence(ticket: i64, a: &Analysed, earlier: &[kindly_store::EarlierMessage]) -> RepeatEvidence {
    let whole = format!("{}\n{}", a.visible, a.quoted);
    let mut e = RepeatEvidence {
        ticket,
        ..RepeatEvidence::default()
    };
    let mut ticket_ids: Vec<String> = Vec::new();
    let mut shared_ids = 0u32;
    for m in earlier {
        let lang = m.language.as_deref();
        // Stored at intake; recomputed only for mail stored before prints were kept.
        let fp = m
            .fingerprint
            .as_deref()
            .and_then(Fingerprint::decode)
            .unwrap_or_else(|| {
                with_subject_identifiers(fingerprint(&m.visible_text, lang, &[]), &m.subject)
            });
        let s = a.text_fp.compare(&fp);
        let t = &mut e.text;
        t.shingles = t.shingles.max(s.shingles);
        t.terms = t.terms.max(s.terms);
        t.overlap = t.overlap.max(s.overlap);
        t.shorter_terms = t
            .shorter_terms
            .max(u32::try_from(s.shorter_terms).unwrap_or(u32::MAX));
        shared_ids = shared_ids.max(u32::try_from(s.shared_identifiers).unwrap_or(u32::MAX));
        ticket_ids.extend(fp.identifiers.iter().cloned());
        let subject = fingerprint(&strip_subject(&m.subject), lang, &[]);
        e.subject = e.subject.max(a.subject_fp.compare(&subject).terms);
        if !m.visible_text.trim().is_empty() {
            e.contains_earlier = e.contains_earlier.max(containment(&whole, &m.visible_text));
        }
    }
    e.text.shared_identifiers = shared_ids;
    // Conflicting: the mail names an identifier the ticket never mentioned and the
    // ticket one the mail does not (another order, another invoice).
    let new_only = a
        .text_fp
        .identifiers
        .iter()
        .any(|i| !ticket_ids.contains(i));
    let old_only = ticket_ids
        .iter()
        .any(|i| !a.text_fp.identifiers.contains(i));
    e.text.conflicting_identifiers = new_only && old_only;
    e
}

/// The ticket's state before a fold changed it (for `undo`).
fn before_json(facts: &Facts, ticket: i64) -> serde_json::Value {
    let summary = facts
        .open_tickets
        .iter()
        .chain(facts.by_headers.iter().map(|c| &c.ticket))
        .chain(facts.by_tag.iter().map(|c| &c.ticket))
        .find(|t| t.id == ticket);
    match summary {
        Some(t) => serde_json::json!({
            "status": t.status.as_str(),
            "closed_at": t.closed_at.map(|c| c.as_second()),
        }),
        None => serde_json::Value::Null,
    }
}

fn evidence_json(e: &RepeatEvidence) -> serde_json::Value {
    serde_json::json!({
        "shingles": e.text.shingles,
        "terms": e.text.terms,
        "overlap": e.text.overlap,
        "shared_identifiers": e.text.shared_identifiers,
        "subject": e.subject,
        "contains_earlier": e.contains_earlier,
    })
}

/// The promise a status update restates — the ticket's own while it still
/// holds, else a fresh one from its team's target — and that team.
fn current_promise<'s>(
    facts: &Facts,
    ticket: i64,
    now: Timestamp,
    settings: &'s Settings,
) -> (Timestamp, &'s Team) {
    let summary = facts
        .open_tickets
        .iter()
        .chain(facts.by_headers.iter().map(|c| &c.ticket))
        .chain(facts.by_tag.iter().map(|c| &c.ticket))
        .find(|t| t.id == ticket);
    let team = summary.map_or(settings.teams.default_team(), |t| {
        settings.teams.get(&t.team)
    });
    let promised = summary
        .and_then(|t| t.promised_by)
        .filter(|p| *p > now)
        .unwrap_or_else(|| promise_by(now, team.ack_target, &team.hours));
    (promised, team)
}

/// The ticket's new priority after one more repeat (`extra_repeats`) or angry mail.
fn escalate(facts: &Facts, ticket: i64, extra_repeats: i64, angry: bool) -> String {
    let t: Option<&TicketSummary> = facts
        .open_tickets
        .iter()
        .chain(facts.by_headers.iter().map(|c| &c.ticket))
        .chain(facts.by_tag.iter().map(|c| &c.ticket))
        .find(|t| t.id == ticket);
    let (repeats, was_angry) = t.map_or((0, false), |t| (t.repeats, t.angry));
    Priority::for_ticket(repeats + extra_repeats, was_angry || angry)
        .as_str()
        .to_string()
}
