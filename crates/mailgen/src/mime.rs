//! Rendering a customer's text as a MIME body: plain, HTML only or multipart/alternative, in a
//! charset and transfer encoding, optionally with attachments in multipart/mixed.

use crate::encode::{Charset, base64_body, quoted_printable};
use crate::rng::Rng;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransferEncoding {
    /// 7bit when the bytes are ASCII, else 8bit.
    Raw,
    QuotedPrintable,
    Base64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Plain,
    HtmlOnly,
    Alternative,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HtmlStyle {
    Simple,
    Outlook,
}

#[derive(Debug, Clone)]
pub struct Attachment {
    pub file_name: String,
    pub content_type: &'static str,
    pub data: Vec<u8>,
}

/// What a person wrote and how their mail program packs it.
#[derive(Debug, Clone)]
pub struct Content {
    /// Paragraphs separated by blank lines; quoted lines start with `>`.
    pub text: String,
    pub layout: Layout,
    pub html_style: HtmlStyle,
    pub charset: Charset,
    pub transfer: TransferEncoding,
    pub attachments: Vec<Attachment>,
    /// Language tag for the HTML `lang` attribute.
    pub lang: &'static str,
}

/// The content headers and the body, lines ended by `\n`.
pub struct Rendered {
    pub headers: Vec<(String, String)>,
    pub body: String,
}

fn boundary(rng: &mut Rng) -> String {
    match rng.below(3) {
        0 => format!("000000000000{}", rng.hex(16)),
        1 => format!(
            "----=_Part_{}_{}.{}",
            rng.range(10_000, 99_999),
            rng.range(100_000_000, 999_999_999),
            rng.range(1_700_000_000_000, 1_799_999_999_999)
        ),
        _ => format!("------------{}", rng.alnum(24)),
    }
}

/// Hard-wrap each paragraph line at `width` characters on spaces.
pub fn wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / width);
    for line in text.split('\n') {
        let prefix_len = line.chars().take_while(|c| *c == '>' || *c == ' ').count();
        let (prefix, rest) = line.split_at(
            line.char_indices()
                .nth(prefix_len)
                .map_or(line.len(), |(i, _)| i),
        );
        let mut col = 0;
        out.push_str(prefix);
        for (i, word) in rest.split(' ').enumerate() {
            let len = word.chars().count();
            if i > 0 {
                if col + 1 + len > width {
                    out.push('\n');
                    out.push_str(prefix);
                    col = 0;
                } else {
                    out.push(' ');
                    col += 1;
                }
            }
            out.push_str(word);
            col += len;
        }
        out.push('\n');
    }
    out
}

fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// HTML of the text: paragraphs, line breaks, quoted blocks as blockquote.
pub fn html_of(text: &str, style: HtmlStyle, charset: Charset, lang: &str) -> String {
    let mut own = Vec::new();
    let mut quoted = Vec::new();
    for line in text.lines() {
        if let Some(q) = line.strip_prefix('>') {
            quoted.push(q.strip_prefix(' ').unwrap_or(q).to_string());
        } else if quoted.is_empty() {
            own.push(line.to_string());
        } else {
            // Text after a quote (rare): keep it in the quote block.
            quoted.push(line.to_string());
        }
    }
    let paragraphs = |lines: &[String], p_open: &str, p_close: &str| -> String {
        let joined = lines.join("\n");
        joined
            .split("\n\n")
            .filter(|p| !p.trim().is_empty())
            .map(|p| {
                let inner: Vec<String> = p.lines().map(escape_html).collect();
                format!("{p_open}{}{p_close}\n", inner.join("<br>\n"))
            })
            .collect()
    };
    match style {
        HtmlStyle::Simple => {
            let mut html = format!(
                "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset={}\"></head><body>\n<div dir=\"ltr\">\n",
                charset.label()
            );
            html.push_str(&paragraphs(&own, "<div>", "</div><div><br></div>"));
            html.push_str("</div>\n");
            if !quoted.is_empty() {
                html.push_str("<br><div class=\"gmail_quote\"><blockquote class=\"gmail_quote\" style=\"margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex\">\n");
                html.push_str(&paragraphs(&quoted, "<div>", "</div>"));
                html.push_str("</blockquote></div>\n");
            }
            html.push_str("</body></html>\n");
            html
        }
        HtmlStyle::Outlook => {
            let mut html = format!(
                "<html xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:w=\"urn:schemas-microsoft-com:office:word\" xmlns:m=\"http://schemas.microsoft.com/office/2004/12/omml\" xmlns=\"http://www.w3.org/TR/REC-html40\">\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset={}\">\n<meta name=\"Generator\" content=\"Microsoft Word 15 (filtered medium)\">\n<style><!--\n/* Font Definitions */\n@font-face\n\t{{font-family:\"Cambria Math\";\n\tpanose-1:2 4 5 3 5 4 6 3 2 4;}}\n@font-face\n\t{{font-family:Calibri;\n\tpanose-1:2 15 5 2 2 2 4 3 2 4;}}\n/* Style Definitions */\np.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{{margin:0cm;\n\tfont-size:11.0pt;\n\tfont-family:\"Calibri\",sans-serif;\n\tmso-ligatures:standardcontextual;}}\nspan.EmailStyle17\n\t{{mso-style-type:personal-compose;\n\tfont-family:\"Calibri\",sans-serif;\n\tcolor:windowtext;}}\n.MsoChpDefault\n\t{{mso-style-type:export-only;\n\tfont-size:11.0pt;}}\n@page WordSection1\n\t{{size:612.0pt 792.0pt;\n\tmargin:72.0pt 72.0pt 72.0pt 72.0pt;}}\ndiv.WordSection1\n\t{{page:WordSection1;}}\n--></style>\n</head>\n<body lang=\"{}\" link=\"#0563C1\" vlink=\"#954F72\" style=\"word-wrap:break-word\">\n<div class=\"WordSection1\">\n",
                charset.label(),
                lang.to_uppercase()
            );
            html.push_str(&paragraphs(
                &own,
                "<p class=\"MsoNormal\">",
                "<o:p></o:p></p>\n<p class=\"MsoNormal\"><o:p>&nbsp;</o:p></p>",
            ));
            if !quoted.is_empty() {
                html.push_str("<div style=\"border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm\">\n");
                html.push_str(&paragraphs(
                    &quoted,
                    "<p class=\"MsoNormal\">",
                    "<o:p></o:p></p>",
                ));
                html.push_str("</div>\n");
            }
            html.push_str("</div>\n</body>\n</html>\n");
            html
        }
    }
}

fn text_part(subtype: &str, text: &str, content: &Content, format_flowed: bool) -> Rendered {
    let (charset, bytes) = match content.charset.encode(text) {
        Some(b) => (content.charset, b),
        None => (Charset::Utf8, text.as_bytes().to_vec()),
    };
    let ascii = bytes.is_ascii();
    let flowed = if format_flowed && subtype == "plain" {
        "; format=flowed"
    } else {
        ""
    };
    let mut headers = vec![(
        "Content-Type".to_string(),
        format!("text/{subtype}; charset=\"{}\"{flowed}", charset.label()),
    )];
    let (cte, body) = match content.transfer {
        TransferEncoding::Raw => (
            if ascii { "7bit" } else { "8bit" },
            // Raw 8-bit text: only valid UTF-8 survives a String, so raw legacy bytes are
            // carried as Latin-1 code points and turned back into bytes by `into_bytes`.
            bytes.iter().map(|&b| char::from(b)).collect::<String>(),
        ),
        TransferEncoding::QuotedPrintable => ("quoted-printable", quoted_printable(&bytes)),
        TransferEncoding::Base64 => ("base64", base64_body(&bytes)),
    };
    headers.push(("Content-Transfer-Encoding".to_string(), cte.to_string()));
    let mut body = body;
    if !body.ends_with('\n') {
        body.push('\n');
    }
    Rendered { headers, body }
}

/// RFC 2231 parameter for a file name (`filename*=utf-8''...` when not ASCII).
fn file_name_param(name: &str) -> String {
    if name.is_ascii() {
        format!("filename=\"{name}\"")
    } else {
        let mut s = String::from("filename*=utf-8''");
        for b in name.bytes() {
            if b.is_ascii_alphanumeric() || b == b'.' || b == b'-' || b == b'_' {
                s.push(char::from(b));
            } else {
                s.push_str(&format!("%{b:02X}"));
            }
        }
        s
    }
}

fn name_param(name: &str) -> String {
    file_name_param(name).replacen("filename", "name", 1)
}

fn multipart(subtype: &str, parts: Vec<Rendered>, rng: &mut Rng, preamble: bool) -> Rendered {
    let b = boundary(rng);
    let mut body = String::new();
    if preamble {
        body.push_str("This is a multi-part message in MIME format.\n");
    }
    for part in parts {
        body.push_str(&format!("\n--{b}\n"));
        for (k, v) in &part.headers {
            body.push_str(&format!("{k}: {v}\n"));
        }
        body.push('\n');
        body.push_str(&part.body);
    }
    body.push_str(&format!("\n--{b}--\n"));
    Rendered {
        headers: vec![(
            "Content-Type".to_string(),
            format!("multipart/{subtype};\n boundary=\"{b}\""),
        )],
        body,
    }
}

/// The whole body. Raw 8-bit legacy bytes are held as one char per byte (see `text_part`);
/// `crate::into_bytes` writes them back out.
pub fn render(content: &Content, rng: &mut Rng) -> Rendered {
    let flowed = rng.chance(300);
    let plain = || text_part("plain", &wrap(&content.text, 72), content, flowed);
    let html = || {
        text_part(
            "html",
            &html_of(
                &content.text,
                content.html_style,
                content.charset,
                content.lang,
            ),
            content,
            false,
        )
    };
    let main = match content.layout {
        Layout::Plain => plain(),
        Layout::HtmlOnly => html(),
        Layout::Alternative => multipart("alternative", vec![plain(), html()], rng, false),
    };
    if content.attachments.is_empty() {
        return main;
    }
    let mut parts = vec![main];
    for a in &content.attachments {
        parts.push(Rendered {
            headers: vec![
                (
                    "Content-Type".to_string(),
                    format!("{}; {}", a.content_type, name_param(&a.file_name)),
                ),
                (
                    "Content-Disposition".to_string(),
                    format!("attachment;\n {}", file_name_param(&a.file_name)),
                ),
                (
                    "Content-Transfer-Encoding".to_string(),
                    "base64".to_string(),
                ),
            ],
            body: base64_body(&a.data),
        });
    }
    multipart("mixed", parts, rng, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_words_and_quote_prefix() {
        let text = format!("> {}", "word ".repeat(40).trim_end());
        let wrapped = wrap(&text, 30);
        assert!(
            wrapped
                .lines()
                .all(|l| l.starts_with("> ") && l.chars().count() <= 32)
        );
        assert_eq!(wrapped.matches("word").count(), 40);
    }

    #[test]
    fn html_quotes_go_into_blockquote() {
        let html = html_of(
            "Hello <you>\n\n> old text",
            HtmlStyle::Simple,
            Charset::Utf8,
            "en",
        );
        assert!(html.contains("Hello &lt;you&gt;"));
        assert!(html.contains("<blockquote"));
        assert!(html.contains("old text"));
    }
}
