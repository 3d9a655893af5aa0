-- Repeats and agent tools: stored fingerprints, the similar-ticket LSH index,
-- merges and undo.

-- Each message's text fingerprint (kindly_text::Fingerprint::encode), so repeat
-- detection reads it instead of recomputing the customer's earlier mails.
-- NULL for mail stored before this migration: recomputed from visible_text.
ALTER TABLE messages ADD COLUMN fingerprint BLOB;
CREATE INDEX messages_sender ON messages(sender, ticket_id);

-- A merged ticket is closed and points at the ticket that took its messages.
ALTER TABLE tickets ADD COLUMN merged_into BIGINT REFERENCES tickets(id);

-- The event that undid this one (merge, split, automatic fold).
ALTER TABLE events ADD COLUMN undone_by BIGINT REFERENCES events(id);

-- What a ticket is about (its first message's fingerprint with the subject's
-- terms), for `kindly similar`, and its LSH band keys (i64 little-endian each).
CREATE TABLE ticket_prints (
    ticket_id BIGINT PRIMARY KEY REFERENCES tickets(id),
    print     BLOB   NOT NULL,
    bands     BLOB
);

-- The band index of the tickets that are not closed: tickets sharing a band
-- are candidates for "the same problem" (kindly_text::SIMILAR_BANDS). Closing
-- a ticket takes its rows out, reopening puts them back from ticket_prints, so
-- the index grows with the open work, not with the archive.
-- No index by ticket: a ticket's rows are found (to take them out) through the
-- band keys kept in ticket_prints, so every new ticket pays one B-tree, not two.
CREATE TABLE ticket_bands (
    band      BIGINT NOT NULL,
    ticket_id BIGINT NOT NULL REFERENCES tickets(id),
    PRIMARY KEY (band, ticket_id)
) WITHOUT ROWID;
