-- 010: parts used on the work record (表6) and the returns of failed parts they owe (退库单,
-- 表12): over [parts] return_over a replaced part comes back, QC inspects it, the warehouse
-- books it into the defective warehouse (a stock move of kind return).
CREATE TABLE work_record_part (
  ticket_id      INTEGER NOT NULL REFERENCES ticket (id),
  part_id        INTEGER NOT NULL REFERENCES part (id),
  quantity       INTEGER NOT NULL CHECK (quantity > 0),
  unit_price_fen INTEGER NOT NULL CHECK (unit_price_fen >= 0),  -- as recorded
  PRIMARY KEY (ticket_id, part_id)
);

CREATE TABLE part_return_sequence (
  year INTEGER PRIMARY KEY,
  last INTEGER NOT NULL
);

CREATE TABLE part_return (
  id              INTEGER PRIMARY KEY,               -- the line (`part return LINE`)
  ticket_id       INTEGER NOT NULL REFERENCES ticket (id),
  part_id         INTEGER NOT NULL REFERENCES part (id),
  quantity        INTEGER NOT NULL CHECK (quantity > 0),
  unit_price_fen  INTEGER NOT NULL CHECK (unit_price_fen >= 0),
  owed_since      TEXT NOT NULL,                     -- YYYY-MM-DD: the record's finish
  received_on     TEXT,                              -- came back
  number          TEXT UNIQUE,                       -- RT-YYYY-NNNNNN once received
  wrong           INTEGER NOT NULL DEFAULT 0 CHECK (wrong IN (0, 1)),  -- 配件出货正确率
  result          TEXT CHECK (result IN ('pass', 'fail')),
  inspection_note TEXT NOT NULL DEFAULT '',
  inspected_by    TEXT NOT NULL DEFAULT '',
  move_id         INTEGER REFERENCES stock_move (id),  -- booked into the defective warehouse
  UNIQUE (ticket_id, part_id)
);
