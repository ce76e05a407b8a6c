package fr.somme.ent.commons.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class CloudEventCodecTest {

    private final CloudEventCodec codec = new CloudEventCodec(
            new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));

    @Test
    void anEventSurvivesAWriteAndARead() {
        CloudEvent event = new CloudEvent("1.0", "e-1", "/ent/membership-service", "fr.ent.membership.member-registered.v1",
                "m-1", Instant.parse("2026-09-01T08:00:00Z"), "application/json", codec.toJson(Map.of("memberId", "m-1")));
        String json = codec.write(event);
        assertTrue(json.contains("\"time\":\"2026-09-01T08:00:00Z\""), json);
        assertEquals(event, codec.read(json));
    }

    @Test
    void recordsThatAreNotCloudEventsAreRefusedWithAReason() {
        assertReason("not JSON", "{oops");
        assertReason("not a JSON object", "[1,2]");
        assertReason("specversion", "{\"specversion\":\"0.3\"}");
        assertReason("'id'", valid().replace("\"id\":\"e-1\",", ""));
        assertReason("not a versioned", valid().replace("fr.ent.membership.member-registered.v1", "member-registered"));
        assertReason("time", valid().replace("2026-09-01T08:00:00Z", "yesterday"));
        assertReason("data must be a JSON object", valid().replace("{\"memberId\":\"m-1\"}", "\"m-1\""));
        assertReason("empty", "  ");
    }

    private static String valid() {
        return "{\"specversion\":\"1.0\",\"id\":\"e-1\",\"source\":\"/ent/membership-service\","
                + "\"type\":\"fr.ent.membership.member-registered.v1\",\"subject\":\"m-1\",\"time\":\"2026-09-01T08:00:00Z\","
                + "\"datacontenttype\":\"application/json\",\"data\":{\"memberId\":\"m-1\"}}";
    }

    private void assertReason(String expected, String record) {
        MalformedEventException e = assertThrows(MalformedEventException.class, () -> codec.read(record));
        assertTrue(e.getMessage().contains(expected), () -> "reason '" + e.getMessage() + "' should mention " + expected);
    }
}
