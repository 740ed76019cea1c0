-- 008: spare parts (备件): the catalogue and its stock moves per warehouse. Stock is the sum of
-- the moves and never below zero (the core checks it inside the write transaction).
CREATE TABLE part (
  id             INTEGER PRIMARY KEY,
  number         TEXT NOT NULL UNIQUE,
  name           TEXT NOT NULL,
  spec           TEXT NOT NULL DEFAULT '',
  unit           TEXT NOT NULL DEFAULT '',
  unit_price_fen INTEGER NOT NULL CHECK (unit_price_fen >= 0),
  major          INTEGER NOT NULL DEFAULT 0 CHECK (major IN (0, 1)),  -- 重要部件
  reorder_level  INTEGER CHECK (reorder_level >= 0),                  -- `part list --low`
  batch_id       INTEGER REFERENCES import_batch (id)
);

CREATE TABLE stock_move (
  id        INTEGER PRIMARY KEY,
  part_id   INTEGER NOT NULL REFERENCES part (id),
  warehouse TEXT NOT NULL,
  kind      TEXT NOT NULL CHECK (kind IN ('receive', 'issue', 'return', 'adjust', 'ship')),
  quantity  INTEGER NOT NULL CHECK (quantity <> 0),  -- signed: in > 0, out < 0
  at        INTEGER NOT NULL,                        -- business time
  actor     TEXT NOT NULL,
  reference TEXT NOT NULL DEFAULT '',  -- what it belongs to: a 表11 request, a sale, a note no.
  reason    TEXT NOT NULL DEFAULT '',
  batch_id  INTEGER REFERENCES import_batch (id)
);
CREATE INDEX stock_move_part ON stock_move (part_id, warehouse);
