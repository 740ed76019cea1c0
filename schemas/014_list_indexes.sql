-- 014: indexes for lists and exports that stream (issue 12, item 5): each filter on a business
-- date reads its range instead of the whole table.
CREATE INDEX unit_shipped_on ON unit (shipped_on);
CREATE INDEX stock_move_at ON stock_move (at);
CREATE INDEX work_record_arrived ON work_record (arrived_at);
