-- billing-service, issue #13: one class is one project; budget entries you can trust; memberships as intervals.

-- 1. A class is a project: the per-class facts are keyed by the project id the provisioning events carry (the label
--    is free text and only shown). Rows recorded before this change have no project id: each gets a deterministic
--    UUID derived from its old key, md5('billing.class_access:' || member/year/UAI/label) read as a UUID, so that the
--    same old class always maps to the same id and no two old classes share one (the old key was unique). Events that
--    arrive afterwards for those classes carry the real project id and make a new row: the computation of a year
--    already counted is not affected (its rows are unchanged), and new years only ever see project ids.
ALTER TABLE class_access ADD COLUMN project_id uuid;
UPDATE class_access
   SET project_id = md5('billing.class_access:' || member_id || '/' || school_year || '/' || school_uai || '/' || class_label)::uuid;
ALTER TABLE class_access ALTER COLUMN project_id SET NOT NULL;
ALTER TABLE class_access DROP CONSTRAINT class_access_pkey;
ALTER TABLE class_access ADD PRIMARY KEY (project_id, school_year);
CREATE INDEX class_access_member_year ON class_access (member_id, school_year);

-- 2. A supplier invoice is recorded once: unique per (supplier, reference), compared without case or surrounding
--    blanks ("Plateforme ENT SAS" / "F-1" and "plateforme ent sas " / "f-1" are the same invoice).
CREATE UNIQUE INDEX budget_expense_invoice ON budget_expense (lower(btrim(supplier)), lower(btrim(reference)));

-- 2. Idempotency-Key of the money-moving POSTs: the first answer (status and body) per caller and key, with the hash
--    of the request it answered (method, path and body); written in the transaction of the effect.
CREATE TABLE idempotency_key (
    actor          varchar(200) NOT NULL,
    idem_key       varchar(200) NOT NULL,
    request_hash   varchar(64)  NOT NULL,
    status         int,
    body           text,
    created_at     timestamptz  NOT NULL,
    PRIMARY KEY (actor, idem_key)
);

-- 4. Memberships as intervals: every adhesion-effective and membership-terminated event (a member may terminate and
--    adhere again, a new adhesion). The single terminated_on date kept so far becomes a TERMINATION row.
CREATE TABLE membership_change (
    member_id       varchar(9)  NOT NULL,
    change          varchar(12) NOT NULL CHECK (change IN ('ADHESION', 'TERMINATION')),
    effective_date  date        NOT NULL,
    PRIMARY KEY (member_id, change, effective_date)
);
INSERT INTO membership_change (member_id, change, effective_date)
SELECT member_id, 'TERMINATION', terminated_on FROM billing_member WHERE terminated_on IS NOT NULL;
ALTER TABLE billing_member DROP COLUMN terminated_on;

-- 5. Regularisation: a call that replaces another one (cancelled by a credit note in the same regularisation).
ALTER TABLE contribution_call ADD COLUMN replaces_call_id uuid REFERENCES contribution_call (id);
