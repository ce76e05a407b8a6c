package fr.somme.ent.commons.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class CloudEventDataTest {

    record Designation(String memberId, int students) {
    }

    private final CloudEventCodec codec = new CloudEventCodec(new ObjectMapper().registerModule(new JavaTimeModule()));

    private CloudEvent event(String data) {
        return codec.read("""
                {"specversion":"1.0","id":"e-1","source":"/ent/membership-service","type":"fr.ent.membership.designations-changed.v1",
                 "subject":"218000198","time":"2026-10-05T08:00:00Z","datacontenttype":"application/json","data":%s}
                """.formatted(data));
    }

    @Test
    void theDataOfAnEventIsReadAsTheConsumersOwnType() {
        Designation d = codec.dataAs(event("{\"memberId\":\"218000198\",\"students\":96}"), Designation.class);
        assertEquals(new Designation("218000198", 96), d);
    }

    @Test
    void dataThatDoesNotFitItsTypeIsAMalformedEventNamingTheType() {
        MalformedEventException e = assertThrows(MalformedEventException.class,
                () -> codec.dataAs(event("{\"memberId\":\"218000198\",\"students\":\"many\"}"), Designation.class));
        assertTrue(e.getMessage().startsWith("data of fr.ent.membership.designations-changed.v1 does not match its schema: "), e.getMessage());
        assertTrue(e.getMessage().contains("many"), e.getMessage());
    }
}
