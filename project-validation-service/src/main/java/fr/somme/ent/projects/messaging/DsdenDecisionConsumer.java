package fr.somme.ent.projects.messaging;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import fr.somme.ent.commons.events.CloudEvent;
import fr.somme.ent.commons.events.CloudEventCodec;
import fr.somme.ent.commons.events.MalformedEventException;
import fr.somme.ent.commons.inbox.ProcessedEvents;
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

    private final CloudEventCodec codec;
    private final ProcessedEvents processed;
    private final ProjectService projects;
    private final Validator validator;

    public DsdenDecisionConsumer(CloudEventCodec codec, ProcessedEvents processed, ProjectService projects, Validator validator) {
        this.codec = codec;
        this.processed = processed;
        this.projects = projects;
        this.validator = validator;
    }

    @Incoming("dsden-decisions")
    @Blocking(ordered = true)
    @Transactional
    public void consume(String record) {
        CloudEvent event = codec.read(record);
        if (!DsdenDecisionEvents.IEN_DECISION_TAKEN.equals(event.type())) {
            LOG.debugf("event type %s is not for this service, skipped", event.type());
            return;
        }
        if (!processed.firstDelivery(CONSUMER, event)) {
            LOG.debugf("event %s already applied, skipped", event.id());
            return;
        }
        IenDecisionTaken d = valid(codec.dataAs(event, IenDecisionTaken.class));
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

    private <T> T valid(T data) {
        Set<ConstraintViolation<T>> violations = validator.validate(data);
        if (!violations.isEmpty()) {
            throw new MalformedEventException("invalid data: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining(", ")));
        }
        return data;
    }
}
