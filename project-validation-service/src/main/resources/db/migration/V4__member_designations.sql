-- Read model of ent.membership.v1 designations-changed: which schools each member designates, per school year.
-- Only used to scope member agents (they read the projects of their designated schools).
CREATE TABLE member_designation_set (
    member_id    CHAR(9)     NOT NULL,
    school_year  CHAR(9)     NOT NULL,
    revision     INTEGER     NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (member_id, school_year)
);

CREATE TABLE member_designation (
    member_id    CHAR(9)     NOT NULL,
    school_year  CHAR(9)     NOT NULL,
    school_uai   CHAR(8)     NOT NULL,
    PRIMARY KEY (member_id, school_year, school_uai)
);
CREATE INDEX member_designation_school ON member_designation (school_uai, school_year);
