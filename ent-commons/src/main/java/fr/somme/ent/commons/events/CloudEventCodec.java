package fr.somme.ent.commons.events;

import java.time.Instant;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads and writes CloudEvents; reading checks the envelope so that handlers only see well-formed events. */
@ApplicationScoped
public class CloudEventCodec {

    /** {@code fr.ent.<area>.<event-name>.v<N>}: every type is versioned. */
    public static final Pattern TYPE = Pattern.compile("^fr\\.ent\\.[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*\\.v[0-9]+$");

    private final ObjectMapper mapper;

    public CloudEventCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(CloudEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + event.id() + " cannot be serialised", e);
        }
    }

    public JsonNode toJson(Object data) {
        return mapper.valueToTree(data);
    }

    public <T> T dataAs(CloudEvent event, Class<T> type) {
        try {
            return mapper.treeToValue(event.data(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("data of " + event.type() + " does not match its schema: " + getOriginalMessage(e), e);
        }
    }

    public CloudEvent read(String payload) {
        if (payload == null || payload.isBlank()) {
            throw new MalformedEventException("empty record");
        }
        JsonNode node;
        try {
            node = mapper.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("record is not JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new MalformedEventException("record is not a JSON object");
        }
        String specversion = text(node, "specversion");
        if (!CloudEvent.SPEC_VERSION.equals(specversion)) {
            throw new MalformedEventException("specversion must be 1.0, was " + specversion);
        }
        String type = text(node, "type");
        if (!TYPE.matcher(type).matches()) {
            throw new MalformedEventException("type '" + type + "' is not a versioned fr.ent.* type");
        }
        Instant time;
        try {
            time = Instant.parse(text(node, "time"));
        } catch (java.time.format.DateTimeParseException e) {
            throw new MalformedEventException("time is not an RFC 3339 instant");
        }
        JsonNode data = node.get("data");
        if (data == null || !data.isObject()) {
            throw new MalformedEventException("data must be a JSON object");
        }
        JsonNode subject = node.get("subject");
        return new CloudEvent(specversion, text(node, "id"), text(node, "source"), type,
                subject == null || subject.isNull() ? null : subject.asText(), time,
                node.path("datacontenttype").asText(CloudEvent.JSON), data);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new MalformedEventException("missing CloudEvents attribute '" + field + "'");
        }
        return value.asText();
    }

    private static String getOriginalMessage(Exception e) {
        return e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    }
}
