//! `POST /inbound/mime` and `GET /metrics`, end to end through `kindly serve`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

mod support;

use support::kindly;

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

const TOKEN: &str = "webhook-token-0123456789abcdef";

const MAIL: &str = "From: Emily Clarke <emily@example.com>\r\nTo: support@localhost\r\nSubject: Cannot log in\r\n\
Message-ID: <http1@example.com>\r\nDate: Mon, 2 Mar 2026 10:00:00 +0200\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\
Hello, I cannot log in to my account since yesterday. Could you please help me?\r\nEmily\r\n";

/// No From, no Reply-To: stored, then quarantined.
const SENDERLESS: &str = "To: support@localhost\r\nSubject: who am I\r\nMessage-ID: <nobody@example.com>\r\n\r\nHello?\r\n";

/// `kindly serve` on a free port with `env`; the child and its address.
struct Serve {
    child: Child,
    addr: String,
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_serve(data: &Path, env: &[(&str, &str)]) -> Serve {
    let mut c = kindly(data);
    c.arg("serve")
        .env("KINDLY_LISTEN", "127.0.0.1:0")
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    for (k, v) in env {
        c.env(k, v);
    }
    let mut child = c.spawn().expect("spawn serve");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut printed = String::new();
    let mut byte = [0u8; 1];
    while !printed.contains("Outgoing mail goes to") || !printed.ends_with('\n') {
        if stdout.read(&mut byte).expect("read") == 0 {
            break;
        }
        printed.push(char::from(byte[0]));
    }
    let addr = printed
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .expect("serve prints its URL")
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    // Keep reading what serve prints: a closed pipe would fail its next line.
    std::thread::spawn(move || {
        let mut sink = Vec::new();
        let _ = stdout.read_to_end(&mut sink);
    });
    Serve { child, addr }
}

struct Answer {
    code: u16,
    head: String,
    body: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("JSON body ({e}): {}", self.body))
    }
    fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }
}

/// One HTTP/1.1 request over a fresh connection; `chunked` sends the body
/// without a Content-Length.
fn request(
    addr: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
    chunked: bool,
) -> Answer {
    let mut s = std::net::TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(60)))
        .expect("timeout");
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    if chunked {
        head.push_str("Transfer-Encoding: chunked\r\n\r\n");
    } else {
        head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    }
    let mut out = head.into_bytes();
    if chunked {
        for chunk in body.chunks(1024) {
            out.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
            out.extend_from_slice(chunk);
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(b"0\r\n\r\n");
    } else {
        out.extend_from_slice(body);
    }
    // The server may answer (413) and close before it has read everything.
    let _ = s.write_all(&out);
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf);
    let text = String::from_utf8_lossy(&buf).to_string();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let code = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        dechunk(body)
    } else {
        body.to_string()
    };
    Answer {
        code,
        head: head.to_string(),
        body,
    }
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = s.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 || rest.len() < n {
            break;
        }
        out.push_str(&rest[..n]);
        s = rest[n..].trim_start_matches("\r\n");
    }
    out
}

fn post_mail(addr: &str, token: Option<&str>, mail: &[u8]) -> Answer {
    let auth = token.map(|t| format!("Bearer {t}"));
    let mut headers = vec![("Content-Type", "message/rfc822")];
    if let Some(a) = &auth {
        headers.push(("Authorization", a.as_str()));
    }
    request(addr, "POST", "/inbound/mime", &headers, mail, false)
}

fn get(addr: &str, path: &str) -> Answer {
    request(addr, "GET", path, &[], b"", false)
}

/// `/metrics` as sample → value, after checking every sample has a declared family.
fn metrics(addr: &str) -> BTreeMap<String, f64> {
    let a = get(addr, "/metrics");
    assert_eq!(a.code, 200, "{}", a.body);
    assert_eq!(
        a.header("content-type"),
        Some("text/plain; version=0.0.4; charset=utf-8")
    );
    let mut declared = std::collections::HashSet::new();
    let mut out = BTreeMap::new();
    for line in a.body.lines() {
        if let Some(rest) = line.strip_prefix("# TYPE ") {
            let mut parts = rest.split(' ');
            let name = parts.next().unwrap().to_string();
            assert!(matches!(parts.next(), Some("counter" | "gauge")), "{line}");
            declared.insert(name);
            continue;
        }
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let (sample, value) = line.rsplit_once(' ').expect("sample value");
        let name = sample.split('{').next().unwrap();
        assert!(declared.contains(name), "undeclared family: {line}");
        out.insert(sample.to_string(), value.parse::<f64>().expect("a number"));
    }
    out
}

fn value(m: &BTreeMap<String, f64>, sample: &str) -> f64 {
    *m.get(sample)
        .unwrap_or_else(|| panic!("{sample} missing in {m:#?}"))
}

#[test]
fn posted_mail_becomes_a_ticket_with_its_acknowledgement_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let serve = start_serve(&data, &[("KINDLY_INBOUND_TOKEN", TOKEN)]);
    let addr = serve.addr.as_str();

    let a = post_mail(addr, Some(TOKEN), MAIL.as_bytes());
    assert_eq!(a.code, 200, "{}", a.body);
    let r = a.json();
    assert_eq!(r["outcome"], "new_ticket");
    assert_eq!(r["ticket"], 1);
    assert_eq!(r["message_id"], "<http1@example.com>");
    assert_eq!(r["acknowledged"], true);
    assert_eq!(r["language"], "en");

    // The same mail again (a provider's retry): nothing changes, nothing is sent.
    let a = post_mail(addr, Some(TOKEN), MAIL.as_bytes());
    assert_eq!(a.code, 200, "{}", a.body);
    assert_eq!(a.json()["outcome"], "duplicate_delivery");
    assert_eq!(a.json()["acknowledged"], false);

    // Wrong or missing token: refused, nothing stored.
    for token in [Some("not-the-token-0123456789abcdef"), None] {
        let a = post_mail(addr, token, b"From: x@example.com\r\n\r\nsneaky\r\n");
        assert_eq!(a.code, 401, "{token:?}: {}", a.body);
        assert_eq!(a.header("www-authenticate"), Some("Bearer"));
        assert!(a.json()["error"].as_str().unwrap().contains("token"));
    }

    // Unreadable mail is still taken: stored raw and quarantined.
    let a = post_mail(addr, Some(TOKEN), SENDERLESS.as_bytes());
    assert_eq!(a.code, 200, "{}", a.body);
    assert_eq!(a.json()["outcome"], "quarantined");
    assert!(a.json()["ticket"].is_null());

    // One ticket, one acknowledgement to the customer.
    // (Read with the CLI: the API needs an agent's session.)
    let listed = |what: &str| -> serde_json::Value {
        let out = kindly(&data).args([what, "--json"]).output().expect("run");
        serde_json::from_slice(&out.stdout).expect("JSON")
    };
    let tickets = listed("tickets");
    assert_eq!(tickets.as_array().unwrap().len(), 1);
    assert_eq!(tickets[0]["subject"], "Cannot log in");
    let outbox = listed("outbox");
    let outbox = outbox.as_array().unwrap();
    assert_eq!(outbox.len(), 1, "{outbox:?}");
    assert_eq!(outbox[0]["kind"], "ack");
    assert_eq!(outbox[0]["ticket"], 1);
    assert_eq!(outbox[0]["to"], "emily@example.com");

    // The delivery worker sends it; then the figures settle.
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut m = metrics(addr);
    while Instant::now() < deadline && value(&m, "kindly_outbox{status=\"sent\"}") < 1.0 {
        std::thread::sleep(Duration::from_millis(200));
        m = metrics(addr);
    }
    for (sample, expected) in [
        ("kindly_up", 1.0),
        ("kindly_raw_mails_total", 2.0),
        ("kindly_mails_total{outcome=\"new_or_repeat\"}", 1.0),
        ("kindly_mails_total{outcome=\"follow_up\"}", 0.0),
        ("kindly_mails_total{outcome=\"thanks\"}", 0.0),
        ("kindly_mails_total{outcome=\"automatic\"}", 0.0),
        ("kindly_mails_total{outcome=\"quarantined\"}", 1.0),
        ("kindly_tickets_total", 1.0),
        ("kindly_open_tickets", 1.0),
        ("kindly_repeats_folded", 0.0),
        ("kindly_outbox{status=\"queued\"}", 0.0),
        ("kindly_outbox{status=\"sent\"}", 1.0),
        ("kindly_outbox{status=\"failed\"}", 0.0),
        ("kindly_inbound_http_requests_total{code=\"200\"}", 3.0),
        ("kindly_inbound_http_requests_total{code=\"401\"}", 2.0),
    ] {
        assert_eq!(value(&m, sample), expected, "{sample}");
    }
    assert!(!m.contains_key("kindly_inbound_http_requests_total{code=\"404\"}"));

    // The command line sees the same outbox.
    drop(serve);
    let out = kindly(&data)
        .args(["outbox", "--json"])
        .output()
        .expect("outbox");
    let rows: Value = serde_json::from_slice(&out.stdout).expect("outbox JSON");
    assert_eq!(rows.as_array().unwrap().len(), 1);
    assert_eq!(rows[0]["status"], "sent");
}

#[test]
fn without_a_token_the_endpoint_is_disabled() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let serve = start_serve(&data, &[]);
    let addr = serve.addr.as_str();
    for token in [Some(TOKEN), None] {
        let a = post_mail(addr, token, MAIL.as_bytes());
        assert_eq!(a.code, 404, "{}", a.body);
        let error = a.json()["error"].as_str().unwrap().to_string();
        assert!(
            error.contains("disabled") && error.contains("KINDLY_INBOUND_TOKEN"),
            "{error}"
        );
    }
    let m = metrics(addr);
    assert_eq!(value(&m, "kindly_raw_mails_total"), 0.0);
    assert_eq!(value(&m, "kindly_tickets_total"), 0.0);
    assert_eq!(
        value(&m, "kindly_inbound_http_requests_total{code=\"404\"}"),
        2.0
    );
}

#[test]
fn too_large_empty_and_wrongly_typed_bodies_are_refused_before_storing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let serve = start_serve(
        &data,
        &[
            ("KINDLY_INBOUND_TOKEN", TOKEN),
            ("KINDLY_MAX_MESSAGE_BYTES", "2000"),
        ],
    );
    let addr = serve.addr.as_str();
    let auth = format!("Bearer {TOKEN}");
    let big = format!("{MAIL}{}\r\n", "All work and no play. ".repeat(400));
    assert!(big.len() > 2000);

    // Declared too large: refused from the Content-Length alone.
    let a = post_mail(addr, Some(TOKEN), big.as_bytes());
    assert_eq!(a.code, 413, "{}", a.body);
    let error = a.json()["error"].as_str().unwrap().to_string();
    assert!(
        error.contains("2000 bytes") && error.contains("max_message_bytes"),
        "{error}"
    );
    // Streamed without a length: cut off at the limit, never buffered whole.
    let a = request(
        addr,
        "POST",
        "/inbound/mime",
        &[("Content-Type", "message/rfc822"), ("Authorization", &auth)],
        big.as_bytes(),
        true,
    );
    assert_eq!(a.code, 413, "{}", a.body);

    for empty in [&b""[..], b"\r\n \r\n"] {
        let a = post_mail(addr, Some(TOKEN), empty);
        assert_eq!(a.code, 400, "{}", a.body);
        assert!(a.json()["error"].as_str().unwrap().contains("empty"));
    }

    let a = request(
        addr,
        "POST",
        "/inbound/mime",
        &[
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Authorization", &auth),
        ],
        MAIL.as_bytes(),
        false,
    );
    assert_eq!(a.code, 415, "{}", a.body);

    // Within the limit, chunked and as text/plain: taken.
    let a = request(
        addr,
        "POST",
        "/inbound/mime",
        &[
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Authorization", &auth),
        ],
        MAIL.as_bytes(),
        true,
    );
    assert_eq!(a.code, 200, "{}", a.body);
    assert_eq!(a.json()["outcome"], "new_ticket");

    let m = metrics(addr);
    assert_eq!(value(&m, "kindly_raw_mails_total"), 1.0);
    assert_eq!(value(&m, "kindly_tickets_total"), 1.0);
    for (code, n) in [("413", 2.0), ("400", 2.0), ("415", 1.0), ("200", 1.0)] {
        assert_eq!(
            value(
                &m,
                &format!("kindly_inbound_http_requests_total{{code=\"{code}\"}}")
            ),
            n,
            "{code}"
        );
    }
}

/// A store that cannot take the mail answers 503 with Retry-After, so the
/// provider keeps the mail and tries again; the retry then succeeds.
#[test]
fn a_locked_store_answers_503_with_retry_after() {
    if Command::new("sqlite3").arg("-version").output().is_err() {
        eprintln!("skipped: the sqlite3 command is not installed (apt-get install sqlite3)");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let serve = start_serve(&data, &[("KINDLY_INBOUND_TOKEN", TOKEN)]);
    let addr = serve.addr.as_str();
    // Another process holds the write lock longer than the store waits (30 s).
    let mut locker = Command::new("sqlite3")
        .arg(data.join("kindly.db"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("sqlite3");
    let mut lock_in = locker.stdin.take().expect("stdin");
    writeln!(lock_in, "BEGIN EXCLUSIVE;\nSELECT 'locked';").expect("lock");
    let mut lock_out = locker.stdout.take().expect("stdout");
    let mut seen = Vec::new();
    let mut byte = [0u8; 1];
    while !String::from_utf8_lossy(&seen).contains("locked") {
        assert_eq!(
            lock_out.read(&mut byte).expect("read"),
            1,
            "sqlite3 stopped"
        );
        seen.push(byte[0]);
    }

    let a = post_mail(addr, Some(TOKEN), MAIL.as_bytes());
    assert_eq!(a.code, 503, "{}", a.body);
    assert_eq!(a.header("retry-after"), Some("30"));
    assert!(a.json()["error"].as_str().unwrap().contains("again"));

    writeln!(lock_in, "ROLLBACK;\n.quit").expect("unlock");
    drop(lock_in);
    let _ = locker.wait();
    let a = post_mail(addr, Some(TOKEN), MAIL.as_bytes());
    assert_eq!(a.code, 200, "{}", a.body);
    assert_eq!(a.json()["outcome"], "new_ticket");
}
