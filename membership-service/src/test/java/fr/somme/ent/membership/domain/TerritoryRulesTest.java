package fr.somme.ent.membership.domain;

import static fr.somme.ent.membership.domain.Refusals.notSatisfied;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import fr.somme.ent.commons.rules.Rejection;

/** TerritoryRules (art. 3): known, open schools of the member's own territory, level and commune from the reference. */
class TerritoryRulesTest {

    static School school(String uai, String insee, School.DetailedLevel level, boolean open) {
        School s = new School();
        s.uai = uai;
        s.name = "School " + uai;
        s.communeInsee = insee;
        s.detailedLevel = level;
        s.sector = School.Sector.PUBLIC;
        s.open = open;
        s.source = School.Source.OPEN_DATA;
        return s;
    }

    // Amiens (80021) and Corbie (80212); 0800169Z is an école of Corbie, 0800017J a collège of Amiens.
    private static final School CORBIE_ECOLE = school("0800169Z", "80212", School.DetailedLevel.PRIMAIRE, true);
    private static final School AMIENS_COLLEGE = school("0800017J", "80021", School.DetailedLevel.COLLEGE, true);
    private static final School AMIENS_MATERNELLE = school("0800118U", "80021", School.DetailedLevel.MATERNELLE, true);

    private static Territory commune(String insee, boolean underCompetentEpci) {
        return new Territory("218000198", MemberKind.COMMUNE, insee, "80", true, underCompetentEpci, Set.of());
    }

    private static Territory epci(boolean competence, Set<String> communes) {
        return new Territory("200070993", MemberKind.EPCI, null, "80", competence, false, communes);
    }

    private static Territory other(MemberKind kind, String departement) {
        return new Territory("228000014", kind, null, departement, true, false, Set.of());
    }

    private static void outside(Territory t, School s) {
        Rejection e = notSatisfied("school-outside-territory", () -> TerritoryRules.aMemberDesignatesOnlySchoolsOfItsTerritory(t, s));
        assertTrue(e.getMessage().contains(s.uai) && e.getMessage().contains("art. 3"), e.getMessage());
    }

    @Test
    void aDesignatedSchoolIsKnownToTheReference() {
        assertSame(CORBIE_ECOLE, TerritoryRules.aDesignatedSchoolIsKnownToTheReference("0800169Z", Optional.of(CORBIE_ECOLE)));
        Rejection e = notSatisfied("unknown-school", () -> TerritoryRules.aDesignatedSchoolIsKnownToTheReference("0805001A", Optional.empty()));
        assertTrue(e.getMessage().contains("0805001A"));
    }

    @Test
    void aClosedSchoolIsNotDesignated() {
        notSatisfied("school-closed", () -> TerritoryRules.aClosedSchoolIsNotDesignated(school("0800169Z", "80212",
                School.DetailedLevel.PRIMAIRE, false)));
        TerritoryRules.aClosedSchoolIsNotDesignated(CORBIE_ECOLE);
    }

    @Test
    void aCommuneDesignatesTheEcolesLocatedInIt() {
        TerritoryRules.aMemberDesignatesOnlySchoolsOfItsTerritory(commune("80212", false), CORBIE_ECOLE);
        TerritoryRules.aMemberDesignatesOnlySchoolsOfItsTerritory(commune("80021", false), AMIENS_MATERNELLE);
        // Amiens designating a Corbie école: another member's territory.
        outside(commune("80021", false), CORBIE_ECOLE);
        // Never a collège, even in its own commune.
        outside(commune("80021", false), AMIENS_COLLEGE);
    }

    @Test
    void aCommuneWhoseEpciHoldsTheSchoolCompetenceDesignatesNoEcole() {
        outside(commune("80212", true), CORBIE_ECOLE);
        Rejection e = notSatisfied("school-outside-territory",
                () -> TerritoryRules.aMemberDesignatesOnlySchoolsOfItsTerritory(commune("80212", true), CORBIE_ECOLE));
        assertTrue(e.getMessage().contains("its EPCI holds the school competence"), e.getMessage());
    }

    @Test
    void anEpciDesignatesTheEcolesOfItsMemberCommunesWhenItHoldsTheSchoolCompetence() {
        TerritoryRules.aMemberDesignatesOnlySchoolsOfItsTerritory(epci(true, Set.of("80212", "80774")), CORBIE_ECOLE);
        outside(epci(false, Set.of("80212")), CORBIE_ECOLE);
        outside(epci(true, Set.of("80774")), CORBIE_ECOLE);
        outside(epci(true, Set.of("80021")), AMIENS_COLLEGE);
    }

    @Test
    void theDepartementDesignatesTheCollegesOfItsDepartementOnly() {
        TerritoryRules.aMemberDesignatesOnlySchoolsOfItsTerritory(other(MemberKind.DEPARTEMENT, "80"), AMIENS_COLLEGE);
        outside(other(MemberKind.DEPARTEMENT, "80"), CORBIE_ECOLE);
        outside(other(MemberKind.DEPARTEMENT, "60"), AMIENS_COLLEGE);
        outside(other(MemberKind.DEPARTEMENT, "80"), school("0600001A", "not-insee", School.DetailedLevel.COLLEGE, true));
    }

    @ParameterizedTest
    @EnumSource(value = MemberKind.class, names = { "SCHOOL_SYNDICATE", "OTHER_PUBLIC_ESTABLISHMENT" })
    void aSchoolSyndicateOrAnotherEstablishmentDesignatesEcolesOfItsDepartement(MemberKind kind) {
        TerritoryRules.aMemberDesignatesOnlySchoolsOfItsTerritory(other(kind, "80"), CORBIE_ECOLE);
        outside(other(kind, "80"), AMIENS_COLLEGE);
        outside(other(kind, "60"), CORBIE_ECOLE);
    }

    @Test
    void theMessageSaysWhatTheMemberDesignates() {
        assertMessage(commune("80021", false), CORBIE_ECOLE, "a commune designates the écoles located in it");
        assertMessage(epci(true, Set.of()), CORBIE_ECOLE, "an EPCI holding the school competence designates the écoles of its member communes");
        assertMessage(other(MemberKind.DEPARTEMENT, "80"), CORBIE_ECOLE, "the Département designates the collèges of its département");
        assertMessage(other(MemberKind.SCHOOL_SYNDICATE, "80"), AMIENS_COLLEGE, "it designates écoles of its département");
    }

    private static void assertMessage(Territory t, School s, String expected) {
        Rejection e = notSatisfied("school-outside-territory", () -> TerritoryRules.aMemberDesignatesOnlySchoolsOfItsTerritory(t, s));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void theLevelOfASchoolComesFromItsDetailedLevel() {
        assertEquals(SchoolLevel.COLLEGE, AMIENS_COLLEGE.level());
        for (School.DetailedLevel l : new School.DetailedLevel[] { School.DetailedLevel.MATERNELLE, School.DetailedLevel.ELEMENTAIRE,
                School.DetailedLevel.PRIMAIRE }) {
            assertEquals(SchoolLevel.ECOLE, l.level());
        }
        assertEquals(SchoolLevel.COLLEGE, School.DetailedLevel.COLLEGE.level());
    }

    @Test
    void aTerritoryIsMadeOfTheMembersFacts() {
        Member m = new Member();
        m.id = "218002046";
        m.kind = MemberKind.COMMUNE;
        m.inseeCode = "80212";
        m.departement = "80";
        m.schoolCompetence = true;
        assertEquals(new Territory("218002046", MemberKind.COMMUNE, "80212", "80", true, false, Set.of("x")),
                Territory.of(m, false, Set.of("x")));
        assertEquals(new Territory("218002046", MemberKind.COMMUNE, "80212", "80", true, true, Set.of()), Territory.of(m, true, Set.of()));
    }
}
