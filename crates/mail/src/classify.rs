//! Is this mail from a robot, spam, or a DMARC failure?
//!
//! Strong signals decide alone: RFC 3834 `Auto-Submitted`, delivery-status reports,
//! mailer-daemon senders, `List-*` and `Precedence` headers, auto-reply headers set by
//! mail servers. Subjects count only in the shapes robots write them ("Automatic reply: …",
//! "Undeliverable: …"), never after a "Re:"/"Fwd:" a human put there, so a customer who
//! writes about a holiday or quotes an auto-reply stays a customer.

use crate::ParsedMail;
use kindly_core::{AutomaticKind, QuarantineReason};

/// What classification found. `automatic` wins over `spam` in the decision.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Classification {
    pub automatic: Option<AutomaticKind>,
    /// A short human-readable reason, e.g. "Auto-Submitted: auto-replied".
    pub automatic_reason: Option<String>,
    /// Spam flagged by the MTA or DMARC failure.
    pub spam: Option<QuarantineReason>,
}

/// Classifies a parsed message. Pure: looks at headers, sender, subject and body shape.
pub fn classify(mail: &ParsedMail) -> Classification {
    let (automatic, reason) = match automatic(mail) {
        Some((kind, reason)) => (Some(kind), Some(reason)),
        None => (None, None),
    };
    Classification {
        automatic,
        automatic_reason: reason,
        spam: spam(mail),
    }
}

fn spam(mail: &ParsedMail) -> Option<QuarantineReason> {
    let yes = |v: &str| v.trim().to_ascii_lowercase().starts_with("yes");
    if mail.headers_named("x-spam-flag").any(yes) || mail.headers_named("x-spam-status").any(yes) {
        return Some(QuarantineReason::Spam);
    }
    if mail
        .headers_named("authentication-results")
        .any(|v| has_token(&v.to_ascii_lowercase(), "dmarc=fail"))
    {
        return Some(QuarantineReason::DmarcFail);
    }
    None
}

/// `needle` in `hay` not followed by a letter or digit ("dmarc=fail" but not "dmarc=failx").
fn has_token(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(i, _)| {
        let before_ok = hay[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric() && c != '-');
        let after_ok = hay[i + needle.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        before_ok && after_ok
    })
}

type Verdict = Option<(AutomaticKind, String)>;

fn found(kind: AutomaticKind, reason: impl Into<String>) -> Verdict {
    Some((kind, reason.into()))
}

fn automatic(mail: &ParsedMail) -> Verdict {
    let subject = mail.subject.to_lowercase();
    let sender_local = mail
        .from
        .as_ref()
        .map(|a| a.email.split('@').next().unwrap_or("").to_string())
        .unwrap_or_default();
    let sender_name = mail
        .from
        .as_ref()
        .and_then(|a| a.name.as_deref())
        .unwrap_or("")
        .to_lowercase();
    let content_type = mail.header("content-type").unwrap_or("").to_lowercase();
    let part_types: Vec<&str> = mail
        .attachments
        .iter()
        .map(|a| a.content_type.as_str())
        .collect();
    let human_prefix = has_human_prefix(&subject);

    // 1. Reports: delivery status, feedback (ARF), read receipts.
    if content_type.starts_with("multipart/report") {
        if content_type.contains("feedback-report") {
            return found(AutomaticKind::Other, "feedback report (ARF)");
        }
        if content_type.contains("disposition-notification") {
            return found(
                AutomaticKind::Other,
                "read receipt (disposition notification)",
            );
        }
        return found(AutomaticKind::Bounce, "multipart/report delivery status");
    }
    if part_types
        .iter()
        .any(|t| *t == "message/delivery-status" || *t == "message/global-delivery-status")
    {
        return found(AutomaticKind::Bounce, "message/delivery-status part");
    }
    if part_types.contains(&"message/feedback-report") {
        return found(AutomaticKind::Other, "feedback report (ARF)");
    }
    if part_types.contains(&"message/disposition-notification") {
        return found(
            AutomaticKind::Other,
            "read receipt (disposition notification)",
        );
    }
    if mail.header("x-failed-recipients").is_some() {
        return found(AutomaticKind::Bounce, "X-Failed-Recipients header");
    }
    if mail
        .header("x-ms-exchange-message-is-ndr")
        .is_some_and(|v| v.trim().is_empty() || v.trim() != "0")
    {
        return found(AutomaticKind::Bounce, "Exchange non-delivery report");
    }

    // 2. Bounce senders.
    let daemon = matches!(
        sender_local.as_str(),
        "mailer-daemon"
            | "mailer_daemon"
            | "postmaster"
            | "post_master"
            | "mail-daemon"
            | "maildaemon"
            | "mailerdaemon"
    ) || sender_name.contains("mail delivery")
        || sender_name.contains("mailer-daemon");
    let machine_hint = mail.header("return-path").is_some_and(is_null_path)
        || mail
            .header("auto-submitted")
            .is_some_and(|v| !v.trim().to_ascii_lowercase().starts_with("no"))
        || is_noreply(&sender_local)
        || part_types
            .iter()
            .any(|t| *t == "message/rfc822" || *t == "text/rfc822-headers");
    let bounce_subject = !human_prefix
        && (contains_any(&subject, BOUNCE_SUBJECTS)
            || (machine_hint && contains_any(&subject, BOUNCE_SUBJECTS_WEAK)));
    if daemon {
        return found(AutomaticKind::Bounce, "sender is a mailer daemon");
    }
    if bounce_subject {
        return found(AutomaticKind::Bounce, "bounce subject");
    }

    // 3. RFC 3834.
    if let Some(v) = mail.header("auto-submitted") {
        let v = v.trim().to_ascii_lowercase();
        if !v.is_empty() && !v.starts_with("no") {
            let kind = if v.starts_with("auto-replied") {
                AutomaticKind::AutoReply
            } else {
                AutomaticKind::Other
            };
            return found(kind, format!("Auto-Submitted: {v}"));
        }
    }

    // 4. Auto-reply headers that mail servers set.
    for (name, value) in &mail.headers {
        let v = value.trim().to_ascii_lowercase();
        let hit = match name.as_str() {
            "x-autoreply" | "x-mail-autoreply" | "x-autorespond" | "x-autoreply-from"
            | "x-autoresponder" => v != "no" && v != "false",
            "x-autogenerated" => v == "reply",
            "x-precedence" | "precedence" => v == "auto_reply" || v == "auto-reply",
            "x-post-messageclass" => v.contains("autoresponder"),
            "x-fc-machinegenerated" => v == "true",
            _ => false,
        };
        if hit {
            return found(AutomaticKind::AutoReply, format!("{name}: {value}"));
        }
    }

    // 5. Out-of-office subjects.
    if !human_prefix {
        if starts_with_any(&subject, OOO_STRONG) || contains_any(&subject, OOO_BRACKETED) {
            return found(AutomaticKind::AutoReply, "out-of-office subject");
        }
        let weak_header = mail.header("x-auto-response-suppress").is_some()
            || mail.header("return-path").is_some_and(is_null_path);
        if OOO_WEAK.iter().any(|p| weak_subject_match(&subject, p))
            || (weak_header && starts_with_any(&subject, OOO_WEAK))
        {
            return found(AutomaticKind::AutoReply, "out-of-office subject");
        }
    }

    // 6. Bulk and list mail.
    if let Some(p) = mail.header("precedence") {
        let p = p.trim().to_ascii_lowercase();
        if matches!(p.as_str(), "bulk" | "list" | "junk") {
            let kind = if starts_with_any(&subject, THANKS_AUTO) {
                AutomaticKind::AutoReply
            } else {
                AutomaticKind::Bulk
            };
            return found(kind, format!("Precedence: {p}"));
        }
    }
    for h in ["list-id", "list-unsubscribe", "list-post"] {
        if mail.header(h).is_some() {
            return found(AutomaticKind::Bulk, format!("{h} header"));
        }
    }
    for h in ["x-mailman-version", "x-mlserver", "x-ml-name", "x-ml-count"] {
        if mail.header(h).is_some() {
            return found(
                AutomaticKind::Bulk,
                format!("mailing-list server header {h}"),
            );
        }
    }

    // 7. Senders that take no replies, and the null return path.
    if is_noreply(&sender_local) {
        return found(AutomaticKind::Other, "no-reply sender");
    }
    if mail.header("return-path").is_some_and(is_null_path) {
        return found(AutomaticKind::Other, "null Return-Path <>");
    }
    if !human_prefix && subject.starts_with("[auto generated]") {
        return found(AutomaticKind::Other, "auto-generated subject");
    }
    None
}

fn is_null_path(v: &str) -> bool {
    v.chars().filter(|c| !c.is_whitespace()).collect::<String>() == "<>"
}

fn is_noreply(local: &str) -> bool {
    let l: String = local
        .chars()
        .filter(|c| *c != '-' && *c != '_' && *c != '.')
        .collect();
    l.starts_with("noreply")
        || l.starts_with("donotreply")
        || l.starts_with("dontreply")
        || l.ends_with("noreply")
        || l.ends_with("donotreply")
}

/// A "Re:" or "Fwd:" that a person put in front: what follows is their topic, not a robot's.
fn has_human_prefix(subject: &str) -> bool {
    let s = subject.trim_start();
    [
        "re:",
        "re :",
        "fw:",
        "fwd:",
        "aw:",
        "wg:",
        "sv:",
        "vs:",
        "tr:",
        "r:",
        "отв:",
        "ответ:",
        "пересл:",
        "fw :",
        "vast:",
        "edasi:",
        "ynt:",
        "odp:",
        "rif:",
        "res:",
    ]
    .iter()
    .any(|p| s.starts_with(p))
}

fn contains_any(hay: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| hay.contains(n))
}

fn starts_with_any(hay: &str, needles: &[&str]) -> bool {
    let h = hay.trim_start_matches(|c: char| c == '[' || c == '(' || c.is_whitespace());
    needles.iter().any(|n| h.starts_with(n))
}

/// A weak phrase counts when it is the whole subject or is followed by ":", "-", "(" or a date.
fn weak_subject_match(subject: &str, phrase: &str) -> bool {
    let s = subject.trim();
    let Some(rest) = s.strip_prefix(phrase) else {
        return false;
    };
    let rest = rest.trim_start();
    rest.is_empty()
        || rest.starts_with([':', '-', '(', '–', '!', '.'])
        || rest.starts_with("until")
        || rest.starts_with("kuni")
        || rest.starts_with("bis")
        || rest.starts_with("до")
}

/// Subjects only mail systems write (lower-case, matched anywhere).
const BOUNCE_SUBJECTS: &[&str] = &[
    "undelivered mail returned to sender",
    "delivery status notification",
    "mail delivery failed",
    "failure notice",
    "undeliverable:",
    "undeliverable mail",
    "unzustellbar",
    "nicht zustellbar:",
    "недоставленное сообщение",
    "сообщение не доставлено",
    "returned mail:",
    "mail delivery failure",
    "non-delivery report",
    "non-delivery notification",
    "nondeliverable mail",
    "message could not be delivered",
    "mail could not be delivered",
    "undelivered mail",
    "warning: could not send message",
    "message not delivered",
    "mail system error",
    "message non remis",
    "onbestelbaar:",
    "delivery status notification",
    "notification d'état de la distribution",
    "zustellungsbenachrichtigung",
    "unable to deliver your message",
];

/// Subjects a customer of a shop might also write ("Delivery failed"): they count only
/// together with a machine signal (null Return-Path, Auto-Submitted, a robot sender, a
/// returned message attached).
const BOUNCE_SUBJECTS_WEAK: &[&str] = &[
    "delivery failure",
    "delivery failed",
    "delivery has failed",
    "delivery problem",
    "delivery report",
    "delivery notification",
    "delivery delayed",
    "delayed mail",
    "returned mail",
    "returned to sender",
    "could not be delivered",
    "unable to deliver",
    "rejected",
    "permanent error",
    "non remis",
    "nicht zugestellt",
    "не доставлено",
    "kohaletoimetamine",
    "toimitus epäonnistui",
    "nepiegādāts",
    "mail delivery",
    "delivery status",
];

/// Out-of-office and auto-reply subjects, matched at the start.
const OOO_STRONG: &[&str] = &[
    "out of office",
    "out of the office",
    "automatic reply",
    "auto reply",
    "auto-reply",
    "autoreply",
    "auto response",
    "auto-response",
    "autoresponse",
    "automatic response",
    "away from the office",
    "vacation reply",
    "abwesenheitsnotiz",
    "automatische antwort",
    "ei ole kontoris",
    "automaatne vastus",
    "automaatvastus",
    "kontorist väljas",
    "автоответ",
    "автоматический ответ",
    "вне офиса",
    "automaattinen vastaus",
    "poissa toimistolta",
    "automātiskā atbilde",
    "réponse automatique",
    "réponse_automatique",
    "absence du bureau",
    "automatisch antwoord",
    "risposta automatica",
    "respuesta automática",
    "fuera de la oficina",
    "odpowiedź automatyczna",
    "autosvar",
    "automatisk svar",
    "automatické odpovědi",
];

/// Phrases that a person might also start a subject with: see [`weak_subject_match`].
const OOO_WEAK: &[&str] = &[
    "puhkusel",
    "atvaļinājumā",
    "nav birojā",
    "poissa",
    "lomalla",
    "нет на месте",
    "в отпуске",
    "on vacation",
    "on holiday",
    "on leave",
    "away",
    "abwesend",
    "urlaub",
    "nicht im büro",
    "außer haus",
    "im urlaub",
    "absent",
    "afwezig",
    "fuori ufficio",
];

/// Bracketed auto-reply markers, matched anywhere.
const OOO_BRACKETED: &[&str] = &[
    "(automatic response)",
    "[auto-reply]",
    "[autoreply]",
    "(auto-reply)",
    "[auto reply]",
    "(autoreply)",
    "[automatic reply]",
];

/// "Thank you for your e-mail" acknowledgements sent with Precedence: bulk.
const THANKS_AUTO: &[&str] = &[
    "thank you for your e-mail",
    "thank you for your email",
    "thank you for your message",
    "thanks for your email",
    "thank you for contacting",
    "we received your",
    "we have received your",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse;

    fn class(headers: &str) -> Classification {
        let raw = format!("{headers}\nMessage-ID: <1@x>\n\nbody\n");
        classify(&parse(raw.as_bytes()).unwrap())
    }

    #[test]
    fn human_mail_is_not_automatic() {
        let c =
            class("From: Anna <anna@example.com>\nSubject: I was on vacation, my order is late");
        assert_eq!(c, Classification::default());
        let c = class("From: Anna <anna@example.com>\nSubject: Re: Automatic reply: order 12");
        assert_eq!(c.automatic, None);
        let c = class("From: Anna <anna@example.com>\nSubject: Urlaub storniert, Geld zurück?");
        assert_eq!(c.automatic, None);
    }

    #[test]
    fn rfc3834() {
        let c = class("From: a@b.c\nAuto-Submitted: auto-replied\nSubject: x");
        assert_eq!(c.automatic, Some(AutomaticKind::AutoReply));
        assert_eq!(
            c.automatic_reason.as_deref(),
            Some("Auto-Submitted: auto-replied")
        );
        let c = class("From: a@b.c\nAuto-Submitted: no\nSubject: x");
        assert_eq!(c.automatic, None);
        let c = class("From: a@b.c\nAuto-Submitted: auto-generated\nSubject: x");
        assert_eq!(c.automatic, Some(AutomaticKind::Other));
    }

    #[test]
    fn ooo_subjects_in_six_languages() {
        for s in [
            "Out of Office: order 12",
            "Automatic reply: order 12",
            "Abwesenheitsnotiz: Bestellung",
            "Automatische Antwort: Bestellung",
            "Ei ole kontoris: tellimus",
            "Automaatne vastus: tellimus",
            "Puhkusel kuni 15.03",
            "Автоответ: заказ",
            "Автоматический ответ: заказ",
            "Нет на месте",
            "Poissa: tilaus",
            "Automaattinen vastaus: tilaus",
            "Automātiskā atbilde: pasūtījums",
            "Atvaļinājumā",
        ] {
            let c = class(&format!("From: a@b.c\nSubject: {s}"));
            assert_eq!(c.automatic, Some(AutomaticKind::AutoReply), "{s}");
        }
    }

    #[test]
    fn bounces_and_bulk() {
        let c = class(
            "From: MAILER-DAEMON@mx.example.com\nSubject: Undelivered Mail Returned to Sender",
        );
        assert_eq!(c.automatic, Some(AutomaticKind::Bounce));
        let c = class("From: Mail Delivery System <x@y.z>\nSubject: Недоставленное сообщение");
        assert_eq!(c.automatic, Some(AutomaticKind::Bounce));
        let c =
            class("From: news@shop.test\nList-Unsubscribe: <mailto:u@shop.test>\nSubject: Sale");
        assert_eq!(c.automatic, Some(AutomaticKind::Bulk));
        let c = class("From: news@shop.test\nPrecedence: bulk\nSubject: Sale");
        assert_eq!(c.automatic, Some(AutomaticKind::Bulk));
        let c = class("From: no-reply@shop.test\nSubject: Your receipt");
        assert_eq!(c.automatic, Some(AutomaticKind::Other));
    }

    #[test]
    fn spam_and_dmarc() {
        assert_eq!(
            class("From: a@b.c\nX-Spam-Flag: YES").spam,
            Some(QuarantineReason::Spam)
        );
        assert_eq!(
            class("From: a@b.c\nX-Spam-Status: Yes, score=7.1").spam,
            Some(QuarantineReason::Spam)
        );
        assert_eq!(
            class("From: a@b.c\nX-Spam-Status: No, score=0.1").spam,
            None
        );
        assert_eq!(
            class("From: a@b.c\nAuthentication-Results: mx; spf=pass\nAuthentication-Results: mx; dkim=none; dmarc=fail (p=reject)").spam,
            Some(QuarantineReason::DmarcFail)
        );
        assert_eq!(
            class("From: a@b.c\nAuthentication-Results: mx; dmarc=none").spam,
            None
        );
        assert_eq!(
            class("From: a@b.c\nAuthentication-Results: mx; dmarc=pass").spam,
            None
        );
    }
}
