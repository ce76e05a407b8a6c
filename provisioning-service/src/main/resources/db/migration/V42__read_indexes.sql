-- provisioning-service (issue #15, point 4): the main reads without heap visits nor sorts of whole tables.

-- Counts of a class's accounts per role and state (GET /classes, /members/{id}/classes, /classes/{id}) and activated
-- accounts (bilans) read from the index alone: one index probe per class instead of visits of its ~26 account rows.
CREATE INDEX account_project_counts ON account (project_id) INCLUDE (role, state, activated_at);
DROP INDEX account_project;

-- A member's classes and the class list, in the order they are listed (newest school year first): read in index
-- order, no sort of the whole table for one page.
CREATE INDEX class_deployment_member_listed ON class_deployment (member_id, school_year DESC, school_uai, class_label, project_id);
DROP INDEX class_deployment_member;
CREATE INDEX class_deployment_listed ON class_deployment (school_year DESC, school_uai, class_label, project_id);

-- SCIM Users (the ENT platform's paging and userName filter) over the accounts not purged: pages in index order,
-- totals counted on the index, userName compared case-insensitively without reading every row.
CREATE INDEX account_scim_listed ON account (created_at, id) WHERE purged_at IS NULL;
CREATE INDEX account_scim_login ON account (lower(login)) WHERE purged_at IS NULL;
