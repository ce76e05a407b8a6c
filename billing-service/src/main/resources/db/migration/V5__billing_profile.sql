-- Issue #13 point 7: how each member is invoiced through Chorus Pro (its billing profile), set by its agent or finance.
-- The SIRET identifies the buyer in the UBL documents (scheme 0009); it is an establishment of the member itself.
CREATE TABLE billing_profile (
    member_id          varchar(9)   PRIMARY KEY,
    siret              varchar(14)  NOT NULL CHECK (siret ~ '^[0-9]{14}$' AND left(siret, 9) = member_id),
    service_code       varchar(100),
    engagement_number  varchar(50),
    updated_at         timestamptz  NOT NULL,
    updated_by         varchar(200) NOT NULL
);
