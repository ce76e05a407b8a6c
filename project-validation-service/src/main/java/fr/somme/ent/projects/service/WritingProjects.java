package fr.somme.ent.projects.service;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.commons.security.Role;
import fr.somme.ent.projects.domain.Project;
import fr.somme.ent.projects.domain.ProjectContent;
import fr.somme.ent.projects.domain.ProjectTransition;
import fr.somme.ent.projects.domain.School;
import fr.somme.ent.projects.messaging.ProjectAnnouncements;
import fr.somme.ent.projects.repository.ClassDeploymentRepository;
import fr.somme.ent.projects.repository.ProjectRepository;
import fr.somme.ent.projects.repository.ProjectTransitionRepository;
import fr.somme.ent.projects.repository.SchoolRepository;

/** A teacher writes a project for a class of his own school, edits it, submits it to the IEN, withdraws it or renews it. */
@ApplicationScoped
@RefusesConcurrentUpdates
public class WritingProjects {

    private final Clock clock;
    private final ProjectRepository projects;
    private final ProjectTransitionRepository transitions;
    private final SchoolRepository schools;
    private final ReadingProjects reading;
    private final ProjectAnnouncements announcements;
    private final ClassDeploymentRepository deployments;

    public WritingProjects(Clock clock, ProjectRepository projects, ProjectTransitionRepository transitions,
            SchoolRepository schools, ReadingProjects reading, ProjectAnnouncements announcements,
            ClassDeploymentRepository deployments) {
        this.clock = clock;
        this.projects = projects;
        this.transitions = transitions;
        this.schools = schools;
        this.reading = reading;
        this.announcements = announcements;
        this.deployments = deployments;
    }

    @Transactional
    public Project create(Caller teacher, ProjectContent content) {
        Project.Drafted drafted = Project.draft(teacher.asActor(), content, teachersOwnSchool(teacher, content), clock);
        projects.persist(drafted.project());
        transitions.persist(drafted.transition());
        return drafted.project();
    }

    @Transactional
    public Project update(Caller teacher, UUID id, ProjectContent content) {
        Project p = ownProject(teacher, id);
        p.requireEditable();
        p.edit(content, teachersOwnSchool(teacher, content), clock);
        return p;
    }

    /** Draft → submitted (event submitted); rejected or changes requested → submitted again (event revised). */
    @Transactional
    public Project submit(Caller teacher, UUID id) {
        Project p = ownProject(teacher, id);
        School school = schools.findById(p.schoolUai());
        return recorded(p, p.submit(teacher.asActor(), school, clock));
    }

    /** Until the class is deployed (provisioning's class-deployed seen): a validated project too, its pending class discarded. */
    @Transactional
    public Project withdraw(Caller teacher, UUID id, String reason) {
        Project p = ownProject(teacher, id);
        return recorded(p, p.withdraw(teacher.asActor(), reason, deployments.classDeployed(id), clock));
    }

    /**
     * The teacher renews his validated project for the next school year: a new draft (not announced, like every draft),
     * of the school as the DSDEN's data know it today. The source is locked so that two renewals never cross.
     */
    @Transactional
    public Project renew(Caller teacher, UUID id) {
        ownProject(teacher, id);
        Project source = projects.lockedForUpdate(id);
        Project.Drafted renewal = source.renew(teacher.asActor(), schools.findById(source.schoolUai()), projects.renewed(id), clock);
        projects.persist(renewal.project());
        transitions.persist(renewal.transition());
        return renewal.project();
    }

    private Project recorded(Project p, ProjectTransition t) {
        transitions.persist(t);
        announcements.announce(p, t);
        return p;
    }

    /** Another teacher's project does not exist for him (404); a reader who is not its teacher may not change it (403). */
    private Project ownProject(Caller teacher, UUID id) {
        Project p = reading.visible(teacher, id);
        if (!teacher.is(Role.TEACHER) || !p.isOwnedBy(teacher.subject(), teacher.actor())) {
            throw ProblemException.forbidden("only the teacher who wrote the project changes it");
        }
        return p;
    }

    /** The school of the teacher's token ({@code null} when the DSDEN's data do not know it: the project refuses it). */
    private School teachersOwnSchool(Caller teacher, ProjectContent content) {
        if (teacher.schoolUai().filter(content.schoolUai()::equals).isEmpty()) {
            throw ProblemException.forbidden("a teacher writes projects for his own school (" + teacher.schoolUai().orElse("none") + ")");
        }
        return schools.findById(content.schoolUai());
    }
}
