-- Kindly schema, first cut. Timestamps are Unix seconds (BIGINT), so the same
-- columns work on PostgreSQL; ids are 64-bit integers.

CREATE TABLE raw_messages (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    sha256      TEXT    NOT NULL UNIQUE,
    bytes       BLOB    NOT NULL,
    size        BIGINT  NOT NULL,
    received_at BIGINT  NOT NULL,
    source      TEXT    NOT NULL,
    -- received: stored, not yet processed; processed; duplicate (a re-delivery)
    status      TEXT    NOT NULL DEFAULT 'received'
);

CREATE TABLE customers (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    email       TEXT    NOT NULL UNIQUE,
    name        TEXT,
    language    TEXT,
    tz_offset   INTEGER,
    created_at  BIGINT  NOT NULL
);

CREATE TABLE tickets (
    id                       INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_id              BIGINT  NOT NULL REFERENCES customers(id),
    subject                  TEXT    NOT NULL,
    status                   TEXT    NOT NULL,
    language                 TEXT,
    priority                 TEXT    NOT NULL DEFAULT 'normal',
    anger                    REAL    NOT NULL DEFAULT 0,
    angry                    BOOLEAN NOT NULL DEFAULT FALSE,
    created_at               BIGINT  NOT NULL,
    updated_at               BIGINT  NOT NULL,
    promised_by              BIGINT,
    first_response_at        BIGINT,
    closed_at                BIGINT,
    repeats                  INTEGER NOT NULL DEFAULT 0,
    linked_to                BIGINT  REFERENCES tickets(id),
    last_customer_message_at BIGINT,
    last_status_update_at    BIGINT
);
CREATE INDEX tickets_customer ON tickets(customer_id, status);

CREATE TABLE participants (
    ticket_id BIGINT NOT NULL REFERENCES tickets(id),
    email     TEXT   NOT NULL,
    role      TEXT   NOT NULL,
    PRIMARY KEY (ticket_id, email)
);

CREATE TABLE messages (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    raw_id        BIGINT  REFERENCES raw_messages(id),
    ticket_id     BIGINT  REFERENCES tickets(id),
    message_id    TEXT    NOT NULL,
    content_hash  TEXT    NOT NULL,
    in_reply_to   TEXT,
    refs          TEXT,
    sender        TEXT,
    sender_name   TEXT,
    subject       TEXT    NOT NULL DEFAULT '',
    visible_text  TEXT    NOT NULL DEFAULT '',
    quoted_text   TEXT    NOT NULL DEFAULT '',
    attachments   TEXT    NOT NULL DEFAULT '[]',
    language      TEXT,
    anger         REAL    NOT NULL DEFAULT 0,
    angry         BOOLEAN NOT NULL DEFAULT FALSE,
    outcome       TEXT    NOT NULL,
    detail        TEXT,
    content_key   TEXT    NOT NULL DEFAULT '',
    warnings      TEXT    NOT NULL DEFAULT '[]',
    received_at   BIGINT  NOT NULL,
    UNIQUE (message_id, content_hash)
);
CREATE INDEX messages_ticket ON messages(ticket_id);
CREATE INDEX messages_outcome ON messages(outcome);

CREATE TABLE outbox (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_id    BIGINT  REFERENCES tickets(id),
    kind         TEXT    NOT NULL,
    to_addr      TEXT    NOT NULL,
    subject      TEXT    NOT NULL,
    body         TEXT    NOT NULL,
    message_id   TEXT    NOT NULL UNIQUE,
    in_reply_to  TEXT,
    refs         TEXT    NOT NULL DEFAULT '',
    language     TEXT,
    promised_by  BIGINT,
    status       TEXT    NOT NULL DEFAULT 'queued',
    attempts     INTEGER NOT NULL DEFAULT 0,
    next_try_at  BIGINT  NOT NULL,
    last_error   TEXT,
    created_at   BIGINT  NOT NULL,
    sent_at      BIGINT
);
CREATE INDEX outbox_due ON outbox(status, next_try_at);
CREATE INDEX outbox_ticket ON outbox(ticket_id);

CREATE TABLE events (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_id BIGINT REFERENCES tickets(id),
    kind      TEXT   NOT NULL,
    detail    TEXT   NOT NULL DEFAULT '{}',
    at        BIGINT NOT NULL
);
CREATE INDEX events_ticket ON events(ticket_id);
