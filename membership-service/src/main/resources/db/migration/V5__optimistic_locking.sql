-- Issue #14 (data hygiene): optimistic locking on the aggregates changed through REST. Hibernate adds
-- "AND version = ?" to each update and bumps it; a request that changed a row read meanwhile by another one
-- makes the other fail with 409 concurrent-update instead of silently overwriting it. Existing rows start at 0.
-- school_designation rows are replaced as a whole under the adhesion's row lock (DesignationService), so the
-- adhesion's version covers them.
ALTER TABLE member ADD COLUMN version integer NOT NULL DEFAULT 0;
ALTER TABLE adhesion ADD COLUMN version integer NOT NULL DEFAULT 0;
