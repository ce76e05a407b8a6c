package fr.somme.ent.projects.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import fr.somme.ent.projects.domain.IenDecision;
import fr.somme.ent.projects.domain.Project;
import fr.somme.ent.projects.domain.ProjectTransition;
import fr.somme.ent.projects.domain.School;
import fr.somme.ent.projects.messaging.ProjectAnnouncements;
import fr.somme.ent.projects.repository.ProjectTransitionRepository;
import fr.somme.ent.projects.repository.SchoolRepository;

/**
 * What every IEN decision goes through, whichever way it came (REST, the DSDEN's REST call, the DSDEN's event): the
 * project's rules under the conventions, then the transition recorded and announced (rule 6: a validation is announced
 * only when all rules hold).
 */
@ApplicationScoped
public class ProjectDecisions {

    private final Clock clock;
    private final SchoolRepository schools;
    private final ProjectTransitionRepository transitions;
    private final ConventionService conventions;
    private final ProjectAnnouncements announcements;

    public ProjectDecisions(Clock clock, SchoolRepository schools, ProjectTransitionRepository transitions,
            ConventionService conventions, ProjectAnnouncements announcements) {
        this.clock = clock;
        this.schools = schools;
        this.transitions = transitions;
        this.conventions = conventions;
        this.announcements = announcements;
    }

    /**
     * The circonscription of the project's school in today's reference data (a school moved by the DSDEN is decided by
     * its new IEN); the project's own when the school is gone from them.
     */
    public String schoolCirconscription(Project p) {
        School school = schools.findById(p.schoolUai());
        return school != null ? school.circonscriptionCode() : p.circonscriptionCode();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(Project p, IenDecision decision) {
        ProjectTransition t = p.decide(decision, schoolCirconscription(p), conventions.periods(), clock);
        transitions.persist(t);
        announcements.announce(p, t);
    }
}
