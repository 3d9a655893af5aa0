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

/// Our own Message-IDs (`<kindly.KIND.TICKET.HASH@domain>`, see
/// [`outgoing_message_id`]) quoted anywhere in raw mail — a bounce carries the
/// headers of the mail it returns. Unique, in order of appearance.
pub fn our_message_ids(raw: &[u8], domain: &str) -> Vec<String> {
    const START: &[u8] = b"<kindly.";
    const MAX_LEN: usize = 200;
    let suffix = format!("@{}>", domain.to_ascii_lowercase());
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while let Some(pos) = raw[i..].windows(START.len()).position(|w| w == START) {
        let start = i + pos;
        let rest = &raw[start..raw.len().min(start + MAX_LEN)];
        if let Some(end) = rest.iter().position(|&b| b == b'>')
            && let Ok(id) = std::str::from_utf8(&rest[..=end])
            && id.to_ascii_lowercase().ends_with(&suffix)
            && !id.contains(char::is_whitespace)
            && !out.iter().any(|o| o == id)
        {
            out.push(id.to_string());
        }
        i = start + START.len();
    }
    out
}

/// Why a bounce says the mail failed: its `Diagnostic-Code:` (or `Status:`)
/// line, unfolded and trimmed to one short line.
pub fn bounce_reason(raw: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(raw);
    for key in ["diagnostic-code:", "status:"] {
        let mut lines = text.lines().peekable();
        while let Some(line) = lines.next() {
            if let (Some(head), Some(tail)) = (line.get(..key.len()), line.get(key.len()..))
                && head.eq_ignore_ascii_case(key)
            {
                let mut value = tail.trim().to_string();
                while let Some(next) = lines.peek() {
                    if next.starts_with([' ', '\t']) {
                        value.push(' ');
                        value.push_str(next.trim());
                        lines.next();
                    } else {
                        break;
                    }
                }
                let value: String = value.chars().take(300).collect();
                if !value.is_empty() {
                    return Some(value);
                }
            }
        }
    }
    None
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
    fn our_ids_and_the_reason_are_found_in_a_bounce() {
        let ours = outgoing_message_id("ack", 7, "<c1@example.com>", "acme.example");
        let raw = format!(
            "From: MAILER-DAEMON@mx.example\r\nContent-Type: multipart/report\r\n\r\nReporting-MTA: dns; mx\r\n\
             Status: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1 <ann@example.com>:\r\n user unknown\r\n\r\n\
             Message-ID: {ours}\r\nReferences: <kindly.ack.9.abc@other.example> {ours}\r\n"
        );
        assert_eq!(our_message_ids(raw.as_bytes(), "ACME.example"), vec![ours]);
        assert_eq!(
            bounce_reason(raw.as_bytes()).as_deref(),
            Some("smtp; 550 5.1.1 <ann@example.com>: user unknown")
        );
        assert!(our_message_ids(b"no ids here <kindly.", "acme.example").is_empty());
    }

    proptest! {
        #[test]
        fn scanning_never_panics(raw in proptest::collection::vec(any::<u8>(), 0..400)) {
            let _ = our_message_ids(&raw, "acme.example");
            let _ = bounce_reason(&raw);
        }
    }

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
