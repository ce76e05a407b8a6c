package fr.somme.ent.projects.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.projects.domain.Channel;
import fr.somme.ent.projects.domain.Decision;
import fr.somme.ent.projects.domain.IenDecision;
import fr.somme.ent.projects.domain.Project;
import fr.somme.ent.projects.domain.ProjectRules;
import fr.somme.ent.projects.domain.ProjectState;
import fr.somme.ent.projects.repository.ProjectRepository;

/** An IEN decides through REST on a submitted project of a school of his circonscription, dated today. */
@ApplicationScoped
@RefusesConcurrentUpdates
public class DecidingAsIen {

    private final Clock clock;
    private final ProjectRepository projects;
    private final ProjectDecisions decisions;

    public DecidingAsIen(Clock clock, ProjectRepository projects, ProjectDecisions decisions) {
        this.clock = clock;
        this.projects = projects;
        this.decisions = decisions;
    }

    /** Another circonscription's project, or a draft, does not exist for the IEN (404), so that existence does not leak. */
    @Transactional
    public Project decide(Caller ien, UUID id, Decision decision, String reason) {
        Project p = projects.findById(id);
        String circonscription = ien.circonscription().orElse(null);
        if (p == null || p.state() == ProjectState.DRAFT
                || !ProjectRules.onlyTheIenOfTheSchoolsCirconscriptionDecides(decisions.schoolCirconscription(p), circonscription)) {
            throw ProblemException.notFound("project", id);
        }
        decisions.apply(p, new IenDecision(decision, ien.actor(), reason, LocalDate.now(clock), Channel.rest()));
        return p;
    }
}
