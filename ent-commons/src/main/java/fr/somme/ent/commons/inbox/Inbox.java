package fr.somme.ent.commons.inbox;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.jboss.logging.Logger;

import fr.somme.ent.commons.events.CloudEvent;
import fr.somme.ent.commons.events.CloudEventCodec;
import fr.somme.ent.commons.events.MalformedEventException;

/**
 * What every consumer does before applying an event, in its transaction: read the CloudEvent, skip it
 * when this consumer already applied it, and check its data. Anything that makes the record unusable
 * throws {@link MalformedEventException}, so that the record goes to the topic's DLQ with the reason.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final CloudEventCodec codec;
    private final ProcessedEvents processed;
    private final Validator validator;

    public Inbox(CloudEventCodec codec, ProcessedEvents processed, Validator validator) {
        this.codec = codec;
        this.processed = processed;
        this.validator = validator;
    }

    /** The event of {@code record}, or empty when {@code consumer} already applied it (a redelivery changes nothing). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<CloudEvent> firstDelivery(String consumer, String record) {
        CloudEvent event = codec.read(record);
        if (!processed.firstDelivery(consumer, event)) {
            LOG.debugf("%s: event %s already applied, skipped", consumer, event.id());
            return Optional.empty();
        }
        return Optional.of(event);
    }

    /** As {@link #firstDelivery(String, String)}, for a consumer that needs only some types: others are skipped unrecorded. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<CloudEvent> firstDelivery(String consumer, String record, Set<String> wantedTypes) {
        CloudEvent event = codec.read(record);
        if (!wantedTypes.contains(event.type())) {
            LOG.debugf("%s: event type %s is not for this consumer, skipped", consumer, event.type());
            return Optional.empty();
        }
        if (!processed.firstDelivery(consumer, event)) {
            LOG.debugf("%s: event %s already applied, skipped", consumer, event.id());
            return Optional.empty();
        }
        return Optional.of(event);
    }

    /** The event's data as {@code type}, checked with Bean Validation. */
    public <T> T data(CloudEvent event, Class<T> type) {
        T data = codec.dataAs(event, type);
        Set<ConstraintViolation<T>> violations = validator.validate(data);
        if (!violations.isEmpty()) {
            throw new MalformedEventException("invalid data: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining(", ")));
        }
        return data;
    }

    /** A refusal by the rules while applying {@code event}: the record goes to the DLQ with it as the reason. */
    public static MalformedEventException refused(CloudEvent event, RuntimeException refusal) {
        return new MalformedEventException(event.type() + " " + event.id() + " refused: " + refusal.getMessage(), refusal);
    }
}
