-- 005: the ledger keeps its own rulebook and users. Every version an admin applied is kept
-- whole (the TOML text), with who applied it, from which file and when (the real clock); the
-- newest is in force. The audit trail's time is the real clock; an entry made under another
-- business time (--today) keeps that too.

CREATE TABLE rulebook (
  version    INTEGER PRIMARY KEY,
  rules      TEXT NOT NULL,
  source     TEXT NOT NULL,
  admins     TEXT NOT NULL,  -- JSON array: the ledger's admins beyond [users]
  applied_by TEXT NOT NULL,
  login      TEXT NOT NULL,
  applied_at INTEGER NOT NULL
);

ALTER TABLE audit_log ADD COLUMN business_at INTEGER;
