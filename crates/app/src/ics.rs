//! Team holidays imported from an iCalendar (`.ics`, RFC 5545) file, for business-hours maths.
//!
//! [`holidays_from_ics`] reads a calendar exported by a calendar app and lists the whole local
//! days off it describes within a range of dates. What counts as a day off:
//!
//! - Only `VEVENT`s count (to-dos, journals, alarms, time zone definitions are skipped). An event
//!   with `STATUS:CANCELLED` is not a day off. `TRANSP` is not read: every other event in a
//!   holiday calendar is a day off, including `TRANSP:TRANSPARENT` ("show as free") ones, since
//!   public-holiday calendars (Google's among them) mark every holiday transparent.
//! - An all-day event (`DTSTART;VALUE=DATE:20261224`, or a bare 8-digit date) gives its days:
//!   `DTEND` is exclusive, `DURATION:P3D` gives three days, neither gives one day. A `DTEND` equal
//!   to `DTSTART` (written by some old exporters) is read as one day.
//! - A timed event (`DTSTART:20261224T000000Z`, `DTSTART;TZID=Europe/Tallinn:…` or floating)
//!   gives each local date — in the event's own time zone, UTC for `Z` — that it covers from
//!   midnight to midnight. A two-hour meeting gives nothing; an event from 00:00 on 1 May to 00:00
//!   on 2 May gives 1 May. A timed event with neither `DTEND` nor `DURATION` lasts no time.
//! - Repeats: `RRULE` with `FREQ=YEARLY`, `MONTHLY`, `WEEKLY` or `DAILY`, `INTERVAL`, `COUNT`,
//!   `UNTIL`, `BYMONTH`, `BYMONTHDAY` (negative counts from the month's end), `BYDAY` (`MO`, and
//!   `2SU`/`-1FR` within the month, or within the year for a yearly rule without `BYMONTH`) and
//!   `WKST`. `DTSTART` is always the first occurrence. `RDATE` adds dates, `EXDATE` removes them,
//!   and an event with `RECURRENCE-ID` replaces (or, when cancelled, removes) that occurrence of
//!   the event with the same `UID`.
//! - Time zones are looked up by `TZID` in the tz database (`Europe/Tallinn`); a `VTIMEZONE`'s
//!   `X-LIC-LOCATION`, a `/vendor/…/Europe/Tallinn` prefix and a few Windows names (`FLE Standard
//!   Time`, `W. Europe Standard Time`, …) are mapped to it. The rules inside `VTIMEZONE` blocks
//!   are not read.
//!
//! Not supported, reported as [`IcsError::Unsupported`]: `FREQ=HOURLY|MINUTELY|SECONDLY`,
//! `BYSETPOS`, `BYYEARDAY`, `BYWEEKNO`, `BYHOUR|BYMINUTE|BYSECOND`, `RDATE;VALUE=PERIOD` and
//! `RANGE=THISANDFUTURE`. Every error names the line (after unfolding, the line where the
//! property starts) and says what is wrong in words an administrator can act on.

use std::collections::{BTreeSet, HashMap};

use jiff::civil::{Date, DateTime, Time, Weekday};
use jiff::tz::TimeZone;
use jiff::{Span, Unit};

/// Why an iCalendar text could not be read. `Display` gives `line N: what is wrong`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IcsError {
    /// The text is not an iCalendar calendar at all (it does not start with `BEGIN:VCALENDAR`).
    #[error("line {line}: this is not an iCalendar (.ics) file: {message}")]
    NotCalendar { line: usize, message: String },
    /// The text is broken: a line is not `NAME:value`, or `BEGIN`/`END` do not match.
    #[error("line {line}: {message}")]
    Syntax { line: usize, message: String },
    /// A value we need is wrong or missing (a date that is not a date, an unknown time zone).
    #[error("line {line}: {message}")]
    Invalid { line: usize, message: String },
    /// The calendar uses a feature this importer does not understand (named in the message).
    #[error("line {line}: {message}")]
    Unsupported { line: usize, message: String },
}

impl IcsError {
    /// The 1-based line of the text the error is about.
    pub fn line(&self) -> usize {
        match self {
            IcsError::NotCalendar { line, .. }
            | IcsError::Syntax { line, .. }
            | IcsError::Invalid { line, .. }
            | IcsError::Unsupported { line, .. } => *line,
        }
    }
}

fn invalid(line: usize, message: impl Into<String>) -> IcsError {
    IcsError::Invalid {
        line,
        message: message.into(),
    }
}

fn unsupported(line: usize, message: impl Into<String>) -> IcsError {
    IcsError::Unsupported {
        line,
        message: message.into(),
    }
}

fn syntax(line: usize, message: impl Into<String>) -> IcsError {
    IcsError::Syntax {
        line,
        message: message.into(),
    }
}

/// Whole local days off listed in an iCalendar text, expanded within `from..=to`.
///
/// The result is sorted and has no duplicates. A calendar without events gives an empty list;
/// so does `from > to`. Text without `BEGIN:VCALENDAR` (an empty file included) is an error.
/// See the module documentation for which events count.
pub fn holidays_from_ics(text: &str, from: Date, to: Date) -> Result<Vec<Date>, IcsError> {
    let calendar = read_calendar(text)?;
    let zones = Zones::new(calendar.zone_aliases);
    let events = calendar
        .events
        .iter()
        .map(|e| Event::read(e, &zones))
        .collect::<Result<Vec<_>, _>>()?;

    // Occurrences replaced or cancelled by a RECURRENCE-ID event, per UID.
    let mut overridden: HashMap<&str, Vec<&When>> = HashMap::new();
    for e in &events {
        if let (Some(uid), Some(rid)) = (e.uid.as_deref(), e.recurrence_id.as_ref()) {
            overridden.entry(uid).or_default().push(rid);
        }
    }

    let mut days = BTreeSet::new();
    let mut budget = WALK_BUDGET;
    for e in &events {
        if e.cancelled {
            continue;
        }
        let replaced = match (&e.recurrence_id, e.uid.as_deref()) {
            (None, Some(uid)) => overridden.get(uid).map(Vec::as_slice).unwrap_or(&[]),
            _ => &[],
        };
        e.days_off(from, to, replaced, &mut days, &mut budget)?;
    }
    Ok(days.into_iter().collect())
}

// ---------------------------------------------------------------------------------------------
// Lines, properties, components
// ---------------------------------------------------------------------------------------------

/// One content line after unfolding: `NAME;PARAM=value:VALUE`.
#[derive(Debug, Clone)]
struct Property {
    line: usize,
    /// Upper-cased.
    name: String,
    /// Names upper-cased, values unquoted.
    params: Vec<(String, String)>,
    value: String,
}

impl Property {
    fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Unfolds lines (RFC 5545 3.1): a line starting with a space or tab continues the one before.
/// Returns `(line number where the logical line starts, text)`, blank lines left out.
fn unfold(text: &str) -> Vec<(usize, String)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines: Vec<(usize, String)> = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let continued = raw.starts_with([' ', '\t']);
        match lines.last_mut() {
            Some((_, last)) if continued => last.push_str(&raw[1..]),
            _ => lines.push((i + 1, raw.to_owned())),
        }
    }
    lines.retain(|(_, l)| !l.trim().is_empty());
    lines
}

fn parse_property(line: usize, text: &str) -> Result<Property, IcsError> {
    let shown = shorten(text);
    let not_a_property = || {
        syntax(
            line,
            format!(
                "{shown:?} is not a property line (NAME:value); \
                 if it continues the line above, it must start with a space"
            ),
        )
    };
    let name_end = text.find([';', ':']).ok_or_else(not_a_property)?;
    let name = &text[..name_end];
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return Err(not_a_property());
    }
    let mut params = Vec::new();
    let mut rest = &text[name_end..];
    while let Some(after) = rest.strip_prefix(';') {
        let eq = after
            .find('=')
            .ok_or_else(|| syntax(line, format!("{shown:?}: a parameter has no \"=value\"")))?;
        let pname = after[..eq].trim().to_ascii_uppercase();
        let mut value = String::new();
        let mut tail = &after[eq + 1..];
        // A parameter value: a list of plain or "quoted" parts separated by commas.
        loop {
            if let Some(q) = tail.strip_prefix('"') {
                let close = q.find('"').ok_or_else(|| {
                    syntax(
                        line,
                        format!("{shown:?}: a quoted parameter is never closed"),
                    )
                })?;
                value.push_str(&q[..close]);
                tail = &q[close + 1..];
            } else {
                let end = tail.find([',', ';', ':']).unwrap_or(tail.len());
                value.push_str(&tail[..end]);
                tail = &tail[end..];
            }
            match tail.strip_prefix(',') {
                Some(t) => {
                    value.push(',');
                    tail = t;
                }
                None => break,
            }
        }
        params.push((pname, value));
        rest = tail;
    }
    let value = rest.strip_prefix(':').ok_or_else(not_a_property)?;
    Ok(Property {
        line,
        name: name.to_ascii_uppercase(),
        params,
        value: value.to_owned(),
    })
}

/// Shortens a line for an error message.
fn shorten(text: &str) -> String {
    const MAX: usize = 60;
    match text.char_indices().nth(MAX) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_owned(),
    }
}

/// The parts of a calendar file this importer reads.
struct RawCalendar {
    /// The properties of each VEVENT (not of its VALARMs), with the line of its BEGIN.
    events: Vec<(usize, Vec<Property>)>,
    /// VTIMEZONE TZID → X-LIC-LOCATION (an IANA name written by Mozilla and others).
    zone_aliases: HashMap<String, String>,
}

fn read_calendar(text: &str) -> Result<RawCalendar, IcsError> {
    let lines = unfold(text);
    let Some((first_line, first)) = lines.first() else {
        return Err(IcsError::NotCalendar {
            line: 1,
            message: "the file is empty".to_owned(),
        });
    };
    let starts_right = parse_property(*first_line, first)
        .is_ok_and(|p| p.name == "BEGIN" && p.value.trim().eq_ignore_ascii_case("VCALENDAR"));
    if !starts_right {
        return Err(IcsError::NotCalendar {
            line: *first_line,
            message: format!(
                "it must start with BEGIN:VCALENDAR, not {:?}",
                shorten(first)
            ),
        });
    }

    let mut calendar = RawCalendar {
        events: Vec::new(),
        zone_aliases: HashMap::new(),
    };
    // Open components: (name, line of BEGIN).
    let mut open: Vec<(String, usize)> = Vec::new();
    let mut event: Vec<Property> = Vec::new();
    // TZID and X-LIC-LOCATION of the VTIMEZONE being read.
    let mut zone: (Option<String>, Option<String>) = (None, None);
    for (no, text) in &lines {
        let p = parse_property(*no, text)?;
        match p.name.as_str() {
            "BEGIN" => {
                let component = p.value.trim().to_ascii_uppercase();
                if open.is_empty() && component != "VCALENDAR" {
                    return Err(syntax(
                        p.line,
                        format!("BEGIN:{component} outside of BEGIN:VCALENDAR … END:VCALENDAR"),
                    ));
                }
                open.push((component, p.line));
            }
            "END" => {
                let component = p.value.trim().to_ascii_uppercase();
                let Some((begun, begun_line)) = open.pop() else {
                    return Err(syntax(
                        p.line,
                        format!("END:{component} without a BEGIN:{component}"),
                    ));
                };
                if begun != component {
                    return Err(syntax(
                        p.line,
                        format!(
                            "END:{component} does not close BEGIN:{begun} from line {begun_line}"
                        ),
                    ));
                }
                let parent = open.last().map(|(n, _)| n.as_str());
                if component == "VEVENT" && parent == Some("VCALENDAR") {
                    calendar
                        .events
                        .push((begun_line, std::mem::take(&mut event)));
                } else if component == "VTIMEZONE"
                    && let (Some(tzid), Some(location)) = std::mem::take(&mut zone)
                {
                    calendar.zone_aliases.insert(tzid, location);
                }
            }
            _ => {
                if open.is_empty() {
                    return Err(syntax(p.line, format!("{} after END:VCALENDAR", p.name)));
                }
                let path: Vec<&str> = open.iter().map(|(n, _)| n.as_str()).collect();
                match path.as_slice() {
                    ["VCALENDAR", "VEVENT"] => event.push(p),
                    ["VCALENDAR", "VTIMEZONE"] if p.name == "TZID" => {
                        zone.0 = Some(p.value.trim().to_owned());
                    }
                    ["VCALENDAR", "VTIMEZONE"] if p.name == "X-LIC-LOCATION" => {
                        zone.1 = Some(p.value.trim().to_owned());
                    }
                    _ => {}
                }
            }
        }
    }
    if let Some((component, line)) = open.pop() {
        return Err(syntax(
            line,
            format!(
                "BEGIN:{component} is never closed with END:{component} (is the file cut short?)"
            ),
        ));
    }
    Ok(calendar)
}

// ---------------------------------------------------------------------------------------------
// Time zones
// ---------------------------------------------------------------------------------------------

/// Windows time zone names (Outlook, Exchange) for the regions we serve, mapped to IANA names
/// after the Unicode CLDR `windowsZones` table.
const WINDOWS_ZONES: &[(&str, &str)] = &[
    ("FLE Standard Time", "Europe/Helsinki"),
    ("E. Europe Standard Time", "Europe/Chisinau"),
    ("GTB Standard Time", "Europe/Bucharest"),
    ("W. Europe Standard Time", "Europe/Berlin"),
    ("Central Europe Standard Time", "Europe/Budapest"),
    ("Central European Standard Time", "Europe/Warsaw"),
    ("Romance Standard Time", "Europe/Paris"),
    ("GMT Standard Time", "Europe/London"),
    ("Greenwich Standard Time", "Atlantic/Reykjavik"),
    ("Russian Standard Time", "Europe/Moscow"),
    ("Eastern Standard Time", "America/New_York"),
    ("Central Standard Time", "America/Chicago"),
    ("Pacific Standard Time", "America/Los_Angeles"),
    ("UTC", "UTC"),
];

struct Zones {
    aliases: HashMap<String, String>,
}

impl Zones {
    fn new(aliases: HashMap<String, String>) -> Self {
        Zones { aliases }
    }

    fn find(&self, tzid: &str) -> Option<TimeZone> {
        let tzid = tzid.trim();
        if let Ok(tz) = TimeZone::get(tzid) {
            return Some(tz);
        }
        if let Some(tz) = self
            .aliases
            .get(tzid)
            .and_then(|name| TimeZone::get(name).ok())
        {
            return Some(tz);
        }
        // "/mozilla.org/20050126_1/Europe/Berlin", "/Europe/Tallinn": try the trailing parts.
        for (i, _) in tzid.match_indices('/') {
            let rest = &tzid[i + 1..];
            if rest.contains('/')
                && let Ok(tz) = TimeZone::get(rest)
            {
                return Some(tz);
            }
        }
        WINDOWS_ZONES
            .iter()
            .find(|(windows, _)| windows.eq_ignore_ascii_case(tzid))
            .and_then(|(_, iana)| TimeZone::get(iana).ok())
    }
}

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

/// A DTSTART-like value.
#[derive(Debug, Clone, PartialEq)]
enum When {
    Date(Date),
    /// A local time; `None` is floating (no time zone).
    Time(DateTime, Option<TimeZone>),
}

impl When {
    /// This moment as a wall-clock time in `zone` (floating values are taken as they are).
    fn civil_in(&self, zone: Option<&TimeZone>) -> DateTime {
        match (self, zone) {
            (When::Date(d), _) => d.to_datetime(Time::midnight()),
            (When::Time(dt, Some(own)), Some(zone)) if own != zone => dt
                .to_zoned(own.clone())
                .map(|z| z.timestamp().to_zoned(zone.clone()).datetime())
                .unwrap_or(*dt),
            (When::Time(dt, _), _) => *dt,
        }
    }

    fn date(&self) -> Date {
        match self {
            When::Date(d) => *d,
            When::Time(dt, _) => dt.date(),
        }
    }
}

/// `YYYYMMDD` (or `YYYY-MM-DD`, as people write it by hand).
fn parse_date(s: &str) -> Option<Date> {
    let compact: String = if s.len() == 10 && s.get(4..5) == Some("-") && s.get(7..8) == Some("-") {
        s.replace('-', "")
    } else {
        s.to_owned()
    };
    if compact.len() != 8 || !compact.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i16 = compact.get(0..4)?.parse().ok()?;
    let month: i8 = compact.get(4..6)?.parse().ok()?;
    let day: i8 = compact.get(6..8)?.parse().ok()?;
    Date::new(year, month, day).ok()
}

/// `HHMMSS`, `HHMM` or `HH:MM:SS`; a leap second 60 is read as 59.
fn parse_time(s: &str) -> Option<Time> {
    let compact = s.replace(':', "");
    if !(compact.len() == 6 || compact.len() == 4) || !compact.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let hour: i8 = compact.get(0..2)?.parse().ok()?;
    let minute: i8 = compact.get(2..4)?.parse().ok()?;
    let second: i8 = compact.get(4..6).map_or(Ok(0), str::parse).ok()?;
    Time::new(hour, minute, second.min(59), 0).ok()
}

/// Reads one date or date-time value of `p` (`raw` is `p.value` or one item of its list).
fn parse_when(p: &Property, raw: &str, zones: &Zones) -> Result<When, IcsError> {
    let raw = raw.trim();
    let value_type = p.param("VALUE").map(str::to_ascii_uppercase);
    let has_time = raw.contains(['T', 't']);
    match value_type.as_deref() {
        Some("DATE") | None if !has_time => {
            return parse_date(raw).map(When::Date).ok_or_else(|| {
                invalid(
                    p.line,
                    format!(
                        "{} {raw:?} is not a date (write it as YYYYMMDD, like 20261224)",
                        p.name
                    ),
                )
            });
        }
        Some("DATE") => {
            return Err(invalid(
                p.line,
                format!("{} {raw:?} has VALUE=DATE but is not a date", p.name),
            ));
        }
        Some("DATE-TIME") | None => {}
        Some("PERIOD") => {
            return Err(unsupported(
                p.line,
                format!(
                    "{} with VALUE=PERIOD is not supported; list dates instead",
                    p.name
                ),
            ));
        }
        Some(other) => {
            return Err(invalid(
                p.line,
                format!("{} has VALUE={other}, expected DATE or DATE-TIME", p.name),
            ));
        }
    }
    let not_a_time = || {
        invalid(
            p.line,
            format!(
                "{} {raw:?} is not a date-time (write it like 20261224T090000, \
                 with Z at the end for UTC)",
                p.name
            ),
        )
    };
    let (date, time) = raw.split_once(['T', 't']).ok_or_else(not_a_time)?;
    let (time, utc) = match time.strip_suffix(['Z', 'z']) {
        Some(t) => (t, true),
        None => (time, false),
    };
    let date = parse_date(date).ok_or_else(not_a_time)?;
    let time = parse_time(time).ok_or_else(not_a_time)?;
    let zone = if utc {
        Some(TimeZone::UTC)
    } else if let Some(tzid) = p.param("TZID") {
        Some(zones.find(tzid).ok_or_else(|| {
            invalid(
                p.line,
                format!(
                    "{} has time zone {tzid:?}, which is not known; \
                     use a tz database name such as Europe/Tallinn",
                    p.name
                ),
            )
        })?)
    } else {
        None
    };
    Ok(When::Time(date.to_datetime(time), zone))
}

/// An RFC 5545 duration: nominal weeks and days, exact seconds.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Length {
    days: i64,
    seconds: i64,
}

fn parse_duration(p: &Property) -> Result<Length, IcsError> {
    let raw = p.value.trim();
    let bad = || {
        invalid(
            p.line,
            format!("DURATION {raw:?} is not a duration (write it like P1D, P2W or PT8H)"),
        )
    };
    let upper = raw.to_ascii_uppercase();
    let (negative, body) = match upper.as_bytes().first() {
        Some(b'-') => (true, &upper[1..]),
        Some(b'+') => (false, &upper[1..]),
        _ => (false, upper.as_str()),
    };
    let body = body.strip_prefix('P').ok_or_else(bad)?;
    let (mut days, mut seconds) = (0i64, 0i64);
    let mut in_time = false;
    let mut number: Option<i64> = None;
    let mut parts = 0;
    for c in body.chars() {
        match c {
            '0'..='9' => {
                let digit = i64::from(c as u8 - b'0');
                number = Some(
                    number
                        .unwrap_or(0)
                        .checked_mul(10)
                        .and_then(|n| n.checked_add(digit))
                        .ok_or_else(bad)?,
                );
            }
            'T' if !in_time && number.is_none() => in_time = true,
            _ => {
                let n = number.take().ok_or_else(bad)?;
                let (target, factor) = match (c, in_time) {
                    ('W', false) => (&mut days, 7),
                    ('D', false) => (&mut days, 1),
                    ('H', true) => (&mut seconds, 3600),
                    ('M', true) => (&mut seconds, 60),
                    ('S', true) => (&mut seconds, 1),
                    _ => return Err(bad()),
                };
                *target = n
                    .checked_mul(factor)
                    .and_then(|v| target.checked_add(v))
                    .ok_or_else(bad)?;
                parts += 1;
            }
        }
    }
    if number.is_some() || parts == 0 {
        return Err(bad());
    }
    if negative && (days > 0 || seconds > 0) {
        return Err(invalid(p.line, format!("DURATION {raw:?} is negative")));
    }
    Ok(Length { days, seconds })
}

// ---------------------------------------------------------------------------------------------
// Repeat rules
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Freq {
    Yearly,
    Monthly,
    Weekly,
    Daily,
}

#[derive(Debug, Clone)]
struct Rule {
    line: usize,
    freq: Freq,
    interval: i64,
    count: Option<u64>,
    until: Option<When>,
    by_month: Vec<i8>,
    by_month_day: Vec<i8>,
    /// (nth, weekday); nth 0 is every such weekday.
    by_day: Vec<(i8, Weekday)>,
    week_start: Weekday,
}

fn parse_weekday(s: &str) -> Option<Weekday> {
    Some(match s {
        "MO" => Weekday::Monday,
        "TU" => Weekday::Tuesday,
        "WE" => Weekday::Wednesday,
        "TH" => Weekday::Thursday,
        "FR" => Weekday::Friday,
        "SA" => Weekday::Saturday,
        "SU" => Weekday::Sunday,
        _ => return None,
    })
}

fn parse_rule(p: &Property, zones: &Zones) -> Result<Rule, IcsError> {
    let raw = p.value.trim();
    let shown = shorten(raw);
    let bad = |what: &str| invalid(p.line, format!("RRULE {shown:?}: {what}"));
    let not_supported =
        |what: &str| unsupported(p.line, format!("RRULE {shown:?} is not supported: {what}"));
    let mut freq = None;
    let mut rule = Rule {
        line: p.line,
        freq: Freq::Yearly,
        interval: 1,
        count: None,
        until: None,
        by_month: Vec::new(),
        by_month_day: Vec::new(),
        by_day: Vec::new(),
        week_start: Weekday::Monday,
    };
    for part in raw.split(';').filter(|s| !s.trim().is_empty()) {
        let (name, value) = part
            .split_once('=')
            .ok_or_else(|| bad(&format!("{part:?} is not NAME=value")))?;
        let name = name.trim().to_ascii_uppercase();
        let value = value.trim().to_ascii_uppercase();
        let list = |range: std::ops::RangeInclusive<i8>| -> Result<Vec<i8>, IcsError> {
            value
                .split(',')
                .map(|v| {
                    v.trim()
                        .parse::<i8>()
                        .ok()
                        .filter(|n| *n != 0 && range.contains(&n.abs()))
                        .ok_or_else(|| bad(&format!("{name}={value} is not a valid list")))
                })
                .collect()
        };
        match name.as_str() {
            "FREQ" => {
                freq = Some(match value.as_str() {
                    "YEARLY" => Freq::Yearly,
                    "MONTHLY" => Freq::Monthly,
                    "WEEKLY" => Freq::Weekly,
                    "DAILY" => Freq::Daily,
                    "HOURLY" | "MINUTELY" | "SECONDLY" => {
                        return Err(not_supported(&format!(
                            "FREQ={value} does not describe whole days off"
                        )));
                    }
                    _ => return Err(bad(&format!("FREQ={value} is not a frequency"))),
                });
            }
            "INTERVAL" => {
                rule.interval = value
                    .parse::<i64>()
                    .ok()
                    .filter(|n| (1..=100_000).contains(n))
                    .ok_or_else(|| bad(&format!("INTERVAL={value} is not a positive number")))?;
            }
            "COUNT" => {
                rule.count = Some(
                    value
                        .parse::<u64>()
                        .ok()
                        .filter(|n| *n > 0)
                        .ok_or_else(|| bad(&format!("COUNT={value} is not a positive number")))?,
                );
            }
            "UNTIL" => {
                let until = Property {
                    line: p.line,
                    name: "UNTIL".to_owned(),
                    params: Vec::new(),
                    value: value.clone(),
                };
                rule.until = Some(parse_when(&until, &value, zones)?);
            }
            "BYMONTH" => rule.by_month = list(1..=12)?,
            "BYMONTHDAY" => rule.by_month_day = list(1..=31)?,
            "BYDAY" => {
                for item in value.split(',') {
                    let item = item.trim();
                    let split = item.len().saturating_sub(2);
                    let weekday = item.get(split..).and_then(parse_weekday);
                    let nth = match item.get(..split) {
                        Some("") => Some(0),
                        Some(n) => n
                            .parse::<i8>()
                            .ok()
                            .filter(|n| *n != 0 && (1..=53).contains(&n.abs())),
                        None => None,
                    };
                    match (nth, weekday) {
                        (Some(nth), Some(weekday)) => rule.by_day.push((nth, weekday)),
                        _ => {
                            return Err(bad(&format!(
                                "BYDAY={value} is not a list like MO,2SU,-1FR"
                            )));
                        }
                    }
                }
            }
            "WKST" => {
                rule.week_start = parse_weekday(&value)
                    .ok_or_else(|| bad(&format!("WKST={value} is not a weekday")))?;
            }
            "BYSETPOS" | "BYYEARDAY" | "BYWEEKNO" | "BYHOUR" | "BYMINUTE" | "BYSECOND" => {
                return Err(not_supported(&format!("{name} is not understood")));
            }
            _ if name.starts_with("X-") => {}
            _ => return Err(bad(&format!("{name} is not an RRULE part"))),
        }
    }
    rule.freq = freq.ok_or_else(|| bad("FREQ is missing"))?;
    if matches!(rule.freq, Freq::Weekly | Freq::Daily) && rule.by_day.iter().any(|(n, _)| *n != 0) {
        return Err(bad(
            "a numbered BYDAY (like 2SU) needs FREQ=MONTHLY or YEARLY",
        ));
    }
    Ok(rule)
}

/// Most days the repeat rules of one calendar may walk through before we give up (about
/// 5,500 years of a daily rule; a yearly holiday from 1900 walks about 46,000).
const WALK_BUDGET: u64 = 2_000_000;

fn days_between(a: Date, b: Date) -> i64 {
    a.until((Unit::Day, b))
        .map(|s| i64::from(s.get_days()))
        .unwrap_or(0)
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    Span::new()
        .try_days(n)
        .ok()
        .and_then(|s| d.checked_add(s).ok())
}

impl Rule {
    /// Occurrence dates of the rule, DTSTART's date first, none after `to`. `allowed` says
    /// whether an occurrence on that date is before UNTIL. `reach` is how many days before
    /// `from` an occurrence may start and still matter.
    fn dates(
        &self,
        start: Date,
        from: Date,
        to: Date,
        reach: i64,
        allowed: &dyn Fn(Date) -> bool,
        budget: &mut u64,
    ) -> Result<Vec<Date>, IcsError> {
        let mut out = Vec::new();
        if start > to || !allowed(start) {
            return Ok(out);
        }
        out.push(start);
        let mut produced: u64 = 1;
        if self.count.is_some_and(|c| produced >= c) {
            return Ok(out);
        }
        let by_month = if self.by_month.is_empty()
            && self.by_month_day.is_empty()
            && self.by_day.is_empty()
            && self.freq == Freq::Yearly
        {
            vec![start.month()]
        } else {
            self.by_month.clone()
        };
        let by_month_day = if self.by_month_day.is_empty()
            && self.by_day.is_empty()
            && matches!(self.freq, Freq::Yearly | Freq::Monthly)
        {
            vec![start.day()]
        } else {
            self.by_month_day.clone()
        };
        let by_day = if self.by_day.is_empty() && self.freq == Freq::Weekly {
            vec![(0, start.weekday())]
        } else {
            self.by_day.clone()
        };
        let matches = |d: Date| -> bool {
            if !by_month.is_empty() && !by_month.contains(&d.month()) {
                return false;
            }
            let dim = d.days_in_month();
            if !by_month_day.is_empty()
                && !by_month_day
                    .iter()
                    .any(|&md| md == d.day() || (md < 0 && dim + 1 + md == d.day()))
            {
                return false;
            }
            if !by_day.is_empty() {
                // Numbered weekdays count within the month, or the year for a yearly rule
                // without BYMONTH.
                let (index, total) = if self.freq == Freq::Yearly && self.by_month.is_empty() {
                    (d.day_of_year(), d.days_in_year())
                } else {
                    (i16::from(d.day()), i16::from(dim))
                };
                let forward = (index - 1) / 7 + 1;
                let backward = (total - index) / 7 + 1;
                return by_day.iter().any(|&(nth, wd)| {
                    wd == d.weekday()
                        && (nth == 0 || i16::from(nth) == forward || i16::from(nth) == -backward)
                });
            }
            true
        };

        // Periods: the first day and length of period k.
        let week_back = i64::from(self.week_start.until(start.weekday()));
        let period = |k: i64| -> Option<(Date, i64)> {
            let n = k.checked_mul(self.interval)?;
            match self.freq {
                Freq::Yearly => {
                    let year = i16::try_from(i64::from(start.year()).checked_add(n)?).ok()?;
                    let first = Date::new(year, 1, 1).ok()?;
                    Some((first, i64::from(first.days_in_year())))
                }
                Freq::Monthly => {
                    let months = i64::from(start.year()) * 12 + i64::from(start.month()) - 1 + n;
                    let year = i16::try_from(months.div_euclid(12)).ok()?;
                    let month = i8::try_from(months.rem_euclid(12) + 1).ok()?;
                    let first = Date::new(year, month, 1).ok()?;
                    Some((first, i64::from(first.days_in_month())))
                }
                Freq::Weekly => Some((add_days(start, n.checked_mul(7)? - week_back)?, 7)),
                Freq::Daily => Some((add_days(start, n)?, 1)),
            }
        };
        // Without COUNT nothing before `from` needs counting: skip the periods that end long
        // before it.
        let mut k: i64 = 0;
        if self.count.is_none() {
            let gap = days_between(start, from) - reach - 2;
            let per_period = match self.freq {
                Freq::Yearly => 366,
                Freq::Monthly => 31,
                Freq::Weekly => 7,
                Freq::Daily => 1,
            };
            if gap > 0 {
                k = gap / per_period / self.interval;
            }
        }
        // A yearly rule with BYMONTH only needs those months of each year.
        let mut months = by_month.clone();
        months.sort_unstable();
        months.dedup();
        while let Some((first, length)) = period(k) {
            if first > to {
                break;
            }
            let chunks: Vec<(Date, i64)> = if self.freq == Freq::Yearly && !months.is_empty() {
                months
                    .iter()
                    .filter_map(|&m| Date::new(first.year(), m, 1).ok())
                    .map(|d| (d, i64::from(d.days_in_month())))
                    .collect()
            } else {
                vec![(first, length)]
            };
            for (chunk, length) in chunks {
                for offset in 0..length {
                    if *budget == 0 {
                        return Err(unsupported(
                            self.line,
                            "RRULE repeats too often to expand (the calendar's rules walk more \
                             than two million days); shorten it with UNTIL, COUNT or a later \
                             DTSTART",
                        ));
                    }
                    *budget -= 1;
                    let Some(d) = add_days(chunk, offset) else {
                        break;
                    };
                    if d <= start || !matches(d) {
                        continue;
                    }
                    if d > to || !allowed(d) {
                        return Ok(out);
                    }
                    out.push(d);
                    produced += 1;
                    if self.count.is_some_and(|c| produced >= c) {
                        return Ok(out);
                    }
                }
            }
            k += 1;
        }
        Ok(out)
    }
}

// ---------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------

/// How long each occurrence lasts.
#[derive(Debug, Clone, Copy)]
enum Extent {
    /// An all-day event: this many days (at least one).
    Days(i64),
    /// A timed event: nominal days plus exact seconds after its start.
    Timed(Length),
}

struct Event {
    uid: Option<String>,
    recurrence_id: Option<When>,
    cancelled: bool,
    start: When,
    extent: Extent,
    rules: Vec<Rule>,
    extra: Vec<When>,
    excluded: Vec<When>,
}

impl Event {
    fn read((begin, props): &(usize, Vec<Property>), zones: &Zones) -> Result<Event, IcsError> {
        let summary = props
            .iter()
            .find(|p| p.name == "SUMMARY")
            .map(|p| format!(" {:?}", shorten(p.value.trim())))
            .unwrap_or_default();
        let single = |name: &str| -> Result<Option<&Property>, IcsError> {
            let mut found = props.iter().filter(|p| p.name == name);
            let first = found.next();
            if let (Some(first), Some(second)) = (first, found.next()) {
                return Err(invalid(
                    second.line,
                    format!(
                        "the event{summary} has a second {name} (the first is on line {})",
                        first.line
                    ),
                ));
            }
            Ok(first)
        };
        let word = |name: &str| -> Result<Option<String>, IcsError> {
            Ok(single(name)?.map(|p| p.value.trim().to_ascii_uppercase()))
        };
        let uid = single("UID")?.map(|p| p.value.trim().to_owned());
        let cancelled = word("STATUS")?.as_deref() == Some("CANCELLED");
        let recurrence_id = match single("RECURRENCE-ID")? {
            Some(p) => {
                if p.param("RANGE")
                    .is_some_and(|r| r.eq_ignore_ascii_case("THISANDFUTURE"))
                {
                    return Err(unsupported(
                        p.line,
                        "RECURRENCE-ID with RANGE=THISANDFUTURE is not supported; \
                         export the calendar again without changing a series \"from here on\"",
                    ));
                }
                Some(parse_when(p, &p.value, zones)?)
            }
            None => None,
        };

        let dtstart = single("DTSTART")?.ok_or_else(|| {
            invalid(
                *begin,
                format!("the event{summary} starting here has no DTSTART"),
            )
        })?;
        let start = parse_when(dtstart, &dtstart.value, zones)?;
        let dtend = single("DTEND")?;
        let duration = single("DURATION")?;
        let extent = match (&start, dtend, duration) {
            (_, Some(_), Some(d)) => {
                return Err(invalid(
                    d.line,
                    format!("the event{summary} has both DTEND and DURATION; keep one"),
                ));
            }
            (When::Date(s), Some(e), None) => match parse_when(e, &e.value, zones)? {
                When::Date(end) => {
                    let days = days_between(*s, end);
                    if days < 0 {
                        return Err(invalid(
                            e.line,
                            format!("DTEND {end} is before DTSTART {s}"),
                        ));
                    }
                    Extent::Days(days.max(1))
                }
                When::Time(..) => {
                    return Err(invalid(
                        e.line,
                        "DTEND has a time but DTSTART is a date; both must be dates for an \
                         all-day event",
                    ));
                }
            },
            (When::Time(s, zone), Some(e), None) => {
                let end = match parse_when(e, &e.value, zones)? {
                    When::Date(_) => {
                        return Err(invalid(
                            e.line,
                            "DTEND is a date but DTSTART has a time; both must be the same kind",
                        ));
                    }
                    end => end.civil_in(zone.as_ref()),
                };
                let span = s
                    .until((Unit::Day, end))
                    .map_err(|_| invalid(e.line, "DTEND is too far from DTSTART"))?;
                if span.is_negative() {
                    return Err(invalid(
                        e.line,
                        format!("DTEND {end} is before DTSTART {s}"),
                    ));
                }
                let seconds = i64::from(span.get_hours()) * 3600
                    + span.get_minutes() * 60
                    + span.get_seconds();
                Extent::Timed(Length {
                    days: i64::from(span.get_days()),
                    seconds,
                })
            }
            (When::Date(_), None, Some(d)) => {
                let length = parse_duration(d)?;
                // Whole days; a part of a day rounds up.
                let days = length
                    .days
                    .saturating_add((length.seconds + 86_399) / 86_400);
                Extent::Days(days.max(1))
            }
            (When::Time(..), None, Some(d)) => Extent::Timed(parse_duration(d)?),
            (When::Date(_), None, None) => Extent::Days(1),
            (When::Time(..), None, None) => Extent::Timed(Length {
                days: 0,
                seconds: 0,
            }),
        };

        let mut rules = Vec::new();
        let mut extra = Vec::new();
        let mut excluded = Vec::new();
        for p in props {
            match p.name.as_str() {
                "RRULE" => rules.push(parse_rule(p, zones)?),
                "RDATE" => {
                    for v in p.value.split(',').filter(|v| !v.trim().is_empty()) {
                        extra.push(parse_when(p, v, zones)?);
                    }
                }
                "EXDATE" => {
                    for v in p.value.split(',').filter(|v| !v.trim().is_empty()) {
                        excluded.push(parse_when(p, v, zones)?);
                    }
                }
                "EXRULE" => {
                    return Err(unsupported(
                        p.line,
                        "EXRULE is not supported (it was dropped from iCalendar); use EXDATE",
                    ));
                }
                _ => {}
            }
        }
        Ok(Event {
            uid,
            recurrence_id,
            cancelled,
            start,
            extent,
            rules,
            extra,
            excluded,
        })
    }

    fn zone(&self) -> Option<&TimeZone> {
        match &self.start {
            When::Time(_, zone) => zone.as_ref(),
            When::Date(_) => None,
        }
    }

    /// Whether `occurrence` (a start in the event's own wall-clock time) is one of `list`.
    fn listed(&self, occurrence: DateTime, list: &[&When]) -> bool {
        list.iter().any(|w| match (&self.start, w) {
            (When::Date(_), w) => w.date() == occurrence.date(),
            (When::Time(..), When::Date(d)) => *d == occurrence.date(),
            (When::Time(..), w) => w.civil_in(self.zone()) == occurrence,
        })
    }

    /// Adds the whole days off of this event within `from..=to` to `days`.
    fn days_off(
        &self,
        from: Date,
        to: Date,
        replaced: &[&When],
        days: &mut BTreeSet<Date>,
        budget: &mut u64,
    ) -> Result<(), IcsError> {
        let zone = self.zone();
        let start = self.start.civil_in(zone);
        let reach = match self.extent {
            Extent::Days(n) => n,
            Extent::Timed(l) => l.days.saturating_add(l.seconds / 86_400).saturating_add(1),
        };

        let mut occurrences = BTreeSet::new();
        occurrences.insert(start);
        for rule in &self.rules {
            let allowed = |d: Date| -> bool {
                match &rule.until {
                    None => true,
                    Some(When::Date(until)) => d <= *until,
                    Some(until @ When::Time(..)) => match self.start {
                        When::Date(_) => d <= until.civil_in(None).date(),
                        When::Time(..) => d.to_datetime(start.time()) <= until.civil_in(zone),
                    },
                }
            };
            for d in rule.dates(start.date(), from, to, reach, &allowed, budget)? {
                occurrences.insert(d.to_datetime(start.time()));
            }
        }
        for w in &self.extra {
            occurrences.insert(match w {
                When::Date(d) => d.to_datetime(start.time()),
                w => w.civil_in(zone),
            });
        }
        let excluded: Vec<&When> = self
            .excluded
            .iter()
            .chain(replaced.iter().copied())
            .collect();

        for occurrence in occurrences {
            if occurrence.date() > to || self.listed(occurrence, &excluded) {
                continue;
            }
            match self.extent {
                Extent::Days(n) => {
                    let first = occurrence.date().max(from);
                    let mut offset = days_between(occurrence.date(), first);
                    let mut d = first;
                    while offset < n && d <= to {
                        days.insert(d);
                        offset += 1;
                        match d.tomorrow() {
                            Ok(next) => d = next,
                            Err(_) => break,
                        }
                    }
                }
                Extent::Timed(length) => covered_days(occurrence, zone, length, from, to, days),
            }
        }
        Ok(())
    }
}

/// Adds the local dates wholly covered by an occurrence starting at `start` (wall-clock time in
/// `zone`, or floating) and lasting `length`.
fn covered_days(
    start: DateTime,
    zone: Option<&TimeZone>,
    length: Length,
    from: Date,
    to: Date,
    days: &mut BTreeSet<Date>,
) {
    let Ok(span) = Span::new()
        .try_days(length.days)
        .and_then(|s| s.try_seconds(length.seconds))
    else {
        return;
    };
    match zone {
        None => {
            let Ok(end) = start.checked_add(span) else {
                return;
            };
            let mut d = start.date().max(from);
            while d <= end.date() && d <= to {
                let Ok(next) = d.tomorrow() else { return };
                if start <= d.to_datetime(Time::midnight())
                    && next.to_datetime(Time::midnight()) <= end
                {
                    days.insert(d);
                }
                d = next;
            }
        }
        Some(tz) => {
            let Ok(begin) = start.to_zoned(tz.clone()) else {
                return;
            };
            let Ok(end) = begin.checked_add(span) else {
                return;
            };
            let mut d = start.date().max(from);
            while d <= end.date() && d <= to {
                let Ok(next) = d.tomorrow() else { return };
                let (Ok(day_start), Ok(day_end)) =
                    (d.to_zoned(tz.clone()), next.to_zoned(tz.clone()))
                else {
                    return;
                };
                if begin.timestamp() <= day_start.timestamp()
                    && day_end.timestamp() <= end.timestamp()
                {
                    days.insert(d);
                }
                d = next;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn cal(body: &str) -> String {
        format!(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n{}END:VCALENDAR\r\n",
            body.lines()
                .map(|l| format!("{}\r\n", l.trim_start()))
                .collect::<String>()
        )
    }

    fn event(props: &str) -> String {
        cal(&format!("BEGIN:VEVENT\nUID:x@test\n{props}\nEND:VEVENT\n"))
    }

    fn days(text: &str, from: Date, to: Date) -> Vec<Date> {
        holidays_from_ics(text, from, to).unwrap()
    }

    fn y2026(text: &str) -> Vec<Date> {
        days(text, date(2026, 1, 1), date(2026, 12, 31))
    }

    #[test]
    fn all_day_event_gives_its_day() {
        let text = event("DTSTART;VALUE=DATE:20260224\nDTEND;VALUE=DATE:20260225");
        assert_eq!(y2026(&text), vec![date(2026, 2, 24)]);
    }

    #[test]
    fn dtend_is_exclusive_and_no_dtend_is_one_day() {
        let text = event("DTSTART;VALUE=DATE:20261224\nDTEND;VALUE=DATE:20261227");
        assert_eq!(
            y2026(&text),
            vec![date(2026, 12, 24), date(2026, 12, 25), date(2026, 12, 26)]
        );
        assert_eq!(
            y2026(&event("DTSTART;VALUE=DATE:20260501")),
            vec![date(2026, 5, 1)]
        );
        // A bare 8-digit value is a date even without VALUE=DATE.
        assert_eq!(y2026(&event("DTSTART:20260501")), vec![date(2026, 5, 1)]);
        // DTEND = DTSTART, as old exporters write it: one day.
        let same = event("DTSTART;VALUE=DATE:20260501\nDTEND;VALUE=DATE:20260501");
        assert_eq!(y2026(&same), vec![date(2026, 5, 1)]);
    }

    #[test]
    fn duration_is_honoured() {
        let text = event("DTSTART;VALUE=DATE:20260623\nDURATION:P2D");
        assert_eq!(y2026(&text), vec![date(2026, 6, 23), date(2026, 6, 24)]);
        let week = event("DTSTART;VALUE=DATE:20260706\nDURATION:P1W");
        assert_eq!(y2026(&week).len(), 7);
        let timed = event("DTSTART;TZID=Europe/Tallinn:20260623T000000\nDURATION:P2D");
        assert_eq!(y2026(&timed), vec![date(2026, 6, 23), date(2026, 6, 24)]);
    }

    #[test]
    fn days_outside_the_range_are_left_out() {
        let text = event("DTSTART;VALUE=DATE:20261230\nDTEND;VALUE=DATE:20270103");
        assert_eq!(
            days(&text, date(2027, 1, 1), date(2027, 1, 31)),
            vec![date(2027, 1, 1), date(2027, 1, 2)]
        );
        assert_eq!(days(&text, date(2027, 1, 2), date(2027, 1, 1)), vec![]);
    }

    #[test]
    fn timed_events_count_only_whole_days() {
        // A two-hour meeting is not a day off.
        let meeting = event(
            "DTSTART;TZID=Europe/Tallinn:20260615T100000\nDTEND;TZID=Europe/Tallinn:20260615T120000",
        );
        assert_eq!(y2026(&meeting), vec![]);
        // Midnight to midnight in its own zone is.
        let tallinn = event(
            "DTSTART;TZID=Europe/Tallinn:20260501T000000\nDTEND;TZID=Europe/Tallinn:20260502T000000",
        );
        assert_eq!(y2026(&tallinn), vec![date(2026, 5, 1)]);
        // UTC: the date in UTC.
        let utc = event("DTSTART:20260501T000000Z\nDTEND:20260502T000000Z");
        assert_eq!(y2026(&utc), vec![date(2026, 5, 1)]);
        // Floating.
        let floating = event("DTSTART:20260501T000000\nDTEND:20260503T120000");
        assert_eq!(y2026(&floating), vec![date(2026, 5, 1), date(2026, 5, 2)]);
        // From noon to noon two days later covers only the day between.
        let noon = event("DTSTART:20260501T120000Z\nDTEND:20260503T120000Z");
        assert_eq!(y2026(&noon), vec![date(2026, 5, 2)]);
        // No DTEND: no time at all.
        assert_eq!(y2026(&event("DTSTART:20260501T000000Z")), vec![]);
        // DTEND in another zone is converted: 22:00Z on 30 Apr is 01:00 Tallinn (summer time).
        let mixed = event("DTSTART;TZID=Europe/Tallinn:20260501T000000\nDTEND:20260501T220000Z");
        assert_eq!(y2026(&mixed), vec![date(2026, 5, 1)]);
    }

    #[test]
    fn whole_day_is_local_across_summer_time() {
        // 29 Mar 2026 has 23 hours in Tallinn; a yearly 00:00–00:00 event still covers it.
        let text = event(
            "DTSTART;TZID=Europe/Tallinn:20250329T000000\nDTEND;TZID=Europe/Tallinn:20250330T000000\n\
             RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        );
        assert_eq!(y2026(&text), vec![date(2026, 3, 29)]);
        let october = event("DTSTART;TZID=Europe/Tallinn:20261025T000000\nDURATION:P1D");
        assert_eq!(y2026(&october), vec![date(2026, 10, 25)]);
        // 24 exact hours do not cover the 25-hour day.
        let hours = event("DTSTART;TZID=Europe/Tallinn:20261025T000000\nDURATION:PT24H");
        assert_eq!(y2026(&hours), vec![]);
    }

    #[test]
    fn yearly_rules() {
        let plain = event("DTSTART;VALUE=DATE:20200224\nRRULE:FREQ=YEARLY");
        assert_eq!(
            days(&plain, date(2025, 1, 1), date(2027, 12, 31)),
            vec![date(2025, 2, 24), date(2026, 2, 24), date(2027, 2, 24)]
        );
        let by = event("DTSTART;VALUE=DATE:20200101\nRRULE:FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=23,24");
        assert_eq!(
            days(&by, date(2026, 1, 1), date(2026, 12, 31)),
            vec![date(2026, 1, 1), date(2026, 6, 23), date(2026, 6, 24)][1..].to_vec()
        );
        let count = event("DTSTART;VALUE=DATE:20240501\nRRULE:FREQ=YEARLY;COUNT=3");
        assert_eq!(
            days(&count, date(2020, 1, 1), date(2030, 12, 31)),
            vec![date(2024, 5, 1), date(2025, 5, 1), date(2026, 5, 1)]
        );
        let until = event("DTSTART;VALUE=DATE:20240501\nRRULE:FREQ=YEARLY;UNTIL=20250501");
        assert_eq!(
            days(&until, date(2020, 1, 1), date(2030, 12, 31)),
            vec![date(2024, 5, 1), date(2025, 5, 1)]
        );
        let until_time =
            event("DTSTART;VALUE=DATE:20240501\nRRULE:FREQ=YEARLY;UNTIL=20250430T235959Z");
        assert_eq!(
            days(&until_time, date(2020, 1, 1), date(2030, 12, 31)),
            vec![date(2024, 5, 1)]
        );
        let interval = event("DTSTART;VALUE=DATE:20200820\nRRULE:FREQ=YEARLY;INTERVAL=2");
        assert_eq!(
            days(&interval, date(2025, 1, 1), date(2028, 12, 31)),
            vec![date(2026, 8, 20), date(2028, 8, 20)]
        );
        // 29 February only in leap years.
        let leap = event("DTSTART;VALUE=DATE:20240229\nRRULE:FREQ=YEARLY");
        assert_eq!(
            days(&leap, date(2024, 1, 1), date(2028, 12, 31)),
            vec![date(2024, 2, 29), date(2028, 2, 29)]
        );
        // Buß- und Bettag: the Wednesday between 16 and 22 November.
        let bettag = event(
            "DTSTART;VALUE=DATE:20201118\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=WE;BYMONTHDAY=16,17,18,19,20,21,22",
        );
        assert_eq!(
            days(&bettag, date(2026, 1, 1), date(2027, 12, 31)),
            vec![date(2026, 11, 18), date(2027, 11, 17)]
        );
        // The last Monday in May; the 2nd Sunday of the year.
        let memorial = event("DTSTART;VALUE=DATE:20200525\nRRULE:FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO");
        assert_eq!(y2026(&memorial), vec![date(2026, 5, 25)]);
        let second = event("DTSTART;VALUE=DATE:20200112\nRRULE:FREQ=YEARLY;BYDAY=2SU");
        assert_eq!(y2026(&second), vec![date(2026, 1, 11)]);
    }

    #[test]
    fn dtstart_counts_even_off_the_rule() {
        // DTSTART is the first occurrence (RFC 5545 3.8.5.3) even when the rule skips it.
        let text =
            event("DTSTART;VALUE=DATE:20260102\nRRULE:FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1;COUNT=2");
        assert_eq!(
            days(&text, date(2026, 1, 1), date(2030, 1, 1)),
            vec![date(2026, 1, 2), date(2026, 3, 1)]
        );
    }

    #[test]
    fn other_frequencies() {
        let weekly = event("DTSTART;VALUE=DATE:20260703\nRRULE:FREQ=WEEKLY;UNTIL=20260724");
        assert_eq!(
            y2026(&weekly),
            vec![
                date(2026, 7, 3),
                date(2026, 7, 10),
                date(2026, 7, 17),
                date(2026, 7, 24)
            ]
        );
        let monthly =
            event("DTSTART;VALUE=DATE:20260130\nRRULE:FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3");
        assert_eq!(
            y2026(&monthly),
            vec![date(2026, 1, 30), date(2026, 1, 31), date(2026, 2, 28)]
        );
        let daily = event("DTSTART;VALUE=DATE:20260801\nRRULE:FREQ=DAILY;INTERVAL=2;COUNT=3");
        assert_eq!(
            y2026(&daily),
            vec![date(2026, 8, 1), date(2026, 8, 3), date(2026, 8, 5)]
        );
        let fortnight =
            event("DTSTART;VALUE=DATE:20260105\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR;COUNT=4");
        assert_eq!(
            y2026(&fortnight),
            vec![
                date(2026, 1, 5),
                date(2026, 1, 9),
                date(2026, 1, 19),
                date(2026, 1, 23)
            ]
        );
    }

    #[test]
    fn unsupported_rules_say_so() {
        let err = holidays_from_ics(
            &event("DTSTART:20260101T090000Z\nDTEND:20260101T100000Z\nRRULE:FREQ=HOURLY"),
            date(2026, 1, 1),
            date(2026, 12, 31),
        )
        .unwrap_err();
        assert!(matches!(err, IcsError::Unsupported { .. }), "{err}");
        assert!(err.to_string().contains("FREQ=HOURLY"), "{err}");
        let err = holidays_from_ics(
            &event("DTSTART;VALUE=DATE:20260101\nRRULE:FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1"),
            date(2026, 1, 1),
            date(2026, 12, 31),
        )
        .unwrap_err();
        assert!(err.to_string().contains("BYSETPOS"), "{err}");
        assert_eq!(err.line(), 7);
    }

    #[test]
    fn endless_rules_stop_with_an_error() {
        // COUNT makes every occurrence since year 1 count: the walk is bounded, not endless.
        let text = event("DTSTART;VALUE=DATE:00010101\nRRULE:FREQ=DAILY;COUNT=100000000");
        let err = holidays_from_ics(&text, date(9000, 1, 1), date(9000, 12, 31)).unwrap_err();
        assert!(
            matches!(err, IcsError::Unsupported { line: 7, .. }),
            "{err}"
        );
        assert!(err.to_string().contains("repeats too often"), "{err}");
        // A yearly rule with COUNT walks only its month: 2,000 years are cheap.
        let yearly = event("DTSTART;VALUE=DATE:00010224\nRRULE:FREQ=YEARLY;COUNT=5000");
        assert_eq!(y2026(&yearly), vec![date(2026, 2, 24)]);
        // Without COUNT the years before the range are skipped.
        let daily = event("DTSTART;VALUE=DATE:00010101\nRRULE:FREQ=DAILY");
        assert_eq!(y2026(&daily).len(), 365);
    }

    #[test]
    fn exdate_removes_occurrences() {
        let text = event(
            "DTSTART;VALUE=DATE:20240501\nRRULE:FREQ=YEARLY\nEXDATE;VALUE=DATE:20250501,20260501",
        );
        assert_eq!(
            days(&text, date(2024, 1, 1), date(2027, 12, 31)),
            vec![date(2024, 5, 1), date(2027, 5, 1)]
        );
        let timed = event(
            "DTSTART;TZID=Europe/Berlin:20240501T000000\nDURATION:P1D\nRRULE:FREQ=YEARLY\n\
             EXDATE;TZID=Europe/Berlin:20250501T000000\nEXDATE:20260430T220000Z",
        );
        assert_eq!(
            days(&timed, date(2024, 1, 1), date(2027, 12, 31)),
            vec![date(2024, 5, 1), date(2027, 5, 1)]
        );
    }

    #[test]
    fn rdate_adds_dates() {
        let text = event("DTSTART;VALUE=DATE:20260403\nRDATE;VALUE=DATE:20270326,20280414");
        assert_eq!(
            days(&text, date(2026, 1, 1), date(2028, 12, 31)),
            vec![date(2026, 4, 3), date(2027, 3, 26), date(2028, 4, 14)]
        );
    }

    #[test]
    fn recurrence_id_moves_or_cancels_an_occurrence() {
        let text = cal(
            "BEGIN:VEVENT\nUID:a\nDTSTART;VALUE=DATE:20240501\nRRULE:FREQ=YEARLY\nEND:VEVENT\n\
             BEGIN:VEVENT\nUID:a\nRECURRENCE-ID;VALUE=DATE:20260501\nDTSTART;VALUE=DATE:20260504\nEND:VEVENT\n\
             BEGIN:VEVENT\nUID:a\nRECURRENCE-ID;VALUE=DATE:20270501\nDTSTART;VALUE=DATE:20270501\nSTATUS:CANCELLED\nEND:VEVENT\n",
        );
        assert_eq!(
            days(&text, date(2025, 1, 1), date(2028, 12, 31)),
            vec![date(2025, 5, 1), date(2026, 5, 4), date(2028, 5, 1)]
        );
    }

    #[test]
    fn cancelled_events_are_ignored_transparent_ones_count() {
        // Google's public-holiday calendars mark every holiday TRANSP:TRANSPARENT.
        let text = cal(
            "BEGIN:VEVENT\nUID:a\nDTSTART;VALUE=DATE:20260501\nSTATUS:CANCELLED\nEND:VEVENT\n\
             BEGIN:VEVENT\nUID:b\nDTSTART;VALUE=DATE:20260502\ntransp:transparent\nEND:VEVENT\n\
             BEGIN:VEVENT\nUID:c\nDTSTART;VALUE=DATE:20260503\nTRANSP:OPAQUE\nSTATUS:CONFIRMED\nEND:VEVENT\n\
             BEGIN:VEVENT\nUID:d\nDTSTART;VALUE=DATE:20260504\nTRANSP:TRANSPARENT\nSTATUS:CANCELLED\nEND:VEVENT\n",
        );
        assert_eq!(y2026(&text), vec![date(2026, 5, 2), date(2026, 5, 3)]);
    }

    #[test]
    fn only_vevents_count() {
        let text = cal(
            "BEGIN:VTODO\nUID:t\nDTSTART;VALUE=DATE:20260501\nEND:VTODO\n\
             BEGIN:VEVENT\nUID:e\nDTSTART;VALUE=DATE:20260502\n\
             BEGIN:VALARM\nACTION:DISPLAY\nTRIGGER:-PT15M\nDTSTART:20260101\nEND:VALARM\nEND:VEVENT\n",
        );
        assert_eq!(y2026(&text), vec![date(2026, 5, 2)]);
    }

    #[test]
    fn unfolding_parameters_case_crlf_lf_and_bom() {
        let text = "\u{feff}begin:vcalendar\nBEGIN:VEVENT\nSUMMARY:A long\n  summary\nDTST\n ART;VAL\n\tUE=DATE:2026\n 1224\nDTEND;X-FOO=\"a;b:c\",d;value=date:20261225\nEND:VEVENT\nend:VCALENDAR";
        assert_eq!(y2026(text), vec![date(2026, 12, 24)]);
        assert_eq!(y2026(&text.replace('\n', "\r\n")), vec![date(2026, 12, 24)]);
    }

    #[test]
    fn time_zone_names() {
        for tzid in [
            "Europe/Tallinn",
            "\"Europe/Tallinn\"",
            "/mozilla.org/20050126_1/Europe/Tallinn",
            "FLE Standard Time",
            "Tallinn time",
        ] {
            let text = cal(&format!(
                "BEGIN:VTIMEZONE\nTZID:Tallinn time\nX-LIC-LOCATION:Europe/Tallinn\nEND:VTIMEZONE\n\
                 BEGIN:VEVENT\nDTSTART;TZID={tzid}:20260501T000000\nDTEND;TZID={tzid}:20260502T000000\nEND:VEVENT\n"
            ));
            assert_eq!(y2026(&text), vec![date(2026, 5, 1)], "{tzid}");
        }
        let err = holidays_from_ics(
            &event("DTSTART;TZID=Mars/Olympus:20260501T000000\nDURATION:P1D"),
            date(2026, 1, 1),
            date(2026, 12, 31),
        )
        .unwrap_err();
        assert!(err.to_string().contains("\"Mars/Olympus\""), "{err}");
    }

    #[test]
    fn empty_calendars_give_nothing() {
        assert_eq!(y2026("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"), vec![]);
        assert_eq!(
            y2026(&cal(
                "BEGIN:VTIMEZONE\nTZID:Europe/Tallinn\nEND:VTIMEZONE\n"
            )),
            vec![]
        );
    }

    #[test]
    fn errors_name_the_line_and_the_problem() {
        let not = holidays_from_ics("Subject: hello\n\nhi", date(2026, 1, 1), date(2026, 12, 31))
            .unwrap_err();
        assert!(
            matches!(not, IcsError::NotCalendar { line: 1, .. }),
            "{not}"
        );
        let empty = holidays_from_ics("", date(2026, 1, 1), date(2026, 12, 31)).unwrap_err();
        assert!(matches!(empty, IcsError::NotCalendar { .. }), "{empty}");

        let text = event("DTSTART;VALUE=DATE:2026-13-01");
        let err = holidays_from_ics(&text, date(2026, 1, 1), date(2026, 12, 31)).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("line 6: DTSTART \"2026-13-01\" is not a date"),
            "{err}"
        );

        let cases = [
            (event("DTSTART:20261301"), 6, "is not a date"),
            (event("DTSTART:20261224T250000"), 6, "is not a date-time"),
            (event("SUMMARY:Nothing"), 4, "has no DTSTART"),
            (
                event("DTSTART;VALUE=DATE:20261224\nDTEND;VALUE=DATE:20261220"),
                7,
                "before",
            ),
            (
                event("DTSTART;VALUE=DATE:20261224\nDURATION:3 days"),
                7,
                "not a duration",
            ),
            (
                event("DTSTART;VALUE=DATE:20261224\nRRULE:FREQ=SOMETIMES"),
                7,
                "FREQ=SOMETIMES",
            ),
            (
                event("DTSTART;VALUE=DATE:20261224\nRRULE:COUNT=2"),
                7,
                "FREQ is missing",
            ),
            (
                event("DTSTART;VALUE=DATE:20261224\nthis is a broken fold"),
                7,
                "must start with a space",
            ),
            (
                cal("BEGIN:VEVENT\nDTSTART:20261224\n"),
                6,
                "END:VCALENDAR does not close BEGIN:VEVENT from line 4",
            ),
            (
                "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20261224\r\n".to_owned(),
                2,
                "is never closed",
            ),
            (
                cal("END:VEVENT\n"),
                4,
                "END:VEVENT does not close BEGIN:VCALENDAR from line 1",
            ),
            (
                cal("BEGIN:VEVENT\nDTSTART:20261224\nEND:VTODO\n"),
                6,
                "does not close BEGIN:VEVENT",
            ),
        ];
        for (text, line, words) in cases {
            let err = holidays_from_ics(&text, date(2026, 1, 1), date(2026, 12, 31)).unwrap_err();
            assert_eq!(err.line(), line, "{err}");
            assert!(err.to_string().contains(words), "{err} lacks {words:?}");
        }
    }

    /// "2026-01-01 2026-02-24 …" as dates.
    fn ymd(list: &str) -> Vec<Date> {
        list.split_whitespace()
            .map(|d| d.parse().unwrap())
            .collect()
    }

    fn fixture(name: &str) -> String {
        let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    #[test]
    fn estonian_public_holidays() {
        let text = fixture("holidays_ee.ics");
        assert!(text.contains("\r\n "), "the fixture has folded CRLF lines");
        let got = days(&text, date(2026, 1, 1), date(2027, 12, 31));
        let expected = ymd(
            "2026-01-01 2026-02-24 2026-04-03 2026-04-05 2026-05-01 2026-05-24 \
             2026-06-23 2026-06-24 2026-08-20 2026-12-24 2026-12-25 2026-12-26 \
             2027-01-01 2027-02-24 2027-03-26 2027-03-28 2027-05-01 2027-05-16 \
             2027-06-23 2027-06-24 2027-08-20 2027-12-24 2027-12-25 2027-12-26",
        );
        assert_eq!(got, expected);
        // The team party on 18 December 2026 is an evening event: no day off.
        assert!(text.contains("DTSTART;TZID=Europe/Tallinn:20261218T170000"));
    }

    #[test]
    fn bavarian_public_holidays() {
        let text = fixture("holidays_de_by.ics");
        assert!(text.contains("\r\n "), "the fixture has folded CRLF lines");
        let got = days(&text, date(2026, 1, 1), date(2027, 12, 31));
        let expected = ymd(
            "2026-01-01 2026-01-06 2026-04-03 2026-04-06 2026-05-01 2026-05-14 \
             2026-05-25 2026-06-04 2026-08-15 2026-10-03 2026-11-01 2026-11-18 \
             2026-12-25 2026-12-26 2027-01-01 2027-01-06 2027-03-26 2027-03-29 \
             2027-05-01 2027-05-06 2027-05-17 2027-05-27 2027-08-15 2027-10-03 \
             2027-11-01 2027-11-17 2027-12-25 2027-12-26",
        );
        assert_eq!(got, expected);
        // Fronleichnam 2026 is a single event (no RRULE): it gives no 4 June in other years, and
        // 2028's Fronleichnam (15 June) is not in the file.
        assert!(text.contains("DTSTART;VALUE=DATE:20260604"));
        let june_2028 = days(&text, date(2028, 6, 1), date(2028, 6, 30));
        assert!(!june_2028.contains(&date(2028, 6, 4)) && !june_2028.contains(&date(2028, 6, 15)));
        // Buß- und Bettag (schulfrei, TRANSP:TRANSPARENT) counts; the cancelled outing does not.
        assert!(got.contains(&date(2026, 11, 18)) && got.contains(&date(2027, 11, 17)));
        assert!(!got.contains(&date(2026, 7, 17)));
        // EXDATE: no Christmas occurrence in 2028.
        let y2028 = days(&text, date(2028, 12, 1), date(2028, 12, 31));
        assert!(!y2028.contains(&date(2028, 12, 25)) && !y2028.contains(&date(2028, 12, 26)));
        assert_eq!(
            days(&text, date(2029, 12, 20), date(2029, 12, 31)),
            vec![date(2029, 12, 25), date(2029, 12, 26)]
        );
        // Mariä Himmelfahrt stops after COUNT=10 (2020–2029).
        assert!(days(&text, date(2030, 8, 1), date(2030, 8, 31)).is_empty());
    }

    mod never_panics {
        use super::*;
        use proptest::prelude::*;

        const LINES: &[&str] = &[
            "BEGIN:VEVENT",
            "END:VEVENT",
            "BEGIN:VALARM",
            "END:VALARM",
            "BEGIN:VTIMEZONE",
            "END:VTIMEZONE",
            "END:VCALENDAR",
            "DTSTART;VALUE=DATE:",
            "DTSTART;TZID=Europe/Tallinn:",
            "DTSTART:",
            "DTEND:",
            "DTEND;VALUE=DATE:",
            "DURATION:",
            "RRULE:FREQ=YEARLY;",
            "RRULE:FREQ=DAILY;COUNT=",
            "RRULE:FREQ=WEEKLY;INTERVAL=",
            "RRULE:FREQ=MONTHLY;BYDAY=",
            "EXDATE:",
            "RDATE;VALUE=DATE:",
            "RECURRENCE-ID:",
            "UID:",
            "STATUS:CANCELLED",
            "TRANSP:TRANSPARENT",
            " ",
            "\t",
        ];

        fn line() -> impl Strategy<Value = String> {
            (
                proptest::sample::select(LINES),
                proptest::string::string_regex("[0-9TZPDWHMS=;,:+-]{0,20}|[0-9]{8}(T[0-9]{6}Z?)?")
                    .unwrap(),
            )
                .prop_map(|(head, tail)| format!("{head}{tail}"))
        }

        proptest! {
            #[test]
            fn random_text(text in ".{0,400}") {
                let _ = holidays_from_ics(&text, date(2026, 1, 1), date(2026, 12, 31));
            }

            #[test]
            fn random_calendars(
                lines in proptest::collection::vec(line(), 0..30),
                from in -3000i64..3000,
                len in 0i64..800,
            ) {
                let text = format!("BEGIN:VCALENDAR\r\n{}\r\nEND:VCALENDAR\r\n", lines.join("\r\n"));
                let from = add_days(date(2026, 1, 1), from).unwrap();
                let to = add_days(from, len).unwrap();
                if let Ok(days) = holidays_from_ics(&text, from, to) {
                    prop_assert!(days.windows(2).all(|w| w[0] < w[1]));
                    prop_assert!(days.iter().all(|d| from <= *d && *d <= to));
                }
            }
        }
    }
}
