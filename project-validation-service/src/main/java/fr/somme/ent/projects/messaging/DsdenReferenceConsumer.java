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
import fr.somme.ent.projects.messaging.DsdenReferenceEvents.CirconscriptionUpserted;
import fr.somme.ent.projects.messaging.DsdenReferenceEvents.SchoolUpserted;
import fr.somme.ent.projects.service.ReferenceDataService;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Applies the DSDEN's reference data. Each event is applied once (its id is recorded in the same
 * transaction); a record that cannot be applied fails the transaction and goes to
 * {@code dsden.reference.v1.dlq} with the reason in the {@code dead-letter-reason} header.
 */
@ApplicationScoped
public class DsdenReferenceConsumer {

    static final String CONSUMER = "project-validation.dsden-reference";
    private static final Logger LOG = Logger.getLogger(DsdenReferenceConsumer.class);

    private final CloudEventCodec codec;
    private final ProcessedEvents processed;
    private final ReferenceDataService referenceData;
    private final Validator validator;

    public DsdenReferenceConsumer(CloudEventCodec codec, ProcessedEvents processed, ReferenceDataService referenceData,
            Validator validator) {
        this.codec = codec;
        this.processed = processed;
        this.referenceData = referenceData;
        this.validator = validator;
    }

    @Incoming("dsden-reference")
    @Blocking(ordered = true)
    @Transactional
    public void consume(String record) {
        CloudEvent event = codec.read(record);
        if (!processed.firstDelivery(CONSUMER, event)) {
            LOG.debugf("event %s already applied, skipped", event.id());
            return;
        }
        try {
            switch (event.type()) {
                case DsdenReferenceEvents.CIRCONSCRIPTION_UPSERTED ->
                    referenceData.upsert(valid(codec.dataAs(event, CirconscriptionUpserted.class)), event.id());
                case DsdenReferenceEvents.SCHOOL_UPSERTED ->
                    referenceData.upsert(valid(codec.dataAs(event, SchoolUpserted.class)), event.id());
                default -> LOG.debugf("event type %s is not for this service, skipped", event.type());
            }
        } catch (ProblemException e) {
            throw new MalformedEventException(event.type() + " " + event.id() + " refused: " + e.getMessage(), e);
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
