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
import fr.somme.ent.commons.inbox.RetryTransient;
import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.commons.rules.Rejection;
import fr.somme.ent.projects.domain.Channel;
import fr.somme.ent.projects.domain.IenDecision;
import fr.somme.ent.projects.messaging.DsdenDecisionEvents.IenDecisionTaken;
import fr.somme.ent.projects.service.DecidingFromDsden;
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
    private final DecidingFromDsden decisions;

    public DsdenDecisionConsumer(Inbox inbox, DecidingFromDsden decisions) {
        this.inbox = inbox;
        this.decisions = decisions;
    }

    @Incoming("dsden-decisions")
    @Blocking(ordered = true)
    @RetryTransient
    @Transactional
    public void consume(String record) {
        Optional<CloudEvent> delivered = inbox.firstDelivery(CONSUMER, record, Set.of(DsdenDecisionEvents.IEN_DECISION_TAKEN));
        if (delivered.isEmpty()) {
            return;
        }
        CloudEvent event = delivered.get();
        IenDecisionTaken d = inbox.data(event, IenDecisionTaken.class);
        try {
            boolean applied = decisions.apply(d.projectId(), d.circonscriptionCode(),
                    new IenDecision(d.decision(), d.ienId(), d.reason(), d.decidedOn(), Channel.dsdenEvent(event.id())));
            if (!applied) {
                LOG.infof("decision %s on project %s already recorded, event %s has no effect", d.decision(), d.projectId(), event.id());
            }
        } catch (ProblemException e) {
            throw refused(event, e.status(), e);
        } catch (Rejection e) {
            throw refused(event, switch (e.kind()) { // the status a REST client would get, for the DLQ reader
                case CONFLICT -> 409;
                case RULE_NOT_SATISFIED -> 422;
                case INVALID_INPUT -> 400;
            }, e);
        }
    }

    private static MalformedEventException refused(CloudEvent event, int status, RuntimeException refusal) {
        return new MalformedEventException(event.type() + " " + event.id() + " refused (" + status + "): " + refusal.getMessage(), refusal);
    }
}
