-- The agent's desk (issue 7): who works a ticket, internal notes, and saved
-- replies with a variant per language.
ALTER TABLE tickets ADD COLUMN assignee TEXT;
CREATE INDEX tickets_assignee_inbox ON tickets(assignee, status, inbox_rank, inbox_deadline, id);

-- Notes agents leave for each other on a ticket; never mailed to anyone.
CREATE TABLE notes (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_id  BIGINT  NOT NULL REFERENCES tickets(id),
    author     TEXT    NOT NULL,
    body       TEXT    NOT NULL,
    created_at BIGINT  NOT NULL
);
CREATE INDEX notes_ticket ON notes(ticket_id, id);

-- A saved reply has one text per language under one title.
CREATE TABLE saved_replies (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    title      TEXT    NOT NULL,
    lang       TEXT    NOT NULL,
    body       TEXT    NOT NULL,
    updated_by TEXT    NOT NULL,
    updated_at BIGINT  NOT NULL,
    UNIQUE (title, lang)
);
