//! Development probe for the tone guard (not part of the measured tests).
//! `tone_probe FILE.jsonl…` prints every miss with its findings and a per-language
//! summary; without arguments it reads `lang<TAB>text` lines from stdin.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::io::BufRead;

use kindly_text::tone;

fn main() {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.first().map(String::as_str) == Some("--bench") {
        let para = "Hello, this is the third time I write about invoice 4411. The app still does not \
                    work after the update and nobody answers. Please check it. Здравствуйте, \
                    aitäh, danke. ";
        let two_kb = para.repeat(2048 / para.len() + 1);
        let draft = "Tere! Aitäh, et andsite teada. Saatsin teile uue arve ja kontrollisin, et makse on laekunud. Kui midagi jääb segaseks, kirjutage julgelt.";
        let t = std::time::Instant::now();
        let _ = tone("x", Some("en"));
        println!("first call (builds the lists): {:?}", t.elapsed());
        for (name, text) in [("2 KB mail", two_kb.as_str()), ("short draft", draft)] {
            let mut best = std::time::Duration::MAX;
            for _ in 0..5 {
                let t = std::time::Instant::now();
                for _ in 0..200 {
                    std::hint::black_box(tone(text, Some("en")));
                }
                best = best.min(t.elapsed() / 200);
            }
            println!(
                "{name}: {best:?} per call (best of 5 x 200), {} bytes",
                text.len()
            );
        }
        return;
    }
    if files.is_empty() {
        for line in std::io::stdin().lock().lines() {
            let line = line.unwrap();
            let (lang, text) = line.split_once('\t').unwrap_or(("en", &line));
            let r = tone(text, Some(lang));
            println!("{} {lang}: {text}", if r.ok { "ok  " } else { "FLAG" });
            for f in r.findings {
                println!("      [{}] {}", f.phrase, f.why);
            }
        }
        return;
    }
    for file in files {
        let mut table: BTreeMap<String, [usize; 4]> = BTreeMap::new();
        let text = std::fs::read_to_string(&file).unwrap();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let row: serde_json::Value = serde_json::from_str(line).unwrap();
            let lang = row["lang"].as_str().unwrap_or("en");
            let t = row["text"].as_str().unwrap();
            let actual = row["flagged"].as_bool().unwrap();
            let r = tone(t, Some(lang));
            let got = !r.ok;
            let c = table.entry(lang.to_string()).or_default();
            c[usize::from(actual) * 2 + usize::from(got)] += 1;
            if got != actual {
                let kind = row["kind"].as_str().unwrap_or("");
                println!(
                    "{} {lang} {kind}: {t} {:?}",
                    if actual { "FN" } else { "FP" },
                    r.findings.iter().map(|f| &f.phrase).collect::<Vec<_>>()
                );
            }
        }
        for (lang, [tn, fp, fn_, tp]) in table {
            println!(
                "{file} {lang}: recall {:.3} false alarms {:.3} (tp {tp} fn {fn_} fp {fp} tn {tn})",
                tp as f64 / (tp + fn_).max(1) as f64,
                fp as f64 / (fp + tn).max(1) as f64
            );
        }
    }
}
