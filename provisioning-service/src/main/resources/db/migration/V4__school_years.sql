-- provisioning-service (issue #12): school years that end, discarded classes, the school level from the reference,
-- re-adhesions, purge runs recorded without personal data.

-- The school level (ECOLE, COLLEGE) a designations-changed carries from membership's school reference; NULL for
-- events produced before it did (then the level is inferred from the designating member's kind).
ALTER TABLE rm_designation ADD COLUMN level TEXT;

-- The adhesion whose event wrote the year's designations: a re-adhesion (a new adhesion effective after the member's
-- termination) restarts them from its own adhesion-effective, whatever revision the released list had.
ALTER TABLE rm_designation_revision ADD COLUMN adhesion_id UUID;

-- class_deployment.status gains DISCARDED (a pending class withdrawn, or of a school year that ended):
-- closed_on / close_reason then say when and why. The year-end closure looks classes up by year and status.
CREATE INDEX class_deployment_year_status ON class_deployment (school_year, status);

-- Each purge run (rule 12), recorded without personal data: when, the cutoff, and counts.
CREATE TABLE purge_run (
    id                BIGSERIAL PRIMARY KEY,
    ran_at            TIMESTAMPTZ NOT NULL,
    cutoff            DATE        NOT NULL,
    accounts_purged   INTEGER     NOT NULL,
    roster_entries_deleted  INTEGER NOT NULL,
    login_counters_deleted  INTEGER NOT NULL
);
CREATE INDEX purge_run_ran_at ON purge_run (ran_at DESC);
