//! The public mail fixtures in ../shared/data run end to end through
//! `kindly ingest`: every file gets its line (parsed or quarantined, never lost,
//! never a crash), and labelled automatic mail is recognised and never answered.
//! Skips, with a message, when the data set is not beside the repository.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("skipping: {} is absent", p.display());
        None
    }
}

fn is_mail_file(p: &Path) -> bool {
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
    p.is_file()
        && !name.starts_with('.')
        && !name.starts_with("LICENSE")
        && !name.starts_with("README")
        && !name.starts_with("SOURCE")
        && !name.ends_with(".json")
        && !name.ends_with(".tsv")
}

/// Mail files grouped by their folder (each folder gets a fresh data directory,
/// so copies in other folders — sisimai's CRLF/CR twins — are not re-deliveries).
fn groups(root: &Path) -> BTreeMap<PathBuf, Vec<PathBuf>> {
    let mut out: BTreeMap<PathBuf, Vec<PathBuf>> = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).expect("read dir") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else if is_mail_file(&p) {
                out.entry(dir.clone()).or_default().push(p);
            }
        }
    }
    for files in out.values_mut() {
        files.sort();
    }
    out
}

/// Ingests one folder's files in one process; returns each file's line.
fn ingest(files: &[PathBuf]) -> HashMap<String, Value> {
    let data = tempfile::tempdir().expect("tempdir");
    let out = Command::new(env!("CARGO_BIN_EXE_kindly"))
        .arg("--data")
        .arg(data.path())
        .args(["ingest", "--received-at", "2026-03-02T10:00:00Z"])
        .args(files)
        .env_remove("KINDLY_SUPPORT_ADDRESS")
        .output()
        .expect("run kindly");
    assert_eq!(
        out.status.code(),
        Some(0),
        "every message stored; stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), files.len(), "one line per file");
    lines
        .into_iter()
        .map(|v| (v["file"].as_str().expect("file").to_string(), v))
        .collect()
}

#[test]
fn every_public_mail_is_stored_with_a_line_and_nothing_panics() {
    let Some(data) = shared() else { return };
    let mut outcomes: BTreeMap<String, usize> = BTreeMap::new();
    let mut total = 0;
    for (_, files) in groups(&data.join("mail")) {
        for (_, line) in ingest(&files) {
            total += 1;
            *outcomes
                .entry(line["outcome"].as_str().unwrap_or("?").to_string())
                .or_default() += 1;
        }
    }
    eprintln!("shared/data/mail: {total} files through kindly ingest: {outcomes:?}");
    assert!(total > 150, "the fixtures were found");
}

#[test]
fn labelled_automatic_mail_is_recognised_and_never_acknowledged() {
    let Some(data) = shared() else { return };
    let root = data.join("automatic");
    let labels: HashMap<String, String> = std::fs::read_to_string(root.join("labels.tsv"))
        .expect("labels")
        .lines()
        .skip(1)
        .filter_map(|l| {
            let mut f = l.split('\t');
            Some((f.next()?.to_string(), f.next()?.to_string()))
        })
        .collect();
    let (mut auto_total, mut auto_hit, mut acked_robots) = (0usize, 0usize, Vec::new());
    let (mut human_total, mut human_hit) = (0usize, 0usize);
    for (_, files) in groups(&root) {
        for (file, line) in ingest(&files) {
            let rel = Path::new(&file)
                .strip_prefix(&root)
                .expect("under automatic/")
                .to_string_lossy()
                .into_owned();
            let Some(kind) = labels.get(&rel) else {
                continue;
            };
            let outcome = line["outcome"].as_str().unwrap_or("");
            if kind == "none" {
                human_total += 1;
                human_hit += usize::from(outcome != "automatic");
            } else {
                auto_total += 1;
                // A robot that is recognised, or set aside (spam), never gets a ticket.
                auto_hit += usize::from(outcome == "automatic" || outcome == "quarantined");
                if line["acknowledged"] == true {
                    acked_robots.push(rel.clone());
                }
            }
        }
    }
    let recall = auto_hit as f64 / auto_total.max(1) as f64;
    eprintln!(
        "automatic through kindly ingest: {auto_hit}/{auto_total} recognised ({:.1}%), acknowledged robots: {} {:?}; human mail kept: {human_hit}/{human_total}",
        recall * 100.0,
        acked_robots.len(),
        acked_robots
    );
    assert!(auto_total > 250, "labels were read");
    // Floor just below the measured figure (see the closing note of the foundation issue).
    assert!(recall >= 0.96, "recall {recall}");
    assert!(acked_robots.len() <= auto_total - auto_hit);
    assert_eq!(
        human_hit, human_total,
        "human mail must never be called automatic"
    );
}
