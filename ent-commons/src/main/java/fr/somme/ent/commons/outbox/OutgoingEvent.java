package fr.somme.ent.commons.outbox;

import java.util.Objects;

/**
 * An event to write with {@link Outbox#writeAll}.
 *
 * @param topic   the topic, e.g. {@code ent.membership.v1}
 * @param key     the Kafka key (per the architecture's topic table: member id, project id, ...)
 * @param type    versioned type, e.g. {@code fr.ent.membership.adhesion-effective.v1}
 * @param subject what the event is about (an id), may equal the key
 * @param data    the payload, serialised with the application's ObjectMapper
 */
public record OutgoingEvent(String topic, String key, String type, String subject, Object data) {

    public OutgoingEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
    }
}
