package fr.somme.ent.billing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.somme.ent.billing.domain.BeneficiaryStudents.ClassAccess;
import fr.somme.ent.commons.ids.SchoolYear;

/** Art. 4.1 / rule 13 (who is liable, how students count) and art. 4.4 / rule 16 (called after the year). */
class LiabilityTest {

    static final SchoolYear Y = SchoolYear.parse("2025-2026"); // 2025-09-01 .. 2026-08-31

    @Test
    void memberIsLiableWhenFirstAccessStartedByYearEndAndNotTerminatedBeforeYearStart() {
        // first access 2026-03-02, within the year: liable
        assertTrue(Liability.memberIsLiableWhenFirstAccessStartedByYearEndAndNotTerminatedBeforeYearStart(
                LocalDate.of(2026, 3, 2), null, Y));
        // first access on 31 August itself: liable
        assertTrue(Liability.memberIsLiableWhenFirstAccessStartedByYearEndAndNotTerminatedBeforeYearStart(
                LocalDate.of(2026, 8, 31), null, Y));
        // no access at all: not liable
        assertFalse(Liability.memberIsLiableWhenFirstAccessStartedByYearEndAndNotTerminatedBeforeYearStart(null, null, Y));
        // terminated 2025-08-31, before the year began: not liable any more
        assertFalse(Liability.memberIsLiableWhenFirstAccessStartedByYearEndAndNotTerminatedBeforeYearStart(
                LocalDate.of(2023, 9, 4), LocalDate.of(2025, 8, 31), Y));
    }

    /* Worked example: first access on 2026-09-01, the day after 2025-2026 ends: pays nothing for 2025-2026. */
    @Test
    void memberWhoseAccessStartsAfterTheYearEndPaysNothing() {
        assertFalse(Liability.memberIsLiableWhenFirstAccessStartedByYearEndAndNotTerminatedBeforeYearStart(
                LocalDate.of(2026, 9, 1), null, Y));
    }

    /* Worked example: terminated with effect 2026-01-15, in the middle of 2025-2026: liable for the whole year (final contribution). */
    @Test
    void memberTerminatedDuringTheYearPaysItsFullShare() {
        assertTrue(Liability.memberIsLiableWhenFirstAccessStartedByYearEndAndNotTerminatedBeforeYearStart(
                LocalDate.of(2024, 9, 2), LocalDate.of(2026, 1, 15), Y));
        // and its classes count in full although their access ended on 2026-01-15
        assertEquals(24, BeneficiaryStudents.studentsOfClassesWithEffectiveAccessDuringTheYear(List.of(
                new ClassAccess("0800091P", "CM1", 24, LocalDate.of(2025, 9, 1), LocalDate.of(2026, 1, 15))), Y));
    }

    @Test
    void studentsOfClassesWithEffectiveAccessDuringTheYear() {
        // 25 (whole year) + 20 (started in March) + 0 from a class starting after the year + 0 from one ended before it = 45
        assertEquals(45, BeneficiaryStudents.studentsOfClassesWithEffectiveAccessDuringTheYear(List.of(
                new ClassAccess("0800091P", "CP", 25, LocalDate.of(2025, 9, 1), null),
                new ClassAccess("0800091P", "CE1", 20, LocalDate.of(2026, 3, 2), null),
                new ClassAccess("0800094T", "CE2", 30, LocalDate.of(2026, 9, 1), null),
                new ClassAccess("0800094T", "CM2", 18, LocalDate.of(2024, 9, 2), LocalDate.of(2025, 7, 4))), Y));
    }

    @Test
    void contributionsAreCalledOnlyAfterTheSchoolYearEnds() {
        assertFalse(Liability.contributionsAreCalledOnlyAfterTheSchoolYearEnds(Y, LocalDate.of(2026, 8, 31)));
        assertTrue(Liability.contributionsAreCalledOnlyAfterTheSchoolYearEnds(Y, LocalDate.of(2026, 9, 1)));
    }
}
