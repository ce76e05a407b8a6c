package fr.somme.ent.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Checks a produced record against the contracts module: the CloudEvents envelope
 * ({@code contracts/schemas/cloudevent.json}) and the schema of its type
 * ({@code contracts/schemas/<type>.json}). An event type without a schema fails the check.
 */
public final class EventContracts {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventContracts() {
    }

    /** Validates the record's value and returns it parsed. */
    public static JsonNode assertConforms(String recordValue) {
        JsonNode event;
        try {
            event = MAPPER.readTree(recordValue);
        } catch (IOException e) {
            throw new AssertionError("record is not JSON: " + recordValue, e);
        }
        check("cloudevent", event);
        String type = event.path("type").asText();
        check(type, event);
        return event;
    }

    public static void assertConforms(String recordValue, String expectedType) {
        JsonNode event = assertConforms(recordValue);
        assertEquals(expectedType, event.path("type").asText());
    }

    /** The schema's verdict, for tests that prove the contracts reject bad events. */
    public static Set<String> violations(String schemaName, JsonNode event) {
        return schema(schemaName).validate(event).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
    }

    private static void check(String schemaName, JsonNode event) {
        Set<String> errors = violations(schemaName, event);
        assertTrue(errors.isEmpty(), () -> "event does not conform to " + schemaName + ".json: " + errors + "\n" + event);
    }

    private static JsonSchema schema(String name) {
        return SCHEMAS.computeIfAbsent(name, n -> {
            String path = "contracts/schemas/" + n + ".json";
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
                assertNotNull(in, "no schema " + path + " in the contracts module: every event type needs one");
                return FACTORY.getSchema(MAPPER.readTree(in));
            } catch (IOException e) {
                throw new AssertionError("schema " + path + " unreadable", e);
            }
        });
    }
}
