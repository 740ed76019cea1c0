-- 017: 表7's costs read each cost line's kind and amount from this index alone, not from the
-- line's row (issue 12, item 6: a month's report reads its month).
CREATE INDEX ticket_actual_cost ON ticket_actual_line (ticket_id, kind, amount_fen);
