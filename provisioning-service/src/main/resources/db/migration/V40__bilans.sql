-- provisioning-service (issue #12, art. 5): what the bilans of the Comité Départemental du Numérique need.

-- The circonscription of a class's school, from project-validated (the bilans are per circonscription). Classes
-- recorded before this migration get it when ent.projects.v1 is replayed (README "Replay"); until then it is NULL.
ALTER TABLE class_deployment ADD COLUMN circonscription_code TEXT;
CREATE INDEX class_deployment_year ON class_deployment (school_year);

-- Contribution calls as billing-service published them on ent.billing.v1 (issued, cancelled, paid). Every apply is
-- an upsert by call id, so the order of a call's events does not matter (a cancellation carries no school year: it
-- is joined by call id). Called = issued and not cancelled; paid = recorded as paid.
CREATE TABLE rm_contribution_call (
    call_id       UUID PRIMARY KEY,
    member_id     TEXT NOT NULL,
    number        TEXT,
    school_year   TEXT,
    kind          TEXT,
    amount        NUMERIC(12, 2),
    issued_on     DATE,
    cancelled_on  DATE,
    paid_on       DATE,
    state         TEXT GENERATED ALWAYS AS (CASE WHEN cancelled_on IS NOT NULL THEN 'CANCELLED'
                      WHEN paid_on IS NOT NULL THEN 'PAID' ELSE 'ISSUED' END) STORED
);
CREATE INDEX rm_contribution_call_year ON rm_contribution_call (school_year, member_id);
