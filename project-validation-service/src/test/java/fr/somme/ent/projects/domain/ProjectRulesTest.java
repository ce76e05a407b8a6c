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

    private static final ConventionPeriod CONVENTION = new ConventionPeriod("CONV-1", LocalDate.of(2025, 9, 1), LocalDate.of(2028, 8, 31));

    @Test
    void noValidationOutsideAnActiveDsdenConvention() {
        assertEquals(CONVENTION, ProjectRules.noValidationOutsideAnActiveDsdenConvention(List.of(CONVENTION), LocalDate.of(2025, 9, 1)));
        assertEquals(CONVENTION, ProjectRules.noValidationOutsideAnActiveDsdenConvention(List.of(CONVENTION), LocalDate.of(2028, 8, 31)));
        Rejection before = assertThrows(Rejection.class,
                () -> ProjectRules.noValidationOutsideAnActiveDsdenConvention(List.of(CONVENTION), LocalDate.of(2025, 8, 31)));
        assertEquals(Kind.RULE_NOT_SATISFIED, before.kind()); // 422 at the edge
        assertEquals("no-active-dsden-convention", before.slug());
        assertThrows(Rejection.class,
                () -> ProjectRules.noValidationOutsideAnActiveDsdenConvention(List.of(CONVENTION), LocalDate.of(2028, 9, 1)));
        assertThrows(Rejection.class, () -> ProjectRules.noValidationOutsideAnActiveDsdenConvention(List.of(), LocalDate.of(2026, 1, 5)));
    }

    @Test
    void dsdenConventionsDoNotOverlap() {
        Rejection overlap = assertThrows(Rejection.class, () -> ProjectRules.dsdenConventionsDoNotOverlap(List.of(CONVENTION),
                new ConventionPeriod("CONV-2", LocalDate.of(2028, 8, 31), LocalDate.of(2031, 8, 31))));
        assertEquals(Kind.CONFLICT, overlap.kind()); // 409 at the edge
        assertEquals("overlapping-convention", overlap.slug());
        assertDoesNotThrow(() -> ProjectRules.dsdenConventionsDoNotOverlap(List.of(CONVENTION),
                new ConventionPeriod("CONV-2", LocalDate.of(2028, 9, 1), LocalDate.of(2031, 8, 31))));
        assertEquals(Kind.RULE_NOT_SATISFIED, assertThrows(Rejection.class, () -> ProjectRules.dsdenConventionsDoNotOverlap(List.of(),
                new ConventionPeriod("CONV-3", LocalDate.of(2031, 9, 1), LocalDate.of(2031, 8, 31)))).kind());
    }

    @Test
    void onlyTheIenOfTheSchoolsCirconscriptionDecides() {
        assertTrue(ProjectRules.onlyTheIenOfTheSchoolsCirconscriptionDecides("0801", "0801"));
        assertFalse(ProjectRules.onlyTheIenOfTheSchoolsCirconscriptionDecides("0801", "0802"));
        assertFalse(ProjectRules.onlyTheIenOfTheSchoolsCirconscriptionDecides("0801", null));
    }

    @Test
    void aValidationHoldsForOneSchoolYear() {
        SchoolYear year = SchoolYear.parse("2026-2027");
        assertDoesNotThrow(() -> ProjectRules.aValidationHoldsForOneSchoolYear(year, LocalDate.of(2027, 8, 31)));
        assertThrows(Rejection.class, () -> ProjectRules.aValidationHoldsForOneSchoolYear(year, LocalDate.of(2027, 9, 1)));
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
    void aProjectCanBeWithdrawnOnlyBeforeDeployment() {
        for (ProjectState s : List.of(ProjectState.DRAFT, ProjectState.SUBMITTED, ProjectState.REJECTED, ProjectState.CHANGES_REQUESTED)) {
            assertDoesNotThrow(() -> ProjectRules.aProjectCanBeWithdrawnOnlyBeforeDeployment(s));
        }
        assertEquals(Kind.CONFLICT, assertThrows(Rejection.class,
                () -> ProjectRules.aProjectCanBeWithdrawnOnlyBeforeDeployment(ProjectState.VALIDATED)).kind());
        assertThrows(Rejection.class, () -> ProjectRules.aProjectCanBeWithdrawnOnlyBeforeDeployment(ProjectState.WITHDRAWN));
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
        // only the withdrawal of a validated project is told why: it may already be deployed
        assertTrue(assertThrows(Rejection.class, () -> ProjectRules.onlyAllowedTransitions(ProjectState.VALIDATED, ProjectState.WITHDRAWN))
                .getMessage().contains("may already be deployed"));
        for (ProjectState[] t : new ProjectState[][] { { ProjectState.VALIDATED, ProjectState.SUBMITTED },
                { ProjectState.WITHDRAWN, ProjectState.WITHDRAWN } }) {
            assertFalse(assertThrows(Rejection.class, () -> ProjectRules.onlyAllowedTransitions(t[0], t[1])).getMessage()
                    .contains("deployed"));
        }
    }
}
