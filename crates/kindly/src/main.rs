//! `kindly`: the one binary. Subcommands are thin: they read arguments, call
//! a use case in `kindly-app` or `kindly-web`, and print. `anyhow` lives here only.

mod agent;
mod cli;
mod exit;
mod import;
mod ingest;
mod listing;
mod serve;
mod users;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            let code = match e.kind() {
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => 0,
                _ => exit::USAGE,
            };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("KINDLY_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .with_writer(std::io::stderr)
        .init();
    // `serve` handles many requests at once; the other commands are one flow
    // (the SQLite worker and the analysis thread are threads of their own).
    let mut builder = if matches!(cli.command, cli::Command::Serve) {
        let mut b = tokio::runtime::Builder::new_multi_thread();
        b.worker_threads(2);
        b
    } else {
        tokio::runtime::Builder::new_current_thread()
    };
    let runtime = match builder.enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("kindly: cannot start the async runtime: {e}");
            return ExitCode::from(exit::OSERR);
        }
    };
    let code = runtime.block_on(cli::run(cli));
    ExitCode::from(code)
}
