//! The command line: arguments, the data directory, settings and the store.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use clap::{Parser, Subcommand};
use kindly_app::{Settings, SettingsError};
use kindly_mail::compose::{TemplateKind, Templates, template_file_name};
use kindly_store::SqliteStore;

use crate::exit;

#[derive(Debug, Parser)]
#[command(
    name = "kindly",
    version,
    about = "Kindly, the self-hosted e-mail help desk"
)]
pub struct Cli {
    /// Data directory [default: $KINDLY_DATA, else ./kindly-data]
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Configuration file [default: DIR/kindly.toml]
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the web UI, the API and the delivery worker on the embedded store
    Serve,
    /// Take mail in: files, directories (their files, in name order) or - for stdin
    Ingest {
        /// Arrival time: an RFC 3339 instant, or `header` to take each message's own Date:
        #[arg(long, value_name = "RFC3339|header")]
        received_at: Option<String>,
        /// Files, directories, or - for standard input [default: -]
        #[arg(value_name = "PATH")]
        paths: Vec<String>,
    },
    /// Replay an archive of old mail (mbox or Maildir) with its own dates; sends nothing for it
    Import {
        #[command(subcommand)]
        source: crate::import::ImportSource,
    },
    /// Deliver the queued outbox once and exit
    Deliver,
    /// List tickets
    Tickets {
        #[arg(long)]
        json: bool,
    },
    /// Mails received, unique problems (tickets), repeats folded, automatic — per day (UTC)
    Stats {
        #[arg(long)]
        json: bool,
    },
    /// List queued and sent mail
    Outbox {
        #[arg(long)]
        json: bool,
    },
    /// List stored mail that became no ticket: quarantined, spam or automatic
    SetAside {
        /// quarantine | spam | automatic
        #[arg(long, default_value = "quarantine")]
        kind: String,
        #[arg(long)]
        json: bool,
    },
    /// Merge ticket FROM into ticket INTO (its messages move; FROM is closed as merged)
    Merge {
        #[arg(value_parser = crate::agent::parse_number)]
        from: i64,
        #[arg(value_parser = crate::agent::parse_number)]
        into: i64,
        #[arg(long)]
        json: bool,
    },
    /// Move one message out of its ticket into a new ticket of its own
    Split {
        /// The message's number (see `kindly history TICKET` or the ticket page)
        #[arg(long, value_parser = crate::agent::parse_number)]
        message: i64,
        #[arg(long)]
        json: bool,
    },
    /// Undo a merge, a split or an automatic fold (a repeat or thanks event)
    Undo {
        #[arg(value_parser = crate::agent::parse_number)]
        event: i64,
        #[arg(long)]
        json: bool,
    },
    /// Answer a ticket: the reply (a file, or stdin) goes out threaded to the
    /// conversation; the tone guard's findings are printed; the first answer
    /// to an angry customer is held for the cool-down unless --send-now
    Reply {
        #[arg(value_parser = crate::agent::parse_number)]
        ticket: i64,
        /// The reply's text [default: stdin]
        #[arg(long, value_name = "FILE")]
        file: Option<PathBuf>,
        /// Who answers (recorded in the ticket's history) [default: $USER]
        #[arg(long = "as", value_name = "AGENT")]
        author: Option<String>,
        /// Send at once, even the first answer to an angry customer
        #[arg(long)]
        send_now: bool,
        /// The ticket's status afterwards: open | pending | solved | closed
        #[arg(long, default_value = "pending")]
        status: String,
        #[arg(long)]
        json: bool,
    },
    /// Send a reply held for its cool-down now (the number `kindly reply` printed)
    SendNow {
        #[arg(value_parser = crate::agent::parse_number)]
        outbox: i64,
    },
    /// A ticket's history: every event, with the numbers `undo` takes
    History {
        #[arg(value_parser = crate::agent::parse_number)]
        ticket: i64,
        #[arg(long)]
        json: bool,
    },
    /// Open tickets of other customers about the same problem as TICKET
    Similar {
        #[arg(long, value_parser = crate::agent::parse_number)]
        ticket: i64,
        #[arg(long, default_value_t = 10)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Promises we stated: run one pass of the watch now (`check`)
    Promises {
        #[command(subcommand)]
        action: PromisesCommand,
    },
    /// Reports: `promises` (made, kept, missed, actual vs promised, per team and week)
    Report {
        #[command(subcommand)]
        what: ReportCommand,
    },
    /// Agents' accounts: add, list, set a password
    User {
        #[command(subcommand)]
        action: crate::users::UserCommand,
    },
    /// Read the mood of a text on stdin: {"language","anger","angry","signals"}
    Mood {
        /// Language (ISO 639-1) instead of detecting it
        #[arg(long)]
        lang: Option<String>,
    },
    /// Check an agent's draft on stdin for blaming or lecturing phrases
    Tone {
        /// Language (ISO 639-1) instead of detecting it
        #[arg(long)]
        lang: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum PromisesCommand {
    /// Flag promises at risk, tell the customer a new time before one breaks, settle missed ones
    Check {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// Promises made, kept, missed, updated; median and p90 of actual vs promised wait
    Promises {
        /// Only promises made since this day (YYYY-MM-DD, UTC) [default: 12 weeks ago]
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

/// A failure at the edge: a message for stderr and the exit code.
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub message: String,
}

impl Failure {
    pub fn new(code: u8, message: impl Into<String>) -> Self {
        Failure {
            code,
            message: message.into(),
        }
    }
}

/// What every store-using command needs.
pub struct Context {
    pub data_dir: PathBuf,
    pub settings: Arc<Settings>,
    pub templates: Arc<Templates>,
    pub store: SqliteStore,
}

pub fn data_dir(cli_data: Option<&Path>) -> PathBuf {
    cli_data
        .map(Path::to_path_buf)
        .or_else(|| {
            std::env::var_os("KINDLY_DATA")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .unwrap_or_else(|| PathBuf::from("kindly-data"))
}

fn kindly_env() -> Vec<(String, String)> {
    std::env::vars()
        .filter(|(k, _)| k.starts_with("KINDLY_"))
        .collect()
}

pub fn load_settings(data_dir: &Path, config: Option<&Path>) -> Result<Settings, Failure> {
    let (file, must_exist) = match config {
        Some(f) => (f.to_path_buf(), true),
        None => (data_dir.join("kindly.toml"), false),
    };
    Settings::load(&file, must_exist, &kindly_env()).map_err(|e| match e {
        SettingsError::Read { .. } => Failure::new(exit::CONFIG, format!("configuration: {e}")),
        _ => Failure::new(exit::CONFIG, format!("configuration: {e}")),
    })
}

/// Admin overrides of the built-in templates: `DIR/templates/<kind>.<lang>.txt`.
pub fn load_templates(data_dir: &Path) -> Result<Templates, Failure> {
    let dir = data_dir.join("templates");
    let mut overrides = Vec::new();
    for kind in TemplateKind::ALL {
        for lang in kindly_core::Lang::ALL {
            let name = template_file_name(kind, lang);
            match std::fs::read_to_string(dir.join(&name)) {
                Ok(src) => overrides.push((name, src)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    return Err(Failure::new(
                        exit::CONFIG,
                        format!("template {}: {e}", dir.join(&name).display()),
                    ));
                }
            }
        }
    }
    Templates::new(&overrides)
        .map_err(|e| Failure::new(exit::CONFIG, format!("{}: {e}", dir.display())))
}

/// Creates the data directory when missing and opens the store in it.
pub async fn open(cli: &Cli) -> Result<Context, Failure> {
    let data_dir = data_dir(cli.data.as_deref());
    let settings = load_settings(&data_dir, cli.config.as_deref())?;
    std::fs::create_dir_all(&data_dir).map_err(|e| {
        Failure::new(
            exit::TEMPFAIL,
            format!(
                "data directory {} cannot be created: {e}",
                data_dir.display()
            ),
        )
    })?;
    let templates = load_templates(&data_dir)?;
    let store = SqliteStore::open(&data_dir.join("kindly.db"))
        .await
        .map_err(|e| {
            Failure::new(
                exit::TEMPFAIL,
                format!("cannot open the store in {}: {e}", data_dir.display()),
            )
        })?;
    Ok(Context {
        data_dir,
        settings: Arc::new(settings),
        templates: Arc::new(templates),
        store,
    })
}

/// Closes the store when a command is done with it.
pub async fn close(ctx: Context) {
    use kindly_store::Store;
    ctx.store.close().await;
}

pub async fn run(cli: Cli) -> u8 {
    let result = match &cli.command {
        Command::Serve => crate::serve::serve(&cli).await,
        Command::Ingest { received_at, paths } => {
            crate::ingest::ingest(&cli, received_at.as_deref(), paths).await
        }
        Command::Import { source } => crate::import::import(&cli, source).await,
        Command::Deliver => crate::listing::deliver(&cli).await,
        Command::Tickets { json } => crate::listing::tickets(&cli, *json).await,
        Command::Outbox { json } => crate::listing::outbox(&cli, *json).await,
        Command::Stats { json } => crate::listing::stats(&cli, *json).await,
        Command::SetAside { kind, json } => crate::listing::set_aside(&cli, kind, *json).await,
        Command::Merge { from, into, json } => crate::agent::merge(&cli, *from, *into, *json).await,
        Command::Split { message, json } => crate::agent::split(&cli, *message, *json).await,
        Command::Undo { event, json } => crate::agent::undo(&cli, *event, *json).await,
        Command::History { ticket, json } => crate::agent::history(&cli, *ticket, *json).await,
        Command::Reply {
            ticket,
            file,
            author,
            send_now,
            status,
            json,
        } => {
            crate::agent::reply(
                &cli,
                *ticket,
                file.as_deref(),
                author.as_deref(),
                *send_now,
                status,
                *json,
            )
            .await
        }
        Command::SendNow { outbox } => crate::agent::send_now(&cli, *outbox).await,
        Command::User { action } => crate::users::run(&cli, action).await,
        Command::Similar {
            ticket,
            limit,
            json,
        } => crate::agent::similar(&cli, *ticket, *limit, *json).await,
        Command::Promises {
            action: PromisesCommand::Check { json },
        } => crate::agent::promises_check(&cli, *json).await,
        Command::Report {
            what: ReportCommand::Promises { since, json },
        } => crate::agent::report_promises(&cli, since.as_deref(), *json).await,
        Command::Mood { lang } => crate::listing::mood(lang.as_deref()),
        Command::Tone { lang } => crate::listing::tone(lang.as_deref()),
    };
    match result {
        Ok(code) => code,
        Err(f) => {
            eprintln!("kindly: {}", f.message);
            f.code
        }
    }
}
