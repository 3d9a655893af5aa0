-- Agents' accounts and their sessions (issue 7).
CREATE TABLE users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    email         TEXT    NOT NULL UNIQUE,
    name          TEXT    NOT NULL,
    -- agent | admin
    role          TEXT    NOT NULL,
    -- the teams whose tickets the agent works, space-separated; admins see every team
    teams         TEXT    NOT NULL DEFAULT '',
    -- argon2id, PHC string
    password_hash TEXT    NOT NULL,
    created_at    BIGINT  NOT NULL,
    disabled      BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE sessions (
    -- SHA-256 of the cookie's secret: a stolen database holds no usable session
    token_hash   TEXT    PRIMARY KEY,
    user_id      BIGINT  NOT NULL REFERENCES users(id),
    -- the CSRF token every state-changing request of this session must carry
    csrf         TEXT    NOT NULL,
    created_at   BIGINT  NOT NULL,
    expires_at   BIGINT  NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE INDEX sessions_expiry ON sessions(expires_at);

-- Failed logins, per client address and per account (rate limiting that holds
-- across nodes and restarts).
CREATE TABLE login_failures (
    key TEXT   NOT NULL,
    at  BIGINT NOT NULL
);
CREATE INDEX login_failures_key ON login_failures(key, at);
