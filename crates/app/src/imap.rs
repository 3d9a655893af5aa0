//! IMAP intake: each configured mailbox has a [`Poller`] that takes new mail
//! from one folder through [`Intake::ingest`] — the same path as `kindly
//! ingest` — and only then marks it processed on the server (moved to a
//! folder, or flagged `\Seen`/`\Flagged`).
//!
//! Where a folder stands is stored (`Store::imap_state`): the last UID taken
//! under its UIDVALIDITY. A restart asks for newer UIDs only; a mail taken in
//! but not yet marked (a crash in between) is fetched again and intake, being
//! idempotent, records nothing twice. A new UIDVALIDITY starts the folder over.
//!
//! The poller waits with IDLE where the server offers it, polls otherwise.
//! Connection loss, a refused login or a vanished folder are logged with what
//! to do and retried with capped exponential backoff; the poller never ends
//! `kindly serve`. [`ImapHealth`] holds what `/metrics` and `/healthz` show.

use std::fmt;
use std::io;
use std::path::Path;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};
use std::time::Duration;

use async_imap::extensions::idle::IdleResponse;
use async_imap::imap_proto::{Response, Status};
use futures_util::TryStreamExt;
use jiff::Timestamp;
use kindly_store::{ImapState, Store, StoreError};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio::sync::watch;
use tokio_rustls::TlsConnector;
use tokio_rustls::client::TlsStream;
use tokio_rustls::rustls;

use crate::clock::Clock;
use crate::intake::{Intake, IntakeError};
use crate::settings::{AfterIntake, ImapMailbox, ImapTls};

/// Longest wait for the TCP connection and the TLS handshake.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(30);
/// Longest wait for the answer to one command.
const COMMAND_TIMEOUT: Duration = Duration::from_secs(60);
/// Longest wait for one batch of mail to arrive.
const FETCH_TIMEOUT: Duration = Duration::from_secs(300);
/// Mails fetched per command.
const FETCH_BATCH: usize = 20;
/// The first pause after a failure; it doubles up to [`MAX_BACKOFF`].
const FIRST_BACKOFF: Duration = Duration::from_secs(1);
/// The longest pause between two attempts.
pub const MAX_BACKOFF: Duration = Duration::from_secs(300);

#[derive(Debug, thiserror::Error)]
pub enum ImapError {
    #[error("cannot connect to {addr}: {source} (is the server running, is the port right?)")]
    Connect { addr: String, source: io::Error },
    #[error("TLS with {host} failed: {message}")]
    Tls { host: String, message: String },
    #[error("CA file {path}: {message}")]
    CaFile { path: String, message: String },
    #[error("no answer from the server within {secs} s ({doing})")]
    Timeout { doing: &'static str, secs: u64 },
    #[error("connection lost ({doing}): {message}")]
    Lost {
        doing: &'static str,
        message: String,
    },
    #[error(
        "login refused for {user:?} at {host}: wrong username or password? (the server said: {message})"
    )]
    Login {
        user: String,
        host: String,
        message: String,
    },
    #[error(
        "{host} refuses passwords on an unencrypted connection: set tls = \"starttls\" or \"tls\" (the server said: {message})"
    )]
    PlaintextRefused { host: String, message: String },
    #[error(
        "folder {folder:?} does not exist on {host} (deleted or renamed? check `folder`); the server said: {message}"
    )]
    NoFolder {
        folder: String,
        host: String,
        message: String,
    },
    #[error("cannot create the folder {folder:?} for processed mail: {message}")]
    CreateFolder { folder: String, message: String },
    #[error("the server refused {doing}: {message}")]
    Refused {
        doing: &'static str,
        message: String,
    },
    #[error("IMAP protocol error ({doing}): {message}")]
    Protocol {
        doing: &'static str,
        message: String,
    },
    #[error("intake: {0}")]
    Intake(#[from] IntakeError),
    #[error("store: {0}")]
    Store(#[from] StoreError),
}

impl ImapError {
    /// An operator has to act (credentials, folder, TLS set-up) — logged as an
    /// error; the rest (network, server restarts) as a warning.
    pub fn needs_operator(&self) -> bool {
        matches!(
            self,
            ImapError::Login { .. }
                | ImapError::PlaintextRefused { .. }
                | ImapError::NoFolder { .. }
                | ImapError::CreateFolder { .. }
                | ImapError::Tls { .. }
                | ImapError::CaFile { .. }
        )
    }

    fn from_imap(doing: &'static str, e: async_imap::error::Error) -> ImapError {
        use async_imap::error::Error as E;
        match e {
            E::Io(io) => ImapError::Lost {
                doing,
                message: io.to_string(),
            },
            E::ConnectionLost => ImapError::Lost {
                doing,
                message: "the server closed the connection".to_string(),
            },
            E::No(message) | E::Bad(message) => ImapError::Refused { doing, message },
            other => ImapError::Protocol {
                doing,
                message: other.to_string(),
            },
        }
    }
}

/// Runs one IMAP step with a deadline.
async fn within<T>(
    limit: Duration,
    doing: &'static str,
    step: impl Future<Output = async_imap::error::Result<T>>,
) -> Result<T, ImapError> {
    match tokio::time::timeout(limit, step).await {
        Ok(r) => r.map_err(|e| ImapError::from_imap(doing, e)),
        Err(_) => Err(ImapError::Timeout {
            doing,
            secs: limit.as_secs(),
        }),
    }
}

/// A plain or TLS connection (the IMAP session is over one type).
enum Conn {
    Plain(TcpStream),
    Tls(Box<TlsStream<TcpStream>>),
}

impl fmt::Debug for Conn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Conn::Plain(_) => "Conn::Plain",
            Conn::Tls(_) => "Conn::Tls",
        })
    }
}

impl AsyncRead for Conn {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        match self.get_mut() {
            Conn::Plain(s) => Pin::new(s).poll_read(cx, buf),
            Conn::Tls(s) => Pin::new(s.as_mut()).poll_read(cx, buf),
        }
    }
}

impl AsyncWrite for Conn {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        match self.get_mut() {
            Conn::Plain(s) => Pin::new(s).poll_write(cx, buf),
            Conn::Tls(s) => Pin::new(s.as_mut()).poll_write(cx, buf),
        }
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self.get_mut() {
            Conn::Plain(s) => Pin::new(s).poll_flush(cx),
            Conn::Tls(s) => Pin::new(s.as_mut()).poll_flush(cx),
        }
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self.get_mut() {
            Conn::Plain(s) => Pin::new(s).poll_shutdown(cx),
            Conn::Tls(s) => Pin::new(s.as_mut()).poll_shutdown(cx),
        }
    }
}

type Session = async_imap::Session<Conn>;

/// What the server can do that we use.
#[derive(Clone, Copy, Debug, Default)]
struct Features {
    idle: bool,
    move_: bool,
    uidplus: bool,
}

/// One mailbox as `/metrics` and `/healthz` see it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MailboxStatus {
    /// Logged in, the folder selected, and the last look at it worked.
    pub up: bool,
    /// The last time the folder was looked at to the end.
    pub last_poll: Option<Timestamp>,
    /// When the oldest mail fetched but not yet taken in arrived at the server.
    pub oldest_pending: Option<Timestamp>,
    /// When the poller started (the lag before the first look).
    pub started: Option<Timestamp>,
    /// Why the last attempt failed, until one succeeds.
    pub last_error: Option<String>,
    /// Mails taken in since the start.
    pub taken: u64,
}

impl MailboxStatus {
    /// Seconds since the oldest mail waiting arrived, else since the last
    /// complete look at the folder (else since the start).
    pub fn lag_seconds(&self, now: Timestamp) -> u64 {
        self.oldest_pending
            .or(self.last_poll)
            .or(self.started)
            .map_or(0, |t| {
                u64::try_from(now.as_second() - t.as_second()).unwrap_or(0)
            })
    }
}

/// Every mailbox's status, shared by the pollers and the web side.
#[derive(Debug, Default)]
pub struct ImapHealth {
    boxes: Vec<(String, Mutex<MailboxStatus>)>,
}

impl ImapHealth {
    pub fn new(names: impl IntoIterator<Item = String>, started: Timestamp) -> Arc<ImapHealth> {
        Arc::new(ImapHealth {
            boxes: names
                .into_iter()
                .map(|n| {
                    (
                        n,
                        Mutex::new(MailboxStatus {
                            started: Some(started),
                            ..MailboxStatus::default()
                        }),
                    )
                })
                .collect(),
        })
    }

    pub fn is_empty(&self) -> bool {
        self.boxes.is_empty()
    }

    /// Name and status of each mailbox, in configuration order.
    pub fn snapshot(&self) -> Vec<(String, MailboxStatus)> {
        self.boxes
            .iter()
            .map(|(n, s)| {
                // A poisoned lock still holds a status worth showing.
                let s = s.lock().unwrap_or_else(PoisonError::into_inner).clone();
                (n.clone(), s)
            })
            .collect()
    }

    fn update(&self, name: &str, f: impl FnOnce(&mut MailboxStatus)) {
        if let Some((_, s)) = self.boxes.iter().find(|(n, _)| n == name) {
            f(&mut s.lock().unwrap_or_else(PoisonError::into_inner));
        }
    }
}

/// The pause before the next attempt: doubles from 1 s up to [`MAX_BACKOFF`].
#[derive(Debug)]
struct Backoff(Duration);

impl Backoff {
    fn new() -> Backoff {
        Backoff(FIRST_BACKOFF)
    }

    fn next(&mut self) -> Duration {
        let now = self.0;
        self.0 = (self.0 * 2).min(MAX_BACKOFF);
        now
    }

    fn reset(&mut self) {
        self.0 = FIRST_BACKOFF;
    }
}

fn stopped(stop: &watch::Receiver<bool>) -> bool {
    *stop.borrow()
}

/// Resolves when `stop` says true or its sender is gone.
async fn until_stopped(stop: &mut watch::Receiver<bool>) {
    loop {
        if *stop.borrow_and_update() {
            return;
        }
        if stop.changed().await.is_err() {
            return;
        }
    }
}

/// Sleeps `d` unless stopped first; true when stopped.
async fn sleep_or_stop(d: Duration, stop: &mut watch::Receiver<bool>) -> bool {
    tokio::select! {
        () = tokio::time::sleep(d) => {}
        () = until_stopped(stop) => {}
    }
    stopped(stop)
}

/// `1:3,7,9:10` for sorted UIDs.
fn uid_set(uids: &[u32]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < uids.len() {
        let start = uids[i];
        let mut end = start;
        while i + 1 < uids.len() && uids[i + 1] == end.saturating_add(1) {
            i += 1;
            end = uids[i];
        }
        if !out.is_empty() {
            out.push(',');
        }
        if start == end {
            out.push_str(&start.to_string());
        } else {
            out.push_str(&format!("{start}:{end}"));
        }
        i += 1;
    }
    out
}

/// The TLS set-up: `ca_file` (PEM) when given, else Mozilla's roots; ring as the provider.
fn tls_connector(ca_file: Option<&Path>) -> Result<TlsConnector, ImapError> {
    let mut roots = rustls::RootCertStore::empty();
    match ca_file {
        Some(path) => {
            use rustls::pki_types::CertificateDer;
            use rustls::pki_types::pem::PemObject;
            let bad = |message: String| ImapError::CaFile {
                path: path.display().to_string(),
                message,
            };
            let certs = CertificateDer::pem_file_iter(path).map_err(|e| bad(e.to_string()))?;
            for cert in certs {
                let cert = cert.map_err(|e| bad(e.to_string()))?;
                roots.add(cert).map_err(|e| bad(e.to_string()))?;
            }
            if roots.is_empty() {
                return Err(bad("no certificate in it".to_string()));
            }
        }
        None => roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned()),
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| ImapError::Tls {
            host: String::new(),
            message: e.to_string(),
        })?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(TlsConnector::from(Arc::new(config)))
}

/// What one look at a folder did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PollReport {
    /// Mails taken in (duplicates included) and marked processed.
    pub taken: usize,
}

/// Takes mail from one IMAP mailbox.
pub struct Poller<S: Store> {
    mailbox: ImapMailbox,
    account: String,
    source: String,
    intake: Intake<S>,
    clock: Arc<dyn Clock>,
    health: Arc<ImapHealth>,
    tls: Option<TlsConnector>,
}

impl<S: Store> Poller<S> {
    /// Fails only on a TLS set-up that cannot work (an unreadable CA file).
    pub fn new(
        mailbox: ImapMailbox,
        intake: Intake<S>,
        clock: Arc<dyn Clock>,
        health: Arc<ImapHealth>,
    ) -> Result<Poller<S>, ImapError> {
        let tls = match mailbox.tls {
            ImapTls::None => None,
            ImapTls::StartTls | ImapTls::Tls => Some(tls_connector(mailbox.ca_file.as_deref())?),
        };
        // New tickets from this mailbox join its team's queue.
        let intake = intake.for_team(&mailbox.team);
        Ok(Poller {
            account: mailbox.account(),
            source: format!("imap:{}", mailbox.name),
            mailbox,
            intake,
            clock,
            health,
            tls,
        })
    }

    fn name(&self) -> &str {
        &self.mailbox.name
    }

    /// Runs until `stop` says true (or its sender is dropped): connects,
    /// takes mail, waits for more; on failure logs why and retries later.
    pub async fn run(self, mut stop: watch::Receiver<bool>) {
        let mut backoff = Backoff::new();
        while !stopped(&stop) {
            match self.session(&mut stop, &mut backoff).await {
                Ok(()) => break,
                Err(e) => {
                    let wait = backoff.next();
                    self.health.update(self.name(), |s| {
                        s.up = false;
                        s.last_error = Some(e.to_string());
                    });
                    if e.needs_operator() {
                        tracing::error!(
                            mailbox = %self.mailbox.name,
                            "IMAP mailbox {:?}: {e}; retrying in {} s",
                            self.mailbox.name,
                            wait.as_secs()
                        );
                    } else {
                        tracing::warn!(
                            mailbox = %self.mailbox.name,
                            "IMAP mailbox {:?}: {e}; retrying in {} s",
                            self.mailbox.name,
                            wait.as_secs()
                        );
                    }
                    if sleep_or_stop(wait, &mut stop).await {
                        break;
                    }
                }
            }
        }
        self.health.update(self.name(), |s| s.up = false);
        tracing::info!(mailbox = %self.mailbox.name, "IMAP poller stopped");
    }

    /// One look at the folder: connect, take what is new, log out.
    pub async fn poll_once(&self) -> Result<PollReport, ImapError> {
        // Nobody stops a single look; the sender lives to the end of it.
        let (_keep, mut stop) = watch::channel(false);
        let (mut session, features, mut state) = self.open().await?;
        let report = self
            .scan(&mut session, features, &mut state, &mut stop)
            .await;
        self.logout(session).await;
        report
    }

    /// Connected, logged in, the processed folder there, the folder selected.
    async fn open(&self) -> Result<(Session, Features, ImapState), ImapError> {
        let mut session = self.connect().await?;
        let caps = within(COMMAND_TIMEOUT, "CAPABILITY", session.capabilities()).await?;
        let features = Features {
            idle: caps.has_str("IDLE"),
            move_: caps.has_str("MOVE"),
            uidplus: caps.has_str("UIDPLUS"),
        };
        if let AfterIntake::Move(to) = &self.mailbox.after {
            self.ensure_folder(&mut session, to).await?;
        }
        let selected = match within(
            COMMAND_TIMEOUT,
            "SELECT",
            session.select(&self.mailbox.folder),
        )
        .await
        {
            Ok(m) => m,
            Err(ImapError::Refused { message, .. }) => {
                return Err(ImapError::NoFolder {
                    folder: self.mailbox.folder.clone(),
                    host: self.mailbox.host.clone(),
                    message,
                });
            }
            Err(e) => return Err(e),
        };
        let state = self.position(selected.uid_validity.unwrap_or(0)).await?;
        Ok((session, features, state))
    }

    async fn connect(&self) -> Result<Session, ImapError> {
        let m = &self.mailbox;
        let addr = format!("{}:{}", m.host, m.port);
        let tcp = match tokio::time::timeout(
            CONNECT_TIMEOUT,
            TcpStream::connect((m.host.as_str(), m.port)),
        )
        .await
        {
            Ok(Ok(tcp)) => tcp,
            Ok(Err(source)) => return Err(ImapError::Connect { addr, source }),
            Err(_) => {
                return Err(ImapError::Timeout {
                    doing: "connecting",
                    secs: CONNECT_TIMEOUT.as_secs(),
                });
            }
        };
        let _ = tcp.set_nodelay(true);
        let conn = match m.tls {
            ImapTls::Tls => Conn::Tls(Box::new(self.handshake(tcp).await?)),
            ImapTls::None | ImapTls::StartTls => Conn::Plain(tcp),
        };
        let mut client = async_imap::Client::new(conn);
        self.greeting(&mut client).await?;
        if m.tls == ImapTls::StartTls {
            within(
                COMMAND_TIMEOUT,
                "STARTTLS",
                client.run_command_and_check_ok("STARTTLS", None),
            )
            .await?;
            let Conn::Plain(tcp) = client.into_inner() else {
                return Err(ImapError::Protocol {
                    doing: "STARTTLS",
                    message: "the connection is encrypted already".to_string(),
                });
            };
            client = async_imap::Client::new(Conn::Tls(Box::new(self.handshake(tcp).await?)));
        }
        match tokio::time::timeout(
            COMMAND_TIMEOUT,
            client.login(&m.username, m.password.expose()),
        )
        .await
        {
            Ok(Ok(session)) => Ok(session),
            Ok(Err((async_imap::error::Error::No(message), _)))
            | Ok(Err((async_imap::error::Error::Bad(message), _))) => {
                if message.contains("PRIVACYREQUIRED") || message.contains("Plaintext") {
                    Err(ImapError::PlaintextRefused {
                        host: m.host.clone(),
                        message,
                    })
                } else {
                    Err(ImapError::Login {
                        user: m.username.clone(),
                        host: m.host.clone(),
                        message,
                    })
                }
            }
            Ok(Err((e, _))) => Err(ImapError::from_imap("LOGIN", e)),
            Err(_) => Err(ImapError::Timeout {
                doing: "LOGIN",
                secs: COMMAND_TIMEOUT.as_secs(),
            }),
        }
    }

    async fn handshake(&self, tcp: TcpStream) -> Result<TlsStream<TcpStream>, ImapError> {
        let host = &self.mailbox.host;
        let tls_error = |message: String| ImapError::Tls {
            host: host.clone(),
            message,
        };
        let Some(connector) = &self.tls else {
            return Err(tls_error("TLS is not set up".to_string()));
        };
        let name = rustls::pki_types::ServerName::try_from(host.clone())
            .map_err(|e| tls_error(format!("{host:?} is not a host name: {e}")))?;
        match tokio::time::timeout(CONNECT_TIMEOUT, connector.connect(name, tcp)).await {
            Ok(Ok(s)) => Ok(s),
            Ok(Err(e)) => Err(tls_error(e.to_string())),
            Err(_) => Err(ImapError::Timeout {
                doing: "TLS handshake",
                secs: CONNECT_TIMEOUT.as_secs(),
            }),
        }
    }

    /// The server's first line: OK (or PREAUTH) to go on, BYE when it will not serve us.
    async fn greeting(&self, client: &mut async_imap::Client<Conn>) -> Result<(), ImapError> {
        let line = match tokio::time::timeout(COMMAND_TIMEOUT, client.read_response()).await {
            Ok(Ok(Some(line))) => line,
            Ok(Ok(None)) => {
                return Err(ImapError::Lost {
                    doing: "greeting",
                    message: "the server closed the connection before greeting".to_string(),
                });
            }
            Ok(Err(e)) => {
                return Err(ImapError::Lost {
                    doing: "greeting",
                    message: e.to_string(),
                });
            }
            Err(_) => {
                return Err(ImapError::Timeout {
                    doing: "greeting",
                    secs: COMMAND_TIMEOUT.as_secs(),
                });
            }
        };
        if let Response::Data {
            status: Status::Bye | Status::No | Status::Bad,
            outcome,
        } = line.parsed()
        {
            return Err(ImapError::Refused {
                doing: "the connection",
                message: outcome.information.as_deref().unwrap_or("").to_string(),
            });
        }
        Ok(())
    }

    /// Creates the folder for processed mail unless it exists.
    async fn ensure_folder(&self, session: &mut Session, folder: &str) -> Result<(), ImapError> {
        match within(COMMAND_TIMEOUT, "CREATE", session.create(folder)).await {
            Ok(()) => {
                tracing::info!(
                    mailbox = %self.mailbox.name,
                    "IMAP mailbox {:?}: created the folder {folder:?} for processed mail",
                    self.mailbox.name
                );
                Ok(())
            }
            Err(ImapError::Refused { message, .. })
                if message.contains("ALREADYEXISTS")
                    || message.to_lowercase().contains("exists") =>
            {
                Ok(())
            }
            Err(ImapError::Refused { message, .. }) => Err(ImapError::CreateFolder {
                folder: folder.to_string(),
                message,
            }),
            Err(e) => Err(e),
        }
    }

    /// The stored position, or a fresh one when the folder is new to us or its
    /// UIDVALIDITY changed.
    async fn position(&self, validity: u32) -> Result<ImapState, ImapError> {
        let store = self.intake.store();
        let fresh = ImapState {
            uid_validity: validity,
            last_uid: 0,
        };
        match store.imap_state(&self.account).await? {
            Some(s) if s.uid_validity == validity => return Ok(s),
            Some(s) => tracing::warn!(
                mailbox = %self.mailbox.name,
                "IMAP mailbox {:?}: UIDVALIDITY of {:?} changed ({} → {validity}): reading the whole folder again; mail already taken in is recognised and not recorded twice",
                self.mailbox.name,
                self.mailbox.folder,
                s.uid_validity
            ),
            None => tracing::info!(
                mailbox = %self.mailbox.name,
                "IMAP mailbox {:?}: first look at {:?}, taking every mail in it",
                self.mailbox.name,
                self.mailbox.folder
            ),
        }
        store
            .set_imap_state(&self.account, fresh, self.clock.now())
            .await?;
        Ok(fresh)
    }

    /// Connects and serves the folder until stopped (`Ok`) or something fails.
    async fn session(
        &self,
        stop: &mut watch::Receiver<bool>,
        backoff: &mut Backoff,
    ) -> Result<(), ImapError> {
        let (mut session, features, mut state) = self.open().await?;
        let idle = self.mailbox.idle && features.idle;
        backoff.reset();
        self.health.update(self.name(), |s| {
            s.up = true;
            s.last_error = None;
        });
        tracing::info!(
            mailbox = %self.mailbox.name,
            "IMAP mailbox {:?}: connected to {}:{} as {:?}, folder {:?}, {}",
            self.mailbox.name,
            self.mailbox.host,
            self.mailbox.port,
            self.mailbox.username,
            self.mailbox.folder,
            if idle { "waiting with IDLE" } else { "polling" }
        );
        // One immediate look again after a scan the server talked during; a
        // second in a row waits for IDLE or the poll (never a busy loop).
        let mut looked_again = false;
        loop {
            self.scan(&mut session, features, &mut state, stop).await?;
            // Mail that arrived while we scanned is announced in the answers to
            // the scan's own commands, not later in IDLE: if the server said
            // anything meanwhile, look again before going idle (at worst one
            // empty search — our own moves answer with EXPUNGE too).
            let mut announced = false;
            while session.unsolicited_responses.try_recv().is_ok() {
                announced = true;
            }
            if stopped(stop) {
                break;
            }
            if announced && !looked_again {
                looked_again = true;
                continue;
            }
            looked_again = false;
            if idle {
                let mut handle = session.idle();
                within(COMMAND_TIMEOUT, "IDLE", handle.init()).await?;
                let woke = {
                    let (wait, _interrupt) = handle.wait_with_timeout(self.mailbox.poll_interval);
                    tokio::select! {
                        r = wait => Some(r),
                        () = until_stopped(stop) => None,
                    }
                };
                tracing::debug!(
                    mailbox = %self.mailbox.name,
                    "IDLE ended: {}",
                    match &woke {
                        None => "stopping",
                        Some(Ok(IdleResponse::Timeout)) => "time to look again",
                        Some(Ok(IdleResponse::NewData(_))) => "the server has news",
                        Some(Ok(IdleResponse::ManualInterrupt)) => "the connection ended",
                        Some(Err(_)) => "an error",
                    }
                );
                session = within(COMMAND_TIMEOUT, "IDLE DONE", handle.done()).await?;
                match woke {
                    None => break,
                    Some(Ok(IdleResponse::NewData(_) | IdleResponse::Timeout)) => {}
                    Some(Ok(IdleResponse::ManualInterrupt)) => {
                        return Err(ImapError::Lost {
                            doing: "IDLE",
                            message: "the server closed the connection".to_string(),
                        });
                    }
                    Some(Err(e)) => return Err(ImapError::from_imap("IDLE", e)),
                }
            } else if sleep_or_stop(self.mailbox.poll_interval, stop).await {
                break;
            }
        }
        self.logout(session).await;
        Ok(())
    }

    async fn logout(&self, mut session: Session) {
        let _ = tokio::time::timeout(Duration::from_secs(5), session.logout()).await;
    }

    /// Takes every mail newer than `state`, in UID order: intake commits it,
    /// then it is marked processed on the server, then the position is stored.
    async fn scan(
        &self,
        session: &mut Session,
        features: Features,
        state: &mut ImapState,
        stop: &mut watch::Receiver<bool>,
    ) -> Result<PollReport, ImapError> {
        let mut report = PollReport::default();
        // NOOP first: a server reports mail delivered since our last command
        // only when asked (without it a poll found new mail one interval late).
        within(COMMAND_TIMEOUT, "NOOP", session.noop()).await?;
        let query = format!("UID {}:*", state.last_uid.saturating_add(1));
        let mut uids: Vec<u32> = within(COMMAND_TIMEOUT, "UID SEARCH", session.uid_search(&query))
            .await?
            .into_iter()
            // `n:*` always matches the newest mail, even below n.
            .filter(|u| *u > state.last_uid)
            .collect();
        uids.sort_unstable();
        for chunk in uids.chunks(FETCH_BATCH) {
            if stopped(stop) {
                return Ok(report);
            }
            let set = uid_set(chunk);
            let fetched: Vec<async_imap::types::Fetch> =
                within(FETCH_TIMEOUT, "UID FETCH", async {
                    session
                        .uid_fetch(&set, "(UID INTERNALDATE BODY.PEEK[])")
                        .await?
                        .try_collect()
                        .await
                })
                .await?;
            let mut mails: Vec<(u32, Option<Timestamp>, &[u8])> = Vec::new();
            for f in &fetched {
                // Unsolicited FETCH responses (flag changes) may come along.
                let Some(uid) = f.uid.filter(|u| chunk.binary_search(u).is_ok()) else {
                    continue;
                };
                let Some(body) = f.body() else {
                    tracing::warn!(
                        mailbox = %self.mailbox.name,
                        "IMAP mailbox {:?}: UID {uid} came without its content; left in the folder",
                        self.mailbox.name
                    );
                    continue;
                };
                let arrived = f
                    .internal_date()
                    .and_then(|d| Timestamp::from_second(d.timestamp()).ok());
                mails.push((uid, arrived, body));
            }
            mails.sort_by_key(|m| m.0);
            mails.dedup_by_key(|m| m.0);
            if let Some(oldest) = mails.iter().filter_map(|m| m.1).min() {
                self.health.update(self.name(), |s| {
                    s.oldest_pending = Some(s.oldest_pending.map_or(oldest, |o| o.min(oldest)));
                });
            }
            let mut done = Vec::new();
            let mut failure = None;
            for (uid, _, bytes) in &mails {
                // The mail in hand finishes; the next waits for the next start.
                if stopped(stop) {
                    break;
                }
                match self
                    .intake
                    .ingest(bytes, self.clock.now(), &self.source)
                    .await
                {
                    Ok(r) => {
                        tracing::info!(
                            mailbox = %self.mailbox.name,
                            uid,
                            outcome = ?r.outcome,
                            ticket = ?r.ticket,
                            message_id = r.message_id.as_deref().unwrap_or(""),
                            "IMAP mail taken in"
                        );
                        done.push(*uid);
                    }
                    Err(e) => {
                        failure = Some(e);
                        break;
                    }
                }
            }
            if let Some(&last) = done.last() {
                self.mark_processed(session, features, &done).await?;
                state.last_uid = last;
                self.intake
                    .store()
                    .set_imap_state(&self.account, *state, self.clock.now())
                    .await?;
                report.taken += done.len();
                let n = u64::try_from(done.len()).unwrap_or(u64::MAX);
                self.health
                    .update(self.name(), |s| s.taken = s.taken.saturating_add(n));
            }
            if let Some(e) = failure {
                return Err(e.into());
            }
            if done.len() < mails.len() {
                return Ok(report);
            }
        }
        let now = self.clock.now();
        self.health.update(self.name(), |s| {
            s.up = true;
            s.last_poll = Some(now);
            s.oldest_pending = None;
            s.last_error = None;
        });
        Ok(report)
    }

    /// Moves or flags mail whose intake committed.
    async fn mark_processed(
        &self,
        session: &mut Session,
        features: Features,
        uids: &[u32],
    ) -> Result<(), ImapError> {
        let mut sorted = uids.to_vec();
        sorted.sort_unstable();
        let set = uid_set(&sorted);
        match &self.mailbox.after {
            AfterIntake::Seen => store_flags(session, &set, "+FLAGS.SILENT (\\Seen)").await,
            AfterIntake::Flag => store_flags(session, &set, "+FLAGS.SILENT (\\Flagged)").await,
            AfterIntake::Move(to) if features.move_ => {
                within(COMMAND_TIMEOUT, "UID MOVE", session.uid_mv(&set, to)).await
            }
            AfterIntake::Move(to) => {
                within(COMMAND_TIMEOUT, "UID COPY", session.uid_copy(&set, to)).await?;
                store_flags(session, &set, "+FLAGS.SILENT (\\Deleted)").await?;
                if features.uidplus {
                    within(COMMAND_TIMEOUT, "UID EXPUNGE", async {
                        session
                            .uid_expunge(&set)
                            .await?
                            .try_collect::<Vec<_>>()
                            .await
                    })
                    .await
                    .map(drop)
                } else {
                    within(COMMAND_TIMEOUT, "EXPUNGE", async {
                        session.expunge().await?.try_collect::<Vec<_>>().await
                    })
                    .await
                    .map(drop)
                }
            }
        }
    }
}

/// `UID STORE set flags`, its answers read to the end.
async fn store_flags(session: &mut Session, set: &str, flags: &str) -> Result<(), ImapError> {
    within(COMMAND_TIMEOUT, "UID STORE", async {
        session
            .uid_store(set, flags)
            .await?
            .try_collect::<Vec<_>>()
            .await
    })
    .await
    .map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uid_sets_are_compact() {
        assert_eq!(uid_set(&[]), "");
        assert_eq!(uid_set(&[4]), "4");
        assert_eq!(uid_set(&[1, 2, 3, 7, 9, 10]), "1:3,7,9:10");
        assert_eq!(
            uid_set(&[u32::MAX - 1, u32::MAX]),
            format!("{}:{}", u32::MAX - 1, u32::MAX)
        );
    }

    #[test]
    fn backoff_doubles_to_its_cap_and_resets() {
        let mut b = Backoff::new();
        let waits: Vec<u64> = (0..12).map(|_| b.next().as_secs()).collect();
        assert_eq!(&waits[..5], &[1, 2, 4, 8, 16]);
        assert_eq!(*waits.last().unwrap(), MAX_BACKOFF.as_secs());
        assert!(waits.iter().all(|w| *w <= MAX_BACKOFF.as_secs()));
        b.reset();
        assert_eq!(b.next(), FIRST_BACKOFF);
    }

    #[test]
    fn lag_counts_from_the_oldest_waiting_mail_else_the_last_look() {
        let t = |s: i64| Timestamp::from_second(s).unwrap();
        let mut s = MailboxStatus {
            started: Some(t(1000)),
            ..MailboxStatus::default()
        };
        assert_eq!(s.lag_seconds(t(1030)), 30);
        s.last_poll = Some(t(1020));
        assert_eq!(s.lag_seconds(t(1030)), 10);
        s.oldest_pending = Some(t(900));
        assert_eq!(s.lag_seconds(t(1030)), 130);
        assert_eq!(
            s.lag_seconds(t(800)),
            0,
            "a clock behind is no negative lag"
        );
    }

    #[test]
    fn health_is_shared_by_name() {
        let h = ImapHealth::new(["a".to_string(), "b".to_string()], Timestamp::UNIX_EPOCH);
        h.update("b", |s| s.taken = 3);
        h.update("nope", |s| s.taken = 9);
        let snap = h.snapshot();
        assert_eq!(snap.len(), 2);
        assert_eq!((snap[0].1.taken, snap[1].1.taken), (0, 3));
    }

    #[test]
    fn operator_errors_are_told_apart_from_network_ones() {
        let login = ImapError::Login {
            user: "u".into(),
            host: "h".into(),
            message: "[AUTHENTICATIONFAILED] Authentication failed.".into(),
        };
        assert!(login.needs_operator());
        assert!(login.to_string().contains("wrong username or password"));
        let lost = ImapError::from_imap("IDLE", async_imap::error::Error::ConnectionLost);
        assert!(!lost.needs_operator());
        assert!(lost.to_string().contains("connection lost"));
    }

    #[tokio::test]
    async fn positions_are_stored_per_account() {
        let store = kindly_store::SqliteStore::in_memory().await.unwrap();
        assert_eq!(store.imap_state("a").await.unwrap(), None);
        let s = ImapState {
            uid_validity: 7,
            last_uid: 42,
        };
        store
            .set_imap_state("a", s, Timestamp::UNIX_EPOCH)
            .await
            .unwrap();
        let s2 = ImapState {
            uid_validity: 8,
            last_uid: 0,
        };
        store
            .set_imap_state("a", s2, Timestamp::UNIX_EPOCH)
            .await
            .unwrap();
        assert_eq!(store.imap_state("a").await.unwrap(), Some(s2));
        assert_eq!(store.imap_state("b").await.unwrap(), None);
    }
}
