//! `kindly import mbox|maildir`, end to end through the binary.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

mod support;

use support::kindly;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

fn run(c: &mut Command) -> Output {
    c.stdin(Stdio::null()).output().expect("run kindly")
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "JSON output ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each stdout line is JSON"))
        .collect()
}

fn listing(data: &Path, what: &str) -> Value {
    let out = run(kindly(data).args([what, "--json"]));
    assert!(out.status.success(), "{what}: {out:?}");
    json(&out)
}

fn code(out: &Output) -> i32 {
    out.status.code().expect("exit code")
}

/// One customer mail; `extra` headers go in as given (CRLF line ends).
fn mail(
    from: &str,
    subject: &str,
    id: &str,
    date: Option<&str>,
    extra: &str,
    body: &str,
) -> String {
    let mut m = format!(
        "From: {from}\r\nTo: support@localhost\r\nSubject: {subject}\r\nMessage-ID: {id}\r\n"
    );
    if let Some(d) = date {
        m.push_str(&format!("Date: {d}\r\n"));
    }
    m.push_str(extra);
    m.push_str("Content-Type: text/plain; charset=utf-8\r\n\r\n");
    m.push_str(&body.replace('\n', "\r\n"));
    m
}

/// An mboxrd file: a From_ line per mail, body "From " lines quoted, a blank line after each.
fn mbox(mails: &[(&str, &str)]) -> Vec<u8> {
    let mut out = String::new();
    for (from_line, m) in mails {
        out.push_str(&format!("From {from_line}\n"));
        for line in m.split_inclusive('\n') {
            let unquoted = line.trim_start_matches('>');
            if unquoted.starts_with("From ") {
                out.push('>');
            }
            out.push_str(line);
        }
        if !m.ends_with('\n') {
            out.push('\n');
        }
        out.push('\n');
    }
    out.into_bytes()
}

fn three_conversations() -> Vec<u8> {
    let alice1 = mail(
        "Alice Tamm <alice@example.com>",
        "Cannot log in",
        "<a1@example.com>",
        Some("Wed, 10 Jan 2024 09:00:00 +0000"),
        "",
        "Hello, I cannot log in to my account since yesterday. The password reset mail never arrives.\nAlice\n",
    );
    let bob = mail(
        "Bob Miller <bob@example.org>",
        "Invoice 4711 charged twice",
        "<b1@example.org>",
        Some("Thu, 11 Jan 2024 10:00:00 +0000"),
        "",
        "Hi, invoice 4711 was charged twice on my card.\n\nFrom the bank statement I can see both payments.\nPlease refund one of them.\nBob\n",
    );
    let alice2 = mail(
        "Alice Tamm <alice@example.com>",
        "Re: Cannot log in",
        "<a2@example.com>",
        Some("Fri, 12 Jan 2024 08:30:00 +0000"),
        "In-Reply-To: <a1@example.com>\r\nReferences: <a1@example.com>\r\n",
        "I also tried another browser, same problem: the reset link never comes.\nAlice\n",
    );
    // No Date: the From_ line's date is its arrival time.
    let carol = mail(
        "Carol Smith <carol@example.net>",
        "Parcel not delivered",
        "<c1@example.net>",
        None,
        "",
        "My parcel for order 88123 has not arrived after two weeks. Where is it?\nCarol\n",
    );
    mbox(&[
        ("alice@example.com Wed Jan 10 09:00:05 2024", &alice1),
        ("bob@example.org Thu Jan 11 10:00:05 2024", &bob),
        ("alice@example.com Fri Jan 12 08:30:05 2024", &alice2),
        ("carol@example.net Sat Jan 13 14:15:00 2024", &carol),
    ])
}

#[test]
fn mbox_import_makes_tickets_and_sends_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let file = tmp.path().join("archive.mbox");
    let bytes = three_conversations();
    // The quoted body line is in the file, and the separator logic sees it.
    assert!(
        String::from_utf8_lossy(&bytes).contains("\n>From the bank statement"),
        "fixture quotes the body line"
    );
    std::fs::write(&file, &bytes).unwrap();

    let out = run(kindly(&data).arg("import").arg("mbox").arg(&file));
    assert_eq!(code(&out), 0, "{out:?}");
    let ls = lines(&out);
    let outcomes: Vec<&str> = ls.iter().map(|l| l["outcome"].as_str().unwrap()).collect();
    assert_eq!(
        outcomes,
        ["new_ticket", "new_ticket", "follow_up", "new_ticket"],
        "{ls:?}"
    );
    assert!(ls.iter().all(|l| l["acknowledged"] == false));
    assert_eq!(ls[2]["ticket"], ls[0]["ticket"], "the reply threads");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("4 mails read"),
        "summary on stderr: {stderr}"
    );
    assert!(stderr.contains("3 new tickets"), "{stderr}");

    let tickets = listing(&data, "tickets");
    let tickets = tickets.as_array().unwrap();
    assert_eq!(tickets.len(), 3, "{tickets:?}");
    let by_subject = |s: &str| {
        tickets
            .iter()
            .find(|t| t["subject"] == s)
            .unwrap_or_else(|| panic!("no ticket {s:?}: {tickets:?}"))
    };
    assert_eq!(by_subject("Cannot log in")["messages"], 2);
    assert_eq!(by_subject("Invoice 4711 charged twice")["messages"], 1);
    // Replayed with its own date; without Date: the From_ line's.
    assert_eq!(
        by_subject("Cannot log in")["created_at"],
        "2024-01-10T09:00:00Z"
    );
    assert_eq!(
        by_subject("Parcel not delivered")["created_at"],
        "2024-01-13T14:15:00Z"
    );

    // History sends nothing.
    let outbox = listing(&data, "outbox");
    assert_eq!(outbox.as_array().unwrap().len(), 0, "{outbox:?}");

    // `kindly stats` counts imported mail like any other, on its own day.
    let stats = listing(&data, "stats");
    assert_eq!(stats["total"]["mails"], 4, "{stats}");
    assert_eq!(stats["total"]["tickets"], 3, "{stats}");
    assert_eq!(stats["total"]["follow_ups"], 1, "{stats}");
    let days: Vec<&str> = stats["days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["day"].as_str().unwrap())
        .collect();
    assert!(days.contains(&"2024-01-13"), "{days:?}");
}

#[test]
fn acknowledge_since_acknowledges_only_newer_mail() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let file = tmp.path().join("archive.mbox");
    let old = mail(
        "Dora Old <dora@example.com>",
        "Refund for order 55501",
        "<old@example.com>",
        Some("Mon, 01 Jan 2024 10:00:00 +0000"),
        "",
        "I returned order 55501 a month ago and still have no refund.\n",
    );
    let new = mail(
        "Erik New <erik@example.com>",
        "App crashes on start",
        "<new@example.com>",
        Some("Thu, 01 Jan 2026 10:00:00 +0000"),
        "",
        "Since the last update the app crashes every time I open it.\n",
    );
    std::fs::write(
        &file,
        mbox(&[
            ("dora@example.com Mon Jan  1 10:00:00 2024", &old),
            ("erik@example.com Thu Jan  1 10:00:00 2026", &new),
        ]),
    )
    .unwrap();
    let out = run(kindly(&data).args(["import", "mbox"]).arg(&file).args([
        "--acknowledge-since",
        "2025-06-01T00:00:00Z",
        "--json",
    ]));
    assert_eq!(code(&out), 0, "{out:?}");
    let summary = json(&out);
    assert_eq!(summary["mails_read"], 2, "{summary}");
    assert_eq!(summary["new_tickets"], 2, "{summary}");
    assert_eq!(summary["acknowledged"], 1, "{summary}");

    let outbox = listing(&data, "outbox");
    let rows = outbox.as_array().unwrap();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["to"], "erik@example.com", "{rows:?}");

    // A bad instant is a usage error.
    let out = run(kindly(&data)
        .args(["import", "mbox"])
        .arg(&file)
        .args(["--acknowledge-since", "last week"]));
    assert_eq!(code(&out), 64, "{out:?}");
}

#[test]
fn maildir_import_reads_cur_and_new_in_name_order() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let md = tmp.path().join("Maildir");
    for sub in ["cur", "new", "tmp"] {
        std::fs::create_dir_all(md.join(sub)).unwrap();
    }
    let first = mail(
        "Frank <frank@example.com>",
        "Password reset does not work",
        "<f1@example.com>",
        Some("Mon, 05 Feb 2024 09:00:00 +0000"),
        "",
        "The password reset link says it has expired as soon as I click it.\n",
    );
    let reply = mail(
        "Frank <frank@example.com>",
        "Re: Password reset does not work",
        "<f2@example.com>",
        Some("Tue, 06 Feb 2024 09:00:00 +0000"),
        "In-Reply-To: <f1@example.com>\r\n",
        "Any news? I still cannot get in, tried again this morning.\n",
    );
    let other = mail(
        "Grete <grete@example.ee>",
        "Wrong size delivered",
        "<g1@example.ee>",
        Some("Wed, 07 Feb 2024 12:00:00 +0000"),
        "",
        "I ordered shoes in size 39 and got size 41. Order 77120.\n",
    );
    std::fs::write(md.join("cur/1707123600.M1P1.host:2,S"), &first).unwrap();
    std::fs::write(md.join("new/1707210000.M2P1.host"), &reply).unwrap();
    std::fs::write(md.join("cur/1707307200.M3P1.host:2,S"), &other).unwrap();
    std::fs::write(md.join("cur/.hidden"), "not mail").unwrap();
    std::fs::write(md.join("tmp/1707307300.M4P1.host"), "half delivered").unwrap();

    let out = run(kindly(&data).args(["import", "maildir"]).arg(&md));
    assert_eq!(code(&out), 0, "{out:?}");
    let ls = lines(&out);
    let files: Vec<&str> = ls.iter().map(|l| l["file"].as_str().unwrap()).collect();
    assert_eq!(files.len(), 3, "{files:?}");
    assert!(
        files[0].ends_with("cur/1707123600.M1P1.host:2,S"),
        "{files:?}"
    );
    assert!(files[1].ends_with("new/1707210000.M2P1.host"), "{files:?}");
    let outcomes: Vec<&str> = ls.iter().map(|l| l["outcome"].as_str().unwrap()).collect();
    assert_eq!(
        outcomes,
        ["new_ticket", "follow_up", "new_ticket"],
        "{ls:?}"
    );
    assert_eq!(listing(&data, "tickets").as_array().unwrap().len(), 2);
    assert_eq!(listing(&data, "outbox").as_array().unwrap().len(), 0);

    // Again: every mail is skipped by its bytes, nothing changes.
    let again = run(kindly(&data).args(["import", "maildir", "--json"]).arg(&md));
    assert_eq!(code(&again), 0, "{again:?}");
    let s = json(&again);
    assert_eq!(s["already_imported"], 3, "{s}");
    assert_eq!(s["new_tickets"], 0, "{s}");
    assert_eq!(listing(&data, "tickets").as_array().unwrap().len(), 2);
    assert_eq!(listing(&data, "stats")["total"]["mails"], 3);
}

/// `n` unrelated customer mails, each a new ticket, as mbox entries.
fn many(range: std::ops::Range<usize>) -> Vec<(String, String)> {
    const TOPICS: [&str; 5] = [
        "my login does not work",
        "the invoice amount is wrong",
        "the parcel never arrived",
        "I want a refund for the broken item",
        "the app shows an error on start",
    ];
    range
        .map(|i| {
            let from_line = format!("c{i}@example.com Mon Mar  4 10:{:02}:00 2024", i % 60);
            let body = format!(
                "Hello, {} — order {}.\nFrom what I can tell nothing changed on my side.\nCustomer {i}\n",
                TOPICS[i % TOPICS.len()],
                10_000 + i
            );
            let m = mail(
                &format!("Customer {i} <c{i}@example.com>"),
                &format!("Question {i}: {}", TOPICS[i % TOPICS.len()]),
                &format!("<m{i}@example.com>"),
                Some(&format!("Mon, 04 Mar 2024 10:{:02}:00 +0000", i % 60)),
                "",
                &body,
            );
            (from_line, m)
        })
        .collect()
}

fn mbox_of(entries: &[(String, String)]) -> Vec<u8> {
    let refs: Vec<(&str, &str)> = entries
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    mbox(&refs)
}

#[test]
fn resume_skips_what_is_done_and_reads_what_was_appended() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let file = tmp.path().join("archive.mbox");
    std::fs::write(&file, mbox_of(&many(0..20))).unwrap();

    let import = |data: &Path| {
        let out = run(kindly(data)
            .args(["import", "mbox"])
            .arg(&file)
            .arg("--json"));
        assert_eq!(code(&out), 0, "{out:?}");
        json(&out)
    };
    let first = import(&data);
    assert_eq!(first["mails_read"], 20, "{first}");
    assert_eq!(first["new_tickets"], 20, "{first}");

    // Again, unchanged: the saved offset is the end, nothing is read.
    let started = Instant::now();
    let again = import(&data);
    assert_eq!(again["mails_read"], 0, "{again}");
    assert!(again["resumed_at_byte"].as_u64().unwrap() > 0, "{again}");
    assert!(started.elapsed() < Duration::from_secs(10));

    // Mail appended to the archive: only the new part is read.
    std::fs::write(&file, mbox_of(&many(0..30))).unwrap();
    let appended = import(&data);
    assert_eq!(appended["mails_read"], 10, "{appended}");
    assert_eq!(appended["new_tickets"], 10, "{appended}");
    assert_eq!(appended["mails_before"], 20, "{appended}");

    // The resume state lost: everything is read again and skipped by its bytes.
    std::fs::remove_dir_all(data.join("import")).unwrap();
    let lost = import(&data);
    assert_eq!(lost["mails_read"], 30, "{lost}");
    assert_eq!(lost["already_imported"], 30, "{lost}");
    assert_eq!(lost["new_tickets"], 0, "{lost}");

    let stats = listing(&data, "stats");
    assert_eq!(stats["total"]["mails"], 30, "nothing twice: {stats}");
    assert_eq!(stats["total"]["tickets"], 30, "{stats}");
    assert_eq!(listing(&data, "tickets").as_array().unwrap().len(), 30);
}

#[test]
fn interrupted_import_resumes_without_doing_anything_twice() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let file = tmp.path().join("archive.mbox");
    const N: usize = 400;
    std::fs::write(&file, mbox_of(&many(0..N))).unwrap();

    // Interrupt with SIGINT once the first lines are out.
    let mut child = kindly(&data)
        .args(["import", "mbox"])
        .arg(&file)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut reader = BufReader::new(stdout);
    let mut first = String::new();
    reader.read_line(&mut first).unwrap();
    let _ = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status();
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut reader, &mut rest).unwrap();
    let status = child.wait().unwrap();
    let recorded_first = 1 + rest.lines().count();
    // 130 when the signal came in time; 0 when the import had already finished.
    assert!(matches!(status.code(), Some(130 | 0)), "exit {status:?}");

    let out = run(kindly(&data)
        .args(["import", "mbox"])
        .arg(&file)
        .arg("--json"));
    assert_eq!(code(&out), 0, "{out:?}");
    let second = json(&out);
    if status.code() == Some(130) {
        assert!(recorded_first < N, "interrupted early");
        assert!(second["resumed_at_byte"].as_u64().is_some(), "{second}");
        assert_eq!(second["mails_before"], recorded_first, "{second}");
    }
    assert_eq!(
        second["new_tickets"].as_u64().unwrap() as usize + recorded_first,
        N,
        "{second}"
    );
    let stats = listing(&data, "stats");
    assert_eq!(
        stats["total"]["mails"], N,
        "nothing twice, nothing lost: {stats}"
    );
    assert_eq!(stats["total"]["tickets"], N, "{stats}");
}

#[test]
fn bad_input_has_clear_exit_codes() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");

    // Missing → 66.
    let out = run(kindly(&data)
        .args(["import", "mbox"])
        .arg(tmp.path().join("nope.mbox")));
    assert_eq!(code(&out), 66, "{out:?}");
    let out = run(kindly(&data)
        .args(["import", "maildir"])
        .arg(tmp.path().join("nope")));
    assert_eq!(code(&out), 66, "{out:?}");

    // A single mail is not an mbox → 65, with a hint.
    let single = tmp.path().join("one.eml");
    std::fs::write(
        &single,
        mail(
            "x <x@example.com>",
            "Hi",
            "<x@example.com>",
            None,
            "",
            "Hello\n",
        ),
    )
    .unwrap();
    let out = run(kindly(&data).args(["import", "mbox"]).arg(&single));
    assert_eq!(code(&out), 65, "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("not an mbox"),
        "{out:?}"
    );
    // Empty → 65.
    let empty = tmp.path().join("empty.mbox");
    std::fs::write(&empty, "").unwrap();
    assert_eq!(
        code(&run(kindly(&data).args(["import", "mbox"]).arg(&empty))),
        65
    );
    // A directory without cur/ or new/ is not a Maildir → 65; a file neither.
    let plain = tmp.path().join("plain");
    std::fs::create_dir_all(&plain).unwrap();
    std::fs::write(plain.join("a.eml"), "x").unwrap();
    let out = run(kindly(&data).args(["import", "maildir"]).arg(&plain));
    assert_eq!(code(&out), 65, "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("not a Maildir"),
        "{out:?}"
    );
    assert_eq!(
        code(&run(kindly(&data).args(["import", "maildir"]).arg(&single))),
        65
    );
    assert_eq!(
        code(&run(kindly(&data).args(["import", "mbox"]).arg(&plain))),
        65
    );
    // Nothing was stored by any of these.
    assert!(!data.join("kindly.db").exists());
}
