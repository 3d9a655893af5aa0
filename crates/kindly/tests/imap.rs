//! IMAP intake against a real Dovecot (Debian's dovecot-imapd; `scripts/test.sh`
//! installs it): `kindly serve` takes mail from two mailboxes — one over plain
//! IMAP whose processed mail is moved to `Processed`, one over implicit TLS
//! (a CA made by openssl for the test) whose processed mail is marked `\Seen`.
//!
//! The test starts its own Dovecot (`dovecot -c FILE`) on free loopback ports,
//! with its configuration, users, Maildirs and log in a temp directory it owns,
//! and stops it at the end, also on a panic. Without Dovecot or openssl, or when
//! not root (Dovecot needs root to start), it skips with a message.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

mod support;

use support::tls::{self, TestCa};
use support::{chown_all, dovecot, free_port, kindly, user_ids, wait_for};

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// How long any one wait may take before the test fails.
const PATIENCE: Duration = Duration::from_secs(45);

/// Why this test cannot run here, if it cannot.
fn skip_reason() -> Option<String> {
    dovecot::skip_reason().or_else(tls::skip_reason)
}

const PASSWORD: &str = "correct horse";

/// A Dovecot serving alice's and bob's Maildirs over IMAP and IMAPS.
struct Dovecot {
    server: dovecot::Dovecot,
    root: PathBuf,
    imap_port: u16,
    imaps_port: u16,
}

impl Dovecot {
    /// Writes the configuration, a CA and a server certificate, and starts it.
    fn start(root: &Path) -> Dovecot {
        std::fs::create_dir_all(root).expect("mkdir");
        // A CA of our own and a certificate for 127.0.0.1 signed by it.
        let ca = TestCa::create(&root.join("tls"));
        let mail = root.join("mail");
        for user in ["alice", "bob"] {
            for sub in ["cur", "new", "tmp"] {
                std::fs::create_dir_all(mail.join(user).join(sub)).expect("mkdir");
            }
        }
        chown_all(&mail, user_ids("nobody").expect("nobody"));
        std::fs::write(
            root.join("users"),
            format!("alice:{{PLAIN}}{PASSWORD}::::::\nbob:{{PLAIN}}{PASSWORD}::::::\n"),
        )
        .expect("write users");
        let (imap_port, imaps_port) = (free_port(), free_port());
        let (uid, gid) = user_ids("nobody").expect("nobody");
        let t = root.display();
        let body = format!(
            "protocols = imap
listen = 127.0.0.1
ssl = yes
ssl_cert = <{cert}
ssl_key = <{key}
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
mail_location = maildir:{t}/mail/%u
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {t}/users
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={t}/mail/%u
}}
service imap-login {{
  inet_listener imap {{
    port = {imap_port}
  }}
  inet_listener imaps {{
    port = {imaps_port}
    ssl = yes
  }}
}}
",
            cert = ca.server_pem().display(),
            key = ca.server_key().display(),
        );
        let server = dovecot::Dovecot::start(root, &body, &[imap_port, imaps_port], &[], PATIENCE);
        Dovecot {
            server,
            root: root.to_path_buf(),
            imap_port,
            imaps_port,
        }
    }

    fn up(&self) {
        self.server.up();
    }

    fn down(&self) {
        self.server.down();
    }

    fn log(&self) -> String {
        self.server.log()
    }

    /// Writes a mail straight into `user`'s Maildir INBOX.
    fn deliver(&self, user: &str, name: &str, mail: &str) {
        let tmp = self.root.join("mail").join(user).join("tmp").join(name);
        std::fs::write(&tmp, mail).expect("write mail");
        chown_all(&tmp, user_ids("nobody").expect("nobody"));
        std::fs::rename(
            &tmp,
            self.root.join("mail").join(user).join("new").join(name),
        )
        .expect("deliver");
    }

    /// Files of `user`'s INBOX in `cur/` (read by an IMAP client): their names.
    fn seen_files(&self, user: &str) -> Vec<String> {
        std::fs::read_dir(self.root.join("mail").join(user).join("cur"))
            .map(|d| {
                d.filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// A minimal IMAP client over plain TCP, enough to append and count.
struct Imap {
    r: BufReader<TcpStream>,
    w: TcpStream,
    tag: u32,
}

impl Imap {
    fn login(port: u16, user: &str) -> Imap {
        let s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
        s.set_read_timeout(Some(PATIENCE)).expect("timeout");
        let mut c = Imap {
            w: s.try_clone().expect("clone"),
            r: BufReader::new(s),
            tag: 0,
        };
        let mut greeting = String::new();
        c.r.read_line(&mut greeting).expect("greeting");
        assert!(greeting.starts_with("* OK"), "{greeting}");
        c.cmd(&format!("LOGIN {user} \"{PASSWORD}\""));
        c
    }

    /// Sends a command; the untagged lines, after a tagged OK.
    fn cmd(&mut self, command: &str) -> Vec<String> {
        self.tag += 1;
        let tag = format!("t{}", self.tag);
        write!(self.w, "{tag} {command}\r\n").expect("write");
        self.until_tagged(&tag, command)
    }

    fn until_tagged(&mut self, tag: &str, what: &str) -> Vec<String> {
        let mut lines = Vec::new();
        loop {
            let mut line = String::new();
            self.r.read_line(&mut line).expect("IMAP line");
            assert!(
                !line.is_empty(),
                "the server closed the connection ({what})"
            );
            if let Some(rest) = line.strip_prefix(&format!("{tag} ")) {
                assert!(rest.starts_with("OK"), "{what}: {line}");
                return lines;
            }
            lines.push(line);
        }
    }

    fn append(&mut self, folder: &str, mail: &str) {
        self.tag += 1;
        let tag = format!("t{}", self.tag);
        write!(self.w, "{tag} APPEND {folder} {{{}}}\r\n", mail.len()).expect("write");
        let mut line = String::new();
        self.r.read_line(&mut line).expect("continuation");
        assert!(line.starts_with('+'), "APPEND: {line}");
        self.w.write_all(mail.as_bytes()).expect("literal");
        self.w.write_all(b"\r\n").expect("literal end");
        self.until_tagged(&tag, "APPEND");
    }

    /// Messages in `folder`; `None` when it does not exist.
    fn count(&mut self, folder: &str) -> Option<usize> {
        self.tag += 1;
        let tag = format!("t{}", self.tag);
        write!(self.w, "{tag} STATUS {folder} (MESSAGES)\r\n").expect("write");
        let mut lines = Vec::new();
        loop {
            let mut line = String::new();
            self.r.read_line(&mut line).expect("IMAP line");
            if let Some(rest) = line.strip_prefix(&format!("{tag} ")) {
                if !rest.starts_with("OK") {
                    return None;
                }
                break;
            }
            lines.push(line);
        }
        lines.iter().find_map(|l| {
            let n = l.split("MESSAGES ").nth(1)?;
            n.trim_end_matches([')', '\r', '\n']).parse().ok()
        })
    }
}

fn mail(from: &str, id: &str, subject: &str, body: &str) -> String {
    format!(
        "From: {from}\r\nTo: support@help.test\r\nSubject: {subject}\r\nMessage-ID: {id}\r\n\
Date: Mon, 2 Mar 2026 10:00:00 +0200\r\nMIME-Version: 1.0\r\n\
Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
    )
}

fn tickets(data: &Path) -> Vec<Value> {
    let out = kindly(data)
        .args(["tickets", "--json"])
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice::<Value>(&out.stdout)
        .expect("JSON")
        .as_array()
        .expect("array")
        .clone()
}

/// `kindly serve` with its stderr in a file.
struct Serve {
    child: Child,
    addr: String,
    stderr: PathBuf,
}

impl Serve {
    fn start(data: &Path, stderr: PathBuf) -> Serve {
        let mut child = kindly(data)
            .arg("serve")
            .env("KINDLY_LISTEN", "127.0.0.1:0")
            .env("KINDLY_LOG", "warn,kindly_app::imap=info")
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&stderr).expect("stderr file"))
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
        let addr = printed
            .split_whitespace()
            .find_map(|w| w.strip_prefix("http://"))
            .unwrap_or_else(|| {
                panic!(
                    "serve prints its URL: {printed}\n{}",
                    std::fs::read_to_string(&stderr).unwrap_or_default()
                )
            })
            .trim_end_matches('/')
            .to_string();
        std::thread::spawn(move || {
            let mut sink = Vec::new();
            let _ = stdout.read_to_end(&mut sink);
        });
        Serve {
            child,
            addr,
            stderr,
        }
    }

    fn get(&self, path: &str) -> (u16, String) {
        let mut s = TcpStream::connect(&self.addr).expect("connect");
        s.set_read_timeout(Some(Duration::from_secs(10)))
            .expect("timeout");
        write!(
            s,
            "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.addr
        )
        .expect("send");
        let mut buf = String::new();
        s.read_to_string(&mut buf).expect("read");
        let status = buf
            .split_whitespace()
            .nth(1)
            .and_then(|c| c.parse().ok())
            .unwrap_or(0);
        let body = buf
            .split_once("\r\n\r\n")
            .map_or("", |(_, b)| b)
            .to_string();
        (status, body)
    }

    fn metric(&self, line_start: &str) -> Option<u64> {
        let (_, text) = self.get("/metrics");
        text.lines()
            .find_map(|l| l.strip_prefix(line_start)?.trim().parse().ok())
    }

    fn log(&self) -> String {
        format!(
            "--- kindly serve stderr ---\n{}",
            std::fs::read_to_string(&self.stderr).unwrap_or_default()
        )
    }

    /// SIGTERM, and the exit code of a graceful stop.
    fn stop(mut self) -> String {
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(self.child.id().to_string())
            .status();
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                assert!(
                    status.success(),
                    "serve stopped with {status}\n{}",
                    self.log()
                );
                return self.log();
            }
            assert!(
                start.elapsed() < PATIENCE,
                "serve did not stop on SIGTERM\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn config(dc: &Dovecot, support_password: &str, with_billing: bool) -> String {
    let mut c = format!(
        "[support]
addresses = [\"support@help.test\"]

[[team]]
name = \"support\"

[[team]]
name = \"billing\"

[[imap]]
name = \"support\"
host = \"127.0.0.1\"
port = {}
tls = \"none\"
username = \"alice\"
password = \"{support_password}\"
poll_seconds = 20
",
        dc.imap_port
    );
    if with_billing {
        c.push_str(&format!(
            "
[[imap]]
name = \"billing\"
host = \"127.0.0.1\"
port = {}
tls = \"tls\"
ca_file = \"{}\"
username = \"bob\"
password = \"{PASSWORD}\"
team = \"billing\"
after = \"seen\"
poll_seconds = 20
",
            dc.imaps_port,
            dc.root.join("tls/ca.pem").display()
        ));
    }
    c
}

#[test]
fn serve_takes_mail_from_dovecot_across_restarts() {
    if let Some(why) = skip_reason() {
        eprintln!("SKIPPED: the Dovecot test: {why}");
        return;
    }
    let started = Instant::now();
    let dir = tempfile::tempdir().expect("tempdir");
    let dc = Dovecot::start(&dir.path().join("dovecot"));
    let data = dir.path().join("kindly-data");
    std::fs::create_dir_all(&data).expect("mkdir");
    std::fs::write(data.join("kindly.toml"), config(&dc, PASSWORD, true)).expect("config");
    let logs = dir.path().join("logs");
    std::fs::create_dir_all(&logs).expect("mkdir");

    // Three mails for alice (IMAP APPEND), one for bob (straight into his Maildir).
    let mut alice = Imap::login(dc.imap_port, "alice");
    for i in 1..=3 {
        alice.append(
            "INBOX",
            &mail(
                &format!("Customer {i} <c{i}@customer.test>"),
                &format!("<m{i}@customer.test>"),
                &format!("Problem number {i}"),
                &format!("Hello, problem {i}: the order 10{i} never arrived. Please help."),
            ),
        );
    }
    dc.deliver(
        "bob",
        "1.kindly-test",
        &mail(
            "Dana <dana@customer.test>",
            "<b1@customer.test>",
            "Invoice wrong",
            "Hello, the invoice 7781 shows the wrong amount. Please correct it.",
        ),
    );

    // 1. serve takes all four; alice's go to Processed, bob's is marked \Seen.
    let serve = Serve::start(&data, logs.join("serve1.log"));
    let all = || format!("{}\n{}", serve.log(), dc.log());
    wait_for(
        PATIENCE,
        "four tickets",
        || (tickets(&data).len() == 4).then_some(()),
        &all,
    );
    wait_for(
        PATIENCE,
        "alice's mail moved to Processed",
        || (alice.count("INBOX") == Some(0) && alice.count("Processed") == Some(3)).then_some(()),
        &all,
    );
    wait_for(
        PATIENCE,
        "bob's mail marked seen",
        || {
            dc.seen_files("bob")
                .iter()
                .any(|f| f.rsplit_once(":2,").is_some_and(|(_, fl)| fl.contains('S')))
                .then_some(())
        },
        &all,
    );
    // Each mailbox feeds its team's queue.
    for t in tickets(&data) {
        let want = if t["subject"] == "Invoice wrong" {
            "billing"
        } else {
            "support"
        };
        assert_eq!(t["team"], want, "{t}");
    }
    let (code, health) = serve.get("/healthz");
    assert_eq!(code, 200, "{health}");
    assert!(health.ends_with("ok\n"), "{health}");
    assert!(health.contains("imap support: up"), "{health}");
    assert!(health.contains("imap billing: up"), "{health}");
    wait_for(
        PATIENCE,
        "the gauges",
        || {
            (serve.metric("kindly_imap_up{mailbox=\"support\"}") == Some(1)
                && serve.metric("kindly_imap_up{mailbox=\"billing\"}") == Some(1)
                && serve.metric("kindly_imap_mails_total{mailbox=\"support\"}") == Some(3))
            .then_some(())
        },
        &all,
    );
    let lag = serve
        .metric("kindly_imap_lag_seconds{mailbox=\"support\"}")
        .expect("a lag gauge");
    assert!(lag < 30, "lag {lag}");
    let first = serve.stop();
    assert!(first.contains("IMAP mail taken in"), "{first}");

    // 2. A restart takes nothing again: bob's mail is still in his INBOX, but
    //    its UID is behind the stored position.
    let serve = Serve::start(&data, logs.join("serve2.log"));
    let all = || format!("{}\n{}", serve.log(), dc.log());
    wait_for(
        PATIENCE,
        "the pollers up again",
        || {
            (serve.metric("kindly_imap_up{mailbox=\"support\"}") == Some(1)
                && serve.metric("kindly_imap_up{mailbox=\"billing\"}") == Some(1))
            .then_some(())
        },
        &all,
    );

    // 3. Dovecot goes away and comes back; mail appended after it is back arrives.
    dc.down();
    let t0 = Instant::now();
    wait_for(
        PATIENCE,
        "the poller to notice",
        || (serve.metric("kindly_imap_up{mailbox=\"support\"}") == Some(0)).then_some(()),
        &all,
    );
    // Dovecot lets its IMAP processes finish for a few seconds after the master stops.
    eprintln!("the poller noticed the outage after {:?}", t0.elapsed());
    std::thread::sleep(Duration::from_millis(500));
    dc.up();
    let mut alice = Imap::login(dc.imap_port, "alice");
    for i in 4..=5 {
        alice.append(
            "INBOX",
            &mail(
                &format!("Customer {i} <c{i}@customer.test>"),
                &format!("<m{i}@customer.test>"),
                &format!("Another problem {i}"),
                &format!("Hello, the parcel 20{i} is damaged. What now?"),
            ),
        );
    }
    wait_for(
        PATIENCE,
        "six tickets",
        || (tickets(&data).len() == 6).then_some(()),
        &all,
    );
    wait_for(
        PATIENCE,
        "the new mail moved",
        || (alice.count("INBOX") == Some(0) && alice.count("Processed") == Some(5)).then_some(()),
        &all,
    );
    wait_for(
        PATIENCE,
        "the counters",
        || (serve.metric("kindly_imap_mails_total{mailbox=\"support\"}") == Some(2)).then_some(()),
        &all,
    );
    assert_eq!(
        serve.metric("kindly_imap_mails_total{mailbox=\"billing\"}"),
        Some(0),
        "bob's mail was not fetched again after the restart\n{}",
        all()
    );
    let second = serve.stop();
    assert!(
        second.contains("connection lost") || second.contains("cannot connect"),
        "the outage is logged: {second}"
    );
    let subjects: Vec<String> = tickets(&data)
        .iter()
        .map(|t| t["subject"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(subjects.len(), 6, "{subjects:?}");
    let out = kindly(&data)
        .args(["stats", "--json"])
        .output()
        .expect("stats");
    let stats = String::from_utf8_lossy(&out.stdout);
    assert!(!stats.is_empty());

    // 4. A wrong password: a clear line on stderr, retries, serve stays up.
    std::fs::write(data.join("kindly.toml"), config(&dc, "wrong", false)).expect("config");
    let serve = Serve::start(&data, logs.join("serve3.log"));
    let all = || format!("{}\n{}", serve.log(), dc.log());
    wait_for(
        PATIENCE,
        "the refusal in the log",
        || {
            serve
                .log()
                .contains("login refused for \"alice\"")
                .then_some(())
        },
        &all,
    );
    assert!(
        serve.log().contains("wrong username or password"),
        "{}",
        serve.log()
    );
    assert!(serve.log().contains("retrying in"), "{}", serve.log());
    let (code, health) = serve.get("/healthz");
    assert_eq!(code, 200, "{health}");
    assert!(health.contains("imap support: down"), "{health}");
    assert_eq!(serve.metric("kindly_imap_up{mailbox=\"support\"}"), Some(0));
    serve.stop();
    assert_eq!(tickets(&data).len(), 6);
    eprintln!("the Dovecot test took {:?}", started.elapsed());
}
