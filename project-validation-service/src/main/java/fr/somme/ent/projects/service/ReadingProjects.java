package fr.somme.ent.projects.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.commons.rest.PageOf;
import fr.somme.ent.projects.domain.Project;
import fr.somme.ent.projects.domain.ProjectState;
import fr.somme.ent.projects.domain.ProjectTransition;
import fr.somme.ent.projects.repository.MemberDesignationRepository;
import fr.somme.ent.projects.repository.ProjectRepository;
import fr.somme.ent.projects.repository.ProjectTransitionRepository;

/**
 * Who reads which projects: a teacher his own projects of his own school; an IEN the non-draft projects of his
 * circonscription; a member agent the non-draft projects of the schools its member designates for the project's
 * school year; the DSDEN and the operator every project. Outside the scope a project does not exist (404).
 */
@ApplicationScoped
public class ReadingProjects {

    private static final String NONE = "-"; // matches no circonscription, school nor member

    private final ProjectRepository projects;
    private final ProjectTransitionRepository transitions;
    private final MemberDesignationRepository designations;

    public ReadingProjects(ProjectRepository projects, ProjectTransitionRepository transitions,
            MemberDesignationRepository designations) {
        this.projects = projects;
        this.transitions = transitions;
        this.designations = designations;
    }

    /** The project if the caller may see it; otherwise 404, so that existence does not leak. */
    public Project visible(Caller caller, UUID id) {
        Project p = projects.findById(id);
        if (p == null || !canSee(caller, p)) {
            throw ProblemException.notFound("project", id);
        }
        return p;
    }

    /** A page of the projects the caller may see, in SQL (scope and filters in the query), oldest first then by id. */
    public PageOf<Project> list(Caller caller, ProjectState state, String schoolYear, int page, int size) {
        if (caller.seesAll()) {
            return projects.all(state, schoolYear, page, size);
        }
        return caller.role().map(role -> switch (role) {
            case IEN -> projects.announcedInCirconscription(caller.circonscription().orElse(NONE), state, schoolYear, page, size);
            case TEACHER -> projects.ofTeacherAtSchool(caller.subject(), caller.actor(), caller.schoolUai().orElse(NONE), state,
                    schoolYear, page, size);
            case MEMBER_AGENT -> designations.announcedProjectsOfDesignatedSchools(caller.memberId().orElse(NONE), state,
                    schoolYear, page, size);
            default -> new PageOf<Project>(List.of(), page, size, 0);
        }).orElse(new PageOf<>(List.of(), page, size, 0));
    }

    public List<ProjectTransition> transitions(Caller caller, UUID id) {
        visible(caller, id);
        return transitions.history(id);
    }

    private boolean canSee(Caller caller, Project p) {
        if (caller.seesAll()) {
            return true;
        }
        boolean announced = p.state() != ProjectState.DRAFT;
        return caller.role().map(role -> switch (role) {
            case IEN -> announced && caller.circonscription().filter(p.circonscriptionCode()::equals).isPresent();
            case TEACHER -> p.isOwnedBy(caller.subject(), caller.actor()) && caller.schoolUai().filter(p.schoolUai()::equals).isPresent();
            case MEMBER_AGENT -> announced && designations.designates(caller.memberId().orElse(NONE), p.schoolUai(), p.schoolYear());
            default -> false;
        }).orElse(false);
    }
}
