package fr.somme.ent.commons.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import fr.somme.ent.commons.events.CloudEvent;
import fr.somme.ent.commons.events.CloudEventCodec;
import fr.somme.ent.commons.repository.OutboxRepository;
import fr.somme.ent.commons.repository.OutboxRepository.NewEvent;

/**
 * Writes an event to the outbox table in the caller's transaction: the event exists if and only if
 * the state change it announces was committed. {@link OutboxRelay} publishes it right after the commit
 * ({@link RelaySignal}), or at its next tick.
 */
@ApplicationScoped
public class Outbox {

    private final OutboxRepository events;
    private final CloudEventCodec codec;
    private final Clock clock;
    private final String source;
    private final RelaySignal signal;

    public Outbox(OutboxRepository events, CloudEventCodec codec, Clock clock, RelaySignal signal,
            @ConfigProperty(name = "ent.events.source") String source) {
        this.events = events;
        this.signal = signal;
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
        CloudEvent event = envelope(type, subject, data);
        events.insert(UUID.fromString(event.id()), topic, key, type, codec.write(event), event.time());
        signal.afterCommit();
        return event;
    }

    /**
     * Writes many events in one JDBC batch, in the caller's transaction and in the order of the list (so the relay
     * publishes them in that order within each key). For a use case that emits many events at once.
     *
     * @return the envelopes, in the order of {@code outgoing}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CloudEvent> writeAll(List<OutgoingEvent> outgoing) {
        List<CloudEvent> written = new ArrayList<>(outgoing.size());
        List<NewEvent> rows = new ArrayList<>(outgoing.size());
        for (OutgoingEvent e : outgoing) {
            CloudEvent event = envelope(e.type(), e.subject(), e.data());
            written.add(event);
            rows.add(new NewEvent(UUID.fromString(event.id()), e.topic(), e.key(), e.type(), codec.write(event), event.time()));
        }
        events.insertAll(rows);
        if (!rows.isEmpty()) {
            signal.afterCommit();
        }
        return written;
    }

    private CloudEvent envelope(String type, String subject, Object data) {
        if (type == null || !CloudEventCodec.TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("event type must be versioned fr.ent.<area>.<name>.vN: " + type);
        }
        Instant now = clock.instant();
        return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), source, type,
                subject, now, CloudEvent.JSON, codec.toJson(data));
    }
}
