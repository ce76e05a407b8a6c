-- Activation of an account by the ENT platform with its code (issue #14, point 4).
-- Failed attempts since the last code was issued; at 5 the account is locked until a new code is issued
-- (login sheet, or POST /classes/{projectId}/accounts/{accountId}/activation-code).
ALTER TABLE account ADD COLUMN activation_failures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE account ADD COLUMN activation_locked_at TIMESTAMPTZ;

-- Audit of every activation attempt and code issue: who (the caller), when, which account, the outcome.
-- Never the code, never a name, never the login (a login is made of the names).
CREATE TABLE activation_audit (
    id          BIGSERIAL PRIMARY KEY,
    account_id  UUID        NOT NULL,
    outcome     TEXT        NOT NULL,
    actor       TEXT        NOT NULL,
    at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX activation_audit_account ON activation_audit (account_id, at);
