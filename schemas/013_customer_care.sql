-- 013: customer care (issue 11): the annual satisfaction survey (顾客满意度调查表, 表9,
-- JL-8.1-01), complaints and suggestions (客户投诉, 客户意见及建议) and the handover training of
-- delivered units (新车交接培训). Each row may come from an import batch (batch_id). 012 (the
-- follow-up visits, 表2) is another branch's; this file only needs 011.
CREATE TABLE survey (
  id              INTEGER PRIMARY KEY,
  customer_id     INTEGER NOT NULL REFERENCES customer (id),
  year            INTEGER NOT NULL,                  -- the survey's year (its fourth quarter)
  -- 表2's five dimensions, 1-5: 结构性能, 外观质量, 交货日期, 产品价格, 售后服务
  score_structure   INTEGER NOT NULL CHECK (score_structure BETWEEN 1 AND 5),
  score_appearance  INTEGER NOT NULL CHECK (score_appearance BETWEEN 1 AND 5),
  score_delivery    INTEGER NOT NULL CHECK (score_delivery BETWEEN 1 AND 5),
  score_price       INTEGER NOT NULL CHECK (score_price BETWEEN 1 AND 5),
  score_service     INTEGER NOT NULL CHECK (score_service BETWEEN 1 AND 5),
  suggestion      TEXT NOT NULL DEFAULT '',         -- 改进建议和要求
  surveyed_at     INTEGER NOT NULL,                  -- business time, seconds since the epoch
  recorded_by     TEXT NOT NULL,
  batch_id        INTEGER REFERENCES import_batch (id),
  UNIQUE (customer_id, year)                         -- once a year
);

CREATE TABLE complaint (
  id            INTEGER PRIMARY KEY,
  number        TEXT NOT NULL UNIQUE,                -- CP-YYYY-NNNNNN (record_sequence "CP")
  kind          TEXT NOT NULL CHECK (kind IN ('complaint', 'suggestion')),
  customer_id   INTEGER NOT NULL REFERENCES customer (id),
  unit_id       INTEGER REFERENCES unit (id),
  ticket_id     INTEGER REFERENCES ticket (id),
  category      TEXT NOT NULL,
  text          TEXT NOT NULL,
  opened_at     INTEGER NOT NULL,
  deadline      TEXT NOT NULL,                       -- YYYY-MM-DD, the last day on time
  opened_by     TEXT NOT NULL,
  closed_at     INTEGER,
  resolution    TEXT NOT NULL DEFAULT '',
  confirmed_by  TEXT NOT NULL DEFAULT '',            -- the customer who confirmed it
  closed_by     TEXT NOT NULL DEFAULT '',
  batch_id      INTEGER REFERENCES import_batch (id)
);
CREATE INDEX complaint_unit ON complaint (unit_id);

CREATE TABLE training_record (
  id          INTEGER PRIMARY KEY,
  unit_id     INTEGER NOT NULL REFERENCES unit (id),
  trained_on  TEXT NOT NULL,                         -- YYYY-MM-DD
  trainer     TEXT NOT NULL,
  passed      INTEGER NOT NULL CHECK (passed IN (0, 1)),
  note        TEXT NOT NULL DEFAULT '',
  recorded_by TEXT NOT NULL,
  batch_id    INTEGER REFERENCES import_batch (id)
);
CREATE INDEX training_record_unit ON training_record (unit_id);
