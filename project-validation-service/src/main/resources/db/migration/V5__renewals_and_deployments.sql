-- Issue #12. A validation holds for one school year (art. 2): next year the teacher renews the project as a new
-- draft that remembers its source. A project is renewed once.
ALTER TABLE project ADD COLUMN renewed_from UUID REFERENCES project (id);
CREATE UNIQUE INDEX project_renewed_once ON project (renewed_from) WHERE renewed_from IS NOT NULL;

-- Read model of ent.provisioning.v1 (class-deployed, access-ended), key data.projectId: a project can be withdrawn
-- until its class is deployed (art. 2, rule 8). No foreign key: the events may name a project this database lacks.
CREATE TABLE class_deployment (
    project_id          UUID        PRIMARY KEY,
    deployed_on         DATE,
    access_ended_on     DATE,
    access_end_reason   TEXT,
    updated_at          TIMESTAMPTZ NOT NULL,
    last_event_id       TEXT        NOT NULL
);
