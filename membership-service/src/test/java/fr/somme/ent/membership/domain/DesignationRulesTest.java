package fr.somme.ent.membership.domain;

import static fr.somme.ent.membership.domain.Refusals.TODAY;
import static fr.somme.ent.membership.domain.Refusals.conflict;
import static fr.somme.ent.membership.domain.Refusals.inState;
import static fr.somme.ent.membership.domain.Refusals.notSatisfied;
import static fr.somme.ent.membership.domain.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.commons.ids.Uai;
import fr.somme.ent.commons.rules.Rejection;

/** DesignationRules (art. 3, rule 4): the schools a member designates per school year. */
class DesignationRulesTest {

    private static final String UAI = "0800091P";
    private static final String OTHER_UAI = "0801234" + Uai.checkLetter("0801234");

    private static DesignatedSchool school(String uai, String name, int classes, int students) {
        return new DesignatedSchool(uai, name, classes, students);
    }

    @Test
    void designationsBelongToAnOpenAdhesion() {
        Adhesion open = inState(AdhesionState.DELIBERATED);
        assertSame(open, DesignationRules.designationsBelongToAnOpenAdhesion(Optional.of(open), open.memberId));
        conflict("adhesion-not-deliberated", () -> DesignationRules.designationsBelongToAnOpenAdhesion(Optional.empty(), "218000198"));
    }

    @Test
    void aDesignationNamesAtLeastOneSchool() {
        notSatisfied("no-school-designated", () -> DesignationRules.aDesignationNamesSchoolsWithTheirClassesAndStudents(null));
        notSatisfied("no-school-designated", () -> DesignationRules.aDesignationNamesSchoolsWithTheirClassesAndStudents(List.of()));
    }

    @Test
    void eachSchoolHasAValidUaiAndIsListedOnce() {
        notSatisfied("invalid-uai", () -> DesignationRules.aDesignationNamesSchoolsWithTheirClassesAndStudents(
                Arrays.asList(school(null, "École", 1, 0))));
        notSatisfied("invalid-uai", () -> DesignationRules.aDesignationNamesSchoolsWithTheirClassesAndStudents(
                List.of(school("0800091A", "École", 1, 0))));
        notSatisfied("duplicate-school", () -> DesignationRules.aDesignationNamesSchoolsWithTheirClassesAndStudents(
                List.of(school(UAI, "École", 1, 0), school(UAI, "École bis", 2, 3))));
        DesignationRules.aDesignationNamesSchoolsWithTheirClassesAndStudents(List.of(school(UAI, "École", 1, 0), school(OTHER_UAI, "B", 3, 70)));
    }

    @Test
    void eachSchoolHasAtLeastOneClassAndNoNegativeNumberOfStudents() {
        DesignationRules.aDesignationNamesSchoolsWithTheirClassesAndStudents(List.of(school(UAI, "École", 1, 0)));
        // The name is the school reference's: the request may leave it out.
        DesignationRules.aDesignationNamesSchoolsWithTheirClassesAndStudents(List.of(school(UAI, null, 1, 0)));
        for (DesignatedSchool bad : List.of(school(UAI, "École", 0, 0), school(UAI, "École", 1, -1))) {
            notSatisfied("invalid-school-counts", () -> DesignationRules.aDesignationNamesSchoolsWithTheirClassesAndStudents(List.of(bad)));
        }
    }

    @Test
    void designationsAreForTheCurrentOrALaterSchoolYear() {
        assertEquals(new SchoolYear(2026), DesignationRules.designationsAreForTheCurrentOrALaterSchoolYear("2026-2027", TODAY));
        assertEquals(new SchoolYear(2027), DesignationRules.designationsAreForTheCurrentOrALaterSchoolYear("2027-2028", TODAY));
        notSatisfied("school-year-closed", () -> DesignationRules.designationsAreForTheCurrentOrALaterSchoolYear("2025-2026", TODAY));
        // On 31 August the school year is still open; on 1 September it is closed.
        DesignationRules.designationsAreForTheCurrentOrALaterSchoolYear("2025-2026", LocalDate.of(2026, 8, 31));
        notSatisfied("school-year-closed",
                () -> DesignationRules.designationsAreForTheCurrentOrALaterSchoolYear("2025-2026", LocalDate.of(2026, 9, 1)));
        refused("invalid-school-year", Rejection.Kind.INVALID_INPUT,
                () -> DesignationRules.designationsAreForTheCurrentOrALaterSchoolYear("2026-2028", TODAY));
    }

    @Test
    void aSchoolIsDesignatedByOneMemberPerSchoolYear() {
        DesignationRules.aSchoolIsDesignatedByOneMemberPerSchoolYear("2026-2027", List.of());
        SchoolDesignation held = SchoolDesignation.of("2026-2027", "218000198", UUID.randomUUID(), school(UAI, "École", 4, 97));
        Rejection e = conflict("school-designated-by-another-member",
                () -> DesignationRules.aSchoolIsDesignatedByOneMemberPerSchoolYear("2026-2027", List.of(held)));
        assertTrue(e.reason().contains(UAI) && e.reason().contains("218000198"), e.reason());
        Rejection race = DesignationRules.aSchoolWasDesignatedByAnotherMemberMeanwhile(new SchoolYear(2026));
        assertEquals("school-designated-by-another-member", race.slug());
        assertEquals(Rejection.Kind.CONFLICT, race.kind());
    }

    @Test
    void aSchoolDesignationKeepsTheSchoolAsDesignated() {
        UUID adhesion = UUID.randomUUID();
        DesignatedSchool s = school(UAI, "École Jules Ferry", 4, 97);
        SchoolDesignation d = SchoolDesignation.of("2026-2027", "218000198", adhesion, s);
        assertEquals(List.of("2026-2027", UAI, "218000198", adhesion), List.of(d.schoolYear, d.uai, d.memberId, d.adhesionId));
        assertEquals(s, d.school());
    }
}
