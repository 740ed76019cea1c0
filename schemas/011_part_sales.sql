-- 011: sales of parts outside warranty (三包期外备件销售) with their payments and promised
-- repayment dates, purchase plans (采购计划) and urgent part requests (急需备件申请表, 表13).
-- Whether a sale may ship is derived (payments, approvals, its purchase plan), never stored.

-- The last number given per kind (PS, PU, UR) and year: numbers are never reused.
CREATE TABLE part_sales_sequence (
  prefix TEXT NOT NULL,
  year   INTEGER NOT NULL,
  last   INTEGER NOT NULL,
  PRIMARY KEY (prefix, year)
);

CREATE TABLE part_sale (
  id          INTEGER PRIMARY KEY,
  number      TEXT NOT NULL UNIQUE,                   -- PS-YYYY-NNNNNN
  customer_id INTEGER NOT NULL REFERENCES customer (id),
  sold_on     TEXT NOT NULL,                          -- business date, YYYY-MM-DD
  sold_at     INTEGER NOT NULL,
  sold_by     TEXT NOT NULL,
  freight_fen INTEGER NOT NULL DEFAULT 0 CHECK (freight_fen >= 0),
  pickup      INTEGER NOT NULL DEFAULT 0 CHECK (pickup IN (0, 1)),  -- 自提: no freight
  contract    TEXT NOT NULL DEFAULT '',                             -- 购销合同 no.
  credit      INTEGER NOT NULL DEFAULT 0 CHECK (credit IN (0, 1)),  -- 赊销 asked
  guarantee   TEXT NOT NULL DEFAULT '',                             -- 担保: changes nothing
  large       INTEGER NOT NULL DEFAULT 0 CHECK (large IN (0, 1)),
  total_fen   INTEGER NOT NULL CHECK (total_fen >= 0),
  shipped_at  INTEGER
);
CREATE INDEX part_sale_sold_on ON part_sale (sold_on);

CREATE TABLE part_sale_line (
  sale_id        INTEGER NOT NULL REFERENCES part_sale (id),
  position       INTEGER NOT NULL,
  part_id        INTEGER NOT NULL REFERENCES part (id),
  quantity       INTEGER NOT NULL CHECK (quantity > 0),
  unit_price_fen INTEGER NOT NULL CHECK (unit_price_fen >= 0),  -- the price when sold
  PRIMARY KEY (sale_id, position)
);

CREATE TABLE part_sale_payment (
  id          INTEGER PRIMARY KEY,
  sale_id     INTEGER NOT NULL REFERENCES part_sale (id),
  amount_fen  INTEGER NOT NULL CHECK (amount_fen > 0),
  paid_on     TEXT NOT NULL,
  recorded_at INTEGER NOT NULL,
  recorded_by TEXT NOT NULL
);
CREATE INDEX part_sale_payment_sale ON part_sale_payment (sale_id);

-- Promised repayment dates (还款日期), the latest one in force.
CREATE TABLE part_sale_promise (
  id          INTEGER PRIMARY KEY,
  sale_id     INTEGER NOT NULL REFERENCES part_sale (id),
  promised_on TEXT NOT NULL,
  recorded_at INTEGER NOT NULL,
  recorded_by TEXT NOT NULL
);
CREATE INDEX part_sale_promise_sale ON part_sale_promise (sale_id);

CREATE TABLE purchase_plan (
  id          INTEGER PRIMARY KEY,
  number      TEXT NOT NULL UNIQUE,  -- PU-YYYY-NNNNNN
  origin      TEXT NOT NULL,         -- the PS- sale or UR- request that raised it
  state       TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'rejected', 'received')),
  raised_at   INTEGER NOT NULL,
  raised_by   TEXT NOT NULL,
  received_at INTEGER,
  received_by TEXT NOT NULL DEFAULT '',
  warehouse   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX purchase_plan_origin ON purchase_plan (origin);

CREATE TABLE purchase_plan_line (
  plan_id     INTEGER NOT NULL REFERENCES purchase_plan (id),
  position    INTEGER NOT NULL,
  part_id     INTEGER REFERENCES part (id),  -- NULL: a part not in the catalogue (表13)
  description TEXT NOT NULL,
  quantity    INTEGER NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (plan_id, position)
);

CREATE TABLE urgent_request (
  id           INTEGER PRIMARY KEY,
  number       TEXT NOT NULL UNIQUE,  -- UR-YYYY-NNNNNN
  ticket_id    INTEGER NOT NULL REFERENCES ticket (id),
  description  TEXT NOT NULL,
  part_id      INTEGER REFERENCES part (id),
  quantity     INTEGER NOT NULL CHECK (quantity > 0),
  reason       TEXT NOT NULL,
  state        TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'rejected', 'received')),
  requested_at INTEGER NOT NULL,
  requested_by TEXT NOT NULL,
  plan         TEXT NOT NULL DEFAULT ''  -- the PU- plan it became
);
