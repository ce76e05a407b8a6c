-- billing-service, issue #15 (a budget of 20,000 expense lines; ingestion at national scale).
-- 1. GET /budget/{year} reads one page of the year's expense lines in a stable order (payment date, then id) and sums
--    them per category: this index serves the page in order (no sort of every line of the year, only the page's rows
--    read) and carries the category and the amount for the sums. It also serves every read by school year, so the
--    plain index on school_year goes.
CREATE INDEX budget_expense_year_paid ON budget_expense (school_year, paid_on, id) INCLUDE (category, amount);
DROP INDEX budget_expense_year;

-- 2. Every access-started writes its class_access row and each of its indexes. class_access_member_year (V4) is read by
--    nothing any more: the period reads through V6's two covering indexes, access-ended through the primary key. One
--    index fewer written per class ingested.
DROP INDEX class_access_member_year;

-- 3. contribution_call.replaces_call_id (V4) references contribution_call: deleting a draft (a recomputation removes the
--    drafts of members no longer liable) made PostgreSQL look for calls replacing it by reading the whole table, once
--    per deleted draft. Only the few replacing calls have it set.
CREATE INDEX contribution_call_replaces ON contribution_call (replaces_call_id) WHERE replaces_call_id IS NOT NULL;
