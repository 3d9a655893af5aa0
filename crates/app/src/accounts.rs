//! Agents' accounts and sessions: argon2id password hashes, sessions kept in
//! our own store (the cookie carries a random secret; the store keeps only its
//! SHA-256), a CSRF token per session, and failed logins rate-limited per
//! client address and per account (in the store, so it holds across nodes).

use argon2::Argon2;
use argon2::password_hash::rand_core::{OsRng, RngCore};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use jiff::{SignedDuration, Timestamp};
use kindly_store::{NewUser, SessionRow, Store, StoreError, UserRow};
use sha2::{Digest, Sha256};

use crate::settings::Settings;

/// A session lasts this long from login (then the agent logs in again).
pub const SESSION_LIFETIME: SignedDuration = SignedDuration::from_hours(12);
/// Failed logins are counted over this window.
pub const FAILURE_WINDOW: SignedDuration = SignedDuration::from_mins(15);
/// Failed logins for one account within the window before it is refused for a while.
pub const MAX_FAILURES_PER_ACCOUNT: i64 = 5;
/// Failed logins from one client address within the window.
pub const MAX_FAILURES_PER_ADDRESS: i64 = 20;
/// Shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 10;

#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Bad input; the text says what is wrong.
    #[error("{0}")]
    Invalid(String),
    #[error("password hashing failed: {0}")]
    Hash(String),
}

#[derive(Debug, thiserror::Error)]
pub enum LoginError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Wrong address or password (never says which).
    #[error("the address or the password is wrong")]
    Wrong,
    /// Too many failures lately: try again later.
    #[error("too many failed logins; try again in {minutes} minutes")]
    Throttled { minutes: i64 },
}

/// Who may do what.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Works the tickets of their teams.
    Agent,
    /// Sees every team; manages accounts.
    Admin,
}

impl Role {
    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "agent" => Some(Role::Agent),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Agent => "agent",
            Role::Admin => "admin",
        }
    }
}

/// May `user` see a ticket of `team`? Admins see every team; an agent sees
/// the teams of their account.
pub fn can_see(user: &UserRow, team: &str) -> bool {
    user.role == Role::Admin.as_str() || user.teams.iter().any(|t| t == team)
}

/// A fresh random 256-bit token, hex-encoded (the first-run set-up link).
pub fn random_token() -> String {
    random_hex(32)
}

fn random_hex(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    OsRng.fill_bytes(&mut buf);
    hex::encode(buf)
}

/// The stored form of a session secret.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// An argon2id PHC string for `password`.
pub fn hash_password(password: &str) -> Result<String, AccountError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AccountError::Hash(e.to_string()))
}

fn verify_password(password: &str, phc: &str) -> bool {
    PasswordHash::new(phc)
        .map(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

/// What a new account needs.
pub struct UserSpec<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub role: Role,
    /// Team names; empty: the default team (agents only).
    pub teams: &'a [String],
    pub password: &'a str,
}

/// Adds an account after checking its address, teams and password.
pub async fn add_user<S: Store>(
    store: &S,
    settings: &Settings,
    spec: &UserSpec<'_>,
    now: Timestamp,
) -> Result<i64, AccountError> {
    let email = spec.email.trim().to_lowercase();
    if email.parse::<lettre::Address>().is_err() {
        return Err(AccountError::Invalid(format!(
            "{email:?} is not an e-mail address"
        )));
    }
    let name = spec.name.trim();
    let name = if name.is_empty() {
        email.as_str()
    } else {
        name
    };
    if name.chars().any(char::is_control) {
        return Err(AccountError::Invalid(
            "the name has control characters".into(),
        ));
    }
    check_password(spec.password)?;
    let mut teams: Vec<String> = Vec::new();
    for t in spec.teams {
        let t = t.trim();
        if settings.teams.find(t).is_none() {
            let known: Vec<&str> = settings.teams.iter().map(|t| t.name.as_str()).collect();
            return Err(AccountError::Invalid(format!(
                "{t:?} is no team (teams: {})",
                known.join(", ")
            )));
        }
        if !teams.iter().any(|x| x == t) {
            teams.push(t.to_string());
        }
    }
    if teams.is_empty() {
        teams.push(settings.teams.default_team().name.clone());
    }
    let hash = hash_password(spec.password)?;
    let id = store
        .add_user(&NewUser {
            email: &email,
            name,
            role: spec.role.as_str(),
            teams: &teams,
            password_hash: &hash,
            created_at: now,
        })
        .await
        .map_err(|e| match e {
            StoreError::Refused(m) => AccountError::Invalid(m),
            other => AccountError::Store(other),
        })?;
    Ok(id)
}

/// A password we accept: long enough, not only spaces.
pub fn check_password(password: &str) -> Result<(), AccountError> {
    if password.trim().chars().count() < MIN_PASSWORD_CHARS {
        return Err(AccountError::Invalid(format!(
            "the password needs at least {MIN_PASSWORD_CHARS} characters"
        )));
    }
    Ok(())
}

/// A session just started: the cookie's secret and the CSRF token.
#[derive(Debug)]
pub struct NewSession {
    pub token: String,
    pub csrf: String,
    pub expires_at: Timestamp,
    pub user: UserRow,
}

/// Checks the address and password; a failure counts against the account and
/// the client address, and too many of either refuse further tries for a while.
pub async fn login<S: Store>(
    store: &S,
    email: &str,
    password: &str,
    client: &str,
    now: Timestamp,
) -> Result<NewSession, LoginError> {
    let email = email.trim().to_lowercase();
    let keys = [format!("account:{email}"), format!("address:{client}")];
    let since = now.checked_sub(FAILURE_WINDOW).unwrap_or(now);
    let account_failures = store.login_failures_since(&keys[0], since).await?;
    let address_failures = store.login_failures_since(&keys[1], since).await?;
    if account_failures >= MAX_FAILURES_PER_ACCOUNT || address_failures >= MAX_FAILURES_PER_ADDRESS
    {
        return Err(LoginError::Throttled {
            minutes: FAILURE_WINDOW.as_mins(),
        });
    }
    let user = store.user_by_email(&email).await?;
    // Verify even without an account, so the time taken does not tell which
    // addresses have one.
    let ok = match &user {
        Some(u) if !u.disabled => verify_password(password, &u.password_hash),
        _ => {
            let _ = verify_password(password, &DUMMY_HASH);
            false
        }
    };
    let Some(user) = user.filter(|_| ok) else {
        store.record_login_failure(&keys, now).await?;
        return Err(LoginError::Wrong);
    };
    store.clear_login_failures(&keys[..1]).await?;
    let token = random_hex(32);
    let csrf = random_hex(32);
    let expires_at = now.checked_add(SESSION_LIFETIME).unwrap_or(now);
    store
        .create_session(&token_hash(&token), user.id, &csrf, now, expires_at)
        .await?;
    Ok(NewSession {
        token,
        csrf,
        expires_at,
        user,
    })
}

/// An argon2id hash of a random password nobody knows (for constant-time
/// misses); empty if hashing failed, which only makes a miss faster.
static DUMMY_HASH: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| hash_password(&random_hex(16)).unwrap_or_default());

/// The live session a cookie's secret names.
pub async fn session<S: Store>(
    store: &S,
    token: &str,
    now: Timestamp,
) -> Result<Option<SessionRow>, StoreError> {
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(None);
    }
    store.session(&token_hash(token), now).await
}

/// Ends the session a cookie's secret names.
pub async fn logout<S: Store>(store: &S, token: &str, now: Timestamp) -> Result<(), StoreError> {
    store.delete_session(&token_hash(token), now).await
}

/// Compares two tokens in time independent of where they differ.
pub fn same_token(a: &str, b: &str) -> bool {
    let (x, y) = (Sha256::digest(a.as_bytes()), Sha256::digest(b.as_bytes()));
    x.iter()
        .zip(y.iter())
        .fold(0u8, |acc, (p, q)| acc | (p ^ q))
        == 0
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use kindly_store::SqliteStore;

    fn t(s: &str) -> Timestamp {
        s.parse().expect("timestamp")
    }

    fn settings() -> Settings {
        Settings::from_env(&[]).expect("defaults")
    }

    #[test]
    fn hashes_verify_and_differ_by_salt() {
        let a = hash_password("correct horse battery").unwrap();
        let b = hash_password("correct horse battery").unwrap();
        assert_ne!(a, b);
        assert!(a.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", &a));
        assert!(!verify_password("correct horse battery!", &a));
        assert!(!verify_password("anything", "not a hash"));
        assert!(
            PasswordHash::new(&DUMMY_HASH).is_ok(),
            "the dummy hash parses"
        );
    }

    #[tokio::test]
    async fn login_logout_expiry_and_throttling() {
        let store = SqliteStore::in_memory().await.unwrap();
        let now = t("2026-03-02T08:00:00Z");
        let spec = UserSpec {
            email: "Anna@Acme.example",
            name: "Anna",
            role: Role::Agent,
            teams: &[],
            password: "long enough secret",
        };
        add_user(&store, &settings(), &spec, now).await.unwrap();
        assert!(matches!(
            add_user(&store, &settings(), &spec, now).await,
            Err(AccountError::Invalid(m)) if m.contains("already")
        ));
        let short = UserSpec {
            email: "b@acme.example",
            password: "short",
            ..spec
        };
        assert!(matches!(
            add_user(&store, &settings(), &short, now).await,
            Err(AccountError::Invalid(_))
        ));
        let team = UserSpec {
            email: "c@acme.example",
            teams: &["nowhere".to_string()],
            ..spec
        };
        assert!(
            matches!(add_user(&store, &settings(), &team, now).await, Err(AccountError::Invalid(m)) if m.contains("no team"))
        );

        let s = login(
            &store,
            "anna@acme.example",
            "long enough secret",
            "10.0.0.1",
            now,
        )
        .await
        .unwrap();
        assert_eq!(s.user.teams, ["support"]);
        let live = session(&store, &s.token, now).await.unwrap().unwrap();
        assert_eq!(live.csrf, s.csrf);
        assert!(same_token(&live.csrf, &s.csrf) && !same_token(&live.csrf, "x"));
        // Expired after its lifetime; gone after logout.
        let later = now.checked_add(SESSION_LIFETIME).unwrap();
        assert!(session(&store, &s.token, later).await.unwrap().is_none());
        logout(&store, &s.token, now).await.unwrap();
        assert!(session(&store, &s.token, now).await.unwrap().is_none());
        assert!(session(&store, "not-hex", now).await.unwrap().is_none());

        // Five wrong passwords lock the account for the window, even with the right one.
        for _ in 0..MAX_FAILURES_PER_ACCOUNT {
            assert!(matches!(
                login(
                    &store,
                    "anna@acme.example",
                    "wrong password",
                    "10.0.0.2",
                    now
                )
                .await,
                Err(LoginError::Wrong)
            ));
        }
        assert!(matches!(
            login(
                &store,
                "anna@acme.example",
                "long enough secret",
                "10.0.0.3",
                now
            )
            .await,
            Err(LoginError::Throttled { .. })
        ));
        let after = now
            .checked_add(FAILURE_WINDOW + SignedDuration::from_secs(1))
            .unwrap();
        assert!(
            login(
                &store,
                "anna@acme.example",
                "long enough secret",
                "10.0.0.3",
                after
            )
            .await
            .is_ok()
        );
        // Unknown accounts are "wrong", like wrong passwords, and count per address.
        for i in 0..MAX_FAILURES_PER_ADDRESS {
            let who = format!("nobody{i}@acme.example");
            assert!(matches!(
                login(&store, &who, "whatever pass", "10.9.9.9", after).await,
                Err(LoginError::Wrong)
            ));
        }
        assert!(matches!(
            login(
                &store,
                "anna@acme.example",
                "long enough secret",
                "10.9.9.9",
                after
            )
            .await,
            Err(LoginError::Throttled { .. })
        ));
    }
}
