-- 001: the factory archive (表1): customers, models, units and their history, and the audit
-- trail. Forward-only: a later change is a new numbered file, never an edit of this one.
-- Instants are INTEGER seconds since 1970-01-01 UTC; dates are TEXT YYYY-MM-DD (local).

CREATE TABLE customer (
  id          INTEGER PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  contact     TEXT NOT NULL DEFAULT '',
  phone       TEXT NOT NULL DEFAULT '',
  email       TEXT NOT NULL DEFAULT '',
  address     TEXT NOT NULL DEFAULT '',
  region      TEXT NOT NULL DEFAULT '',
  is_key      INTEGER NOT NULL DEFAULT 0 CHECK (is_key IN (0, 1))
);

CREATE TABLE model (
  id               INTEGER PRIMARY KEY,
  code             TEXT NOT NULL UNIQUE,
  name             TEXT NOT NULL,
  category         TEXT NOT NULL,
  warranty_months  INTEGER NOT NULL CHECK (warranty_months > 0),
  warranty_km      INTEGER CHECK (warranty_km > 0),
  maintenance_days INTEGER CHECK (maintenance_days > 0),
  maintenance_km   INTEGER CHECK (maintenance_km > 0)
);

CREATE TABLE unit (
  id                    INTEGER PRIMARY KEY,
  serial                TEXT NOT NULL UNIQUE,
  model_id              INTEGER NOT NULL REFERENCES model (id),
  customer_id           INTEGER NOT NULL REFERENCES customer (id),
  vin                   TEXT NOT NULL DEFAULT '',
  engine_no             TEXT NOT NULL DEFAULT '',
  plate                 TEXT NOT NULL DEFAULT '',
  configuration         TEXT NOT NULL DEFAULT '',
  terms                 TEXT NOT NULL DEFAULT '',
  shipped_on            TEXT NOT NULL,
  contact               TEXT NOT NULL DEFAULT '',
  phone                 TEXT NOT NULL DEFAULT '',
  packing_list          TEXT NOT NULL DEFAULT '',
  contract_warranty_end TEXT,
  accepted_on           TEXT,
  accepted_by           TEXT NOT NULL DEFAULT '',
  odometer_km           INTEGER CHECK (odometer_km >= 0),
  odometer_on           TEXT
);
CREATE INDEX unit_model ON unit (model_id);
CREATE INDEX unit_customer ON unit (customer_id);

-- The archive's history: running, quality and service status, technical changes, major part
-- replacements (表1 B and E).
CREATE TABLE unit_note (
  id      INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES unit (id),
  kind    TEXT NOT NULL CHECK (kind IN ('status', 'quality', 'tech-change', 'part-replacement')),
  text    TEXT NOT NULL,
  at      INTEGER NOT NULL,
  actor   TEXT NOT NULL
);
CREATE INDEX unit_note_unit ON unit_note (unit_id);

-- Every mutation: who (acting user and OS login), when, what, before and after (JSON).
CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,
  at        INTEGER NOT NULL,
  actor     TEXT NOT NULL,
  login     TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  action    TEXT NOT NULL,
  before    TEXT NOT NULL DEFAULT '',
  after     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE INDEX audit_log_at ON audit_log (at);
