package fr.somme.ent.membership.rest;

import java.time.Instant;

import fr.somme.ent.membership.domain.School;
import fr.somme.ent.membership.domain.SchoolLevel;
import fr.somme.ent.membership.domain.TerritoryViolation;

/** What the school reference and its report show. */
public final class SchoolReferenceDtos {

    private SchoolReferenceDtos() {
    }

    public record SchoolReferenceView(String uai, String name, String communeInsee, SchoolLevel level,
            School.DetailedLevel detailedLevel, School.Sector sector, String status, School.Source source, Instant updatedAt) {

        static SchoolReferenceView of(School s) {
            return new SchoolReferenceView(s.uai, s.name, s.communeInsee, s.level(), s.detailedLevel, s.sector,
                    s.open ? "OPEN" : "CLOSED", s.source, s.updatedAt);
        }
    }

    public record TerritoryViolationView(String memberId, String schoolYear, String uai, String reason) {

        static TerritoryViolationView of(TerritoryViolation v) {
            return new TerritoryViolationView(v.memberId(), v.schoolYear(), v.uai(), v.reason());
        }
    }
}
