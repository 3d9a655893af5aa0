//! `kindly ingest`: mail in from files, directories or stdin (the MTA pipe).

use std::io::{Read, Write};
use std::path::Path;

use jiff::Timestamp;
use std::collections::VecDeque;

use kindly_app::intake::{Prepared, StoredRaw, prepare};
use kindly_app::{Clock, Intake, IntakeReport, SystemClock};
use kindly_core::Outcome;
use kindly_store::Store;
use serde::Serialize;

use crate::cli::{Cli, Failure, open};
use crate::exit;

/// One line of output.
#[derive(Serialize)]
struct Line<'a> {
    file: &'a str,
    message_id: Option<&'a str>,
    outcome: Outcome,
    ticket: Option<i64>,
    language: Option<&'a str>,
    anger: f32,
    angry: bool,
    acknowledged: bool,
}

enum Arrival {
    At(Timestamp),
    Header,
}

/// One input: its name as reported and where to read it.
enum Input {
    Stdin,
    File {
        shown: String,
        path: std::path::PathBuf,
    },
}

/// Expands the PATH arguments, checking they all exist before anything is read.
fn inputs(paths: &[String]) -> Result<Vec<Input>, Failure> {
    let paths: Vec<String> = if paths.is_empty() {
        vec!["-".to_string()]
    } else {
        paths.to_vec()
    };
    let mut out = Vec::new();
    for p in &paths {
        if p == "-" {
            out.push(Input::Stdin);
            continue;
        }
        let path = Path::new(p);
        let meta = std::fs::metadata(path)
            .map_err(|e| Failure::new(exit::NOINPUT, format!("{p}: {e}")))?;
        if meta.is_dir() {
            let entries = std::fs::read_dir(path)
                .map_err(|e| Failure::new(exit::NOINPUT, format!("{p}: {e}")))?;
            let mut files = Vec::new();
            for entry in entries {
                let entry = entry.map_err(|e| Failure::new(exit::NOINPUT, format!("{p}: {e}")))?;
                let name = entry.file_name();
                let Some(name) = name.to_str().map(str::to_string) else {
                    eprintln!("kindly: warning: {p}: skipping a file whose name is not UTF-8");
                    continue;
                };
                if name.starts_with('.') {
                    continue;
                }
                // Regular files only (symlinks to files count), not recursive.
                if std::fs::metadata(entry.path()).is_ok_and(|m| m.is_file()) {
                    files.push(name);
                }
            }
            files.sort_unstable_by(|a, b| a.as_bytes().cmp(b.as_bytes()));
            let base = p.trim_end_matches('/');
            for name in files {
                out.push(Input::File {
                    shown: format!("{base}/{name}"),
                    path: path.join(&name),
                });
            }
        } else {
            out.push(Input::File {
                shown: p.clone(),
                path: path.to_path_buf(),
            });
        }
    }
    Ok(out)
}

pub async fn ingest(cli: &Cli, received_at: Option<&str>, paths: &[String]) -> Result<u8, Failure> {
    let arrival = match received_at {
        None => None,
        Some("header") => Some(Arrival::Header),
        Some(s) => Some(Arrival::At(s.parse::<Timestamp>().map_err(|e| {
            Failure::new(
                exit::USAGE,
                format!("--received-at {s:?}: {e} (use an RFC 3339 instant like 2026-03-02T10:00:00Z, or header)"),
            )
        })?)),
    };
    let inputs = inputs(paths)?;
    if inputs.is_empty() {
        return Err(Failure::new(
            exit::DATAERR,
            "no mail: the directories given are empty",
        ));
    }
    // Mail on stdin comes from an MTA: a broken configuration is the operator's
    // to fix, and the mail must wait in the MTA's queue (75) rather than bounce
    // back to the customer (Postfix bounces on every other code but 71).
    let from_mta = inputs.iter().any(|i| matches!(i, Input::Stdin));
    let ctx = open(cli).await.map_err(|f| {
        if from_mta && f.code == exit::CONFIG {
            Failure::new(
                exit::TEMPFAIL,
                format!("{} (the mail stays queued)", f.message),
            )
        } else {
            f
        }
    })?;
    let intake = Intake::new(
        ctx.store.clone(),
        ctx.settings.clone(),
        ctx.templates.clone(),
    );

    // Parsing and analysis run on their own thread, one mail ahead of the store:
    // mail N+1 is read while mail N is recorded. Each mail's raw bytes are
    // committed before it is handed over (invariant 1); results come back in order.
    let (job_tx, job_rx) = std::sync::mpsc::sync_channel::<Job>(PIPELINE_DEPTH);
    let (done_tx, mut done_rx) = tokio::sync::mpsc::channel::<Prepared>(PIPELINE_DEPTH);
    let settings = ctx.settings.clone();
    let analyser = std::thread::Builder::new()
        .name("kindly-analyse".into())
        .spawn(move || {
            for job in job_rx {
                let prepared = prepare(&settings, &job.bytes, job.stored, job.at, job.header_date);
                if done_tx.blocking_send(prepared).is_err() {
                    break;
                }
            }
        })
        .map_err(|e| {
            Failure::new(
                exit::OSERR,
                format!("cannot start the analysis thread: {e}"),
            )
        })?;

    let mut pipeline = Pipeline {
        intake: &intake,
        slots: VecDeque::new(),
        done_rx: &mut done_rx,
        stdout: std::io::stdout(),
        code: exit::OK,
    };
    let result = feed(&mut pipeline, &inputs, arrival.as_ref(), &job_tx).await;
    drop(job_tx);
    let result = match result {
        Ok(()) => pipeline.drain(0).await,
        Err(e) => Err(e),
    };
    let code = pipeline.code;
    drop(pipeline);
    drop(done_rx);
    let _ = analyser.join();
    drop(intake);
    crate::cli::close(ctx).await;
    match result {
        Ok(()) => Ok(code),
        Err(Stop::Failure(f)) => Err(f),
        Err(Stop::Tempfail) => Ok(exit::worst(code, exit::TEMPFAIL)),
    }
}

/// Mails in flight between the store and the analysis thread.
const PIPELINE_DEPTH: usize = 8;

struct Job {
    bytes: Vec<u8>,
    stored: StoredRaw,
    at: Timestamp,
    header_date: bool,
}

/// One input's place in the output order.
enum Slot {
    /// Handed to the analysis thread; its result comes back in order.
    InFlight(String),
    /// Nothing to record; a message for stderr and the exit code it earns.
    Skipped(String, u8),
}

enum Stop {
    Failure(Failure),
    /// The store is gone; the MTA retries the whole delivery later.
    Tempfail,
}

struct Pipeline<'a, S: Store> {
    intake: &'a Intake<S>,
    slots: VecDeque<Slot>,
    done_rx: &'a mut tokio::sync::mpsc::Receiver<Prepared>,
    stdout: std::io::Stdout,
    code: u8,
}

impl<S: Store> Pipeline<'_, S> {
    /// Completes slots, oldest first, until at most `keep` are left.
    async fn drain(&mut self, keep: usize) -> Result<(), Stop> {
        while self.slots.len() > keep {
            let Some(slot) = self.slots.pop_front() else {
                break;
            };
            match slot {
                Slot::Skipped(message, code) => {
                    eprintln!("kindly: {message}");
                    self.code = exit::worst(self.code, code);
                }
                Slot::InFlight(shown) => {
                    let Some(prepared) = self.done_rx.recv().await else {
                        return Err(Stop::Failure(Failure::new(
                            exit::SOFTWARE,
                            "the analysis thread stopped",
                        )));
                    };
                    match self.intake.record(prepared).await {
                        Ok(report) => {
                            print_line(&self.stdout, &shown, &report).map_err(Stop::Failure)?;
                            if report.outcome == Outcome::Quarantined {
                                eprintln!(
                                    "kindly: warning: {shown}: stored and quarantined ({})",
                                    report.detail.as_deref().unwrap_or("unreadable")
                                );
                            }
                        }
                        Err(e) => {
                            eprintln!("kindly: {shown}: {e}");
                            if e.is_transient() {
                                return Err(Stop::Tempfail);
                            }
                            self.code = exit::worst(self.code, exit::SOFTWARE);
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

async fn feed<S: Store>(
    p: &mut Pipeline<'_, S>,
    inputs: &[Input],
    arrival: Option<&Arrival>,
    jobs: &std::sync::mpsc::SyncSender<Job>,
) -> Result<(), Stop> {
    let clock = SystemClock;
    let mut stdin_used = false;
    for input in inputs {
        let (shown, bytes) = match input {
            Input::Stdin => {
                if stdin_used {
                    p.slots.push_back(Slot::Skipped(
                        "warning: - given twice; standard input is read once".into(),
                        exit::OK,
                    ));
                    continue;
                }
                stdin_used = true;
                let mut buf = Vec::new();
                if let Err(e) = std::io::stdin().lock().read_to_end(&mut buf) {
                    p.slots.push_back(Slot::Skipped(
                        format!("-: cannot read standard input: {e}"),
                        exit::IOERR,
                    ));
                    continue;
                }
                ("-".to_string(), buf)
            }
            Input::File { shown, path } => match std::fs::read(path) {
                Ok(b) => (shown.clone(), b),
                Err(e) => {
                    p.slots
                        .push_back(Slot::Skipped(format!("{shown}: {e}"), exit::NOINPUT));
                    continue;
                }
            },
        };
        if bytes.iter().all(u8::is_ascii_whitespace) {
            p.slots.push_back(Slot::Skipped(
                format!("{shown}: empty input, nothing stored"),
                exit::DATAERR,
            ));
            continue;
        }
        let now = clock.now();
        let (at, header_date) = match arrival {
            None => (now, false),
            Some(Arrival::At(t)) => (*t, false),
            Some(Arrival::Header) => (now, true),
        };
        let stored = match p.intake.store_raw(&bytes, at, &shown).await {
            Ok(s) => s,
            Err(e) => {
                p.drain(0).await?;
                eprintln!("kindly: {shown}: {e}");
                if e.is_transient() {
                    return Err(Stop::Tempfail);
                }
                p.code = exit::worst(p.code, exit::SOFTWARE);
                continue;
            }
        };
        p.slots.push_back(Slot::InFlight(shown));
        if jobs
            .send(Job {
                bytes,
                stored,
                at,
                header_date,
            })
            .is_err()
        {
            return Err(Stop::Failure(Failure::new(
                exit::SOFTWARE,
                "the analysis thread stopped",
            )));
        }
        p.drain(PIPELINE_DEPTH - 1).await?;
    }
    Ok(())
}

fn print_line(stdout: &std::io::Stdout, shown: &str, r: &IntakeReport) -> Result<(), Failure> {
    let line = Line {
        file: shown,
        message_id: r.message_id.as_deref(),
        outcome: r.outcome,
        ticket: r.ticket,
        language: r.language.as_deref(),
        anger: r.anger,
        angry: r.angry,
        acknowledged: r.acknowledged,
    };
    let text =
        serde_json::to_string(&line).map_err(|e| Failure::new(exit::SOFTWARE, e.to_string()))?;
    let mut out = stdout.lock();
    writeln!(out, "{text}")
        .and_then(|()| out.flush())
        .map_err(|e| Failure::new(exit::IOERR, format!("writing to stdout: {e}")))
}
