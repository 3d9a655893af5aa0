//! Throughput of parse → classify → split_visible on the shared corpora (no criterion:
//! a plain timing loop, `cargo bench -p kindly-mail --bench pipeline`).

use std::path::Path;
use std::time::Instant;

fn main() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/mail");
    let mut mails: Vec<Vec<u8>> = Vec::new();
    let mut stack = vec![data];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_none_or(|x| x != "json")
                && let Ok(b) = std::fs::read(&p)
            {
                mails.push(b);
            }
        }
    }
    let typical = b"From: Anna <anna@example.com>\r\nTo: help@shop.test\r\nSubject: Order 1234 is late\r\nDate: Mon, 2 Mar 2026 10:00:00 +0200\r\nMessage-ID: <abc@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHello,\r\n\r\nmy order 1234 has not arrived yet. Could you check?\r\n\r\nAnna\r\n\r\nOn Sun, 1 Mar 2026 at 09:00, Shop <help@shop.test> wrote:\r\n> Thanks for your order.\r\n";
    let n = 20_000;
    let t = Instant::now();
    for _ in 0..n {
        if let Ok(m) = kindly_mail::parse(typical) {
            std::hint::black_box(kindly_mail::classify(&m));
            std::hint::black_box(kindly_mail::split_visible(&m.text));
        }
    }
    let per = t.elapsed() / n;
    println!(
        "typical {} B mail: {per:?} per parse+classify+visible",
        typical.len()
    );

    if mails.is_empty() {
        println!("shared data absent: corpus timing skipped");
        return;
    }
    let rounds = 5;
    let t = Instant::now();
    for _ in 0..rounds {
        for m in &mails {
            if let Ok(p) = kindly_mail::parse(m) {
                std::hint::black_box(kindly_mail::classify(&p));
                std::hint::black_box(kindly_mail::split_visible(&p.text));
            }
        }
    }
    let total = mails.len() * rounds;
    let secs = t.elapsed().as_secs_f64();
    println!(
        "corpus: {total} mails in {secs:.2}s = {:.0} mails/s on one core",
        total as f64 / secs
    );
}
