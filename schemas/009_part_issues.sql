-- 009: warranty issues of parts (表11 备件出库申请单 with its 备件领料单) and gate passes (出门证)
-- for every shipment leaving the factory. Numbers PI-YYYY-NNNNNN and GP-YYYY-NNNNNN come from
-- one sequence per series and year (a sale's PS- may use it too).
CREATE TABLE record_sequence (
  series TEXT NOT NULL,     -- 'PI', 'GP', ...
  year   INTEGER NOT NULL,
  last   INTEGER NOT NULL,
  PRIMARY KEY (series, year)
);

CREATE TABLE part_issue (
  id           INTEGER PRIMARY KEY,
  number       TEXT NOT NULL UNIQUE,  -- PI-YYYY-NNNNNN
  ticket_id    INTEGER NOT NULL REFERENCES ticket (id),
  warehouse    TEXT NOT NULL,
  state        TEXT NOT NULL CHECK (state IN ('requested', 'approved', 'rejected', 'shipped')),
  requested_by TEXT NOT NULL,
  requested_at INTEGER NOT NULL,
  freight_fen  INTEGER CHECK (freight_fen >= 0),  -- 运费由我公司承担: set when shipped
  shipped_by   TEXT,
  shipped_at   INTEGER
);
CREATE INDEX part_issue_ticket ON part_issue (ticket_id);

-- 备件领料单: the lines, each at the part's unit price when it was requested.
CREATE TABLE part_issue_line (
  issue_id       INTEGER NOT NULL REFERENCES part_issue (id),
  position       INTEGER NOT NULL,
  part_id        INTEGER NOT NULL REFERENCES part (id),
  quantity       INTEGER NOT NULL CHECK (quantity > 0),
  unit_price_fen INTEGER NOT NULL CHECK (unit_price_fen >= 0),
  PRIMARY KEY (issue_id, position)
);

-- 出门证: one per shipment (a 表11 request, a sale), for its value; its approval's subject is
-- the GP- number.
CREATE TABLE gate_pass (
  id           INTEGER PRIMARY KEY,
  number       TEXT NOT NULL UNIQUE,  -- GP-YYYY-NNNNNN
  subject_kind TEXT NOT NULL,         -- 'part_issue', ...
  subject_id   TEXT NOT NULL,         -- PI-..., ...
  value_fen    INTEGER NOT NULL CHECK (value_fen >= 0),
  raised_by    TEXT NOT NULL,
  raised_at    INTEGER NOT NULL,
  UNIQUE (subject_kind, subject_id)
);
