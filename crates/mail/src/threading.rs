//! Threading keys: ticket tags in subjects, plus-addresses, Message-IDs, reply subjects.

use sha2::{Digest, Sha256};

/// The ticket number of a `[#N]` tag in a subject.
pub fn subject_tag(subject: &str) -> Option<i64> {
    let mut rest = subject;
    while let Some(start) = rest.find("[#") {
        let after = &rest[start + 2..];
        let digits: &str = &after[..after
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(after.len())];
        if !digits.is_empty()
            && after[digits.len()..].starts_with(']')
            && let Ok(n) = digits.parse::<i64>()
        {
            return Some(n);
        }
        rest = after;
    }
    None
}

/// The ticket number of a plus-address `local+N@domain` where `local@domain`
/// is one of our support addresses (compared case-insensitively).
pub fn plus_ticket(recipient: &str, support_addresses: &[String]) -> Option<i64> {
    let (local, domain) = recipient.rsplit_once('@')?;
    let (base, tag) = local.split_once('+')?;
    let n: i64 = tag.parse().ok()?;
    let plain = format!("{base}@{domain}");
    support_addresses
        .iter()
        .any(|a| a.eq_ignore_ascii_case(&plain))
        .then_some(n)
}

/// Reply and forward prefixes customers' mail programs add, in our languages
/// and their neighbours (lower-case, without the colon).
const PREFIXES: &[&str] = &[
    "re",
    "fwd",
    "fw",
    "aw",
    "wg",
    "sv",
    "vs",
    "vl",
    "vb",
    "tr",
    "rv",
    "res",
    "enc",
    "odp",
    "ats",
    "atb",
    "отв",
    "ответ",
    "пересл",
    "переслать",
];

/// The subject without Re:/Fwd:/AW:/WG:/Отв:/Пересл:/Vs: prefixes (repeated,
/// with counters like `Re[2]:`) and without our `[#N]` tags.
pub fn strip_subject(subject: &str) -> String {
    let mut s = remove_tags(subject);
    loop {
        let trimmed = s.trim_start();
        let Some(colon) = trimmed.find(':') else {
            break;
        };
        let head = trimmed[..colon].trim();
        // `Re[2]` / `Re(2)` / `RE 2`
        let word = head
            .split(['[', '('])
            .next()
            .unwrap_or(head)
            .trim()
            .trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ' || c == '.');
        if !word.is_empty() && PREFIXES.contains(&word.to_lowercase().as_str()) {
            s = trimmed[colon + 1..].to_string();
        } else {
            break;
        }
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn remove_tags(subject: &str) -> String {
    let mut out = String::with_capacity(subject.len());
    let mut rest = subject;
    while let Some(start) = rest.find("[#") {
        let after = &rest[start + 2..];
        let digits = after
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(after.len());
        if digits > 0 && after[digits..].starts_with(']') {
            out.push_str(&rest[..start]);
            rest = &after[digits + 1..];
        } else {
            out.push_str(&rest[..start + 2]);
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// A header value made safe: control characters (CR, LF, NUL…) become spaces,
/// runs of whitespace collapse. Nothing a customer sends can add a header of ours.
pub fn header_safe(value: &str) -> String {
    value
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The stable Message-ID for a mail that came without one, derived from its bytes.
pub fn derived_message_id(raw_sha256_hex: &str) -> String {
    let short = raw_sha256_hex.get(..32).unwrap_or(raw_sha256_hex);
    format!("<{short}@kindly.derived>")
}

/// A stable Message-ID for one of our outgoing mails.
pub fn outgoing_message_id(kind: &str, ticket: i64, seed: &str, domain: &str) -> String {
    let digest = Sha256::digest(format!("{kind}\n{ticket}\n{seed}").as_bytes());
    let short = hex::encode(&digest[..10]);
    format!("<kindly.{kind}.{ticket}.{short}@{domain}>")
}

/// The domain part of an address, for our Message-IDs.
pub fn domain_of(address: &str) -> &str {
    address.rsplit_once('@').map_or("localhost", |(_, d)| d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn tags() {
        assert_eq!(subject_tag("Re: login fails [#42]"), Some(42));
        assert_eq!(subject_tag("[#x] [#7]"), Some(7));
        assert_eq!(subject_tag("#42 no brackets"), None);
        assert_eq!(subject_tag("[#]"), None);
        assert_eq!(subject_tag("[#99999999999999999999999]"), None);
    }

    #[test]
    fn plus_addresses_only_for_our_addresses() {
        let ours = vec!["support@example.com".to_string()];
        assert_eq!(plus_ticket("support+12@example.com", &ours), Some(12));
        assert_eq!(plus_ticket("Support+12@Example.com", &ours), Some(12));
        assert_eq!(plus_ticket("sales+12@example.com", &ours), None);
        assert_eq!(plus_ticket("support+abc@example.com", &ours), None);
    }

    #[test]
    fn strips_prefixes_in_many_languages() {
        assert_eq!(
            strip_subject("Re: RE: Fwd: Login fails [#3]"),
            "Login fails"
        );
        assert_eq!(strip_subject("AW: WG: Rechnung"), "Rechnung");
        assert_eq!(strip_subject("Отв: Пересл.: не работает"), "не работает");
        assert_eq!(strip_subject("Re[2]: Vs: Arve"), "Arve");
        assert_eq!(
            strip_subject("Question: how to log in"),
            "Question: how to log in"
        );
    }

    #[test]
    fn header_injection_is_neutralised() {
        assert_eq!(
            header_safe("Hello\r\nBcc: evil@example.com"),
            "Hello Bcc: evil@example.com"
        );
        assert!(!header_safe("a\u{0}b\nc").contains(['\n', '\r', '\u{0}']));
    }

    #[test]
    fn message_ids_are_stable() {
        assert_eq!(
            outgoing_message_id("ack", 3, "<a@b>", "example.com"),
            outgoing_message_id("ack", 3, "<a@b>", "example.com")
        );
        assert_ne!(
            outgoing_message_id("ack", 3, "<a@b>", "example.com"),
            outgoing_message_id("ack", 4, "<a@b>", "example.com")
        );
        assert!(derived_message_id("00ff").starts_with("<00ff@"));
    }

    proptest! {
        #[test]
        fn header_safe_never_leaves_line_breaks(s in any::<String>()) {
            let out = header_safe(&s);
            prop_assert!(!out.chars().any(|c| c.is_control()));
        }

        #[test]
        fn strip_subject_never_panics_and_drops_tags(s in any::<String>(), n in 0i64..100000) {
            let tag = format!("[#{}]", n);
            let out = strip_subject(&format!("Re: {} {}", s, tag));
            let kept = out.contains(&tag);
            prop_assert!(!kept || s.contains('['));
        }
    }
}
