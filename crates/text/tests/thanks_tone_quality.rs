//! Thank-you recognition and the tone guard on our own labelled sets
//! (tests/data/thanks.jsonl, tests/data/tone.jsonl), per language.
//! Run: cargo test -p kindly-text --test thanks_tone_quality -- --nocapture

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

mod common;

use common::*;
use kindly_text::tone::tone_by_rules;
use kindly_text::{is_thanks, tone};

fn check(table: &Table, floors: &[(&str, f64, f64)]) {
    for (name, p, r) in floors {
        let c = table.get(*name).copied().unwrap_or_default();
        assert!(c.n() > 0, "{name}: no rows");
        assert!(
            c.precision() >= *p,
            "{name}: precision {:.3} < {p}",
            c.precision()
        );
        assert!(c.recall() >= *r, "{name}: recall {:.3} < {r}", c.recall());
    }
}

#[test]
fn thanks_set() {
    let rows = read_jsonl(&own_data("thanks.jsonl"));
    let mut table = Table::new();
    for row in &rows {
        let lang = str_field(row, "lang");
        let text = str_field(row, "text");
        let actual = bool_field(row, "thanks");
        let got = is_thanks(text, Some(lang));
        table.entry(lang.to_string()).or_default().add(got, actual);
        if got != actual {
            println!("{} {lang}: {text}", if actual { "FN" } else { "FP" });
        }
    }
    print_table("is_thanks (tests/data/thanks.jsonl)", &table);
    for lang in ["et", "ru", "en", "de"] {
        assert!(
            table.get(lang).is_some_and(|c| c.n() >= 25),
            "{lang}: fewer than 25 rows"
        );
    }
    // Measured P/R: et 1.00/1.00, ru 1.00/0.92, en 1.00/1.00, de 1.00/1.00 (13+13 each).
    check(
        &table,
        &[
            ("et", 0.9, 0.85),
            ("ru", 0.9, 0.85),
            ("en", 0.9, 0.85),
            ("de", 0.9, 0.85),
        ],
    );
}

/// The held-out set (tests/data/thanks_heldout.jsonl, 30+ thank-yous and 30+
/// "thanks, but…" per language) was written without seeing the detector or the
/// set it was tuned on; its figures are the honest ones. Detector unchanged
/// since it was written.
#[test]
fn thanks_heldout_set() {
    let rows = read_jsonl(&own_data("thanks_heldout.jsonl"));
    let mut table = Table::new();
    let mut by_kind = Table::new();
    for row in &rows {
        let lang = str_field(row, "lang");
        let text = str_field(row, "text");
        let kind = str_field(row, "kind");
        let actual = bool_field(row, "thanks");
        let got = is_thanks(text, Some(lang));
        table.entry(lang.to_string()).or_default().add(got, actual);
        by_kind
            .entry(kind.to_string())
            .or_default()
            .add(got, actual);
        if got != actual {
            println!(
                "{} {lang} {kind}: {}",
                if actual { "FN" } else { "FP" },
                text.replace('\n', " / ")
            );
        }
    }
    print_table(
        "is_thanks, held out (tests/data/thanks_heldout.jsonl)",
        &table,
    );
    print_table("by kind", &by_kind);
    for lang in ["et", "ru", "en", "de"] {
        let c = table.get(lang).copied().unwrap_or_default();
        assert!(
            c.tp + c.fn_ >= 30 && c.fp + c.tn >= 30,
            "{lang}: fewer than 30+30 rows"
        );
    }
    check(&table, HELDOUT_FLOORS);
}

/// Floors a little under the held-out figures measured 2026-11-23 (P/R: et
/// 0.903/0.778, ru 0.909/0.857, en 0.917/0.917, de 0.879/0.806). Most false
/// alarms are sarcasm ("thanks for the 'help'"), most misses "never mind, I
/// fixed it myself" — the work left for the thanks detector.
const HELDOUT_FLOORS: &[(&str, f64, f64)] = &[
    ("et", 0.85, 0.75),
    ("ru", 0.85, 0.80),
    ("en", 0.88, 0.88),
    ("de", 0.85, 0.78),
];

#[test]
fn tone_set() {
    let rows = read_jsonl(&own_data("tone.jsonl"));
    let mut table = Table::new();
    for row in &rows {
        let lang = str_field(row, "lang");
        let text = str_field(row, "text");
        let actual = bool_field(row, "flagged");
        let report = tone(text, Some(lang));
        assert_eq!(report.ok, report.findings.is_empty());
        for f in &report.findings {
            assert!(
                text.contains(&f.phrase),
                "finding {:?} not quoted from {text}",
                f.phrase
            );
            assert!(!f.why.is_empty() && !f.suggestion.is_empty());
        }
        table
            .entry(lang.to_string())
            .or_default()
            .add(!report.ok, actual);
        if report.ok == actual {
            println!("{} {lang}: {text}", if actual { "FN" } else { "FP" });
        }
    }
    print_table("tone guard (tests/data/tone.jsonl)", &table);
    for lang in ["et", "ru", "en", "de"] {
        assert!(
            table.get(lang).is_some_and(|c| c.n() >= 20),
            "{lang}: fewer than 20 rows"
        );
    }
    // Measured P/R: 1.00/1.00 in every language (10+10 each).
    check(
        &table,
        &[
            ("et", 0.9, 0.9),
            ("ru", 0.9, 0.9),
            ("en", 0.9, 0.9),
            ("de", 0.9, 0.9),
        ],
    );
}

/// The held-out tone set (tests/data/heldout/tone_{et,ru,en,de}.jsonl), written by
/// native speakers who never saw the guard: scolding replies (citing instructions,
/// "you should have", "you didn't read", rebuking a repeat, condescension, blame,
/// capitals) and fine ones (apologies, own mistakes, polite instructions, steps,
/// questions, empathy, firm but kind). Split by line number: odd lines DEV, even
/// lines TEST (only figures printed).
#[test]
fn heldout_tone_set() {
    let mut table = Table::new();
    let mut test_by_kind = Table::new();
    let show = std::env::var_os("SHOW_ERRORS").is_some();
    for lang in ["et", "ru", "en", "de"] {
        for (half, row) in read_jsonl_halves(&heldout_data(&format!("tone_{lang}.jsonl"))) {
            let text = str_field(&row, "text");
            let kind = str_field(&row, "kind");
            let actual = bool_field(&row, "flagged");
            let report = tone(text, Some(lang));
            assert_eq!(report.ok, report.findings.is_empty());
            for f in &report.findings {
                assert!(
                    !f.why.trim().is_empty() && !f.suggestion.trim().is_empty(),
                    "{lang} {kind}: finding {:?} lacks why or suggestion",
                    f.phrase
                );
                assert!(text.contains(&f.phrase), "{lang} {kind}: phrase not quoted");
            }
            let flagged = !report.ok;
            for key in [
                format!("{} {lang}", half.name()),
                format!("{} all", half.name()),
            ] {
                table.entry(key).or_default().add(flagged, actual);
            }
            match half {
                Half::Test => test_by_kind
                    .entry(format!(
                        "{kind} ({})",
                        if actual { "scolding" } else { "fine" }
                    ))
                    .or_default()
                    .add(flagged, actual),
                Half::Dev if show && flagged != actual => println!(
                    "{} {lang} {kind}: {} {:?}",
                    if actual { "FN" } else { "FP" },
                    text.replace('\n', " / "),
                    report
                        .findings
                        .iter()
                        .map(|f| &f.phrase)
                        .collect::<Vec<_>>()
                ),
                Half::Dev => {}
            }
        }
    }
    println!("== tone guard on the held-out set (tests/data/heldout/tone_*.jsonl)");
    for (k, c) in &table {
        println!(
            "{k:<10} n={:<4} recall={:.3} false alarms={:.3} (tp={} fn={} fp={} tn={})",
            c.n(),
            c.recall(),
            c.false_alarm_rate(),
            c.tp,
            c.fn_,
            c.fp,
            c.tn
        );
    }
    print_table("TEST half by kind (counts only)", &test_by_kind);
    for (name, r, fa) in HELDOUT_TONE_FLOORS {
        let c = table.get(*name).copied().unwrap_or_default();
        assert!(c.n() >= 30, "{name}: only {} rows", c.n());
        assert!(c.recall() >= *r, "{name}: recall {:.3} < {r}", c.recall());
        assert!(
            c.false_alarm_rate() <= *fa,
            "{name}: false alarms {:.3} > {fa}",
            c.false_alarm_rate()
        );
    }
}

/// (slice, recall floor, false-alarm ceiling) on the TEST half. History (recall /
/// false alarms): the phrase lists tuned on DEV alone gave et 0.722/0.000, ru
/// 0.667/0.048, en 0.833/0.000, de 0.647/0.000, all 0.718/0.012 (2026-11-23). The
/// rules were then rewritten as families (alternatives, clause-wide gaps, guards
/// for our own mistakes, reassurance and helpful links) after reading the misses of
/// both halves, so TEST is no longer held out: measured 1.000/0.000 in every
/// language, DEV 1.000/0.000 (unchanged by the round-2..9 families). The honest
/// figure is a set nobody has read (the dev2 set below has been read).
const HELDOUT_TONE_FLOORS: &[(&str, f64, f64)] = &[
    ("TEST et", 0.94, 0.05),
    ("TEST ru", 0.94, 0.05),
    ("TEST en", 0.94, 0.05),
    ("TEST de", 0.94, 0.05),
    ("TEST all", 0.96, 0.03),
];

/// Scolding families and tricky kind replies (tests/data/tone_families.jsonl),
/// written while generalising the rules, one new batch at a time, each batch run
/// before the rules were widened to cover it: a regression set for the families,
/// not an unseen measure. Includes kind drafts built to trip the rules ("you should
/// have received", "not your fault", "Sorry, but", guide links, our own mistakes,
/// "as requested", "as agreed", "you don't need to write again, we'll let you
/// know", acronyms). The batches appended with rounds 2-5 (2026-11-23), as first
/// run, recall / false alarms: round-2 variants et .846 ru .833 en 1.0 de 1.0;
/// batch 3 et .750 ru .700 en .667 de .778, no false alarms; batch 4 (lexically
/// varied) et .778 ru .538 en .333 de .333, no false alarms; batch 5 (hard
/// negatives only) false alarms et 0 ru .231 en .214 de .154; batch 6 (Estonian
/// cases, -sin/-site/-nud/-ksite, sina, no diacritics) et .688, no false alarms;
/// rounds 6-8, every kind of the dev2 set in fresh words: batch 7 et .500 ru .500
/// en .300 de .400, false alarms et 1/8; batch 8 (greetings, sign-offs, mixed
/// drafts) et .400 ru .333 en .700 de .300, false alarms de 1/6; batch 9 et .700
/// ru .375 en .500 de .375, no false alarms; batch 10 (round 9) et .500 ru .700
/// en .222 de .500, no false alarms. Rounds 10-15 (2026-11-23, after BLIND2 was
/// read as development data), all languages together, recall / false alarms as
/// first run: batch 11 (probes for the round-10 families and their kind twins)
/// .967/.048; batch 12 (fresh wordings of every kind) .550/.156; batch 13
/// .750/.100; batch 14 (irony, insinuation, mock honours) .325/.031; batch 15
/// (mostly hard negatives) .600/.000; batch 16 .389/.083; batch 17 .563/.042;
/// batch 18 (40 hard negatives) .333/.000; batch 19 .375/.000; batch 20
/// .542/.000; batch 21 (rhetorical fragments, "your impatience is noted")
/// .250/.000; batch 22 .125/.063. Those first runs
/// are the best guess of what an unseen set will show: the phrase families still
/// miss new wordings often (recall on fresh wordings about .13-.75, lowest on
/// irony, insinuation and rhetorical fragments; the recall target .9 is not met
/// on fresh wordings), false alarms stay under .05 on the later batches.
/// The probes test the rules (`tone_by_rules`); the tone model's say is measured
/// on whole sets (tests/linear_models.rs, examples/evaluate.rs).
#[test]
fn tone_families_set() {
    let rows = read_jsonl(&own_data("tone_families.jsonl"));
    let mut table = Table::new();
    for row in &rows {
        let lang = str_field(row, "lang");
        let text = str_field(row, "text");
        let actual = bool_field(row, "flagged");
        let report = tone_by_rules(text, Some(lang));
        for f in &report.findings {
            assert!(text.contains(&f.phrase), "{lang}: phrase not quoted");
            assert!(!f.why.trim().is_empty() && !f.suggestion.trim().is_empty());
        }
        table
            .entry(lang.to_string())
            .or_default()
            .add(!report.ok, actual);
        if report.ok == actual {
            println!("{} {lang}: {text}", if actual { "FN" } else { "FP" });
        }
    }
    println!("== tone guard on the families set (tests/data/tone_families.jsonl)");
    for (k, c) in &table {
        println!(
            "{k:<4} n={:<4} recall={:.3} false alarms={:.3} (tp={} fn={} fp={} tn={})",
            c.n(),
            c.recall(),
            c.false_alarm_rate(),
            c.tp,
            c.fn_,
            c.fp,
            c.tn
        );
    }
    // Measured (recall / false alarms) after round 21: et .993/.000, ru .984/.000,
    // en .989/.000, de .992/.000 (misses left on purpose: one-off wordings such as
    // "only one way the USB cable fits", and "bitte nicht täglich nachfragen, wir
    // melden uns", which the reassurance guard lets through); floors a little under.
    for (lang, r, fa) in FAMILY_FLOORS {
        let c = table.get(*lang).copied().unwrap_or_default();
        assert!(
            c.tp + c.fn_ >= 60,
            "{lang}: only {} scolding rows",
            c.tp + c.fn_
        );
        assert!(c.recall() >= *r, "{lang}: recall {:.3} < {r}", c.recall());
        assert!(
            c.false_alarm_rate() <= *fa,
            "{lang}: false alarms {:.3} > {fa}",
            c.false_alarm_rate()
        );
    }
}

/// (language, recall floor, false-alarm ceiling) on tests/data/tone_families.jsonl.
const FAMILY_FLOORS: &[(&str, f64, f64)] = &[
    ("et", 0.97, 0.02),
    ("ru", 0.97, 0.02),
    ("en", 0.97, 0.02),
    ("de", 0.97, 0.02),
];

/// The dev2 tone set (tests/data/blind/tone_{et,ru,en,de}.jsonl, 40 scolding + 40
/// fine agent drafts per language; the files keep their old place). It was written
/// blind, after the held-out rounds, by a writer who saw neither the guard, its
/// rules nor the earlier sets, and its first run (below) was an honest figure; its
/// misses have since been read and the rules widened by family (rounds 2-5), so it
/// is development data now, like the held-out halves. A fresh blind set is written
/// elsewhere. Misses are printed with SHOW_ERRORS.
#[test]
fn dev2_tone_set() {
    let show = std::env::var_os("SHOW_ERRORS").is_some();
    let (table, by_kind) = measure_tone_set("blind", show);
    println!("== tone guard on the dev2 set (tests/data/blind/tone_*.jsonl, read: not blind)");
    print_tone_table(&table);
    print_table("dev2 set by kind", &by_kind);
    check_tone_floors(&table, DEV2_TONE_FLOORS);
}

/// (slice, recall floor, false-alarm ceiling) on the dev2 set. Its first run, while
/// it was still blind (stop 12), recall / false alarms: et .600/.075, ru .750/.050,
/// en .725/.000, de .650/.000, all .681/.031 (the guard before the first family
/// rewrite: all .419/.025). Missed most then: sarcasm (4/16), condescension (7/16),
/// rebuking a repeat (10/16); false alarms on apologies (2/16) and on "we should
/// have" (3/12). After the round-2 families, written from its misses (irony as its
/// own fault, "even a child", "pick one channel", "all fine on our side" before
/// blame, third-party "oleks pidanud", informal address, Estonian clitics) and
/// rounds 3-9 from self-written batches: 1.000/0.000 in every language — a tuned
/// figure, not a measure. Floors keep it from sliding back.
const DEV2_TONE_FLOORS: &[(&str, f64, f64)] = &[
    ("et", 0.95, 0.025),
    ("ru", 0.95, 0.025),
    ("en", 0.95, 0.025),
    ("de", 0.95, 0.025),
    ("all", 0.97, 0.02),
];

/// BLIND2 (tests/data/blind2/tone_{et,ru,en,de}.jsonl, 40 scolding + 40 fine
/// replies per language, written 2026-11-23 by someone who had not read the
/// guard's rules, see its README). Its first run was an honest figure; its misses
/// were then read and the rules widened by family (round 10), so it is
/// development data now, like dev2, and BLIND3 (written elsewhere) is the next
/// unseen measure. Misses are printed with SHOW_ERRORS.
#[test]
fn blind2_tone_set() {
    let show = std::env::var_os("SHOW_ERRORS").is_some();
    let (table, by_kind) = measure_tone_set("blind2", show);
    println!("== tone guard on BLIND2 (tests/data/blind2/tone_*.jsonl)");
    print_tone_table(&table);
    print_table("BLIND2 by kind (counts only)", &by_kind);
    check_tone_floors(&table, BLIND2_TONE_FLOORS);
}

/// (slice, recall floor, false-alarm ceiling) on BLIND2. Its first measurement
/// while blind (2026-11-23, after rounds 2-9): recall / false alarms all
/// .719/.050; et .725/.075, ru .650/.075, en .800/.025, de .700/.025. Missed most:
/// sarcasm 5/12, passive aggression 7/16, condescension 8/16, rebuking a repeat
/// 12/20; false alarms on citing the contract in the customer's favour (4/4) and
/// "as mentioned in my last mail, your refund has gone out" (2/4). After rounds
/// 10-15 (structural families: passive aggression, refusals, repeat counts and
/// frequencies, irony at sentence edges, good news and contract rights rescuing a
/// citation): all .994/.000; et, ru, de 1.000/.000, en .975/.000 — a tuned figure,
/// not a measure. Floors keep it from sliding back.
const BLIND2_TONE_FLOORS: &[(&str, f64, f64)] = &[
    ("all", 0.97, 0.02),
    ("et", 0.95, 0.025),
    ("ru", 0.95, 0.025),
    ("en", 0.95, 0.025),
    ("de", 0.95, 0.025),
];

/// The tone guard on `tests/data/DIR/tone_{et,ru,en,de}.jsonl`: by language
/// (and "all"), and by kind.
fn measure_tone_set(dir: &str, print_errors: bool) -> (Table, Table) {
    let mut table = Table::new();
    let mut by_kind = Table::new();
    for lang in ["et", "ru", "en", "de"] {
        for row in read_jsonl(&own_data(&format!("{dir}/tone_{lang}.jsonl"))) {
            let text = str_field(&row, "text");
            let kind = str_field(&row, "kind");
            let actual = bool_field(&row, "flagged");
            let flagged = !tone(text, Some(lang)).ok;
            for key in [lang.to_string(), "all".to_string()] {
                table.entry(key).or_default().add(flagged, actual);
            }
            by_kind
                .entry(format!(
                    "{kind} ({})",
                    if actual { "scolding" } else { "fine" }
                ))
                .or_default()
                .add(flagged, actual);
            if print_errors && flagged != actual {
                println!("{} {lang} {kind}: {text}", if actual { "FN" } else { "FP" });
            }
        }
    }
    (table, by_kind)
}

/// Each (slice, recall floor, false-alarm ceiling) holds, on at least 80 rows.
fn check_tone_floors(table: &Table, floors: &[(&str, f64, f64)]) {
    for (name, r, fa) in floors {
        let c = table.get(*name).copied().unwrap_or_default();
        assert!(c.n() >= 80, "{name}: only {} rows", c.n());
        assert!(c.recall() >= *r, "{name}: recall {:.3} < {r}", c.recall());
        assert!(
            c.false_alarm_rate() <= *fa,
            "{name}: false alarms {:.3} > {fa}",
            c.false_alarm_rate()
        );
    }
}

/// One line per slice: recall, false alarms, precision and the counts.
fn print_tone_table(table: &Table) {
    for (k, c) in table {
        println!(
            "{k:<6} n={:<4} recall={:.3} false alarms={:.3} precision={:.3} (tp={} fn={} fp={} tn={})",
            c.n(),
            c.recall(),
            c.false_alarm_rate(),
            c.precision(),
            c.tp,
            c.fn_,
            c.fp,
            c.tn
        );
    }
}
