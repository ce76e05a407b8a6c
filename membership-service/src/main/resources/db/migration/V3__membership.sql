-- Members of the syndicat mixte and their adhesion to the ENT charter (art. 3, 4.3, 6).
-- The member's id is its SIREN: the key of every event on ent.membership.v1.
CREATE TABLE member (
    id                  VARCHAR(9)  PRIMARY KEY,
    kind                TEXT        NOT NULL CHECK (kind IN ('COMMUNE', 'EPCI', 'SCHOOL_SYNDICATE', 'DEPARTEMENT', 'OTHER_PUBLIC_ESTABLISHMENT')),
    name                TEXT        NOT NULL,
    insee_code          VARCHAR(5)  UNIQUE,
    epci_siren          VARCHAR(9),
    departement         VARCHAR(3)  NOT NULL,
    school_competence   BOOLEAN     NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    created_by          TEXT        NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    updated_by          TEXT        NOT NULL,
    CHECK ((kind = 'COMMUNE') = (insee_code IS NOT NULL))
);
CREATE INDEX member_kind ON member (kind);
CREATE INDEX member_epci ON member (epci_siren);

CREATE TABLE adhesion (
    id                              UUID        PRIMARY KEY,
    member_id                       VARCHAR(9)  NOT NULL REFERENCES member (id),
    state                           TEXT        NOT NULL CHECK (state IN ('DELIBERATED', 'USERS_DESIGNATED', 'CHARTER_SIGNED', 'EFFECTIVE', 'TERMINATED')),
    deliberation_number             TEXT        NOT NULL,
    deliberation_date               DATE        NOT NULL,
    charter_approved                BOOLEAN     NOT NULL CHECK (charter_approved),
    executive_authorised            BOOLEAN     NOT NULL CHECK (executive_authorised),
    charter_signed_on               DATE,
    deliberation_transmitted_on     DATE,
    charter_transmitted_on          DATE,
    effective_date                  DATE,
    termination_id                  UUID,
    termination_initiated_by        TEXT CHECK (termination_initiated_by IN ('MEMBER', 'SYNDICAT')),
    termination_reason              TEXT,
    termination_effective_date      DATE,
    agreement_attempt_failed_on     DATE,
    agreement_attempt_summary       TEXT,
    created_at                      TIMESTAMPTZ NOT NULL,
    CHECK (effective_date IS NULL OR effective_date >= deliberation_date)
);
-- At most one adhesion in progress or effective per member; a terminated one is never reopened (art. 6).
CREATE UNIQUE INDEX adhesion_one_open_per_member ON adhesion (member_id) WHERE state <> 'TERMINATED';

-- Every transition of an adhesion: who and when.
CREATE TABLE adhesion_transition (
    id              BIGSERIAL   PRIMARY KEY,
    adhesion_id     UUID        NOT NULL REFERENCES adhesion (id),
    action          TEXT        NOT NULL,
    from_state      TEXT,
    to_state        TEXT        NOT NULL,
    actor           TEXT        NOT NULL,
    at              TIMESTAMPTZ NOT NULL,
    detail          TEXT
);
CREATE INDEX adhesion_transition_adhesion ON adhesion_transition (adhesion_id, id);

-- Designations per school year: every revision kept (history), the current list in school_designation.
CREATE TABLE designation_revision (
    id              UUID        PRIMARY KEY,
    member_id       VARCHAR(9)  NOT NULL REFERENCES member (id),
    adhesion_id     UUID        NOT NULL REFERENCES adhesion (id),
    school_year     VARCHAR(9)  NOT NULL,
    revision        INTEGER     NOT NULL CHECK (revision >= 1),
    schools         TEXT        NOT NULL,
    designated_by   TEXT        NOT NULL,
    designated_at   TIMESTAMPTZ NOT NULL,
    UNIQUE (member_id, school_year, revision)
);

-- A school is designated by at most one member for a school year (the primary key makes it hold under races too).
CREATE TABLE school_designation (
    school_year     VARCHAR(9)  NOT NULL,
    uai             VARCHAR(8)  NOT NULL,
    member_id       VARCHAR(9)  NOT NULL REFERENCES member (id),
    adhesion_id     UUID        NOT NULL REFERENCES adhesion (id),
    name            TEXT        NOT NULL,
    classes         INTEGER     NOT NULL CHECK (classes >= 1),
    students        INTEGER     NOT NULL CHECK (students >= 0),
    PRIMARY KEY (school_year, uai)
);
CREATE INDEX school_designation_member ON school_designation (member_id, school_year);

-- The Département stops paying for components of the service (art. 4.3).
CREATE TABLE component_opt_out (
    id                          UUID        PRIMARY KEY,
    member_id                   VARCHAR(9)  NOT NULL REFERENCES member (id),
    components                  TEXT        NOT NULL,
    notified_on                 DATE        NOT NULL,
    effective_from_school_year  VARCHAR(9)  NOT NULL,
    recorded_by                 TEXT        NOT NULL,
    recorded_at                 TIMESTAMPTZ NOT NULL
);
