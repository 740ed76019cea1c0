-- 007: when each factory archive (表1) became complete, for R21 (产品出厂后, 2日内要制成电子存档:
-- complete within [archive] complete_within_days of shipping), and indexes to find a unit by
-- any of its numbers and the tickets of a customer.
--
-- completed_at is the business time (seconds, UTC) of the change that filled the archive's last
-- missing field: its creation, an edit, an import, or its customer's contact or phone; NULL
-- while it is incomplete. The core keeps it from now on. For the archives complete already it
-- is read back from what the ledger recorded: the latest of the unit's addition, the edits and
-- imports that filled one of its required fields, and its customer's edits that filled a
-- contact or phone the unit lacks (each at its business time when one was set apart, else its
-- real time). An archive with none of these keeps NULL: complete, on a day not known.

ALTER TABLE unit ADD COLUMN completed_at INTEGER;

UPDATE unit SET completed_at = (
  SELECT max(t) FROM (
    -- typed: the addition, and edits or changes of owner that filled a required field
    SELECT coalesce(a.business_at, a.at) AS t
    FROM (SELECT *, iif(json_valid(before), before, '{}') AS before_json FROM audit_log) a
    WHERE a.entity = 'unit' AND a.entity_id = unit.serial
      AND (a.action = 'add'
           OR (a.action = 'change-owner' AND (unit.contact = '' OR unit.phone = ''))
           OR (a.action IN ('edit', 'change-owner')
               AND (json_extract(a.before_json, '$.vin') = ''
                    OR json_extract(a.before_json, '$.engine') = ''
                    OR json_extract(a.before_json, '$.config') = ''
                    OR json_extract(a.before_json, '$.terms') = ''
                    OR json_extract(a.before_json, '$.contact') = ''
                    OR json_extract(a.before_json, '$.phone') = '')))
    UNION ALL
    -- imported: the batch that added it (no values before kept), or updated a missing field
    SELECT coalesce(a.business_at, a.at) FROM import_batch b
    JOIN audit_log a ON a.entity = 'import' AND a.entity_id = CAST(b.id AS TEXT)
                     AND a.action = 'import'
    LEFT JOIN (SELECT batch_id, entity_id, iif(json_valid(before), before, '{}') AS before
               FROM import_before) ib ON ib.batch_id = b.id AND ib.entity_id = unit.serial
    WHERE b.entity = 'unit' AND b.reverted_at IS NULL
      AND (b.id = unit.batch_id AND ib.batch_id IS NULL
           OR ib.batch_id IS NOT NULL
              AND (json_extract(ib.before, '$.vin') = '' OR json_extract(ib.before, '$.engine') = ''
                   OR json_extract(ib.before, '$.config') = ''
                   OR json_extract(ib.before, '$.terms') = ''
                   OR json_extract(ib.before, '$.contact') = ''
                   OR json_extract(ib.before, '$.phone') = ''))
    UNION ALL
    -- the customer's contact or phone, where the unit has none of its own
    SELECT coalesce(a.business_at, a.at) FROM customer c
    JOIN (SELECT *, iif(json_valid(before), before, '{}') AS before_json FROM audit_log) a
      ON a.entity = 'customer' AND a.entity_id = c.code AND a.action = 'edit'
    WHERE c.id = unit.customer_id
      AND ((unit.contact = '' AND json_extract(a.before_json, '$.contact') = '')
           OR (unit.phone = '' AND json_extract(a.before_json, '$.phone') = ''))
  )
)
WHERE vin <> '' AND engine_no <> '' AND configuration <> '' AND terms <> ''
  AND (contact <> '' OR (SELECT contact FROM customer WHERE id = unit.customer_id) <> '')
  AND (phone <> '' OR (SELECT phone FROM customer WHERE id = unit.customer_id) <> '');

-- unit show / ticket list --unit by VIN, plate (车号) or engine no.
CREATE INDEX unit_vin ON unit (vin);
CREATE INDEX unit_plate ON unit (plate);
CREATE INDEX unit_engine ON unit (engine_no);
-- ticket list --customer
CREATE INDEX ticket_customer ON ticket (customer_id);
