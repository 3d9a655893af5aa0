//! Visible-text extraction measured on third-party reply corpora in ../shared/data/quotes
//! (discourse/email_reply_trimmer, crisp-oss/email-reply-parser, mailgun/talon, github/email_reply_parser).
//! Run `cargo test -p kindly-mail --test quotes -- --nocapture` for the pass rates.

// Test code: a failed read or parse should fail the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use kindly_mail::{html_to_text, parse, split_visible};

fn quotes_dir() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/quotes");
    if p.is_dir() {
        Some(p)
    } else {
        println!("skipping: shared data folder {} is absent", p.display());
        None
    }
}

/// Both sides compared after trimming the text and each line's trailing blanks
/// (email_reply_trimmer strips trailing whitespace; talon/crisp "trim" compares trimmed).
fn norm(s: &str) -> String {
    s.replace("\r\n", "\n")
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

fn same(got: &str, want: &str, compare: &str) -> bool {
    if compare == "ignore_whitespace" {
        let strip = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        strip(got) == strip(want)
    } else {
        norm(got) == norm(want)
    }
}

struct Tally {
    name: &'static str,
    pass: usize,
    total: usize,
}

impl Tally {
    fn new(name: &'static str) -> Self {
        Tally {
            name,
            pass: 0,
            total: 0,
        }
    }
    fn check(&mut self, id: &str, got: &str, want: &str, compare: &str) {
        self.total += 1;
        if same(got, want, compare) {
            self.pass += 1;
        } else if std::env::var_os("KINDLY_QUOTES_VERBOSE").is_some() {
            println!("--- {} {id}\n got: {got:?}\nwant: {want:?}", self.name);
        }
    }
    fn report(&self) -> f64 {
        let rate = if self.total == 0 {
            0.0
        } else {
            self.pass as f64 / self.total as f64
        };
        println!(
            "{:<34} {:>3}/{:<3} {:5.1}%",
            self.name,
            self.pass,
            self.total,
            rate * 100.0
        );
        rate
    }
}

fn jsonl(path: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The text a reply's file holds: .eml parsed, .html converted, .txt as is.
fn body_of(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    match path.extension().and_then(|e| e.to_str()) {
        Some("eml") => parse(&bytes).unwrap().text,
        Some("html") => html_to_text(&String::from_utf8_lossy(&bytes)),
        _ => String::from_utf8_lossy(&bytes).into_owned(),
    }
}

#[test]
fn pass_rates_per_source() {
    let Some(dir) = quotes_dir() else { return };

    let mut discourse = Tally::new("discourse email_reply_trimmer");
    let d = dir.join("discourse-email_reply_trimmer");
    let mut names: Vec<_> = std::fs::read_dir(d.join("emails"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    names.sort();
    for email in names {
        let Some(file) = email.file_name() else {
            continue;
        };
        let Ok(want) = std::fs::read_to_string(d.join("trimmed").join(file)) else {
            continue;
        };
        let got = split_visible(&body_of(&email)).visible;
        discourse.check(&file.to_string_lossy(), &got, &want, "trim");
    }

    let mut crisp = Tally::new("crisp email-reply-parser");
    let c = dir.join("crisp-email-reply-parser");
    for row in jsonl(&c.join("expected.jsonl")) {
        let file = row["file"].as_str().unwrap();
        let got = split_visible(&body_of(&c.join("fixtures").join(file))).visible;
        crisp.check(
            file,
            &got,
            row["visible"].as_str().unwrap(),
            row["compare"].as_str().unwrap(),
        );
    }

    let mut talon = Tally::new("talon expected (eml + html)");
    let t = dir.join("talon");
    for row in jsonl(&t.join("expected.jsonl")) {
        let file = row["file"].as_str().unwrap();
        let got = split_visible(&body_of(&t.join(file))).visible;
        talon.check(
            file,
            &got,
            row["visible"].as_str().unwrap(),
            row["compare"].as_str().unwrap(),
        );
    }

    let mut talon_text = Tally::new("talon text_cases");
    for row in jsonl(&t.join("text_cases.jsonl")) {
        let got = split_visible(row["input"].as_str().unwrap()).visible;
        talon_text.check(
            row["id"].as_str().unwrap(),
            &got,
            row["visible"].as_str().unwrap(),
            "exact",
        );
    }

    let rates = [
        discourse.report(),
        crisp.report(),
        talon.report(),
        talon_text.report(),
    ];
    // Floors a little under the measured rates (see the final report); a drop is a regression.
    let floors = [0.90, 0.93, 0.85, 0.85];
    for (rate, floor) in rates.iter().zip(floors) {
        assert!(*rate >= floor, "pass rate {rate} under floor {floor}");
    }
    assert!(
        discourse.total >= 60 && crisp.total >= 40 && talon.total >= 20 && talon_text.total >= 40
    );
}

#[test]
fn github_long_quote_is_fast() {
    let Some(dir) = quotes_dir() else { return };
    let path = dir.join("github-email_reply_parser/emails/email_long_quote.txt");
    let Ok(body) = std::fs::read_to_string(&path) else {
        println!("skipping: {} absent", path.display());
        return;
    };
    let start = std::time::Instant::now();
    let v = split_visible(&body);
    let took = start.elapsed();
    println!("email_long_quote.txt: {} KB in {took:?}", body.len() / 1024);
    assert!(body.len() > 500_000);
    // Generous for an unoptimised test build on a shared machine.
    assert!(took.as_millis() < 1500, "took {took:?}");
    assert!(v.visible.starts_with("Hi folks"));
    assert!(
        !v.visible.contains("riak-users mailing list"),
        "the list footer is not the reply"
    );
}
