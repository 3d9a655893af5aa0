//! `kindly import mbox FILE` and `kindly import maildir DIR`: an archive of old
//! support mail replayed through the same intake as live mail, each mail with
//! its own date (`--received-at header`: its Date:, else the mbox From_ line's
//! date or the file's mtime, else now), in the order the archive holds it.
//!
//! Imported history sends nothing ([`Intake::send_nothing_before`]): by default
//! every imported mail is history; with `--acknowledge-since T` mail received at
//! or after T is acknowledged as usual.
//!
//! The work is a pipeline: a reader thread streams the archive (an mbox is read
//! line by line, never whole), the main task commits the raw bytes of up to
//! [`RAW_BATCH`] mails in one transaction (invariant 1: nothing reads them
//! before that commit), a pool of analysis threads — one per core — parses and
//! analyses, and the main task records the results in archive order, up to
//! [`RECORD_BATCH`] mails in one transaction ([`Intake::record_batch`]: each
//! mail sees the ones before it; a failing batch is redone one mail per
//! transaction). Ctrl-C lets the batch being recorded commit and starts no
//! other; mail stored but not recorded is recorded by the next run.
//!
//! Resuming: raw bytes are unique by SHA-256, so a mail stored and processed by
//! an earlier run is skipped after one `put_raw` (no parse, no transaction). For
//! an mbox the byte offset reached is also kept in `DATA/import/mbox-<hash>.json`
//! (checkpointed as mails are recorded), so a re-run seeks past what is done
//! instead of reading it again; the offset is trusted only when the bytes just
//! before it are unchanged and a From_ line starts there.

use std::collections::{HashMap, VecDeque};
use std::fs::File;
use std::io::{BufRead, BufReader, IsTerminal, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use clap::Subcommand;
use indicatif::{ProgressBar, ProgressStyle};
use jiff::Timestamp;
use kindly_app::intake::{Prepared, StoredRaw, prepare};
use kindly_app::{Clock, Intake, IntakeReport, Settings, SystemClock};
use kindly_core::Outcome;
use kindly_store::SqliteStore;
use serde::{Deserialize, Serialize};

use crate::cli::{Cli, Failure, open};
use crate::exit;

/// Where the archive comes from.
#[derive(Debug, Subcommand)]
pub enum ImportSource {
    /// An mbox file (mboxrd or mboxo: "From " separators, ">From " unquoted)
    Mbox {
        /// The mbox file
        #[arg(value_name = "FILE")]
        file: String,
        #[command(flatten)]
        options: ImportOptions,
    },
    /// A Maildir: the files in DIR/cur and DIR/new, in name order
    Maildir {
        /// The Maildir (the directory holding cur/ and new/)
        #[arg(value_name = "DIR")]
        dir: String,
        #[command(flatten)]
        options: ImportOptions,
    },
}

#[derive(Debug, clap::Args)]
pub struct ImportOptions {
    /// Acknowledge mail received at or after this RFC 3339 instant as usual
    /// [default: imported mail is history and nothing is sent for it]
    #[arg(long, value_name = "RFC3339")]
    pub acknowledge_since: Option<String>,
    /// Print the summary as one JSON object on stdout instead of a JSON line per mail
    #[arg(long)]
    pub json: bool,
}

/// Interrupted by Ctrl-C (128 + SIGINT): what was recorded stays, a re-run resumes.
const INTERRUPTED: u8 = 130;
/// Mails read ahead of the store.
const READ_AHEAD: usize = 256;
/// Mails whose raw bytes are committed in one transaction (at most).
const RAW_BATCH: usize = 128;
/// Mails recorded in one transaction (at most).
const RECORD_BATCH: usize = 128;
/// Mails between the store and the analysis threads: a few batches, so the
/// threads analyse the next ones while a batch is recorded.
const IN_FLIGHT: usize = 4 * RAW_BATCH;
/// The mbox resume offset is saved after this many recorded mails (and at the end).
const CHECKPOINT_EVERY: u64 = 500;

pub async fn import(cli: &Cli, source: &ImportSource) -> Result<u8, Failure> {
    let started = Instant::now();
    let (kind, path, options) = match source {
        ImportSource::Mbox { file, options } => (Kind::Mbox, file, options),
        ImportSource::Maildir { dir, options } => (Kind::Maildir, dir, options),
    };
    let cutoff = match options.acknowledge_since.as_deref() {
        None => Timestamp::MAX,
        Some(s) => s.parse::<Timestamp>().map_err(|e| {
            Failure::new(
                exit::USAGE,
                format!("--acknowledge-since {s:?}: {e} (use an RFC 3339 instant like 2026-03-02T10:00:00Z)"),
            )
        })?,
    };
    // Everything about the input is checked before the store is opened.
    let plan = match kind {
        Kind::Mbox => Plan::Mbox(check_mbox(path)?),
        Kind::Maildir => Plan::Maildir(maildir_files(path)?),
    };
    let ctx = open(cli).await?;
    let state_file = match &plan {
        Plan::Mbox(m) => Some(state_path(&ctx.data_dir, &m.canonical)),
        Plan::Maildir(_) => None,
    };
    let intake = Intake::new(
        ctx.store.clone(),
        ctx.settings.clone(),
        ctx.templates.clone(),
    )
    .send_nothing_before(cutoff);

    let mut summary = Summary {
        source: path.clone(),
        format: kind.name(),
        ..Summary::default()
    };
    let (total, start) = match &plan {
        Plan::Mbox(m) => {
            let resume = state_file.as_deref().and_then(|f| resume_point(f, m));
            if let Some(r) = &resume {
                summary.resumed_at_byte = Some(r.offset);
                summary.mails_before = r.mails;
            }
            (m.size, resume.unwrap_or_default())
        }
        Plan::Maildir(files) => (files.len() as u64, MboxState::default()),
    };
    let progress = progress_bar(kind, total, start.offset);

    // Ctrl-C: stop reading, finish the batch being recorded, save the offset.
    // Mail stored but not recorded yet stays stored; a re-run records it.
    let stop = Arc::new(AtomicBool::new(false));
    let watcher = {
        let stop = stop.clone();
        tokio::spawn(async move {
            if tokio::signal::ctrl_c().await.is_ok() {
                stop.store(true, Ordering::SeqCst);
                // A second Ctrl-C means now.
                if tokio::signal::ctrl_c().await.is_ok() {
                    std::process::exit(i32::from(INTERRUPTED));
                }
            }
        })
    };

    let (read_tx, read_rx) = tokio::sync::mpsc::channel::<Fetched>(READ_AHEAD);
    let reader = {
        let stop = stop.clone();
        let plan = plan.clone();
        let start = start.clone();
        std::thread::Builder::new()
            .name("kindly-import-read".into())
            .spawn(move || read_archive(&plan, &start, &read_tx, &stop))
            .map_err(|e| Failure::new(exit::OSERR, format!("cannot start the reader: {e}")))?
    };
    let (pool, done_rx) = AnalysisPool::start(ctx.settings.clone())?;

    let mut run = Run {
        intake: &intake,
        read_rx,
        pool,
        done_rx,
        ready: HashMap::new(),
        slots: VecDeque::new(),
        next_seq: 0,
        out: (!options.json).then(|| std::io::BufWriter::new(std::io::stdout())),
        progress: &progress,
        summary: &mut summary,
        code: exit::OK,
        stop: stop.clone(),
        checkpoint: state_file.as_deref().map(|f| Checkpoint {
            file: f.to_path_buf(),
            archive: match &plan {
                Plan::Mbox(m) => m.path.clone(),
                Plan::Maildir(_) => PathBuf::new(),
            },
            state: start.clone(),
            since_saved: 0,
        }),
        done: 0,
    };
    let result = run.go(&stop).await;
    let saved = run.save_checkpoint();
    let mut code = run.code;
    if let Some(out) = run.out.as_mut()
        && let Err(e) = out.flush()
    {
        eprintln!("kindly: writing to stdout: {e}");
        code = exit::worst(code, exit::IOERR);
    }
    let AnalysisPool { jobs, threads } = run.pool;
    drop(jobs);
    drop(run.done_rx);
    drop(run.read_rx);
    for t in threads {
        let _ = t.join();
    }
    let _ = reader.join();
    watcher.abort();
    progress.finish_and_clear();
    drop(intake);
    crate::cli::close(ctx).await;

    if let Err(e) = saved {
        eprintln!("kindly: warning: cannot save the resume offset: {e}");
    }
    match result {
        Ok(()) => {}
        Err(Stop::Failure(f)) => {
            eprintln!("kindly: {}", f.message);
            code = exit::worst(code, f.code);
        }
        Err(Stop::Tempfail) => code = exit::worst(code, exit::TEMPFAIL),
    }
    if stop.load(Ordering::SeqCst) {
        summary.interrupted = true;
        if code == exit::OK {
            code = INTERRUPTED;
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    summary.elapsed_seconds = (elapsed * 1000.0).round() / 1000.0;
    summary.stages.rounded();
    summary.mails_per_second = if elapsed > 0.0 {
        (summary.mails_read as f64 / elapsed * 10.0).round() / 10.0
    } else {
        0.0
    };
    if options.json {
        let text = serde_json::to_string(&summary)
            .map_err(|e| Failure::new(exit::SOFTWARE, e.to_string()))?;
        println!("{text}");
    } else {
        eprint!("{}", summary.text());
    }
    Ok(code)
}

#[derive(Clone, Copy)]
enum Kind {
    Mbox,
    Maildir,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Mbox => "mbox",
            Kind::Maildir => "maildir",
        }
    }
}

#[derive(Clone)]
enum Plan {
    Mbox(MboxFile),
    Maildir(Vec<MaildirFile>),
}

#[derive(Clone)]
struct MboxFile {
    shown: String,
    path: PathBuf,
    canonical: PathBuf,
    size: u64,
}

#[derive(Clone)]
struct MaildirFile {
    shown: String,
    path: PathBuf,
}

/// Is FILE an mbox? Missing → 66; a directory, empty, compressed or not
/// starting with a From_ line → 65.
fn check_mbox(p: &str) -> Result<MboxFile, Failure> {
    let path = Path::new(p);
    let meta =
        std::fs::metadata(path).map_err(|e| Failure::new(exit::NOINPUT, format!("{p}: {e}")))?;
    if meta.is_dir() {
        return Err(Failure::new(
            exit::DATAERR,
            format!(
                "{p} is a directory, not an mbox file (for a Maildir use `kindly import maildir {p}`)"
            ),
        ));
    }
    let mut head = Vec::with_capacity(512);
    File::open(path)
        .and_then(|f| f.take(512).read_to_end(&mut head))
        .map_err(|e| Failure::new(exit::NOINPUT, format!("{p}: {e}")))?;
    if head.iter().all(u8::is_ascii_whitespace) {
        return Err(Failure::new(
            exit::DATAERR,
            format!("{p} is empty: no mail to import"),
        ));
    }
    if head.starts_with(&[0x1f, 0x8b]) || head.starts_with(b"BZh") || head.starts_with(b"\xfd7zXZ")
    {
        return Err(Failure::new(
            exit::DATAERR,
            format!("{p} is compressed: decompress it first (e.g. `zcat {p} > archive.mbox`)"),
        ));
    }
    if !head.starts_with(b"From ") {
        return Err(Failure::new(
            exit::DATAERR,
            format!(
                "{p} is not an mbox: it does not start with a \"From \" line (a single mail goes in with `kindly ingest {p}`)"
            ),
        ));
    }
    let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    Ok(MboxFile {
        shown: p.to_string(),
        path: path.to_path_buf(),
        canonical,
        size: meta.len(),
    })
}

/// The mail files of a Maildir: cur/ and new/ together in name order (Maildir
/// names begin with the delivery time), dotfiles and tmp/ skipped.
fn maildir_files(p: &str) -> Result<Vec<MaildirFile>, Failure> {
    let path = Path::new(p);
    let meta =
        std::fs::metadata(path).map_err(|e| Failure::new(exit::NOINPUT, format!("{p}: {e}")))?;
    if !meta.is_dir() {
        return Err(Failure::new(
            exit::DATAERR,
            format!("{p} is not a directory (for an mbox file use `kindly import mbox {p}`)"),
        ));
    }
    let base = p.trim_end_matches('/');
    let mut files: Vec<(String, MaildirFile)> = Vec::new();
    let mut found = false;
    for sub in ["cur", "new"] {
        let dir = path.join(sub);
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => {
                return Err(Failure::new(exit::NOINPUT, format!("{base}/{sub}: {e}")));
            }
        };
        found = true;
        for entry in entries {
            let entry =
                entry.map_err(|e| Failure::new(exit::NOINPUT, format!("{base}/{sub}: {e}")))?;
            let name = entry.file_name();
            let Some(name) = name.to_str().map(str::to_string) else {
                eprintln!("kindly: warning: {base}/{sub}: skipping a file whose name is not UTF-8");
                continue;
            };
            if name.starts_with('.') {
                continue;
            }
            if std::fs::metadata(entry.path()).is_ok_and(|m| m.is_file()) {
                files.push((
                    name.clone(),
                    MaildirFile {
                        shown: format!("{base}/{sub}/{name}"),
                        path: entry.path(),
                    },
                ));
            }
        }
    }
    if !found {
        return Err(Failure::new(
            exit::DATAERR,
            format!(
                "{p} is not a Maildir: it has no cur/ or new/ (a directory of single mail files goes in with `kindly ingest {p}`)"
            ),
        ));
    }
    if files.is_empty() {
        return Err(Failure::new(
            exit::DATAERR,
            format!("{p}: the Maildir holds no mail"),
        ));
    }
    files.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    Ok(files.into_iter().map(|(_, f)| f).collect())
}

// ---------------------------------------------------------------- reading

/// One mail out of the archive.
struct SourceMail {
    shown: String,
    bytes: Vec<u8>,
    /// The From_ line's date or the file's mtime: the arrival time when the
    /// mail has no Date:.
    fallback: Option<Timestamp>,
    /// mbox: the byte offset just past this mail (where a resume starts).
    end: u64,
}

enum Fetched {
    Mail(SourceMail),
    /// The archive could not be read on; what was read before stands.
    Failed(String, u8),
}

fn read_archive(
    plan: &Plan,
    start: &MboxState,
    tx: &tokio::sync::mpsc::Sender<Fetched>,
    stop: &AtomicBool,
) {
    match plan {
        Plan::Maildir(files) => {
            for f in files {
                if stop.load(Ordering::SeqCst) {
                    return;
                }
                let item = match std::fs::read(&f.path) {
                    Ok(bytes) => {
                        let fallback = std::fs::metadata(&f.path)
                            .and_then(|m| m.modified())
                            .ok()
                            .and_then(|t| Timestamp::try_from(t).ok());
                        Fetched::Mail(SourceMail {
                            shown: f.shown.clone(),
                            bytes,
                            fallback,
                            end: 0,
                        })
                    }
                    Err(e) => Fetched::Failed(format!("{}: {e}", f.shown), exit::NOINPUT),
                };
                // A vanished file is reported and the rest goes on.
                if tx.blocking_send(item).is_err() {
                    return;
                }
            }
        }
        Plan::Mbox(m) => {
            let failed = |e: std::io::Error, at: u64| {
                Fetched::Failed(
                    format!("{}: read error at byte {at}: {e}", m.shown),
                    exit::IOERR,
                )
            };
            let file = match File::open(&m.path).and_then(|mut f| {
                f.seek(SeekFrom::Start(start.offset))?;
                Ok(f)
            }) {
                Ok(f) => f,
                Err(e) => {
                    let _ = tx.blocking_send(failed(e, start.offset));
                    return;
                }
            };
            let mut reader =
                MboxReader::new(BufReader::with_capacity(256 * 1024, file), start.offset);
            let mut number = start.mails;
            loop {
                if stop.load(Ordering::SeqCst) {
                    return;
                }
                match reader.next_mail() {
                    Ok(Some(mail)) => {
                        number += 1;
                        let item = Fetched::Mail(SourceMail {
                            shown: format!("{}#{number}", m.shown),
                            bytes: mail.bytes,
                            fallback: mail.from_date,
                            end: mail.end,
                        });
                        if tx.blocking_send(item).is_err() {
                            return;
                        }
                    }
                    Ok(None) => return,
                    Err(e) => {
                        let _ = tx.blocking_send(failed(e, reader.pos));
                        return;
                    }
                }
            }
        }
    }
}

/// One mail of an mbox: its bytes (From_ line removed, ">From " unquoted, the
/// separating blank line dropped) and where it ends.
struct MboxMail {
    bytes: Vec<u8>,
    from_date: Option<Timestamp>,
    end: u64,
}

/// Streams an mbox one line at a time: memory holds one mail, never the file.
struct MboxReader<R: BufRead> {
    input: R,
    /// Bytes consumed so far (absolute offset in the file).
    pos: u64,
    /// The From_ line that opens the next mail, already read.
    pending: Option<Vec<u8>>,
    line: Vec<u8>,
    done: bool,
}

impl<R: BufRead> MboxReader<R> {
    fn new(input: R, pos: u64) -> Self {
        MboxReader {
            input,
            pos,
            pending: None,
            line: Vec::new(),
            done: false,
        }
    }

    /// Reads one line into `self.line`; false at the end of the input.
    fn read_line(&mut self) -> std::io::Result<bool> {
        self.line.clear();
        let n = self.input.read_until(b'\n', &mut self.line)?;
        self.pos += n as u64;
        Ok(n > 0)
    }

    fn next_mail(&mut self) -> std::io::Result<Option<MboxMail>> {
        if self.done {
            return Ok(None);
        }
        // The opening From_ line: anything before the first one (blank lines) is skipped.
        let from_line = match self.pending.take() {
            Some(l) => l,
            None => loop {
                if !self.read_line()? {
                    self.done = true;
                    return Ok(None);
                }
                if self.line.starts_with(b"From ") {
                    break std::mem::take(&mut self.line);
                }
            },
        };
        let from_date = from_line_date(&from_line);
        let mut bytes = Vec::with_capacity(8 * 1024);
        // Length of `bytes` before the last line, and whether that line was blank.
        let mut before_last = 0;
        let mut last_blank = false;
        let mut end;
        loop {
            end = self.pos;
            if !self.read_line()? {
                self.done = true;
                break;
            }
            if self.line.starts_with(b"From ") && is_separator(&self.line, last_blank) {
                self.pending = Some(std::mem::take(&mut self.line));
                break;
            }
            before_last = bytes.len();
            last_blank = self.line == b"\n" || self.line == b"\r\n";
            // mboxrd: ">From ", ">>From ", ... lose one '>' (mboxo's ">From " too).
            let quoted = self.line.iter().position(|&b| b != b'>').unwrap_or(0);
            if quoted > 0 && self.line[quoted..].starts_with(b"From ") {
                bytes.extend_from_slice(&self.line[1..]);
            } else {
                bytes.extend_from_slice(&self.line);
            }
        }
        // The blank line a writer puts before the next From_ line is not the mail's.
        if last_blank {
            bytes.truncate(before_last);
        }
        Ok(Some(MboxMail {
            bytes,
            from_date,
            end,
        }))
    }
}

/// Does a line starting with "From " open the next mail? A From_ line with a
/// date always does; after a blank line one whose envelope sender looks like an
/// address does too. Otherwise it is an unquoted body line (a sloppy mboxo writer).
fn is_separator(line: &[u8], after_blank: bool) -> bool {
    if from_line_date(line).is_some() {
        return true;
    }
    after_blank
        && line[5..]
            .split(|b| b.is_ascii_whitespace())
            .find(|t| !t.is_empty())
            .is_some_and(|s| s.contains(&b'@') || s == b"MAILER-DAEMON" || s == b"-")
}

/// The date of a From_ line: `From sender Thu Mar  7 10:00:00 2024`, also with
/// a zone (`+0100`, before or after the year) or without seconds. UTC when no zone.
fn from_line_date(line: &[u8]) -> Option<Timestamp> {
    let text = std::str::from_utf8(line.get(5..)?).ok()?;
    let tokens: Vec<&str> = text.split_ascii_whitespace().skip(1).collect();
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let (i, month) = tokens.iter().enumerate().find_map(|(i, t)| {
        let t = t.to_ascii_lowercase();
        MONTHS
            .iter()
            .position(|m| t == *m)
            .map(|m| (i, i8::try_from(m + 1).unwrap_or(1)))
    })?;
    let day: i8 = tokens.get(i + 1)?.parse().ok()?;
    let mut hms = tokens.get(i + 2)?.split(':');
    let hour: i8 = hms.next()?.parse().ok()?;
    let minute: i8 = hms.next()?.parse().ok()?;
    let second: i8 = hms.next().map_or(Some(0), |s| s.parse().ok())?;
    let mut year = None;
    let mut offset_seconds = 0i32;
    for t in tokens.iter().skip(i + 3).take(2) {
        if let Some(rest) = t.strip_prefix('+').or_else(|| t.strip_prefix('-')) {
            if rest.len() == 4
                && let Ok(hhmm) = rest.parse::<i32>()
            {
                let s = (hhmm / 100) * 3600 + (hhmm % 100) * 60;
                offset_seconds = if t.starts_with('-') { -s } else { s };
            }
        } else if t.len() == 4
            && let Ok(y) = t.parse::<i16>()
        {
            year = Some(y);
        }
    }
    let dt = jiff::civil::DateTime::new(year?, month, day, hour, minute, second, 0).ok()?;
    let offset = jiff::tz::Offset::from_seconds(offset_seconds).ok()?;
    offset.to_timestamp(dt).ok()
}

// ---------------------------------------------------------------- resuming

/// How far an earlier run of the same mbox got.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct MboxState {
    /// The byte offset of the first mail not yet recorded (a From_ line).
    offset: u64,
    /// Mails recorded before `offset` (numbers the mails in the output).
    mails: u64,
    /// FNV-1a of up to 4 KiB just before `offset`: the file up to there is unchanged.
    tail: u64,
}

#[derive(Serialize, Deserialize)]
struct StateFile {
    path: PathBuf,
    #[serde(flatten)]
    state: MboxState,
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn state_path(data_dir: &Path, canonical: &Path) -> PathBuf {
    let key = fnv1a(canonical.as_os_str().as_encoded_bytes());
    data_dir
        .join("import")
        .join(format!("mbox-{key:016x}.json"))
}

/// Up to 4 KiB of FILE before `offset`, hashed.
fn tail_hash(path: &Path, offset: u64) -> std::io::Result<u64> {
    let from = offset.saturating_sub(4096);
    let mut f = File::open(path)?;
    f.seek(SeekFrom::Start(from))?;
    let mut buf = Vec::with_capacity(4096);
    f.take(offset - from).read_to_end(&mut buf)?;
    Ok(fnv1a(&buf))
}

/// Where to resume, when the state file matches the file as it is now: the
/// bytes before the offset are unchanged and the offset is the end of the file
/// or the start of a From_ line (mail appended since is read; a rewritten file
/// is read again from the start, and put_raw skips what is stored).
fn resume_point(state_file: &Path, m: &MboxFile) -> Option<MboxState> {
    let text = std::fs::read(state_file).ok()?;
    let saved: StateFile = serde_json::from_slice(&text).ok()?;
    let s = saved.state;
    if saved.path != m.canonical || s.offset == 0 || s.offset > m.size {
        return None;
    }
    if tail_hash(&m.path, s.offset).ok()? != s.tail {
        return None;
    }
    if s.offset < m.size {
        let mut head = [0u8; 5];
        let mut f = File::open(&m.path).ok()?;
        f.seek(SeekFrom::Start(s.offset)).ok()?;
        f.read_exact(&mut head).ok()?;
        if &head != b"From " {
            return None;
        }
    }
    Some(s)
}

struct Checkpoint {
    file: PathBuf,
    archive: PathBuf,
    state: MboxState,
    since_saved: u64,
}

impl Checkpoint {
    fn save(&mut self) -> std::io::Result<()> {
        if self.since_saved == 0 {
            return Ok(());
        }
        self.state.tail = tail_hash(&self.archive, self.state.offset)?;
        let body = serde_json::to_vec(&StateFile {
            path: std::fs::canonicalize(&self.archive).unwrap_or_else(|_| self.archive.clone()),
            state: self.state.clone(),
        })
        .map_err(std::io::Error::other)?;
        if let Some(dir) = self.file.parent() {
            std::fs::create_dir_all(dir)?;
        }
        // Written aside and renamed: a crash leaves the old state or the new one.
        let tmp = self.file.with_extension("json.tmp");
        std::fs::write(&tmp, body)?;
        std::fs::rename(&tmp, &self.file)?;
        self.since_saved = 0;
        Ok(())
    }
}

// ---------------------------------------------------------------- analysis

struct Job {
    seq: u64,
    bytes: Vec<u8>,
    stored: StoredRaw,
    at: Timestamp,
}

/// `prepare` (parse, classify, analyse: pure CPU work) on one thread per core.
struct AnalysisPool {
    jobs: std::sync::mpsc::SyncSender<Job>,
    threads: Vec<std::thread::JoinHandle<()>>,
}

impl AnalysisPool {
    fn start(
        settings: Arc<Settings>,
    ) -> Result<(Self, tokio::sync::mpsc::Receiver<(u64, Prepared)>), Failure> {
        let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
        let (jobs, job_rx) = std::sync::mpsc::sync_channel::<Job>(IN_FLIGHT);
        let job_rx = Arc::new(Mutex::new(job_rx));
        let (done_tx, done_rx) = tokio::sync::mpsc::channel(IN_FLIGHT);
        let mut threads = Vec::with_capacity(workers);
        for i in 0..workers {
            let job_rx = job_rx.clone();
            let done_tx = done_tx.clone();
            let settings = settings.clone();
            let t = std::thread::Builder::new()
                .name(format!("kindly-analyse-{i}"))
                .spawn(move || {
                    loop {
                        let job = match job_rx.lock() {
                            Ok(rx) => rx.recv(),
                            Err(_) => return,
                        };
                        let Ok(job) = job else { return };
                        let prepared = prepare(&settings, &job.bytes, job.stored, job.at, true);
                        if done_tx.blocking_send((job.seq, prepared)).is_err() {
                            return;
                        }
                    }
                })
                .map_err(|e| {
                    Failure::new(exit::OSERR, format!("cannot start an analysis thread: {e}"))
                })?;
            threads.push(t);
        }
        Ok((AnalysisPool { jobs, threads }, done_rx))
    }
}

// ---------------------------------------------------------------- recording

/// A mail read, before its raw bytes are stored.
enum Pending {
    Mail(SourceMail, Timestamp),
    /// Not stored: a message for stderr and the exit code it earns.
    Failed {
        message: String,
        code: u8,
        end: u64,
    },
}

/// One mail's place in the archive order.
enum Slot {
    /// Being analysed; recorded when its turn comes.
    InFlight { seq: u64, shown: String, end: u64 },
    /// Stored and processed by an earlier run.
    Done { end: u64 },
    /// Not recorded: a message for stderr and the exit code it earns.
    Failed { message: String, code: u8, end: u64 },
}

enum Stop {
    Failure(Failure),
    /// The store is gone; run again later to resume.
    Tempfail,
}

struct Run<'a> {
    intake: &'a Intake<SqliteStore>,
    read_rx: tokio::sync::mpsc::Receiver<Fetched>,
    pool: AnalysisPool,
    done_rx: tokio::sync::mpsc::Receiver<(u64, Prepared)>,
    /// Results that arrived before their turn.
    ready: HashMap<u64, Prepared>,
    slots: VecDeque<Slot>,
    next_seq: u64,
    out: Option<std::io::BufWriter<std::io::Stdout>>,
    progress: &'a ProgressBar,
    summary: &'a mut Summary,
    code: u8,
    /// Ctrl-C: record no further batch.
    stop: Arc<AtomicBool>,
    checkpoint: Option<Checkpoint>,
    /// Mails behind us in this run (for the progress bar).
    done: u64,
}

impl Run<'_> {
    async fn go(&mut self, stop: &AtomicBool) -> Result<(), Stop> {
        let clock = SystemClock;
        let mut pending: Vec<Pending> = Vec::with_capacity(RAW_BATCH);
        let mut open = true;
        while open && !stop.load(Ordering::SeqCst) {
            // Wait for one mail, then take along what else the reader has ready.
            let t = Instant::now();
            let mut read = self.read_rx.recv().await;
            self.summary.stages.reading += t.elapsed().as_secs_f64();
            loop {
                let Some(item) = read else {
                    open = false;
                    break;
                };
                match item {
                    Fetched::Failed(message, code) => pending.push(Pending::Failed {
                        message,
                        code,
                        end: 0,
                    }),
                    Fetched::Mail(mail) => {
                        self.summary.mails_read += 1;
                        if mail.bytes.iter().all(u8::is_ascii_whitespace) {
                            pending.push(Pending::Failed {
                                message: format!(
                                    "warning: {}: empty mail, nothing stored",
                                    mail.shown
                                ),
                                code: exit::OK,
                                end: mail.end,
                            });
                        } else {
                            let at = mail.fallback.unwrap_or_else(|| clock.now());
                            pending.push(Pending::Mail(mail, at));
                        }
                    }
                }
                if pending.len() >= RAW_BATCH {
                    break;
                }
                read = match self.read_rx.try_recv() {
                    Ok(item) => Some(item),
                    Err(tokio::sync::mpsc::error::TryRecvError::Empty) => break,
                    Err(tokio::sync::mpsc::error::TryRecvError::Disconnected) => None,
                };
            }
            self.store_batch(&mut pending).await?;
            self.drain(IN_FLIGHT - RAW_BATCH).await?;
        }
        self.drain(0).await
    }

    /// Commits the raw bytes of the mails in `pending` (one transaction; one
    /// per mail when that fails), then hands them to the analysis threads.
    async fn store_batch(&mut self, pending: &mut Vec<Pending>) -> Result<(), Stop> {
        if pending.is_empty() {
            return Ok(());
        }
        let t = Instant::now();
        let batch: Vec<(&[u8], Timestamp, &str)> = pending
            .iter()
            .filter_map(|p| match p {
                Pending::Mail(m, at) => Some((m.bytes.as_slice(), *at, m.shown.as_str())),
                Pending::Failed { .. } => None,
            })
            .collect();
        let together = if batch.is_empty() {
            Ok(Vec::new())
        } else {
            self.intake.store_raw_batch(&batch).await
        };
        drop(batch);
        self.summary.stages.storing_raw += t.elapsed().as_secs_f64();
        let mut stored = match together {
            Ok(s) => Some(s.into_iter()),
            Err(e) => {
                tracing::debug!(error = %e, "storing a batch failed: one mail at a time");
                None
            }
        };
        for p in pending.drain(..) {
            let (mail, at) = match p {
                Pending::Failed { message, code, end } => {
                    self.slots.push_back(Slot::Failed { message, code, end });
                    continue;
                }
                Pending::Mail(mail, at) => (mail, at),
            };
            let one = match stored.as_mut() {
                Some(s) => s.next().ok_or_else(|| {
                    Stop::Failure(Failure::new(exit::SOFTWARE, "the store lost a mail"))
                })?,
                None => {
                    let t = Instant::now();
                    let one = self.intake.store_raw(&mail.bytes, at, &mail.shown).await;
                    self.summary.stages.storing_raw += t.elapsed().as_secs_f64();
                    match one {
                        Ok(s) => s,
                        Err(e) => {
                            self.drain(0).await?;
                            eprintln!("kindly: {}: {e}", mail.shown);
                            if e.is_transient() {
                                return Err(Stop::Tempfail);
                            }
                            self.summary.failed += 1;
                            self.code = exit::worst(self.code, exit::SOFTWARE);
                            continue;
                        }
                    }
                }
            };
            if one.already_processed() {
                self.slots.push_back(Slot::Done { end: mail.end });
                continue;
            }
            let seq = self.next_seq;
            self.next_seq += 1;
            self.slots.push_back(Slot::InFlight {
                seq,
                shown: mail.shown,
                end: mail.end,
            });
            let job = Job {
                seq,
                bytes: mail.bytes,
                stored: one,
                at,
            };
            if self.pool.jobs.send(job).is_err() {
                return Err(Stop::Failure(Failure::new(
                    exit::SOFTWARE,
                    "the analysis threads stopped",
                )));
            }
        }
        Ok(())
    }

    /// The analysis of mail `seq`, waiting for it when it is not done yet.
    async fn prepared(&mut self, seq: u64) -> Result<Prepared, Stop> {
        if let Some(p) = self.ready.remove(&seq) {
            return Ok(p);
        }
        loop {
            let Some((s, p)) = self.done_rx.recv().await else {
                return Err(Stop::Failure(Failure::new(
                    exit::SOFTWARE,
                    "the analysis threads stopped",
                )));
            };
            if s == seq {
                return Ok(p);
            }
            self.ready.insert(s, p);
        }
    }

    /// Records slots, oldest first, until at most `keep` are left: up to
    /// [`RECORD_BATCH`] mails in one transaction. A slot counts as done (and
    /// the resume offset moves past it) only once its batch is committed.
    /// After Ctrl-C no further batch starts.
    async fn drain(&mut self, keep: usize) -> Result<(), Stop> {
        while self.slots.len() > keep && !self.stop.load(Ordering::SeqCst) {
            let n = (self.slots.len() - keep).min(RECORD_BATCH);
            let chunk: Vec<Slot> = self.slots.drain(..n).collect();
            let t = Instant::now();
            let mut batch = Vec::with_capacity(chunk.len());
            for slot in &chunk {
                if let Slot::InFlight { seq, .. } = slot {
                    batch.push(self.prepared(*seq).await?);
                }
            }
            self.summary.stages.analysis += t.elapsed().as_secs_f64();
            let t = Instant::now();
            let recorded = if batch.is_empty() {
                Vec::new()
            } else {
                self.intake.record_batch(&batch).await
            };
            self.summary.stages.recording += t.elapsed().as_secs_f64();
            drop(batch);
            let mut recorded = recorded.into_iter();
            for slot in chunk {
                let end = match slot {
                    Slot::Done { end } => {
                        self.summary.already_imported += 1;
                        end
                    }
                    Slot::Failed { message, code, end } => {
                        self.progress.suspend(|| eprintln!("kindly: {message}"));
                        self.code = exit::worst(self.code, code);
                        if code != exit::OK {
                            self.summary.failed += 1;
                        }
                        end
                    }
                    Slot::InFlight { shown, end, .. } => {
                        // A batch cut short by a transient error: the rest was not tried.
                        let Some(result) = recorded.next() else {
                            return Err(Stop::Tempfail);
                        };
                        match result {
                            Ok(report) => {
                                self.count(&report);
                                if report.outcome == Outcome::Quarantined {
                                    self.progress.suspend(|| {
                                        eprintln!(
                                            "kindly: warning: {shown}: stored and quarantined ({})",
                                            report.detail.as_deref().unwrap_or("unreadable")
                                        );
                                    });
                                }
                                self.print_line(&shown, end, &report)?;
                            }
                            Err(e) => {
                                self.progress.suspend(|| eprintln!("kindly: {shown}: {e}"));
                                if e.is_transient() {
                                    return Err(Stop::Tempfail);
                                }
                                self.summary.failed += 1;
                                self.code = exit::worst(self.code, exit::SOFTWARE);
                            }
                        }
                        end
                    }
                };
                self.advance(end);
            }
        }
        Ok(())
    }

    /// One more mail of the archive is behind us.
    fn advance(&mut self, end: u64) {
        self.done += 1;
        if self.done.is_multiple_of(64) {
            self.progress.set_message(format!("{} mails", self.done));
        }
        match &mut self.checkpoint {
            Some(c) if end > 0 => {
                self.progress.set_position(end);
                c.state.offset = end;
                c.state.mails += 1;
                c.since_saved += 1;
                if c.since_saved >= CHECKPOINT_EVERY
                    && let Err(e) = c.save()
                {
                    self.progress.suspend(|| {
                        eprintln!("kindly: warning: cannot save the resume offset: {e}")
                    });
                }
            }
            _ => self.progress.inc(1),
        }
    }

    fn save_checkpoint(&mut self) -> std::io::Result<()> {
        match &mut self.checkpoint {
            Some(c) => c.save(),
            None => Ok(()),
        }
    }

    fn count(&mut self, r: &IntakeReport) {
        let s = &mut *self.summary;
        match r.outcome {
            Outcome::NewTicket => s.new_tickets += 1,
            Outcome::FollowUp => s.follow_ups += 1,
            Outcome::Repeat => s.repeats += 1,
            Outcome::Thanks => s.thanks += 1,
            Outcome::Automatic => s.automatic += 1,
            Outcome::DuplicateDelivery => s.duplicates += 1,
            Outcome::Quarantined => s.quarantined += 1,
        }
        if r.acknowledged {
            s.acknowledged += 1;
        }
    }

    fn print_line(&mut self, shown: &str, end: u64, r: &IntakeReport) -> Result<(), Stop> {
        let Some(out) = self.out.as_mut() else {
            return Ok(());
        };
        let line = Line {
            file: shown,
            offset: (end > 0).then_some(end),
            message_id: r.message_id.as_deref(),
            outcome: r.outcome,
            ticket: r.ticket,
            language: r.language.as_deref(),
            anger: r.anger,
            angry: r.angry,
            acknowledged: r.acknowledged,
        };
        serde_json::to_writer(&mut *out, &line)
            .map_err(std::io::Error::other)
            .and_then(|()| out.write_all(b"\n"))
            .map_err(|e| {
                Stop::Failure(Failure::new(exit::IOERR, format!("writing to stdout: {e}")))
            })
    }
}

/// One mail's line on stdout (without `--json`): as `kindly ingest` prints.
#[derive(Serialize)]
struct Line<'a> {
    file: &'a str,
    /// mbox: the byte offset just past this mail.
    #[serde(skip_serializing_if = "Option::is_none")]
    offset: Option<u64>,
    message_id: Option<&'a str>,
    outcome: Outcome,
    ticket: Option<i64>,
    language: Option<&'a str>,
    anger: f32,
    angry: bool,
    acknowledged: bool,
}

/// The end-of-run summary.
#[derive(Debug, Default, Serialize)]
struct Summary {
    source: String,
    format: &'static str,
    /// Mails read from the archive in this run (an mbox resume starts past the done part).
    mails_read: u64,
    new_tickets: u64,
    repeats: u64,
    follow_ups: u64,
    thanks: u64,
    automatic: u64,
    duplicates: u64,
    quarantined: u64,
    /// Stored and processed by an earlier run: skipped.
    already_imported: u64,
    /// Could not be read or recorded (see stderr).
    failed: u64,
    /// Acknowledgements queued (only mail at or after --acknowledge-since).
    acknowledged: u64,
    /// mbox: where this run started, when it resumed an earlier one.
    #[serde(skip_serializing_if = "Option::is_none")]
    resumed_at_byte: Option<u64>,
    /// mbox: mails recorded by earlier runs before that offset.
    #[serde(skip_serializing_if = "is_zero")]
    mails_before: u64,
    interrupted: bool,
    /// Where the main task's time went.
    stages: Stages,
    elapsed_seconds: f64,
    mails_per_second: f64,
}

/// Seconds the main task spent in each stage (the store work is serial; the
/// rest overlaps with it): waiting for the reader, committing raw bytes (one
/// transaction a batch), waiting for the analysis threads, recording (one
/// transaction a batch).
#[derive(Debug, Default, Serialize)]
struct Stages {
    reading: f64,
    storing_raw: f64,
    analysis: f64,
    recording: f64,
}

impl Stages {
    fn rounded(&mut self) {
        for v in [
            &mut self.reading,
            &mut self.storing_raw,
            &mut self.analysis,
            &mut self.recording,
        ] {
            *v = (*v * 1000.0).round() / 1000.0;
        }
    }
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl Summary {
    fn text(&self) -> String {
        let mut s = format!(
            "kindly: import {} {}: {} mails read in {:.1} s ({:.0} mails/s){}\n",
            self.format,
            self.source,
            self.mails_read,
            self.elapsed_seconds,
            self.mails_per_second,
            if self.interrupted {
                " — interrupted; run the same command again to resume"
            } else {
                ""
            }
        );
        if let Some(at) = self.resumed_at_byte {
            s.push_str(&format!(
                "  resumed at byte {at} ({} mails done by an earlier run)\n",
                self.mails_before
            ));
        }
        s.push_str(&format!(
            "  {} new tickets, {} repeats, {} follow-ups, {} thanks, {} automatic, {} duplicates, {} quarantined\n",
            self.new_tickets,
            self.repeats,
            self.follow_ups,
            self.thanks,
            self.automatic,
            self.duplicates,
            self.quarantined
        ));
        s.push_str(&format!(
            "  {} already imported (skipped), {} failed, {} acknowledged\n",
            self.already_imported, self.failed, self.acknowledged
        ));
        let st = &self.stages;
        s.push_str(&format!(
            "  time: storing raw {:.1} s, recording {:.1} s, waiting for analysis {:.1} s, for the reader {:.1} s\n",
            st.storing_raw, st.recording, st.analysis, st.reading
        ));
        s
    }
}

fn progress_bar(kind: Kind, total: u64, position: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let template = match kind {
        Kind::Mbox => {
            "{spinner} {elapsed_precise} [{wide_bar}] {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} {msg} ETA {eta}"
        }
        Kind::Maildir => {
            "{spinner} {elapsed_precise} [{wide_bar}] {pos}/{len} mails {per_sec} ETA {eta}"
        }
    };
    let bar = ProgressBar::new(total);
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_position(position);
    bar.reset_eta();
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(mbox: &[u8]) -> Vec<(Vec<u8>, Option<Timestamp>, u64)> {
        let mut r = MboxReader::new(std::io::Cursor::new(mbox.to_vec()), 0);
        let mut out = Vec::new();
        while let Some(m) = r.next_mail().unwrap() {
            out.push((m.bytes, m.from_date, m.end));
        }
        out
    }

    #[test]
    fn splits_unquotes_and_keeps_the_last_mail_without_newline() {
        let mbox = b"From a@x Thu Mar  7 10:00:00 2024\nSubject: one\n\nbody\n>From here\n>>From there\n\nFrom b@y Fri Mar  8 11:00:00 2024\nSubject: two\n\nlast line";
        let mails = split(mbox);
        assert_eq!(mails.len(), 2);
        assert_eq!(
            mails[0].0,
            b"Subject: one\n\nbody\nFrom here\n>From there\n".to_vec()
        );
        assert_eq!(mails[1].0, b"Subject: two\n\nlast line".to_vec());
        assert_eq!(
            mails[0].1,
            Some("2024-03-07T10:00:00Z".parse::<Timestamp>().unwrap())
        );
        // The first mail ends where the second From_ line starts.
        let second = mbox.windows(8).position(|w| w == b"From b@y").unwrap() as u64;
        assert_eq!(mails[0].2, second);
        assert_eq!(mails[1].2, mbox.len() as u64);
    }

    #[test]
    fn crlf_mbox() {
        let mbox = b"From a@x Thu Mar  7 10:00:00 2024\r\nSubject: one\r\n\r\nbody\r\n\r\nFrom b@y Fri Mar  8 11:00:00 2024\r\nSubject: two\r\n\r\nx\r\n";
        let mails = split(mbox);
        assert_eq!(mails.len(), 2);
        assert_eq!(mails[0].0, b"Subject: one\r\n\r\nbody\r\n".to_vec());
        assert_eq!(mails[1].0, b"Subject: two\r\n\r\nx\r\n".to_vec());
    }

    #[test]
    fn an_unquoted_body_line_is_not_a_separator() {
        let mbox = b"From a@x Thu Mar  7 10:00:00 2024\nSubject: one\n\nhello\nFrom what I see it broke\n\nFrom the start, nothing worked\n";
        let mails = split(mbox);
        assert_eq!(mails.len(), 1);
    }

    #[test]
    fn from_line_dates() {
        let d = |s: &str| from_line_date(s.as_bytes()).map(|t| t.to_string());
        assert_eq!(
            d("From x@y Thu Mar  7 10:00:00 2024\n").as_deref(),
            Some("2024-03-07T10:00:00Z")
        );
        assert_eq!(
            d("From x@y Thu Mar 7 10:00:00 +0200 2024\n").as_deref(),
            Some("2024-03-07T08:00:00Z")
        );
        assert_eq!(
            d("From MAILER-DAEMON Mon Jan  1 00:00 2024").as_deref(),
            Some("2024-01-01T00:00:00Z")
        );
        assert_eq!(d("From what I see it broke"), None);
    }
}
