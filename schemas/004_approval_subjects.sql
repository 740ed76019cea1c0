-- 004: approvals of any form. An approval names what it decides on by kind and number (a
-- ticket SR-..., later a part issue PI-..., a gate pass GP-...); each form's key (budget,
-- repair_notice, ...) stays as it was. A signature's signer is no longer in a column named
-- after a reserved word of SQL.

ALTER TABLE approval RENAME COLUMN subject TO subject_id;
ALTER TABLE approval ADD COLUMN subject_kind TEXT NOT NULL DEFAULT 'ticket';
DROP INDEX approval_subject;
CREATE INDEX approval_subject ON approval (subject_id, subject_kind);

ALTER TABLE approval_signature RENAME COLUMN user TO signer;
