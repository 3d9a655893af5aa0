//! Benchmarks of the mail channels against the real servers (issue 6's evidence),
//! run by `bash bench/channels.sh`; ignored by the normal test run.
//!
//! - `imap_latency`: a Dovecot of its own and `kindly serve` with two mailboxes,
//!   one waiting with IDLE (10 s IDLE timeout), one polling every second
//!   (`idle = false`). Mails are appended one at a time, each after the previous
//!   one became a ticket and a random 0-1 s pause; the
//!   time from the APPEND's OK to the ticket counted on `/metrics` (polled
//!   every 20 ms) is measured. Prints n, p50, p90 and max in ms per mailbox.
//! - `smtp_throughput`: a Postfix of its own on loopback, delivering into a
//!   Maildir. 500 generated customer mails (distinct senders) are ingested,
//!   which queues 500 acknowledgements; one `kindly deliver` run is timed
//!   (mails/s handed to Postfix), and so is the time until all are in the Maildir.
//!
//! Both start their servers in temp directories they own and stop them at the
//! end, also on a panic; without the server, or when not root, they skip with a
//! message. Counts: `BENCH_IMAP_MAILS` (default 30), `BENCH_SMTP_MAILS` (default 500).
//!
//! Dovecot comes from `tests/support/dovecot.rs`; the Postfix helper is a
//! trimmed copy of the one in `tests/postfix.rs`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

mod support;

use support::{chown_all, dovecot, free_port, kindly, user_ids, wait_for};

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

const POSTFIX: &str = "/usr/sbin/postfix";
const PASSWORD: &str = "correct horse";
/// How long any one wait may take before the benchmark fails.
const PATIENCE: Duration = Duration::from_secs(60);
/// How often the ticket list is read while waiting for a ticket.
const TICK: Duration = Duration::from_millis(20);

fn count_from_env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(default)
}

fn not_root() -> bool {
    // /proc/self belongs to the effective user.
    std::fs::metadata("/proc/self").map_or(true, |m| m.uid() != 0)
}

/// A customer's mail; `i` makes sender, Message-ID, subject and body distinct.
fn customer_mail(tag: &str, i: usize) -> (String, String) {
    const TOPICS: [(&str, &str); 5] = [
        (
            "Order {n} not arrived",
            "Hello, my order {n} has not arrived yet although it was sent two weeks ago. Could you check where it is?",
        ),
        (
            "Refund for {n}",
            "Hi, I returned the jacket from order {n} last week and would like to know when the refund comes.",
        ),
        (
            "Cannot log in ({n})",
            "Hello, since yesterday I cannot log in to my account, customer number {n}. The password reset mail never comes.",
        ),
        (
            "Invoice {n} is wrong",
            "Good day, the invoice {n} shows the wrong amount: I was charged twice for the delivery. Please correct it.",
        ),
        (
            "Damaged parcel {n}",
            "Hello, the parcel {n} arrived today with a broken box and the lamp inside is cracked. What should I do?",
        ),
    ];
    let (subject, body) = TOPICS[i % TOPICS.len()];
    let n = (10_000 + i * 37).to_string();
    let address = format!("{tag}{i}@customer.test");
    let mail = format!(
        "From: Customer {i} <{address}>\r\nTo: support@help.test\r\nSubject: {}\r\n\
Message-ID: <{tag}{i}.bench@customer.test>\r\nDate: Mon, 2 Mar 2026 10:00:00 +0200\r\n\
MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{}\r\nCustomer {i}\r\n",
        subject.replace("{n}", &n),
        body.replace("{n}", &n),
    );
    (address, mail)
}

/// Nearest-rank percentile of sorted values.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// A small deterministic generator for the polling mailbox's jitter.
struct XorShift(u64);

impl XorShift {
    fn next_fraction(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

// ---------------------------------------------------------------- Dovecot

/// One running Dovecot (plain IMAP on loopback, `support::dovecot`); stopped on drop.
struct Dovecot {
    server: dovecot::Dovecot,
    port: u16,
}

impl Dovecot {
    fn start(root: &Path, users: &[&str]) -> Dovecot {
        let mail = root.join("mail");
        let mut passwd = String::new();
        for user in users {
            for sub in ["cur", "new", "tmp"] {
                std::fs::create_dir_all(mail.join(user).join(sub)).expect("mkdir");
            }
            passwd.push_str(&format!("{user}:{{PLAIN}}{PASSWORD}::::::\n"));
        }
        let nobody = user_ids("nobody").expect("nobody");
        chown_all(&mail, nobody);
        std::fs::write(root.join("users"), passwd).expect("write users");
        let port = free_port();
        let t = root.display();
        let body = format!(
            "protocols = imap
listen = 127.0.0.1
ssl = no
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
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
",
            uid = nobody.0,
            gid = nobody.1,
        );
        let server = dovecot::Dovecot::start(root, &body, &[port], &[], PATIENCE);
        Dovecot { server, port }
    }

    fn log(&self) -> String {
        self.server.log()
    }
}

/// A minimal IMAP client over plain TCP, enough to append.
struct Imap {
    r: BufReader<TcpStream>,
    w: TcpStream,
    tag: u32,
}

impl Imap {
    fn login(port: u16, user: &str) -> Imap {
        let s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
        s.set_read_timeout(Some(PATIENCE)).expect("timeout");
        s.set_nodelay(true).expect("nodelay");
        let mut c = Imap {
            w: s.try_clone().expect("clone"),
            r: BufReader::new(s),
            tag: 0,
        };
        let mut greeting = String::new();
        c.r.read_line(&mut greeting).expect("greeting");
        assert!(greeting.starts_with("* OK"), "{greeting}");
        c.tag += 1;
        let tag = format!("t{}", c.tag);
        write!(c.w, "{tag} LOGIN {user} \"{PASSWORD}\"\r\n").expect("write");
        c.until_tagged(&tag, "LOGIN");
        c
    }

    fn until_tagged(&mut self, tag: &str, what: &str) {
        loop {
            let mut line = String::new();
            self.r.read_line(&mut line).expect("IMAP line");
            assert!(
                !line.is_empty(),
                "the server closed the connection ({what})"
            );
            if let Some(rest) = line.strip_prefix(&format!("{tag} ")) {
                assert!(rest.starts_with("OK"), "{what}: {line}");
                return;
            }
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
            .env("KINDLY_LOG", "warn")
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

    /// Tickets in the store, from `/metrics` (needs no session, unlike the API).
    fn tickets(&self) -> u64 {
        self.metric("kindly_tickets_total ").unwrap_or(0)
    }

    fn log(&self) -> String {
        format!(
            "--- kindly serve stderr ---\n{}",
            std::fs::read_to_string(&self.stderr).unwrap_or_default()
        )
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(self.child.id().to_string())
            .status();
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Appends `n` mails to `user`'s INBOX one at a time, each after the previous
/// one became a ticket: the latencies in ms, sorted. With `jitter`, waits a
/// random part of it before each append, so that appends do not line up with
/// a poller's rhythm.
fn latencies(dc: &Dovecot, serve: &Serve, user: &str, n: usize, jitter: Duration) -> Vec<f64> {
    let all = || format!("{}\n{}", serve.log(), dc.log());
    let mut client = Imap::login(dc.port, user);
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let mut out = Vec::with_capacity(n);
    // One mail first, not counted: the connection and the caches warm up.
    for i in 0..=n {
        std::thread::sleep(jitter.mul_f64(rng.next_fraction()));
        let (customer, mail) = customer_mail(user, i);
        let before = serve.tickets();
        client.append("INBOX", &mail);
        let appended = Instant::now();
        loop {
            // Each mail is a new customer's: one more ticket.
            if serve.tickets() > before {
                break;
            }
            assert!(
                appended.elapsed() < PATIENCE,
                "no ticket for {customer} after {PATIENCE:?}\n{}",
                all()
            );
            std::thread::sleep(TICK);
        }
        if i > 0 {
            out.push(appended.elapsed().as_secs_f64() * 1000.0);
        }
    }
    out.sort_by(f64::total_cmp);
    out
}

fn report_latency(what: &str, sorted: &[f64]) {
    let mean = sorted.iter().sum::<f64>() / sorted.len() as f64;
    println!(
        "imap_latency {what}: n={} p50={:.0} ms p90={:.0} ms max={:.0} ms (min {:.0}, mean {:.0})",
        sorted.len(),
        percentile(sorted, 50.0),
        percentile(sorted, 90.0),
        sorted[sorted.len() - 1],
        sorted[0],
        mean
    );
}

#[test]
#[ignore = "a benchmark: bash bench/channels.sh"]
fn imap_latency() {
    if let Some(why) = dovecot::skip_reason() {
        eprintln!("SKIPPED: the IMAP latency benchmark: {why}");
        return;
    }
    let n = count_from_env("BENCH_IMAP_MAILS", 30);
    let poll_seconds = 1;
    // How long IDLE waits before looking anyway: short, so that a missed
    // wake-up costs seconds, not the default minute.
    let idle_timeout_seconds = 10;
    let dir = tempfile::tempdir().expect("tempdir");
    let dc = Dovecot::start(&dir.path().join("dovecot"), &["idler", "poller"]);
    let data = dir.path().join("kindly-data");
    std::fs::create_dir_all(&data).expect("mkdir");
    std::fs::write(
        data.join("kindly.toml"),
        format!(
            "[support]
addresses = [\"support@help.test\"]

[[imap]]
name = \"idle\"
host = \"127.0.0.1\"
port = {port}
tls = \"none\"
username = \"idler\"
password = \"{PASSWORD}\"
poll_seconds = {idle_timeout_seconds}

[[imap]]
name = \"poll\"
host = \"127.0.0.1\"
port = {port}
tls = \"none\"
username = \"poller\"
password = \"{PASSWORD}\"
idle = false
poll_seconds = {poll_seconds}
",
            port = dc.port
        ),
    )
    .expect("config");
    let serve = Serve::start(&data, dir.path().join("serve.log"));
    let all = || format!("{}\n{}", serve.log(), dc.log());
    wait_for(
        PATIENCE,
        "both mailboxes up",
        || {
            (serve.metric("kindly_imap_up{mailbox=\"idle\"}") == Some(1)
                && serve.metric("kindly_imap_up{mailbox=\"poll\"}") == Some(1))
            .then_some(())
        },
        &all,
    );

    // A random 0-1 s pause before each append, as for the polled mailbox: mail
    // does not arrive in step with the poller's work.
    let idle = latencies(&dc, &serve, "idler", n, Duration::from_secs(1));
    report_latency(
        &format!("IDLE (IDLE timeout {idle_timeout_seconds} s)"),
        &idle,
    );
    let missed = idle.iter().filter(|&&ms| ms > 2000.0).count();
    println!(
        "imap_latency IDLE: {missed} of {} appends took > 2 s (woken by the IDLE timeout, not by the server's news)",
        idle.len()
    );
    let poll = latencies(&dc, &serve, "poller", n, Duration::from_secs(poll_seconds));
    report_latency(&format!("poll every {poll_seconds} s"), &poll);
    let (code, health) = serve.get("/healthz");
    assert_eq!(code, 200, "{health}");
}

// ---------------------------------------------------------------- Postfix

/// One running Postfix accepting mail for `customer.test` into one Maildir;
/// stopped on drop.
struct Postfix {
    root: PathBuf,
    port: u16,
}

impl Postfix {
    fn skip_reason() -> Option<String> {
        if !Path::new(POSTFIX).exists() {
            return Some(format!(
                "{POSTFIX} is not installed (bash scripts/test.sh installs Debian's postfix)"
            ));
        }
        if not_root() {
            return Some("Postfix must be started as root".to_string());
        }
        for user in ["postfix", "nobody"] {
            if user_ids(user).is_none() {
                return Some(format!("there is no {user:?} user"));
            }
        }
        None
    }

    fn start(root: &Path) -> Postfix {
        // The postfix and nobody users must reach their directories inside.
        std::fs::create_dir_all(root).expect("mkdir");
        for d in [root, root.parent().expect("a parent")] {
            std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        }
        let etc = root.join("etc");
        let data = root.join("data");
        let mail = root.join("mail");
        for d in [&etc, &data, &mail, &root.join("queue")] {
            std::fs::create_dir_all(d).expect("mkdir");
        }
        chown_all(&data, user_ids("postfix").expect("postfix user"));
        let nobody = user_ids("nobody").expect("nobody user");
        chown_all(&mail, nobody);
        let port = free_port();
        let t = root.display();
        let main_cf = format!(
            "compatibility_level = 3.6
queue_directory = {t}/queue
data_directory = {t}/data
maillog_file = {t}/maillog
maillog_file_prefixes = {t}
myhostname = mx.kindly.test
mydomain = kindly.test
myorigin = $myhostname
mydestination =
inet_interfaces = loopback-only
inet_protocols = ipv4
mynetworks = 192.0.2.1/32
smtpd_relay_restrictions = reject_unauth_destination
smtputf8_enable = no
alias_maps =
alias_database =
biff = no
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
        let master_cf = format!(
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
        std::fs::write(etc.join("main.cf"), main_cf).expect("write main.cf");
        std::fs::write(etc.join("master.cf"), master_cf).expect("write master.cf");
        let pf = Postfix {
            root: root.to_path_buf(),
            port,
        };
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
        self.root.join("etc")
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
            "postfix {args:?}: {}\n{}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr),
            self.log()
        );
    }

    fn log(&self) -> String {
        let log = std::fs::read_to_string(self.root.join("maillog")).unwrap_or_default();
        // The tail is what matters when 500 mails went through.
        let tail: Vec<&str> = log.lines().rev().take(40).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        format!("--- Postfix log (tail) ---\n{}", tail.join("\n"))
    }

    /// How many mails are in the customers' Maildir.
    fn delivered(&self) -> usize {
        std::fs::read_dir(self.root.join("mail/maildir/new")).map_or(0, |d| d.count())
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

#[test]
#[ignore = "a benchmark: bash bench/channels.sh"]
fn smtp_throughput() {
    if let Some(why) = Postfix::skip_reason() {
        eprintln!("SKIPPED: the SMTP throughput benchmark: {why}");
        return;
    }
    let n = count_from_env("BENCH_SMTP_MAILS", 500);
    let dir = tempfile::tempdir().expect("tempdir");
    let pf = Postfix::start(&dir.path().join("postfix"));
    let data = dir.path().join("kindly-data");
    std::fs::create_dir_all(&data).expect("mkdir");
    std::fs::write(
        data.join("kindly.toml"),
        "[support]\naddresses = [\"support@help.test\"]\n",
    )
    .expect("config");

    // n customers, one mail each: n acknowledgements queued.
    let inbox = dir.path().join("inbox");
    std::fs::create_dir_all(&inbox).expect("mkdir");
    for i in 0..n {
        let (_, mail) = customer_mail("c", i);
        std::fs::write(inbox.join(format!("{i:05}.eml")), mail).expect("write mail");
    }
    let started = Instant::now();
    let out = kindly(&data)
        .arg("ingest")
        .arg(&inbox)
        .output()
        .expect("run kindly ingest");
    assert!(
        out.status.success(),
        "kindly ingest: {}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let ingest_time = started.elapsed();
    let out = kindly(&data)
        .args(["outbox", "--json"])
        .output()
        .expect("run kindly outbox");
    let queued = serde_json::from_slice::<Value>(&out.stdout)
        .expect("JSON")
        .as_array()
        .expect("array")
        .iter()
        .filter(|r| r["status"] == "queued")
        .count();
    assert_eq!(queued, n, "one acknowledgement per customer");

    let started = Instant::now();
    let out = kindly(&data)
        .arg("deliver")
        .env("KINDLY_SMTP_HOST", "127.0.0.1")
        .env("KINDLY_SMTP_PORT", pf.port.to_string())
        .env("KINDLY_SMTP_TLS", "none")
        .output()
        .expect("run kindly deliver");
    let deliver_time = started.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(0), "{stderr}\n{}", pf.log());
    assert!(
        stderr.contains(&format!(
            "delivered {n} (to SMTP), 0 waiting to retry, 0 failed"
        )),
        "{stderr}"
    );
    let last = Instant::now();
    let mut seen = 0;
    while seen < n {
        seen = pf.delivered();
        assert!(
            last.elapsed() < PATIENCE,
            "{seen} of {n} mails in the Maildir after {PATIENCE:?}\n{}",
            pf.log()
        );
        std::thread::sleep(TICK);
    }
    let maildir_time = started.elapsed();
    let maillog = std::fs::read_to_string(pf.root.join("maillog")).unwrap_or_default();
    let connections = maillog
        .lines()
        .filter(|l| l.contains("postfix/smtpd") && l.contains(": connect from"))
        .count();
    let rate = |d: Duration| n as f64 / d.as_secs_f64();
    println!(
        "smtp_throughput: {n} acknowledgements queued by one `kindly ingest DIR` in {:.2} s",
        ingest_time.as_secs_f64()
    );
    println!(
        "smtp_throughput: one `kindly deliver` handed {n} mails to Postfix in {:.2} s = {:.0} mails/s ({connections} SMTP connections)",
        deliver_time.as_secs_f64(),
        rate(deliver_time)
    );
    println!(
        "smtp_throughput: all {n} in the Maildir {:.2} s after the start of `kindly deliver` = {:.0} mails/s end to end",
        maildir_time.as_secs_f64(),
        rate(maildir_time)
    );
}
