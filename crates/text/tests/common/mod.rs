//! Shared helpers for the quality tests: reading JSONL sets and counting.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::PathBuf;

/// `../shared/data` next to the repository, or `None` (the caller prints and skips).
pub fn shared_data() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("skipping: {} is missing", dir.display());
        None
    }
}

/// Our own labelled sets, committed beside the tests.
pub fn own_data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

pub fn read_jsonl(path: &std::path::Path) -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, l)| {
            serde_json::from_str(l).unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), i + 1))
        })
        .collect()
}

pub fn str_field<'a>(v: &'a serde_json::Value, key: &str) -> &'a str {
    v.get(key)
        .and_then(|x| x.as_str())
        .unwrap_or_else(|| panic!("missing string field {key} in {v}"))
}

pub fn bool_field(v: &serde_json::Value, key: &str) -> bool {
    v.get(key)
        .and_then(|x| x.as_bool())
        .unwrap_or_else(|| panic!("missing bool field {key} in {v}"))
}

/// A confusion count for one binary classifier on one slice of data.
#[derive(Clone, Copy, Debug, Default)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    pub tn: usize,
}

impl Counts {
    pub fn add(&mut self, predicted: bool, actual: bool) {
        match (predicted, actual) {
            (true, true) => self.tp += 1,
            (true, false) => self.fp += 1,
            (false, true) => self.fn_ += 1,
            (false, false) => self.tn += 1,
        }
    }
    pub fn n(&self) -> usize {
        self.tp + self.fp + self.fn_ + self.tn
    }
    pub fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }
    pub fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    pub fn line(&self, name: &str) -> String {
        format!(
            "{name:<28} n={:<5} P={:.3} R={:.3} F1={:.3} (tp={} fp={} fn={} tn={})",
            self.n(),
            self.precision(),
            self.recall(),
            self.f1(),
            self.tp,
            self.fp,
            self.fn_,
            self.tn
        )
    }
}

pub type Table = BTreeMap<String, Counts>;

pub fn print_table(title: &str, table: &Table) {
    println!("== {title}");
    for (k, c) in table {
        println!("{}", c.line(k));
    }
}

impl Counts {
    /// Share of the negatives called positive: fp / (fp + tn).
    pub fn false_alarm_rate(&self) -> f64 {
        if self.fp + self.tn == 0 {
            0.0
        } else {
            self.fp as f64 / (self.fp + self.tn) as f64
        }
    }
}

/// A held-out set under tests/data/heldout/.
pub fn heldout_data(name: &str) -> PathBuf {
    own_data("heldout").join(name)
}

/// Which half of a held-out file a row belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Half {
    /// Odd lines (1st, 3rd, …): may be read and tuned on.
    Dev,
    /// Even lines: only their figures are reported, never their texts.
    Test,
}

impl Half {
    pub fn name(self) -> &'static str {
        match self {
            Half::Dev => "DEV",
            Half::Test => "TEST",
        }
    }
}

/// The rows of a held-out JSONL file with their half, split by line number
/// (blank lines count as lines, so the split is the file's own).
pub fn read_jsonl_halves(path: &std::path::Path) -> Vec<(Half, serde_json::Value)> {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            let half = if i % 2 == 0 { Half::Dev } else { Half::Test };
            let row = serde_json::from_str(l)
                .unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), i + 1));
            (half, row)
        })
        .collect()
}
