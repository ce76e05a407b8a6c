-- The framework convention between the syndicat and the DSDEN (art. 2): no validation counts outside its period.
CREATE TABLE dsden_convention (
    id           UUID        PRIMARY KEY,
    reference    TEXT        NOT NULL UNIQUE,
    valid_from   DATE        NOT NULL,
    valid_to     DATE        NOT NULL,
    signed_on    DATE,
    recorded_by  TEXT        NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL,
    CHECK (valid_to >= valid_from)
);

-- A teacher's pedagogical ENT project for one class and one school year (art. 2).
CREATE TABLE project (
    id                    UUID        PRIMARY KEY,
    teacher_id            TEXT        NOT NULL,
    school_uai            CHAR(8)     NOT NULL,
    circonscription_code  TEXT        NOT NULL,
    class_label           TEXT        NOT NULL,
    levels                TEXT        NOT NULL,   -- comma-separated level codes (CP,CE1...)
    school_year           CHAR(9)     NOT NULL,
    students              INTEGER     NOT NULL CHECK (students >= 0),
    objectives            TEXT        NOT NULL,
    requested_resources   TEXT        NOT NULL,   -- comma-separated resource codes, may be empty
    state                 TEXT        NOT NULL CHECK (state IN ('DRAFT', 'SUBMITTED', 'VALIDATED', 'REJECTED',
                                                                'CHANGES_REQUESTED', 'WITHDRAWN')),
    submissions           INTEGER     NOT NULL DEFAULT 0,
    submitted_at          TIMESTAMPTZ,
    decision              TEXT,
    decided_by            TEXT,
    decided_on            DATE,
    decision_reason       TEXT,
    created_at            TIMESTAMPTZ NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL,
    version               INTEGER     NOT NULL
);
CREATE INDEX project_teacher ON project (teacher_id);
CREATE INDEX project_circonscription ON project (circonscription_code);
CREATE INDEX project_school_year ON project (school_year, state);

-- Every transition of a project: who, when, why, through which channel (REST or the DSDEN's event).
CREATE TABLE project_transition (
    id            BIGSERIAL   PRIMARY KEY,
    project_id    UUID        NOT NULL REFERENCES project (id),
    from_state    TEXT,
    to_state      TEXT        NOT NULL,
    actor         TEXT        NOT NULL,
    actor_role    TEXT        NOT NULL,
    at            TIMESTAMPTZ NOT NULL,
    reason        TEXT,
    channel       TEXT        NOT NULL,
    event_id      TEXT
);
CREATE INDEX project_transition_project ON project_transition (project_id, id);
