package fr.somme.ent.projects.messaging;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import fr.somme.ent.commons.events.CloudEvent;
import fr.somme.ent.commons.events.MalformedEventException;
import fr.somme.ent.commons.inbox.Inbox;
import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.projects.domain.ProjectTransition;
import fr.somme.ent.projects.messaging.DsdenDecisionEvents.IenDecisionTaken;
import fr.somme.ent.projects.service.ProjectService;
import fr.somme.ent.projects.service.ProjectService.DecisionCommand;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Applies the IEN decisions taken in the DSDEN's tools with the same rules as REST decisions. Each event is applied
 * once (its id recorded in the same transaction). A decision refused by a rule (wrong IEN, wrong state, earlier
 * contradicting decision, no convention...) rolls back and goes to {@code dsden.decisions.v1.dlq} with the reason
 * in the {@code dead-letter-reason} header; the event id is not recorded, so a corrected redelivery can still apply.
 */
@ApplicationScoped
public class DsdenDecisionConsumer {

    static final String CONSUMER = "project-validation.dsden-decisions";
    private static final Logger LOG = Logger.getLogger(DsdenDecisionConsumer.class);

    private final Inbox inbox;
    private final ProjectService projects;

    public DsdenDecisionConsumer(Inbox inbox, ProjectService projects) {
        this.inbox = inbox;
        this.projects = projects;
    }

    @Incoming("dsden-decisions")
    @Blocking(ordered = true)
    @Transactional
    public void consume(String record) {
        Optional<CloudEvent> delivered = inbox.firstDelivery(CONSUMER, record, Set.of(DsdenDecisionEvents.IEN_DECISION_TAKEN));
        if (delivered.isEmpty()) {
            return;
        }
        CloudEvent event = delivered.get();
        IenDecisionTaken d = inbox.data(event, IenDecisionTaken.class);
        try {
            boolean applied = projects.decideFromDsden(new DecisionCommand(d.projectId(), d.decision(), d.ienId(),
                    d.circonscriptionCode(), d.reason(), d.decidedOn(), ProjectTransition.DSDEN_DECISIONS, event.id()));
            if (!applied) {
                LOG.infof("decision %s on project %s already recorded, event %s has no effect", d.decision(), d.projectId(), event.id());
            }
        } catch (ProblemException e) {
            throw new MalformedEventException(event.type() + " " + event.id() + " refused (" + e.status() + "): " + e.getMessage(), e);
        }
    }
}
