package fr.somme.ent.projects.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.somme.ent.commons.ids.Uai;
import fr.somme.ent.commons.rules.Rejection;
import fr.somme.ent.commons.security.Role;

/** The project guards its own life: each change passes its rules and returns the transition to record. */
class ProjectTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T09:00:00Z"), ZoneId.of("Europe/Paris"));
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final Actor TEACHER = new Actor("prof.dupont", Role.TEACHER);
    private static final List<ProjectRules.ConventionPeriod> CONVENTIONS = List.of(
            new ProjectRules.ConventionPeriod("CONV-1", LocalDate.of(2025, 9, 1), LocalDate.of(2028, 8, 31)));

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
        assertEquals("evt-1", validated.eventId());
        assertEquals(LocalDate.of(2027, 8, 31), p.validUntil().orElseThrow());
        assertTrue(p.alreadyDecided(validation));
        assertFalse(p.alreadyDecided(new IenDecision(Decision.VALIDATED, "ien-2", null, TODAY, Channel.rest())));
    }

    @Test
    void aRefusedChangeLeavesTheProjectAsItWas() {
        School school = school("0801");
        Project p = Project.draft(TEACHER, content(school.uai(), "2026-2027"), school, CLOCK).project();
        p.submit(TEACHER, school, CLOCK);

        Rejection notEditable = assertThrows(Rejection.class, () -> p.edit(content(school.uai(), "2026-2027"), school, CLOCK));
        assertEquals("not-editable", notEditable.slug());
        Rejection future = assertThrows(Rejection.class, () -> p.decide(
                new IenDecision(Decision.VALIDATED, "ien-1", null, TODAY.plusDays(1), Channel.rest()), "0801", CONVENTIONS, CLOCK));
        assertEquals("decision-in-the-future", future.slug());
        assertEquals(ProjectState.SUBMITTED, p.state());
    }

    @Test
    void aProjectIsWrittenForASchoolTheDsdenKnowsAndAReadableSchoolYear() {
        String uai = school("0801").uai();
        assertEquals("unknown-school", assertThrows(Rejection.class,
                () -> Project.draft(TEACHER, content(uai, "2026-2027"), null, CLOCK)).slug());
        Rejection badYear = assertThrows(Rejection.class, () -> Project.draft(TEACHER, content(uai, "2026"), school("0801"), CLOCK));
        assertEquals(Rejection.Kind.INVALID_INPUT, badYear.kind());
        assertEquals("invalid-school-year", badYear.slug());
        assertEquals("invalid-uai", assertThrows(Rejection.class, () -> School.identifiedBy("0800091R")).slug());
    }

    private static School school(String circonscription) {
        String seven = "0800091";
        School s = School.identifiedBy(seven + Uai.checkLetter(seven));
        s.update(new School.Facts("ECOLE PRIMAIRE", "80021", School.Level.PRIMAIRE, School.Sector.PUBLIC, circonscription),
                CLOCK.instant(), null);
        return s;
    }

    private static ProjectContent content(String uai, String schoolYear) {
        return new ProjectContent(uai, "CM1-CM2", List.of("CM1", "CM2"), schoolYear, 24, "Blog de classe", List.of("ENT-BASE"));
    }
}
