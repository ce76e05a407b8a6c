package fr.somme.ent.projects.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.commons.rules.Rejection;
import fr.somme.ent.commons.rules.Rejection.Kind;
import fr.somme.ent.projects.domain.ProjectRules.ConventionPeriod;

/** The rules of art. 2 as plain functions, each test named after its rule. */
class ProjectRulesTest {

    private static final ConventionPeriod CONVENTION = new ConventionPeriod("CONV-1", LocalDate.of(2025, 9, 1), LocalDate.of(2028, 8, 31),
            LocalDate.of(2025, 6, 30));
    private static final SchoolYear YEAR = SchoolYear.parse("2026-2027");

    @Test
    void noValidationWithoutASignedConventionCoveringTheSchoolYear() {
        LocalDate decided = LocalDate.of(2026, 11, 16);
        assertEquals(CONVENTION, counting(List.of(CONVENTION), decided, YEAR));
        // in force on the decision date: its first and its last day count, the day before and the day after do not
        ConventionPeriod fromDecision = period(decided, LocalDate.of(2030, 8, 31), LocalDate.of(2025, 6, 30));
        assertEquals(fromDecision, counting(List.of(fromDecision), decided, SchoolYear.parse("2027-2028")));
        assertNoConvention(List.of(fromDecision), decided.minusDays(1), SchoolYear.parse("2027-2028"));
        ConventionPeriod toDecision = period(LocalDate.of(2024, 9, 1), decided, LocalDate.of(2024, 6, 30));
        assertNoConvention(List.of(toDecision), decided.plusDays(1), SchoolYear.parse("2024-2025"));
        assertEquals(toDecision, counting(List.of(toDecision), decided, SchoolYear.parse("2024-2025")));
        // signed: on the decision date counts, the day after does not, never signed never counts
        ConventionPeriod signedThatDay = period(LocalDate.of(2025, 9, 1), LocalDate.of(2028, 8, 31), decided);
        assertEquals(signedThatDay, counting(List.of(signedThatDay), decided, YEAR));
        assertNoConvention(List.of(period(LocalDate.of(2025, 9, 1), LocalDate.of(2028, 8, 31), decided.plusDays(1))), decided, YEAR);
        assertNoConvention(List.of(period(LocalDate.of(2025, 9, 1), LocalDate.of(2028, 8, 31), null)), decided, YEAR);
        // covering the school year: from 1 September at the latest, to 31 August at the earliest
        ConventionPeriod exactly = period(YEAR.firstDay(), YEAR.lastDay(), LocalDate.of(2026, 6, 30));
        assertEquals(exactly, counting(List.of(exactly), decided, YEAR));
        assertNoConvention(List.of(period(YEAR.firstDay(), YEAR.lastDay().minusDays(1), LocalDate.of(2026, 6, 30))), decided, YEAR);
        assertNoConvention(List.of(period(YEAR.firstDay().plusDays(1), YEAR.lastDay(), LocalDate.of(2026, 6, 30))), decided, YEAR);
        assertNoConvention(List.of(), decided, YEAR);
        // the one that counts is found among others
        assertEquals(CONVENTION, counting(List.of(period(LocalDate.of(2020, 9, 1), LocalDate.of(2023, 8, 31), LocalDate.of(2020, 6, 1)),
                CONVENTION), decided, YEAR));
    }

    @Test
    void aConventionCoversADateAYearAndIsSignedByADay() {
        assertTrue(CONVENTION.covers(LocalDate.of(2025, 9, 1)));
        assertTrue(CONVENTION.covers(LocalDate.of(2028, 8, 31)));
        assertFalse(CONVENTION.covers(LocalDate.of(2025, 8, 31)));
        assertFalse(CONVENTION.covers(LocalDate.of(2028, 9, 1)));
        assertTrue(CONVENTION.coversSchoolYear(SchoolYear.parse("2025-2026")));
        assertTrue(CONVENTION.coversSchoolYear(SchoolYear.parse("2027-2028")));
        assertFalse(CONVENTION.coversSchoolYear(SchoolYear.parse("2024-2025")));
        assertFalse(CONVENTION.coversSchoolYear(SchoolYear.parse("2028-2029")));
        assertTrue(CONVENTION.signedBy(LocalDate.of(2025, 6, 30)));
        assertFalse(CONVENTION.signedBy(LocalDate.of(2025, 6, 29)));
    }

    @Test
    void dsdenConventionsDoNotOverlap() {
        Rejection overlap = assertThrows(Rejection.class, () -> ProjectRules.dsdenConventionsDoNotOverlap(List.of(CONVENTION),
                period(LocalDate.of(2028, 8, 31), LocalDate.of(2031, 8, 31), LocalDate.of(2028, 6, 1))));
        assertEquals(Kind.CONFLICT, overlap.kind()); // 409 at the edge
        assertEquals("overlapping-convention", overlap.slug());
        assertThrows(Rejection.class, () -> ProjectRules.dsdenConventionsDoNotOverlap(List.of(CONVENTION),
                period(LocalDate.of(2020, 9, 1), LocalDate.of(2025, 9, 1), LocalDate.of(2020, 6, 1))));
        assertDoesNotThrow(() -> ProjectRules.dsdenConventionsDoNotOverlap(List.of(CONVENTION),
                period(LocalDate.of(2028, 9, 1), LocalDate.of(2031, 8, 31), LocalDate.of(2028, 6, 1))));
        assertDoesNotThrow(() -> ProjectRules.dsdenConventionsDoNotOverlap(List.of(CONVENTION),
                period(LocalDate.of(2020, 9, 1), LocalDate.of(2025, 8, 31), LocalDate.of(2020, 6, 1))));
        // an unsigned convention is never in force: it overlaps nothing, and nothing overlaps it
        ConventionPeriod unsigned = period(LocalDate.of(2026, 9, 1), LocalDate.of(2029, 8, 31), null);
        assertDoesNotThrow(() -> ProjectRules.dsdenConventionsDoNotOverlap(List.of(CONVENTION), unsigned));
        assertDoesNotThrow(() -> ProjectRules.dsdenConventionsDoNotOverlap(List.of(unsigned),
                period(LocalDate.of(2028, 9, 1), LocalDate.of(2031, 8, 31), LocalDate.of(2028, 6, 1))));
        assertEquals(Kind.RULE_NOT_SATISFIED, assertThrows(Rejection.class, () -> ProjectRules.dsdenConventionsDoNotOverlap(List.of(),
                period(LocalDate.of(2031, 9, 1), LocalDate.of(2031, 8, 31), null))).kind());
        assertDoesNotThrow(() -> ProjectRules.dsdenConventionsDoNotOverlap(List.of(),
                period(LocalDate.of(2031, 9, 1), LocalDate.of(2031, 9, 1), LocalDate.of(2031, 6, 1))));
    }

    @Test
    void onlyTheIenOfTheSchoolsCirconscriptionDecides() {
        assertTrue(ProjectRules.onlyTheIenOfTheSchoolsCirconscriptionDecides("0801", "0801"));
        assertFalse(ProjectRules.onlyTheIenOfTheSchoolsCirconscriptionDecides("0801", "0802"));
        assertFalse(ProjectRules.onlyTheIenOfTheSchoolsCirconscriptionDecides("0801", null));
    }

    @Test
    void noDecisionOnceTheSchoolYearHasEnded() {
        assertDoesNotThrow(() -> ProjectRules.noDecisionOnceTheSchoolYearHasEnded(YEAR, LocalDate.of(2027, 8, 31)));
        assertDoesNotThrow(() -> ProjectRules.noDecisionOnceTheSchoolYearHasEnded(YEAR, LocalDate.of(2026, 6, 1)));
        Rejection ended = assertThrows(Rejection.class, () -> ProjectRules.noDecisionOnceTheSchoolYearHasEnded(YEAR, LocalDate.of(2027, 9, 1)));
        assertEquals(Kind.CONFLICT, ended.kind());
        assertEquals("school-year-ended", ended.slug());
    }

    @Test
    void aProjectIsForTheCurrentOrNextSchoolYear() {
        LocalDate today = LocalDate.of(2026, 11, 28);
        assertDoesNotThrow(() -> ProjectRules.aProjectIsForTheCurrentOrNextSchoolYear(SchoolYear.parse("2026-2027"), today));
        assertDoesNotThrow(() -> ProjectRules.aProjectIsForTheCurrentOrNextSchoolYear(SchoolYear.parse("2027-2028"), today));
        assertThrows(Rejection.class, () -> ProjectRules.aProjectIsForTheCurrentOrNextSchoolYear(SchoolYear.parse("2025-2026"), today));
        assertThrows(Rejection.class, () -> ProjectRules.aProjectIsForTheCurrentOrNextSchoolYear(SchoolYear.parse("2028-2029"), today));
    }

    @Test
    void aRejectionGivesItsReason() {
        assertThrows(Rejection.class, () -> ProjectRules.aRejectionGivesItsReason(Decision.REJECTED, " "));
        assertThrows(Rejection.class, () -> ProjectRules.aRejectionGivesItsReason(Decision.CHANGES_REQUESTED, null));
        assertDoesNotThrow(() -> ProjectRules.aRejectionGivesItsReason(Decision.REJECTED, "objectifs trop vagues"));
        assertDoesNotThrow(() -> ProjectRules.aRejectionGivesItsReason(Decision.VALIDATED, null));
    }

    @Test
    void aProjectCanBeWithdrawnUntilItsClassIsDeployed() {
        for (ProjectState s : List.of(ProjectState.DRAFT, ProjectState.SUBMITTED, ProjectState.REJECTED, ProjectState.CHANGES_REQUESTED,
                ProjectState.VALIDATED)) {
            assertDoesNotThrow(() -> ProjectRules.aProjectCanBeWithdrawnUntilItsClassIsDeployed(s, false));
        }
        Rejection deployed = assertThrows(Rejection.class,
                () -> ProjectRules.aProjectCanBeWithdrawnUntilItsClassIsDeployed(ProjectState.VALIDATED, true));
        assertEquals(Kind.CONFLICT, deployed.kind());
        assertEquals("project-already-deployed", deployed.slug());
        assertEquals("invalid-transition", assertThrows(Rejection.class,
                () -> ProjectRules.aProjectCanBeWithdrawnUntilItsClassIsDeployed(ProjectState.WITHDRAWN, false)).slug());
        assertEquals("invalid-transition", assertThrows(Rejection.class,
                () -> ProjectRules.aProjectCanBeWithdrawnUntilItsClassIsDeployed(ProjectState.WITHDRAWN, true)).slug());
    }

    @Test
    void onlyAValidatedProjectIsRenewed() {
        assertDoesNotThrow(() -> ProjectRules.onlyAValidatedProjectIsRenewed(ProjectState.VALIDATED));
        for (ProjectState s : List.of(ProjectState.DRAFT, ProjectState.SUBMITTED, ProjectState.REJECTED, ProjectState.CHANGES_REQUESTED,
                ProjectState.WITHDRAWN)) {
            Rejection refused = assertThrows(Rejection.class, () -> ProjectRules.onlyAValidatedProjectIsRenewed(s));
            assertEquals(Kind.CONFLICT, refused.kind());
            assertEquals("project-not-renewable", refused.slug());
        }
    }

    @Test
    void aProjectIsRenewedOnce() {
        assertDoesNotThrow(() -> ProjectRules.aProjectIsRenewedOnce(false));
        Rejection again = assertThrows(Rejection.class, () -> ProjectRules.aProjectIsRenewedOnce(true));
        assertEquals(Kind.CONFLICT, again.kind());
        assertEquals("project-already-renewed", again.slug());
    }

    @Test
    void aDecisionNeverOverridesAnEarlierOne() {
        LocalDate submitted = LocalDate.of(2026, 10, 5);
        assertDoesNotThrow(() -> ProjectRules.aDecisionNeverOverridesAnEarlierOne(ProjectState.SUBMITTED, submitted, submitted));
        for (ProjectState s : List.of(ProjectState.VALIDATED, ProjectState.REJECTED, ProjectState.CHANGES_REQUESTED, ProjectState.WITHDRAWN,
                ProjectState.DRAFT)) {
            assertEquals(Kind.CONFLICT, assertThrows(Rejection.class,
                    () -> ProjectRules.aDecisionNeverOverridesAnEarlierOne(s, submitted, submitted)).kind());
        }
        // a decision taken before the current (re)submission is about an earlier version
        assertThrows(Rejection.class,
                () -> ProjectRules.aDecisionNeverOverridesAnEarlierOne(ProjectState.SUBMITTED, submitted, submitted.minusDays(1)));
    }

    @Test
    void onlyAllowedTransitions() {
        assertTrue(ProjectState.DRAFT.canMoveTo(ProjectState.SUBMITTED));
        assertTrue(ProjectState.REJECTED.canMoveTo(ProjectState.SUBMITTED));
        assertTrue(ProjectState.CHANGES_REQUESTED.canMoveTo(ProjectState.SUBMITTED));
        assertFalse(ProjectState.DRAFT.canMoveTo(ProjectState.VALIDATED));
        assertFalse(ProjectState.VALIDATED.canMoveTo(ProjectState.SUBMITTED));
        assertFalse(ProjectState.WITHDRAWN.canMoveTo(ProjectState.SUBMITTED));
        Rejection again = assertThrows(Rejection.class, () -> ProjectRules.onlyAllowedTransitions(ProjectState.SUBMITTED, ProjectState.SUBMITTED));
        assertEquals(Kind.CONFLICT, again.kind());
        assertEquals("invalid-transition", again.slug());
        assertTrue(ProjectState.VALIDATED.canMoveTo(ProjectState.WITHDRAWN));
        assertFalse(ProjectState.WITHDRAWN.canMoveTo(ProjectState.WITHDRAWN));
    }

    private static ConventionPeriod period(LocalDate from, LocalDate to, LocalDate signedOn) {
        return new ConventionPeriod("CONV-" + from + "-" + signedOn, from, to, signedOn);
    }

    private static ConventionPeriod counting(List<ConventionPeriod> conventions, LocalDate decidedOn, SchoolYear year) {
        return ProjectRules.noValidationWithoutASignedConventionCoveringTheSchoolYear(conventions, decidedOn, year);
    }

    private static void assertNoConvention(List<ConventionPeriod> conventions, LocalDate decidedOn, SchoolYear year) {
        Rejection refused = assertThrows(Rejection.class, () -> counting(conventions, decidedOn, year));
        assertEquals(Kind.CONFLICT, refused.kind()); // 409 at the edge
        assertEquals("no-convention-for-school-year", refused.slug());
    }

    @Test
    void aTeacherOwnsHisProjectsBySubject() {
        assertTrue(ProjectRules.aTeacherOwnsHisProjectsBySubject("sub-1", "prof.a", "sub-1", "prof.renamed"));
        assertFalse(ProjectRules.aTeacherOwnsHisProjectsBySubject("sub-1", "prof.a", "sub-2", "prof.a"));
        assertFalse(ProjectRules.aTeacherOwnsHisProjectsBySubject("sub-1", "prof.a", null, "prof.a"));
        // a project written before subjects were recorded: its user name
        assertTrue(ProjectRules.aTeacherOwnsHisProjectsBySubject(null, "prof.a", "sub-9", "prof.a"));
        assertFalse(ProjectRules.aTeacherOwnsHisProjectsBySubject(null, "prof.a", "sub-1", "prof.b"));
    }
}
