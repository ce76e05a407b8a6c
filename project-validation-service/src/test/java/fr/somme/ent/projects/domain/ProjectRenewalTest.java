package fr.somme.ent.projects.domain;

import static fr.somme.ent.projects.domain.ProjectTest.CLOCK;
import static fr.somme.ent.projects.domain.ProjectTest.TEACHER;
import static fr.somme.ent.projects.domain.ProjectTest.at;
import static fr.somme.ent.projects.domain.ProjectTest.school;
import static fr.somme.ent.projects.domain.ProjectTest.submittedProject;
import static fr.somme.ent.projects.domain.ProjectTest.validatedProject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import fr.somme.ent.commons.rules.Rejection;
import fr.somme.ent.commons.security.Role;

/** Art. 2 (rule 7): a validation holds for one school year; next year the validated project is renewed as a new draft. */
class ProjectRenewalTest {

    @Test
    void aValidatedProjectIsRenewedAsADraftForTheNextSchoolYearThatRemembersItsSource() {
        Project source = validatedProject(school("0801"));
        Clock later = at("2027-06-10T08:00:00Z");
        School movedSchool = school("0805"); // the DSDEN moved the school to another circonscription since

        Project.Drafted renewal = source.renew(TEACHER, movedSchool, false, later);
        Project p = renewal.project();
        assertNotEquals(source.id(), p.id());
        assertEquals(Optional.of(source.id()), p.renewedFrom());
        assertEquals(ProjectState.DRAFT, p.state());
        assertEquals("2027-2028", p.schoolYear());
        assertEquals("prof.dupont", p.teacherId());
        assertEquals(source.schoolUai(), p.schoolUai());
        assertEquals("0805", p.circonscriptionCode());
        assertEquals(source.classLabel(), p.classLabel());
        assertEquals(List.of("CM1", "CM2"), p.levels());
        assertEquals(24, p.students());
        assertEquals("Blog de classe", p.objectives());
        assertEquals(List.of("ENT-BASE"), p.requestedResources());
        assertEquals(0, p.submissions());
        assertNull(p.decision());
        assertEquals(later.instant(), p.createdAt());

        ProjectTransition t = renewal.transition();
        assertEquals(p.id(), t.projectId());
        assertNull(t.fromState());
        assertEquals(ProjectState.DRAFT, t.toState());
        assertTrue(t.reason().contains(source.id().toString()), t.reason());
        assertTrue(t.reason().startsWith("Renouvellement"), t.reason());

        // the source keeps its validation for its own school year
        assertEquals(ProjectState.VALIDATED, source.state());
        assertEquals(Optional.empty(), source.renewedFrom());
        assertEquals(CLOCK.instant(), source.updatedAt());
    }

    @Test
    void aProjectIsRenewedOnceAndOnlyWhenValidated() {
        School school = school("0801");
        Project validated = validatedProject(school);
        assertEquals("project-already-renewed", assertThrows(Rejection.class, () -> validated.renew(TEACHER, school, true, CLOCK)).slug());
        Project submitted = submittedProject(school);
        assertEquals("project-not-renewable", assertThrows(Rejection.class, () -> submitted.renew(TEACHER, school, false, CLOCK)).slug());
        assertEquals(ProjectState.SUBMITTED, submitted.state());
    }

    @Test
    void aRenewalIsForAnOpenSchoolYearAndASchoolTheDsdenStillKnows() {
        School school = school("0801");
        Project validated = validatedProject(school);
        assertEquals("unknown-school", assertThrows(Rejection.class, () -> validated.renew(TEACHER, null, false, CLOCK)).slug());
        // in 2028-2029 the renewal of a 2026-2027 project would be for 2027-2028, a year gone
        assertEquals("school-year-not-open", assertThrows(Rejection.class,
                () -> validated.renew(TEACHER, school, false, at("2028-09-05T08:00:00Z"))).slug());
        assertEquals(Optional.empty(), validated.renewedFrom());
    }

    @Test
    void aDraftAndItsRenewalBelongToTheSubjectOfTheTeacherWhoWroteThem() {
        School school = school("0801");
        Actor teacher = new Actor("prof.dupont", Role.TEACHER, "sub-dupont");
        Project draft = Project.draft(teacher, ProjectTest.content(school.uai(), "2026-2027"), school, CLOCK).project();
        assertTrue(draft.isOwnedBy("sub-dupont", "prof.renamed"));
        assertFalse(draft.isOwnedBy("sub-other", "prof.dupont"));
        assertEquals("sub-dupont", draft.teacherSub(), "the subject its events carry");
        assertEquals("prof.dupont", draft.teacherId());

        Project renewal = validatedProject(school).renew(teacher, school, false, at("2027-06-10T08:00:00Z")).project();
        assertTrue(renewal.isOwnedBy("sub-dupont", "prof.renamed"));
        assertEquals("sub-dupont", renewal.teacherSub());
        assertFalse(renewal.isOwnedBy("sub-other", "prof.dupont"));
        // written without a subject (as before V6): its user name
        assertTrue(validatedProject(school).isOwnedBy("sub-any", "prof.dupont"));
        assertFalse(validatedProject(school).isOwnedBy("sub-any", "prof.other"));
    }
}
