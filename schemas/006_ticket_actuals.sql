-- 006: what a service really cost and how it ended (issue 9).
-- The work record's hours, travel and parts become the ticket's actual lines, beside the
-- estimate the approvals signed (表5 and the paid/free repair approvals compare the two).
CREATE TABLE ticket_actual_line (
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

-- A work record (表6) is corrected as a new version until the ticket closes: work_record holds
-- the current version, work_record_version every one it replaced.
ALTER TABLE work_record ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE work_record ADD COLUMN km INTEGER CHECK (km >= 0);
CREATE TABLE work_record_version (
  ticket_id          INTEGER NOT NULL REFERENCES ticket (id),
  version            INTEGER NOT NULL,
  technicians        TEXT NOT NULL,
  arrived_at         INTEGER NOT NULL,
  finished_at        INTEGER NOT NULL,
  work_done          TEXT NOT NULL,
  labour_hours_centi INTEGER,
  travel_fen         INTEGER,
  signed_by          TEXT NOT NULL,
  signed_at          INTEGER NOT NULL,
  sealed             INTEGER NOT NULL CHECK (sealed IN (0, 1)),
  km                 INTEGER CHECK (km >= 0),
  replaced_at        INTEGER NOT NULL,
  replaced_by        TEXT NOT NULL,
  PRIMARY KEY (ticket_id, version)
);

-- A call settled on the phone (ticket resolve): the advice given instead of a site visit.
ALTER TABLE ticket ADD COLUMN advice TEXT NOT NULL DEFAULT '';
