package fr.somme.ent.projects.domain;

import static fr.somme.ent.projects.domain.ProjectTest.CONVENTIONS;
import static fr.somme.ent.projects.domain.ProjectTest.TEACHER;
import static fr.somme.ent.projects.domain.ProjectTest.at;
import static fr.somme.ent.projects.domain.ProjectTest.content;
import static fr.somme.ent.projects.domain.ProjectTest.school;
import static fr.somme.ent.projects.domain.ProjectTest.submittedProject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.somme.ent.commons.rules.Rejection;

/** An IEN's decision on a project: each rule refuses on its own, and a refused decision leaves the project as it was. */
class ProjectDecisionTest {

    private static final Clock NOV_28 = ProjectTest.CLOCK;
    private static final LocalDate TODAY = ProjectTest.TODAY;

    @Test
    void aDecisionDatedInTheFutureIsRefused() {
        Project p = submittedProject(school("0801"));
        assertRefused(p, "decision-in-the-future", new IenDecision(Decision.VALIDATED, "ien-1", null, TODAY.plusDays(1), Channel.rest()),
                NOV_28);
    }

    @Test
    void aRejectionOrARequestForChangesWithoutAReasonIsRefused() {
        Project p = submittedProject(school("0801"));
        assertRefused(p, "reason-required", new IenDecision(Decision.REJECTED, "ien-1", null, TODAY, Channel.rest()), NOV_28);
        assertRefused(p, "reason-required", new IenDecision(Decision.CHANGES_REQUESTED, "ien-1", " ", TODAY, Channel.rest()), NOV_28);
    }

    @Test
    void aDecisionOnADraftOrAboutAnEarlierSubmissionIsRefused() {
        School school = school("0801");
        Project draft = Project.draft(TEACHER, content(school.uai(), "2026-2027"), school, NOV_28).project();
        assertRefused(draft, "decision-contradicts-earlier", new IenDecision(Decision.VALIDATED, "ien-1", null, TODAY, Channel.rest()),
                NOV_28);

        Project submitted = submittedProject(school);
        assertRefused(submitted, "decision-predates-submission",
                new IenDecision(Decision.VALIDATED, "ien-1", null, TODAY.minusDays(1), Channel.rest()), NOV_28);
    }

    @Test
    void noValidationWithoutASignedConventionCoveringTheSchoolYearButARejectionNeedsNone() {
        Project p = submittedProject(school("0801"));
        IenDecision validation = new IenDecision(Decision.VALIDATED, "ien-1", null, TODAY, Channel.rest());
        Rejection refused = assertThrows(Rejection.class, () -> p.decide(validation, "0801", List.of(), NOV_28));
        assertEquals("no-convention-for-school-year", refused.slug());
        assertUndecided(p);

        p.decide(new IenDecision(Decision.REJECTED, "ien-1", "Objectifs à préciser", TODAY, Channel.rest()), "0801", List.of(), NOV_28);
        assertEquals(ProjectState.REJECTED, p.state());
    }

    @Test
    void aValidationHoldsForTheProjectsSchoolYearUntilItsLastDay() {
        Project lastDay = submittedProject(school("0801"));
        lastDay.decide(new IenDecision(Decision.VALIDATED, "ien-1", null, LocalDate.of(2027, 8, 31), Channel.rest()), "0801",
                CONVENTIONS, at("2027-08-31T15:00:00Z"));
        assertEquals(ProjectState.VALIDATED, lastDay.state());
        assertEquals(LocalDate.of(2027, 8, 31), lastDay.validUntil().orElseThrow());

        // once the school year has ended no decision is taken, neither a validation nor a rejection
        Project over = submittedProject(school("0801"));
        assertRefused(over, "school-year-ended", new IenDecision(Decision.VALIDATED, "ien-1", null, LocalDate.of(2027, 9, 1),
                Channel.dsdenEvent("evt-late")), at("2027-09-01T08:00:00Z"));
        assertRefused(over, "school-year-ended", new IenDecision(Decision.REJECTED, "ien-1", "Trop tard", LocalDate.of(2027, 9, 1),
                Channel.rest()), at("2027-09-01T08:00:00Z"));
    }

    @Test
    void aValidationCountsOnlyUnderASignedConventionCoveringTheWholeSchoolYear() {
        IenDecision validation = new IenDecision(Decision.VALIDATED, "ien-1", null, TODAY, Channel.rest());
        // valid on the decision date, but it ends before the end of the project's school year (31 August 2027)
        List<ProjectRules.ConventionPeriod> shortOne = List.of(new ProjectRules.ConventionPeriod("CONV-COURTE", LocalDate.of(2025, 9, 1),
                LocalDate.of(2027, 8, 30), LocalDate.of(2025, 6, 30)));
        Project p = submittedProject(school("0801"));
        assertEquals("no-convention-for-school-year", assertThrows(Rejection.class, () -> p.decide(validation, "0801", shortOne, NOV_28)).slug());
        assertUndecided(p);
        // signed the day after the decision
        List<ProjectRules.ConventionPeriod> signedLater = List.of(new ProjectRules.ConventionPeriod("CONV-TARDIVE", LocalDate.of(2025, 9, 1),
                LocalDate.of(2027, 8, 31), TODAY.plusDays(1)));
        assertEquals("no-convention-for-school-year", assertThrows(Rejection.class, () -> p.decide(validation, "0801", signedLater, NOV_28))
                .slug());
        assertUndecided(p);
        // to 31 August 2027 exactly, signed on the decision date: it counts
        List<ProjectRules.ConventionPeriod> exactly = List.of(new ProjectRules.ConventionPeriod("CONV-JUSTE", LocalDate.of(2026, 9, 1),
                LocalDate.of(2027, 8, 31), TODAY));
        p.decide(validation, "0801", exactly, NOV_28);
        assertEquals(ProjectState.VALIDATED, p.state());
    }

    private static void assertRefused(Project p, String slug, IenDecision decision, Clock clock) {
        ProjectState before = p.state();
        String circonscription = p.circonscriptionCode();
        Rejection refused = assertThrows(Rejection.class, () -> p.decide(decision, "0899", CONVENTIONS, clock));
        assertEquals(slug, refused.slug());
        assertEquals(before, p.state());
        assertEquals(circonscription, p.circonscriptionCode());
        assertUndecided(p);
    }

    private static void assertUndecided(Project p) {
        assertNull(p.decision());
        assertNull(p.decidedBy());
        assertNull(p.decidedOn());
        assertNull(p.decisionReason());
        assertEquals(ProjectTest.CLOCK.instant(), p.updatedAt());
    }
}
