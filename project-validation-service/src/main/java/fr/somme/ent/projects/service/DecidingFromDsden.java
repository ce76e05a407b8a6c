package fr.somme.ent.projects.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.projects.domain.Channel;
import fr.somme.ent.projects.domain.Circonscription;
import fr.somme.ent.projects.domain.IenDecision;
import fr.somme.ent.projects.domain.Project;
import fr.somme.ent.projects.domain.ProjectRules;
import fr.somme.ent.projects.domain.ProjectState;
import fr.somme.ent.projects.repository.CirconscriptionRepository;
import fr.somme.ent.projects.repository.ProjectRepository;

/**
 * A decision taken in the DSDEN's tools, by event or posted by the DSDEN through REST: the same rules as through REST,
 * and the IEN named must be the IEN of the school's circonscription in the reference data.
 */
@ApplicationScoped
public class DecidingFromDsden {

    private final ProjectRepository projects;
    private final CirconscriptionRepository circonscriptions;
    private final ProjectDecisions decisions;

    public DecidingFromDsden(ProjectRepository projects, CirconscriptionRepository circonscriptions, ProjectDecisions decisions) {
        this.projects = projects;
        this.circonscriptions = circonscriptions;
        this.decisions = decisions;
    }

    /** The DSDEN posts, through REST, a decision its IEN took: the DSDEN agent is named in the transition's channel. */
    @Transactional
    @RefusesConcurrentUpdates
    public Project forwardedBy(Caller dsden, UUID projectId, String circonscriptionCode, IenDecision decision) {
        IenDecision forwarded = new IenDecision(decision.decision(), decision.ienId(), decision.reason(), decision.decidedOn(),
                Channel.restForDsden(dsden.actor()));
        apply(projectId, circonscriptionCode, forwarded);
        return projects.findById(projectId);
    }

    /** Returns false when the very same decision is already recorded (sent again under another event id). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(UUID projectId, String circonscriptionCode, IenDecision decision) {
        Project p = projects.findById(projectId);
        if (p == null || p.state() == ProjectState.DRAFT) {
            throw ProblemException.notFound("project", projectId);
        }
        String schoolCirconscription = decisions.schoolCirconscription(p);
        if (!ProjectRules.onlyTheIenOfTheSchoolsCirconscriptionDecides(schoolCirconscription, circonscriptionCode)) {
            throw ProblemException.forbidden("circonscription " + circonscriptionCode + " does not decide for school "
                    + p.schoolUai() + " (circonscription " + schoolCirconscription + ")");
        }
        Circonscription c = circonscriptions.findById(schoolCirconscription);
        if (c == null || !c.hasIen(decision.ienId())) {
            throw ProblemException.forbidden(decision.ienId() + " is not the IEN of circonscription " + schoolCirconscription);
        }
        if (p.alreadyDecided(decision)) {
            return false;
        }
        decisions.apply(p, decision);
        return true;
    }
}
