-- 003: batch imports. Each run is a recorded batch; every row it wrote carries the batch, and
-- the values before of every row it updated are kept, which is what `import revert` needs.
-- A change typed by hand clears a row's batch: the row is no longer the batch's to revert.

CREATE TABLE import_batch (
  id          INTEGER PRIMARY KEY,
  entity      TEXT NOT NULL,
  files       TEXT NOT NULL,  -- JSON: [{"path", "sha256", "encoding", "records"}]
  mapping     TEXT NOT NULL,  -- the mapping file, or "built-in"
  mode        TEXT NOT NULL,  -- stop | skip
  new_rows    INTEGER NOT NULL DEFAULT 0,
  unchanged   INTEGER NOT NULL DEFAULT 0,
  updated     INTEGER NOT NULL DEFAULT 0,
  rejected    INTEGER NOT NULL DEFAULT 0,
  actor       TEXT NOT NULL,
  login       TEXT NOT NULL,
  at          INTEGER NOT NULL,
  reverted_at INTEGER,
  reverted_by TEXT
);

CREATE TABLE import_before (
  batch_id  INTEGER NOT NULL REFERENCES import_batch (id),
  entity_id TEXT NOT NULL,  -- the natural key
  before    TEXT NOT NULL,  -- JSON of the row's importable fields before the batch
  before_batch INTEGER,     -- the batch that had written the row before, if any
  PRIMARY KEY (batch_id, entity_id)
);

ALTER TABLE customer ADD COLUMN batch_id INTEGER REFERENCES import_batch (id);
ALTER TABLE model ADD COLUMN batch_id INTEGER REFERENCES import_batch (id);
ALTER TABLE unit ADD COLUMN batch_id INTEGER REFERENCES import_batch (id);
ALTER TABLE ticket ADD COLUMN batch_id INTEGER REFERENCES import_batch (id);
