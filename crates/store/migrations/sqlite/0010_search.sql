-- Inbox search by ticket, in inbox order (issue 7, bench/web.sh): one
-- full-text row per ticket whose rowid *is* the ticket's place in the inbox,
-- so a search reads its matches most urgent first and stops after a page.
--
-- search_key = inbox_rank · 2^61 + deadline minute · 2^35 + id, where the
-- deadline minute is MIN(MAX(inbox_deadline, 0) / 60, 2^26 - 2) and a ticket
-- without a promise (inbox_deadline = i64::MAX) gets 2^26 - 1 of its own.
-- Rowid order is therefore the inbox order (inbox_rank, inbox_deadline, id)
-- except between tickets whose deadlines fall in the same minute, which
-- `inbox()` sorts exactly; ids must stay below 2^35 (34 billion).
ALTER TABLE tickets ADD COLUMN search_key INTEGER GENERATED ALWAYS AS (
    inbox_rank * 2305843009213693952
    + (CASE WHEN inbox_deadline = 9223372036854775807 THEN 67108863
            ELSE MIN(MAX(inbox_deadline, 0) / 60, 67108862) END) * 34359738368
    + id) VIRTUAL;

-- subject: every message's subject; body: every message's visible text (the
-- same text message_search holds per message), messages separated by U+E000,
-- a token no search can name (the query builder drops private-use
-- characters), so a phrase never spans two messages. facets: the filters as
-- tokens, so FTS5 intersects them with the words: 's' || status,
-- 't' || hex(team), 'l' || hex(language). A merged ticket has no row.
-- Contentless with contentless_delete (SQLite 3.43+, bundled): a row is
-- replaced by rowid without its old text.
CREATE VIRTUAL TABLE ticket_search USING fts5(
    subject, body, facets,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- (Re)indexing ticket X is "delete its row, insert it again from tickets and
-- messages"; the triggers below repeat that statement for each cause.
CREATE TRIGGER tickets_search_insert AFTER INSERT ON tickets BEGIN
    INSERT INTO ticket_search(rowid, subject, body, facets)
    SELECT t.search_key,
        (SELECT group_concat(m.subject, ' ' || char(57344) || ' ') FROM messages m WHERE m.ticket_id = t.id),
        (SELECT group_concat(m.visible_text, ' ' || char(57344) || ' ') FROM messages m WHERE m.ticket_id = t.id),
        's' || t.status || ' t' || hex(t.team) || ' l' || hex(coalesce(t.language, ''))
    FROM tickets t WHERE t.id = new.id AND t.merged_into IS NULL;
END;

CREATE TRIGGER tickets_search_update
AFTER UPDATE OF id, status, priority, promised_by, team, language, merged_into ON tickets
WHEN old.search_key IS NOT new.search_key OR old.status IS NOT new.status
    OR old.team IS NOT new.team OR old.language IS NOT new.language
    OR old.merged_into IS NOT new.merged_into
BEGIN
    DELETE FROM ticket_search WHERE rowid = old.search_key AND old.merged_into IS NULL;
    INSERT INTO ticket_search(rowid, subject, body, facets)
    SELECT t.search_key,
        (SELECT group_concat(m.subject, ' ' || char(57344) || ' ') FROM messages m WHERE m.ticket_id = t.id),
        (SELECT group_concat(m.visible_text, ' ' || char(57344) || ' ') FROM messages m WHERE m.ticket_id = t.id),
        's' || t.status || ' t' || hex(t.team) || ' l' || hex(coalesce(t.language, ''))
    FROM tickets t WHERE t.id = new.id AND t.merged_into IS NULL;
END;

CREATE TRIGGER tickets_search_delete AFTER DELETE ON tickets WHEN old.merged_into IS NULL BEGIN
    DELETE FROM ticket_search WHERE rowid = old.search_key;
END;

CREATE TRIGGER messages_ticket_search_insert AFTER INSERT ON messages
WHEN new.ticket_id IS NOT NULL BEGIN
    DELETE FROM ticket_search WHERE rowid =
        (SELECT search_key FROM tickets WHERE id = new.ticket_id AND merged_into IS NULL);
    INSERT INTO ticket_search(rowid, subject, body, facets)
    SELECT t.search_key,
        (SELECT group_concat(m.subject, ' ' || char(57344) || ' ') FROM messages m WHERE m.ticket_id = t.id),
        (SELECT group_concat(m.visible_text, ' ' || char(57344) || ' ') FROM messages m WHERE m.ticket_id = t.id),
        's' || t.status || ' t' || hex(t.team) || ' l' || hex(coalesce(t.language, ''))
    FROM tickets t WHERE t.id = new.ticket_id AND t.merged_into IS NULL;
END;

CREATE TRIGGER messages_ticket_search_delete AFTER DELETE ON messages
WHEN old.ticket_id IS NOT NULL BEGIN
    DELETE FROM ticket_search WHERE rowid =
        (SELECT search_key FROM tickets WHERE id = old.ticket_id AND merged_into IS NULL);
    INSERT INTO ticket_search(rowid, subject, body, facets)
    SELECT t.search_key,
        (SELECT group_concat(m.subject, ' ' || char(57344) || ' ') FROM messages m WHERE m.ticket_id = t.id),
        (SELECT group_concat(m.visible_text, ' ' || char(57344) || ' ') FROM messages m WHERE m.ticket_id = t.id),
        's' || t.status || ' t' || hex(t.team) || ' l' || hex(coalesce(t.language, ''))
    FROM tickets t WHERE t.id = old.ticket_id AND t.merged_into IS NULL;
END;

-- A message moved between tickets (merge, split, undo) or edited: both
-- tickets again (the second pair only when the ticket changed).
CREATE TRIGGER messages_ticket_search_update
AFTER UPDATE OF ticket_id, subject, visible_text ON messages
WHEN old.ticket_id IS NOT new.ticket_id OR old.subject IS NOT new.subject
    OR old.visible_text IS NOT new.visible_text
BEGIN
    DELETE FROM ticket_search WHERE rowid =
        (SELECT search_key FROM tickets WHERE id = new.ticket_id AND merged_into IS NULL);
    INSERT INTO ticket_search(rowid, subject, body, facets)
    SELECT t.search_key,
        (SELECT group_concat(m.subject, ' ' || char(57344) || ' ') FROM messages m WHERE m.ticket_id = t.id),
        (SELECT group_concat(m.visible_text, ' ' || char(57344) || ' ') FROM messages m WHERE m.ticket_id = t.id),
        's' || t.status || ' t' || hex(t.team) || ' l' || hex(coalesce(t.language, ''))
    FROM tickets t WHERE t.id = new.ticket_id AND t.merged_into IS NULL;
    DELETE FROM ticket_search WHERE old.ticket_id IS NOT new.ticket_id AND rowid =
        (SELECT search_key FROM tickets WHERE id = old.ticket_id AND merged_into IS NULL);
    INSERT INTO ticket_search(rowid, subject, body, facets)
    SELECT t.search_key,
        (SELECT group_concat(m.subject, ' ' || char(57344) || ' ') FROM messages m WHERE m.ticket_id = t.id),
        (SELECT group_concat(m.visible_text, ' ' || char(57344) || ' ') FROM messages m WHERE m.ticket_id = t.id),
        's' || t.status || ' t' || hex(t.team) || ' l' || hex(coalesce(t.language, ''))
    FROM tickets t WHERE old.ticket_id IS NOT new.ticket_id
        AND t.id = old.ticket_id AND t.merged_into IS NULL;
END;

-- Existing tickets: every message of a ticket at once (one pass over the
-- messages by ticket).
INSERT INTO ticket_search(rowid, subject, body, facets)
SELECT t.search_key,
    (SELECT group_concat(m.subject, ' ' || char(57344) || ' ') FROM messages m WHERE m.ticket_id = t.id),
    (SELECT group_concat(m.visible_text, ' ' || char(57344) || ' ') FROM messages m WHERE m.ticket_id = t.id),
    's' || t.status || ' t' || hex(t.team) || ' l' || hex(coalesce(t.language, ''))
FROM tickets t WHERE t.merged_into IS NULL;
