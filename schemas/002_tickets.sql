-- 002: service requests (表3) with their cost lines (表5, 维修项目表), SLA pauses and the signed
-- work record (表6); approvals of every form (表4, 表5, paid and free repairs, quality).

-- The last ticket number given per year: numbers are never reused.
CREATE TABLE ticket_sequence (
  year INTEGER PRIMARY KEY,
  last INTEGER NOT NULL
);

CREATE TABLE ticket (
  id               INTEGER PRIMARY KEY,
  number           TEXT NOT NULL UNIQUE,
  unit_id          INTEGER NOT NULL REFERENCES unit (id),
  customer_id      INTEGER NOT NULL REFERENCES customer (id),
  channel          TEXT NOT NULL,
  category         TEXT NOT NULL,
  description      TEXT NOT NULL,
  reported_at      INTEGER NOT NULL,
  km               INTEGER CHECK (km >= 0),
  coverage         TEXT NOT NULL CHECK (coverage IN ('warranty', 'paid')),
  coverage_reason  TEXT NOT NULL,
  priority         TEXT NOT NULL,
  due_at           INTEGER NOT NULL,
  state            TEXT NOT NULL,
  resume_state     TEXT NOT NULL,
  assignee         TEXT NOT NULL DEFAULT '',
  analysis         TEXT NOT NULL DEFAULT '',
  needs_factory    INTEGER NOT NULL DEFAULT 0,
  quality_claim    INTEGER NOT NULL DEFAULT 0,
  quality_confirmed INTEGER,
  waiver_requested INTEGER NOT NULL DEFAULT 0,
  waiver_reason    TEXT NOT NULL DEFAULT '',
  free_repair      INTEGER NOT NULL DEFAULT 0,
  itemised         INTEGER NOT NULL DEFAULT 0,
  contract_no      TEXT NOT NULL DEFAULT '',
  returned_reason  TEXT NOT NULL DEFAULT '',
  cancel_reason    TEXT NOT NULL DEFAULT '',
  visit_due_on     TEXT,
  opened_by        TEXT NOT NULL
);
CREATE INDEX ticket_unit ON ticket (unit_id);
CREATE INDEX ticket_state ON ticket (state);
CREATE INDEX ticket_reported ON ticket (reported_at);

CREATE TABLE ticket_cost_line (
  id             INTEGER PRIMARY KEY,
  ticket_id      INTEGER NOT NULL REFERENCES ticket (id),
  position       INTEGER NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('work', 'part', 'travel')),
  description    TEXT NOT NULL,
  quantity_milli INTEGER NOT NULL,
  unit_price_fen INTEGER NOT NULL,
  amount_fen     INTEGER NOT NULL,
  coverage       TEXT NOT NULL CHECK (coverage IN ('warranty', 'paid')),
  UNIQUE (ticket_id, position)
);

CREATE TABLE ticket_pause (
  id        INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL REFERENCES ticket (id),
  from_at   INTEGER NOT NULL,
  to_at     INTEGER,
  reason    TEXT NOT NULL
);
CREATE INDEX ticket_pause_ticket ON ticket_pause (ticket_id);

CREATE TABLE work_record (
  ticket_id          INTEGER PRIMARY KEY REFERENCES ticket (id),
  technicians        TEXT NOT NULL,  -- JSON array of names
  arrived_at         INTEGER NOT NULL,
  finished_at        INTEGER NOT NULL,
  work_done          TEXT NOT NULL,
  labour_hours_centi INTEGER,
  travel_fen         INTEGER,
  signed_by          TEXT NOT NULL,
  signed_at          INTEGER NOT NULL,
  sealed             INTEGER NOT NULL CHECK (sealed IN (0, 1))
);

CREATE TABLE approval (
  id           INTEGER PRIMARY KEY,
  form         TEXT NOT NULL,
  subject      TEXT NOT NULL,
  chain        TEXT NOT NULL,  -- JSON array of roles, in signing order
  state        TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'rejected', 'void')),
  requested_by TEXT NOT NULL,
  requested_at INTEGER NOT NULL,
  summary      TEXT NOT NULL,
  amount_fen   INTEGER
);
CREATE INDEX approval_subject ON approval (subject);
CREATE INDEX approval_state ON approval (state);

CREATE TABLE approval_signature (
  approval_id INTEGER NOT NULL REFERENCES approval (id),
  step        INTEGER NOT NULL,
  role        TEXT NOT NULL,
  user        TEXT NOT NULL,
  approved    INTEGER NOT NULL CHECK (approved IN (0, 1)),
  at          INTEGER NOT NULL,
  comment     TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (approval_id, step)
);
