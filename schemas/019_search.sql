-- 019: full-text search of what happened and what fixed it (issue 16). One row per record
-- searched: a ticket (its description, analysis, advice and work record), a unit's note, a
-- visit's suggestion, a complaint (its text and resolution). `tokens` is the record's text as
-- lib/src/search/search_text.cpp reads it (words, Chinese character pairs), written by the
-- store whenever the record is written or imported; both engines index these same tokens, so
-- that both find the same records. The id orders the rows newest first: at * 2^22 + n, n
-- counting the records of the same second.
CREATE TABLE search_doc (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('ticket', 'note', 'visit', 'complaint')),
  record_id   INTEGER NOT NULL,               -- the record's id in its own table
  at          INTEGER NOT NULL,               -- when it happened: reported, noted, visited, opened
  unit_id     INTEGER,                        -- none: a visit or complaint of the customer
  customer_id INTEGER,
  category    TEXT NOT NULL DEFAULT '',       -- a ticket's or a complaint's
  tokens      TEXT NOT NULL
);
-- One row per record. An index, not a constraint, so that a large import builds it once, by a
-- sort, after its rows are in (Database::drop_secondary_indexes).
CREATE UNIQUE INDEX search_doc_record ON search_doc (kind, record_id);
CREATE INDEX search_doc_unit ON search_doc (unit_id, id);

-- SQLite: an FTS5 index of the tokens (tokenize 'ascii' splits them at spaces and keeps every
-- other character: they are tokens already), following search_doc by triggers. The store
-- deletes and inserts rows, never updates them.
CREATE VIRTUAL TABLE search_index USING fts5 (
  tokens, content = 'search_doc', content_rowid = 'id', tokenize = 'ascii', columnsize = 0
);
CREATE TRIGGER search_doc_added AFTER INSERT ON search_doc BEGIN
  INSERT INTO search_index (rowid, tokens) VALUES (new.id, new.tokens);
END;
CREATE TRIGGER search_doc_removed AFTER DELETE ON search_doc BEGIN
  INSERT INTO search_index (search_index, rowid, tokens) VALUES ('delete', old.id, old.tokens);
END;
-- (the end of SQLite's index)

-- Whether the rows above were written for the ledger's records: a ledger made before 019 gets
-- them once, by the store, when first opened.
CREATE TABLE search_state (built INTEGER NOT NULL);
INSERT INTO search_state (built) VALUES (0);
