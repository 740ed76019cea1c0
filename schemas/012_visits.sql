-- 012: follow-up visits (回访, 产品使用情况征询意见表, 表2). What is due is derived from the
-- ledger and the rulebook (new units, key customers, major warranty repairs, maintenance),
-- never stored; a visit records the due item it settled (its reason and key), how late, and
-- the five scores of 表2 when the form was filled in.

CREATE TABLE visit (
  id             INTEGER PRIMARY KEY,
  number         TEXT NOT NULL UNIQUE,                   -- VS-YYYY-NNNNNN (record_sequence 'VS')
  unit_id        INTEGER REFERENCES unit (id),           -- NULL: a visit to the customer
  customer_id    INTEGER NOT NULL REFERENCES customer (id),
  reason         TEXT NOT NULL
    CHECK (reason IN ('shipment', 'repair', 'key-customer', 'maintenance', 'other')),
  ticket_id      INTEGER REFERENCES ticket (id),
  visited_at     INTEGER NOT NULL,                       -- business time of the call
  visited_on     TEXT NOT NULL,                          -- its local date, YYYY-MM-DD
  visited_by     TEXT NOT NULL,
  -- 表2: 结构性能, 外观质量, 交货日期, 产品价格, 售后服务; all NULL when no form was filled in.
  score_structure  INTEGER CHECK (score_structure BETWEEN 1 AND 5),
  score_appearance INTEGER CHECK (score_appearance BETWEEN 1 AND 5),
  score_delivery   INTEGER CHECK (score_delivery BETWEEN 1 AND 5),
  score_price      INTEGER CHECK (score_price BETWEEN 1 AND 5),
  score_service    INTEGER CHECK (score_service BETWEEN 1 AND 5),
  suggestion     TEXT NOT NULL DEFAULT '',               -- 改进建议和要求
  settled_key    TEXT,                                   -- the due item settled; NULL: none
  settled_due_on TEXT,                                   -- its last day on time
  days_late      INTEGER NOT NULL DEFAULT 0 CHECK (days_late >= 0),
  recorded_at    INTEGER NOT NULL,
  recorded_by    TEXT NOT NULL,
  batch_id       INTEGER REFERENCES import_batch (id),
  UNIQUE (reason, settled_key)                           -- a due item is settled once
);
CREATE INDEX visit_unit ON visit (unit_id);
CREATE INDEX visit_customer ON visit (customer_id);
CREATE INDEX visit_visited_on ON visit (visited_on);
CREATE INDEX ticket_visit_due ON ticket (visit_due_on) WHERE visit_due_on IS NOT NULL;
