//! Settings: `kindly.toml` (every key optional) overridden by `KINDLY_*`
//! environment variables, validated once at start-up. See README.md for the
//! full list of keys.

use std::path::{Path, PathBuf};

use jiff::SignedDuration;
use jiff::civil::{Date, Time};
use jiff::tz::TimeZone;
use kindly_core::eta::{Capacity, Shift};
use kindly_core::{BusinessHours, DayHours, Policy};
use serde::Deserialize;

#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Toml {
        path: PathBuf,
        source: toml::de::Error,
    },
    #[error("{key}: {message}")]
    Invalid { key: String, message: String },
}

fn invalid(key: &str, message: impl Into<String>) -> SettingsError {
    SettingsError::Invalid {
        key: key.to_string(),
        message: message.into(),
    }
}

/// The file as written (every key optional).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    support: SupportFile,
    #[serde(default)]
    hours: HoursFile,
    #[serde(default)]
    policy: PolicyFile,
    #[serde(default)]
    http: HttpFile,
    #[serde(default)]
    smtp: SmtpFile,
    #[serde(default)]
    capacity: CapacityFile,
    #[serde(default)]
    promises: PromisesFile,
    #[serde(default)]
    mood: MoodFile,
    /// `[[imap]]`: one table per mailbox.
    #[serde(default)]
    imap: Vec<ImapFile>,
    /// `[[team]]`: one table per team; without any, one team "support" runs
    /// on `[hours]`, `[capacity]` and `[promises]`.
    #[serde(default)]
    team: Vec<TeamFile>,
}

/// A team's own queue, calendar, capacity and lead; every key it leaves out
/// comes from the top-level `[hours]`, `[capacity]`, `[policy]` and `[promises]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct TeamFile {
    name: Option<String>,
    /// Mail to these addresses goes to this team's queue.
    addresses: Option<Vec<String>>,
    timezone: Option<String>,
    mon: Option<String>,
    tue: Option<String>,
    wed: Option<String>,
    thu: Option<String>,
    fri: Option<String>,
    sat: Option<String>,
    sun: Option<String>,
    holidays: Option<Vec<String>>,
    /// An iCalendar file of the team's days off (relative to the configuration file).
    holidays_ics: Option<String>,
    /// Hours within which the team means to answer (the service goal).
    target_hours: Option<i64>,
    answers_per_agent_hour: Option<f64>,
    agents: Option<u32>,
    shifts: Option<Vec<String>>,
    lead: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ImapFile {
    name: Option<String>,
    host: Option<String>,
    port: Option<u16>,
    tls: Option<String>,
    /// A PEM file of CA certificates to trust instead of the built-in roots
    /// (relative to the configuration file).
    ca_file: Option<String>,
    username: Option<String>,
    password: Option<String>,
    folder: Option<String>,
    team: Option<String>,
    /// move | seen | flag
    after: Option<String>,
    processed_folder: Option<String>,
    poll_seconds: Option<u64>,
    idle: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CapacityFile {
    answers_per_agent_hour: Option<f64>,
    agents: Option<u32>,
    shifts: Option<Vec<String>>,
    quantile: Option<f64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct PromisesFile {
    at_risk_minutes: Option<i64>,
    team_lead: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct MoodFile {
    /// The first agent reply to an angry ticket waits this long (0: never held).
    cooldown_minutes: Option<i64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SupportFile {
    addresses: Option<Vec<String>>,
    from_name: Option<String>,
    company: Option<String>,
    signature: Option<String>,
    agents: Option<Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct HoursFile {
    timezone: Option<String>,
    mon: Option<String>,
    tue: Option<String>,
    wed: Option<String>,
    thu: Option<String>,
    fri: Option<String>,
    sat: Option<String>,
    sun: Option<String>,
    holidays: Option<Vec<String>>,
    /// An iCalendar file of days off (relative to the configuration file).
    holidays_ics: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct PolicyFile {
    ack_target_hours: Option<i64>,
    reopen_days: Option<i64>,
    status_update_hours: Option<i64>,
    max_message_bytes: Option<u64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct HttpFile {
    listen: Option<String>,
    inbound_token: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SmtpFile {
    host: Option<String>,
    port: Option<u16>,
    username: Option<String>,
    password: Option<String>,
    tls: Option<String>,
    /// A PEM file of CA certificates to trust besides Mozilla's roots
    /// (relative to the configuration file).
    ca_file: Option<String>,
}

/// A secret from the configuration: compared, never printed (`Debug` is redacted).
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// The secret itself, for comparing with what a client presents.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(..)")
    }
}

/// The shortest bearer token `POST /inbound/mime` accepts.
pub const MIN_INBOUND_TOKEN_CHARS: usize = 16;

/// How SMTP talks TLS.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SmtpTls {
    /// Plain connection (a local MTA on 127.0.0.1:25).
    None,
    /// STARTTLS on the submission port (587).
    StartTls,
    /// Implicit TLS (465).
    Tls,
}

/// How IMAP talks TLS.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImapTls {
    /// Plain connection (a server on the same host).
    None,
    /// STARTTLS on port 143.
    StartTls,
    /// Implicit TLS (993).
    Tls,
}

/// What happens on the server to a mail once intake has committed it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AfterIntake {
    /// Moved to this folder (created when missing).
    Move(String),
    /// Marked `\Seen`.
    Seen,
    /// Marked `\Flagged`.
    Flag,
}

/// One IMAP mailbox Kindly takes mail from.
#[derive(Clone, Debug)]
pub struct ImapMailbox {
    /// Its name in logs, `/metrics` and `/healthz`.
    pub name: String,
    pub host: String,
    pub port: u16,
    pub tls: ImapTls,
    /// Trust these CA certificates (PEM) instead of the built-in roots.
    pub ca_file: Option<PathBuf>,
    pub username: String,
    pub password: Secret,
    pub folder: String,
    /// The team (queue) whose new tickets the mailbox's mail opens.
    pub team: String,
    pub after: AfterIntake,
    /// How often the folder is looked at without IDLE, and how long one IDLE lasts.
    pub poll_interval: std::time::Duration,
    /// Use IDLE when the server offers it.
    pub idle: bool,
}

impl ImapMailbox {
    /// The folder's identity for the stored UID position.
    pub fn account(&self) -> String {
        format!(
            "{}@{}:{}/{}",
            self.username, self.host, self.port, self.folder
        )
    }
}

/// The environment variable that overrides the password of mailbox `name`:
/// `KINDLY_IMAP_<NAME>_PASSWORD`, the name upper-cased, other characters `_`.
pub fn imap_password_var(name: &str) -> String {
    let upper: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect();
    format!("KINDLY_IMAP_{upper}_PASSWORD")
}

/// Default seconds between looks at a folder (and the longest IDLE).
pub const DEFAULT_IMAP_POLL_SECONDS: u64 = 60;

#[derive(Clone, Debug)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    /// The login (SASL PLAIN or LOGIN, whichever the server offers); always
    /// with a password, and never over `tls = none` to another host.
    pub credentials: Option<SmtpLogin>,
    pub tls: SmtpTls,
    /// CA certificates trusted besides Mozilla's roots (`ca_file`).
    pub extra_roots: Option<CaCertificates>,
}

/// A username and its password for the SMTP server.
#[derive(Clone, Debug)]
pub struct SmtpLogin {
    pub username: String,
    pub password: Secret,
}

/// The certificates of a PEM file, read and checked when the settings load.
#[derive(Clone)]
pub struct CaCertificates {
    pub path: PathBuf,
    /// Each certificate, DER-encoded; never empty.
    pub der: Vec<Vec<u8>>,
}

impl std::fmt::Debug for CaCertificates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "CaCertificates({}, {} certificate(s))",
            self.path.display(),
            self.der.len()
        )
    }
}

impl CaCertificates {
    /// Reads every certificate of the PEM file at `path`; an unreadable file,
    /// one without a certificate or one rustls cannot use as a trust anchor is
    /// an error naming `key`.
    pub fn read(path: &Path, key: &str) -> Result<CaCertificates, SettingsError> {
        use tokio_rustls::rustls::RootCertStore;
        use tokio_rustls::rustls::pki_types::CertificateDer;
        use tokio_rustls::rustls::pki_types::pem::PemObject;
        let shown = path.display();
        let bytes =
            std::fs::read(path).map_err(|e| invalid(key, format!("cannot read {shown}: {e}")))?;
        let mut der = Vec::new();
        let mut roots = RootCertStore::empty();
        for cert in CertificateDer::pem_slice_iter(&bytes) {
            let cert =
                cert.map_err(|e| invalid(key, format!("{shown}: not a PEM certificate: {e}")))?;
            roots
                .add(cert.clone())
                .map_err(|e| invalid(key, format!("{shown}: unusable certificate: {e}")))?;
            der.push(cert.as_ref().to_vec());
        }
        if der.is_empty() {
            return Err(invalid(
                key,
                format!("{shown} has no certificate (expected PEM: -----BEGIN CERTIFICATE-----)"),
            ));
        }
        Ok(CaCertificates {
            path: path.to_path_buf(),
            der,
        })
    }
}

/// Whether `host` is this machine (a password may cross loopback in clear).
fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// One team: its own queue, business hours, capacity and lead.
#[derive(Clone, Debug)]
pub struct Team {
    pub name: String,
    /// Mail to these addresses (lower-case) goes to this team's queue.
    pub addresses: Vec<String>,
    pub hours: BusinessHours,
    /// The time zone name, for display ("Europe/Tallinn").
    pub timezone_name: String,
    /// The service goal: the first answer within this time.
    pub ack_target: SignedDuration,
    /// Who answers, and how fast before there is history (`core::eta`).
    pub capacity: Capacity,
    /// Told when a promise is beyond the target or at risk.
    pub lead: Option<String>,
}

/// The teams; the first one takes mail no other team claims.
#[derive(Clone, Debug)]
pub struct Teams {
    first: Team,
    rest: Vec<Team>,
}

impl Teams {
    /// The team of mail no address or channel routes elsewhere.
    pub fn default_team(&self) -> &Team {
        &self.first
    }

    /// The team called `name`; the default team for a name no longer configured
    /// (a ticket routed before the configuration changed).
    pub fn get(&self, name: &str) -> &Team {
        self.find(name).unwrap_or(&self.first)
    }

    /// The team called `name`, if there is one.
    pub fn find(&self, name: &str) -> Option<&Team> {
        self.iter().find(|t| t.name == name)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Team> {
        std::iter::once(&self.first).chain(self.rest.iter())
    }

    /// The team the first of `recipients` (To, Cc, Delivered-To … in that
    /// order) that is one of a team's addresses names; plus-addresses count as
    /// their base address.
    pub fn for_recipients<'a>(
        &self,
        recipients: impl IntoIterator<Item = &'a str>,
    ) -> Option<&Team> {
        recipients.into_iter().find_map(|r| {
            let plain = without_plus(&r.trim().to_lowercase());
            self.iter().find(|t| t.addresses.contains(&plain))
        })
    }
}

/// `name+tag@domain` → `name@domain`.
fn without_plus(email: &str) -> String {
    match email.rsplit_once('@') {
        Some((local, domain)) => match local.split_once('+') {
            Some((base, _)) => format!("{base}@{domain}"),
            None => email.to_string(),
        },
        None => email.to_string(),
    }
}

/// Validated settings.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Our support addresses; the first is the From of our mail.
    pub support_addresses: Vec<String>,
    pub from_name: String,
    pub company: String,
    pub signature: String,
    /// Agents' addresses: their mail never gets an acknowledgement.
    pub agents: Vec<String>,
    /// The teams (queues), each with its calendar, capacity and lead.
    pub teams: Teams,
    pub policy: Policy,
    pub max_message_bytes: u64,
    pub listen: String,
    /// The bearer token of `POST /inbound/mime`; `None`: the endpoint is disabled.
    pub inbound_token: Option<Secret>,
    /// `None`: the file transport (each mail an .eml under the data directory).
    pub smtp: Option<SmtpSettings>,
    /// The share of customers who hear from us before the promise (0.9).
    pub promise_quantile: f64,
    /// A promise this close to its deadline without an answer is at risk.
    pub at_risk: SignedDuration,
    /// The first agent reply to an angry ticket is held this long before it
    /// goes out (the agent may send it at once); zero: never held.
    pub cooldown: SignedDuration,
    /// IMAP mailboxes `kindly serve` takes mail from.
    pub imap: Vec<ImapMailbox>,
}

/// First answers one agent gives per hour before there is history to measure.
pub const DEFAULT_ANSWERS_PER_AGENT_HOUR: f64 = 4.0;
/// Agents answering whenever the team is open, when no shifts are configured.
pub const DEFAULT_AGENTS_ON_DUTY: u32 = 2;

/// Holidays from an iCalendar file are expanded over these years.
const ICS_FROM: Date = jiff::civil::date(2020, 1, 1);
const ICS_TO: Date = jiff::civil::date(2060, 12, 31);

/// Minutes the first agent reply to an angry ticket waits by default.
pub const DEFAULT_COOLDOWN_MINUTES: i64 = 20;

/// Default listen address of `kindly serve`.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8025";
/// 50 MB.
pub const DEFAULT_MAX_MESSAGE_BYTES: u64 = 50 * 1024 * 1024;

impl Settings {
    /// Defaults, then `file` if it exists (it must parse when it exists), then `env`.
    pub fn load(
        file: &Path,
        must_exist: bool,
        env: &[(String, String)],
    ) -> Result<Settings, SettingsError> {
        let parsed = match std::fs::read_to_string(file) {
            Ok(text) => toml::from_str::<File>(&text).map_err(|source| SettingsError::Toml {
                path: file.to_path_buf(),
                source,
            })?,
            // The default file is optional; a data directory that cannot exist yet has none.
            Err(e)
                if !must_exist
                    && matches!(
                        e.kind(),
                        std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
                    ) =>
            {
                File::default()
            }
            Err(source) => {
                return Err(SettingsError::Read {
                    path: file.to_path_buf(),
                    source,
                });
            }
        };
        let mut parsed = parsed;
        let ics_path = env
            .iter()
            .find(|(k, _)| k == "KINDLY_HOLIDAYS_ICS")
            .map(|(_, v)| v.clone())
            .or(parsed.hours.holidays_ics.take());
        let base = file.parent().unwrap_or(Path::new("."));
        if let Some(rel) = ics_path {
            let extra = ics_days(base, &rel, "hours.holidays_ics")?;
            parsed
                .hours
                .holidays
                .get_or_insert_with(Vec::new)
                .extend(extra);
        }
        for (i, t) in parsed.team.iter_mut().enumerate() {
            if let Some(rel) = t.holidays_ics.take() {
                let extra = ics_days(base, &rel, &format!("team[{i}].holidays_ics"))?;
                t.holidays.get_or_insert_with(Vec::new).extend(extra);
            }
        }
        // CA files are named relative to the configuration file.
        if let Some(ca) = parsed.smtp.ca_file.take() {
            parsed.smtp.ca_file = Some(base.join(ca).to_string_lossy().into_owned());
        }
        for m in &mut parsed.imap {
            if let Some(ca) = m.ca_file.take() {
                m.ca_file = Some(base.join(ca).to_string_lossy().into_owned());
            }
        }
        Self::build(parsed, env)
    }

    /// Defaults with `env` on top (tests).
    pub fn from_env(env: &[(String, String)]) -> Result<Settings, SettingsError> {
        Self::build(File::default(), env)
    }

    fn build(f: File, env: &[(String, String)]) -> Result<Settings, SettingsError> {
        let var = |k: &str| env.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
        let list = |s: String| -> Vec<String> {
            s.split(',')
                .map(|x| x.trim().to_lowercase())
                .filter(|x| !x.is_empty())
                .collect()
        };

        let support_addresses = var("KINDLY_SUPPORT_ADDRESS")
            .map(list)
            .or(f
                .support
                .addresses
                .map(|v| v.into_iter().map(|a| a.trim().to_lowercase()).collect()))
            .unwrap_or_else(|| vec!["support@localhost".to_string()]);
        if support_addresses.is_empty() {
            return Err(invalid(
                "support.addresses",
                "at least one support address is needed",
            ));
        }
        for a in &support_addresses {
            if a.parse::<lettre::Address>().is_err() {
                return Err(invalid(
                    "support.addresses",
                    format!("{a:?} is not an e-mail address"),
                ));
            }
        }
        let company = var("KINDLY_COMPANY")
            .or(f.support.company)
            .unwrap_or_else(|| "Kindly".to_string());
        let from_name = var("KINDLY_FROM_NAME")
            .or(f.support.from_name)
            .unwrap_or_else(|| format!("{company} Support"));
        let signature = var("KINDLY_SIGNATURE")
            .or(f.support.signature)
            .unwrap_or_else(|| from_name.clone());
        let agents = var("KINDLY_AGENTS")
            .map(list)
            .or(f
                .support
                .agents
                .map(|v| v.into_iter().map(|a| a.trim().to_lowercase()).collect()))
            .unwrap_or_default();

        let timezone_name = var("KINDLY_TIMEZONE")
            .or(f.hours.timezone)
            .unwrap_or_else(|| "UTC".to_string());
        let default_day = Some("09:00-17:00".to_string());
        let mut days = [
            ("hours.mon", f.hours.mon.or(default_day.clone())),
            ("hours.tue", f.hours.tue.or(default_day.clone())),
            ("hours.wed", f.hours.wed.or(default_day.clone())),
            ("hours.thu", f.hours.thu.or(default_day.clone())),
            ("hours.fri", f.hours.fri.or(default_day)),
            ("hours.sat", f.hours.sat),
            ("hours.sun", f.hours.sun),
        ];
        if let Some(spec) = var("KINDLY_HOURS") {
            apply_hours_spec(&spec, &mut days)?;
        }
        let hours = BusinessHours {
            week: parse_week(&days)?,
            holidays: parse_holidays("hours.holidays", &f.hours.holidays.unwrap_or_default())?,
            tz: time_zone("hours.timezone", &timezone_name)?,
        };

        let int_var = |k: &str| -> Result<Option<i64>, SettingsError> {
            var(k)
                .map(|v| {
                    v.trim()
                        .parse::<i64>()
                        .map_err(|e| invalid(k, format!("{v:?}: {e}")))
                })
                .transpose()
        };
        let ack_hours = int_var("KINDLY_ACK_TARGET_HOURS")?
            .or(f.policy.ack_target_hours)
            .unwrap_or(24);
        let reopen_days = int_var("KINDLY_REOPEN_DAYS")?
            .or(f.policy.reopen_days)
            .unwrap_or(30);
        let update_hours = int_var("KINDLY_STATUS_UPDATE_HOURS")?
            .or(f.policy.status_update_hours)
            .unwrap_or(4);
        for (k, v) in [
            ("policy.ack_target_hours", ack_hours),
            ("policy.reopen_days", reopen_days),
            ("policy.status_update_hours", update_hours),
        ] {
            if !(0..=24 * 366).contains(&v) {
                return Err(invalid(k, format!("{v} is out of range")));
            }
        }
        let max_message_bytes = match int_var("KINDLY_MAX_MESSAGE_BYTES")? {
            Some(v) => u64::try_from(v)
                .map_err(|_| invalid("KINDLY_MAX_MESSAGE_BYTES", "must not be negative"))?,
            None => f
                .policy
                .max_message_bytes
                .unwrap_or(DEFAULT_MAX_MESSAGE_BYTES),
        };
        let policy = Policy {
            reopen_window: SignedDuration::from_hours(reopen_days * 24),
            status_update_period: SignedDuration::from_hours(update_hours),
            ..Policy::default()
        };

        let listen = var("KINDLY_LISTEN")
            .or(f.http.listen)
            .unwrap_or_else(|| DEFAULT_LISTEN.to_string());
        if listen.parse::<std::net::SocketAddr>().is_err() {
            return Err(invalid(
                "http.listen",
                format!("{listen:?} is not an address like 127.0.0.1:8025"),
            ));
        }

        let inbound_token = var("KINDLY_INBOUND_TOKEN")
            .or(f.http.inbound_token)
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty());
        if let Some(t) = &inbound_token {
            // Sent in an `Authorization: Bearer` header: visible ASCII only.
            if !t.bytes().all(|b| b.is_ascii_graphic()) {
                return Err(invalid(
                    "http.inbound_token",
                    "use visible ASCII characters only (e.g. the output of `openssl rand -hex 32`)",
                ));
            }
            if t.len() < MIN_INBOUND_TOKEN_CHARS {
                return Err(invalid(
                    "http.inbound_token",
                    format!(
                        "too short: at least {MIN_INBOUND_TOKEN_CHARS} characters (e.g. `openssl rand -hex 32`)"
                    ),
                ));
            }
        }
        let inbound_token = inbound_token.map(Secret);

        let smtp_host = var("KINDLY_SMTP_HOST").or(f.smtp.host);
        let smtp = match smtp_host {
            None => None,
            Some(host) => {
                let tls_name = var("KINDLY_SMTP_TLS")
                    .or(f.smtp.tls)
                    .unwrap_or_else(|| "starttls".into());
                let tls = match tls_name.as_str() {
                    "none" => SmtpTls::None,
                    "starttls" => SmtpTls::StartTls,
                    "tls" => SmtpTls::Tls,
                    other => {
                        return Err(invalid(
                            "smtp.tls",
                            format!("{other:?}: use none, starttls or tls"),
                        ));
                    }
                };
                let port = match var("KINDLY_SMTP_PORT") {
                    Some(p) => p
                        .trim()
                        .parse::<u16>()
                        .map_err(|e| invalid("KINDLY_SMTP_PORT", format!("{p:?}: {e}")))?,
                    None => f.smtp.port.unwrap_or(match tls {
                        SmtpTls::None => 25,
                        SmtpTls::StartTls => 587,
                        SmtpTls::Tls => 465,
                    }),
                };
                let username = var("KINDLY_SMTP_USERNAME")
                    .or(f.smtp.username)
                    .filter(|u| !u.is_empty());
                let password = var("KINDLY_SMTP_PASSWORD")
                    .or(f.smtp.password)
                    .filter(|p| !p.is_empty());
                let credentials = match (username, password) {
                    (None, None) => None,
                    (Some(username), Some(password)) => Some(SmtpLogin {
                        username,
                        password: Secret(password),
                    }),
                    (Some(_), None) => {
                        return Err(invalid(
                            "smtp.password",
                            "missing (a username is given; set both or neither)",
                        ));
                    }
                    (None, Some(_)) => {
                        return Err(invalid(
                            "smtp.username",
                            "missing (a password is given; set both or neither)",
                        ));
                    }
                };
                if credentials.is_some() && tls == SmtpTls::None && !is_loopback(&host) {
                    return Err(invalid(
                        "smtp.tls",
                        format!(
                            "\"none\" would send the password to {host} in clear; use starttls or tls"
                        ),
                    ));
                }
                let extra_roots = match var("KINDLY_SMTP_CA_FILE").or(f.smtp.ca_file) {
                    None => None,
                    Some(path) if path.trim().is_empty() => None,
                    Some(_) if tls == SmtpTls::None => {
                        return Err(invalid(
                            "smtp.ca_file",
                            "only used with tls = \"starttls\" or \"tls\"",
                        ));
                    }
                    Some(path) => Some(CaCertificates::read(Path::new(&path), "smtp.ca_file")?),
                };
                Some(SmtpSettings {
                    host,
                    port,
                    credentials,
                    tls,
                    extra_roots,
                })
            }
        };

        let rate =
            match var("KINDLY_ANSWERS_PER_AGENT_HOUR") {
                Some(v) => Some(v.trim().parse::<f64>().map_err(|e| {
                    invalid("KINDLY_ANSWERS_PER_AGENT_HOUR", format!("{v:?}: {e}"))
                })?),
                None => f.capacity.answers_per_agent_hour,
            }
            .unwrap_or(DEFAULT_ANSWERS_PER_AGENT_HOUR);
        check_rate("capacity.answers_per_agent_hour", rate)?;
        let agents_on_duty = match int_var("KINDLY_AGENTS_ON_DUTY")? {
            Some(n) => u32::try_from(n)
                .map_err(|_| invalid("KINDLY_AGENTS_ON_DUTY", format!("{n} is out of range")))?,
            None => f.capacity.agents.unwrap_or(DEFAULT_AGENTS_ON_DUTY),
        };
        let mut shifts = Vec::new();
        for spec in f.capacity.shifts.unwrap_or_default() {
            shifts.extend(parse_shift(&spec)?);
        }
        let promise_quantile = f.capacity.quantile.unwrap_or(0.9);
        if !(0.5..=0.99).contains(&promise_quantile) {
            return Err(invalid(
                "capacity.quantile",
                format!("{promise_quantile} must be between 0.5 and 0.99"),
            ));
        }
        let at_risk_minutes = f.promises.at_risk_minutes.unwrap_or(120);
        if !(0..=24 * 60 * 7).contains(&at_risk_minutes) {
            return Err(invalid(
                "promises.at_risk_minutes",
                format!("{at_risk_minutes} is out of range"),
            ));
        }
        let team_lead = var("KINDLY_TEAM_LEAD")
            .or(f.promises.team_lead)
            .map(|a| a.trim().to_lowercase())
            .filter(|a| !a.is_empty());
        if let Some(a) = &team_lead {
            check_address("promises.team_lead", a)?;
        }
        let base = Team {
            name: DEFAULT_TEAM.to_string(),
            addresses: Vec::new(),
            hours,
            timezone_name,
            ack_target: SignedDuration::from_hours(ack_hours),
            capacity: Capacity {
                per_agent_hour: rate,
                shifts,
                default_agents: agents_on_duty,
            },
            lead: team_lead,
        };
        let teams = teams(f.team, base)?;
        let cooldown_minutes = int_var("KINDLY_COOLDOWN_MINUTES")?
            .or(f.mood.cooldown_minutes)
            .unwrap_or(DEFAULT_COOLDOWN_MINUTES);
        if !(0..=24 * 60).contains(&cooldown_minutes) {
            return Err(invalid(
                "mood.cooldown_minutes",
                format!("{cooldown_minutes} must be between 0 and 1440"),
            ));
        }
        // Mail to a team's address is mail to us: threading, loops and From.
        let mut support_addresses = support_addresses;
        for a in teams.iter().flat_map(|t| t.addresses.iter()) {
            if !support_addresses.contains(a) {
                support_addresses.push(a.clone());
            }
        }

        let imap = imap_mailboxes(f.imap, &var, &teams)?;

        Ok(Settings {
            support_addresses,
            from_name,
            company,
            signature,
            agents,
            teams,
            policy,
            max_message_bytes,
            listen,
            inbound_token,
            smtp,
            promise_quantile,
            at_risk: SignedDuration::from_mins(at_risk_minutes),
            cooldown: SignedDuration::from_mins(cooldown_minutes),
            imap,
        })
    }

    /// The From address of our mail.
    pub fn from_address(&self) -> &str {
        self.support_addresses
            .first()
            .map_or("support@localhost", String::as_str)
    }

    /// True for one of our own addresses, plus-addressed ones included.
    pub fn is_own_address(&self, email: &str) -> bool {
        let email = email.to_lowercase();
        let plain = without_plus(&email);
        self.support_addresses
            .iter()
            .any(|a| *a == email || *a == plain)
    }

    pub fn is_agent(&self, email: &str) -> bool {
        let email = email.to_lowercase();
        self.agents.contains(&email)
    }
}

/// The days off an iCalendar file (relative to `base`) lists, as `YYYY-MM-DD`.
fn ics_days(base: &Path, rel: &str, key: &str) -> Result<Vec<String>, SettingsError> {
    let path = base.join(rel);
    let text = std::fs::read_to_string(&path).map_err(|source| SettingsError::Read {
        path: path.clone(),
        source,
    })?;
    let days = crate::ics::holidays_from_ics(&text, ICS_FROM, ICS_TO)
        .map_err(|e| invalid(key, format!("{}: {e}", path.display())))?;
    Ok(days.iter().map(ToString::to_string).collect())
}

/// The name of the one team there is when no `[[team]]` is configured.
pub const DEFAULT_TEAM: &str = "support";

fn time_zone(key: &str, name: &str) -> Result<TimeZone, SettingsError> {
    // The bundled tz database: looking a name up in the system one makes jiff walk
    // all of /usr/share/zoneinfo, a cost the MTA pipe would pay on every mail.
    if name.eq_ignore_ascii_case("UTC") {
        return Ok(TimeZone::UTC);
    }
    jiff::tz::TimeZoneDatabase::bundled()
        .get(name)
        .map_err(|e| invalid(key, format!("{name:?}: {e}")))
}

fn parse_week<K: AsRef<str>>(
    days: &[(K, Option<String>); 7],
) -> Result<[Option<DayHours>; 7], SettingsError> {
    let mut week = [None; 7];
    for (slot, (key, spec)) in week.iter_mut().zip(days.iter()) {
        *slot = match spec {
            Some(s) => parse_day(key.as_ref(), s)?,
            None => None,
        };
    }
    Ok(week)
}

fn parse_holidays(key: &str, list: &[String]) -> Result<Vec<Date>, SettingsError> {
    list.iter()
        .map(|h| {
            h.parse::<Date>()
                .map_err(|e| invalid(key, format!("{h:?}: {e}")))
        })
        .collect()
}

fn check_rate(key: &str, rate: f64) -> Result<(), SettingsError> {
    if rate > 0.0 && rate <= 1000.0 {
        Ok(())
    } else {
        Err(invalid(
            key,
            format!("{rate} must be above 0 (first answers one agent gives per hour)"),
        ))
    }
}

fn check_address(key: &str, a: &str) -> Result<(), SettingsError> {
    if a.parse::<lettre::Address>().is_ok() {
        Ok(())
    } else {
        Err(invalid(key, format!("{a:?} is not an e-mail address")))
    }
}

/// The `[[team]]` tables on top of `base` (the top-level sections); `base`
/// itself, named "support", when there are none.
fn teams(files: Vec<TeamFile>, base: Team) -> Result<Teams, SettingsError> {
    let mut built: Vec<Team> = Vec::new();
    for (i, t) in files.into_iter().enumerate() {
        let key = |k: &str| format!("team[{i}].{k}");
        let name = t
            .name
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty())
            .ok_or_else(|| invalid(&key("name"), "missing"))?;
        if name.chars().any(|c| c.is_control() || c.is_whitespace()) {
            return Err(invalid(&key("name"), "no spaces or control characters"));
        }
        if built.iter().any(|b| b.name == name) {
            return Err(invalid(&key("name"), format!("{name:?} names two teams")));
        }
        let mut addresses = Vec::new();
        for a in t.addresses.unwrap_or_default() {
            let a = a.trim().to_lowercase();
            check_address(&key("addresses"), &a)?;
            if let Some(other) = built.iter().find(|b| b.addresses.contains(&a)) {
                return Err(invalid(
                    &key("addresses"),
                    format!("{a:?} already belongs to team {:?}", other.name),
                ));
            }
            addresses.push(a);
        }
        let timezone_name = t.timezone.unwrap_or_else(|| base.timezone_name.clone());
        let tz = time_zone(&key("timezone"), &timezone_name)?;
        let written = [t.mon, t.tue, t.wed, t.thu, t.fri, t.sat, t.sun];
        // Days written: exactly those days are open; none: the top-level week.
        let week = if written.iter().any(Option::is_some) {
            let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
            let mut days: [(String, Option<String>); 7] = Default::default();
            for ((slot, spec), day) in days.iter_mut().zip(written).zip(names) {
                *slot = (key(day), spec);
            }
            parse_week(&days)?
        } else {
            base.hours.week
        };
        let holidays = match t.holidays {
            Some(list) => parse_holidays(&key("holidays"), &list)?,
            None => base.hours.holidays.clone(),
        };
        let target_hours = t.target_hours.unwrap_or_else(|| base.ack_target.as_hours());
        if !(1..=24 * 366).contains(&target_hours) {
            return Err(invalid(
                &key("target_hours"),
                format!("{target_hours} is out of range"),
            ));
        }
        let per_agent_hour = t
            .answers_per_agent_hour
            .unwrap_or(base.capacity.per_agent_hour);
        check_rate(&key("answers_per_agent_hour"), per_agent_hour)?;
        let shifts = match t.shifts {
            Some(specs) => {
                let mut shifts = Vec::new();
                for spec in specs {
                    shifts.extend(parse_shift(&spec)?);
                }
                shifts
            }
            None => base.capacity.shifts.clone(),
        };
        let lead = match t.lead.map(|a| a.trim().to_lowercase()) {
            Some(a) if a.is_empty() => None,
            Some(a) => {
                check_address(&key("lead"), &a)?;
                Some(a)
            }
            None => base.lead.clone(),
        };
        built.push(Team {
            name,
            addresses,
            hours: BusinessHours { week, holidays, tz },
            timezone_name,
            ack_target: SignedDuration::from_hours(target_hours),
            capacity: Capacity {
                per_agent_hour,
                shifts,
                default_agents: t.agents.unwrap_or(base.capacity.default_agents),
            },
            lead,
        });
    }
    let mut built = built.into_iter();
    Ok(match built.next() {
        Some(first) => Teams {
            first,
            rest: built.collect(),
        },
        None => Teams {
            first: base,
            rest: Vec::new(),
        },
    })
}

/// The `[[imap]]` tables, validated; `var` reads the environment.
fn imap_mailboxes(
    files: Vec<ImapFile>,
    var: &dyn Fn(&str) -> Option<String>,
    teams: &Teams,
) -> Result<Vec<ImapMailbox>, SettingsError> {
    let mut out: Vec<ImapMailbox> = Vec::new();
    for (i, m) in files.into_iter().enumerate() {
        let key = |k: &str| format!("imap[{i}].{k}");
        let nonempty = |k: &str, v: Option<String>| -> Result<String, SettingsError> {
            v.map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
                .ok_or_else(|| invalid(&key(k), "missing"))
        };
        let host = nonempty("host", m.host)?;
        let username = nonempty("username", m.username)?;
        let name = m
            .name
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| format!("{username}@{host}"));
        if name.chars().any(char::is_control) {
            return Err(invalid(&key("name"), "no control characters"));
        }
        if out.iter().any(|o| o.name == name) {
            return Err(invalid(
                &key("name"),
                format!("{name:?} names two mailboxes; give each a name of its own"),
            ));
        }
        let password_var = imap_password_var(&name);
        let password = var(&password_var)
            .or(m.password)
            .filter(|p| !p.is_empty())
            .ok_or_else(|| {
                invalid(
                    &key("password"),
                    format!("missing (write it here or set {password_var})"),
                )
            })?;
        let tls = match m.tls.as_deref().unwrap_or("tls") {
            "none" => ImapTls::None,
            "starttls" => ImapTls::StartTls,
            "tls" => ImapTls::Tls,
            other => {
                return Err(invalid(
                    &key("tls"),
                    format!("{other:?}: use none, starttls or tls"),
                ));
            }
        };
        let port = m.port.unwrap_or(match tls {
            ImapTls::Tls => 993,
            ImapTls::None | ImapTls::StartTls => 143,
        });
        if port == 0 {
            return Err(invalid(&key("port"), "0 is not a port"));
        }
        let folder = m
            .folder
            .map(|f| f.trim().to_string())
            .filter(|f| !f.is_empty())
            .unwrap_or_else(|| "INBOX".to_string());
        let processed_given = m.processed_folder.is_some();
        let after = match m.after.as_deref().unwrap_or("move") {
            "move" => {
                let to = m
                    .processed_folder
                    .map(|f| f.trim().to_string())
                    .filter(|f| !f.is_empty())
                    .unwrap_or_else(|| "Processed".to_string());
                if to == folder {
                    return Err(invalid(
                        &key("processed_folder"),
                        format!("{to:?} is the folder mail is taken from"),
                    ));
                }
                AfterIntake::Move(to)
            }
            "seen" => AfterIntake::Seen,
            "flag" => AfterIntake::Flag,
            other => {
                return Err(invalid(
                    &key("after"),
                    format!("{other:?}: use move, seen or flag"),
                ));
            }
        };
        // Only `move` reads it; with anything else the two keys disagree.
        if processed_given && !matches!(after, AfterIntake::Move(_)) {
            return Err(invalid(
                &key("processed_folder"),
                "only used with after = \"move\"",
            ));
        }
        let poll_seconds = m.poll_seconds.unwrap_or(DEFAULT_IMAP_POLL_SECONDS);
        if !(1..=3600).contains(&poll_seconds) {
            return Err(invalid(
                &key("poll_seconds"),
                format!("{poll_seconds} must be between 1 and 3600"),
            ));
        }
        let team = match m
            .team
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
        {
            Some(t) => match teams.find(&t) {
                Some(found) => found.name.clone(),
                None => {
                    let known: Vec<&str> = teams.iter().map(|t| t.name.as_str()).collect();
                    return Err(invalid(
                        &key("team"),
                        format!("{t:?} is no team (teams: {})", known.join(", ")),
                    ));
                }
            },
            None => teams.default_team().name.clone(),
        };
        out.push(ImapMailbox {
            name,
            host,
            port,
            tls,
            ca_file: m.ca_file.map(PathBuf::from),
            username,
            password: Secret(password),
            folder,
            team,
            after,
            poll_interval: std::time::Duration::from_secs(poll_seconds),
            idle: m.idle.unwrap_or(true),
        });
    }
    Ok(out)
}

/// `"mon-fri 09:00-13:00 2"`: on those days, two agents from 9 to 13 (team time).
fn parse_shift(spec: &str) -> Result<Vec<Shift>, SettingsError> {
    const KEY: &str = "capacity.shifts";
    let help = || {
        invalid(
            KEY,
            format!("{spec:?}: write a shift as \"mon-fri 09:00-13:00 2\" (days, hours, agents)"),
        )
    };
    let mut parts = spec.split_whitespace();
    let (Some(days), Some(hours), Some(agents), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(help());
    };
    let agents: u32 = agents.parse().map_err(|_| help())?;
    let Some(DayHours { open, close }) = parse_day(KEY, hours)? else {
        return Err(help());
    };
    let mut out = Vec::new();
    for day in day_range(days).ok_or_else(help)? {
        out.push(Shift {
            weekday: day,
            start: open,
            end: close,
            agents,
        });
    }
    Ok(out)
}

/// `mon`, `mon-fri`, `sat,sun` → weekdays.
fn day_range(spec: &str) -> Option<Vec<jiff::civil::Weekday>> {
    use jiff::civil::Weekday::*;
    const NAMES: [(&str, jiff::civil::Weekday); 7] = [
        ("mon", Monday),
        ("tue", Tuesday),
        ("wed", Wednesday),
        ("thu", Thursday),
        ("fri", Friday),
        ("sat", Saturday),
        ("sun", Sunday),
    ];
    let index = |n: &str| {
        NAMES
            .iter()
            .position(|(k, _)| k.eq_ignore_ascii_case(n.trim()))
    };
    let mut out = Vec::new();
    for part in spec.split(',') {
        match part.split_once('-') {
            Some((a, b)) => {
                let (a, b) = (index(a)?, index(b)?);
                if a > b {
                    return None;
                }
                out.extend(NAMES[a..=b].iter().map(|(_, d)| *d));
            }
            None => out.push(NAMES[index(part)?].1),
        }
    }
    Some(out)
}

fn parse_day(key: &str, spec: &str) -> Result<Option<DayHours>, SettingsError> {
    let spec = spec.trim();
    if spec.is_empty() || spec.eq_ignore_ascii_case("closed") {
        return Ok(None);
    }
    let (open, close) = spec.split_once('-').ok_or_else(|| {
        invalid(
            key,
            format!("{spec:?}: write hours as 09:00-17:00 or closed"),
        )
    })?;
    let parse = |t: &str| -> Result<Time, SettingsError> {
        let t = t.trim();
        if t == "24:00" {
            return Ok(Time::MAX);
        }
        t.parse::<Time>()
            .map_err(|e| invalid(key, format!("{t:?}: {e}")))
    };
    let (open, close) = (parse(open)?, parse(close)?);
    if open >= close {
        return Err(invalid(
            key,
            format!("{spec:?}: opening must be before closing"),
        ));
    }
    Ok(Some(DayHours { open, close }))
}

/// `KINDLY_HOURS="mon-fri 09:00-17:00; sat 10:00-14:00"`: days not named are closed.
fn apply_hours_spec(
    spec: &str,
    days: &mut [(&str, Option<String>); 7],
) -> Result<(), SettingsError> {
    const NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    for d in days.iter_mut() {
        d.1 = None;
    }
    for part in spec.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let (which, hours) = part.split_once(' ').ok_or_else(|| {
            invalid(
                "KINDLY_HOURS",
                format!("{part:?}: write e.g. mon-fri 09:00-17:00"),
            )
        })?;
        let idx = |n: &str| {
            NAMES
                .iter()
                .position(|x| x.eq_ignore_ascii_case(n.trim()))
                .ok_or_else(|| invalid("KINDLY_HOURS", format!("{n:?} is not a day (mon..sun)")))
        };
        let (from, to) = match which.split_once('-') {
            Some((a, b)) => (idx(a)?, idx(b)?),
            None => (idx(which)?, idx(which)?),
        };
        if from > to {
            return Err(invalid(
                "KINDLY_HOURS",
                format!("{which:?}: days must run forward"),
            ));
        }
        for d in days.iter_mut().take(to + 1).skip(from) {
            d.1 = Some(hours.trim().to_string());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn defaults_work_without_any_configuration() {
        let s = Settings::from_env(&[]).expect("defaults");
        assert_eq!(s.from_address(), "support@localhost");
        assert_eq!(s.listen, DEFAULT_LISTEN);
        assert_eq!(
            s.teams.default_team().ack_target,
            SignedDuration::from_hours(24)
        );
        assert!(
            s.teams.default_team().hours.week[0].is_some()
                && s.teams.default_team().hours.week[5].is_none()
        );
        assert!(s.smtp.is_none());
    }

    #[test]
    fn file_then_environment() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("kindly.toml");
        std::fs::write(
            &path,
            "[support]\naddresses = [\"Help@Acme.example\"]\ncompany = \"ACME\"\n[hours]\ntimezone = \"Europe/Tallinn\"\nsat = \"10:00-14:00\"\nholidays = [\"2026-12-24\"]\n[policy]\nack_target_hours = 8\n",
        )
        .expect("write");
        let s = Settings::load(&path, true, &env(&[("KINDLY_LISTEN", "127.0.0.1:9999")]))
            .expect("valid");
        assert_eq!(s.support_addresses, vec!["help@acme.example"]);
        assert_eq!(s.from_name, "ACME Support");
        assert_eq!(s.listen, "127.0.0.1:9999");
        assert_eq!(
            s.teams.default_team().ack_target,
            SignedDuration::from_hours(8)
        );
        assert!(s.teams.default_team().hours.week[5].is_some());
        assert_eq!(s.teams.default_team().hours.holidays.len(), 1);
        assert!(s.is_own_address("help+12@acme.example"));
        assert!(!s.is_own_address("customer@acme.example"));
    }

    #[test]
    fn bad_values_name_their_key() {
        for (k, v, key) in [
            ("KINDLY_TIMEZONE", "Mars/Olympus", "hours.timezone"),
            ("KINDLY_LISTEN", "nowhere", "http.listen"),
            (
                "KINDLY_SUPPORT_ADDRESS",
                "not an address",
                "support.addresses",
            ),
            ("KINDLY_HOURS", "mon-fri 17:00-09:00", "hours.mon"),
            ("KINDLY_ACK_TARGET_HOURS", "soon", "KINDLY_ACK_TARGET_HOURS"),
        ] {
            match Settings::from_env(&env(&[(k, v)])) {
                Err(SettingsError::Invalid { key: got, .. }) => assert_eq!(got, key, "{k}={v}"),
                other => panic!("{k}={v}: expected an error naming {key}, got {other:?}"),
            }
        }
    }

    #[test]
    fn unknown_keys_in_the_file_are_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("kindly.toml");
        std::fs::write(&path, "[support]\nadress = \"typo@example.com\"\n").expect("write");
        assert!(matches!(
            Settings::load(&path, true, &[]),
            Err(SettingsError::Toml { .. })
        ));
    }

    #[test]
    fn hours_spec_from_environment() {
        let s = Settings::from_env(&env(&[(
            "KINDLY_HOURS",
            "mon-thu 08:00-16:00; sat 10:00-12:00",
        )]))
        .expect("valid");
        assert!(s.teams.default_team().hours.week[0].is_some());
        assert!(s.teams.default_team().hours.week[4].is_none());
        assert!(s.teams.default_team().hours.week[5].is_some());
    }

    #[test]
    fn capacity_shifts_and_promises() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("kindly.toml");
        std::fs::write(
            &path,
            "[capacity]\nanswers_per_agent_hour = 3.5\nshifts = [\"mon-thu 09:00-13:00 2\", \"fri 09:00-13:00 1\"]\nquantile = 0.95\n[promises]\nat_risk_minutes = 90\nteam_lead = \"Lead@Acme.example\"\n",
        )
        .expect("write");
        let s = Settings::load(&path, true, &[]).expect("valid");
        assert_eq!(s.teams.default_team().capacity.per_agent_hour, 3.5);
        assert_eq!(s.teams.default_team().capacity.shifts.len(), 5);
        assert_eq!(s.teams.default_team().capacity.shifts[4].agents, 1);
        assert_eq!(s.promise_quantile, 0.95);
        assert_eq!(s.at_risk, SignedDuration::from_mins(90));
        assert_eq!(
            s.teams.default_team().lead.as_deref(),
            Some("lead@acme.example")
        );
        for (bad, key) in [
            (
                "[capacity]\nshifts = [\"monday 9-13\"]\n",
                "capacity.shifts",
            ),
            (
                "[capacity]\nanswers_per_agent_hour = 0.0\n",
                "capacity.answers_per_agent_hour",
            ),
            ("[capacity]\nquantile = 1.5\n", "capacity.quantile"),
            ("[promises]\nteam_lead = \"nobody\"\n", "promises.team_lead"),
        ] {
            std::fs::write(&path, bad).expect("write");
            match Settings::load(&path, true, &[]) {
                Err(SettingsError::Invalid { key: k, .. }) => assert_eq!(k, key),
                other => panic!("{bad}: {other:?}"),
            }
        }
    }

    #[test]
    fn teams_inherit_the_top_level_sections_and_route_by_address() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("kindly.toml");
        std::fs::write(
            dir.path().join("de-days.ics"),
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261003\r\nSUMMARY:Tag der Deutschen Einheit\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        )
        .expect("write");
        std::fs::write(
            &path,
            "[support]\naddresses = [\"help@acme.example\"]\n\
             [hours]\ntimezone = \"Europe/Tallinn\"\nholidays = [\"2026-12-24\"]\n\
             [capacity]\nanswers_per_agent_hour = 3.0\nagents = 3\n\
             [promises]\nteam_lead = \"lead@acme.example\"\n\
             [[team]]\nname = \"support\"\naddresses = [\"help@acme.example\"]\n\
             [[team]]\nname = \"billing\"\naddresses = [\"Billing@Acme.example\"]\n\
             timezone = \"Europe/Berlin\"\nmon = \"08:00-12:00\"\nholidays_ics = \"de-days.ics\"\n\
             target_hours = 8\nagents = 1\nlead = \"money@acme.example\"\n",
        )
        .expect("write");
        let s = Settings::load(&path, true, &[]).expect("valid");
        let support = s.teams.default_team();
        assert_eq!(support.name, "support");
        assert_eq!(support.timezone_name, "Europe/Tallinn");
        assert_eq!(support.capacity.default_agents, 3);
        assert_eq!(support.lead.as_deref(), Some("lead@acme.example"));
        let billing = s.teams.find("billing").expect("billing");
        assert_eq!(billing.timezone_name, "Europe/Berlin");
        // Days written: exactly those are open.
        assert!(billing.hours.week[0].is_some() && billing.hours.week[1].is_none());
        assert_eq!(
            billing.hours.holidays.len(),
            1,
            "its own list replaces the top-level one"
        );
        assert_eq!(billing.ack_target, SignedDuration::from_hours(8));
        assert_eq!(billing.capacity.per_agent_hour, 3.0, "inherited");
        assert_eq!(billing.capacity.default_agents, 1);
        assert_eq!(billing.lead.as_deref(), Some("money@acme.example"));
        // Routing: plus-addresses and case count as the base address.
        let to = |r: &[&str]| {
            s.teams
                .for_recipients(r.iter().copied())
                .map(|t| t.name.clone())
        };
        assert_eq!(to(&["BILLING+7@acme.example"]).as_deref(), Some("billing"));
        assert_eq!(
            to(&["someone@else.example", "help@acme.example"]).as_deref(),
            Some("support")
        );
        assert_eq!(to(&["someone@else.example"]), None);
        assert_eq!(
            s.teams.get("gone").name,
            "support",
            "an unknown name falls back to the default"
        );
        // A team's address is one of ours (loops, threading).
        assert!(s.is_own_address("billing@acme.example"));

        for (bad, key) in [
            ("[[team]]\naddresses = [\"a@b.example\"]\n", "team[0].name"),
            (
                "[[team]]\nname = \"a\"\n[[team]]\nname = \"a\"\n",
                "team[1].name",
            ),
            (
                "[[team]]\nname = \"a\"\naddresses = [\"x@b.example\"]\n[[team]]\nname = \"b\"\naddresses = [\"x@b.example\"]\n",
                "team[1].addresses",
            ),
            (
                "[[team]]\nname = \"a\"\ntimezone = \"Mars/Base\"\n",
                "team[0].timezone",
            ),
            ("[[team]]\nname = \"a\"\ntue = \"9 to 5\"\n", "team[0].tue"),
            (
                "[[team]]\nname = \"a\"\ntarget_hours = 0\n",
                "team[0].target_hours",
            ),
            (
                "[[team]]\nname = \"a\"\nlead = \"nobody\"\n",
                "team[0].lead",
            ),
            (
                "[[team]]\nname = \"a\"\n[[imap]]\nhost = \"h\"\nusername = \"u\"\npassword = \"p\"\nteam = \"b\"\n",
                "imap[0].team",
            ),
        ] {
            std::fs::write(&path, bad).expect("write");
            match Settings::load(&path, true, &[]) {
                Err(SettingsError::Invalid { key: k, .. }) => assert_eq!(k, key, "{bad}"),
                other => panic!("{bad}: {other:?}"),
            }
        }
    }

    #[test]
    fn inbound_token_is_off_by_default_and_never_printed() {
        let s = Settings::from_env(&[]).expect("defaults");
        assert!(
            s.inbound_token.is_none(),
            "the webhook is never open by default"
        );
        let token = "0123456789abcdef0123456789abcdef";
        let s = Settings::from_env(&env(&[("KINDLY_INBOUND_TOKEN", token)])).expect("valid");
        assert_eq!(s.inbound_token.as_ref().map(Secret::expose), Some(token));
        assert!(
            !format!("{s:?}").contains(token),
            "Debug must not show the token"
        );
        // Blank means off, like an absent key.
        let s = Settings::from_env(&env(&[("KINDLY_INBOUND_TOKEN", "  ")])).expect("valid");
        assert!(s.inbound_token.is_none());
    }

    #[test]
    fn inbound_token_from_the_file_and_the_environment_wins() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("kindly.toml");
        std::fs::write(
            &path,
            "[http]\nlisten = \"127.0.0.1:8026\"\ninbound_token = \"from-the-file-0123456789\"\n",
        )
        .expect("write");
        let s = Settings::load(&path, true, &[]).expect("valid");
        assert_eq!(
            s.inbound_token.as_ref().map(Secret::expose),
            Some("from-the-file-0123456789")
        );
        let s = Settings::load(
            &path,
            true,
            &env(&[("KINDLY_INBOUND_TOKEN", "from-the-environment-0123")]),
        )
        .expect("valid");
        assert_eq!(
            s.inbound_token.as_ref().map(Secret::expose),
            Some("from-the-environment-0123")
        );
        for bad in [
            "tiny-token",
            "has a space in it 0123456789",
            "ünïcödé-0123456789abcdef",
        ] {
            match Settings::from_env(&env(&[("KINDLY_INBOUND_TOKEN", bad)])) {
                Err(SettingsError::Invalid { key, message }) => {
                    assert_eq!(key, "http.inbound_token");
                    assert!(!message.contains(bad), "the error must not echo the token");
                }
                other => panic!("{bad:?}: {other:?}"),
            }
        }
    }

    #[test]
    fn holidays_come_from_an_ics_file_next_to_the_configuration() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("kindly.toml");
        std::fs::write(
            dir.path().join("days-off.ics"),
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART;VALUE=DATE:20260224\r\nRRULE:FREQ=YEARLY\r\nSUMMARY:Independence Day\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        )
        .expect("write");
        std::fs::write(&path, "[hours]\nholidays_ics = \"days-off.ics\"\n").expect("write");
        let s = Settings::load(&path, true, &[]).expect("valid");
        assert!(
            s.teams
                .default_team()
                .hours
                .holidays
                .contains(&jiff::civil::date(2027, 2, 24))
        );
        std::fs::write(dir.path().join("days-off.ics"), "not a calendar").expect("write");
        assert!(matches!(
            Settings::load(&path, true, &[]),
            Err(SettingsError::Invalid { .. })
        ));
    }

    #[test]
    fn imap_mailboxes_with_defaults_and_password_from_the_environment() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("kindly.toml");
        std::fs::write(
            &path,
            "[[team]]\nname = \"support\"\n[[team]]\nname = \"billing\"\n\
             [[imap]]\nname = \"support\"\nhost = \"imap.example.com\"\nusername = \"help\"\npassword = \"secret-one\"\n\
             [[imap]]\nname = \"billing-de\"\nhost = \"127.0.0.1\"\ntls = \"none\"\nusername = \"b\"\nfolder = \"Support/DE\"\n\
             team = \"billing\"\nafter = \"seen\"\npoll_seconds = 5\nidle = false\nca_file = \"ca.pem\"\n",
        )
        .expect("write");
        let s = Settings::load(
            &path,
            true,
            &env(&[("KINDLY_IMAP_BILLING_DE_PASSWORD", "from-env")]),
        )
        .expect("valid");
        assert_eq!(s.imap.len(), 2);
        let a = &s.imap[0];
        assert_eq!((a.port, a.tls), (993, ImapTls::Tls));
        assert_eq!(a.folder, "INBOX");
        assert_eq!(a.team, "support");
        assert_eq!(a.after, AfterIntake::Move("Processed".into()));
        assert_eq!(a.poll_interval.as_secs(), DEFAULT_IMAP_POLL_SECONDS);
        assert!(a.idle);
        assert_eq!(a.password.expose(), "secret-one");
        assert!(!format!("{s:?}").contains("secret-one"), "Debug hides it");
        assert_eq!(a.account(), "help@imap.example.com:993/INBOX");
        let b = &s.imap[1];
        assert_eq!((b.port, b.tls), (143, ImapTls::None));
        assert_eq!(b.password.expose(), "from-env");
        assert_eq!((b.after.clone(), b.idle), (AfterIntake::Seen, false));
        assert_eq!(b.team, "billing");
        assert_eq!(b.poll_interval.as_secs(), 5);
        assert_eq!(
            b.ca_file.as_deref(),
            Some(dir.path().join("ca.pem").as_path())
        );
        assert!(Settings::from_env(&[]).expect("defaults").imap.is_empty());
    }

    #[test]
    fn bad_imap_values_name_their_key() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("kindly.toml");
        let base = "[[imap]]\nhost = \"h\"\nusername = \"u\"\npassword = \"p\"\n";
        for (extra, key) in [
            ("tls = \"ssl\"\n", "imap[0].tls"),
            ("after = \"delete\"\n", "imap[0].after"),
            ("poll_seconds = 0\n", "imap[0].poll_seconds"),
            ("processed_folder = \"INBOX\"\n", "imap[0].processed_folder"),
            (
                "after = \"seen\"\nprocessed_folder = \"Done\"\n",
                "imap[0].processed_folder",
            ),
            ("port = 0\n", "imap[0].port"),
            (
                "[[imap]]\nhost = \"h\"\nusername = \"u\"\npassword = \"p\"\n",
                "imap[1].name",
            ),
            (
                "[[imap]]\nname = \"x\"\nhost = \"h\"\nusername = \"u\"\n",
                "imap[1].password",
            ),
            (
                "[[imap]]\nname = \"x\"\nusername = \"u\"\npassword = \"p\"\n",
                "imap[1].host",
            ),
            (
                "[[imap]]\nname = \"x\"\nhost = \"h\"\npassword = \"p\"\n",
                "imap[1].username",
            ),
        ] {
            std::fs::write(&path, format!("{base}{extra}")).expect("write");
            match Settings::load(&path, true, &[]) {
                Err(SettingsError::Invalid { key: k, message }) => {
                    assert_eq!(k, key, "{extra}: {message}");
                    assert!(!message.contains("\"p\""), "no password in errors");
                }
                other => panic!("{extra}: {other:?}"),
            }
        }
        std::fs::write(&path, format!("{base}pasword = \"typo\"\n")).expect("write");
        assert!(matches!(
            Settings::load(&path, true, &[]),
            Err(SettingsError::Toml { .. })
        ));
        assert_eq!(
            imap_password_var("support@acme.example"),
            "KINDLY_IMAP_SUPPORT_ACME_EXAMPLE_PASSWORD"
        );
    }

    /// A CA of its own (openssl, EC P-256), used only as a trust anchor here.
    const TEST_CA: &str = "-----BEGIN CERTIFICATE-----
MIIBmjCCAUGgAwIBAgIUB1Qnrpbt6/iwcjJhBRQHb0Aocv8wCgYIKoZIzj0EAwIw
IjEgMB4GA1UEAwwXS2luZGx5IFNldHRpbmdzIFRlc3QgQ0EwIBcNMjYxMTIzMTYz
MjMwWhgPMjEyNjEwMzAxNjMyMzBaMCIxIDAeBgNVBAMMF0tpbmRseSBTZXR0aW5n
cyBUZXN0IENBMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE72QcZHl4huW19EDl
6cd4kb7e2qe0LbLe4ha2i/gX+iOcwlMdSp+M1bBfaEyfrTM/YYVL8hcQtaqVhcZw
dEKP4qNTMFEwHQYDVR0OBBYEFGpYYylC0R7NuDJJ/ImztjPFqGTYMB8GA1UdIwQY
MBaAFGpYYylC0R7NuDJJ/ImztjPFqGTYMA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZI
zj0EAwIDRwAwRAIgfM2lEndhpPIgJ8AbsqDLkfi/TBt+WnuoGbMcssM8+fECIBOc
wFavVNKShMyMmNb0RDI5AqcK1WuLh7YZ8JiaiyPu
-----END CERTIFICATE-----
";

    #[test]
    fn smtp_login_and_a_private_ca() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("kindly.toml");
        std::fs::write(dir.path().join("ca.pem"), TEST_CA).expect("write");
        std::fs::write(
            &path,
            "[smtp]\nhost = \"mail.example.com\"\nusername = \"help\"\npassword = \"secret-smtp\"\nca_file = \"ca.pem\"\n",
        )
        .expect("write");
        let s = Settings::load(&path, true, &[]).expect("valid");
        let smtp = s.smtp.as_ref().expect("smtp");
        assert_eq!((smtp.port, smtp.tls), (587, SmtpTls::StartTls));
        let login = smtp.credentials.as_ref().expect("a login");
        assert_eq!(login.username, "help");
        assert_eq!(login.password.expose(), "secret-smtp");
        assert!(!format!("{s:?}").contains("secret-smtp"), "Debug hides it");
        let ca = smtp.extra_roots.as_ref().expect("the CA file");
        assert_eq!(
            ca.path,
            dir.path().join("ca.pem"),
            "relative to kindly.toml"
        );
        assert_eq!(ca.der.len(), 1);

        // The environment wins, its path taken as given; empty turns it off.
        let other = dir.path().join("other.pem");
        std::fs::write(&other, format!("{TEST_CA}{TEST_CA}")).expect("write");
        let s = Settings::load(
            &path,
            true,
            &env(&[("KINDLY_SMTP_CA_FILE", other.to_str().expect("UTF-8"))]),
        )
        .expect("valid");
        let ca = s.smtp.and_then(|m| m.extra_roots).expect("the CA file");
        assert_eq!((ca.path, ca.der.len()), (other, 2));
        let s = Settings::load(&path, true, &env(&[("KINDLY_SMTP_CA_FILE", "")])).expect("valid");
        assert!(s.smtp.and_then(|m| m.extra_roots).is_none());

        // Loopback may take a password without TLS (a local Postfix).
        let s = Settings::from_env(&env(&[
            ("KINDLY_SMTP_HOST", "127.0.0.1"),
            ("KINDLY_SMTP_TLS", "none"),
            ("KINDLY_SMTP_USERNAME", "u"),
            ("KINDLY_SMTP_PASSWORD", "p"),
        ]))
        .expect("valid");
        assert_eq!(s.smtp.map(|m| m.port), Some(25));
    }

    #[test]
    fn bad_smtp_values_name_their_key_and_say_why() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("kindly.toml");
        std::fs::write(dir.path().join("empty.pem"), "").expect("write");
        std::fs::write(
            dir.path().join("key.pem"),
            "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n",
        )
        .expect("write");
        std::fs::write(
            dir.path().join("broken.pem"),
            "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n",
        )
        .expect("write");
        let base = "[smtp]\nhost = \"mail.example.com\"\n";
        for (extra, key, words) in [
            ("ca_file = \"missing.pem\"\n", "smtp.ca_file", "cannot read"),
            (
                "ca_file = \"empty.pem\"\n",
                "smtp.ca_file",
                "has no certificate",
            ),
            (
                "ca_file = \"key.pem\"\n",
                "smtp.ca_file",
                "has no certificate",
            ),
            (
                "ca_file = \"broken.pem\"\n",
                "smtp.ca_file",
                "unusable certificate",
            ),
            (
                "tls = \"none\"\nca_file = \"empty.pem\"\n",
                "smtp.ca_file",
                "only used with",
            ),
            ("tls = \"ssl\"\n", "smtp.tls", "use none, starttls or tls"),
            ("username = \"u\"\n", "smtp.password", "missing"),
            ("password = \"p\"\n", "smtp.username", "missing"),
            (
                "tls = \"none\"\nusername = \"u\"\npassword = \"p\"\n",
                "smtp.tls",
                "in clear",
            ),
        ] {
            std::fs::write(&path, format!("{base}{extra}")).expect("write");
            match Settings::load(&path, true, &[]) {
                Err(SettingsError::Invalid { key: k, message }) => {
                    assert_eq!(k, key, "{extra}: {message}");
                    assert!(message.contains(words), "{extra}: {message}");
                    assert!(!message.contains("\"p\""), "no password in errors");
                }
                other => panic!("{extra}: {other:?}"),
            }
        }
    }
}
