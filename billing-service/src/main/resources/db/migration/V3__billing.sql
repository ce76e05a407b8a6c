-- billing-service: dedicated budget, beneficiaries, contribution calls (charter art. 4).
-- Money: numeric(14,2) euros with cents, never floating point (rule 18).

-- art. 4.2: supplier invoices actually paid, by category of the dedicated budget
CREATE TABLE budget_expense (
    id            uuid PRIMARY KEY,
    school_year   varchar(9)    NOT NULL,
    category      varchar(40)   NOT NULL,
    supplier      varchar(200)  NOT NULL,
    reference     varchar(100)  NOT NULL,
    amount        numeric(14,2) NOT NULL CHECK (amount > 0),
    paid_on       date          NOT NULL,
    recorded_by   varchar(200)  NOT NULL,
    recorded_at   timestamptz   NOT NULL
);
CREATE INDEX budget_expense_year ON budget_expense (school_year);

-- art. 4.4: FEDER funding obtained on the members' behalf
CREATE TABLE feder_funding (
    id                   uuid PRIMARY KEY,
    school_year          varchar(9)    NOT NULL,
    programme_reference  varchar(100)  NOT NULL,
    amount               numeric(14,2) NOT NULL CHECK (amount > 0),
    recorded_by          varchar(200)  NOT NULL,
    recorded_at          timestamptz   NOT NULL
);
CREATE INDEX feder_funding_year ON feder_funding (school_year);

-- art. 4.3: the market's price list per school year (ACCOUNT_CREATION, ACCOUNT_OPERATION, LICENCE:<resource code>)
CREATE TABLE price_list_item (
    school_year  varchar(9)    NOT NULL,
    component    varchar(120)  NOT NULL,
    unit_price   numeric(14,2) NOT NULL CHECK (unit_price >= 0),
    set_by       varchar(200)  NOT NULL,
    set_at       timestamptz   NOT NULL,
    PRIMARY KEY (school_year, component)
);

-- from ent.membership.v1
CREATE TABLE billing_member (
    member_id        varchar(9) PRIMARY KEY,
    name             varchar(300),
    kind             varchar(40),
    terminated_on    date
);

CREATE TABLE component_opt_out (
    member_id                varchar(9)   NOT NULL,
    component                varchar(120) NOT NULL,
    effective_from_year      int          NOT NULL,
    PRIMARY KEY (member_id, component, effective_from_year)
);

-- from ent.provisioning.v1: one row per class and school year (the latest access-started / access-ended)
CREATE TABLE class_access (
    member_id     varchar(9)   NOT NULL,
    school_year   varchar(9)   NOT NULL,
    school_uai    varchar(8)   NOT NULL,
    class_label   varchar(100) NOT NULL,
    school_level  varchar(10)  NOT NULL,
    students      int          NOT NULL CHECK (students >= 0),
    access_start  date         NOT NULL,
    access_end    date,
    PRIMARY KEY (member_id, school_year, school_uai, class_label)
);

CREATE TABLE college_usage (
    event_id       varchar(200) PRIMARY KEY,
    member_id      varchar(9)   NOT NULL,
    school_year    varchar(9)   NOT NULL,
    component      varchar(120) NOT NULL,   -- ACCOUNTS or LICENCE:<resource code>
    quantity       int          NOT NULL
);
CREATE INDEX college_usage_year ON college_usage (member_id, school_year);

-- contribution calls (art. 4.4, rule 18): DRAFT -> ISSUED -> PAID | CANCELLED (credit note)
CREATE TABLE contribution_call (
    id                  uuid PRIMARY KEY,
    member_id           varchar(9)    NOT NULL,
    school_year         varchar(9)    NOT NULL,
    kind                varchar(30)   NOT NULL,
    status              varchar(10)   NOT NULL,
    amount              numeric(14,2) NOT NULL,
    derivation          text          NOT NULL,   -- JSON: the inputs and every step of the figure
    number              varchar(40)   UNIQUE,
    issued_on           date,
    paid_on             date,
    credit_note_number  varchar(40)   UNIQUE,
    cancelled_on        date,
    cancel_reason       text,
    created_at          timestamptz   NOT NULL,
    updated_at          timestamptz   NOT NULL
);
-- at most one live (not cancelled) call per member, year and kind
CREATE UNIQUE INDEX contribution_call_live ON contribution_call (member_id, school_year, kind) WHERE status <> 'CANCELLED';
CREATE INDEX contribution_call_year ON contribution_call (school_year);

-- gapless numbering per series (call or credit note) and school year: the row is locked until commit
CREATE TABLE document_counter (
    series       varchar(20) NOT NULL,
    school_year  varchar(9)  NOT NULL,
    last_number  int         NOT NULL,
    PRIMARY KEY (series, school_year)
);

-- audit trail: who did what, when, why
CREATE TABLE billing_audit (
    id           bigserial PRIMARY KEY,
    school_year  varchar(9),
    call_id      uuid,
    action       varchar(40)  NOT NULL,
    actor        varchar(200) NOT NULL,
    at           timestamptz  NOT NULL,
    reason       text,
    detail       text
);
CREATE INDEX billing_audit_call ON billing_audit (call_id);

-- rule 18, defence in depth: once issued, a call's figures, number and identity never change, and it is never deleted
CREATE FUNCTION contribution_call_immutable() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.status <> 'DRAFT' THEN
            RAISE EXCEPTION 'contribution call % is %: it is never deleted', OLD.id, OLD.status;
        END IF;
        RETURN OLD;
    END IF;
    IF OLD.status <> 'DRAFT' AND (NEW.amount <> OLD.amount OR NEW.derivation <> OLD.derivation
            OR NEW.member_id <> OLD.member_id OR NEW.school_year <> OLD.school_year OR NEW.kind <> OLD.kind
            OR NEW.number IS DISTINCT FROM OLD.number OR NEW.issued_on IS DISTINCT FROM OLD.issued_on
            OR NEW.status = 'DRAFT') THEN
        RAISE EXCEPTION 'contribution call % is issued: it never changes (correct it with a credit note)', OLD.id;
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER contribution_call_immutable BEFORE UPDATE OR DELETE ON contribution_call
    FOR EACH ROW EXECUTE FUNCTION contribution_call_immutable();
