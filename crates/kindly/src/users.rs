//! `kindly user add|list|password`: agents' accounts from the command line.
//! Passwords come from standard input (one line), never from arguments (they
//! would show in `ps` and shell history).

use std::io::BufRead;

use clap::Subcommand;
use kindly_app::accounts::{self, AccountError, Role, UserSpec};
use kindly_app::{Clock, SystemClock};
use kindly_store::Store;

use crate::cli::{Cli, Failure, open};
use crate::exit;

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add an account; its password is the first line on stdin
    Add {
        /// The agent's e-mail address (their login)
        email: String,
        #[arg(long, default_value = "")]
        name: String,
        /// agent | admin
        #[arg(long, default_value = "agent")]
        role: String,
        /// A team whose tickets they work (repeat for several) [default: the first team]
        #[arg(long = "team")]
        teams: Vec<String>,
    },
    /// List accounts
    List {
        #[arg(long)]
        json: bool,
    },
    /// Set a new password (first line on stdin); ends the account's sessions
    Password { email: String },
}

fn read_password() -> Result<String, Failure> {
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line).map_err(|e| {
        Failure::new(
            exit::NOINPUT,
            format!("cannot read the password from stdin: {e}"),
        )
    })?;
    let pw = line.trim_end_matches(['\r', '\n']).to_string();
    accounts::check_password(&pw).map_err(|e| Failure::new(exit::DATAERR, e.to_string()))?;
    Ok(pw)
}

fn account_failure(e: AccountError) -> Failure {
    match e {
        AccountError::Invalid(m) => Failure::new(exit::DATAERR, m),
        AccountError::Store(s) if s.is_transient() => {
            Failure::new(exit::TEMPFAIL, format!("store: {s}"))
        }
        other => Failure::new(exit::SOFTWARE, other.to_string()),
    }
}

pub async fn run(cli: &Cli, action: &UserCommand) -> Result<u8, Failure> {
    match action {
        UserCommand::Add {
            email,
            name,
            role,
            teams,
        } => {
            let role = Role::parse(role).ok_or_else(|| {
                Failure::new(exit::USAGE, format!("--role {role:?}: use agent or admin"))
            })?;
            let password = read_password()?;
            let ctx = open(cli).await?;
            let added = accounts::add_user(
                &ctx.store,
                &ctx.settings,
                &UserSpec {
                    email,
                    name,
                    role,
                    teams,
                    password: &password,
                },
                SystemClock.now(),
            )
            .await;
            crate::cli::close(ctx).await;
            let id = added.map_err(account_failure)?;
            println!(
                "account {id} added: {} ({})",
                email.trim().to_lowercase(),
                role.as_str()
            );
            Ok(exit::OK)
        }
        UserCommand::List { json } => {
            let ctx = open(cli).await?;
            let users = ctx.store.users().await;
            crate::cli::close(ctx).await;
            let users = users.map_err(|e| Failure::new(exit::TEMPFAIL, format!("store: {e}")))?;
            if *json {
                let text = serde_json::to_string_pretty(&users)
                    .map_err(|e| Failure::new(exit::SOFTWARE, e.to_string()))?;
                println!("{text}");
            } else {
                for u in &users {
                    println!(
                        "{:>4}  {:<32} {:<6} {}{}",
                        u.id,
                        u.email,
                        u.role,
                        u.teams.join(","),
                        if u.disabled { "  (disabled)" } else { "" }
                    );
                }
            }
            Ok(exit::OK)
        }
        UserCommand::Password { email } => {
            let password = read_password()?;
            let hash = accounts::hash_password(&password).map_err(account_failure)?;
            let ctx = open(cli).await?;
            let done = ctx
                .store
                .set_password(&email.trim().to_lowercase(), &hash)
                .await;
            crate::cli::close(ctx).await;
            if done.map_err(|e| Failure::new(exit::TEMPFAIL, format!("store: {e}")))? {
                println!("password set; the account's sessions ended");
                Ok(exit::OK)
            } else {
                Err(Failure::new(
                    exit::DATAERR,
                    format!("there is no account {email}"),
                ))
            }
        }
    }
}
