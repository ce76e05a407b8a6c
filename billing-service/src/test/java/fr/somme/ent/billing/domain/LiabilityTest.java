package fr.somme.ent.billing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.somme.ent.billing.domain.BeneficiaryStudents.ClassAccess;
import fr.somme.ent.billing.domain.Membership.Change;
import fr.somme.ent.billing.domain.Membership.Event;
import fr.somme.ent.commons.ids.SchoolYear;

/** Art. 4.1 / rule 13 (who is liable, how students count) and art. 4.4 / rule 16 (called after the year). */
class LiabilityTest {

    static final SchoolYear Y = SchoolYear.parse("2025-2026"); // 2025-09-01 .. 2026-08-31

    static ClassAccess cls(long students, LocalDate start, LocalDate end) {
        return new ClassAccess(UUID.randomUUID(), "0800091P", "CM1", students, start, end);
    }

    static boolean liable(List<ClassAccess> classes, Membership membership) {
        return Liability.memberIsLiableWhenAClassHadEffectiveAccessDuringTheYearWhileAMember(classes, membership, Y);
    }

    static Membership membership(Event... events) {
        return Membership.of(List.of(events));
    }

    static Event adhesion(int y, int m, int d) {
        return new Event(Change.ADHESION, LocalDate.of(y, m, d));
    }

    static Event termination(int y, int m, int d) {
        return new Event(Change.TERMINATION, LocalDate.of(y, m, d));
    }

    @Test
    void memberIsLiableWhenAClassHadEffectiveAccessDuringTheYearWhileAMember() {
        Membership member = membership(adhesion(2025, 6, 30));
        // a class whose access started 2026-03-02, within the year: liable (first exercice from the first access)
        assertTrue(liable(List.of(cls(20, LocalDate.of(2026, 3, 2), null)), member));
        // access started on 31 August itself: liable
        assertTrue(liable(List.of(cls(20, LocalDate.of(2026, 8, 31), null)), member));
        // no class at all: not liable
        assertFalse(liable(List.of(), member));
        // a class that ended on 31 August before the year: not liable; ended on 1 September: liable
        assertFalse(liable(List.of(cls(20, LocalDate.of(2024, 9, 2), LocalDate.of(2025, 8, 31))), member));
        assertTrue(liable(List.of(cls(20, LocalDate.of(2024, 9, 2), LocalDate.of(2025, 9, 1))), member));
        // a class with access but no membership covering the year (terminated 2025-08-31): not liable
        assertFalse(liable(List.of(cls(20, LocalDate.of(2025, 9, 1), null)),
                membership(adhesion(2023, 6, 1), termination(2025, 8, 31))));
        // adhered after the year's end: not liable for it
        assertFalse(liable(List.of(cls(20, LocalDate.of(2025, 9, 1), null)), membership(adhesion(2026, 9, 1))));
        // adhered on 31 August of the year: liable
        assertTrue(liable(List.of(cls(20, LocalDate.of(2025, 9, 1), null)), membership(adhesion(2026, 8, 31))));
    }

    /* Worked example: the class's access starts on 2026-09-01, the day after 2025-2026 ends: nothing for 2025-2026. */
    @Test
    void memberWhoseAccessStartsAfterTheYearEndPaysNothing() {
        assertFalse(liable(List.of(cls(20, LocalDate.of(2026, 9, 1), null)), Membership.AS_FAR_AS_KNOWN));
    }

    /* Terminated with effect 2026-01-15, in the middle of 2025-2026: liable for the whole year (final contribution). */
    @Test
    void memberTerminatedDuringTheYearPaysItsFullShare() {
        Membership m = membership(adhesion(2024, 6, 1), termination(2026, 1, 15));
        List<ClassAccess> classes = List.of(cls(24, LocalDate.of(2025, 9, 1), LocalDate.of(2026, 1, 15)));
        assertTrue(liable(classes, m));
        assertEquals(LocalDate.of(2026, 1, 15), m.terminationDuring(Y));
        // terminated on 1 September, the year's first day: still the whole year
        assertTrue(liable(classes, membership(adhesion(2024, 6, 1), termination(2025, 9, 1))));
        // and its classes count in full although their access ended on 2026-01-15
        assertEquals(24, BeneficiaryStudents.studentsOfClassesWithEffectiveAccessDuringTheYear(classes, Y));
    }

    /* Terminated in 2024-2025, adhering again in 2025-2026: a new membership, liable again from the first access. */
    @Test
    void aReAdhesionAfterATerminationIsBilledFromItsFirstAccessAgain() {
        Membership m = membership(adhesion(2023, 6, 1), termination(2025, 3, 1), adhesion(2025, 10, 1));
        assertEquals(List.of(new Membership.Interval(LocalDate.of(2023, 6, 1), LocalDate.of(2025, 3, 1)),
                new Membership.Interval(LocalDate.of(2025, 10, 1), null)), m.intervals());
        assertTrue(liable(List.of(cls(20, LocalDate.of(2025, 11, 3), null)), m));
        assertEquals(null, m.terminationDuring(Y), "the membership covering the year is open");
        assertTrue(m.coversAnyDayOf(SchoolYear.parse("2024-2025")));
        assertFalse(m.coversAnyDayOf(SchoolYear.parse("2021-2022")), "adhered on 2023-06-01");
    }

    @Test
    void studentsOfClassesWithEffectiveAccessDuringTheYear() {
        // 25 (whole year) + 20 (started in March) + 0 from a class starting after the year + 0 from one ended before it = 45
        assertEquals(45, BeneficiaryStudents.studentsOfClassesWithEffectiveAccessDuringTheYear(List.of(
                cls(25, LocalDate.of(2025, 9, 1), null),
                cls(20, LocalDate.of(2026, 3, 2), null),
                cls(30, LocalDate.of(2026, 9, 1), null),
                cls(18, LocalDate.of(2024, 9, 2), LocalDate.of(2025, 7, 4)),
                cls(99, null, null)), Y));
    }

    /* Issue #13: two classes labelled CM2 in one school are two projects: 20 + 25 = 45 students, not 25. */
    @Test
    void twoClassesWithTheSameLabelInOneSchoolAreTwoClasses() {
        assertEquals(45, BeneficiaryStudents.studentsOfClassesWithEffectiveAccessDuringTheYear(List.of(
                new ClassAccess(UUID.randomUUID(), "0800091P", "CM2", 20, LocalDate.of(2025, 9, 1), null),
                new ClassAccess(UUID.randomUUID(), "0800091P", "CM2", 25, LocalDate.of(2025, 9, 1), null)), Y));
    }

    @Test
    void contributionsAreCalledOnlyAfterTheSchoolYearEnds() {
        assertFalse(Liability.contributionsAreCalledOnlyAfterTheSchoolYearEnds(Y, LocalDate.of(2026, 8, 31)));
        assertTrue(Liability.contributionsAreCalledOnlyAfterTheSchoolYearEnds(Y, LocalDate.of(2026, 9, 1)));
    }
}
