//! Raw bytes → [`ParsedMail`].

use std::borrow::Cow;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::Encoding;
use jiff::Timestamp;
use mail_parser::parsers::MessageStream;
use mail_parser::{HeaderValue, Message, MessageParser, MessagePart, MimeHeaders, PartType};
use serde::Serialize;

/// A mailbox: `Name <local@domain>`. `email` is lower-cased.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Address {
    pub name: Option<String>,
    pub email: String,
}

/// An attachment as listed on a message (the bytes stay in the stored raw mail).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Attachment {
    pub filename: Option<String>,
    pub content_type: String,
    pub size: usize,
}

/// Everything Kindly reads from one message.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ParsedMail {
    /// Message-ID with its angle brackets, as in the header. `None` when missing.
    pub message_id: Option<String>,
    /// In-Reply-To ids, with angle brackets.
    pub in_reply_to: Vec<String>,
    /// References ids, with angle brackets, oldest first.
    pub references: Vec<String>,
    pub from: Option<Address>,
    pub reply_to: Option<Address>,
    pub to: Vec<Address>,
    pub cc: Vec<Address>,
    /// Decoded subject (encoded words decoded), CR/LF removed; empty when missing.
    pub subject: String,
    /// The Date: header.
    pub date: Option<Timestamp>,
    /// The Date: header's UTC offset in seconds (the customer's zone hint).
    pub date_offset_seconds: Option<i32>,
    /// The body as text: text/plain parts, or HTML turned into readable text.
    pub text: String,
    pub attachments: Vec<Attachment>,
    /// Every header as (lower-case name, decoded value), in order.
    pub headers: Vec<(String, String)>,
    /// Things worth telling the operator (a charset guessed, a missing header…).
    pub warnings: Vec<String>,
}

impl ParsedMail {
    /// The first value of a header (name compared case-insensitively).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Every value of a header.
    pub fn headers_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.headers
            .iter()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ParseError {
    #[error("empty input")]
    Empty,
    #[error("not an e-mail message: {0}")]
    NotMail(String),
}

/// Parses one message. Never panics; returns an error only when the bytes are
/// not a mail at all (the caller quarantines them).
pub fn parse(raw: &[u8]) -> Result<ParsedMail, ParseError> {
    if raw.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ParseError::Empty);
    }
    check_header_block(raw)?;
    let raw = lf_line_ends(raw);
    let Some(msg) = MessageParser::new().parse(&raw[..]) else {
        return Err(ParseError::NotMail("no header block".into()));
    };
    let raw_msg: &[u8] = msg.raw_message();
    let root = msg.root_part();
    if root.headers.is_empty() {
        return Err(ParseError::NotMail("no header lines".into()));
    }

    let mut out = ParsedMail::default();
    let header_charset = HeaderCharset::new(raw_msg, root, &msg);

    for h in &root.headers {
        let name = h.name.as_str().to_ascii_lowercase();
        let bytes = slice(raw_msg, h.offset_start as usize, h.offset_end as usize);
        let value = header_value(&name, bytes, &header_charset, &mut out.warnings);
        match name.as_str() {
            "message-id" if out.message_id.is_none() => {
                out.message_id = message_ids(&value).into_iter().next();
            }
            "in-reply-to" => out.in_reply_to.extend(message_ids(&value)),
            "references" => out.references.extend(message_ids(&value)),
            "subject" if out.subject.is_empty() => out.subject = clean_line(&value),
            "from" if out.from.is_none() => {
                out.from = addresses(bytes, &header_charset).into_iter().next();
            }
            "reply-to" if out.reply_to.is_none() => {
                out.reply_to = addresses(bytes, &header_charset).into_iter().next();
            }
            "to" => out.to.extend(addresses(bytes, &header_charset)),
            "cc" => out.cc.extend(addresses(bytes, &header_charset)),
            "date" if out.date.is_none() => {
                if let HeaderValue::DateTime(dt) =
                    MessageStream::new(&with_newline(bytes)).parse_date()
                    && dt.is_valid()
                {
                    out.date = Timestamp::from_second(dt.to_timestamp()).ok();
                    let secs = i32::from(dt.tz_hour) * 3600 + i32::from(dt.tz_minute) * 60;
                    out.date_offset_seconds = Some(if dt.tz_before_gmt { -secs } else { secs });
                }
            }
            _ => {}
        }
        out.headers.push((name, value));
    }
    if out.from.is_none() {
        out.warnings.push("no usable From: address".into());
    }
    if out.date.is_none() {
        out.warnings.push("no valid Date: header".into());
    }
    if out.message_id.is_none() {
        out.warnings.push("no Message-ID: header".into());
    }

    out.text = body_text(&msg, &mut out.warnings);
    out.attachments = attachments(&msg);
    if msg.parts.iter().any(|p| p.is_encoding_problem) {
        out.warnings
            .push("broken MIME structure or transfer encoding; parsed as far as possible".into());
    }
    Ok(out)
}

/// Old Mac mailers end lines with a lone CR; mail-parser only knows LF and CRLF.
pub(crate) fn lf_line_ends(raw: &[u8]) -> Cow<'_, [u8]> {
    if !raw.contains(&b'\n') && raw.contains(&b'\r') {
        Cow::Owned(
            raw.iter()
                .map(|&b| if b == b'\r' { b'\n' } else { b })
                .collect(),
        )
    } else {
        Cow::Borrowed(raw)
    }
}

/// A slice that never panics on odd offsets.
fn slice(raw: &[u8], start: usize, end: usize) -> &[u8] {
    let end = end.min(raw.len());
    let start = start.min(end);
    &raw[start..end]
}

/// Rejects bytes that do not start with an RFC 5322 header block.
pub(crate) fn check_header_block(raw: &[u8]) -> Result<(), ParseError> {
    let start = raw
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(raw.len());
    let mut rest = &raw[start..];
    // An mbox "From " separator line may precede the headers.
    if rest.starts_with(b"From ") {
        match rest.iter().position(|&b| b == b'\n') {
            Some(i) => rest = &rest[i + 1..],
            None => return Err(ParseError::NotMail("only an mbox separator line".into())),
        }
    }
    let line_end = rest
        .iter()
        .position(|&b| b == b'\n' || b == b'\r')
        .unwrap_or(rest.len());
    let line = &rest[..line_end];
    let Some(colon) = line.iter().position(|&b| b == b':') else {
        return Err(ParseError::NotMail(
            "first line is not a header field".into(),
        ));
    };
    let name = &line[..colon];
    // Obsolete syntax allows blanks before the colon ("Subject  : …").
    let name_end = name
        .iter()
        .rposition(|&b| b != b' ' && b != b'\t')
        .map_or(0, |i| i + 1);
    let name = &name[..name_end];
    let valid_name = !name.is_empty()
        && name.len() <= 76
        && name.iter().all(|&b| (33..=126).contains(&b) && b != b':');
    if !valid_name {
        return Err(ParseError::NotMail(
            "first line is not a header field".into(),
        ));
    }
    Ok(())
}

/// How to read 8-bit bytes found raw in headers (RFC 5322 forbids them, mailers send them).
struct HeaderCharset {
    encoding: Option<&'static Encoding>,
}

impl HeaderCharset {
    fn new(raw: &[u8], root: &MessagePart<'_>, msg: &Message<'_>) -> Self {
        let head = slice(raw, 0, root.offset_body as usize);
        if head.is_ascii() || std::str::from_utf8(head).is_ok() {
            return HeaderCharset { encoding: None };
        }
        // Prefer the charset the body declares; mailers use the same one for headers.
        let declared = msg
            .text_body
            .iter()
            .chain(msg.html_body.iter())
            .filter_map(|&id| msg.part(id))
            .chain(std::iter::once(root))
            .find_map(|p| p.content_type()?.attribute("charset").map(str::to_owned))
            .map(|c| c.trim().trim_matches('"').to_ascii_lowercase())
            .filter(|c| !label_is_ascii(c))
            .and_then(|c| Encoding::for_label(c.as_bytes()))
            .filter(|e| *e != encoding_rs::UTF_8);
        let encoding = declared.unwrap_or_else(|| detect(head));
        HeaderCharset {
            encoding: Some(encoding),
        }
    }

    /// The header bytes as UTF-8 (encoded words still encoded).
    fn to_utf8<'a>(&self, bytes: &'a [u8]) -> Cow<'a, [u8]> {
        match (self.encoding, std::str::from_utf8(bytes)) {
            (_, Ok(_)) | (None, _) => Cow::Borrowed(bytes),
            (Some(enc), Err(_)) => {
                let (text, _, _) = enc.decode(bytes);
                Cow::Owned(text.into_owned().into_bytes())
            }
        }
    }
}

/// chardetng's guess for unlabelled bytes.
fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut det = EncodingDetector::new(Iso2022JpDetection::Allow);
    det.feed(bytes, true);
    det.guess(None, Utf8Detection::Allow)
}

fn with_newline(bytes: &[u8]) -> Vec<u8> {
    let mut v = Vec::with_capacity(bytes.len() + 1);
    v.extend_from_slice(bytes);
    if !v.ends_with(b"\n") {
        v.push(b'\n');
    }
    v
}

/// Unfolds a raw header value: line breaks and the whitespace after them become one space.
fn unfold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for line in s.split('\n') {
        let line = line.trim_end_matches('\r');
        if !out.is_empty() {
            pending_space = true;
        }
        let line = if out.is_empty() {
            line
        } else {
            line.trim_start()
        };
        if line.is_empty() {
            continue;
        }
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        let mut blank = false;
        for c in line.chars() {
            if c == ' ' || c == '\t' {
                if !blank {
                    out.push(' ');
                }
                blank = true;
            } else {
                out.push(c);
                blank = false;
            }
        }
    }
    out.trim().to_string()
}

/// Headers whose value is kept raw (unfolded): structured trace and signature fields.
fn keep_raw(name: &str) -> bool {
    matches!(
        name,
        "received"
            | "dkim-signature"
            | "arc-seal"
            | "arc-message-signature"
            | "arc-authentication-results"
            | "authentication-results"
            | "message-id"
            | "in-reply-to"
            | "references"
            | "content-type"
            | "content-disposition"
            | "return-path"
            | "date"
    )
}

fn header_value(
    name: &str,
    bytes: &[u8],
    charset: &HeaderCharset,
    warnings: &mut Vec<String>,
) -> String {
    let utf8 = charset.to_utf8(bytes);
    if matches!(utf8, Cow::Owned(_)) && name == "subject" {
        warnings.push("8-bit Subject: header without encoding; charset guessed".into());
    }
    if keep_raw(name) {
        return unfold(&String::from_utf8_lossy(&utf8));
    }
    if matches!(utf8, Cow::Owned(_)) && bytes.windows(2).any(|w| w == b"=?") {
        // Raw 8-bit bytes inside encoded words belong to the word's own charset.
        if let HeaderValue::Text(t) = MessageStream::new(&with_newline(bytes)).parse_unstructured()
            && !t.contains('\u{FFFD}')
        {
            return t.trim().to_string();
        }
    }
    match MessageStream::new(&with_newline(&utf8)).parse_unstructured() {
        HeaderValue::Text(t) => t.trim().to_string(),
        _ => unfold(&String::from_utf8_lossy(&utf8)),
    }
}

/// One line of text: control characters (CR, LF, tab…) become spaces, runs of spaces collapse.
pub fn clean_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_control() || c.is_whitespace() || c == '\u{FEFF}' {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// Message ids in a header value, each `<…>` with whitespace removed.
fn message_ids(value: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut rest = value;
    while let Some(open) = rest.find('<') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('>') else { break };
        let id: String = after[..close]
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        if !id.is_empty() {
            ids.push(format!("<{id}>"));
        }
        rest = &after[close + 1..];
    }
    if ids.is_empty() {
        // Some mailers drop the brackets.
        for tok in value.split(|c: char| c.is_whitespace() || c == ',') {
            let tok = tok.trim_matches(|c| c == '<' || c == '>');
            if tok.contains('@') {
                ids.push(format!("<{tok}>"));
            }
        }
    }
    ids
}

fn addresses(bytes: &[u8], charset: &HeaderCharset) -> Vec<Address> {
    let utf8 = charset.to_utf8(bytes);
    let line = with_newline(&utf8);
    let value = MessageStream::new(&line).parse_address();
    let Some(list) = value.as_address() else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|a| {
            let email = a.address()?.trim().to_lowercase();
            if email.is_empty() {
                return None;
            }
            let name = a.name().map(clean_line).filter(|n| !n.is_empty());
            Some(Address { name, email })
        })
        .collect()
}

/// Labels that say "ASCII" (a lie when 8-bit bytes follow).
fn label_is_ascii(label: &str) -> bool {
    matches!(
        label,
        "us-ascii" | "ascii" | "ansi_x3.4-1968" | "us" | "iso646-us" | "7bit" | "iso-ir-6"
    )
}

fn label_is_latin(label: &str) -> bool {
    matches!(
        label,
        "iso-8859-1"
            | "iso8859-1"
            | "latin1"
            | "latin-1"
            | "l1"
            | "windows-1252"
            | "cp1252"
            | "iso-8859-15"
            | "iso8859-15"
            | "latin9"
    )
}

fn is_cyrillic(e: &'static Encoding) -> bool {
    e == encoding_rs::WINDOWS_1251
        || e == encoding_rs::KOI8_R
        || e == encoding_rs::KOI8_U
        || e == encoding_rs::ISO_8859_5
        || e == encoding_rs::IBM866
        || e == encoding_rs::X_MAC_CYRILLIC
}

/// Share of letters outside ASCII: Cyrillic read as Latin-1 is nearly all accented letters,
/// real Western European text rarely passes a quarter.
fn accented_share(text: &str) -> f32 {
    let (mut letters, mut accented) = (0u32, 0u32);
    for c in text.chars() {
        if c.is_alphabetic() {
            letters += 1;
            if !c.is_ascii() {
                accented += 1;
            }
        }
    }
    if letters == 0 {
        0.0
    } else {
        accented as f32 / letters as f32
    }
}

/// What charset decision was taken for one text part.
enum Charset {
    /// Keep what mail-parser decoded under the label.
    AsLabelled,
    /// Re-decode with this guess; the string explains why.
    Guessed(&'static Encoding, &'static str),
}

fn choose_charset(label: Option<&str>, bytes: &[u8]) -> Charset {
    if bytes.is_ascii() {
        return Charset::AsLabelled;
    }
    let label = label.map(|l| l.trim().trim_matches('"').to_ascii_lowercase());
    match label.as_deref() {
        None => Charset::Guessed(detect(bytes), "no charset label"),
        Some(l) if label_is_ascii(l) => Charset::Guessed(detect(bytes), "labelled us-ascii"),
        Some("utf-8" | "utf8") => {
            if std::str::from_utf8(bytes).is_ok() {
                Charset::AsLabelled
            } else {
                Charset::Guessed(detect(bytes), "labelled utf-8 but not valid UTF-8")
            }
        }
        Some(l) if label_is_latin(l) => {
            let guess = detect(bytes);
            if is_cyrillic(guess) {
                let (as_label, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
                if accented_share(&as_label) > 0.5 {
                    return Charset::Guessed(guess, "labelled Latin but the text is Cyrillic");
                }
            }
            Charset::AsLabelled
        }
        Some(l) => {
            if Encoding::for_label(l.as_bytes()).is_none()
                && mail_parser::decoders::charsets::map::charset_decoder(l.as_bytes()).is_none()
            {
                Charset::Guessed(detect(bytes), "unknown charset label")
            } else {
                Charset::AsLabelled
            }
        }
    }
}

/// The transfer-decoded bytes of a part.
fn part_bytes<'a>(raw: &'a [u8], part: &MessagePart<'_>) -> Option<Cow<'a, [u8]>> {
    let body = slice(raw, part.offset_body as usize, part.offset_end as usize);
    match part.encoding {
        mail_parser::Encoding::None => Some(Cow::Borrowed(body)),
        mail_parser::Encoding::Base64 => {
            mail_parser::decoders::base64::base64_decode(body).map(Cow::Owned)
        }
        mail_parser::Encoding::QuotedPrintable => {
            mail_parser::decoders::quoted_printable::quoted_printable_decode(body).map(Cow::Owned)
        }
    }
}

/// HTML turned into readable plain text (blockquotes become `> ` lines).
pub fn html_to_text(html: &str) -> String {
    match html2text::config::plain_no_decorate()
        .link_footnotes(false)
        .no_link_wrapping()
        .string_from_read(html.as_bytes(), 100_000)
    {
        // No-break spaces from `&nbsp;` are plain spaces to every later step.
        Ok(t) => t.replace('\u{a0}', " "),
        Err(_) => mail_parser::decoders::html::html_to_text(html),
    }
}

/// A text part's content: what mail-parser decoded under the part's charset label,
/// or the bytes decoded again with a guessed charset when the label is missing or
/// wrong (a warning says so). `text` is the part's body as mail-parser decoded it.
pub(crate) fn part_text<'a>(
    raw: &[u8],
    part: &MessagePart<'_>,
    text: &'a str,
    warnings: &mut Vec<String>,
) -> Cow<'a, str> {
    let label = part
        .content_type()
        .and_then(|ct| ct.attribute("charset"))
        .map(str::to_owned);
    if let Some(bytes) = part_bytes(raw, part)
        && let Charset::Guessed(enc, why) = choose_charset(label.as_deref(), &bytes)
    {
        let (t, _, _) = enc.decode(&bytes);
        warnings.push(format!("charset guessed as {} ({why})", enc.name()));
        return Cow::Owned(t.into_owned());
    }
    Cow::Borrowed(text)
}

fn body_text(msg: &Message<'_>, warnings: &mut Vec<String>) -> String {
    let raw = msg.raw_message();
    let mut pieces: Vec<String> = Vec::new();
    for &id in &msg.text_body {
        let Some(part) = msg.part(id) else { continue };
        let (text, is_html) = match &part.body {
            PartType::Text(t) => (t.as_ref(), false),
            PartType::Html(h) => (h.as_ref(), true),
            _ => continue,
        };
        let decoded = part_text(raw, part, text, warnings);
        let piece = if is_html {
            html_to_text(&decoded)
        } else {
            decoded.into_owned()
        };
        let piece = piece.replace("\r\n", "\n");
        if !piece.trim().is_empty() {
            pieces.push(piece);
        }
    }
    pieces.join("\n\n")
}

fn attachments(msg: &Message<'_>) -> Vec<Attachment> {
    msg.attachments
        .iter()
        .filter_map(|&id| msg.part(id))
        .map(describe)
        .collect()
}

/// What the agent sees of one attachment.
fn describe(part: &MessagePart<'_>) -> Attachment {
    let content_type = part
        .content_type()
        .map(|ct| match ct.subtype() {
            Some(sub) => format!("{}/{}", ct.ctype(), sub),
            None => ct.ctype().to_string(),
        })
        .unwrap_or_else(|| match part.body {
            PartType::Text(_) => "text/plain".into(),
            PartType::Html(_) => "text/html".into(),
            PartType::Message(_) => "message/rfc822".into(),
            _ => "application/octet-stream".into(),
        })
        .to_ascii_lowercase();
    let filename = part
        .attachment_name()
        .map(clean_line)
        .filter(|n| !n.is_empty());
    let size = match &part.body {
        PartType::Message(m) => m.raw_message().len(),
        b => b.len(),
    };
    Attachment {
        filename,
        content_type,
        size,
    }
}

/// The `n`-th attachment of a raw mail (the order of [`ParsedMail::attachments`])
/// with its decoded bytes; `None` when the mail has fewer.
pub fn attachment(raw: &[u8], n: usize) -> Option<(Attachment, Vec<u8>)> {
    let raw = lf_line_ends(raw);
    let msg = MessageParser::new().parse(&raw[..])?;
    let part = msg.attachments.get(n).and_then(|&id| msg.part(id))?;
    let bytes = match &part.body {
        PartType::Message(m) => m.raw_message().to_vec(),
        PartType::Text(t) | PartType::Html(t) => t.as_bytes().to_vec(),
        PartType::Binary(b) | PartType::InlineBinary(b) => b.to_vec(),
        PartType::Multipart(_) => return None,
    };
    Some((describe(part), bytes))
}
