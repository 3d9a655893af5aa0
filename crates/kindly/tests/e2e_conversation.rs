//! End to end through the `kindly` binary, against the CLI contract only:
//!
//! * a small conversation in Estonian, Russian, English and German (hand-written fixtures in
//!   `tests/fixtures/conversation/`): four requests, an auto-reply, a bounce, a newsletter, four
//!   threaded follow-ups and a re-delivery — ingested one mail per process through stdin, and
//!   again as one directory into a fresh data dir;
//! * a SIGKILL in the middle of a directory ingest, then the same command again: every mail is
//!   stored exactly once and acknowledged exactly once.
//!
//! Nothing here knows how `kindly` works inside; expected values come from the fixtures.

// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use serde_json::Value;

const KINDLY: &str = env!("CARGO_BIN_EXE_kindly");

fn conversation_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/conversation")
}

/// One fixture and what the contract says must happen to it.
struct Step {
    file: &'static str,
    outcome: &'static str,
    /// The conversation (by language) whose ticket the mail belongs to; `None` for automatic mail.
    thread: Option<&'static str>,
}

const STEPS: [Step; 12] = [
    Step {
        file: "01-et-request.eml",
        outcome: "new_ticket",
        thread: Some("et"),
    },
    Step {
        file: "02-ru-request.eml",
        outcome: "new_ticket",
        thread: Some("ru"),
    },
    Step {
        file: "03-en-request.eml",
        outcome: "new_ticket",
        thread: Some("en"),
    },
    Step {
        file: "04-de-request.eml",
        outcome: "new_ticket",
        thread: Some("de"),
    },
    Step {
        file: "05-en-auto-reply.eml",
        outcome: "automatic",
        thread: None,
    },
    Step {
        file: "06-bounce.eml",
        outcome: "automatic",
        thread: None,
    },
    Step {
        file: "07-newsletter.eml",
        outcome: "automatic",
        thread: None,
    },
    Step {
        file: "08-et-reply.eml",
        outcome: "follow_up",
        thread: Some("et"),
    },
    Step {
        file: "09-ru-reply.eml",
        outcome: "follow_up",
        thread: Some("ru"),
    },
    Step {
        file: "10-en-reply.eml",
        outcome: "follow_up",
        thread: Some("en"),
    },
    Step {
        file: "11-de-reply.eml",
        outcome: "follow_up",
        thread: Some("de"),
    },
    Step {
        file: "12-ru-redelivery.eml",
        outcome: "duplicate_delivery",
        thread: Some("ru"),
    },
];

/// The first mail of each conversation: language, request file, follow-up file, decoded subject,
/// and where our acknowledgement must go (Reply-To when the request has one).
struct Conversation {
    language: &'static str,
    request: &'static str,
    reply: &'static str,
    subject: &'static str,
    customer: &'static str,
    ack_to: &'static str,
}

const CONVERSATIONS: [Conversation; 4] = [
    Conversation {
        language: "et",
        request: "01-et-request.eml",
        reply: "08-et-reply.eml",
        subject: "Sisselogimine ebaõnnestub, parool ei tööta",
        customer: "mari.tamm@mail.ee",
        ack_to: "mari.tamm@mail.ee",
    },
    Conversation {
        language: "ru",
        request: "02-ru-request.eml",
        reply: "09-ru-reply.eml",
        subject: "Где мой заказ 5839021? Посылка не доставлена",
        customer: "ivan.petrov@yandex.ru",
        ack_to: "ivan.petrov@yandex.ru",
    },
    Conversation {
        language: "en",
        request: "03-en-request.eml",
        reply: "10-en-reply.eml",
        subject: "Charged twice for order 7719354",
        customer: "emily.clarke@gmail.com",
        ack_to: "e.clarke@northwind-traders.co.uk",
    },
    Conversation {
        language: "de",
        request: "04-de-request.eml",
        reply: "11-de-reply.eml",
        subject: "Rückerstattung für Bestellung 3305817",
        customer: "j.mueller@web.de",
        ack_to: "j.mueller@web.de",
    },
];

// ---------------------------------------------------------------------------------------------
// Reading fixtures: just enough of RFC 5322 to get a header out of the head.

/// An unfolded header value of a mail file (first occurrence, name case-insensitive).
fn header(raw: &[u8], name: &str) -> Option<String> {
    let text = String::from_utf8_lossy(raw).replace("\r\n", "\n");
    let head = text.split("\n\n").next().unwrap_or("");
    let unfolded = head.replace("\n ", " ").replace("\n\t", " ");
    unfolded.lines().find_map(|line| {
        let (n, v) = line.split_once(':')?;
        n.eq_ignore_ascii_case(name).then(|| v.trim().to_string())
    })
}

fn message_id_of(file: &str) -> String {
    let raw = fs::read(conversation_dir().join(file)).unwrap();
    header(&raw, "Message-ID").unwrap_or_else(|| panic!("{file} has no Message-ID"))
}

fn bare(id: &str) -> &str {
    id.trim().trim_start_matches('<').trim_end_matches('>')
}

// ---------------------------------------------------------------------------------------------
// Running the binary.

fn kindly(data: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(KINDLY);
    cmd.arg("--data").arg(data).args(args);
    cmd.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {KINDLY}: {e}"));
    if let Some(bytes) = stdin {
        use std::io::Write;
        let mut pipe = child.stdin.take().unwrap();
        pipe.write_all(bytes).unwrap();
        drop(pipe);
    }
    child.wait_with_output().unwrap()
}

fn show(out: &Output) -> String {
    format!(
        "exit {:?}\n--- stdout\n{}\n--- stderr\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn assert_exit_0(out: &Output, what: &str) {
    assert_eq!(out.status.code(), Some(0), "{what}: {}", show(out));
}

/// `ingest` output: one JSON object per line.
fn json_lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .expect("ingest stdout is UTF-8")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

/// `tickets --json` / `outbox --json`: a JSON array.
fn json_array(data: &Path, command: &str) -> Vec<Value> {
    let out = kindly(data, &[command, "--json"], None);
    assert_exit_0(&out, command);
    match serde_json::from_slice(&out.stdout) {
        Ok(Value::Array(items)) => items,
        other => panic!(
            "{command} --json is not an array: {other:?}\n{}",
            show(&out)
        ),
    }
}

fn str_field<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("no string {key:?} in {v}"))
}

fn int_field(v: &Value, key: &str) -> i64 {
    v.get(key)
        .and_then(Value::as_i64)
        .unwrap_or_else(|| panic!("no integer {key:?} in {v}"))
}

/// A ticket's `message_ids`, without angle brackets.
fn ticket_message_ids(t: &Value) -> Vec<String> {
    t.get("message_ids")
        .and_then(Value::as_array)
        .unwrap_or_else(|| panic!("no message_ids array in {t}"))
        .iter()
        .map(|v| bare(v.as_str().unwrap()).to_string())
        .collect()
}

fn is_rfc3339_utc(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 20
        && s.ends_with('Z')
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b'T'
        && b[13] == b':'
        && b[16] == b':'
        && s[..4].bytes().all(|c| c.is_ascii_digit())
}

// ---------------------------------------------------------------------------------------------
// The conversation.

/// Checks one `ingest` line against its step; returns the ticket number if any.
fn check_line(line: &Value, step: &Step, expected_file: &str) -> Option<i64> {
    let ctx = format!("{}: {line}", step.file);
    assert_eq!(str_field(line, "file"), expected_file, "{ctx}");
    assert_eq!(
        str_field(line, "message_id"),
        message_id_of(step.file),
        "message_id, with angle brackets: {ctx}"
    );
    assert_eq!(str_field(line, "outcome"), step.outcome, "{ctx}");
    for key in ["anger", "angry", "language"] {
        assert!(line.get(key).is_some(), "no {key:?}: {ctx}");
    }
    let acknowledged = line.get("acknowledged").and_then(Value::as_bool);
    assert_eq!(
        acknowledged,
        Some(step.outcome == "new_ticket"),
        "acknowledged exactly for a new ticket: {ctx}"
    );
    let ticket = line.get("ticket").unwrap_or(&Value::Null);
    match step.thread {
        None => {
            assert!(ticket.is_null(), "automatic mail has no ticket: {ctx}");
            None
        }
        Some(lang) => {
            if step.outcome == "new_ticket" {
                assert_eq!(
                    line.get("language").and_then(Value::as_str),
                    Some(lang),
                    "{ctx}"
                );
            }
            Some(
                ticket
                    .as_i64()
                    .unwrap_or_else(|| panic!("ticket number expected: {ctx}")),
            )
        }
    }
}

/// Ticket per conversation language, from the `ingest` lines of all twelve steps.
fn tickets_from_lines(lines: &[(usize, Option<i64>)]) -> BTreeMap<&'static str, i64> {
    let mut tickets = BTreeMap::new();
    for &(i, ticket) in lines {
        let step = &STEPS[i];
        if step.outcome == "new_ticket" {
            let prev = tickets.insert(step.thread.unwrap(), ticket.unwrap());
            assert!(prev.is_none());
        }
    }
    let distinct: BTreeSet<i64> = tickets.values().copied().collect();
    assert_eq!(distinct.len(), 4, "four distinct tickets: {tickets:?}");
    for &(i, ticket) in lines {
        let step = &STEPS[i];
        if let (Some(lang), "follow_up" | "duplicate_delivery") = (step.thread, step.outcome) {
            assert_eq!(
                ticket,
                Some(tickets[lang]),
                "{} belongs to the {lang} ticket",
                step.file
            );
        }
    }
    tickets
}

fn check_tickets(data: &Path, tickets: &BTreeMap<&'static str, i64>, replayed: bool) {
    let all = json_array(data, "tickets");
    assert_eq!(all.len(), 4, "exactly four tickets: {all:#?}");
    for c in &CONVERSATIONS {
        let id = tickets[c.language];
        let t = all
            .iter()
            .find(|t| t.get("id").and_then(Value::as_i64) == Some(id))
            .unwrap_or_else(|| panic!("ticket {id} missing from {all:#?}"));
        let ctx = format!("{} ticket: {t}", c.language);
        assert_eq!(str_field(t, "language"), c.language, "{ctx}");
        assert_eq!(str_field(t, "subject"), c.subject, "{ctx}");
        assert_eq!(str_field(t, "customer").to_lowercase(), c.customer, "{ctx}");
        assert!(
            ["open", "pending", "solved", "closed"].contains(&str_field(t, "status")),
            "{ctx}"
        );
        assert_eq!(int_field(t, "messages"), 2, "request + follow-up: {ctx}");
        let created = str_field(t, "created_at");
        assert!(is_rfc3339_utc(created), "created_at RFC 3339 UTC: {ctx}");
        if replayed {
            // --received-at header: the mails' own time (2 June 2025, whichever header is used).
            assert!(created.starts_with("2025-06-02T"), "{ctx}");
        }
        let ids = ticket_message_ids(t);
        for file in [c.request, c.reply] {
            let want = message_id_of(file);
            assert!(
                ids.iter().any(|i| i == bare(&want)),
                "{file} {want} in {ctx}"
            );
        }
        assert_eq!(
            ids.len(),
            2,
            "the re-delivery is not a third message: {ctx}"
        );
    }
}

fn acks(outbox: &[Value]) -> Vec<&Value> {
    outbox
        .iter()
        .filter(|r| str_field(r, "kind") == "ack")
        .collect()
}

fn check_outbox(data: &Path, tickets: &BTreeMap<&'static str, i64>) -> Vec<Value> {
    let outbox = json_array(data, "outbox");
    let acks = acks(&outbox);
    assert_eq!(acks.len(), 4, "one acknowledgement per ticket: {outbox:#?}");
    let mut seen_ids = BTreeSet::new();
    for c in &CONVERSATIONS {
        let ticket = tickets[c.language];
        let mine: Vec<&&Value> = acks
            .iter()
            .filter(|r| r.get("ticket").and_then(Value::as_i64) == Some(ticket))
            .collect();
        assert_eq!(
            mine.len(),
            1,
            "exactly one ack for ticket {ticket}: {outbox:#?}"
        );
        let ack = mine[0];
        let ctx = format!("{} ack: {ack}", c.language);
        assert_eq!(str_field(ack, "language"), c.language, "{ctx}");
        assert!(!str_field(ack, "body").trim().is_empty(), "{ctx}");
        assert!(
            str_field(ack, "subject")
                .trim_end()
                .ends_with(&format!("[#{ticket}]")),
            "{ctx}"
        );
        let customer_id = message_id_of(c.request);
        assert_eq!(
            bare(str_field(ack, "in_reply_to")),
            bare(&customer_id),
            "{ctx}"
        );
        let references = ack
            .get("references")
            .map(Value::to_string)
            .unwrap_or_default();
        assert!(references.contains(bare(&customer_id)), "references: {ctx}");
        let to = str_field(ack, "to").to_lowercase();
        assert!(to.contains(c.ack_to), "sent to {}: {ctx}", c.ack_to);
        if c.ack_to != c.customer {
            assert!(!to.contains(c.customer), "Reply-To wins over From: {ctx}");
        }
        assert!(
            ["queued", "sent", "failed"].contains(&str_field(ack, "status")),
            "{ctx}"
        );
        let mid = str_field(ack, "message_id");
        assert!(
            !bare(mid).is_empty() && seen_ids.insert(mid.to_string()),
            "{ctx}"
        );
    }
    // Robots get no mail: nothing to the daemon, the newsletter, or in reply to automatic mail.
    let automatic: Vec<String> = STEPS
        .iter()
        .filter(|s| s.thread.is_none())
        .map(|s| bare(&message_id_of(s.file)).to_string())
        .collect();
    for row in &outbox {
        let to = str_field(row, "to").to_lowercase();
        assert!(
            !to.contains("mailer-daemon") && !to.contains("jooksupood"),
            "{row}"
        );
        let irt = row.get("in_reply_to").and_then(Value::as_str).unwrap_or("");
        assert!(
            !automatic.iter().any(|a| a == bare(irt)),
            "reply to automatic mail: {row}"
        );
    }
    outbox
}

fn deliver_and_check_sent(data: &Path) {
    let out = kindly(data, &["deliver"], None);
    assert_exit_0(&out, "deliver");
    let outbox = json_array(data, "outbox");
    assert!(!outbox.is_empty());
    for row in &outbox {
        assert_eq!(str_field(row, "status"), "sent", "after deliver: {row}");
    }
}

#[test]
fn fixtures_are_what_they_claim() {
    // The re-delivery is the Russian request plus one Received header, byte for byte.
    let dir = conversation_dir();
    let original = fs::read(dir.join("02-ru-request.eml")).unwrap();
    let again = fs::read(dir.join("12-ru-redelivery.eml")).unwrap();
    assert!(again.starts_with(b"Received: "));
    assert!(again.ends_with(&original) && again.len() > original.len());
    assert!(again[..again.len() - original.len()].ends_with(b"\n"));
    // The fixture directory holds exactly the steps, in byte order of name.
    let mut names: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| !n.starts_with('.'))
        .collect();
    names.sort();
    let steps: Vec<&str> = STEPS.iter().map(|s| s.file).collect();
    assert_eq!(names, steps);
    // Replies thread to the customer's own first mail through References.
    for c in &CONVERSATIONS {
        let reply = fs::read(dir.join(c.reply)).unwrap();
        let refs = header(&reply, "References").unwrap();
        assert!(refs.contains(&message_id_of(c.request)), "{}", c.reply);
    }
    let ru = header(&original, "Content-Type").unwrap();
    assert!(ru.contains("windows-1251"));
    let de = fs::read(dir.join("04-de-request.eml")).unwrap();
    assert_eq!(
        header(&de, "Content-Transfer-Encoding").as_deref(),
        Some("quoted-printable")
    );
}

#[test]
fn conversation_in_four_languages_one_mail_per_process() {
    let data = tempfile::tempdir().unwrap();
    let dir = conversation_dir();
    let mut lines = Vec::new();
    let mut outbox_len_before_redelivery = None;
    for (i, step) in STEPS.iter().enumerate() {
        if step.outcome == "duplicate_delivery" {
            outbox_len_before_redelivery = Some(json_array(data.path(), "outbox").len());
        }
        let raw = fs::read(dir.join(step.file)).unwrap();
        let out = kindly(
            data.path(),
            &["ingest", "--received-at", "header", "-"],
            Some(&raw),
        );
        assert_exit_0(&out, step.file);
        let json = json_lines(&out);
        assert_eq!(json.len(), 1, "{}: {}", step.file, show(&out));
        lines.push((i, check_line(&json[0], step, "-")));
    }
    let tickets = tickets_from_lines(&lines);
    check_tickets(data.path(), &tickets, true);
    let outbox = check_outbox(data.path(), &tickets);
    assert_eq!(
        Some(outbox.len()),
        outbox_len_before_redelivery,
        "the re-delivery adds no outbox row"
    );
    deliver_and_check_sent(data.path());
}

#[test]
fn conversation_in_four_languages_as_one_directory() {
    let data = tempfile::tempdir().unwrap();
    let dir = conversation_dir();
    let dir_arg = dir.to_str().unwrap();
    let out = kindly(data.path(), &["ingest", dir_arg], None);
    assert_exit_0(&out, "directory ingest");
    let json = json_lines(&out);
    assert_eq!(json.len(), STEPS.len(), "{}", show(&out));
    let lines: Vec<(usize, Option<i64>)> = STEPS
        .iter()
        .enumerate()
        .map(|(i, step)| {
            (
                i,
                check_line(&json[i], step, &format!("{dir_arg}/{}", step.file)),
            )
        })
        .collect();
    let tickets = tickets_from_lines(&lines);
    check_tickets(data.path(), &tickets, false);
    check_outbox(data.path(), &tickets);
    deliver_and_check_sent(data.path());
}

// ---------------------------------------------------------------------------------------------
// SIGKILL during a directory ingest.

const KILL_TEST_MAILS: usize = 300;

/// `count` distinct customer requests, each from its own customer, written as `DIR/mNNNN.eml`.
/// Returns the Message-IDs in file order.
fn write_simple_requests(dir: &Path, count: usize) -> Vec<String> {
    const TOPICS: [(&str, &str); 5] = [
        (
            "Cannot log in",
            "I cannot log in to my account since this morning, the password reset mail never arrives.",
        ),
        (
            "Invoice question",
            "The invoice for my order lists a wrong billing address and I need a corrected copy for our accountant.",
        ),
        (
            "Parcel not delivered",
            "The tracking page for my parcel has not changed for a week and nothing has arrived at the pickup point.",
        ),
        (
            "Refund request",
            "I returned the item two weeks ago and would like to know when the refund will reach my card.",
        ),
        (
            "Error at checkout",
            "When I press the pay button the page shows an error and reloads, so I cannot complete the order.",
        ),
    ];
    fs::create_dir_all(dir).unwrap();
    (0..count)
        .map(|i| {
            let (topic, text) = TOPICS[i % TOPICS.len()];
            let order = 5_100_000 + i * 37;
            let id = format!("<kill-{i:04}.{order}@client{}.example.net>", i % 7);
            let minute = i % 60;
            let hour = 8 + i / 60;
            let mail = format!(
                "Return-Path: <customer{i:04}@example.net>\n\
                 Received: from client{c}.example.net (client{c}.example.net [192.0.2.{c}])\n\
                 \tby mx1.kindly.example (Postfix) with ESMTPS id K{i:04}\n\
                 \tfor <support@kindly.example>; Tue, 3 Jun 2025 {hour:02}:{minute:02}:05 +0000\n\
                 Date: Tue, 3 Jun 2025 {hour:02}:{minute:02}:00 +0000\n\
                 From: Customer {i:04} <customer{i:04}@example.net>\n\
                 To: support@kindly.example\n\
                 Subject: {topic}, order {order}\n\
                 Message-ID: {id}\n\
                 MIME-Version: 1.0\n\
                 Content-Type: text/plain; charset=utf-8\n\
                 Content-Transfer-Encoding: 7bit\n\
                 \n\
                 Hello,\n\
                 \n\
                 {text} My order number is {order} and my customer number is C-{i:04}.\n\
                 \n\
                 Could you please look into it?\n\
                 \n\
                 Regards,\n\
                 Customer {i:04}\n",
                c = i % 7 + 1,
            );
            fs::write(dir.join(format!("m{i:04}.eml")), mail).unwrap();
            id
        })
        .collect()
}

#[test]
fn sigkill_during_directory_ingest_loses_and_doubles_nothing() {
    let work = tempfile::tempdir().unwrap();
    let mail_dir = work.path().join("mail");
    let data = work.path().join("data");
    fs::create_dir_all(&data).unwrap();
    let ids = write_simple_requests(&mail_dir, KILL_TEST_MAILS);
    let input: BTreeSet<String> = ids.iter().map(|i| bare(i).to_string()).collect();
    assert_eq!(input.len(), KILL_TEST_MAILS);

    // First run, killed after ~100 ms. Its stdout goes to a file so nothing blocks on a pipe.
    let first_out = work.path().join("first.jsonl");
    let mut child = Command::new(KINDLY)
        .arg("--data")
        .arg(&data)
        .arg("ingest")
        .arg(&mail_dir)
        .stdin(Stdio::null())
        .stdout(fs::File::create(&first_out).unwrap())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(100));
    // SIGKILL on Unix. If the run already finished, the kill is a no-op and the test still holds.
    let _ = child.kill();
    let first_status = child.wait().unwrap();
    let first_text = fs::read_to_string(&first_out).unwrap();
    // The last line may be cut off by the kill; every complete line must be valid.
    let complete = if first_text.ends_with('\n') {
        &first_text[..]
    } else {
        &first_text[..first_text.rfind('\n').map_or(0, |p| p + 1)]
    };
    let first: Vec<Value> = complete
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("first run line ({e}): {l}")))
        .collect();
    eprintln!(
        "first run: {} of {KILL_TEST_MAILS} reported before the kill ({first_status})",
        first.len()
    );
    let mut first_tickets = BTreeMap::new();
    for line in &first {
        assert_eq!(str_field(line, "outcome"), "new_ticket", "{line}");
        first_tickets.insert(
            bare(str_field(line, "message_id")).to_string(),
            int_field(line, "ticket"),
        );
    }

    // Second run, to completion.
    let out = kindly(&data, &["ingest", mail_dir.to_str().unwrap()], None);
    assert_exit_0(&out, "second directory ingest");
    let second = json_lines(&out);
    assert_eq!(second.len(), KILL_TEST_MAILS, "{}", show(&out));
    let mut reported = BTreeSet::new();
    let mut second_new = BTreeSet::new();
    let mut second_duplicate = BTreeSet::new();
    for (i, line) in second.iter().enumerate() {
        let id = bare(str_field(line, "message_id")).to_string();
        assert_eq!(id, bare(&ids[i]), "input order: {line}");
        let ticket = int_field(line, "ticket");
        match str_field(line, "outcome") {
            "new_ticket" => {
                assert!(!first_tickets.contains_key(&id), "stored twice: {line}");
                assert!(second_new.insert(ticket), "ticket reused: {line}");
            }
            "duplicate_delivery" => {
                if let Some(t) = first_tickets.get(&id) {
                    assert_eq!(ticket, *t, "the first delivery's ticket: {line}");
                }
                second_duplicate.insert(ticket);
            }
            other => panic!("unexpected outcome {other}: {line}"),
        }
        reported.insert(id);
    }
    assert!(
        second_new.is_disjoint(&second_duplicate),
        "a new ticket number collides with an earlier one"
    );
    reported.extend(first_tickets.keys().cloned());
    assert_eq!(reported, input, "every input mail reported");

    // Every mail stored exactly once, in exactly one ticket; nothing else stored.
    let tickets = json_array(&data, "tickets");
    let mut stored = Vec::new();
    let mut messages = 0;
    for t in &tickets {
        stored.extend(ticket_message_ids(t));
        messages += int_field(t, "messages");
    }
    let stored_set: BTreeSet<String> = stored.iter().cloned().collect();
    assert_eq!(stored.len(), stored_set.len(), "a Message-ID in two places");
    assert_eq!(stored_set, input, "stored Message-IDs are the input's");
    assert_eq!(messages, KILL_TEST_MAILS as i64);
    assert_eq!(
        tickets.len(),
        KILL_TEST_MAILS,
        "one ticket per distinct customer request"
    );

    // One acknowledgement per ticket, never two.
    let ticket_ids: BTreeSet<i64> = tickets.iter().map(|t| int_field(t, "id")).collect();
    let outbox = json_array(&data, "outbox");
    let mut acked = BTreeMap::new();
    for ack in acks(&outbox) {
        *acked.entry(int_field(ack, "ticket")).or_insert(0) += 1;
    }
    assert!(
        acked.values().all(|&n| n == 1),
        "a ticket acknowledged twice"
    );
    assert_eq!(acked.keys().copied().collect::<BTreeSet<_>>(), ticket_ids);
}
