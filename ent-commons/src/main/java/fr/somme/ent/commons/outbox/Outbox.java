package fr.somme.ent.commons.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import fr.somme.ent.commons.events.CloudEvent;
import fr.somme.ent.commons.events.CloudEventCodec;
import fr.somme.ent.commons.repository.OutboxRepository;

/**
 * Writes an event to the outbox table in the caller's transaction: the event exists if and only if
 * the state change it announces was committed. {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {

    private final OutboxRepository events;
    private final CloudEventCodec codec;
    private final Clock clock;
    private final String source;

    public Outbox(OutboxRepository events, CloudEventCodec codec, Clock clock,
            @ConfigProperty(name = "ent.events.source") String source) {
        this.events = events;
        this.codec = codec;
        this.clock = clock;
        this.source = source;
    }

    /**
     * @param topic   the topic, e.g. {@code ent.membership.v1}
     * @param key     the Kafka key (per the architecture's topic table: member id, project id, ...)
     * @param type    versioned type, e.g. {@code fr.ent.membership.adhesion-effective.v1}
     * @param subject what the event is about (an id), may equal the key
     * @param data    the payload, serialised with the application's ObjectMapper
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent publish(String topic, String key, String type, String subject, Object data) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        if (!CloudEventCodec.TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("event type must be versioned fr.ent.<area>.<name>.vN: " + type);
        }
        Instant now = clock.instant();
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), source, type,
                subject, now, CloudEvent.JSON, codec.toJson(data));
        events.insert(UUID.fromString(event.id()), topic, key, type, codec.write(event), now);
        return event;
    }
}
