package fr.somme.ent.projects;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import fr.somme.ent.testsupport.EventContracts;
import fr.somme.ent.testsupport.TopicProbe;

/** Reads this service's events from ent.projects.v1 and checks them against their contracts. */
public final class ProjectEventsProbe {

    public static final String TOPIC = "ent.projects.v1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProjectEventsProbe() {
    }

    /** Waits for the event of that type about that project, checks it against its schema and returns it parsed. */
    public static JsonNode awaitEvent(String projectId, String type) {
        String value = TopicProbe.awaitRecord(TOPIC, r -> projectId.equals(r.key()) && type.equals(typeOf(r.value()))).value();
        EventContracts.assertConforms(value, type);
        return read(value);
    }

    /** A DSDEN decision record ({@code fr.ent.dsden.ien-decision-taken.v1}, structured CloudEvent), as the DSDEN's tools send it. */
    public static String dsdenDecision(String eventId, String projectId, String decision, String ienId, String circonscription,
            String reason, LocalDate decidedOn) {
        String data = "{\"projectId\":\"" + projectId + "\",\"decision\":\"" + decision + "\",\"ienId\":\"" + ienId
                + "\",\"circonscriptionCode\":\"" + circonscription + "\","
                + (reason == null ? "" : "\"reason\":\"" + reason + "\",") + "\"decidedOn\":\"" + decidedOn + "\"}";
        return "{\"specversion\":\"1.0\",\"id\":\"" + eventId + "\",\"source\":\"/dsden/somme\","
                + "\"type\":\"fr.ent.dsden.ien-decision-taken.v1\",\"subject\":\"" + projectId + "\",\"time\":\"" + decidedOn
                + "T16:00:00Z\",\"datacontenttype\":\"application/json\",\"data\":" + data + "}";
    }

    /**
     * Inbound DSDEN records are checked against the schema files of the repository (contracts/schemas), which may be
     * newer than the installed contracts artifact that {@link EventContracts} reads.
     */
    public static void assertInboundConforms(String record, String type) {
        JsonNode event = read(record);
        for (String schema : List.of("cloudevent", type)) {
            Path file = Path.of("..", "contracts", "schemas", schema + ".json");
            try {
                JsonNode schemaNode = MAPPER.readTree(Files.readString(file));
                Set<ValidationMessage> errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode)
                        .validate(event);
                if (!errors.isEmpty()) {
                    throw new AssertionError("record does not conform to " + file + ": "
                            + errors.stream().map(ValidationMessage::getMessage).collect(Collectors.joining("; ")));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static String typeOf(String value) {
        try {
            return MAPPER.readTree(value).path("type").asText();
        } catch (IOException e) {
            return "";
        }
    }

    public static JsonNode read(String value) {
        try {
            return MAPPER.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
