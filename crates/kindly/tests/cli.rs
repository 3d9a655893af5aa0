//! The command-line contract, end to end through the binary.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

mod support;

use support::kindly;

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn run_with_stdin(mut c: Command, stdin: &[u8]) -> Output {
    c.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = c.spawn().expect("spawn kindly");
    let mut input = child.stdin.take().expect("stdin");
    let bytes = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&bytes);
    });
    let out = child.wait_with_output().expect("wait");
    writer.join().expect("writer");
    out
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each stdout line is JSON"))
        .collect()
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).expect("JSON output")
}

const MAIL: &str = "From: Emily Clarke <emily@example.com>\r\nTo: support@localhost\r\nSubject: Cannot log in\r\n\
Message-ID: <cli1@example.com>\r\nDate: Mon, 2 Mar 2026 10:00:00 +0200\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\
Hello, I cannot log in to my account since yesterday. Could you please help me?\r\nEmily\r\n";

fn mail_with_id(id: &str, body: &str) -> String {
    MAIL.replace("<cli1@example.com>", id).replace(
        "Hello, I cannot log in to my account since yesterday. Could you please help me?",
        body,
    )
}

#[test]
fn stdin_is_the_default_and_reports_one_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let mut c = kindly(&data);
    c.arg("ingest");
    let out = run_with_stdin(c, MAIL.as_bytes());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let l = lines(&out);
    assert_eq!(l.len(), 1);
    assert_eq!(l[0]["file"], "-");
    assert_eq!(l[0]["message_id"], "<cli1@example.com>");
    assert_eq!(l[0]["outcome"], "new_ticket");
    assert_eq!(l[0]["ticket"], 1);
    assert_eq!(l[0]["language"], "en");
    assert_eq!(l[0]["acknowledged"], true);
    assert!(
        l[0]["anger"]
            .as_f64()
            .is_some_and(|a| (0.0..=1.0).contains(&a))
    );
    assert!(l[0]["angry"].is_boolean());
    assert!(
        data.join("kindly.db").exists(),
        "data directory created on first use"
    );
}

#[test]
fn usage_errors_exit_64_before_anything_is_created() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let out = kindly(&data)
        .args(["ingest", "--no-such-flag"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(64));
    let out = kindly(&data)
        .args(["ingest", "--received-at", "yesterday", "-"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(64));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--received-at"));
    assert!(!data.exists(), "nothing may be created on a usage error");
}

#[test]
fn missing_path_exits_66_before_reading_anything() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let good = dir.path().join("good.eml");
    std::fs::write(&good, MAIL).expect("write");
    let out = kindly(&data)
        .arg("ingest")
        .arg(&good)
        .arg(dir.path().join("missing.eml"))
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(66));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.eml"));
    assert!(out.stdout.is_empty(), "nothing read, nothing reported");
    assert!(!data.exists());
}

#[test]
fn empty_input_exits_65() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut c = kindly(&dir.path().join("data"));
    c.args(["ingest", "-"]);
    let out = run_with_stdin(c, b"");
    assert_eq!(out.status.code(), Some(65));
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty"));
    let empty_dir = dir.path().join("empty");
    std::fs::create_dir(&empty_dir).expect("mkdir");
    let out = kindly(&dir.path().join("data"))
        .arg("ingest")
        .arg(&empty_dir)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(65));
}

#[test]
fn unwritable_data_directory_exits_75() {
    let dir = tempfile::tempdir().expect("tempdir");
    let blocker = dir.path().join("a-file");
    std::fs::write(&blocker, "not a directory").expect("write");
    let mut c = kindly(&blocker.join("data"));
    c.args(["ingest", "-"]);
    let out = run_with_stdin(c, MAIL.as_bytes());
    assert_eq!(out.status.code(), Some(75));
    assert!(String::from_utf8_lossy(&out.stderr).contains("data directory"));
}

#[test]
fn directories_in_byte_order_skipping_dotfiles_and_worst_exit_code() {
    let dir = tempfile::tempdir().expect("tempdir");
    let inbox = dir.path().join("inbox");
    std::fs::create_dir(&inbox).expect("mkdir");
    std::fs::write(
        inbox.join("b.eml"),
        mail_with_id(
            "<b@example.com>",
            "Second: my invoice shows the wrong amount.",
        ),
    )
    .expect("write");
    std::fs::write(
        inbox.join("B.eml"),
        mail_with_id(
            "<B@example.com>",
            "Capital: where is my parcel with order 5521?",
        ),
    )
    .expect("write");
    std::fs::write(
        inbox.join("a.eml"),
        mail_with_id("<a@example.com>", "First: I cannot log in since yesterday."),
    )
    .expect("write");
    std::fs::write(inbox.join(".hidden.eml"), MAIL).expect("write");
    std::fs::create_dir(inbox.join("sub")).expect("mkdir");
    std::fs::write(inbox.join("sub").join("c.eml"), MAIL).expect("write");
    std::fs::write(
        inbox.join("junk.bin"),
        [0u8, 159, 146, 150, 0, 1, 2, 255, 254],
    )
    .expect("write");
    let shown = format!("{}/", inbox.display());
    let out = kindly(&dir.path().join("data"))
        .args(["ingest", &shown])
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "quarantine still counts as stored"
    );
    let l = lines(&out);
    let files: Vec<String> = l
        .iter()
        .map(|v| v["file"].as_str().unwrap_or("").to_string())
        .collect();
    let base = inbox.display().to_string();
    assert_eq!(
        files,
        vec![
            format!("{base}/B.eml"),
            format!("{base}/a.eml"),
            format!("{base}/b.eml"),
            format!("{base}/junk.bin")
        ]
    );
    assert_eq!(l[3]["outcome"], "quarantined");
    assert_eq!(l[3]["ticket"], Value::Null);
    assert!(String::from_utf8_lossy(&out.stderr).contains("quarantined"));
    // A missing PATH among others: 66 wins over success, and nothing is read.
    let out = kindly(&dir.path().join("data"))
        .arg("ingest")
        .arg(&inbox)
        .arg("/nonexistent/x.eml")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(66));
}

#[test]
fn received_at_sets_arrival_time() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let mut c = kindly(&data);
    c.args(["ingest", "--received-at", "2026-03-02T08:00:00Z", "-"]);
    let out = run_with_stdin(c, MAIL.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    let tickets = json(
        &kindly(&data)
            .args(["tickets", "--json"])
            .output()
            .expect("run"),
    );
    assert_eq!(tickets[0]["created_at"], "2026-03-02T08:00:00Z");
    // Default calendar Mon–Fri 09:00–17:00 UTC, nobody waiting: the team opens at
    // 09:00 and one agent answers within 35 min (p90 at 4 answers an hour) → 09:45.
    assert_eq!(tickets[0]["promised_by"], "2026-03-02T09:45:00Z");
    let outbox = json(
        &kindly(&data)
            .args(["outbox", "--json"])
            .output()
            .expect("run"),
    );
    assert_eq!(outbox[0]["promised_by"], "2026-03-02T09:45:00Z");
    assert_eq!(outbox[0]["kind"], "ack");
    assert_eq!(outbox[0]["status"], "queued");
    assert_eq!(outbox[0]["ticket"], 1);
    for key in [
        "id",
        "to",
        "subject",
        "message_id",
        "in_reply_to",
        "references",
        "language",
        "body",
    ] {
        assert!(outbox[0].get(key).is_some(), "outbox --json has {key}");
    }
    for key in [
        "id",
        "subject",
        "customer",
        "status",
        "priority",
        "language",
        "messages",
        "repeats",
        "angry",
        "message_ids",
    ] {
        assert!(tickets[0].get(key).is_some(), "tickets --json has {key}");
    }
}

#[test]
fn sixty_megabyte_mail_is_stored_and_quarantined() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let path = dir.path().join("huge.eml");
    let mut big = mail_with_id("<huge@example.com>", "Attached are the logs.").into_bytes();
    let line = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789\r\n";
    while big.len() < 60 * 1024 * 1024 {
        big.extend_from_slice(line);
    }
    std::fs::write(&path, &big).expect("write");
    let out = kindly(&data)
        .arg("ingest")
        .arg(&path)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    let l = lines(&out);
    assert_eq!(l[0]["outcome"], "quarantined");
    let q = json(
        &kindly(&data)
            .args(["set-aside", "--kind", "quarantine", "--json"])
            .output()
            .expect("run"),
    );
    assert_eq!(q[0]["detail"], "too_large");
    let outbox = json(
        &kindly(&data)
            .args(["outbox", "--json"])
            .output()
            .expect("run"),
    );
    assert_eq!(outbox, Value::Array(vec![]));
}

#[test]
fn deliver_writes_eml_files_and_marks_sent() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let mut c = kindly(&data);
    c.args(["ingest", "-"]);
    run_with_stdin(c, MAIL.as_bytes());
    let out = kindly(&data).arg("deliver").output().expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let outbox = json(
        &kindly(&data)
            .args(["outbox", "--json"])
            .output()
            .expect("run"),
    );
    assert_eq!(outbox[0]["status"], "sent");
    let files: Vec<_> = std::fs::read_dir(data.join("sent"))
        .expect("sent dir")
        .collect();
    assert_eq!(files.len(), 1);
    let eml = std::fs::read_to_string(files[0].as_ref().expect("entry").path()).expect("read");
    assert!(eml.contains("Auto-Submitted: auto-replied"));
    assert!(eml.contains("In-Reply-To: <cli1@example.com>"));
    // Delivering again sends nothing twice.
    kindly(&data).arg("deliver").output().expect("run");
    assert_eq!(
        std::fs::read_dir(data.join("sent"))
            .expect("sent dir")
            .count(),
        1
    );
}

#[test]
fn mood_and_tone_print_their_json() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut c = kindly(dir.path());
    c.args(["mood", "--lang", "en"]);
    let out = run_with_stdin(
        c,
        b"This is the THIRD time I write!!! Your service is a SCAM and I want a chargeback.",
    );
    assert_eq!(out.status.code(), Some(0));
    let m = json(&out);
    assert_eq!(m["language"], "en");
    assert_eq!(m["angry"], true);
    assert!(!m["signals"].as_array().expect("signals").is_empty());
    let mut c = kindly(dir.path());
    c.args(["mood", "--lang", "xx"]);
    let out = run_with_stdin(c, b"Hello there.");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json(&out)["language"], Value::Null);

    let mut c = kindly(dir.path());
    c.args(["tone", "--lang", "en"]);
    let out = run_with_stdin(
        c,
        b"As stated in our instructions, you should have read the manual before writing to us.",
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "findings are in the JSON, not the exit code"
    );
    let t = json(&out);
    assert_eq!(t["ok"], false);
    let f = &t["findings"][0];
    for key in ["phrase", "why", "suggestion"] {
        assert!(
            f[key].as_str().is_some_and(|s| !s.is_empty()),
            "finding has {key}"
        );
    }
    let mut c = kindly(dir.path());
    c.args(["tone", "--lang", "en"]);
    let out = run_with_stdin(
        c,
        b"Thank you for your patience. I have reset your password; you can log in now.",
    );
    assert_eq!(json(&out)["ok"], true);
}

/// The session of each server the tests started (by address): cookie, CSRF token.
static SESSIONS: std::sync::Mutex<Vec<(String, String, String)>> =
    std::sync::Mutex::new(Vec::new());

fn session_of(addr: &str) -> Option<(String, String)> {
    SESSIONS
        .lock()
        .expect("lock")
        .iter()
        .find(|(a, _, _)| a == addr)
        .map(|(_, c, t)| (c.clone(), t.clone()))
}

/// A raw HTTP/1.1 exchange: (status, the whole response).
fn http_raw(addr: &str, request: &str) -> (u16, String) {
    let mut s = std::net::TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .expect("timeout");
    s.write_all(request.as_bytes()).expect("send");
    let mut buf = String::new();
    s.read_to_string(&mut buf).expect("read");
    let status = buf
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (status, buf)
}

/// GET as the logged-in administrator (when `start_serve` made one).
fn http_get(addr: &str, path: &str) -> (u16, String) {
    let cookie = session_of(addr)
        .map(|(c, _)| format!("Cookie: {c}\r\n"))
        .unwrap_or_default();
    http_raw(
        addr,
        &format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n{cookie}\r\n"),
    )
}

/// GET without a session.
fn http_get_anon(addr: &str, path: &str) -> (u16, String) {
    http_raw(
        addr,
        &format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"),
    )
}

/// Adds an administrator and logs in; later requests to `addr` carry the session.
fn log_in(data: &Path, addr: &str) {
    let mut add = kindly(data);
    add.args([
        "user",
        "add",
        "admin@test.example",
        "--role",
        "admin",
        "--name",
        "Ada",
    ]);
    let out = run_with_stdin(add, b"a long test password\n");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let form = "email=admin%40test.example&password=a+long+test+password&next=%2F";
    let (code, resp) = http_raw(
        addr,
        &format!(
            "POST /login HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\
             Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{form}",
            form.len()
        ),
    );
    assert_eq!(code, 303, "{resp}");
    let cookie = resp
        .lines()
        .find_map(|l| {
            l.strip_prefix("set-cookie: ")
                .or_else(|| l.strip_prefix("Set-Cookie: "))
        })
        .and_then(|v| v.split(';').next())
        .expect("a session cookie")
        .to_string();
    let (code, resp) = http_raw(
        addr,
        &format!(
            "GET /api/session HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nCookie: {cookie}\r\n\r\n"
        ),
    );
    assert_eq!(code, 200, "{resp}");
    let csrf = body_json(&resp)["csrf"].as_str().expect("csrf").to_string();
    SESSIONS
        .lock()
        .expect("lock")
        .push((addr.to_string(), cookie, csrf));
}

/// Starts `kindly serve` on a free port: the child, its URL and what it printed.
fn start_serve(data: &Path) -> (std::process::Child, String, String) {
    let mut child = kindly(data)
        .arg("serve")
        .env("KINDLY_LISTEN", "127.0.0.1:0")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn serve");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut printed = String::new();
    let mut byte = [0u8; 1];
    while !printed.contains("Data lives in") || !printed.ends_with('\n') {
        if stdout.read(&mut byte).expect("read") == 0 {
            break;
        }
        printed.push(char::from(byte[0]));
    }
    let url = printed
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .expect("serve prints its URL")
        .trim_end_matches('/')
        .to_string();
    assert!(printed.contains(&data.display().to_string()) || printed.contains("kindly.db"));
    // Keep reading what serve prints: a closed pipe would fail its next line.
    std::thread::spawn(move || {
        let mut sink = Vec::new();
        let _ = stdout.read_to_end(&mut sink);
    });
    log_in(data, url.trim_start_matches("http://"));
    (child, url, printed)
}

/// A JSON POST as the logged-in administrator, with the CSRF header.
fn http_post(addr: &str, path: &str, body: &str) -> (u16, String) {
    let auth = session_of(addr)
        .map(|(c, t)| format!("Cookie: {c}\r\nX-CSRF-Token: {t}\r\n"))
        .unwrap_or_default();
    http_raw(
        addr,
        &format!(
            "POST {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n{auth}\
             Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        ),
    )
}

fn body_json(response: &str) -> Value {
    let body = response.split("\r\n\r\n").nth(1).expect("a body");
    serde_json::from_str(body).expect("JSON body")
}

#[test]
fn serve_prints_its_url_and_answers_healthz_and_pages() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let mut c = kindly(&data);
    c.args(["ingest", "-"]);
    run_with_stdin(c, MAIL.as_bytes());
    let (mut child, url, _) = start_serve(&data);
    let addr = url.trim_start_matches("http://").to_string();
    let (code, body) = http_get(&addr, "/healthz");
    assert_eq!(code, 200);
    assert!(body.ends_with("ok\n"));
    let (code, body) = http_get(&addr, "/");
    assert_eq!(code, 200);
    assert!(body.contains("Cannot log in"));
    let (code, body) = http_get(&addr, "/tickets/1");
    assert_eq!(code, 200);
    assert!(body.contains("I cannot log in to my account"));
    let (code, body) = http_get(&addr, "/tickets/abc");
    assert_eq!(code, 400);
    assert!(body.contains("is not a ticket number"));
    let (code, _) = http_get(&addr, "/tickets/999");
    assert_eq!(code, 404);
    // The delivery worker sends the queued acknowledgement on its own.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while std::time::Instant::now() < deadline && !data.join("sent").exists() {
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(data.join("sent").exists(), "serve delivered the outbox");
}

#[test]
fn stats_count_problems_apart_from_mails() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let input = dir.path().join("in");
    std::fs::create_dir(&input).expect("mkdir");
    // One problem written three times (the first, an identical re-send, a nudge),
    // one other problem, and an out-of-office reply.
    std::fs::write(input.join("1.eml"), MAIL).expect("write");
    std::fs::write(
        input.join("2.eml"),
        mail_with_id(
            "<cli2@example.com>",
            "Hello, I cannot log in to my account since yesterday. Could you please help me?",
        )
        .replace("10:00:00", "11:00:00"),
    )
    .expect("write");
    std::fs::write(
        input.join("3.eml"),
        mail_with_id("<cli3@example.com>", "Any news? Still waiting for a reply.")
            .replace("10:00:00", "12:00:00"),
    )
    .expect("write");
    std::fs::write(
        input.join("4.eml"),
        mail_with_id(
            "<cli4@example.com>",
            "My invoice 2026-0042 shows the wrong VAT number, please send a corrected invoice.",
        )
        .replace(
            "Subject: Cannot log in",
            "Subject: Wrong VAT number on invoice",
        )
        .replace("10:00:00", "13:00:00"),
    )
    .expect("write");
    std::fs::write(
        input.join("5.eml"),
        "From: Bob <bob@example.com>\r\nTo: support@localhost\r\nSubject: Out of office\r\n\
Auto-Submitted: auto-replied\r\nMessage-ID: <ooo@example.com>\r\nDate: Mon, 2 Mar 2026 14:00:00 +0200\r\n\r\nI am away.\r\n",
    )
    .expect("write");
    let out = kindly(&data)
        .args(["ingest", "--received-at", "header"])
        .arg(&input)
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let outcomes: Vec<String> = lines(&out)
        .iter()
        .map(|l| l["outcome"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(
        outcomes,
        ["new_ticket", "repeat", "repeat", "new_ticket", "automatic"]
    );

    let out = kindly(&data)
        .args(["stats", "--json"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    let total = &v["total"];
    assert_eq!(total["mails"], 5);
    assert_eq!(total["tickets"], 2);
    assert_eq!(total["repeats_folded"], 2);
    assert_eq!(total["automatic"], 1);
    let days = v["days"].as_array().expect("days");
    assert_eq!(days.len(), 1);
    assert_eq!(days[0]["day"], "2026-03-02");
    assert_eq!(days[0]["mails"], 5);
}

#[test]
fn merge_split_undo_history_and_similar_from_the_command_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let input = dir.path().join("in");
    std::fs::create_dir(&input).expect("mkdir");
    // Emily: a login problem, then an invoice problem (two tickets); Olga: the same
    // login problem as Emily's.
    std::fs::write(input.join("1.eml"), MAIL).expect("write");
    std::fs::write(
        input.join("2.eml"),
        mail_with_id(
            "<cli2@example.com>",
            "My invoice 2026-0042 shows the wrong VAT number, please send a corrected invoice.",
        )
        .replace("Subject: Cannot log in", "Subject: Wrong VAT number"),
    )
    .expect("write");
    std::fs::write(
        input.join("3.eml"),
        mail_with_id(
            "<cli3@example.com>",
            "Hello, since yesterday I cannot log in to my account. Could you help me, please?",
        )
        .replace(
            "Emily Clarke <emily@example.com>",
            "Olga <olga@example.com>",
        ),
    )
    .expect("write");
    let out = kindly(&data)
        .arg("ingest")
        .arg(&input)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    let tickets: Vec<i64> = lines(&out)
        .iter()
        .map(|l| l["ticket"].as_i64().expect("ticket"))
        .collect();
    assert_eq!(tickets, [1, 2, 3]);

    // Similar: Olga's ticket for Emily's, not Emily's own invoice ticket.
    let out = kindly(&data)
        .args(["similar", "--ticket", "1", "--limit", "5", "--json"])
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    assert_eq!(v["ticket"], 1);
    let similar = v["similar"].as_array().expect("list");
    assert_eq!(similar.len(), 1, "{v}");
    assert_eq!(similar[0]["ticket"], 3);
    assert_eq!(similar[0]["customer"], "olga@example.com");
    assert!(similar[0]["score"].as_f64().expect("score") >= 0.3);

    // Merge #2 into #1, see it in the history, undo it.
    let out = kindly(&data)
        .args(["merge", "#2", "1", "--json"])
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let merged = json(&out);
    assert_eq!(merged["action"], "merge");
    let event = merged["event"].as_i64().expect("event");
    let out = kindly(&data)
        .args(["history", "1", "--json"])
        .output()
        .expect("run");
    let history = json(&out);
    assert!(
        history
            .as_array()
            .expect("events")
            .iter()
            .any(|e| e["kind"] == "merge" && e["id"] == event)
    );
    let out = kindly(&data)
        .args(["stats", "--json"])
        .output()
        .expect("run");
    assert_eq!(
        json(&out)["total"]["tickets"],
        2,
        "a merged ticket is no problem of its own"
    );
    let out = kindly(&data)
        .args(["undo", &event.to_string()])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("kindly undo"));
    let out = kindly(&data)
        .args(["stats", "--json"])
        .output()
        .expect("run");
    assert_eq!(json(&out)["total"]["tickets"], 3);

    // Bad input: a clear message and exit 65 (data), 64 (usage).
    let out = kindly(&data)
        .args(["undo", &event.to_string()])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(65));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already undone"));
    let out = kindly(&data)
        .args(["merge", "1", "99"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(65));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no ticket #99"));
    let out = kindly(&data)
        .args(["split", "--message", "1"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(65));
    assert!(String::from_utf8_lossy(&out.stderr).contains("only message"));
    let out = kindly(&data)
        .args(["merge", "one", "2"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(64));
    let out = kindly(&data)
        .args(["similar", "--ticket", "42"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(65));
}

#[test]
fn the_api_merges_splits_and_undoes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let input = dir.path().join("in");
    std::fs::create_dir(&input).expect("mkdir");
    std::fs::write(input.join("1.eml"), MAIL).expect("write");
    std::fs::write(
        input.join("2.eml"),
        mail_with_id(
            "<api2@example.com>",
            "My invoice 2026-0042 shows the wrong VAT number, please send a corrected invoice.",
        )
        .replace("Subject: Cannot log in", "Subject: Wrong VAT number"),
    )
    .expect("write");
    let out = kindly(&data)
        .arg("ingest")
        .arg(&input)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    let (mut child, url, _) = start_serve(&data);
    let addr = url.trim_start_matches("http://").to_string();

    let (code, resp) = http_post(&addr, "/api/tickets/2/merge", r#"{"into": 1}"#);
    assert_eq!(code, 200, "{resp}");
    let merged = body_json(&resp);
    assert_eq!(merged["ticket"], 1);
    let event = merged["event"].as_i64().expect("event");
    let (code, resp) = http_get(&addr, "/api/tickets/1/events");
    assert_eq!(code, 200);
    assert!(
        body_json(&resp)
            .as_array()
            .expect("events")
            .iter()
            .any(|e| e["id"] == event)
    );
    let (code, page) = http_get(&addr, "/tickets/2");
    assert_eq!(code, 200);
    assert!(page.contains("merged into"));

    let (code, resp) = http_post(&addr, &format!("/api/events/{event}/undo"), "");
    assert_eq!(code, 200, "{resp}");
    assert_eq!(body_json(&resp)["undid"], event);
    let (code, resp) = http_post(&addr, &format!("/api/events/{event}/undo"), "");
    assert_eq!(code, 409);
    assert!(
        body_json(&resp)["error"]
            .as_str()
            .expect("error")
            .contains("already undone")
    );
    let (code, _) = http_post(&addr, "/api/events/999/undo", "");
    assert_eq!(code, 404);
    let (code, resp) = http_post(&addr, "/api/tickets/2/merge", "into=1");
    assert_eq!(code, 400);
    assert!(
        body_json(&resp)["error"]
            .as_str()
            .expect("error")
            .contains("into")
    );
    let (code, _) = http_post(&addr, "/api/messages/1/split", "");
    assert_eq!(code, 409, "the only message of its ticket");
    let (code, resp) = http_get(&addr, "/api/tickets/1/similar?limit=3");
    assert_eq!(code, 200);
    assert_eq!(body_json(&resp)["ticket"], 1);

    // The composer's calls: the tone guard, then the reply.
    let (code, resp) = http_post(
        &addr,
        "/api/tone",
        r#"{"text": "Nagu juhendis selgelt kirjas, oleksite pidanud ruuteri taaskäivitama.", "lang": "et"}"#,
    );
    assert_eq!(code, 200, "{resp}");
    assert_eq!(body_json(&resp)["ok"], false, "{resp}");
    let (code, resp) = http_post(&addr, "/api/tickets/1/reply", r#"{"text": "wrong field"}"#);
    assert_eq!(code, 400, "{resp}");
    let (code, resp) = http_post(&addr, "/api/tickets/1/reply", r#"{"body": "   "}"#);
    assert_eq!(code, 422, "{resp}");
    let (code, resp) = http_post(
        &addr,
        "/api/tickets/1/reply",
        r#"{"body": "Thank you, I have reset your login; please try again."}"#,
    );
    assert_eq!(code, 201, "{resp}");
    let queued = body_json(&resp);
    assert_eq!(
        queued["held_until"],
        Value::Null,
        "a calm customer: no hold"
    );
    assert_eq!(queued["tone"]["ok"], true, "{queued}");
    let (code, resp) = http_get(&addr, "/api/tickets/1");
    assert_eq!(code, 200);
    assert_eq!(body_json(&resp)["ticket"]["status"], "pending", "{resp}");
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn promises_are_watched_and_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let mut c = kindly(&data);
    c.args(["ingest", "--received-at", "2026-03-02T08:00:00Z", "-"]);
    assert_eq!(run_with_stdin(c, MAIL.as_bytes()).status.code(), Some(0));
    // Nobody answered, and the promise of 2 March is long past: missed.
    let out = kindly(&data)
        .args(["promises", "check", "--json"])
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(json(&out)["missed"], 1);
    let out = kindly(&data)
        .args(["report", "promises", "--since", "2026-03-01", "--json"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    let week = &v["weeks"][0];
    assert_eq!(week["week"], "2026-W10");
    assert_eq!(week["team"], "support");
    assert_eq!(
        (week["made"].as_i64(), week["missed"].as_i64()),
        (Some(1), Some(1))
    );
    assert_eq!(week["kept_share"], 0.0);
    let out = kindly(&data)
        .args(["report", "promises", "--since", "March"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(64));
    assert!(String::from_utf8_lossy(&out.stderr).contains("2026-03-02"));
}

#[test]
fn a_broken_configuration_keeps_piped_mail_queued() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    std::fs::create_dir(&data).expect("mkdir");
    std::fs::write(
        data.join("kindly.toml"),
        "[hours]\ntimezone = \"Mars/Olympus\"\n",
    )
    .expect("write");
    // From an MTA (stdin): 75, so the MTA keeps the mail and retries.
    let mut c = kindly(&data);
    c.args(["ingest", "-"]);
    let out = run_with_stdin(c, MAIL.as_bytes());
    assert_eq!(out.status.code(), Some(75));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("Mars/Olympus") && err.contains("stays queued"),
        "{err}"
    );
    // Any other command: 78, the configuration is wrong.
    let out = kindly(&data).args(["tickets"]).output().expect("run");
    assert_eq!(out.status.code(), Some(78));
}

#[test]
fn reply_holds_the_first_answer_to_an_angry_customer_and_send_now_releases_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let angry = mail_with_id(
        "<angry1@example.com>",
        "THIRD TIME I WRITE and nobody answers!!! You took my money, this is a scam. \
         I will dispute the charge with my bank.",
    );
    let out = run_with_stdin(cmd(&data, &["ingest"]), angry.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(lines(&out)[0]["angry"], true, "the fixture reads as angry");

    let reply = dir.path().join("reply.txt");
    std::fs::write(
        &reply,
        "As stated in our FAQ, refunds take 5 days. Your refund is on its way.",
    )
    .expect("write");
    let out = kindly(&data)
        .args(["reply", "1", "--as", "anna", "--json", "--file"])
        .arg(&reply)
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let done = json(&out);
    assert!(done["held_until"].is_string(), "{done}");
    assert!(
        done["guideline"]
            .as_str()
            .is_some_and(|g| g.contains("upset")),
        "{done}"
    );
    assert!(
        !done["tone"]["findings"]
            .as_array()
            .expect("findings")
            .is_empty(),
        "{done}"
    );
    let outbox = done["outbox"].as_i64().expect("outbox id");
    // Held: one delivery run sends the acknowledgement, not the reply.
    let out = kindly(&data).arg("deliver").output().expect("run");
    assert_eq!(out.status.code(), Some(0));
    let sent = |data: &Path| -> Vec<Value> {
        let out = kindly(data)
            .args(["outbox", "--json"])
            .output()
            .expect("run");
        json(&out).as_array().expect("rows").clone()
    };
    let row = |rows: &[Value]| {
        rows.iter()
            .find(|r| r["id"] == outbox)
            .cloned()
            .expect("the reply")
    };
    assert_eq!(row(&sent(&data))["status"], "queued");
    let out = kindly(&data)
        .args(["send-now", &outbox.to_string()])
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = kindly(&data).arg("deliver").output().expect("run");
    assert_eq!(out.status.code(), Some(0));
    let r = row(&sent(&data));
    assert_eq!(r["status"], "sent", "{r}");
    assert_eq!(r["in_reply_to"], "<angry1@example.com>");
    // Again: nothing is waiting any more; a wrong ticket and an empty reply are refused.
    let out = kindly(&data)
        .args(["send-now", &outbox.to_string()])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(65));
    let out = run_with_stdin(cmd(&data, &["reply", "7"]), b"Hello");
    assert_eq!(out.status.code(), Some(65));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no ticket #7"));
    let out = run_with_stdin(cmd(&data, &["reply", "1"]), b"  \n");
    assert_eq!(out.status.code(), Some(65));
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty"));
    let out = run_with_stdin(cmd(&data, &["reply", "1", "--status", "later"]), b"Hi");
    assert_eq!(out.status.code(), Some(64));
}

fn cmd(data: &Path, args: &[&str]) -> Command {
    let mut c = kindly(data);
    c.args(args);
    c
}

#[test]
fn accounts_sessions_csrf_and_team_boundaries() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).expect("mkdir");
    std::fs::write(
        data.join("kindly.toml"),
        "[support]\naddresses = [\"support@localhost\"]\n\
         [[team]]\nname = \"support\"\naddresses = [\"support@localhost\"]\n\
         [[team]]\nname = \"billing\"\naddresses = [\"billing@localhost\"]\n",
    )
    .expect("config");
    let input = dir.path().join("in");
    std::fs::create_dir(&input).expect("mkdir");
    std::fs::write(input.join("1.eml"), MAIL).expect("write");
    std::fs::write(
        input.join("2.eml"),
        mail_with_id(
            "<bill@example.com>",
            "My invoice 2026-0042 is wrong, please correct it.",
        )
        .replace("To: support@localhost", "To: billing@localhost"),
    )
    .expect("write");
    let out = kindly(&data)
        .arg("ingest")
        .arg(&input)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    // Bad account input is refused with a clear message.
    let out = run_with_stdin(
        cmd(&data, &["user", "add", "not-an-address"]),
        b"a long password here\n",
    );
    assert_eq!(out.status.code(), Some(65));
    let out = run_with_stdin(cmd(&data, &["user", "add", "x@test.example"]), b"short\n");
    assert_eq!(out.status.code(), Some(65));
    assert!(String::from_utf8_lossy(&out.stderr).contains("at least 10"));
    let out = run_with_stdin(
        cmd(
            &data,
            &["user", "add", "x@test.example", "--team", "nowhere"],
        ),
        b"a long password here\n",
    );
    assert_eq!(out.status.code(), Some(65));
    // A billing agent, next to the administrator start_serve logs in as.
    let out = run_with_stdin(
        cmd(
            &data,
            &[
                "user",
                "add",
                "bea@test.example",
                "--team",
                "billing",
                "--name",
                "Bea",
            ],
        ),
        b"bea's long password\n",
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (mut child, url, printed) = start_serve(&data);
    assert!(
        !printed.contains("/setup?token="),
        "accounts exist: no set-up link"
    );
    let addr = url.trim_start_matches("http://").to_string();

    // Anonymous: pages redirect to the login, the API answers 401.
    let (code, resp) = http_get_anon(&addr, "/tickets/1");
    assert_eq!(code, 303, "{resp}");
    assert!(
        resp.to_lowercase()
            .contains("location: /login?next=/tickets/1"),
        "{resp}"
    );
    let (code, _) = http_get_anon(&addr, "/api/tickets");
    assert_eq!(code, 401);
    // Security headers on every answer.
    let (_, resp) = http_get_anon(&addr, "/login");
    let lower = resp.to_lowercase();
    for h in [
        "content-security-policy: default-src 'none'; script-src 'self'",
        "x-frame-options: deny",
        "x-content-type-options: nosniff",
    ] {
        assert!(lower.contains(h), "{h} missing: {resp}");
    }
    assert!(!lower.contains("unsafe-inline"));

    // A forged API call without the CSRF token is refused, with the cookie.
    let (cookie, _) = session_of(&addr).expect("logged in");
    let forged = format!(
        "POST /api/tickets/1/reply HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nCookie: {cookie}\r\n\
         Content-Type: application/json\r\nContent-Length: 13\r\n\r\n{{\"body\":\"x\"}}"
    );
    let (code, resp) = http_raw(&addr, &forged);
    assert_eq!(code, 403, "{resp}");
    // So is a logout form without it.
    let (code, _) = http_raw(
        &addr,
        &format!(
            "POST /logout HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nCookie: {cookie}\r\n\
             Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 6\r\n\r\ncsrf=x"
        ),
    );
    assert_eq!(code, 403);

    // The billing agent sees billing's ticket, and the support ticket is not there for them.
    let login = |email: &str, pw: &str| -> (u16, String) {
        let form = format!(
            "email={}&password={}&next=%2F",
            email.replace('@', "%40"),
            pw.replace(' ', "+").replace('\'', "%27")
        );
        http_raw(
            &addr,
            &format!(
                "POST /login HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\
                 Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{form}",
                form.len()
            ),
        )
    };
    let (code, resp) = login("bea@test.example", "wrong password");
    assert_eq!(code, 401);
    assert!(
        resp.contains("bea@test.example"),
        "the typed address is kept"
    );
    assert!(resp.contains("wrong"));
    let (code, resp) = login("bea@test.example", "bea's long password");
    assert_eq!(code, 303, "{resp}");
    let bea = resp
        .lines()
        .find_map(|l| {
            l.to_lowercase()
                .starts_with("set-cookie:")
                .then(|| l[11..].trim().to_string())
        })
        .and_then(|v| v.split(';').next().map(str::to_string))
        .expect("cookie");
    let get_as = |path: &str| {
        http_raw(
            &addr,
            &format!(
                "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nCookie: {bea}\r\n\r\n"
            ),
        )
    };
    let (code, list) = get_as("/api/tickets");
    assert_eq!(code, 200);
    let list = body_json(&list);
    let teams: Vec<&str> = list
        .as_array()
        .expect("tickets")
        .iter()
        .map(|t| t["team"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(teams, ["billing"], "{list}");
    let billing_id = list[0]["id"].as_i64().expect("id");
    let support_id = if billing_id == 1 { 2 } else { 1 };
    for path in [
        format!("/tickets/{support_id}"),
        format!("/api/tickets/{support_id}"),
        format!("/api/tickets/{support_id}/events"),
    ] {
        let (code, resp) = get_as(&path);
        assert_eq!(code, 404, "{path}: {resp}");
    }
    let (code, _) = get_as(&format!("/tickets/{billing_id}"));
    assert_eq!(code, 200);
    // The desk's forms and downloads check the team too, and need the token.
    let (_, me) = get_as("/api/session");
    let bea_csrf = body_json(&me)["csrf"].as_str().expect("csrf").to_string();
    let post_as = |path: &str, form: &str| {
        http_raw(
            &addr,
            &format!(
                "POST {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nCookie: {bea}\r\n\
                 Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{form}",
                form.len()
            ),
        )
    };
    let (_, support) = http_get(&addr, &format!("/api/tickets/{support_id}"));
    let support_message = body_json(&support)["messages"][0]["id"]
        .as_i64()
        .expect("a message");
    for (path, form) in [
        (
            format!("/tickets/{support_id}/notes"),
            format!("csrf={bea_csrf}&note=peek"),
        ),
        (
            format!("/tickets/{support_id}/settings"),
            format!("csrf={bea_csrf}&status=closed&priority=normal&assignee="),
        ),
        (
            format!("/tickets/{support_id}/merge"),
            format!("csrf={bea_csrf}&into={billing_id}"),
        ),
        (
            format!("/messages/{support_message}/split"),
            format!("csrf={bea_csrf}"),
        ),
    ] {
        let (code, resp) = post_as(&path, &form);
        assert_eq!(code, 404, "{path}: {resp}");
    }
    let (code, resp) = get_as(&format!("/messages/{support_message}/attachments/0"));
    assert_eq!(code, 404, "{resp}");
    // Merging her ticket into one she cannot see: refused, nothing moves.
    let (code, resp) = post_as(
        &format!("/tickets/{billing_id}/merge"),
        &format!("csrf={bea_csrf}&into={support_id}"),
    );
    assert_eq!(code, 422, "{resp}");
    assert!(resp.contains("no ticket"), "{resp}");
    // Her own ticket's forms without the token: 403.
    let (code, _) = post_as(&format!("/tickets/{billing_id}/notes"), "note=hi");
    assert_eq!(code, 403);
    let (code, _) = post_as(
        &format!("/tickets/{billing_id}/notes"),
        "csrf=forged&note=hi",
    );
    assert_eq!(code, 403);
    let (_, support_after) = http_get(&addr, &format!("/api/tickets/{support_id}"));
    let support_after = body_json(&support_after);
    assert_eq!(support_after["ticket"]["status"], "open", "unchanged");
    assert_eq!(
        support_after["messages"].as_array().map(Vec::len),
        body_json(&support)["messages"].as_array().map(Vec::len)
    );
    // The administrator sees both.
    let (_, all) = http_get(&addr, "/api/tickets");
    assert_eq!(body_json(&all).as_array().expect("tickets").len(), 2);
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn first_run_set_up_needs_the_printed_token() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let mut child = kindly(&data)
        .arg("serve")
        .env("KINDLY_LISTEN", "127.0.0.1:0")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn serve");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut printed = String::new();
    let mut byte = [0u8; 1];
    while !printed.contains("setup?token=") || !printed.ends_with('\n') {
        if stdout.read(&mut byte).expect("read") == 0 {
            break;
        }
        printed.push(char::from(byte[0]));
    }
    let link = printed
        .split_whitespace()
        .find(|w| w.contains("/setup?token="))
        .expect("serve prints the set-up link");
    let addr = link
        .trim_start_matches("http://")
        .split('/')
        .next()
        .expect("addr")
        .to_string();
    let token = link.split("token=").nth(1).expect("token").to_string();
    let (code, _) = http_get_anon(&addr, "/login");
    assert_eq!(code, 303, "no accounts: the login sends to the set-up");
    let (code, _) = http_get_anon(&addr, "/setup?token=guess");
    assert_eq!(code, 403);
    let (code, page) = http_get_anon(&addr, &format!("/setup?token={token}"));
    assert_eq!(code, 200, "{page}");
    let post = |form: &str| {
        http_raw(
            &addr,
            &format!(
                "POST /setup HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\
                 Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{form}",
                form.len()
            ),
        )
    };
    let (code, page) = post(&format!(
        "token={token}&name=Ada&email=ada%40test.example&password=first+password&password2=other+password"
    ));
    assert_eq!(code, 422);
    assert!(
        page.contains("differ") && page.contains("ada@test.example"),
        "{page}"
    );
    let (code, _) = post(&format!(
        "token={token}&name=Ada&email=ada%40test.example&password=first+password&password2=first+password"
    ));
    assert_eq!(code, 303);
    let (code, _) = http_get_anon(&addr, &format!("/setup?token={token}"));
    assert_eq!(code, 404, "set up once");
    let out = kindly(&data)
        .args(["user", "list", "--json"])
        .output()
        .expect("run");
    let users = json(&out);
    assert_eq!(users[0]["role"], "admin");
    assert!(
        users[0].get("password_hash").is_none(),
        "hashes are never printed"
    );
    let _ = child.kill();
    let _ = child.wait();
}

const HOSTILE_HTML: &str = "From: =?utf-8?q?Mallory_=3Cscript=3E?= <mallory@example.com>\r\nTo: support@localhost\r\n\
Subject: <script>alert(1)</script> invoice\r\nMessage-ID: <hostile1@example.com>\r\nDate: Mon, 2 Mar 2026 10:00:00 +0200\r\n\
MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=b1\r\n\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\
Hello, my invoice is wrong <script>alert(2)</script>\r\n--b1\r\nContent-Type: text/html; charset=utf-8\r\n\r\n\
<p>Hello, my <b>invoice</b> is wrong.</p><script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=1\">\
<svg onload=\"window.__pwned=1\"><circle r=1></circle></svg><a href=\"javascript:window.__pwned=1\">click</a>\
<img src=\"https://tracker.example/p.gif\" width=1 height=1><img src=\"https://cdn.example/logo.png\" alt=logo>\
<iframe srcdoc=\"<script>parent.__pwned=1</script>\"></iframe><div style=\"background:url(javascript:alert(3))\">x</div>\r\n--b1--\r\n";

#[test]
fn html_mail_is_shown_sanitised_with_images_on_request() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let out = run_with_stdin(cmd(&data, &["ingest"]), HOSTILE_HTML.as_bytes());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let deep = mail_with_id("<deep@example.com>", "x")
        .replace("Content-Type: text/plain", "Content-Type: text/html")
        .replace(
            "\r\n\r\nx\r\n",
            &format!("\r\n\r\n{}\r\n", "<div>".repeat(5000)),
        );
    let out = run_with_stdin(cmd(&data, &["ingest"]), deep.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    let (mut child, url, _) = start_serve(&data);
    let addr = url.trim_start_matches("http://").to_string();
    let (code, page) = http_get(&addr, "/tickets/1");
    assert_eq!(code, 200);
    assert!(!page.contains("<script>alert"), "escaped subject and text");
    assert!(
        page.contains("&lt;script&gt;") || page.contains("&#60;script&#62;"),
        "shown as text"
    );
    assert!(page.contains("/messages/1/html"));
    let (code, page) = http_get(&addr, "/messages/1/html");
    assert_eq!(code, 200, "{page}");
    let body = page
        .split("class=\"mail-html\">")
        .nth(1)
        .expect("the mail's part");
    for bad in [
        "<script",
        "onerror",
        "onload",
        "javascript:",
        "<iframe",
        "<svg",
        "tracker.example",
        "cdn.example/logo.png",
        "url(",
    ] {
        assert!(!body.contains(bad), "{bad} survived: {body}");
    }
    assert!(body.contains("<b>invoice</b>"));
    assert!(page.contains("Load the images"));
    let (code, page) = http_get(&addr, "/messages/1/html?images=1");
    assert_eq!(code, 200);
    let body = page
        .split("class=\"mail-html\">")
        .nth(1)
        .expect("the mail's part");
    assert!(body.contains("cdn.example/logo.png"), "asked for: loaded");
    assert!(
        !body.contains("tracker.example"),
        "a tracking pixel never loads"
    );
    let (code, page) = http_get(&addr, "/messages/2/html");
    assert_eq!(code, 422, "{page}");
    assert!(page.contains("nested too deeply"));
    let (code, _) = http_get(&addr, "/messages/99/html");
    assert_eq!(code, 404);
    let _ = child.kill();
    let _ = child.wait();
}
