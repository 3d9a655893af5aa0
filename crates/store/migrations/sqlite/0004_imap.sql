-- IMAP intake: where each mailbox's poller stands, so a restart neither loses
-- nor refetches mail. `account` names the mailbox (user@host:port/folder);
-- mail with a UID up to `last_uid` under `uid_validity` is taken in and
-- marked processed on the server. A new UIDVALIDITY starts the folder over
-- (intake is idempotent).
CREATE TABLE imap_state (
    account      TEXT   NOT NULL PRIMARY KEY,
    uid_validity BIGINT NOT NULL,
    last_uid     BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL
);
