-- provisioning-service (issue #5): read models fed by events, the deployment gate, accounts, licences.

-- Read models (rebuildable by replaying ent.membership.v1 and ent.projects.v1; see README "Replay").
CREATE TABLE rm_adhesion (
    member_id       TEXT PRIMARY KEY,
    adhesion_id     UUID NOT NULL,
    member_kind     TEXT NOT NULL,
    effective_date  DATE NOT NULL
);
CREATE TABLE rm_designation_revision (
    member_id    TEXT    NOT NULL,
    school_year  TEXT    NOT NULL,
    revision     INTEGER NOT NULL,
    PRIMARY KEY (member_id, school_year)
);
CREATE TABLE rm_designation (
    member_id    TEXT    NOT NULL,
    school_year  TEXT    NOT NULL,
    uai          TEXT    NOT NULL,
    classes      INTEGER NOT NULL,
    students     INTEGER NOT NULL,
    PRIMARY KEY (member_id, school_year, uai)
);
CREATE INDEX rm_designation_uai ON rm_designation (uai, school_year);
CREATE TABLE rm_termination (
    member_id       TEXT PRIMARY KEY,
    termination_id  UUID NOT NULL,
    effective_date  DATE NOT NULL
);
CREATE TABLE rm_opt_out (
    opt_out_id           UUID NOT NULL,
    member_id            TEXT NOT NULL,
    component            TEXT NOT NULL,
    effective_from_year  TEXT NOT NULL,
    PRIMARY KEY (opt_out_id, component)
);
CREATE INDEX rm_opt_out_member ON rm_opt_out (member_id);
CREATE TABLE rm_project (
    project_id           UUID PRIMARY KEY,
    school_uai           TEXT    NOT NULL,
    teacher_id           TEXT    NOT NULL,
    class_label          TEXT    NOT NULL,
    school_year          TEXT    NOT NULL,
    students             INTEGER NOT NULL,
    requested_resources  TEXT    NOT NULL,
    status               TEXT    NOT NULL,
    status_date          DATE    NOT NULL
);

-- The gate's outcome per validated project: PENDING (with reasons), DEPLOYED, CLOSED.
CREATE TABLE class_deployment (
    project_id             UUID PRIMARY KEY,
    status                 TEXT    NOT NULL,
    reasons                TEXT    NOT NULL DEFAULT '',
    member_id              TEXT,
    school_uai             TEXT    NOT NULL,
    school_year            TEXT    NOT NULL,
    class_label            TEXT    NOT NULL,
    school_level           TEXT,
    teacher_id             TEXT    NOT NULL,
    students               INTEGER NOT NULL,
    deployed_on            DATE,
    access_start_date      DATE,
    closed_on              DATE,
    close_reason           TEXT,
    login_sheet_issued_at  TIMESTAMPTZ,
    login_sheet_issued_by  TEXT,
    updated_at             TIMESTAMPTZ NOT NULL
);
CREATE INDEX class_deployment_member ON class_deployment (member_id);
CREATE INDEX class_deployment_school ON class_deployment (school_uai, school_year);
CREATE INDEX class_deployment_teacher ON class_deployment (teacher_id);

CREATE TABLE member_access (
    member_id          TEXT PRIMARY KEY,
    first_access_date  DATE NOT NULL,
    first_project_id   UUID NOT NULL
);

-- Roster uploaded by the school (names: personal data, purged with the accounts).
CREATE TABLE roster_entry (
    project_id  UUID    NOT NULL,
    position    INTEGER NOT NULL,
    last_name   TEXT,
    first_name  TEXT,
    PRIMARY KEY (project_id, position)
);

-- Login uniqueness: one counter row per login base, incremented atomically (row lock), plus a unique index.
CREATE TABLE login_counter (
    base       TEXT PRIMARY KEY,
    last_used  INTEGER NOT NULL
);

CREATE TABLE account (
    id                    UUID PRIMARY KEY,
    login                 TEXT        NOT NULL,
    project_id            UUID        NOT NULL,
    member_id             TEXT        NOT NULL,
    role                  TEXT        NOT NULL,
    last_name             TEXT,
    first_name            TEXT,
    external_id           TEXT,
    state                 TEXT        NOT NULL,
    activation_code_hash  TEXT,
    created_at            TIMESTAMPTZ NOT NULL,
    last_modified         TIMESTAMPTZ NOT NULL,
    activated_at          TIMESTAMPTZ,
    closed_on             DATE,
    purged_at             TIMESTAMPTZ
);
CREATE UNIQUE INDEX account_login ON account (login);
CREATE INDEX account_project ON account (project_id);
CREATE INDEX account_last_modified ON account (last_modified);
CREATE INDEX account_to_purge ON account (closed_on) WHERE state = 'CLOSED' AND purged_at IS NULL;

-- Resource catalogue (operator) and licences.
CREATE TABLE resource (
    code                      TEXT PRIMARY KEY,
    title                     TEXT    NOT NULL,
    supplier                  TEXT    NOT NULL,
    sso_protocol              TEXT    NOT NULL,
    validated_by_departement  BOOLEAN NOT NULL,
    updated_by                TEXT    NOT NULL,
    updated_at                TIMESTAMPTZ NOT NULL
);
CREATE TABLE resource_price (
    code         TEXT NOT NULL REFERENCES resource (code) ON DELETE CASCADE,
    school_year  TEXT NOT NULL,
    unit_price   NUMERIC(12, 2) NOT NULL CHECK (unit_price >= 0),
    PRIMARY KEY (code, school_year)
);
CREATE TABLE licence (
    project_id     UUID NOT NULL,
    resource_code  TEXT NOT NULL,
    quantity       INTEGER NOT NULL,
    unit_price     NUMERIC(12, 2) NOT NULL,
    state          TEXT NOT NULL,
    assigned_on    DATE NOT NULL,
    revoked_on     DATE,
    PRIMARY KEY (project_id, resource_code)
);
