-- Honest promises: every promise we state is recorded and settled.

-- A promise near its deadline without an answer (a badge in the queue).
ALTER TABLE tickets ADD COLUMN at_risk BOOLEAN NOT NULL DEFAULT FALSE;
-- The queue ahead of a new ticket: open tickets still waiting for an answer.
CREATE INDEX tickets_waiting ON tickets(status, first_response_at);
-- The measured answer rate: first responses in the last weeks.
CREATE INDEX tickets_first_response ON tickets(first_response_at);

CREATE TABLE promises (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_id     BIGINT  NOT NULL REFERENCES tickets(id),
    -- acknowledgement (the first promise) | update (a new time, stated before the old one broke)
    kind          TEXT    NOT NULL,
    made_at       BIGINT  NOT NULL,
    due_at        BIGINT  NOT NULL,
    -- tickets waiting ahead when it was made
    ahead         BIGINT  NOT NULL DEFAULT 0,
    -- later than the team's target: the lead was told
    beyond_target BOOLEAN NOT NULL DEFAULT FALSE,
    -- open | kept | missed | replaced
    state         TEXT    NOT NULL DEFAULT 'open',
    settled_at    BIGINT,
    team          TEXT    NOT NULL DEFAULT 'support'
);
CREATE INDEX promises_open ON promises(state, due_at);
CREATE INDEX promises_ticket ON promises(ticket_id);
