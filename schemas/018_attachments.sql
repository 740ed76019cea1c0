-- 018: the signed paper kept with its record (issue 15): a scanned form (PDF, JPEG or PNG) in
-- the ledger itself, so that `backup` copies it with everything else. A row names its record
-- by kind and number (ticket SR-..., unit serial, gate pass GP-..., approval id ...): one table
-- for every kind of record, hence no foreign key; the core checks the record exists when the
-- scan is attached. Attachments are never imported: no batch_id.
CREATE TABLE attachment (
  id           INTEGER PRIMARY KEY,
  entity       TEXT NOT NULL,                   -- ticket, unit, visit, issue, return, gatepass ...
  record       TEXT NOT NULL,                   -- the record's number (a unit: its serial)
  file_name    TEXT NOT NULL,                   -- the scan's file name, without its directory
  media_type   TEXT NOT NULL
               CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size         INTEGER NOT NULL CHECK (size > 0),  -- bytes
  sha256       TEXT NOT NULL CHECK (length(sha256) = 64),  -- lowercase hex of the content
  content      BLOB NOT NULL,                   -- PostgreSQL: bytea
  form         TEXT NOT NULL DEFAULT '',        -- the paper form scanned: 表6, 表11, 出门证 ...
  note         TEXT NOT NULL DEFAULT '',
  attached_at  INTEGER NOT NULL,                -- business time, seconds since the epoch
  attached_by  TEXT NOT NULL
);
CREATE INDEX attachment_record ON attachment (entity, record, id);
