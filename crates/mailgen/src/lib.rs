//! Deterministic synthetic help-desk mail for Kindly's benchmarks and tests.
//!
//! [`Generator`] yields one [`Mail`] at a time; the same seed gives byte-identical mail. Time
//! starts at a fixed epoch and moves on by seeded gaps, so `Date` headers never read a clock.

pub mod corpus;
pub mod encode;
pub mod mime;
pub mod rng;

use std::collections::{HashSet, VecDeque};
use std::fmt;

use corpus::{LANGUAGES, Language};
use encode::{Charset, encoded_words, png, rfc5322_date, short_date};
use mime::{Attachment, Content, HtmlStyle, Layout, TransferEncoding};
use rng::Rng;

/// 2025-03-03T08:00:00Z, a Monday morning.
pub const EPOCH: i64 = 1_740_988_800;
pub const HELPDESK: &str = "support@kindly.example";
const HELPDESK_DOMAIN: &str = "kindly.example";

/// What a generated mail is, for the manifest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A customer's first mail about a problem.
    NewRequest,
    /// A customer's reply threaded (In-Reply-To/References) to an earlier mail of the thread.
    Reply,
    /// A threaded thank-you note.
    Thanks,
    /// The same text as an earlier request, sent again with a new Message-ID.
    Resend,
    /// An out-of-office reply to our acknowledgement (Auto-Submitted: auto-replied).
    AutoReply,
    /// A delivery status notification (multipart/report) about our acknowledgement.
    Bounce,
    /// A newsletter (List-Id, List-Unsubscribe, Precedence: bulk).
    Newsletter,
    /// An earlier customer mail delivered again: same bytes plus one more Received header.
    Redelivery,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::NewRequest => "new_request",
            Kind::Reply => "reply",
            Kind::Thanks => "thanks",
            Kind::Resend => "resend",
            Kind::AutoReply => "auto_reply",
            Kind::Bounce => "bounce",
            Kind::Newsletter => "newsletter",
            Kind::Redelivery => "redelivery",
        }
    }

    /// Mail that should get no ticket and no acknowledgement.
    pub fn is_automatic(self) -> bool {
        matches!(self, Kind::AutoReply | Kind::Bounce | Kind::Newsletter)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The mix, in per mille. The help text of the binary prints this table.
pub const MIX: [(Kind, u64); 8] = [
    (Kind::NewRequest, 540),
    (Kind::Reply, 120),
    (Kind::Thanks, 40),
    (Kind::Resend, 50),
    (Kind::AutoReply, 70),
    (Kind::Bounce, 40),
    (Kind::Newsletter, 90),
    (Kind::Redelivery, 50),
];

/// One generated mail.
#[derive(Debug, Clone)]
pub struct Mail {
    pub kind: Kind,
    /// ISO 639-1 of the text (`None` for bounces, which are in English MTA prose anyway).
    pub language: Option<&'static str>,
    /// With angle brackets.
    pub message_id: String,
    pub angry: bool,
    /// Short topic name for customer mail (login, invoice, delivery, refund, bug).
    pub topic: Option<&'static str>,
    pub bytes: Vec<u8>,
}

#[derive(Debug, Clone, Copy)]
enum Mailer {
    Gmail,
    Outlook,
    Thunderbird,
    AppleMail,
    Roundcube,
    TheBat,
}

#[derive(Debug, Clone)]
struct Customer {
    lang: &'static Language,
    name: &'static str,
    email: String,
    mailer: Mailer,
    reply_to: Option<String>,
    crlf: bool,
    signature: Option<String>,
}

#[derive(Debug, Clone)]
struct Thread {
    customer: usize,
    topic: usize,
    subject: String,
    first: Content,
    angry: bool,
    /// Message-IDs of the customer's mails in this thread, oldest first.
    ids: Vec<String>,
    /// The Message-ID our acknowledgement would plausibly have had (never matches anything).
    ack_id: String,
    last_text: String,
    last_date: i64,
    /// The ticket number it would get if every new request opened one, for `[#N]` tags.
    ticket_guess: usize,
    closed: bool,
}

/// Yields mail in order; see the crate docs.
pub struct Generator {
    rng: Rng,
    now: i64,
    index: usize,
    customers: Vec<Customer>,
    threads: Vec<Thread>,
    new_requests: usize,
    /// Recent customer mail (bytes, id, kind, language) for re-deliveries.
    recent: VecDeque<Mail>,
}

/// The message as bytes: every char of the assembled text stands for one byte (see `mime`).
fn into_bytes(text: &str, crlf: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() + text.len() / 40);
    for c in text.chars() {
        let code = c as u32;
        if c == '\n' && crlf {
            out.extend_from_slice(b"\r\n");
        } else if code < 0x100 {
            out.push(code as u8);
        } else {
            // Cannot happen for text built by this crate; keep the UTF-8 rather than lose it.
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
    }
    out
}

fn fill(template: &str, order: &str, invoice: &str, days: u64, amount: &str) -> String {
    template
        .replace("{order}", order)
        .replace("{invoice}", invoice)
        .replace("{days}", &days.to_string())
        .replace("{amount}", amount)
}

fn ip(rng: &mut Rng) -> String {
    format!(
        "{}.{}.{}.{}",
        rng.pick(&[85u64, 90, 185, 193, 209, 212, 217]),
        rng.range(1, 254),
        rng.range(1, 254),
        rng.range(1, 254)
    )
}

fn uuid(rng: &mut Rng) -> String {
    format!(
        "{}-{}-4{}-{}{}-{}",
        rng.hex(8),
        rng.hex(4),
        rng.hex(3),
        rng.pick(&["8", "9", "a", "b"]),
        rng.hex(3),
        rng.hex(12)
    )
}

fn display_address(name: &str, email: &str, charset: Charset, q: bool) -> String {
    if name.is_ascii() {
        if name.contains('\'') || name.contains('.') {
            format!("\"{name}\" <{email}>")
        } else {
            format!("{name} <{email}>")
        }
    } else {
        format!("{} <{email}>", encoded_words(name, charset, q))
    }
}

impl Generator {
    pub fn new(seed: u64, expected_count: usize) -> Self {
        let mut rng = Rng::new(seed);
        let mut customers = Vec::new();
        let mut emails = HashSet::new();
        let pool = (expected_count / 5).clamp(12, 4000);
        for i in 0..pool {
            let lang = match rng.below(100) {
                0..=29 => &corpus::ET,
                30..=54 => &corpus::RU,
                55..=79 => &corpus::EN,
                _ => &corpus::DE,
            };
            let (name, local) = rng.pick(lang.names);
            let domain = rng.pick(lang.domains);
            let mut email = if rng.chance(500) {
                format!("{local}@{domain}")
            } else {
                format!("{local}{}@{domain}", rng.range(1, 99))
            };
            if !emails.insert(email.clone()) {
                email = format!("{local}.{i}@{domain}");
                emails.insert(email.clone());
            }
            let mailer = if domain == "gmail.com" {
                Mailer::Gmail
            } else if lang.code == "ru" && rng.chance(250) {
                Mailer::TheBat
            } else {
                rng.pick(&[
                    Mailer::Outlook,
                    Mailer::Thunderbird,
                    Mailer::AppleMail,
                    Mailer::Roundcube,
                    Mailer::Gmail,
                ])
            };
            let reply_to = rng
                .chance(60)
                .then(|| format!("{}@{}", local.replace('.', "_"), rng.pick(lang.domains)));
            let first_name = name.split(' ').next().unwrap_or(name);
            let signature = match rng.below(6) {
                0 => Some(lang.from_phone.to_string()),
                1 => Some(format!(
                    "--\n{name}\nTel. +{} {} {} {}",
                    rng.pick(&[372u64, 7, 44, 49]),
                    rng.range(500, 599),
                    rng.range(100, 999),
                    rng.range(1000, 9999)
                )),
                2 if lang.code == "de" => Some(format!(
                    "--\n{name}\nMüller & Söhne GmbH · Leopoldstraße 12 · 80802 München\nGeschäftsführer: Hans Müller · Amtsgericht München HRB 123456\n\nDiese E-Mail enthält vertrauliche Informationen. Wenn Sie nicht der richtige Adressat sind oder diese E-Mail irrtümlich erhalten haben, informieren Sie bitte sofort den Absender und vernichten Sie diese E-Mail. Das unerlaubte Kopieren sowie die unbefugte Weitergabe dieser Mail ist nicht gestattet."
                )),
                3 => Some(first_name.to_string()),
                _ => None,
            };
            customers.push(Customer {
                lang,
                name,
                email,
                mailer,
                reply_to,
                crlf: matches!(mailer, Mailer::Outlook) || rng.chance(100),
                signature,
            });
        }
        Generator {
            rng,
            now: EPOCH,
            index: 0,
            customers,
            threads: Vec::new(),
            new_requests: 0,
            recent: VecDeque::new(),
        }
    }

    fn pick_kind(&mut self) -> Kind {
        let mut roll = self.rng.below(1000);
        let mut kind = Kind::NewRequest;
        for (k, weight) in MIX {
            if roll < weight {
                kind = k;
                break;
            }
            roll -= weight;
        }
        let has_open = self.threads.iter().any(|t| !t.closed);
        match kind {
            Kind::Reply | Kind::Thanks | Kind::Resend if !has_open => Kind::NewRequest,
            Kind::AutoReply | Kind::Bounce if self.threads.is_empty() => Kind::NewRequest,
            Kind::Redelivery if self.recent.is_empty() => Kind::NewRequest,
            k => k,
        }
    }

    fn message_id(&self, rng: &mut Rng, c: &Customer) -> String {
        let domain = c.email.split('@').nth(1).unwrap_or("example.com");
        match c.mailer {
            Mailer::Gmail => format!("<CA{}+{}@mail.gmail.com>", rng.alnum(6), rng.alnum(40)),
            Mailer::Outlook => {
                let host = format!(
                    "AM{}PR{:02}MB{}",
                    rng.range(0, 9),
                    rng.range(1, 9),
                    rng.range(1000, 9999)
                );
                format!(
                    "<{host}{}@{host}.eurprd0{}.prod.outlook.com>",
                    rng.alnum(16).to_uppercase(),
                    rng.range(1, 9)
                )
            }
            Mailer::Thunderbird => format!("<{}@{domain}>", uuid(rng)),
            Mailer::AppleMail => format!("<{}@{domain}>", uuid(rng).to_uppercase()),
            Mailer::Roundcube => format!("<{}@{domain}>", rng.hex(32)),
            Mailer::TheBat => format!(
                "<{}.{}@{domain}>",
                rng.range(1_000_000_000, 1_999_999_999),
                rng.range(10_000, 99_999)
            ),
        }
    }

    fn content(&self, rng: &mut Rng, c: &Customer, text: String, may_attach: bool) -> Content {
        let charset = match (c.lang.code, c.mailer) {
            ("ru", Mailer::TheBat) => Charset::Windows1251,
            ("ru", _) => match rng.below(100) {
                0..=24 => Charset::Windows1251,
                25..=36 => Charset::Koi8R,
                _ => Charset::Utf8,
            },
            _ if rng.chance(200) => Charset::Latin1,
            _ => Charset::Utf8,
        };
        let layout = match (c.mailer, rng.below(100)) {
            (Mailer::TheBat, _) => Layout::Plain,
            (Mailer::Outlook | Mailer::Gmail | Mailer::AppleMail, 0..=54) => Layout::Alternative,
            (_, 0..=9) => Layout::HtmlOnly,
            (_, 10..=34) => Layout::Alternative,
            _ => Layout::Plain,
        };
        let transfer = match rng.below(100) {
            0..=44 => TransferEncoding::Raw,
            45..=79 => TransferEncoding::QuotedPrintable,
            _ => TransferEncoding::Base64,
        };
        let mut attachments = Vec::new();
        if may_attach && rng.chance(120) {
            attachments.push(self.attachment(rng, c));
        }
        Content {
            text,
            layout,
            html_style: if matches!(c.mailer, Mailer::Outlook) {
                HtmlStyle::Outlook
            } else {
                HtmlStyle::Simple
            },
            charset,
            transfer,
            attachments,
            lang: c.lang.code,
        }
    }

    fn attachment(&self, rng: &mut Rng, c: &Customer) -> Attachment {
        match rng.below(3) {
            0 => {
                let side = rng.range(32, 80) as u32;
                let (a, b) = (rng.range(1, 7) as u32, rng.range(1, 7) as u32);
                let data = png(side, side, move |x, y| ((x * a + y * b) % 256) as u8);
                let file_name = match c.lang.code {
                    "et" => "ekraanipilt.png",
                    "ru" => "скриншот.png",
                    "de" => "Bildschirmfoto.png",
                    _ => "screenshot.png",
                };
                Attachment {
                    file_name: file_name.to_string(),
                    content_type: "image/png",
                    data,
                }
            }
            1 => {
                let mut log = String::new();
                let mut t = self.now - 3600;
                for _ in 0..rng.range(15, 60) {
                    t += rng.range(1, 90) as i64;
                    log.push_str(&format!(
                        "{} {} [{}] {}\n",
                        short_date(t, 0),
                        t % 86_400,
                        rng.pick(&["INFO", "WARN", "ERROR", "DEBUG"]),
                        rng.pick(&[
                            "checkout: payment intent created",
                            "checkout: 502 Bad Gateway from payment provider",
                            "auth: token refresh failed (401)",
                            "ui: rendering basket, 3 items",
                            "net: request timed out after 30000 ms",
                        ])
                    ));
                }
                Attachment {
                    file_name: "app-log.txt".to_string(),
                    content_type: "text/plain",
                    data: log.into_bytes(),
                }
            }
            _ => {
                let mut pdf = String::from(
                    "%PDF-1.4\n%\u{e2}\u{e3}\u{cf}\u{d3}\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\nendobj\n4 0 obj\n<< /Length 0 >>\nstream\nBT /F1 11 Tf 72 770 Td (Invoice) Tj ET\n",
                );
                for line in 0..rng.range(20, 80) {
                    pdf.push_str(&format!(
                        "BT 72 {} Td (Item {} .... {}.{:02} EUR) Tj ET\n",
                        750 - line * 8,
                        line + 1,
                        rng.range(1, 300),
                        rng.range(0, 99)
                    ));
                }
                pdf.push_str("endstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
                let data = pdf.chars().map(|ch| ch as u32 as u8).collect();
                Attachment {
                    file_name: "invoice.pdf".to_string(),
                    content_type: "application/pdf",
                    data,
                }
            }
        }
    }

    fn received(&self, rng: &mut Rng, c: &Customer, at: i64) -> Vec<(String, String)> {
        let domain = c.email.split('@').nth(1).unwrap_or("example.com");
        let (host, inner) = match c.mailer {
            Mailer::Gmail => (
                format!(
                    "mail-{}{}.google.com",
                    rng.pick(&["wr1", "ej1", "lf1", "ed1"]),
                    rng.range(1, 99)
                ),
                "by 2002:a05:6000:1:b0:38f with SMTP id".to_string(),
            ),
            Mailer::Outlook => (
                format!(
                    "EUR0{}-{}-obe.outbound.protection.outlook.com",
                    rng.range(1, 5),
                    rng.pick(&["AM6", "DB8", "VI1", "HE1"])
                ),
                "by AM0PR07MB4531.eurprd07.prod.outlook.com with Microsoft SMTP Server id"
                    .to_string(),
            ),
            _ => (
                format!("{}.{domain}", rng.pick(&["smtp", "mx", "mail", "out"])),
                format!("by {domain} (Postfix, from userid 1000) id"),
            ),
        };
        let ipaddr = ip(rng);
        vec![
            ("Delivered-To".to_string(), HELPDESK.to_string()),
            ("Return-Path".to_string(), format!("<{}>", c.email)),
            (
                "Received".to_string(),
                format!(
                    "from {host} ({host} [{ipaddr}])\n\tby mx1.{HELPDESK_DOMAIN} (Postfix) with ESMTPS id {}\n\tfor <{HELPDESK}>; {}",
                    rng.alnum(10).to_uppercase(),
                    rfc5322_date(at + rng.range(1, 4) as i64, 0)
                ),
            ),
            (
                "Received".to_string(),
                format!(
                    "{inner} {}\n\t{}",
                    rng.alnum(12).to_lowercase(),
                    rfc5322_date(at, c.lang.offset_minutes)
                ),
            ),
        ]
    }

    fn dkim(&self, rng: &mut Rng, c: &Customer, at: i64) -> Option<(String, String)> {
        let d = match c.mailer {
            Mailer::Gmail => "gmail.com",
            Mailer::Outlook => "outlook.com",
            _ if rng.chance(500) => c.email.split('@').nth(1).unwrap_or("example.com"),
            _ => return None,
        };
        let sig = encode::base64(&rng.bytes(256));
        let folded: Vec<String> = sig
            .as_bytes()
            .chunks(70)
            .map(|l| String::from_utf8_lossy(l).into_owned())
            .collect();
        Some((
            "DKIM-Signature".to_string(),
            format!(
                "v=1; a=rsa-sha256; c=relaxed/relaxed;\n        d={d}; s=20230601; t={at}; x={}; darn={HELPDESK_DOMAIN};\n        h=to:subject:message-id:date:from:mime-version:from:to:cc:subject\n         :date:message-id:reply-to;\n        bh={}=;\n        b={}",
                at + 604_800,
                &encode::base64(&rng.bytes(32))[..43],
                folded.join("\n         ")
            ),
        ))
    }

    fn mailer_header(c: &Customer) -> Option<(String, String)> {
        let (k, v) = match c.mailer {
            Mailer::Gmail => return None,
            Mailer::Outlook => ("X-Mailer", "Microsoft Outlook 16.0"),
            Mailer::Thunderbird => ("User-Agent", "Mozilla Thunderbird 128.3.0"),
            Mailer::AppleMail => ("X-Mailer", "Apple Mail (2.3774.600.62)"),
            Mailer::Roundcube => ("User-Agent", "Roundcube Webmail/1.6.9"),
            Mailer::TheBat => ("X-Mailer", "The Bat! (v10.5.3) Professional"),
        };
        Some((k.to_string(), v.to_string()))
    }

    /// Assemble a customer's mail.
    #[allow(clippy::too_many_arguments)]
    fn customer_mail(
        &self,
        rng: &mut Rng,
        c: &Customer,
        message_id: &str,
        subject: &str,
        content: &Content,
        threading: Option<(&str, &[String])>,
        extra: &[(String, String)],
        at: i64,
    ) -> Vec<u8> {
        let mut headers = self.received(rng, c, at);
        if let Some(d) = self.dkim(rng, c, at) {
            headers.push(d);
        }
        let q = rng.chance(300);
        headers.push(("MIME-Version".to_string(), "1.0".to_string()));
        headers.push(("Date".to_string(), rfc5322_date(at, c.lang.offset_minutes)));
        headers.push(("Message-ID".to_string(), message_id.to_string()));
        headers.push((
            "From".to_string(),
            display_address(c.name, &c.email, content.charset, q),
        ));
        headers.push(("To".to_string(), format!("Kindly Support <{HELPDESK}>")));
        if let Some(r) = &c.reply_to {
            headers.push(("Reply-To".to_string(), r.clone()));
        }
        headers.push((
            "Subject".to_string(),
            encoded_words(subject, content.charset, q),
        ));
        if let Some((in_reply_to, references)) = threading {
            headers.push(("In-Reply-To".to_string(), in_reply_to.to_string()));
            headers.push(("References".to_string(), references.join("\n ")));
        }
        headers.extend(extra.iter().cloned());
        if let Some(m) = Self::mailer_header(c) {
            headers.push(m);
        }
        let body = mime::render(content, rng);
        headers.extend(body.headers);
        let mut text = String::with_capacity(4096 + body.body.len());
        for (k, v) in &headers {
            text.push_str(k);
            text.push_str(": ");
            text.push_str(v);
            text.push('\n');
        }
        text.push('\n');
        text.push_str(&body.body);
        into_bytes(&text, c.crlf)
    }

    fn signed(&self, rng: &mut Rng, c: &Customer, mut text: String) -> String {
        text.push_str("\n\n");
        text.push_str(rng.pick(c.lang.closings));
        text.push('\n');
        text.push_str(c.name.split(' ').next().unwrap_or(c.name));
        if let Some(s) = &c.signature {
            text.push_str("\n\n");
            text.push_str(s);
        }
        text
    }

    fn new_request(&mut self, rng: &mut Rng) -> Mail {
        let ci = self.rng.index(self.customers.len());
        let c = self.customers[ci].clone();
        let ti = rng.index(c.lang.topics.len());
        let topic = &c.lang.topics[ti];
        let order = if rng.chance(300) {
            format!("#{}", rng.range(100_000, 999_999))
        } else {
            format!(
                "{}-{}",
                rng.pick(&["ORD", "KL", "A"]),
                rng.range(1_000_000, 9_999_999)
            )
        };
        let invoice = format!("INV-2025-{:05}", rng.range(1, 99_999));
        let cents = rng.range(0, 99);
        let euros = rng.range(9, 480);
        let amount = if c.lang.code == "en" {
            format!("{euros}.{cents:02}")
        } else {
            format!("{euros},{cents:02}")
        };
        let days = rng.range(4, 16);
        let f = |t: &str| fill(t, &order, &invoice, days, &amount);
        let angry = rng.chance(120);
        let mut subject = f(rng.pick(topic.subjects));
        if angry && rng.chance(400) {
            subject = format!("{}!!!", subject.to_uppercase());
        }
        let mut paragraphs = vec![rng.pick(c.lang.greetings).to_string()];
        let mut problem = f(rng.pick(topic.problems));
        if angry {
            problem.push(' ');
            problem.push_str(rng.pick(c.lang.angry));
        }
        paragraphs.push(problem);
        let mut detail = f(rng.pick(topic.details));
        if rng.chance(500) {
            let other = f(rng.pick(topic.details));
            if other != detail {
                detail.push(' ');
                detail.push_str(&other);
            }
        }
        paragraphs.push(detail);
        if angry && rng.chance(500) {
            paragraphs.push(rng.pick(c.lang.angry).to_string());
        }
        paragraphs.push(f(rng.pick(topic.asks)));
        let text = self.signed(rng, &c, paragraphs.join("\n\n"));
        let content = self.content(rng, &c, text.clone(), true);
        let message_id = self.message_id(rng, &c);
        let bytes = self.customer_mail(
            rng,
            &c,
            &message_id,
            &subject,
            &content,
            None,
            &[],
            self.now,
        );
        self.new_requests += 1;
        self.threads.push(Thread {
            customer: ci,
            topic: ti,
            subject: subject.clone(),
            first: content,
            angry,
            ids: vec![message_id.clone()],
            ack_id: format!("<{}.{}@{HELPDESK_DOMAIN}>", rng.hex(16), self.new_requests),
            last_text: text,
            last_date: self.now,
            ticket_guess: self.new_requests,
            closed: false,
        });
        Mail {
            kind: Kind::NewRequest,
            language: Some(c.lang.code),
            message_id,
            angry,
            topic: Some(topic.name),
            bytes,
        }
    }

    fn open_thread(&mut self) -> usize {
        let open: Vec<usize> = (0..self.threads.len())
            .filter(|&i| !self.threads[i].closed)
            .collect();
        // Prefer recent threads: most replies come within days.
        let recent = open.len().min(200);
        open[open.len() - 1 - self.rng.index(recent)]
    }

    fn reply(&mut self, rng: &mut Rng, thanks: bool) -> Mail {
        let ti = self.open_thread();
        let t = self.threads[ti].clone();
        let c = self.customers[t.customer].clone();
        let order = format!(
            "{}-{}",
            rng.pick(&["ORD", "KL", "A"]),
            rng.range(1_000_000, 9_999_999)
        );
        let angry = !thanks && (t.angry && rng.chance(500) || rng.chance(150));
        let mut own = if thanks {
            rng.pick(c.lang.thanks).to_string()
        } else {
            fill(rng.pick(c.lang.follow_ups), &order, "", 0, "")
        };
        if angry {
            own.push_str("\n\n");
            own.push_str(rng.pick(c.lang.angry));
        }
        let own = self.signed(rng, &c, own);
        let quote_header = c
            .lang
            .quote_header
            .replace("{date}", &short_date(t.last_date, c.lang.offset_minutes))
            .replace("{name}", &format!("{} <{}>", c.name, c.email));
        let quoted: String = t
            .last_text
            .lines()
            .take(40)
            .map(|l| {
                if l.is_empty() {
                    ">".to_string()
                } else {
                    format!("> {l}")
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        let text = format!("{own}\n\n{quote_header}\n{quoted}");
        let content = self.content(rng, &c, text.clone(), !thanks);
        let message_id = self.message_id(rng, &c);
        let prefix = rng.pick(c.lang.reply_prefixes);
        let subject = if rng.chance(400) {
            format!("{prefix}{} [#{}]", t.subject, t.ticket_guess)
        } else {
            format!("{prefix}{}", t.subject)
        };
        // Half answer our acknowledgement (whose Message-ID we cannot know: a plausible one, not
        // in the store), half answer their own last mail. References always carry the chain.
        let (in_reply_to, mut references) = if rng.chance(500) {
            let mut refs = t.ids.clone();
            refs.push(t.ack_id.clone());
            (t.ack_id.clone(), refs)
        } else {
            (t.ids.last().cloned().unwrap_or_default(), t.ids.clone())
        };
        if references.len() > 12 {
            references.drain(1..references.len() - 11);
        }
        let bytes = self.customer_mail(
            rng,
            &c,
            &message_id,
            &subject,
            &content,
            Some((&in_reply_to, &references)),
            &[],
            self.now,
        );
        let thread = &mut self.threads[ti];
        thread.ids.push(message_id.clone());
        thread.last_text = text;
        thread.last_date = self.now;
        thread.closed = thanks;
        let topic = c.lang.topics[t.topic].name;
        Mail {
            kind: if thanks { Kind::Thanks } else { Kind::Reply },
            language: Some(c.lang.code),
            message_id,
            angry,
            topic: Some(topic),
            bytes,
        }
    }

    fn resend(&mut self, rng: &mut Rng) -> Mail {
        let ti = self.open_thread();
        let t = self.threads[ti].clone();
        let c = self.customers[t.customer].clone();
        let message_id = self.message_id(rng, &c);
        let bytes = self.customer_mail(
            rng,
            &c,
            &message_id,
            &t.subject,
            &t.first,
            None,
            &[],
            self.now,
        );
        self.threads[ti].ids.push(message_id.clone());
        Mail {
            kind: Kind::Resend,
            language: Some(c.lang.code),
            message_id,
            angry: t.angry,
            topic: Some(c.lang.topics[t.topic].name),
            bytes,
        }
    }

    fn auto_reply(&mut self, rng: &mut Rng) -> Mail {
        let ti = self.rng.index(self.threads.len());
        let t = self.threads[ti].clone();
        let c = self.customers[t.customer].clone();
        let (colleague, colleague_local) = rng.pick(c.lang.names);
        let domain = c.email.split('@').nth(1).unwrap_or("example.com");
        let text = c
            .lang
            .out_of_office
            .replace(
                "{date}",
                &short_date(
                    self.now + rng.range(2, 21) as i64 * 86_400,
                    c.lang.offset_minutes,
                ),
            )
            .replace(
                "{colleague}",
                &format!("{colleague} ({colleague_local}@{domain})"),
            );
        let mut content = self.content(rng, &c, text, false);
        content.layout = if matches!(c.mailer, Mailer::Outlook) {
            Layout::Alternative
        } else {
            Layout::Plain
        };
        let subject = format!(
            "{}Re: {} [#{}]",
            c.lang.auto_reply_subject, t.subject, t.ticket_guess
        );
        let message_id = self.message_id(rng, &c);
        let mut extra = vec![("Auto-Submitted".to_string(), "auto-replied".to_string())];
        match c.mailer {
            Mailer::Outlook => {
                extra.push(("X-Auto-Response-Suppress".to_string(), "All".to_string()));
                extra.push((
                    "X-MS-Exchange-Inbox-Rules-Loop".to_string(),
                    c.email.clone(),
                ));
            }
            Mailer::Gmail => {}
            _ => {
                extra.push(("X-Autoreply".to_string(), "yes".to_string()));
                extra.push(("Precedence".to_string(), "auto_reply".to_string()));
            }
        }
        let refs = vec![t.ack_id.clone()];
        let mut c_no_reply = c.clone();
        c_no_reply.reply_to = None;
        let bytes = self.customer_mail(
            rng,
            &c_no_reply,
            &message_id,
            &subject,
            &content,
            Some((&t.ack_id, &refs)),
            &extra,
            self.now,
        );
        Mail {
            kind: Kind::AutoReply,
            language: Some(c.lang.code),
            message_id,
            angry: false,
            topic: None,
            bytes,
        }
    }

    fn bounce(&mut self, rng: &mut Rng) -> Mail {
        let ti = self.rng.index(self.threads.len());
        let t = self.threads[ti].clone();
        let c = &self.customers[t.customer];
        let reporting = format!("mail.{HELPDESK_DOMAIN}");
        let queue_id = rng.alnum(10).to_uppercase();
        let message_id = format!(
            "<20250303{}.{queue_id}@{reporting}>",
            rng.range(100_000, 999_999)
        );
        let boundary = format!("{queue_id}.{}/{reporting}", self.now);
        let recipient_domain = c.email.split('@').nth(1).unwrap_or("example.com");
        let remote = format!("mx{}.{recipient_domain}", rng.range(1, 3));
        let (status, diagnostic) = match rng.below(3) {
            0 => (
                "5.1.1",
                format!(
                    "550 5.1.1 <{}>: Recipient address rejected: User unknown in virtual mailbox table",
                    c.email
                ),
            ),
            1 => (
                "5.2.2",
                format!("552 5.2.2 <{}>: Mailbox full, quota exceeded", c.email),
            ),
            _ => (
                "5.7.1",
                "550 5.7.1 Message rejected as spam by Content Filtering".to_string(),
            ),
        };
        let date = rfc5322_date(self.now, 0);
        let ack_date = rfc5322_date(self.now - rng.range(5, 600) as i64, 0);
        let text = format!(
            "Return-Path: <>\n\
Received: by {reporting} (Postfix)\n\tid {queue_id}; {date}\n\
Date: {date}\n\
From: MAILER-DAEMON@{reporting} (Mail Delivery System)\n\
Subject: Undelivered Mail Returned to Sender\n\
To: {HELPDESK}\n\
Auto-Submitted: auto-replied\n\
MIME-Version: 1.0\n\
Content-Type: multipart/report; report-type=delivery-status;\n\tboundary=\"{boundary}\"\n\
Content-Transfer-Encoding: 8bit\n\
Message-Id: {message_id}\n\
\n\
This is a MIME-encapsulated message.\n\
\n\
--{boundary}\n\
Content-Description: Notification\n\
Content-Type: text/plain; charset=us-ascii\n\
\n\
This is the mail system at host {reporting}.\n\
\n\
I'm sorry to have to inform you that your message could not\n\
be delivered to one or more recipients. It's attached below.\n\
\n\
For further assistance, please send mail to postmaster.\n\
\n\
If you do so, please include this problem report. You can\n\
delete your own text from the attached returned message.\n\
\n\
                   The mail system\n\
\n\
<{email}>: host {remote}[{ipaddr}] said: {diagnostic} (in reply to RCPT TO command)\n\
\n\
--{boundary}\n\
Content-Description: Delivery report\n\
Content-Type: message/delivery-status\n\
\n\
Reporting-MTA: dns; {reporting}\n\
X-Postfix-Queue-ID: {queue_id}\n\
X-Postfix-Sender: rfc822; {HELPDESK}\n\
Arrival-Date: {ack_date}\n\
\n\
Final-Recipient: rfc822; {email}\n\
Original-Recipient: rfc822;{email}\n\
Action: failed\n\
Status: {status}\n\
Remote-MTA: dns; {remote}\n\
Diagnostic-Code: smtp; {diagnostic}\n\
\n\
--{boundary}\n\
Content-Description: Undelivered Message Headers\n\
Content-Type: text/rfc822-headers\n\
\n\
Return-Path: <{HELPDESK}>\n\
Received: from localhost (localhost [127.0.0.1])\n\tby {reporting} (Postfix) with ESMTP id {queue_id}\n\tfor <{email}>; {ack_date}\n\
Date: {ack_date}\n\
From: Kindly Support <{HELPDESK}>\n\
To: {email}\n\
Subject: Re: [#{ticket}]\n\
Message-ID: {ack_id}\n\
In-Reply-To: {first}\n\
Auto-Submitted: auto-replied\n\
MIME-Version: 1.0\n\
Content-Type: text/plain; charset=utf-8\n\
\n\
--{boundary}--\n",
            email = c.email,
            ipaddr = ip(rng),
            ticket = t.ticket_guess,
            ack_id = t.ack_id,
            first = t.ids.first().cloned().unwrap_or_default(),
        );
        Mail {
            kind: Kind::Bounce,
            language: None,
            message_id,
            angry: false,
            topic: None,
            bytes: into_bytes(&text, false),
        }
    }

    fn newsletter(&mut self, rng: &mut Rng) -> Mail {
        let lang = rng.pick(&LANGUAGES);
        let (brand, domain) = rng.pick(&[
            ("Jooksupood", "jooksupood.ee"),
            ("Nordic Sport", "nordicsport.com"),
            ("Baltic Books", "balticbooks.eu"),
            ("Hansa Elektroonika", "hansa-elektroonika.ee"),
        ]);
        let subject = rng.pick(lang.newsletter_subjects).to_string();
        let mut text = format!("{subject}\n\n");
        let items = rng.range(4, 14);
        for i in 0..items {
            text.push_str(rng.pick(lang.newsletter_lines));
            text.push_str(&format!(" https://www.{domain}/p/{}?utm_source=newsletter&utm_medium=email&utm_campaign=w{}\n\n", rng.range(10_000, 99_999), i + 10));
        }
        text.push_str(lang.unsubscribe);
        text.push_str(&format!(
            " https://www.{domain}/unsubscribe?u={}\n",
            rng.hex(24)
        ));
        let mut html = format!(
            "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>{subject}</title></head>\n<body style=\"margin:0;padding:0;background:#f4f4f4\">\n<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr><td align=\"center\">\n<table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"background:#ffffff;font-family:Arial,Helvetica,sans-serif\">\n",
            lang.code
        );
        for (i, para) in text.split("\n\n").enumerate() {
            html.push_str(&format!(
                "<tr><td style=\"padding:16px 24px;font-size:15px;line-height:22px;color:#333333\"><img src=\"https://cdn.{domain}/img/{}.jpg\" width=\"552\" alt=\"\" style=\"display:block;border:0\"><p style=\"margin:12px 0 0 0\">{}</p><a href=\"https://www.{domain}/c/{}\" style=\"display:inline-block;padding:10px 18px;background:#e4002b;color:#ffffff;text-decoration:none;border-radius:4px\">&rarr;</a></td></tr>\n",
                rng.hex(12),
                para.replace('&', "&amp;").replace('<', "&lt;"),
                i
            ));
        }
        html.push_str("</table></td></tr></table>\n</body></html>\n");
        let message_id = format!(
            "<{}.{}@mail.{domain}>",
            rng.range(1_000_000_000, 9_999_999_999),
            rng.hex(20)
        );
        let b = format!("=_{}", rng.hex(28));
        let at = self.now;
        let html_base64 = rng.chance(500);
        let head = format!(
            "Delivered-To: {HELPDESK}\n\
Return-Path: <bounce-{bounce}@mail.{domain}>\n\
Received: from mail.{domain} (mail.{domain} [{ipaddr}])\n\tby mx1.{HELPDESK_DOMAIN} (Postfix) with ESMTPS id {qid}\n\tfor <{HELPDESK}>; {date}\n\
MIME-Version: 1.0\n\
Date: {date}\n\
Message-ID: {message_id}\n\
From: {from}\n\
To: {HELPDESK}\n\
Subject: {subj}\n\
List-Id: {brand} news <news.{domain}>\n\
List-Unsubscribe: <https://www.{domain}/unsubscribe?u={u}>, <mailto:unsubscribe@{domain}?subject=unsubscribe>\n\
List-Unsubscribe-Post: List-Unsubscribe=One-Click\n\
Precedence: bulk\n\
Feedback-ID: {fid}:newsletter:{domain}\n\
X-Mailer: {mailer}\n\
Content-Type: multipart/alternative; boundary=\"{b}\"\n\
\n\
--{b}\n\
Content-Type: text/plain; charset=utf-8\n\
Content-Transfer-Encoding: quoted-printable\n\
\n\
{plain}\n\
--{b}\n\
Content-Type: text/html; charset=utf-8\n\
Content-Transfer-Encoding: {html_cte}\n\
\n\
{html_body}\n\
--{b}--\n",
            bounce = rng.hex(16),
            ipaddr = ip(rng),
            qid = rng.alnum(10).to_uppercase(),
            date = rfc5322_date(at, lang.offset_minutes),
            from = display_address(brand, &format!("news@{domain}"), Charset::Utf8, false),
            subj = encoded_words(&subject, Charset::Utf8, rng.chance(500)),
            u = rng.hex(24),
            fid = rng.range(1000, 9999),
            mailer = rng.pick(&[
                "Mailchimp Mailer - **CID4f1b6c**",
                "Sendinblue",
                "phpList 3.6.15"
            ]),
            plain = encode::quoted_printable(text.as_bytes()),
            html_cte = if html_base64 {
                "base64"
            } else {
                "quoted-printable"
            },
            html_body = if html_base64 {
                encode::base64_body(html.as_bytes())
            } else {
                encode::quoted_printable(html.as_bytes())
            },
        );
        Mail {
            kind: Kind::Newsletter,
            language: Some(lang.code),
            message_id,
            angry: false,
            topic: None,
            bytes: into_bytes(&head, false),
        }
    }

    fn redelivery(&mut self, rng: &mut Rng) -> Mail {
        let i = self.rng.index(self.recent.len());
        let mut m = self.recent[i].clone();
        let crlf = m.bytes.windows(2).any(|w| w == b"\r\n");
        let nl = if crlf { "\r\n" } else { "\n" };
        let hop = format!(
            "Received: from mx2.{HELPDESK_DOMAIN} (mx2.{HELPDESK_DOMAIN} [10.0.0.{}]){nl}\tby mx1.{HELPDESK_DOMAIN} (Postfix) with ESMTP id {}{nl}\tfor <{HELPDESK}>; {}{nl}",
            rng.range(2, 250),
            rng.alnum(10).to_uppercase(),
            rfc5322_date(self.now, 0)
        );
        let mut bytes = hop.into_bytes();
        bytes.extend_from_slice(&m.bytes);
        m.bytes = bytes;
        m.kind = Kind::Redelivery;
        m
    }
}

impl Iterator for Generator {
    type Item = Mail;

    fn next(&mut self) -> Option<Mail> {
        self.index += 1;
        // Busy hours: a mail every few seconds to a few minutes.
        self.now += self.rng.range(5, 240) as i64;
        let kind = self.pick_kind();
        let mut rng = self.rng.fork(self.index as u64);
        let mail = match kind {
            Kind::NewRequest => self.new_request(&mut rng),
            Kind::Reply => self.reply(&mut rng, false),
            Kind::Thanks => self.reply(&mut rng, true),
            Kind::Resend => self.resend(&mut rng),
            Kind::AutoReply => self.auto_reply(&mut rng),
            Kind::Bounce => self.bounce(&mut rng),
            Kind::Newsletter => self.newsletter(&mut rng),
            Kind::Redelivery => self.redelivery(&mut rng),
        };
        if matches!(
            mail.kind,
            Kind::NewRequest | Kind::Reply | Kind::Thanks | Kind::Resend
        ) {
            self.recent.push_back(mail.clone());
            if self.recent.len() > 64 {
                self.recent.pop_front();
            }
        }
        Some(mail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn mails(seed: u64, n: usize) -> Vec<Mail> {
        Generator::new(seed, n).take(n).collect()
    }

    #[test]
    fn same_seed_gives_identical_bytes() {
        let a = mails(7, 300);
        let b = mails(7, 300);
        assert!(a.iter().zip(&b).all(|(x, y)| x.bytes == y.bytes));
        let c = mails(8, 300);
        assert!(a.iter().zip(&c).any(|(x, y)| x.bytes != y.bytes));
    }

    #[test]
    fn mix_covers_every_kind_and_language() {
        let all = mails(1, 2000);
        let mut kinds: HashMap<&str, usize> = HashMap::new();
        for m in &all {
            *kinds.entry(m.kind.name()).or_default() += 1;
        }
        for (k, _) in MIX {
            assert!(
                kinds.get(k.name()).copied().unwrap_or(0) > 10,
                "{k}: {kinds:?}"
            );
        }
        for lang in ["et", "ru", "en", "de"] {
            assert!(
                all.iter()
                    .filter(|m| m.kind == Kind::NewRequest && m.language == Some(lang))
                    .count()
                    > 50,
                "{lang}"
            );
        }
        assert!(all.iter().filter(|m| m.angry).count() > 50);
    }

    #[test]
    fn message_ids_are_unique_except_redeliveries() {
        let all = mails(3, 3000);
        let mut seen = HashSet::new();
        for m in all.iter().filter(|m| m.kind != Kind::Redelivery) {
            assert!(
                seen.insert(m.message_id.clone()),
                "duplicate {}",
                m.message_id
            );
        }
        for m in all.iter().filter(|m| m.kind == Kind::Redelivery) {
            assert!(seen.contains(&m.message_id));
        }
    }

    fn header<'a>(text: &'a str, name: &str) -> Option<&'a str> {
        let head = text.split("\n\n").next().unwrap_or("");
        head.lines()
            .find(|l| {
                l.len() > name.len()
                    && l[..name.len()].eq_ignore_ascii_case(name)
                    && l[name.len()..].starts_with(':')
            })
            .map(|l| l[name.len() + 1..].trim())
    }

    #[test]
    fn mails_are_well_formed() {
        let all = mails(11, 2000);
        let mut charsets = HashSet::new();
        let mut encodings = HashSet::new();
        let mut sizes = Vec::new();
        for m in &all {
            let text: String = m
                .bytes
                .iter()
                .map(|&b| char::from(b))
                .collect::<String>()
                .replace("\r\n", "\n");
            assert_eq!(
                header(&text, "Message-ID").or(header(&text, "Message-Id")),
                Some(m.message_id.as_str())
            );
            assert!(header(&text, "Date").is_some() && header(&text, "From").is_some());
            for line in text.lines() {
                assert!(line.len() <= 998, "long line in {}", m.message_id);
            }
            let head = text.split("\n\n").next().unwrap_or("");
            assert!(head.is_ascii(), "8-bit header in {}", m.message_id);
            for cs in ["windows-1251", "koi8-r", "iso-8859-1", "utf-8"] {
                if text.contains(&format!("charset=\"{cs}\"")) {
                    charsets.insert(cs);
                }
            }
            for cte in ["quoted-printable", "base64", "8bit"] {
                if text.contains(&format!("Content-Transfer-Encoding: {cte}")) {
                    encodings.insert(cte);
                }
            }
            match m.kind {
                Kind::AutoReply => {
                    assert_eq!(header(&text, "Auto-Submitted"), Some("auto-replied"))
                }
                Kind::Newsletter => {
                    assert!(header(&text, "List-Id").is_some());
                    assert_eq!(header(&text, "Precedence"), Some("bulk"));
                }
                Kind::Bounce => {
                    assert!(text.contains("multipart/report; report-type=delivery-status"))
                }
                Kind::Reply | Kind::Thanks => {
                    assert!(
                        header(&text, "In-Reply-To").is_some()
                            && header(&text, "References").is_some()
                    )
                }
                _ => {}
            }
            sizes.push(m.bytes.len());
        }
        assert_eq!(charsets.len(), 4, "{charsets:?}");
        assert_eq!(encodings.len(), 3, "{encodings:?}");
        sizes.sort_unstable();
        let median = sizes[sizes.len() / 2];
        assert!((1000..=20_000).contains(&median), "median {median}");
        assert!(
            sizes[sizes.len() * 95 / 100] <= 40_000,
            "p95 {}",
            sizes[sizes.len() * 95 / 100]
        );
    }

    #[test]
    fn replies_reference_the_first_mail_of_their_thread() {
        let all = mails(5, 1500);
        let requests: HashSet<&str> = all
            .iter()
            .filter(|m| m.kind == Kind::NewRequest)
            .map(|m| m.message_id.as_str())
            .collect();
        for m in all.iter().filter(|m| m.kind == Kind::Reply) {
            let text = String::from_utf8_lossy(&m.bytes).replace("\r\n", "\n");
            let head = text.split("\n\n").next().unwrap_or("").replace("\n ", " ");
            let refs = head
                .lines()
                .find(|l| l.starts_with("References:"))
                .unwrap_or("");
            assert!(
                refs.split_whitespace().any(|id| requests.contains(id)),
                "{refs}"
            );
        }
    }
}
