-- The inbox over every status, and by language (issue 7's load benchmark,
-- bench/web.sh): without these, `?status=all` (an IN over the four statuses)
-- and `?lang=xx&status=all` read every ticket and sort them, ~1 s at a
-- million tickets. With them the page is read in order and stops at its 51st row.
-- (`inbox()` leaves the status out of the query when all four are asked for.)
CREATE INDEX tickets_inbox_all ON tickets(inbox_rank, inbox_deadline, id);
CREATE INDEX tickets_language_inbox ON tickets(language, inbox_rank, inbox_deadline, id);
