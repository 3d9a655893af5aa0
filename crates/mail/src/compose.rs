//! Our outgoing mail: per-language templates an admin can override, the
//! promise written in the customer's words and time, and RFC 5322 rendering.

use std::collections::HashMap;
use std::time::{Duration, SystemTime};

use jiff::Timestamp;
use jiff::tz::{Offset, TimeZone};
use kindly_core::Lang;
use lettre::message::Mailbox;
use lettre::message::header::{ContentType, Header, HeaderName, HeaderValue};
use minijinja::{Environment, UndefinedBehavior, context};

use crate::threading::{header_safe, strip_subject};

/// Kinds of mail we write from templates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TemplateKind {
    /// The instant acknowledgement of a new request.
    Ack,
    /// "We have your message, it is part of request #N" after a repeat.
    StatusUpdate,
    /// "It is taking longer than we said: the new time" — sent once, before a
    /// promise would break.
    PromiseUpdate,
}

impl TemplateKind {
    pub const ALL: [TemplateKind; 3] = [
        TemplateKind::Ack,
        TemplateKind::StatusUpdate,
        TemplateKind::PromiseUpdate,
    ];

    /// Also the outbox `kind` and the template file stem.
    pub fn as_str(self) -> &'static str {
        match self {
            TemplateKind::Ack => "ack",
            TemplateKind::StatusUpdate => "status_update",
            TemplateKind::PromiseUpdate => "promise_update",
        }
    }

    /// Our own automatic mail carries `Auto-Submitted: auto-replied` (RFC 3834).
    pub fn is_automatic(self) -> bool {
        true
    }
}

fn builtin(kind: TemplateKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (TemplateKind::Ack, Lang::En) => include_str!("../templates/ack.en.txt"),
        (TemplateKind::Ack, Lang::Et) => include_str!("../templates/ack.et.txt"),
        (TemplateKind::Ack, Lang::Ru) => include_str!("../templates/ack.ru.txt"),
        (TemplateKind::Ack, Lang::De) => include_str!("../templates/ack.de.txt"),
        (TemplateKind::StatusUpdate, Lang::En) => include_str!("../templates/status_update.en.txt"),
        (TemplateKind::StatusUpdate, Lang::Et) => include_str!("../templates/status_update.et.txt"),
        (TemplateKind::StatusUpdate, Lang::Ru) => include_str!("../templates/status_update.ru.txt"),
        (TemplateKind::StatusUpdate, Lang::De) => include_str!("../templates/status_update.de.txt"),
        (TemplateKind::PromiseUpdate, Lang::En) => {
            include_str!("../templates/promise_update.en.txt")
        }
        (TemplateKind::PromiseUpdate, Lang::Et) => {
            include_str!("../templates/promise_update.et.txt")
        }
        (TemplateKind::PromiseUpdate, Lang::Ru) => {
            include_str!("../templates/promise_update.ru.txt")
        }
        (TemplateKind::PromiseUpdate, Lang::De) => {
            include_str!("../templates/promise_update.de.txt")
        }
    }
}

/// Template file name, e.g. `ack.et.txt`.
pub fn template_file_name(kind: TemplateKind, lang: Lang) -> String {
    format!("{}.{}.txt", kind.as_str(), lang.code())
}

#[derive(Debug, thiserror::Error)]
pub enum ComposeError {
    #[error("template {name}: {source}")]
    Template {
        name: String,
        source: minijinja::Error,
    },
    #[error("address {0:?} is not a valid e-mail address")]
    Address(String),
    #[error("building the message failed: {0}")]
    Build(String),
}

/// What every template may use.
#[derive(Clone, Debug)]
pub struct TemplateInput<'a> {
    pub ticket: i64,
    /// The customer's display name, if any.
    pub name: Option<&'a str>,
    /// The promise, already written for the customer (see [`format_promise`]).
    pub promised_by: &'a str,
    pub signature: &'a str,
    pub company: &'a str,
}

/// The template set: built-in texts, each replaceable by the admin.
#[derive(Debug)]
pub struct Templates {
    env: Environment<'static>,
    overridden: HashMap<String, bool>,
}

impl Templates {
    /// Built-in templates with `overrides` (file name → source) on top.
    /// An override with a syntax error or an unknown variable is refused here,
    /// at start-up, rather than when a customer is waiting.
    pub fn new(overrides: &[(String, String)]) -> Result<Self, ComposeError> {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        let mut overridden = HashMap::new();
        for kind in TemplateKind::ALL {
            for lang in Lang::ALL {
                let name = template_file_name(kind, lang);
                let src = overrides
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, s)| s.clone());
                overridden.insert(name.clone(), src.is_some());
                let src = src.unwrap_or_else(|| builtin(kind, lang).to_string());
                env.add_template_owned(name.clone(), src)
                    .map_err(|source| ComposeError::Template { name, source })?;
            }
        }
        let t = Templates { env, overridden };
        // Render every template once with sample values so mistakes show now.
        let sample = TemplateInput {
            ticket: 1,
            name: Some("Sample"),
            promised_by: "sample",
            signature: "sample",
            company: "sample",
        };
        for kind in TemplateKind::ALL {
            for lang in Lang::ALL {
                t.try_render(kind, lang, &sample)?;
            }
        }
        Ok(t)
    }

    /// Whether the admin replaced this template.
    pub fn is_overridden(&self, kind: TemplateKind, lang: Lang) -> bool {
        self.overridden
            .get(&template_file_name(kind, lang))
            .copied()
            .unwrap_or(false)
    }

    fn try_render(
        &self,
        kind: TemplateKind,
        lang: Lang,
        input: &TemplateInput<'_>,
    ) -> Result<String, ComposeError> {
        let name = template_file_name(kind, lang);
        let template = self
            .env
            .get_template(&name)
            .map_err(|source| ComposeError::Template {
                name: name.clone(),
                source,
            })?;
        template
            .render(context! {
                ticket => input.ticket,
                name => input.name.map(header_safe),
                promised_by => input.promised_by,
                signature => input.signature,
                company => input.company,
                state => state_phrase(kind, lang),
            })
            .map_err(|source| ComposeError::Template { name, source })
    }

    /// Renders a body. Templates were checked in [`Templates::new`]; should one
    /// still fail, the built-in text is used so the customer is never left without.
    pub fn render(&self, kind: TemplateKind, lang: Lang, input: &TemplateInput<'_>) -> String {
        self.try_render(kind, lang, input).unwrap_or_else(|_| {
            let env = Environment::new();
            env.render_str(
                builtin(kind, lang),
                context! {
                    ticket => input.ticket,
                    name => input.name.map(header_safe),
                    promised_by => input.promised_by,
                    signature => input.signature,
                    company => input.company,
                    state => state_phrase(kind, lang),
                },
            )
            .unwrap_or_default()
        })
    }
}

impl Default for Templates {
    fn default() -> Self {
        // The built-in templates are part of this crate and covered by tests
        // (`builtin_templates_render`), so building them cannot fail.
        #[allow(clippy::expect_used)]
        Templates::new(&[]).expect("built-in templates are valid")
    }
}

fn state_phrase(kind: TemplateKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (TemplateKind::Ack | TemplateKind::PromiseUpdate, _) => "",
        (TemplateKind::StatusUpdate, Lang::En) => "with our team and being worked on",
        (TemplateKind::StatusUpdate, Lang::Et) => "on meie meeskonna käes töös",
        (TemplateKind::StatusUpdate, Lang::Ru) => "уже находится в работе у нашей команды",
        (TemplateKind::StatusUpdate, Lang::De) => "bei unserem Team in Bearbeitung ist",
    }
}

/// The subject of our reply: `Re: <their subject without prefixes> [#N]`.
pub fn reply_subject(original: &str, ticket: i64, lang: Lang) -> String {
    let base = strip_subject(&header_safe(original));
    if base.is_empty() {
        let word = match lang {
            Lang::En => "Your request",
            Lang::Et => "Teie pöördumine",
            Lang::Ru => "Ваше обращение",
            Lang::De => "Ihr Anliegen",
        };
        format!("{word} [#{ticket}]")
    } else {
        format!("Re: {base} [#{ticket}]")
    }
}

const WEEKDAYS_EN: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const WEEKDAYS_ET: [&str; 7] = [
    "esmaspäeval",
    "teisipäeval",
    "kolmapäeval",
    "neljapäeval",
    "reedel",
    "laupäeval",
    "pühapäeval",
];
const WEEKDAYS_RU: [&str; 7] = [
    "понедельник",
    "вторник",
    "среда",
    "четверг",
    "пятница",
    "суббота",
    "воскресенье",
];
const WEEKDAYS_DE: [&str; 7] = [
    "Montag",
    "Dienstag",
    "Mittwoch",
    "Donnerstag",
    "Freitag",
    "Samstag",
    "Sonntag",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_ET: [&str; 12] = [
    "jaanuaril",
    "veebruaril",
    "märtsil",
    "aprillil",
    "mail",
    "juunil",
    "juulil",
    "augustil",
    "septembril",
    "oktoobril",
    "novembril",
    "detsembril",
];
const MONTHS_RU: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
const MONTHS_DE: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

/// The promise in the customer's language and time: the team's zone, named
/// ("Tallinn time"), unless the customer's Date: header shows another offset,
/// then theirs. Always states the UTC offset too.
pub fn format_promise(
    at: Timestamp,
    customer_offset_seconds: Option<i32>,
    team_tz: &TimeZone,
    team_tz_name: &str,
    lang: Lang,
) -> String {
    let team_offset = team_tz.to_offset(at).seconds();
    let (tz, named) = match customer_offset_seconds.and_then(|s| Offset::from_seconds(s).ok()) {
        Some(o) if o.seconds() != team_offset => (TimeZone::fixed(o), false),
        _ => (team_tz.clone(), true),
    };
    let z = at.to_zoned(tz);
    let wd = usize::try_from(z.weekday().to_monday_zero_offset()).unwrap_or(0) % 7;
    let mo = usize::try_from(z.month() - 1).unwrap_or(0) % 12;
    let (day, year, hh, mm) = (z.day(), z.year(), z.hour(), z.minute());
    let secs = z.offset().seconds();
    let sign = if secs < 0 { '-' } else { '+' };
    let utc = format!(
        "UTC{sign}{:02}:{:02}",
        secs.abs() / 3600,
        secs.abs() % 3600 / 60
    );
    let zone = match zone_words(team_tz_name, lang).filter(|_| named) {
        Some(words) => format!("{words}, {utc}"),
        None => utc,
    };
    match lang {
        Lang::En => format!(
            "{}, {day} {} {year}, {hh:02}:{mm:02} ({zone})",
            WEEKDAYS_EN[wd], MONTHS_EN[mo]
        ),
        Lang::Et => format!(
            "{}, {day}. {} {year} kell {hh:02}:{mm:02} ({zone})",
            WEEKDAYS_ET[wd], MONTHS_ET[mo]
        ),
        Lang::Ru => format!(
            "{day} {} {year} г. ({}), {hh:02}:{mm:02} ({zone})",
            MONTHS_RU[mo], WEEKDAYS_RU[wd]
        ),
        Lang::De => format!(
            "{}, {day}. {} {year}, um {hh:02}:{mm:02} Uhr ({zone})",
            WEEKDAYS_DE[wd], MONTHS_DE[mo]
        ),
    }
}

/// A time zone named the way a person says it: "Tallinn time", "Eesti aja
/// järgi", "по таллинскому времени", "Tallinner Zeit". Zones near our
/// customers have their idiomatic words; any other IANA zone is named by its
/// city in a form that needs no inflection. `None` for UTC and bare offsets.
fn zone_words(tz_name: &str, lang: Lang) -> Option<String> {
    let known: &[(&str, [&str; 4])] = &[
        // (zone, [en, et, ru, de])
        (
            "Europe/Tallinn",
            [
                "Tallinn time",
                "Eesti aja järgi",
                "по таллинскому времени",
                "Tallinner Zeit",
            ],
        ),
        (
            "Europe/Helsinki",
            [
                "Helsinki time",
                "Soome aja järgi",
                "по хельсинкскому времени",
                "Helsinkier Zeit",
            ],
        ),
        (
            "Europe/Riga",
            [
                "Riga time",
                "Läti aja järgi",
                "по рижскому времени",
                "Rigaer Zeit",
            ],
        ),
        (
            "Europe/Vilnius",
            [
                "Vilnius time",
                "Leedu aja järgi",
                "по вильнюсскому времени",
                "Vilniusser Zeit",
            ],
        ),
        (
            "Europe/Moscow",
            [
                "Moscow time",
                "Moskva aja järgi",
                "по московскому времени",
                "Moskauer Zeit",
            ],
        ),
        (
            "Europe/Berlin",
            [
                "Berlin time",
                "Saksamaa aja järgi",
                "по берлинскому времени",
                "Berliner Zeit",
            ],
        ),
    ];
    let i = match lang {
        Lang::En => 0,
        Lang::Et => 1,
        Lang::Ru => 2,
        Lang::De => 3,
    };
    if let Some((_, words)) = known.iter().find(|(z, _)| *z == tz_name) {
        return words.get(i).map(|w| (*w).to_string());
    }
    let city = tz_name
        .rsplit('/')
        .next()
        .unwrap_or(tz_name)
        .replace('_', " ");
    if !tz_name.contains('/') || city.is_empty() || tz_name.starts_with("Etc/") {
        return None;
    }
    Some(match lang {
        Lang::En => format!("{city} time"),
        Lang::Et => format!("ajavöönd {city}"),
        Lang::Ru => format!("время: {city}"),
        Lang::De => format!("Ortszeit {city}"),
    })
}

/// `Auto-Submitted: auto-replied` (RFC 3834).
#[derive(Clone)]
struct AutoSubmitted;

impl Header for AutoSubmitted {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("Auto-Submitted")
    }
    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(AutoSubmitted)
    }
    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "auto-replied".to_string())
    }
}

/// `X-Auto-Response-Suppress: All`: asks Exchange not to auto-reply to our auto-reply.
#[derive(Clone)]
struct AutoResponseSuppress;

impl Header for AutoResponseSuppress {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("X-Auto-Response-Suppress")
    }
    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(AutoResponseSuppress)
    }
    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "All".to_string())
    }
}

#[derive(Clone)]
struct ContentLanguage(String);

impl Header for ContentLanguage {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("Content-Language")
    }
    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ContentLanguage(s.to_string()))
    }
    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), self.0.clone())
    }
}

/// One outgoing mail, ready to render.
#[derive(Clone, Debug)]
pub struct Envelope<'a> {
    pub from_name: &'a str,
    pub from_address: &'a str,
    pub to: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
    pub message_id: &'a str,
    pub in_reply_to: Option<&'a str>,
    pub references: &'a [String],
    pub language: Option<&'a str>,
    pub date: Timestamp,
    /// RFC 3834 automatic response.
    pub auto_submitted: bool,
}

/// Builds the message (lettre encodes headers and body safely).
pub fn build_message(e: &Envelope<'_>) -> Result<lettre::Message, ComposeError> {
    let from_addr: lettre::Address = e
        .from_address
        .parse()
        .map_err(|_| ComposeError::Address(e.from_address.to_string()))?;
    let to_addr: lettre::Address =
        e.to.parse()
            .map_err(|_| ComposeError::Address(e.to.to_string()))?;
    let secs = u64::try_from(e.date.as_second()).unwrap_or(0);
    let mut b = lettre::Message::builder()
        .from(Mailbox::new(Some(header_safe(e.from_name)), from_addr))
        .to(Mailbox::new(None, to_addr))
        .subject(header_safe(e.subject))
        .date(SystemTime::UNIX_EPOCH + Duration::from_secs(secs))
        .message_id(Some(header_safe(e.message_id)));
    if let Some(irt) = e.in_reply_to {
        b = b.in_reply_to(header_safe(irt));
    }
    if !e.references.is_empty() {
        b = b.references(header_safe(&e.references.join(" ")));
    }
    if let Some(lang) = e.language {
        b = b.header(ContentLanguage(header_safe(lang)));
    }
    if e.auto_submitted {
        b = b.header(AutoSubmitted).header(AutoResponseSuppress);
    }
    b.header(ContentType::TEXT_PLAIN)
        .body(e.body.to_string())
        .map_err(|err| ComposeError::Build(err.to_string()))
}

/// The RFC 5322 bytes of one outgoing mail.
pub fn render_rfc5322(e: &Envelope<'_>) -> Result<Vec<u8>, ComposeError> {
    Ok(build_message(e)?.formatted())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> Timestamp {
        s.parse().expect("valid")
    }

    #[test]
    fn builtin_templates_render() {
        let t = Templates::default();
        for kind in TemplateKind::ALL {
            for lang in Lang::ALL {
                let body = t.render(
                    kind,
                    lang,
                    &TemplateInput {
                        ticket: 42,
                        name: Some("Mari"),
                        promised_by: "PROMISE",
                        signature: "SIG",
                        company: "ACME",
                    },
                );
                assert!(body.contains("#42"), "{kind:?} {lang:?}: {body}");
                assert!(body.contains("PROMISE"), "{kind:?} {lang:?}");
                assert!(body.contains("SIG"), "{kind:?} {lang:?}");
                assert!(body.contains("Mari"), "{kind:?} {lang:?}");
            }
        }
    }

    #[test]
    fn bad_override_is_refused_at_start() {
        let bad = vec![("ack.en.txt".to_string(), "Hi {{ tiket }}".to_string())];
        assert!(matches!(
            Templates::new(&bad),
            Err(ComposeError::Template { .. })
        ));
        let broken = vec![("ack.de.txt".to_string(), "Hallo {% if %}".to_string())];
        assert!(Templates::new(&broken).is_err());
        let good = vec![(
            "ack.en.txt".to_string(),
            "Ticket {{ ticket }} by {{ promised_by }}".to_string(),
        )];
        let t = Templates::new(&good).expect("valid override");
        assert!(t.is_overridden(TemplateKind::Ack, Lang::En));
        assert!(!t.is_overridden(TemplateKind::Ack, Lang::De));
    }

    #[test]
    fn promise_in_each_language_and_customer_offset() {
        let at = ts("2026-03-03T08:00:00Z");
        let name = "Europe/Tallinn";
        let tz = TimeZone::get(name).expect("tzdb");
        assert_eq!(
            format_promise(at, None, &tz, name, Lang::En),
            "Tuesday, 3 March 2026, 10:00 (Tallinn time, UTC+02:00)"
        );
        assert_eq!(
            format_promise(at, Some(3600), &tz, name, Lang::De),
            "Dienstag, 3. März 2026, um 09:00 Uhr (UTC+01:00)"
        );
        assert_eq!(
            format_promise(at, None, &tz, name, Lang::Et),
            "teisipäeval, 3. märtsil 2026 kell 10:00 (Eesti aja järgi, UTC+02:00)"
        );
        assert_eq!(
            format_promise(at, Some(3 * 3600), &tz, name, Lang::Ru),
            "3 марта 2026 г. (вторник), 11:00 (UTC+03:00)"
        );
        assert_eq!(
            format_promise(at, Some(-5 * 3600), &tz, name, Lang::En),
            "Tuesday, 3 March 2026, 03:00 (UTC-05:00)"
        );
        // The customer in the team's own offset: the zone keeps its name.
        assert_eq!(
            format_promise(at, Some(2 * 3600), &tz, name, Lang::Ru),
            "3 марта 2026 г. (вторник), 10:00 (по таллинскому времени, UTC+02:00)"
        );
    }

    #[test]
    fn promise_zone_named_across_dst_and_for_other_zones() {
        let name = "Europe/Tallinn";
        let tz = TimeZone::get(name).expect("tzdb");
        // After the spring change Tallinn is UTC+3; a customer whose mail said
        // +02:00 (sent before the change) still reads team time by name? No:
        // their offset differs at the promised instant, so theirs is used.
        let summer = ts("2026-03-30T08:00:00Z");
        assert_eq!(
            format_promise(summer, None, &tz, name, Lang::De),
            "Montag, 30. März 2026, um 11:00 Uhr (Tallinner Zeit, UTC+03:00)"
        );
        assert_eq!(
            format_promise(summer, Some(2 * 3600), &tz, name, Lang::En),
            "Monday, 30 March 2026, 10:00 (UTC+02:00)"
        );
        let lisbon = TimeZone::get("America/Sao_Paulo").expect("tzdb");
        assert_eq!(
            format_promise(summer, None, &lisbon, "America/Sao_Paulo", Lang::En),
            "Monday, 30 March 2026, 05:00 (Sao Paulo time, UTC-03:00)"
        );
        assert_eq!(
            format_promise(summer, None, &TimeZone::UTC, "UTC", Lang::Et),
            "esmaspäeval, 30. märtsil 2026 kell 08:00 (UTC+00:00)"
        );
    }

    #[test]
    fn reply_subjects() {
        assert_eq!(
            reply_subject("Re: Login fails", 7, Lang::En),
            "Re: Login fails [#7]"
        );
        assert_eq!(reply_subject("", 7, Lang::Et), "Teie pöördumine [#7]");
        assert_eq!(
            reply_subject("Hi\r\nBcc: evil@example.com", 7, Lang::En),
            "Re: Hi Bcc: evil@example.com [#7]"
        );
    }

    #[test]
    fn rendered_mail_is_threaded_automatic_and_injection_free() {
        let refs = vec!["<a@customer.example>".to_string()];
        let bytes = render_rfc5322(&Envelope {
            from_name: "ACME Support",
            from_address: "support@acme.example",
            to: "mari@example.ee",
            subject: "Re: Arve\r\nBcc: evil@example.com [#3]",
            body: "Tere!\n",
            message_id: "<kindly.ack.3.x@acme.example>",
            in_reply_to: Some("<a@customer.example>"),
            references: &refs,
            language: Some("et"),
            date: ts("2026-03-02T08:00:00Z"),
            auto_submitted: true,
        })
        .expect("renders");
        let text = String::from_utf8(bytes).expect("ascii headers");
        assert!(text.contains("Auto-Submitted: auto-replied\r\n"));
        assert!(text.contains("In-Reply-To: <a@customer.example>\r\n"));
        assert!(text.contains("References: <a@customer.example>\r\n"));
        assert!(text.contains("Message-ID: <kindly.ack.3.x@acme.example>\r\n"));
        assert!(!text.contains("\r\nBcc:"), "{text}");
        assert!(!text.contains("\nBcc:"), "{text}");
    }
}
