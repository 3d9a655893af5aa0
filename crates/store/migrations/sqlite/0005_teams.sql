-- Teams: every ticket sits in one team's queue; the queue ahead of a new ticket,
-- the measured answer rate and the promise report are per team.
ALTER TABLE tickets ADD COLUMN team TEXT NOT NULL DEFAULT 'support';
CREATE INDEX tickets_team_waiting ON tickets(team, status, first_response_at);
CREATE INDEX tickets_team_first_response ON tickets(team, first_response_at);
