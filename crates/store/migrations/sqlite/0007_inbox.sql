-- The inbox (issue 7): what needs a human first, paged by key, searchable.
-- Rank 0 urgent, 1 high, 2 normal (angry and repeated tickets rank up); then
-- the promise's deadline (none: last); then the oldest first.
ALTER TABLE tickets ADD COLUMN inbox_rank INTEGER
    GENERATED ALWAYS AS (CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 ELSE 2 END) VIRTUAL;
ALTER TABLE tickets ADD COLUMN inbox_deadline INTEGER
    GENERATED ALWAYS AS (COALESCE(promised_by, 9223372036854775807)) VIRTUAL;
CREATE INDEX tickets_inbox ON tickets(status, inbox_rank, inbox_deadline, id);
CREATE INDEX tickets_team_inbox ON tickets(team, status, inbox_rank, inbox_deadline, id);

-- Full-text search over every message's subject and visible text.
CREATE VIRTUAL TABLE message_search USING fts5(
    subject, visible_text,
    content = 'messages', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER messages_search_insert AFTER INSERT ON messages BEGIN
    INSERT INTO message_search(rowid, subject, visible_text)
    VALUES (new.id, new.subject, new.visible_text);
END;
CREATE TRIGGER messages_search_delete AFTER DELETE ON messages BEGIN
    INSERT INTO message_search(message_search, rowid, subject, visible_text)
    VALUES ('delete', old.id, old.subject, old.visible_text);
END;
CREATE TRIGGER messages_search_update AFTER UPDATE OF subject, visible_text ON messages BEGIN
    INSERT INTO message_search(message_search, rowid, subject, visible_text)
    VALUES ('delete', old.id, old.subject, old.visible_text);
    INSERT INTO message_search(rowid, subject, visible_text)
    VALUES (new.id, new.subject, new.visible_text);
END;
INSERT INTO message_search(message_search) VALUES ('rebuild');
