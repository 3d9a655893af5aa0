//! `kindly serve`: web UI + API, the delivery worker, the promise watch and
//! the IMAP pollers, on the embedded store.

use std::sync::Arc;
use std::time::Duration;

use kindly_app::{Clock, SystemClock, Transport, deliver_due};
use kindly_store::Store as _;

use crate::cli::{Cli, Failure, open};
use crate::exit;

/// How often the delivery worker looks at the outbox.
const DELIVERY_INTERVAL: Duration = Duration::from_secs(2);
/// The longest wait after delivery stopped on a server problem.
const DELIVERY_STOPPED_MAX_PAUSE: Duration = Duration::from_secs(300);
/// How often the promise watch runs.
const PROMISE_INTERVAL: Duration = Duration::from_secs(60);
/// How long the IMAP pollers get to finish the mail in hand on shutdown.
const IMAP_STOP_GRACE: Duration = Duration::from_secs(20);

pub async fn serve(cli: &Cli) -> Result<u8, Failure> {
    let ctx = open(cli).await?;
    let transport = Transport::from_settings(&ctx.settings, &ctx.data_dir)
        .map_err(|e| Failure::new(exit::CONFIG, e.to_string()))?;
    let listener = tokio::net::TcpListener::bind(&ctx.settings.listen)
        .await
        .map_err(|e| {
            Failure::new(
                exit::OSERR,
                format!("cannot listen on {}: {e}", ctx.settings.listen),
            )
        })?;
    let addr = listener
        .local_addr()
        .map_err(|e| Failure::new(exit::OSERR, e.to_string()))?;

    let worker = {
        let store = ctx.store.clone();
        let settings = ctx.settings.clone();
        let transport = transport.clone();
        tokio::spawn(async move {
            // After a run the server stopped (unreachable, TLS, login refused),
            // the next waits longer each time: no login attempt every 2 s.
            let mut pause = DELIVERY_INTERVAL;
            loop {
                match deliver_due(&store, &settings, &transport, SystemClock.now()).await {
                    Ok(r) => {
                        if r.sent + r.failed + r.retrying > 0 {
                            tracing::info!(
                                sent = r.sent,
                                retrying = r.retrying,
                                failed = r.failed,
                                "delivery"
                            );
                        }
                        match &r.stopped {
                            Some(why) => {
                                pause = (pause * 2).min(DELIVERY_STOPPED_MAX_PAUSE);
                                tracing::error!(
                                    error = %why,
                                    retry_in_seconds = pause.as_secs(),
                                    "delivery stopped"
                                );
                            }
                            None => pause = DELIVERY_INTERVAL,
                        }
                    }
                    Err(e) => tracing::error!(error = %e, "delivery worker"),
                }
                tokio::time::sleep(pause).await;
            }
        })
    };

    // The promise watch: at-risk badges, notes to the lead, one honest update
    // before a promise would break.
    let watcher = {
        let store = ctx.store.clone();
        let settings = ctx.settings.clone();
        let templates = ctx.templates.clone();
        tokio::spawn(async move {
            loop {
                match kindly_app::promises::watch(&store, &settings, &templates, SystemClock.now())
                    .await
                {
                    Ok(r) if r != kindly_app::promises::WatchReport::default() => {
                        tracing::info!(
                            at_risk = r.at_risk,
                            updated = r.updated,
                            missed = r.missed,
                            dropped = r.dropped,
                            "promises"
                        );
                    }
                    Ok(_) => {}
                    Err(e) => tracing::error!(error = %e, "promise watch"),
                }
                tokio::time::sleep(PROMISE_INTERVAL).await;
            }
        })
    };

    // Mail posted by a provider's webhook and mail from IMAP take the same
    // intake as `kindly ingest`.
    let intake = kindly_app::Intake::new(
        ctx.store.clone(),
        ctx.settings.clone(),
        ctx.templates.clone(),
    );

    // The IMAP pollers: each mailbox on its own task; a failing one logs and
    // retries, the rest of `serve` goes on. `stop` asks them to finish.
    let (stop, stopping) = tokio::sync::watch::channel(false);
    let imap_health = kindly_app::imap::ImapHealth::new(
        ctx.settings.imap.iter().map(|m| m.name.clone()),
        SystemClock.now(),
    );
    let mut pollers = Vec::new();
    for mailbox in &ctx.settings.imap {
        let poller = kindly_app::imap::Poller::new(
            mailbox.clone(),
            intake.clone(),
            Arc::new(SystemClock),
            imap_health.clone(),
        )
        .map_err(|e| {
            Failure::new(
                exit::CONFIG,
                format!("IMAP mailbox {:?}: {e}", mailbox.name),
            )
        })?;
        pollers.push(tokio::spawn(poller.run(stopping.clone())));
    }

    let data = std::fs::canonicalize(&ctx.data_dir).unwrap_or_else(|_| ctx.data_dir.clone());
    println!("Kindly is listening on http://{addr}/");
    println!("Data lives in {} (database kindly.db)", data.display());
    println!("Outgoing mail goes to {}", transport.describe());
    if ctx.settings.inbound_token.is_some() {
        println!(
            "Mail by webhook: POST http://{addr}/inbound/mime (bearer token: [http] inbound_token)"
        );
    }

    for m in &ctx.settings.imap {
        println!(
            "Mail from IMAP: {} ({}@{}:{}, folder {})",
            m.name, m.username, m.host, m.port, m.folder
        );
    }

    let state = kindly_web::AppState::new(ctx.store.clone(), ctx.settings.clone())
        .with_intake(intake)
        .with_imap(imap_health);
    match ctx.store.users().await {
        Ok(users) if users.is_empty() => println!(
            "No accounts yet: create the first administrator at http://{addr}/setup?token={} \
             (or run `kindly user add EMAIL --role admin`)",
            state.setup_token()
        ),
        Ok(_) => {}
        Err(e) => eprintln!("kindly: warning: cannot list accounts: {e}"),
    }
    let app =
        kindly_web::router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    let served = axum::serve(listener, app)
        .with_graceful_shutdown(async move {
            shutdown_signal().await;
            // The pollers finish the mail in hand and log out.
            let _ = stop.send(true);
        })
        .await;
    // Also when the server ended on its own: dropping `stop` stops the pollers.
    for mut poller in pollers {
        if tokio::time::timeout(IMAP_STOP_GRACE, &mut poller)
            .await
            .is_err()
        {
            tracing::warn!("an IMAP poller did not stop in time; stopping it now");
            poller.abort();
        }
    }
    worker.abort();
    watcher.abort();
    crate::cli::close(ctx).await;
    served.map_err(|e| Failure::new(exit::IOERR, format!("HTTP server: {e}")))?;
    Ok(exit::OK)
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
