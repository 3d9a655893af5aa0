use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    /// The database cannot be opened or reached: callers exit with EX_TEMPFAIL.
    #[error("store unavailable: {0}")]
    Unavailable(String),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("schema migration {version} failed: {source}")]
    Migrate { version: i64, source: sqlx::Error },
    #[error(
        "the database schema is version {found}, newer than this kindly ({known}); upgrade kindly"
    )]
    TooNew { found: i64, known: i64 },
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
    /// An agent action names a ticket, message or event that does not exist.
    #[error("{0}")]
    NotFound(String),
    /// An agent action that cannot be done as asked (the message says why).
    #[error("{0}")]
    Refused(String),
}

impl StoreError {
    /// True when retrying later may succeed (locked or unreachable database, IO).
    pub fn is_transient(&self) -> bool {
        match self {
            StoreError::Unavailable(_) => true,
            StoreError::Database(e) => {
                matches!(
                    e,
                    sqlx::Error::Io(_) | sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed
                ) || e
                    .as_database_error()
                    .and_then(|d| d.code())
                    .is_some_and(|c| matches!(c.as_ref(), "5" | "6" | "10" | "13" | "14" | "517"))
            }
            _ => false,
        }
    }
}
