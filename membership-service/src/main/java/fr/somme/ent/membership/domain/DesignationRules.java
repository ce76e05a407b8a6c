package fr.somme.ent.membership.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.commons.ids.Uai;
import fr.somme.ent.commons.rules.Rejection;

/**
 * The charter's rules on designations (art. 3, rule 4): the schools a member designates per school year, one method
 * per rule, each named after it. A broken rule is a {@link Rejection} with a stable slug; nothing is changed.
 */
public final class DesignationRules {

    private DesignationRules() {
    }

    /** Art. 3: users are designated by the schools of an adhesion: there must be one in progress or effective. */
    public static Adhesion designationsBelongToAnOpenAdhesion(Optional<Adhesion> open, String memberId) {
        return open.orElseThrow(() -> Rejection.conflict("adhesion-not-deliberated", "member " + memberId
                + " has no adhesion in progress or effective: its assembly must first deliberate (art. 3)"));
    }

    /**
     * Art. 3: at least one school, each with a valid UAI (check letter), classes ≥ 1, students ≥ 0, once. Its name is the
     * school reference's (see {@link TerritoryRules}).
     */
    public static void aDesignationNamesSchoolsWithTheirClassesAndStudents(List<DesignatedSchool> schools) {
        if (schools == null || schools.isEmpty()) {
            throw Rejection.ruleNotSatisfied("no-school-designated", "a designation names at least one school (art. 3)");
        }
        Set<String> seen = new HashSet<>();
        for (DesignatedSchool s : schools) {
            if (s.uai() == null || !Uai.isValid(s.uai())) {
                throw Rejection.ruleNotSatisfied("invalid-uai", "'" + s.uai() + "' is not a valid UAI (7 characters and a check letter)");
            }
            if (!seen.add(s.uai())) {
                throw Rejection.ruleNotSatisfied("duplicate-school", "school " + s.uai() + " is listed twice");
            }
            if (s.classes() < 1 || s.students() < 0) {
                throw Rejection.ruleNotSatisfied("invalid-school-counts", "school " + s.uai()
                        + " needs at least one class and a number of students ≥ 0 (art. 3)");
            }
        }
    }

    /** Rule 4: designations are kept per school year; a past school year is closed. */
    public static SchoolYear designationsAreForTheCurrentOrALaterSchoolYear(String schoolYear, LocalDate today) {
        SchoolYear year;
        try {
            year = SchoolYear.parse(schoolYear);
        } catch (IllegalArgumentException e) {
            throw Rejection.invalidInput("invalid-school-year", e.getMessage());
        }
        if (year.compareTo(SchoolYear.containing(today)) < 0) {
            throw Rejection.ruleNotSatisfied("school-year-closed", "school year " + year + " is over; designations are for "
                    + SchoolYear.containing(today) + " or later");
        }
        return year;
    }

    /** Rule 4: a school is designated by one member only for a given school year. */
    public static void aSchoolIsDesignatedByOneMemberPerSchoolYear(String schoolYear, Collection<SchoolDesignation> othersHoldingThem) {
        if (!othersHoldingThem.isEmpty()) {
            SchoolDesignation d = othersHoldingThem.iterator().next();
            throw Rejection.conflict("school-designated-by-another-member", "school " + d.uai
                    + " is already designated by member " + d.memberId + " for " + schoolYear);
        }
    }

    /** The refusal when a concurrent designation of the same school wins the race on the primary key (rule 4). */
    public static Rejection aSchoolWasDesignatedByAnotherMemberMeanwhile(SchoolYear year) {
        return Rejection.conflict("school-designated-by-another-member",
                "a school of this list was designated by another member for " + year + " at the same time");
    }
}
