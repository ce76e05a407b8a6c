-- Reference data received from the DSDEN (dsden.reference.v1) or imported by an operator.
-- revision counts the applied changes: a redelivered event must not bump it (idempotent consumption).
CREATE TABLE circonscription (
    code            TEXT        PRIMARY KEY,
    name            TEXT        NOT NULL,
    ien_id          TEXT        NOT NULL,
    ien_name        TEXT,
    revision        INTEGER     NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    last_event_id   TEXT
);

CREATE TABLE school (
    uai                   CHAR(8)     PRIMARY KEY,
    name                  TEXT        NOT NULL,
    commune_insee         CHAR(5)     NOT NULL,
    level                 TEXT        NOT NULL CHECK (level IN ('MATERNELLE', 'ELEMENTAIRE', 'PRIMAIRE', 'COLLEGE')),
    sector                TEXT        NOT NULL CHECK (sector IN ('PUBLIC', 'PRIVATE')),
    -- no foreign key: events of different keys arrive in any order (the circonscription may come later)
    circonscription_code  TEXT        NOT NULL,
    revision              INTEGER     NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL,
    last_event_id         TEXT
);
CREATE INDEX school_circonscription ON school (circonscription_code);
