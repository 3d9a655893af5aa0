//! Settings: `kindly.toml` (every key optional) overridden by `KINDLY_*`
//! environment variables, validated once at start-up. See README.md for the
//! full list of keys.

use std::path::{Path, PathBuf};

use jiff::SignedDuration;
use jiff::civil::{Date, Time};
use jiff::tz::TimeZone;
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
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SmtpFile {
    host: Option<String>,
    port: Option<u16>,
    username: Option<String>,
    password: Option<String>,
    tls: Option<String>,
}

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

#[derive(Clone, Debug)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub username: Option<String>,
    pub password: Option<String>,
    pub tls: SmtpTls,
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
    pub hours: BusinessHours,
    /// The time zone name, for display.
    pub timezone_name: String,
    pub ack_target: SignedDuration,
    pub policy: Policy,
    pub max_message_bytes: u64,
    pub listen: String,
    /// `None`: the file transport (each mail an .eml under the data directory).
    pub smtp: Option<SmtpSettings>,
}

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
        // The bundled tz database: looking a name up in the system one makes jiff walk
        // all of /usr/share/zoneinfo, a cost the MTA pipe would pay on every mail.
        let tz = if timezone_name.eq_ignore_ascii_case("UTC") {
            TimeZone::UTC
        } else {
            jiff::tz::TimeZoneDatabase::bundled()
                .get(&timezone_name)
                .map_err(|e| invalid("hours.timezone", format!("{timezone_name:?}: {e}")))?
        };
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
        let mut week = [None; 7];
        for (slot, (key, spec)) in week.iter_mut().zip(days.iter()) {
            *slot = match spec {
                Some(s) => parse_day(key, s)?,
                None => None,
            };
        }
        let mut holidays = Vec::new();
        for h in f.hours.holidays.unwrap_or_default() {
            holidays.push(
                h.parse::<Date>()
                    .map_err(|e| invalid("hours.holidays", format!("{h:?}: {e}")))?,
            );
        }
        let hours = BusinessHours { week, holidays, tz };

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
                Some(SmtpSettings {
                    host,
                    port,
                    username: var("KINDLY_SMTP_USERNAME").or(f.smtp.username),
                    password: var("KINDLY_SMTP_PASSWORD").or(f.smtp.password),
                    tls,
                })
            }
        };

        Ok(Settings {
            support_addresses,
            from_name,
            company,
            signature,
            agents,
            hours,
            timezone_name,
            ack_target: SignedDuration::from_hours(ack_hours),
            policy,
            max_message_bytes,
            listen,
            smtp,
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
        let plain = match email.rsplit_once('@') {
            Some((local, domain)) => match local.split_once('+') {
                Some((base, _)) => format!("{base}@{domain}"),
                None => email.clone(),
            },
            None => email.clone(),
        };
        self.support_addresses
            .iter()
            .any(|a| *a == email || *a == plain)
    }

    pub fn is_agent(&self, email: &str) -> bool {
        let email = email.to_lowercase();
        self.agents.contains(&email)
    }
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
        assert_eq!(s.ack_target, SignedDuration::from_hours(24));
        assert!(s.hours.week[0].is_some() && s.hours.week[5].is_none());
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
        assert_eq!(s.ack_target, SignedDuration::from_hours(8));
        assert!(s.hours.week[5].is_some());
        assert_eq!(s.hours.holidays.len(), 1);
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
        assert!(s.hours.week[0].is_some());
        assert!(s.hours.week[4].is_none());
        assert!(s.hours.week[5].is_some());
    }
}
