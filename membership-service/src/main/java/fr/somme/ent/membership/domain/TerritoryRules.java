package fr.somme.ent.membership.domain;

import java.util.Optional;

import fr.somme.ent.commons.ids.InseeCode;
import fr.somme.ent.commons.rules.Rejection;

/**
 * Art. 3 and rule 3 of the domain: a member designates only schools of its own territory, known to the school reference
 * and open. The school's level and commune come from the reference, never from the member's kind. One method per rule;
 * a broken rule is a {@link Rejection} (422) and nothing is changed.
 */
public final class TerritoryRules {

    private TerritoryRules() {
    }

    /** Art. 3: a designated school is one the reference knows (open data of the Somme or the DSDEN). */
    public static School aDesignatedSchoolIsKnownToTheReference(String uai, Optional<School> reference) {
        return reference.orElseThrow(() -> Rejection.ruleNotSatisfied("unknown-school", "school " + uai
                + " is not in the school reference (Somme open data, DSDEN): it cannot be designated"));
    }

    /** Art. 3: a closed school has no users to designate. */
    public static void aClosedSchoolIsNotDesignated(School school) {
        if (!school.open) {
            throw Rejection.ruleNotSatisfied("school-closed", "school " + school.uai + " (" + school.name + ") is closed");
        }
    }

    /**
     * Art. 3: a commune designates the écoles located in it, unless its EPCI holds the school competence; an EPCI holding
     * the school competence designates the écoles of its member communes; the Département designates the collèges of its
     * département; a school syndicate or another public establishment, the écoles of its département.
     */
    public static void aMemberDesignatesOnlySchoolsOfItsTerritory(Territory member, School school) {
        if (!covers(member, school)) {
            throw Rejection.ruleNotSatisfied("school-outside-territory", "school " + school.uai + " (" + school.level()
                    + " of commune " + school.communeInsee + ") is outside the territory of member " + member.memberId()
                    + " (" + member.kind() + "): " + whatItDesignates(member) + " (art. 3)");
        }
    }

    private static boolean covers(Territory member, School school) {
        boolean ecole = school.level() == SchoolLevel.ECOLE;
        return switch (member.kind()) {
            case DEPARTEMENT -> !ecole && inDepartement(member, school);
            case COMMUNE -> ecole && school.communeInsee.equals(member.inseeCode()) && !member.communeUnderCompetentEpci();
            case EPCI -> ecole && member.schoolCompetence() && member.epciCommunes().contains(school.communeInsee);
            case SCHOOL_SYNDICATE, OTHER_PUBLIC_ESTABLISHMENT -> ecole && inDepartement(member, school);
        };
    }

    private static boolean inDepartement(Territory member, School school) {
        return InseeCode.isValid(school.communeInsee) && new InseeCode(school.communeInsee).departement().equals(member.departement());
    }

    private static String whatItDesignates(Territory member) {
        return switch (member.kind()) {
            case DEPARTEMENT -> "the Département designates the collèges of its département";
            case COMMUNE -> member.communeUnderCompetentEpci()
                    ? "its EPCI holds the school competence and designates its écoles"
                    : "a commune designates the écoles located in it";
            case EPCI -> "an EPCI holding the school competence designates the écoles of its member communes";
            case SCHOOL_SYNDICATE, OTHER_PUBLIC_ESTABLISHMENT -> "it designates écoles of its département";
        };
    }
}
