-- Issue #12. The school reference (art. 3: who may designate which school) and the ground of a termination (art. 6).

-- The schools membership knows: the Somme's open data (loaded at startup when empty, and by POST /reference/somme/import)
-- and the DSDEN's fr.ent.dsden.school-upserted.v1 events (dsden.reference.v1). A DSDEN fact wins over open data.
CREATE TABLE school (
    uai             VARCHAR(8)  PRIMARY KEY,
    name            TEXT        NOT NULL,
    commune_insee   VARCHAR(5)  NOT NULL,
    detailed_level  TEXT        NOT NULL CHECK (detailed_level IN ('MATERNELLE', 'ELEMENTAIRE', 'PRIMAIRE', 'COLLEGE')),
    sector          TEXT        NOT NULL CHECK (sector IN ('PUBLIC', 'PRIVATE')),
    open            BOOLEAN     NOT NULL,
    source          TEXT        NOT NULL CHECK (source IN ('OPEN_DATA', 'DSDEN')),
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX school_commune ON school (commune_insee);

-- Art. 6: why the adhesion ends and when it was decided. Terminations recorded before this migration get the ground that
-- their initiator implied (the member: general interest; the syndicat: non-compliance) and no decision date.
ALTER TABLE adhesion
    ADD COLUMN termination_ground TEXT CHECK (termination_ground IN ('GENERAL_INTEREST', 'NON_COMPLIANCE')),
    ADD COLUMN termination_decided_on DATE;
UPDATE adhesion SET termination_ground = CASE termination_initiated_by WHEN 'MEMBER' THEN 'GENERAL_INTEREST' ELSE 'NON_COMPLIANCE' END
    WHERE termination_initiated_by IS NOT NULL;

-- The current designations that break the territory rule (art. 3), as a report: the reference may still be empty when this
-- migration runs, so this view is evaluated when it is read (GET /ops/designations/territory-violations). It lists and
-- never deletes. Same rule as TerritoryRules: a commune designates the écoles of its commune unless its EPCI holds the
-- school competence; an EPCI holding it designates the écoles of its member communes (the registry's epci_siren); the
-- Département the collèges of its département; school syndicates and other public establishments the écoles of their
-- département.
CREATE VIEW designation_territory_violation AS
SELECT d.member_id, d.school_year, d.uai,
       CASE
           WHEN s.uai IS NULL THEN 'unknown-school'
           WHEN NOT s.open THEN 'school-closed'
           ELSE 'school-outside-territory'
       END AS reason
FROM school_designation d
JOIN member m ON m.id = d.member_id
LEFT JOIN school s ON s.uai = d.uai
WHERE s.uai IS NULL
   OR NOT s.open
   OR CASE m.kind
          WHEN 'DEPARTEMENT' THEN NOT (s.detailed_level = 'COLLEGE' AND s.commune_insee LIKE m.departement || '%')
          WHEN 'COMMUNE' THEN NOT (s.detailed_level <> 'COLLEGE' AND s.commune_insee = m.insee_code
                AND NOT EXISTS (SELECT 1 FROM member e WHERE e.id = m.epci_siren AND e.kind = 'EPCI' AND e.school_competence))
          WHEN 'EPCI' THEN NOT (s.detailed_level <> 'COLLEGE' AND m.school_competence
                AND EXISTS (SELECT 1 FROM member c WHERE c.kind = 'COMMUNE' AND c.insee_code = s.commune_insee AND c.epci_siren = m.id))
          ELSE NOT (s.detailed_level <> 'COLLEGE' AND s.commune_insee LIKE m.departement || '%')
      END;
