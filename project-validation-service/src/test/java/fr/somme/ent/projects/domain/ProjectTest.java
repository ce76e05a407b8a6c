package fr.somme.ent.projects.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import fr.somme.ent.commons.ids.Uai;
import fr.somme.ent.commons.rules.Rejection;
import fr.somme.ent.commons.security.Role;

/** The project guards its own life: each change passes its rules and returns the transition to record. */
class ProjectTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Clock CLOCK = at("2026-11-28T09:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    static final Actor TEACHER = new Actor("prof.dupont", Role.TEACHER);
    static final List<ProjectRules.ConventionPeriod> CONVENTIONS = List.of(
            new ProjectRules.ConventionPeriod("CONV-1", LocalDate.of(2025, 9, 1), LocalDate.of(2028, 8, 31), LocalDate.of(2025, 6, 30)));

    @Test
    void aDraftIsSubmittedThenValidatedAndEachStepIsATransition() {
        School school = school("0801");
        Project.Drafted drafted = Project.draft(TEACHER, content(school.uai(), "2026-2027"), school, CLOCK);
        Project p = drafted.project();
        assertNull(drafted.transition().fromState());
        assertEquals(ProjectState.DRAFT, drafted.transition().toState());
        assertEquals(Role.TEACHER, drafted.transition().actorRole());

        ProjectTransition submitted = p.submit(TEACHER, school, CLOCK);
        assertEquals(ProjectState.DRAFT, submitted.fromState());
        assertEquals(1, p.submissions());

        IenDecision validation = new IenDecision(Decision.VALIDATED, "ien-1", null, TODAY, Channel.dsdenEvent("evt-1"));
        ProjectTransition validated = p.decide(validation, "0801", CONVENTIONS, CLOCK);
        assertEquals(ProjectState.VALIDATED, validated.toState());
        assertEquals(Role.IEN, validated.actorRole());
        assertEquals("dsden.decisions.v1", validated.channel());
        assertEquals("evt-1", validated.eventId());
        assertEquals(LocalDate.of(2027, 8, 31), p.validUntil().orElseThrow());
        assertTrue(p.alreadyDecided(validation));
        assertFalse(p.alreadyDecided(new IenDecision(Decision.VALIDATED, "ien-2", null, TODAY, Channel.rest())));
        assertFalse(p.alreadyDecided(new IenDecision(Decision.VALIDATED, "ien-1", null, TODAY.minusDays(1), Channel.rest())));
        assertFalse(p.alreadyDecided(new IenDecision(Decision.REJECTED, "ien-1", "non", TODAY, Channel.rest())));
    }

    @Test
    void aDraftKeepsWhatTheTeacherWroteAndItsSchoolsCirconscription() {
        School school = school("0801");
        ProjectContent written = new ProjectContent(school.uai(), "  CM1-CM2 Mme Martin ", List.of("CM1", "CM2"), "2026-2027", 24,
                "Blog de classe", List.of("ENT-BASE", "LUMNI-PRIMAIRE"));
        Project.Drafted drafted = Project.draft(TEACHER, written, school, CLOCK);
        Project p = drafted.project();
        assertNotNull(p.id());
        assertEquals("prof.dupont", p.teacherId());
        assertEquals(school.uai(), p.schoolUai());
        assertEquals("0801", p.circonscriptionCode());
        assertEquals("CM1-CM2 Mme Martin", p.classLabel());
        assertEquals(List.of("CM1", "CM2"), p.levels());
        assertEquals("2026-2027", p.schoolYear());
        assertEquals(24, p.students());
        assertEquals("Blog de classe", p.objectives());
        assertEquals(List.of("ENT-BASE", "LUMNI-PRIMAIRE"), p.requestedResources());
        assertEquals(ProjectState.DRAFT, p.state());
        assertEquals(0, p.submissions());
        assertNull(p.submittedAt());
        assertEquals(CLOCK.instant(), p.createdAt());
        assertEquals(CLOCK.instant(), p.updatedAt());
        assertEquals(Optional.empty(), p.validUntil());

        ProjectTransition t = drafted.transition();
        assertEquals(p.id(), t.projectId());
        assertEquals("prof.dupont", t.actor());
        assertEquals(CLOCK.instant(), t.at());
        assertNull(t.reason());
        assertEquals("REST", t.channel());
        assertNull(t.eventId());

        // no resource requested, no level: empty lists, not a list holding an empty name
        Project bare = Project.draft(TEACHER, new ProjectContent(school.uai(), "CP", null, "2026-2027", 12, "Lecture", null), school,
                CLOCK).project();
        assertEquals(List.of(), bare.requestedResources());
        assertEquals(List.of(), bare.levels());
    }

    @Test
    void aProjectIsWrittenForASchoolTheDsdenKnowsAndAReadableOpenSchoolYear() {
        String uai = school("0801").uai();
        assertEquals("unknown-school", assertThrows(Rejection.class,
                () -> Project.draft(TEACHER, content(uai, "2026-2027"), null, CLOCK)).slug());
        Rejection badYear = assertThrows(Rejection.class, () -> Project.draft(TEACHER, content(uai, "2026"), school("0801"), CLOCK));
        assertEquals(Rejection.Kind.INVALID_INPUT, badYear.kind());
        assertEquals("invalid-school-year", badYear.slug());
        assertEquals("school-year-not-open", assertThrows(Rejection.class,
                () -> Project.draft(TEACHER, content(uai, "2025-2026"), school("0801"), CLOCK)).slug());
        assertEquals("invalid-uai", assertThrows(Rejection.class, () -> School.identifiedBy("0800091R")).slug());
    }

    @Test
    void theTeacherEditsARejectedProjectAndItsResubmissionClearsTheDecision() {
        School school = school("0801");
        Project p = submittedProject(school);
        Clock later = at("2026-11-30T10:00:00Z");
        ProjectTransition rejected = p.decide(new IenDecision(Decision.REJECTED, "ien-1", "  Objectifs à préciser ", TODAY,
                Channel.rest()), "0805", CONVENTIONS, later);
        assertEquals(ProjectState.REJECTED, p.state());
        assertEquals(Decision.REJECTED, p.decision());
        assertEquals("ien-1", p.decidedBy());
        assertEquals(TODAY, p.decidedOn());
        assertEquals("Objectifs à préciser", p.decisionReason());
        assertEquals("0805", p.circonscriptionCode(), "the decision is taken for the school's circonscription of the day");
        assertEquals(later.instant(), p.updatedAt());
        assertEquals(Optional.empty(), p.validUntil(), "only a validation holds for a school year");
        assertEquals(ProjectState.SUBMITTED, rejected.fromState());
        assertEquals("Objectifs à préciser", rejected.reason());
        assertEquals("ien-1", rejected.actor());
        assertEquals(later.instant(), rejected.at());

        p.edit(new ProjectContent(school.uai(), "CM1-CM2", List.of("CM1"), "2026-2027", 26, "Blog et correspondance",
                List.of("ENT-BASE")), school, later);
        assertEquals(26, p.students());
        assertEquals(List.of("CM1"), p.levels());
        assertEquals("Blog et correspondance", p.objectives());

        ProjectTransition resubmitted = p.submit(TEACHER, school, later);
        assertEquals(ProjectState.REJECTED, resubmitted.fromState());
        assertEquals(ProjectState.SUBMITTED, p.state());
        assertEquals(2, p.submissions());
        assertEquals(later.instant(), p.submittedAt());
        assertNull(p.decision());
        assertNull(p.decidedBy());
        assertNull(p.decidedOn());
        assertNull(p.decisionReason());

        p.decide(new IenDecision(Decision.VALIDATED, "ien-1", "  ", LocalDate.of(2026, 11, 30), Channel.rest()), "0801", CONVENTIONS, later);
        assertNull(p.decisionReason(), "a blank reason is no reason");
    }

    @Test
    void aProjectIsEditedOnlyWhileADraftRejectedOrWithChangesRequested() {
        Set<ProjectState> editable = EnumSet.of(ProjectState.DRAFT, ProjectState.REJECTED, ProjectState.CHANGES_REQUESTED);
        for (ProjectState s : ProjectState.values()) {
            assertEquals(editable.contains(s), s.editable(), s.name());
        }
        School school = school("0801");
        Project p = submittedProject(school);
        Rejection notEditable = assertThrows(Rejection.class, () -> p.edit(new ProjectContent(school.uai(), "CP", List.of("CP"),
                "2026-2027", 30, "Autre projet", List.of()), school, at("2026-11-30T10:00:00Z")));
        assertEquals("not-editable", notEditable.slug());
        assertEquals(Rejection.Kind.CONFLICT, notEditable.kind());
        assertEquals(24, p.students());
        assertEquals("CM1-CM2", p.classLabel());
        assertEquals(CLOCK.instant(), p.updatedAt());
    }

    @Test
    void aSubmissionIsRefusedTwiceForASchoolGoneOrOnceTheSchoolYearIsNoLongerOpen() {
        School school = school("0801");
        Project p = submittedProject(school);
        assertEquals("invalid-transition", assertThrows(Rejection.class, () -> p.submit(TEACHER, school, CLOCK)).slug());
        assertEquals(1, p.submissions());

        Project gone = Project.draft(TEACHER, content(school.uai(), "2026-2027"), school, CLOCK).project();
        assertEquals("unknown-school", assertThrows(Rejection.class, () -> gone.submit(TEACHER, null, CLOCK)).slug());
        assertEquals(ProjectState.DRAFT, gone.state());

        Project nextYear = Project.draft(TEACHER, content(school.uai(), "2027-2028"), school, CLOCK).project();
        assertEquals("school-year-not-open", assertThrows(Rejection.class,
                () -> nextYear.submit(TEACHER, school, at("2028-09-01T08:00:00Z"))).slug());
        assertEquals(ProjectState.DRAFT, nextYear.state());
        assertEquals(0, nextYear.submissions());
    }

    @Test
    void aProjectIsWithdrawnUntilItsClassIsDeployed() {
        School school = school("0801");
        Project draft = Project.draft(TEACHER, content(school.uai(), "2026-2027"), school, CLOCK).project();
        Clock later = at("2026-12-01T10:00:00Z");
        ProjectTransition withdrawn = draft.withdraw(TEACHER, " Changement de classe ", false, later);
        assertEquals(ProjectState.WITHDRAWN, draft.state());
        assertEquals(ProjectState.DRAFT, withdrawn.fromState());
        assertEquals(ProjectState.WITHDRAWN, withdrawn.toState());
        assertEquals("Changement de classe", withdrawn.reason());
        assertEquals(later.instant(), withdrawn.at());
        assertEquals(later.instant(), draft.updatedAt());

        // validated, its class not deployed yet: withdrawn
        Project pending = validatedProject(school);
        ProjectTransition pendingWithdrawn = pending.withdraw(TEACHER, null, false, later);
        assertEquals(ProjectState.VALIDATED, pendingWithdrawn.fromState());
        assertEquals(ProjectState.WITHDRAWN, pending.state());

        // validated and its class deployed: refused, nothing changes
        Project deployed = validatedProject(school);
        assertEquals("project-already-deployed", assertThrows(Rejection.class, () -> deployed.withdraw(TEACHER, null, true, later)).slug());
        assertEquals(ProjectState.VALIDATED, deployed.state());
        assertEquals(CLOCK.instant(), deployed.updatedAt());

        // a rejection withdrawn afterwards is not "already decided": sending it again is refused by the rules
        Project rejected = submittedProject(school);
        IenDecision rejection = new IenDecision(Decision.REJECTED, "ien-1", "non", TODAY, Channel.rest());
        rejected.decide(rejection, "0801", CONVENTIONS, CLOCK);
        rejected.withdraw(TEACHER, null, false, CLOCK);
        assertFalse(rejected.alreadyDecided(rejection));
    }

    static Project validatedProject(School school) {
        Project p = submittedProject(school);
        p.decide(new IenDecision(Decision.VALIDATED, "ien-1", null, TODAY, Channel.rest()), school.circonscriptionCode(), CONVENTIONS, CLOCK);
        return p;
    }

    static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), PARIS);
    }

    static Project submittedProject(School school) {
        Project p = Project.draft(TEACHER, content(school.uai(), "2026-2027"), school, CLOCK).project();
        p.submit(TEACHER, school, CLOCK);
        return p;
    }

    static School school(String circonscription) {
        String seven = "0800091";
        School s = School.identifiedBy(seven + Uai.checkLetter(seven));
        s.update(new School.Facts("ECOLE PRIMAIRE", "80021", School.Level.PRIMAIRE, School.Sector.PUBLIC, circonscription),
                CLOCK.instant(), null);
        return s;
    }

    static ProjectContent content(String uai, String schoolYear) {
        return new ProjectContent(uai, "CM1-CM2", List.of("CM1", "CM2"), schoolYear, 24, "Blog de classe", List.of("ENT-BASE"));
    }
}
