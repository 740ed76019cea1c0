-- 015: indexes for the monthly reports (issue 12, item 6), so that a month's figures read the
-- month's rows and not the whole ledger:
-- 表7's counts group the tickets reported in the month by coverage, free repair, state and
-- category: an index holding them all is read alone (it replaces 002's ticket_reported, its
-- first column, which serves every other range on reported_at the same way);
-- 表7's costs are those of the tickets whose work record finished in the month.
CREATE INDEX ticket_reported_counts ON ticket (reported_at, coverage, free_repair, state, category);
DROP INDEX ticket_reported;
CREATE INDEX work_record_finished ON work_record (finished_at);
