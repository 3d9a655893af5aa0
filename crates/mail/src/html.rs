//! The HTML body of a stored message, for the sanitised HTML view.
//!
//! - [`html_body`]: the decoded `text/html` part a mail client would show (the HTML
//!   alternative of `multipart/alternative`, found through nested multiparts), with
//!   the charset decoded as [`crate::parse`] does. `None` for plain-text mail.
//! - [`inline_images`]: `Content-ID` → index in [`crate::ParsedMail::attachments`], so
//!   that `<img src="cid:…">` can point at our own attachment URL.
//!
//! The HTML returned here is the sender's, untouched: it must be sanitised before it
//! reaches a browser (kindly-web's `sanitize` module).

use std::collections::HashMap;

use mail_parser::{Message, MessageParser, MimeHeaders, PartType};

use crate::parse::{check_header_block, lf_line_ends, part_text};

fn parse_message(raw: &[u8]) -> Option<Message<'_>> {
    check_header_block(raw).ok()?;
    MessageParser::new().parse(raw)
}

/// The decoded HTML body of a raw message, or `None` when the message has no
/// `text/html` body part (plain-text mail, or bytes that are not mail).
///
/// When the displayed body is made of several parts (Apple Mail splits the HTML
/// around inline attachments), the HTML parts are joined in order and plain-text
/// parts between them are included as escaped `<pre>` blocks. HTML parts of
/// attached messages (`message/rfc822`) and `.html` attachments are not the body.
pub fn html_body(raw: &[u8]) -> Option<String> {
    let raw = lf_line_ends(raw);
    let msg = parse_message(&raw)?;
    let bytes = msg.raw_message();
    let parts: Vec<_> = msg
        .html_body
        .iter()
        .filter_map(|&id| msg.part(id))
        .collect();
    if !parts.iter().any(|p| matches!(p.body, PartType::Html(_))) {
        return None;
    }
    // Charset warnings matter to the text view (parse.rs reports them); not here.
    let mut warnings = Vec::new();
    let mut out = String::new();
    for part in parts {
        match &part.body {
            PartType::Html(h) => out.push_str(&part_text(bytes, part, h, &mut warnings)),
            PartType::Text(t) => {
                let text = part_text(bytes, part, t, &mut warnings);
                out.push_str("<pre>");
                out.push_str(&escape(&text));
                out.push_str("</pre>");
            }
            _ => {}
        }
    }
    Some(out)
}

/// The message's inline images: `Content-ID` (without angle brackets) → index in
/// [`crate::ParsedMail::attachments`] (the same order as [`crate::parse`] lists them).
/// Only image attachments are mapped. Empty for bytes that are not mail.
pub fn inline_images(raw: &[u8]) -> HashMap<String, usize> {
    let raw = lf_line_ends(raw);
    let Some(msg) = parse_message(&raw) else {
        return HashMap::new();
    };
    let mut map = HashMap::new();
    for (index, part) in msg
        .attachments
        .iter()
        .filter_map(|&id| msg.part(id))
        .enumerate()
    {
        let is_image = part
            .content_type()
            .is_some_and(|ct| ct.ctype().eq_ignore_ascii_case("image"));
        if let Some(cid) = part.content_id()
            && is_image
        {
            let cid = cid
                .trim()
                .trim_start_matches('<')
                .trim_end_matches('>')
                .trim();
            if !cid.is_empty() {
                map.entry(cid.to_string()).or_insert(index);
            }
        }
    }
    map
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    const ALTERNATIVE: &str = "From: Anna <anna@example.com>\r\n\
To: help@example.com\r\n\
Subject: Hello\r\n\
MIME-Version: 1.0\r\n\
Content-Type: multipart/mixed; boundary=\"outer\"\r\n\
\r\n\
--outer\r\n\
Content-Type: multipart/alternative; boundary=\"alt\"\r\n\
\r\n\
--alt\r\n\
Content-Type: text/plain; charset=utf-8\r\n\
\r\n\
Plain version\r\n\
--alt\r\n\
Content-Type: text/html; charset=iso-8859-1\r\n\
Content-Transfer-Encoding: quoted-printable\r\n\
\r\n\
<p>Gr=FC=DFe aus K=F6ln</p>\r\n\
--alt--\r\n\
--outer\r\n\
Content-Type: application/pdf; name=\"a.pdf\"\r\n\
Content-Disposition: attachment; filename=\"a.pdf\"\r\n\
Content-Transfer-Encoding: base64\r\n\
\r\n\
JVBERi0xLjQK\r\n\
--outer--\r\n";

    #[test]
    fn picks_the_html_alternative_in_nested_multiparts_and_decodes_charset() {
        let html = html_body(ALTERNATIVE.as_bytes()).unwrap();
        assert!(html.contains("<p>Grüße aus Köln</p>"), "{html}");
        assert!(!html.contains("Plain version"));
    }

    #[test]
    fn plain_text_mail_has_no_html_body() {
        let raw = "From: a@example.com\r\nSubject: x\r\nContent-Type: text/plain\r\n\r\nJust text <b>not html</b>\r\n";
        assert_eq!(html_body(raw.as_bytes()), None);
        let alt_without_html = "From: a@example.com\nContent-Type: multipart/alternative; boundary=b\n\n--b\nContent-Type: text/plain\n\none\n--b\nContent-Type: text/enriched\n\n<bold>two</bold>\n--b--\n";
        assert_eq!(html_body(alt_without_html.as_bytes()), None);
    }

    #[test]
    fn not_mail_and_empty_input_give_none() {
        assert_eq!(html_body(b""), None);
        assert_eq!(html_body(b"<html><body>hi</body></html>"), None);
        assert!(inline_images(b"").is_empty());
    }

    #[test]
    fn single_part_html_and_unlabelled_charset() {
        let raw = b"From: a@example.com\nContent-Type: text/html\n\n<p>\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82 \xd0\xbc\xd0\xb8\xd1\x80, \xd0\xba\xd0\xb0\xd0\xba \xd0\xb4\xd0\xb5\xd0\xbb\xd0\xb0?</p>\n";
        let html = html_body(raw).unwrap();
        assert!(html.contains("Привет мир"), "{html}");
    }

    #[test]
    fn cr_only_line_ends() {
        let raw = ALTERNATIVE.replace("\r\n", "\r");
        let html = html_body(raw.as_bytes()).unwrap();
        assert!(html.contains("Grüße"), "{html}");
    }

    #[test]
    fn html_attachment_is_not_the_body() {
        let raw = "From: a@example.com\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nsee attached\n--b\nContent-Type: text/html; name=page.html\nContent-Disposition: attachment; filename=page.html\n\n<p>attached page</p>\n--b--\n";
        assert_eq!(html_body(raw.as_bytes()), None);
    }

    #[test]
    fn inline_image_content_ids_map_to_attachment_indexes() {
        let raw = "From: a@example.com\nContent-Type: multipart/mixed; boundary=m\n\n--m\nContent-Type: multipart/related; boundary=r\n\n--r\nContent-Type: text/html; charset=utf-8\n\n<p><img src=\"cid:logo@x\"></p>\n--r\nContent-Type: image/png\nContent-ID: <logo@x>\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n--r--\n--m\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=a.pdf\nContent-ID: <not-an-image@x>\n\n%PDF\n--m--\n";
        let html = html_body(raw.as_bytes()).unwrap();
        assert!(html.contains("cid:logo@x"));
        let map = inline_images(raw.as_bytes());
        let parsed = crate::parse(raw.as_bytes()).unwrap();
        let i = map["logo@x"];
        assert_eq!(parsed.attachments[i].content_type, "image/png");
        assert_eq!(map.len(), 1, "{map:?}");
    }
}
