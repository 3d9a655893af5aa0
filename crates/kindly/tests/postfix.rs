//! The mail plumbing against a real Postfix (Debian's package; `scripts/test.sh`
//! installs it): SMTP out (`kindly deliver` → Postfix → a Maildir the test reads),
//! also as to a submission port (STARTTLS required, a certificate from the
//! test's own CA, SASL login checked by a Dovecot of the test's own), and the
//! MTA pipe (SMTP → Postfix → `pipe(8)` → `kindly ingest -`), the recipe in
//! `docs/postfix.md`.
//!
//! Each test starts its own Postfix (`postfix -c DIR`) on a free loopback port
//! with its configuration, queue, data and Maildir in a temp directory it owns,
//! and stops it at the end, also on a panic. Without Postfix (or, for the
//! submission test, Dovecot or openssl), or when not root (Postfix needs root
//! to start), the tests skip with a message.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

mod support;

use support::dovecot::{self, Dovecot};
use support::tls::{self, TestCa};
use support::{free_port, kindly, user_ids, wait_for};

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use serde_json::Value;

const POSTFIX: &str = "/usr/sbin/postfix";
const POSTQUEUE: &str = "/usr/sbin/postqueue";
/// How long any one wait may take before the test fails.
const PATIENCE: Duration = Duration::from_secs(20);

/// Why these tests cannot run here, if they cannot.
fn skip_reason() -> Option<String> {
    if !Path::new(POSTFIX).exists() {
        return Some(format!(
            "{POSTFIX} is not installed (bash scripts/test.sh installs Debian's postfix)"
        ));
    }
    // /proc/self belongs to the effective user.
    if std::fs::metadata("/proc/self").map_or(true, |m| m.uid() != 0) {
        return Some("Postfix must be started as root".to_string());
    }
    for user in ["postfix", "nobody"] {
        if user_ids(user).is_none() {
            return Some(format!("there is no {user:?} user"));
        }
    }
    None
}

macro_rules! require_postfix {
    () => {
        if let Some(why) = skip_reason() {
            eprintln!("SKIPPED: the Postfix tests: {why}");
            return;
        }
    };
}

fn chown(path: &Path, (uid, gid): (u32, u32)) {
    std::os::unix::fs::chown(path, Some(uid), Some(gid))
        .unwrap_or_else(|e| panic!("chown {}: {e}", path.display()));
}

/// What the instance does besides accepting mail for `customer.test` into a Maildir.
#[derive(Default)]
struct Extras<'a> {
    /// Mail to `support@help.test` piped to `kindly ingest`.
    pipe: Option<&'a Pipe>,
    /// A submission server: STARTTLS required, mail only after a SASL login.
    submission: Option<Submission>,
}

/// The TLS and SASL set-up of a submission server.
struct Submission {
    cert: PathBuf,
    key: PathBuf,
    /// Dovecot's authentication socket for Postfix.
    sasl_socket: PathBuf,
}

struct Pipe {
    /// The kindly binary, where `nobody` may run it.
    binary: PathBuf,
    /// Its data directory, where `nobody` may write.
    data: PathBuf,
}

/// One running Postfix instance; stopped on drop.
struct Postfix {
    root: tempfile::TempDir,
    port: u16,
}

impl Postfix {
    fn start(root: tempfile::TempDir, extras: Extras) -> Postfix {
        let t = root.path();
        // The postfix and nobody users must reach their directories inside.
        std::fs::set_permissions(t, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        let etc = t.join("etc");
        let data = t.join("data");
        let mail = t.join("mail");
        for d in [&etc, &data, &mail, &t.join("queue")] {
            std::fs::create_dir_all(d).expect("mkdir");
        }
        chown(&data, user_ids("postfix").expect("postfix user"));
        let nobody = user_ids("nobody").expect("nobody user");
        chown(&mail, nobody);
        let port = free_port();
        let t = t.display();
        // Refusals the SMTP-out test meets: a 4xx and a 5xx at RCPT time.
        std::fs::write(
            etc.join("access"),
            "busy@customer.test 450 4.2.0 Mailbox busy, try again later\n\
             gone@customer.test 550 5.1.1 No such user here\n",
        )
        .expect("write access map");
        let mut main_cf = format!(
            "compatibility_level = 3.6
queue_directory = {t}/queue
data_directory = {t}/data
maillog_file = {t}/maillog
maillog_file_prefixes = {t}
myhostname = mx.kindly.test
mydomain = kindly.test
myorigin = $myhostname
inet_interfaces = loopback-only
inet_protocols = ipv4
# Loopback is not trusted: relaying to unknown domains is refused (554).
mynetworks = 192.0.2.1/32
smtpd_recipient_restrictions = check_recipient_access texthash:{t}/etc/access
smtputf8_enable = no
alias_maps =
alias_database =
biff = no
# The customers' mail: one Maildir the test reads.
virtual_mailbox_domains = customer.test
virtual_mailbox_base = {t}/mail
virtual_mailbox_maps = static:maildir/
virtual_uid_maps = static:{uid}
virtual_gid_maps = static:{gid}
virtual_minimum_uid = 1
",
            uid = nobody.0,
            gid = nobody.1,
        );
        let mut master_cf = format!(
            "127.0.0.1:{port} inet n - n - - smtpd
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
virtual   unix  -       n       n       -       -       virtual
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
"
        );
        match &extras.submission {
            None => main_cf.push_str("smtpd_relay_restrictions = reject_unauth_destination\n"),
            // As a submission port (587) is set up: TLS before anything else,
            // AUTH only inside it, nothing accepted without a login.
            Some(sub) => main_cf.push_str(&format!(
                "smtpd_tls_security_level = encrypt
smtpd_tls_cert_file = {cert}
smtpd_tls_key_file = {key}
smtpd_tls_loglevel = 1
smtpd_tls_received_header = yes
smtpd_tls_auth_only = yes
smtpd_sasl_auth_enable = yes
smtpd_sasl_type = dovecot
smtpd_sasl_path = {socket}
smtpd_sasl_authenticated_header = yes
smtpd_relay_restrictions = permit_sasl_authenticated, reject
",
                cert = sub.cert.display(),
                key = sub.key.display(),
                socket = sub.sasl_socket.display(),
            )),
        }
        if extras.submission.is_some() {
            // smtpd's TLS session cache and entropy.
            master_cf.push_str("tlsmgr    unix  -       -       n       1000?   1       tlsmgr\n");
        }
        if let Some(pipe) = extras.pipe {
            // docs/postfix.md, with help.test for example.com.
            main_cf.push_str(
                "mydestination = help.test
recipient_delimiter = +
virtual_alias_maps = inline:{ support@help.test=support@kindly.invalid }
transport_maps = inline:{ kindly.invalid=kindly: }
kindly_destination_recipient_limit = 1
",
            );
            master_cf.push_str(&format!(
                "kindly    unix  -       n       n       -       -       pipe
  flags=Rq user=nobody argv={} --data {} ingest -
",
                pipe.binary.display(),
                pipe.data.display()
            ));
        } else {
            main_cf.push_str("mydestination =\n");
        }
        std::fs::write(etc.join("main.cf"), main_cf).expect("write main.cf");
        std::fs::write(etc.join("master.cf"), master_cf).expect("write master.cf");
        let pf = Postfix { root, port };
        // `check` creates the queue directories with their owners.
        pf.postfix(&["check"]);
        pf.postfix(&["start"]);
        wait_for(
            PATIENCE,
            "Postfix to listen",
            || TcpStream::connect(("127.0.0.1", port)).ok(),
            &|| pf.log(),
        );
        pf
    }

    fn etc(&self) -> PathBuf {
        self.root.path().join("etc")
    }

    fn postfix(&self, args: &[&str]) {
        let out = Command::new(POSTFIX)
            .arg("-c")
            .arg(self.etc())
            .args(args)
            .output()
            .expect("run postfix");
        assert!(
            out.status.success(),
            "postfix {args:?}: {}\n{}\n--- Postfix log ---\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr),
            self.log()
        );
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.root.path().join("maillog")).unwrap_or_default()
    }

    /// The queue, one JSON object per message (`postqueue -j`).
    fn queue(&self) -> Vec<Value> {
        let out = Command::new(POSTQUEUE)
            .arg("-c")
            .arg(self.etc())
            .arg("-j")
            .output()
            .expect("run postqueue");
        assert!(
            out.status.success(),
            "postqueue -j: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| serde_json::from_str(l).expect("postqueue -j lines are JSON"))
            .collect()
    }

    fn flush(&self) {
        let out = Command::new(POSTQUEUE)
            .arg("-c")
            .arg(self.etc())
            .arg("-f")
            .output()
            .expect("run postqueue");
        assert!(
            out.status.success(),
            "postqueue -f: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// The mails delivered to `customer.test`, oldest first.
    fn maildir(&self) -> Vec<String> {
        let new = self.root.path().join("mail/maildir/new");
        let mut files: Vec<PathBuf> = std::fs::read_dir(&new)
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.sort();
        files
            .iter()
            .map(|f| String::from_utf8(std::fs::read(f).expect("read mail")).expect("UTF-8 mail"))
            .collect()
    }
}

impl Drop for Postfix {
    fn drop(&mut self) {
        let stopped = Command::new(POSTFIX)
            .arg("-c")
            .arg(self.etc())
            .arg("stop")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !stopped {
            let _ = Command::new(POSTFIX)
                .arg("-c")
                .arg(self.etc())
                .arg("abort")
                .status();
        }
    }
}

/// The reply to one SMTP command: code and text.
fn reply(r: &mut BufReader<TcpStream>) -> (u16, String) {
    let mut text = String::new();
    loop {
        let mut line = String::new();
        r.read_line(&mut line).expect("SMTP reply");
        assert!(line.len() >= 4, "short SMTP reply {line:?}");
        text.push_str(&line);
        if line.as_bytes()[3] == b' ' {
            return (line[..3].parse().expect("SMTP code"), text);
        }
    }
}

/// Hands one mail to the server over SMTP: the server's reply to the data, or
/// the first refusal.
fn smtp_send(port: u16, from: &str, to: &str, mail: &str) -> (u16, String) {
    let stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream.set_read_timeout(Some(PATIENCE)).expect("timeout");
    let mut w = stream.try_clone().expect("clone");
    let mut r = BufReader::new(stream);
    assert_eq!(reply(&mut r).0, 220);
    let mut cmd = |c: &str| {
        w.write_all(c.as_bytes()).expect("write");
        reply(&mut r)
    };
    let mut data = String::new();
    for line in mail.split("\r\n") {
        if line.starts_with('.') {
            data.push('.');
        }
        data.push_str(line);
        data.push_str("\r\n");
    }
    data.push_str(".\r\n");
    let mut last = (0, String::new());
    for c in [
        "EHLO client.test\r\n".to_string(),
        format!("MAIL FROM:<{from}>\r\n"),
        format!("RCPT TO:<{to}>\r\n"),
        "DATA\r\n".to_string(),
        data,
    ] {
        last = cmd(&c);
        if last.0 >= 400 {
            break;
        }
    }
    let _ = cmd("QUIT\r\n");
    last
}

fn ok(out: &Output, what: &str) {
    assert!(
        out.status.success(),
        "{what}: {}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
}

fn ingest(data: &Path, mail: &str) {
    let mut c = kindly(data);
    c.args(["ingest", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = c.spawn().expect("spawn kindly");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(mail.as_bytes())
        .expect("write mail");
    let out = child.wait_with_output().expect("wait");
    ok(&out, "kindly ingest");
}

fn outbox(data: &Path) -> Vec<Value> {
    let out = kindly(data)
        .args(["outbox", "--json"])
        .output()
        .expect("run");
    ok(&out, "kindly outbox");
    serde_json::from_slice::<Value>(&out.stdout)
        .expect("JSON")
        .as_array()
        .expect("array")
        .clone()
}

fn mail(from: &str, id: &str, subject: &str, body: &str) -> String {
    format!(
        "From: {from}\r\nTo: support@help.test\r\nSubject: {subject}\r\nMessage-ID: {id}\r\n\
Date: Mon, 2 Mar 2026 10:00:00 +0200\r\nMIME-Version: 1.0\r\n\
Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{body}\r\n"
    )
}

/// Header `name` of a mail (unfolded), if present once or more (the first).
fn header(mail: &str, name: &str) -> Option<String> {
    let head = mail.split("\n\n").next().unwrap_or_default();
    let mut fields: Vec<String> = Vec::new();
    for line in head.lines() {
        if line.starts_with([' ', '\t']) {
            if let Some(last) = fields.last_mut() {
                last.push(' ');
                last.push_str(line.trim());
            }
        } else {
            fields.push(line.to_string());
        }
    }
    fields.iter().find_map(|f| {
        let (k, v) = f.split_once(':')?;
        k.eq_ignore_ascii_case(name).then(|| v.trim().to_string())
    })
}

/// The body of a single-part mail, transfer encoding undone.
fn body_text(mail: &str) -> String {
    let body = mail.split_once("\n\n").map(|(_, b)| b).unwrap_or_default();
    let cte = header(mail, "Content-Transfer-Encoding")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let bytes: Vec<u8> = match cte.as_str() {
        "quoted-printable" => {
            let mut out = Vec::new();
            for line in body.split('\n') {
                let (line, soft) = match line.strip_suffix('=') {
                    Some(l) => (l, true),
                    None => (line, false),
                };
                let b = line.as_bytes();
                let mut i = 0;
                while i < b.len() {
                    if b[i] == b'=' && i + 3 <= b.len() {
                        let hex = std::str::from_utf8(&b[i + 1..i + 3]).expect("QP escape");
                        out.push(u8::from_str_radix(hex, 16).expect("QP escape"));
                        i += 3;
                    } else {
                        out.push(b[i]);
                        i += 1;
                    }
                }
                if !soft {
                    out.push(b'\n');
                }
            }
            out
        }
        "base64" => {
            let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
            let (mut acc, mut bits, mut out) = (0u32, 0u32, Vec::new());
            for c in body.bytes() {
                let Some(v) = alphabet.iter().position(|&a| a == c) else {
                    continue;
                };
                acc = (acc << 6) | v as u32;
                bits += 6;
                if bits >= 8 {
                    bits -= 8;
                    out.push((acc >> bits) as u8);
                    acc &= (1 << bits) - 1;
                }
            }
            out
        }
        _ => body.as_bytes().to_vec(),
    };
    String::from_utf8(bytes).expect("the body is UTF-8")
}

fn normalise(s: &str) -> String {
    s.replace("\r\n", "\n").trim_end().to_string()
}

/// The outbox row to `to`.
fn row_to<'a>(rows: &'a [Value], to: &str) -> &'a Value {
    rows.iter()
        .find(|r| r["to"] == to)
        .unwrap_or_else(|| panic!("no outbox row to {to}: {rows:#?}"))
}

/// The acknowledgement of outbox row `r` is among the `delivered` mails,
/// sent, exactly as the row says: addressed to its customer, threaded to the
/// customer's mail `original`, marked automatic, UTF-8 text with the row's
/// body (which has `words` in it). Returns the mail.
fn assert_arrived_as_queued<'a>(
    delivered: &'a [String],
    r: &Value,
    original: &str,
    words: &[&str],
) -> &'a str {
    let to = r["to"].as_str().expect("to");
    assert_eq!(r["status"], "sent", "{r:#?}");
    let mid = r["message_id"].as_str().expect("message_id");
    let m = delivered
        .iter()
        .find(|m| header(m, "Message-ID").as_deref() == Some(mid))
        .unwrap_or_else(|| panic!("no delivered mail with Message-ID {mid}: {delivered:#?}"));
    assert_eq!(header(m, "Delivered-To").as_deref(), Some(to));
    assert_eq!(header(m, "To").as_deref(), Some(to));
    assert_eq!(header(m, "Auto-Submitted").as_deref(), Some("auto-replied"));
    assert_eq!(
        header(m, "X-Auto-Response-Suppress").as_deref(),
        Some("All")
    );
    assert_eq!(header(m, "In-Reply-To").as_deref(), Some(original));
    assert_eq!(
        header(m, "References").as_deref(),
        r["references"]
            .as_array()
            .map(|a| a
                .iter()
                .map(|v| v.as_str().unwrap_or_default())
                .collect::<Vec<_>>()
                .join(" "))
            .as_deref()
    );
    assert!(
        header(m, "References").is_some_and(|v| v.contains(original)),
        "{m}"
    );
    let ct = header(m, "Content-Type")
        .expect("Content-Type")
        .to_ascii_lowercase();
    assert!(
        ct.starts_with("text/plain") && ct.replace(['"', ' '], "").contains("charset=utf-8"),
        "{ct}"
    );
    assert!(
        header(m, "Subject").is_some_and(|s| s.contains(&format!("[#{}]", r["ticket"]))),
        "{m}"
    );
    eprintln!(
        "{to}: Content-Type {ct:?}, Content-Transfer-Encoding {:?}",
        header(m, "Content-Transfer-Encoding")
    );
    let text = body_text(m);
    assert_eq!(
        normalise(&text),
        normalise(r["body"].as_str().expect("body")),
        "the body arrives as queued"
    );
    for w in words {
        assert!(text.contains(w), "{w:?} in {text}");
    }
    m
}

#[test]
fn smtp_out_delivers_through_postfix_and_records_refusals() {
    require_postfix!();
    let pf = Postfix::start(tempfile::tempdir().expect("tempdir"), Extras::default());
    let data = pf.root.path().join("kindly-data");

    // In id order: refusals first, so the good mails follow them on the same run.
    let customers = [
        (
            "Gone <gone@customer.test>",
            "<c1@customer.test>",
            "Order lost",
            "Hello, my order never arrived. Please help.",
        ),
        (
            "Busy <busy@customer.test>",
            "<c2@customer.test>",
            "Refund",
            "Hello, I would like a refund for order 5512.",
        ),
        (
            "Far <far@elsewhere.test>",
            "<c3@elsewhere.test>",
            "Login",
            "Hello, I cannot log in to my account.",
        ),
        (
            "Mari Tamm <mari@customer.test>",
            "<c4@customer.test>",
            "Arve on vale",
            "Tere! Minu arve summa on vale, palun vaadake üle. Tellimus 12345 jõudis kohale, aga hind ei ole õige.\r\nMari",
        ),
        (
            "Иван Петров <ivan@customer.test>",
            "<c5@customer.test>",
            "Не приходит посылка",
            "Здравствуйте! Мой заказ 77812 до сих пор не пришёл, хотя прошла уже неделя. Подскажите, пожалуйста, где он?\r\nИван",
        ),
    ];
    for (from, id, subject, body) in customers {
        ingest(&data, &mail(from, id, subject, body));
    }
    let queued = outbox(&data);
    assert_eq!(
        queued.len(),
        5,
        "one acknowledgement per customer: {queued:#?}"
    );

    let deliver = |data: &Path| {
        kindly(data)
            .arg("deliver")
            .env("KINDLY_SMTP_HOST", "127.0.0.1")
            .env("KINDLY_SMTP_PORT", pf.port.to_string())
            .env("KINDLY_SMTP_TLS", "none")
            .output()
            .expect("run kindly deliver")
    };
    let out = deliver(&data);
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(74), "a failure exits 74: {stderr}");
    assert!(
        stderr.contains("delivered 2 (to SMTP), 1 waiting to retry, 2 failed"),
        "{stderr}"
    );

    // The accepted ones arrive in the Maildir, exactly as the outbox rows say.
    let delivered = wait_for(
        PATIENCE,
        "two mails in the Maildir",
        || {
            let m = pf.maildir();
            (m.len() >= 2).then_some(m)
        },
        &|| pf.log(),
    );
    assert_eq!(delivered.len(), 2);
    let rows = outbox(&data);
    let row = |to: &str| row_to(&rows, to);
    for (to, original, words) in [
        (
            "mari@customer.test",
            "<c4@customer.test>",
            ["Aitäh", "pöördumine"],
        ),
        (
            "ivan@customer.test",
            "<c5@customer.test>",
            ["Здравствуйте", "Спасибо"],
        ),
    ] {
        assert_arrived_as_queued(&delivered, row(to), original, &words);
    }

    // 5xx: failed for good, the server's words recorded.
    for (to, code, words) in [
        ("gone@customer.test", "550", "No such user here"),
        ("far@elsewhere.test", "554", "Relay access denied"),
    ] {
        let r = row(to);
        assert_eq!(r["status"], "failed", "{r:#?}");
        assert_eq!(r["attempts"], 1);
        let e = r["last_error"].as_str().unwrap_or_default();
        assert!(e.contains(code) && e.contains(words), "{e}");
    }
    // 4xx: still queued, one attempt used, retried later.
    let busy = row("busy@customer.test");
    assert_eq!(busy["status"], "queued", "{busy:#?}");
    assert_eq!(busy["attempts"], 1);
    let e = busy["last_error"].as_str().unwrap_or_default();
    assert!(e.contains("450") && e.contains("Mailbox busy"), "{e}");
    assert!(busy["next_try_at"].as_str() > busy["created_at"].as_str());

    // A second run sends nothing again: the retry is not due, nothing is duplicated.
    let out = deliver(&data);
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("delivered 0"), "{stderr}");
    assert_eq!(outbox(&data), rows, "nothing changed");
    assert_eq!(pf.maildir().len(), 2, "no duplicate delivery");
}

#[test]
fn mta_pipe_ingests_and_tempfail_keeps_the_mail_queued() {
    require_postfix!();
    let root = tempfile::tempdir().expect("tempdir");
    let nobody = user_ids("nobody").expect("nobody user");
    // The pipe runs kindly as nobody: a copy it may run, a data directory it may write.
    let bin = root.path().join("bin");
    std::fs::create_dir(&bin).expect("mkdir");
    let binary = bin.join("kindly");
    std::fs::copy(env!("CARGO_BIN_EXE_kindly"), &binary).expect("copy the binary");
    std::fs::set_permissions(&binary, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let data = root.path().join("kindly-data");
    std::fs::create_dir(&data).expect("mkdir");
    std::fs::write(
        data.join("kindly.toml"),
        "[support]\naddresses = [\"support@help.test\"]\n",
    )
    .expect("write kindly.toml");
    chown(&data, nobody);
    chown(&data.join("kindly.toml"), nobody);
    let pipe = Pipe {
        binary: binary.clone(),
        data: data.clone(),
    };
    let pf = Postfix::start(
        root,
        Extras {
            pipe: Some(&pipe),
            ..Extras::default()
        },
    );

    // Read the store as the pipe's user too, so no file in it becomes root's.
    let tickets = || -> Vec<Value> {
        let mut c = kindly(&data);
        c.args(["tickets", "--json"]).uid(nobody.0).gid(nobody.1);
        let out = c.output().expect("run kindly tickets");
        ok(&out, "kindly tickets");
        serde_json::from_slice::<Value>(&out.stdout)
            .expect("JSON")
            .as_array()
            .expect("array")
            .clone()
    };

    let first = mail(
        "Emily Clarke <emily@customer.test>",
        "<pipe1@customer.test>",
        "Cannot log in",
        "Hello, I cannot log in to my account since yesterday. Could you please help me?\r\nEmily",
    );
    // Only the support address is accepted at help.test.
    let (code, text) = smtp_send(pf.port, "emily@customer.test", "sales@help.test", &first);
    assert_eq!(code, 550, "{text}");
    let (code, text) = smtp_send(pf.port, "emily@customer.test", "support@help.test", &first);
    assert_eq!(code, 250, "{text}");
    let t = wait_for(
        PATIENCE,
        "the piped mail to become a ticket",
        || {
            let t = tickets();
            (!t.is_empty()).then_some(t)
        },
        &|| pf.log(),
    );
    assert_eq!(t.len(), 1, "{t:#?}");
    assert_eq!(t[0]["subject"], "Cannot log in");
    assert_eq!(t[0]["customer"], "emily@customer.test");
    // The log line follows kindly's exit, which may come after the ticket.
    wait_for(
        PATIENCE,
        "Postfix to log the delivery",
        || pf.log().contains("relay=kindly, ").then_some(()),
        &|| pf.log(),
    );
    assert!(
        pf.log()
            .contains("status=sent (delivered via kindly service")
    );

    // The store goes away (a file where the data directory should be): kindly
    // exits 75, Postfix defers the mail and keeps it.
    let away = data.with_extension("away");
    std::fs::rename(&data, &away).expect("move the data directory away");
    std::fs::write(&data, "not a directory").expect("write blocker");
    let second = mail(
        "Ольга Смирнова <olga@customer.test>",
        "<pipe2@customer.test>",
        "Не могу оплатить заказ",
        "Здравствуйте! При оплате заказа 4410 карта отклоняется, хотя деньги на ней есть. Что делать?\r\nОльга",
    );
    let (code, text) = smtp_send(
        pf.port,
        "olga@customer.test",
        "support+7@help.test",
        &second,
    );
    assert_eq!(code, 250, "{text}");
    let deferred = wait_for(
        PATIENCE,
        "the mail to be deferred",
        || {
            pf.queue()
                .into_iter()
                .find(|m| m["queue_name"] == "deferred")
        },
        &|| pf.log(),
    );
    assert_eq!(deferred["sender"], "olga@customer.test");
    let reason = deferred["recipients"][0]["delay_reason"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(
        reason.contains("data directory"),
        "kindly's complaint reaches the queue: {reason}"
    );
    wait_for(
        PATIENCE,
        "Postfix to log the deferral",
        || {
            pf.log()
                .contains("dsn=4.3.0, status=deferred")
                .then_some(())
        },
        &|| pf.log(),
    );

    // Fixed, and the queue flushed: the mail arrives, on the same customer's
    // second ticket, and the queue is empty.
    std::fs::remove_file(&data).expect("remove blocker");
    std::fs::rename(&away, &data).expect("move the data directory back");
    pf.flush();
    let t = wait_for(
        PATIENCE,
        "the deferred mail to become a ticket",
        || {
            let t = tickets();
            (t.len() == 2).then_some(t)
        },
        &|| pf.log(),
    );
    let olga = t
        .iter()
        .find(|t| t["customer"] == "olga@customer.test")
        .unwrap_or_else(|| panic!("{t:#?}"));
    assert_eq!(olga["subject"], "Не могу оплатить заказ");
    assert_eq!(olga["language"], "ru");
    wait_for(
        PATIENCE,
        "the queue to empty",
        || pf.queue().is_empty().then_some(()),
        &|| pf.log(),
    );
    // Nothing in the data directory belongs to root: the pipe can keep writing.
    for e in std::fs::read_dir(&data).expect("read data dir") {
        let e = e.expect("entry");
        assert_eq!(
            e.metadata().expect("metadata").uid(),
            nobody.0,
            "{} belongs to nobody",
            e.path().display()
        );
    }
}

const SMTP_USER: &str = "kindly";
const SMTP_PASSWORD: &str = "correct horse battery";

/// Why the submission test cannot run here, if it cannot.
fn submission_skip_reason() -> Option<String> {
    skip_reason()
        .or_else(dovecot::skip_reason)
        .or_else(tls::skip_reason)
}

/// A Dovecot that does nothing but check logins for Postfix: one user,
/// `SMTP_USER`, in a passwd-file; its socket at `root/auth-postfix`.
fn sasl_dovecot(root: &Path) -> (Dovecot, PathBuf) {
    std::fs::create_dir_all(root).expect("mkdir");
    std::fs::write(
        root.join("users"),
        format!("{SMTP_USER}:{{PLAIN}}{SMTP_PASSWORD}::::::\n"),
    )
    .expect("write users");
    let socket = root.join("auth-postfix");
    let (uid, gid) = user_ids("nobody").expect("nobody");
    let t = root.display();
    let body = format!(
        "protocols = none
ssl = no
auth_mechanisms = plain login
auth_verbose = yes
first_valid_uid = 1
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {t}/users
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home=/nonexistent
}}
service auth {{
  unix_listener {socket} {{
    mode = 0660
    user = postfix
    group = postfix
  }}
}}
",
        socket = socket.display()
    );
    let dc = Dovecot::start(root, &body, &[], std::slice::from_ref(&socket), PATIENCE);
    (dc, socket)
}

/// Ingests one mail per customer into a fresh data directory `name`.
fn customers_in(root: &Path, name: &str, customers: &[(&str, &str, &str, &str)]) -> PathBuf {
    let data = root.join(name);
    for (from, id, subject, body) in customers {
        ingest(&data, &mail(from, id, subject, body));
    }
    assert_eq!(outbox(&data).len(), customers.len());
    data
}

/// `kindly deliver` over SMTP to 127.0.0.1:`port` with `env` on top.
fn deliver_to(data: &Path, port: u16, env: &[(&str, &str)]) -> (Option<i32>, String) {
    let mut c = kindly(data);
    c.arg("deliver")
        .env("KINDLY_SMTP_HOST", "127.0.0.1")
        .env("KINDLY_SMTP_PORT", port.to_string());
    for (k, v) in env {
        c.env(k, v);
    }
    let out = c.output().expect("run kindly deliver");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// smtpd's summary of each finished session: "ehlo=2 starttls=1 auth=1 mail=1 …"
/// (not the harness's probes whether Postfix listens: "commands=0/0").
fn sessions(log: &str) -> Vec<String> {
    log.lines()
        .filter(|l| l.contains("postfix/smtpd") && l.contains(" disconnect from "))
        .filter(|l| !l.ends_with(" commands=0/0"))
        .map(|l| {
            l.split_once("]: disconnect from ")
                .map_or(l, |(_, rest)| rest)
                .to_string()
        })
        .collect()
}

/// The SMTP commands a session summary counts (`mail=1` → "mail").
fn commands(session: &str) -> Vec<&str> {
    session
        .split_whitespace()
        .filter_map(|w| w.split_once('=').map(|(k, _)| k))
        .collect()
}

#[test]
fn smtp_out_with_starttls_and_a_login_through_postfix() {
    if let Some(why) = submission_skip_reason() {
        eprintln!("SKIPPED: the Postfix STARTTLS + SASL test: {why}");
        return;
    }
    let root = tempfile::tempdir().expect("tempdir");
    let t = root.path().to_path_buf();
    // A CA of the test's own; Postfix's certificate for 127.0.0.1 is signed by it.
    let ca = TestCa::create(&t.join("tls"));
    let sasl_socket = t.join("dovecot/auth-postfix");
    let pf = Postfix::start(
        root,
        Extras {
            submission: Some(Submission {
                cert: ca.server_pem(),
                key: ca.server_key(),
                sasl_socket: sasl_socket.clone(),
            }),
            ..Extras::default()
        },
    );
    // Declared after Postfix, so stopped before Postfix's directory goes.
    let (dc, socket) = sasl_dovecot(&t.join("dovecot"));
    assert_eq!(socket, sasl_socket);
    let logs = || format!("--- Postfix log ---\n{}\n{}", pf.log(), dc.log());
    let port = pf.port;
    let sessions_so_far = || sessions(&pf.log());

    let mari = (
        "Mari Tamm <mari@customer.test>",
        "<t1@customer.test>",
        "Arve on vale",
        "Tere! Minu arve summa on vale, palun vaadake üle. Tellimus 12345 jõudis kohale, aga hind ei ole õige.\r\nMari",
    );
    let ivan = (
        "Иван Петров <ivan@customer.test>",
        "<t2@customer.test>",
        "Не приходит посылка",
        "Здравствуйте! Мой заказ 77812 до сих пор не пришёл, хотя прошла уже неделя. Подскажите, пожалуйста, где он?\r\nИван",
    );
    let emily = (
        "Emily Clarke <emily@customer.test>",
        "<t3@customer.test>",
        "Cannot log in",
        "Hello, I cannot log in to my account since yesterday. Could you please help me?\r\nEmily",
    );
    let olga = (
        "Ольга Смирнова <olga@customer.test>",
        "<t4@customer.test>",
        "Не могу оплатить заказ",
        "Здравствуйте! При оплате заказа 4410 карта отклоняется, хотя деньги на ней есть. Что делать?\r\nОльга",
    );
    let login = [
        ("KINDLY_SMTP_TLS", "starttls"),
        ("KINDLY_SMTP_USERNAME", SMTP_USER),
        ("KINDLY_SMTP_PASSWORD", SMTP_PASSWORD),
    ];
    let ca_pem = ca.ca_pem().to_str().expect("UTF-8 path").to_string();

    // 1. Without the test CA, Postfix's certificate is not trusted: nothing
    //    is sent, the mail stays queued with the reason, the run stops.
    let data = customers_in(&t, "untrusted", &[emily]);
    let (code, stderr) = deliver_to(&data, port, &login);
    assert_eq!(code, Some(75), "a stopped run exits 75: {stderr}");
    assert!(
        stderr.contains("delivered 0 (to SMTP), 1 waiting to retry, 0 failed"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "delivery stopped: TLS with 127.0.0.1:{port} failed"
        )),
        "{stderr}\n{}",
        logs()
    );
    let rows = outbox(&data);
    let r = &rows[0];
    assert_eq!(
        (r["status"].as_str(), r["attempts"].as_i64()),
        (Some("queued"), Some(1)),
        "{r:#?}"
    );
    let e = r["last_error"].as_str().unwrap_or_default();
    assert!(
        e.contains("certificate") && e.contains("UnknownIssuer"),
        "{e}"
    );
    assert!(
        e.contains("[smtp] ca_file"),
        "the hint names the setting: {e}"
    );
    let s = wait_for(
        PATIENCE,
        "the session to end",
        || {
            let s = sessions_so_far();
            (s.len() == 1).then_some(s)
        },
        &logs,
    );
    eprintln!("untrusted certificate: {}", s[0]);
    assert!(
        commands(&s[0]).contains(&"starttls")
            && !commands(&s[0])
                .iter()
                .any(|c| ["auth", "mail", "rcpt", "data"].contains(c)),
        "TLS was tried, no password or mail followed: {}",
        s[0]
    );

    // 2. A wrong password: Dovecot says no, Postfix answers 535; the mail that
    //    met it records the refusal and waits for a retry, the other one is not
    //    tried (no second wrong login), and nothing is marked failed for good.
    let data = customers_in(&t, "wrong-password", &[emily, olga]);
    let mut wrong = login;
    wrong[2] = ("KINDLY_SMTP_PASSWORD", "incorrect horse");
    let ca_env = ("KINDLY_SMTP_CA_FILE", ca_pem.as_str());
    let (code, stderr) = deliver_to(&data, port, &[wrong[0], wrong[1], wrong[2], ca_env]);
    assert_eq!(code, Some(75), "{stderr}");
    assert!(
        stderr.contains("delivered 0 (to SMTP), 1 waiting to retry, 0 failed"),
        "{stderr}"
    );
    let refused = format!("127.0.0.1:{port} refused the login as \"{SMTP_USER}\"");
    assert!(
        stderr.contains(&format!("delivery stopped: {refused}")),
        "{stderr}"
    );
    assert!(
        !stderr.contains("incorrect horse"),
        "no password in messages: {stderr}"
    );
    let rows = outbox(&data);
    let tried = row_to(&rows, "emily@customer.test");
    assert_eq!(
        (tried["status"].as_str(), tried["attempts"].as_i64()),
        (Some("queued"), Some(1)),
        "{tried:#?}"
    );
    assert!(tried["next_try_at"].as_str() > tried["created_at"].as_str());
    let e = tried["last_error"].as_str().unwrap_or_default();
    assert!(
        e.starts_with(&refused)
            && e.contains("535")
            && e.contains("check [smtp] username and password"),
        "{e}"
    );
    let untried = row_to(&rows, "olga@customer.test");
    assert_eq!(
        (untried["status"].as_str(), untried["attempts"].as_i64()),
        (Some("queued"), Some(0)),
        "{untried:#?}"
    );
    assert!(untried["last_error"].is_null(), "{untried:#?}");
    let s = wait_for(
        PATIENCE,
        "the session to end",
        || {
            let s = sessions_so_far();
            (s.len() == 2).then_some(s)
        },
        &logs,
    );
    eprintln!("wrong password: {}", s[1]);
    assert!(
        s[1].contains("starttls=1") && s[1].contains("auth=0/1"),
        "one refused login inside TLS: {}",
        s[1]
    );
    assert!(!commands(&s[1]).contains(&"mail"), "{}", s[1]);
    assert!(
        dc.log()
            .contains(&format!("passwd-file({SMTP_USER},127.0.0.1"))
            && dc.log().contains("Password mismatch"),
        "Dovecot checked the password\n{}",
        dc.log()
    );
    // Fixed: the untried mail goes out; the refused one waits for its retry time.
    let (code, stderr) = deliver_to(&data, port, &[login[0], login[1], login[2], ca_env]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("delivered 1 (to SMTP), 0 waiting to retry, 0 failed"),
        "{stderr}"
    );
    let rows = outbox(&data);
    assert_eq!(row_to(&rows, "olga@customer.test")["status"], "sent");
    assert_eq!(row_to(&rows, "emily@customer.test")["status"], "queued");

    // 3. The configuration as an operator writes it (kindly.toml, ca_file
    //    relative to it): both acknowledgements arrive over TLS after the
    //    login, exactly as queued.
    let data = customers_in(&t, "good", &[mari, ivan]);
    std::fs::copy(ca.ca_pem(), data.join("private-ca.pem")).expect("copy the CA");
    std::fs::write(
        data.join("kindly.toml"),
        format!(
            "[smtp]\nhost = \"127.0.0.1\"\nport = {port}\ntls = \"starttls\"\nusername = \"{SMTP_USER}\"\npassword = \"{SMTP_PASSWORD}\"\nca_file = \"private-ca.pem\"\n"
        ),
    )
    .expect("write kindly.toml");
    let out = kindly(&data)
        .arg("deliver")
        .output()
        .expect("run kindly deliver");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("delivered 2 (to SMTP), 0 waiting to retry, 0 failed"),
        "{stderr}"
    );
    let delivered = wait_for(
        PATIENCE,
        "the mails in the Maildir",
        || {
            let m = pf.maildir();
            (m.len() >= 3).then_some(m)
        },
        &logs,
    );
    assert_eq!(delivered.len(), 3, "olga's from step 2, and these two");
    let rows = outbox(&data);
    for (to, original, words) in [
        ("mari@customer.test", mari.1, ["Aitäh", "pöördumine"]),
        ("ivan@customer.test", ivan.1, ["Здравствуйте", "Спасибо"]),
    ] {
        let r = row_to(&rows, to);
        let m = assert_arrived_as_queued(&delivered, r, original, &words);
        // Postfix's own record of how it came in: over TLS, after the login.
        let received = header(m, "Received").expect("Received");
        assert!(
            received.contains("(Authenticated sender: kindly)") && received.contains("using TLS"),
            "{received}"
        );
        assert_eq!(
            header(m, "Content-Type").as_deref(),
            Some("text/plain; charset=utf-8"),
            "{m}"
        );
    }
    assert!(
        pf.log()
            .contains(&format!("sasl_method=PLAIN, sasl_username={SMTP_USER}")),
        "{}",
        logs()
    );
    let s = wait_for(
        PATIENCE,
        "the sessions to end",
        || {
            let s = sessions_so_far();
            (s.len() == 4).then_some(s)
        },
        &logs,
    );
    eprintln!("good: {}", s[3]);
    assert!(
        s[3].contains("starttls=1") && s[3].contains("auth=1") && s[3].contains("data=2"),
        "{}",
        s[3]
    );
}

#[test]
fn smtp_out_refuses_a_server_without_starttls() {
    require_postfix!();
    let pf = Postfix::start(tempfile::tempdir().expect("tempdir"), Extras::default());
    let data = customers_in(
        pf.root.path(),
        "kindly-data",
        &[(
            "Emily Clarke <emily@customer.test>",
            "<s1@customer.test>",
            "Cannot log in",
            "Hello, I cannot log in to my account since yesterday. Could you please help me?",
        )],
    );
    // The server offers no STARTTLS (as if someone in between removed it):
    // neither the password nor the mail may go out in clear.
    let (code, stderr) = deliver_to(
        &data,
        pf.port,
        &[
            ("KINDLY_SMTP_TLS", "starttls"),
            ("KINDLY_SMTP_USERNAME", SMTP_USER),
            ("KINDLY_SMTP_PASSWORD", SMTP_PASSWORD),
        ],
    );
    assert_eq!(code, Some(75), "{stderr}");
    let why = format!(
        "127.0.0.1:{} does not offer STARTTLS, which tls = \"starttls\" requires; nothing was sent",
        pf.port
    );
    assert!(
        stderr.contains(&format!("delivery stopped: {why}")),
        "{stderr}"
    );
    let rows = outbox(&data);
    let r = &rows[0];
    assert_eq!(
        (r["status"].as_str(), r["attempts"].as_i64()),
        (Some("queued"), Some(1)),
        "{r:#?}"
    );
    assert_eq!(r["last_error"].as_str(), Some(why.as_str()));
    let s = wait_for(
        PATIENCE,
        "the session to end",
        || {
            let s = sessions(&pf.log());
            (!s.is_empty()).then_some(s)
        },
        &|| pf.log(),
    );
    assert_eq!(s.len(), 1, "{s:?}");
    eprintln!("no STARTTLS: {}", s[0]);
    assert_eq!(commands(&s[0]).first(), Some(&"ehlo"), "{}", s[0]);
    assert!(
        !commands(&s[0])
            .iter()
            .any(|c| ["auth", "mail", "rcpt", "data"].contains(c)),
        "only EHLO: {}",
        s[0]
    );
    assert!(pf.maildir().is_empty());
    assert!(pf.queue().is_empty(), "nothing reached Postfix's queue");
}
