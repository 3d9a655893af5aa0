//! Repeat detection measured on our labelled scenarios (tests/data/repeats/*.toml,
//! format in tests/data/repeats/FORMAT.md): every scenario's mails are written as
//! RFC 5322 files and replayed through `kindly ingest --received-at header`; the
//! tickets Kindly made are compared with the `problem` labels.
//!
//! Reports per language: B-cubed precision/recall/F1 of tickets against truth,
//! pairwise merge precision (of the mail pairs put in one ticket, the share that
//! are one problem), acknowledgements sent per problem, and a per-kind table of
//! mails placed right. Run:
//!   cargo test --release -p kindly --test repeats_quality -- --nocapture

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;

use jiff::{SignedDuration, Timestamp};
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
struct File {
    scenario: Vec<Scenario>,
}

#[derive(Deserialize)]
struct Scenario {
    id: String,
    #[allow(dead_code)] // documents the scenario; shown in failures
    title: String,
    customer: String,
    mail: Vec<Mail>,
}

#[derive(Deserialize)]
struct Mail {
    problem: String,
    at: i64,
    kind: String,
    subject: String,
    body: String,
    thread: Option<usize>,
    quote: Option<usize>,
    forward: Option<usize>,
}

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/repeats")
}

fn load(lang: &str) -> Vec<Scenario> {
    let path = data_dir().join(format!("{lang}.toml"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let file: File = toml::from_str(&text).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    file.scenario
}

const SUPPORT: &str = "support@kindly.example";

fn address(scenario: &Scenario) -> String {
    format!("{}@customers.example", scenario.id.to_lowercase())
}

fn message_id(scenario: &Scenario, index: usize) -> String {
    format!(
        "<{}.{}@customers.example>",
        scenario.id.to_lowercase(),
        index + 1
    )
}

/// The words a mail client in this language puts above a quote and a forward.
fn quote_header(lang: &str, when: Timestamp, name: &str, addr: &str) -> String {
    let d = when.to_zoned(jiff::tz::TimeZone::UTC);
    match lang {
        "de" => format!(
            "Am {} schrieb {name} <{addr}>:",
            d.strftime("%d.%m.%Y um %H:%M")
        ),
        "ru" => format!("{}, {name} <{addr}>:", d.strftime("%d.%m.%Y в %H:%M")),
        "et" => format!(
            "{} kirjutas {name} <{addr}>:",
            d.strftime("%d.%m.%Y kell %H:%M")
        ),
        _ => format!(
            "On {} {name} <{addr}> wrote:",
            d.strftime("%a, %b %-d, %Y at %H:%M")
        ),
    }
}

fn forward_separator(lang: &str) -> &'static str {
    match lang {
        "de" => "---------- Weitergeleitete Nachricht ---------",
        "ru" => "---------- Пересылаемое сообщение ---------",
        "et" => "---------- Edastatud kiri ---------",
        _ => "---------- Forwarded message ---------",
    }
}

fn encoded_subject(s: &str) -> String {
    if s.is_ascii() {
        s.to_string()
    } else {
        // RFC 2047 base64 encoded-word, as clients send non-ASCII subjects.
        format!("=?UTF-8?B?{}?=", base64(s.as_bytes()))
    }
}

fn base64(bytes: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(T[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn render(lang: &str, s: &Scenario, index: usize, base: Timestamp) -> String {
    let m = &s.mail[index];
    let addr = address(s);
    let when = |i: usize| base + SignedDuration::from_mins(s.mail[i].at);
    let mut body = m.body.trim_end().to_string();
    let mut headers = String::new();
    if let Some(k) = m.thread {
        let parent = message_id(s, k - 1);
        headers.push_str(&format!(
            "In-Reply-To: {parent}\r\nReferences: {parent}\r\n"
        ));
    }
    if let Some(k) = m.quote {
        let earlier = &s.mail[k - 1];
        body.push_str("\n\n");
        body.push_str(&quote_header(lang, when(k - 1), &s.customer, &addr));
        body.push('\n');
        for line in earlier.body.trim_end().lines() {
            body.push_str(&format!("> {line}\n"));
        }
    }
    if let Some(k) = m.forward {
        let earlier = &s.mail[k - 1];
        let date = when(k - 1).to_zoned(jiff::tz::TimeZone::UTC);
        body.push_str(&format!(
            "\n\n{}\nFrom: {} <{addr}>\nDate: {}\nSubject: {}\nTo: <{SUPPORT}>\n\n{}\n",
            forward_separator(lang),
            s.customer,
            date.strftime("%a, %b %-d, %Y at %H:%M"),
            earlier.subject,
            earlier.body.trim_end()
        ));
    }
    let date = when(index).to_zoned(jiff::tz::TimeZone::UTC);
    let body = body.replace('\n', "\r\n");
    format!(
        "From: {} <{addr}>\r\nTo: {SUPPORT}\r\nSubject: {}\r\nDate: {}\r\nMessage-ID: {}\r\n{headers}\
         MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{body}\r\n",
        encoded_subject(&s.customer),
        encoded_subject(&m.subject),
        date.strftime("%a, %d %b %Y %H:%M:%S +0000"),
        message_id(s, index),
    )
}

struct Placed {
    scenario: usize,
    index: usize,
    ticket: Option<i64>,
    outcome: String,
    acknowledged: bool,
}

fn replay(lang: &str, scenarios: &[Scenario]) -> Vec<Placed> {
    let dir = tempfile::tempdir().unwrap();
    let mail_dir = dir.path().join("mail");
    std::fs::create_dir(&mail_dir).unwrap();
    let start: Timestamp = "2026-03-02T07:00:00Z".parse().unwrap();
    let mut names = HashMap::new();
    for (si, s) in scenarios.iter().enumerate() {
        // Scenarios are ten days apart: the status-update period never spans two.
        let base = start + SignedDuration::from_hours(24 * 10 * si as i64);
        for mi in 0..s.mail.len() {
            let name = format!("{si:03}-{mi:02}.eml");
            std::fs::write(mail_dir.join(&name), render(lang, s, mi, base)).unwrap();
            names.insert(format!("{}/{name}", mail_dir.display()), (si, mi));
        }
    }
    // KINDLY_REPEAT_LOG=DIR keeps the intake's debug log of every comparison
    // (DIR/<lang>.log), for studying the figures behind each decision.
    let log_dir = std::env::var_os("KINDLY_REPEAT_LOG").map(PathBuf::from);
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kindly"));
    if log_dir.is_some() {
        cmd.env("KINDLY_LOG", "kindly_app::intake=debug")
            .env("NO_COLOR", "1");
    }
    let out = cmd
        .arg("--data")
        .arg(dir.path().join("data"))
        .args(["ingest", "--received-at", "header"])
        .arg(&mail_dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "ingest failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    if let Some(d) = log_dir {
        std::fs::create_dir_all(&d).unwrap();
        std::fs::write(d.join(format!("{lang}.log")), &out.stderr).unwrap();
    }
    let mut placed = Vec::new();
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        let (scenario, index) = names[v["file"].as_str().unwrap()];
        placed.push(Placed {
            scenario,
            index,
            ticket: v["ticket"].as_i64(),
            outcome: v["outcome"].as_str().unwrap().to_string(),
            acknowledged: v["acknowledged"].as_bool().unwrap(),
        });
    }
    assert_eq!(
        placed.len(),
        scenarios.iter().map(|s| s.mail.len()).sum::<usize>()
    );
    if let Some(d) = std::env::var_os("KINDLY_REPEAT_LOG").map(PathBuf::from) {
        let mut tsv = String::new();
        for p in &placed {
            let s = &scenarios[p.scenario];
            let m = &s.mail[p.index];
            tsv.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\t{}\n",
                message_id(s, p.index),
                s.id,
                p.index + 1,
                m.problem,
                m.kind,
                p.ticket.map_or(-1, |t| t)
            ));
        }
        std::fs::write(d.join(format!("{lang}.placed.tsv")), tsv).unwrap();
    }
    placed
}

#[derive(Default)]
struct Figures {
    mails: usize,
    b3_precision: f64,
    b3_recall: f64,
    merged_pairs: usize,
    wrong_merges: usize,
    problems: usize,
    acks: usize,
    by_kind: BTreeMap<String, (usize, usize)>,
    errors: Vec<String>,
}

impl Figures {
    fn f1(&self) -> f64 {
        let (p, r) = (self.b3_precision, self.b3_recall);
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn merge_precision(&self) -> f64 {
        if self.merged_pairs == 0 {
            1.0
        } else {
            1.0 - self.wrong_merges as f64 / self.merged_pairs as f64
        }
    }
}

fn measure(scenarios: &[Scenario], placed: &[Placed]) -> Figures {
    let mut f = Figures::default();
    let truth = |p: &Placed| {
        (
            p.scenario,
            scenarios[p.scenario].mail[p.index].problem.clone(),
        )
    };
    // Tickets only ever hold one customer's mail, and each scenario has its own
    // customer, so clusters never span scenarios; a mail without a ticket is its own.
    let pred = |p: &Placed| match p.ticket {
        Some(t) => (t, usize::MAX, usize::MAX),
        None => (-1, p.scenario, p.index),
    };
    for a in placed {
        let same_pred: Vec<&Placed> = placed.iter().filter(|b| pred(b) == pred(a)).collect();
        let same_truth: Vec<&Placed> = placed.iter().filter(|b| truth(b) == truth(a)).collect();
        let both = same_pred.iter().filter(|b| truth(b) == truth(a)).count() as f64;
        f.b3_precision += both / same_pred.len() as f64;
        f.b3_recall += both / same_truth.len() as f64;
    }
    f.mails = placed.len();
    f.b3_precision /= f.mails as f64;
    f.b3_recall /= f.mails as f64;
    for (i, a) in placed.iter().enumerate() {
        for b in &placed[i + 1..] {
            if a.ticket.is_some() && a.ticket == b.ticket {
                f.merged_pairs += 1;
                if truth(a) != truth(b) {
                    f.wrong_merges += 1;
                }
            }
        }
    }
    let mut problems: Vec<(usize, String)> = placed.iter().map(truth).collect();
    problems.sort();
    problems.dedup();
    f.problems = problems.len();
    f.acks = placed.iter().filter(|p| p.acknowledged).count();

    // Per mail: placed right? A mail of a problem seen before belongs in that
    // problem's ticket; a mail of a new problem belongs in a ticket of its own.
    for p in placed {
        let s = &scenarios[p.scenario];
        let m = &s.mail[p.index];
        let earlier: Vec<&Placed> = placed
            .iter()
            .filter(|q| q.scenario == p.scenario && q.index < p.index)
            .collect();
        let same: Vec<&Placed> = earlier
            .iter()
            .copied()
            .filter(|q| s.mail[q.index].problem == m.problem)
            .collect();
        let right = if same.is_empty() {
            p.ticket.is_some() && earlier.iter().all(|q| q.ticket != p.ticket)
        } else {
            same.iter()
                .any(|q| q.ticket == p.ticket && p.ticket.is_some())
        };
        let e = f.by_kind.entry(m.kind.clone()).or_default();
        e.0 += 1;
        if right {
            e.1 += 1;
        } else {
            f.errors.push(format!(
                "{} mail {} ({}, problem {}): {} into ticket {:?}; earlier mails went to {:?}",
                s.id,
                p.index + 1,
                m.kind,
                m.problem,
                p.outcome,
                p.ticket,
                earlier
                    .iter()
                    .map(|q| (s.mail[q.index].problem.as_str(), q.ticket))
                    .collect::<Vec<_>>()
            ));
        }
    }
    f
}

/// Floors the suite must keep: what the rules reach today (2026-11-23, with the
/// "says it is writing again" rule: F1 et 0.908, ru 0.935, en 0.918, de 0.899;
/// merge precision 0.980–1.000), a little below so a change that loses ground
/// fails. The targets are F1 >= 0.97 and merge precision >= 0.99;
/// recall on unannounced rewords, added details and re-sends in another
/// language is what is missing (see the per-kind table).
const FLOORS: &[(&str, f64, f64)] = &[
    // (language, B-cubed F1, merge precision)
    ("et", 0.89, 0.97),
    ("ru", 0.92, 0.98),
    ("en", 0.91, 0.98),
    ("de", 0.89, 0.98),
];

#[test]
fn repeats_are_folded_and_different_problems_kept_apart() {
    let mut any = false;
    let mut lines = Vec::new();
    let mut failures = Vec::new();
    let mut all_kinds: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for &(lang, f1_floor, mp_floor) in FLOORS {
        if !data_dir().join(format!("{lang}.toml")).exists() {
            continue;
        }
        any = true;
        let scenarios = load(lang);
        let placed = replay(lang, &scenarios);
        let f = measure(&scenarios, &placed);
        lines.push(format!(
            "{lang}  scenarios {:3}  mails {:3}  B3 P {:.3} R {:.3} F1 {:.3}  merge precision {:.3} ({} of {} pairs wrong)  acks {} for {} problems",
            scenarios.len(),
            f.mails,
            f.b3_precision,
            f.b3_recall,
            f.f1(),
            f.merge_precision(),
            f.wrong_merges,
            f.merged_pairs,
            f.acks,
            f.problems
        ));
        for (k, (n, right)) in &f.by_kind {
            let e = all_kinds.entry(k.clone()).or_default();
            e.0 += n;
            e.1 += right;
        }
        for e in &f.errors {
            eprintln!("  miss: {e}");
        }
        if f.f1() < f1_floor {
            failures.push(format!("{lang}: F1 {:.3} < {f1_floor}", f.f1()));
        }
        if f.merge_precision() < mp_floor {
            failures.push(format!(
                "{lang}: merge precision {:.3} < {mp_floor}",
                f.merge_precision()
            ));
        }
    }
    assert!(
        any,
        "no labelled repeat scenarios found in {:?}",
        data_dir()
    );
    for l in &lines {
        eprintln!("{l}");
    }
    eprintln!("mails placed right, per kind (all languages):");
    for (k, (n, right)) in &all_kinds {
        eprintln!("  {k:36} {right:3} / {n:3}");
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
