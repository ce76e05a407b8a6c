package fr.somme.ent.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The AsyncAPI document and the schemas tell the same story: every event type has a schema, and the document lists each one. */
class EventCatalogueTest {

    private static final Path SCHEMAS = Path.of("schemas");

    @Test
    void theAsyncApiDocumentListsEveryEventSchemaAndOnlyExistingOnes() throws IOException {
        String asyncapi = Files.readString(Path.of("asyncapi.yaml"));
        Set<String> referenced = new TreeSet<>();
        Matcher m = Pattern.compile("\\$ref: './schemas/(fr\\.ent\\.[^']+)\\.json'").matcher(asyncapi);
        while (m.find()) {
            referenced.add(m.group(1));
        }
        assertEquals(eventSchemas(), referenced);
    }

    @Test
    void everyMessagePayloadIsTheEnvelopeAndTheSchemaOfItsType() throws IOException {
        String asyncapi = Files.readString(Path.of("asyncapi.yaml"));
        Matcher m = Pattern.compile("name: (fr\\.ent\\.[^\\s]+)\\n(?:.*\\n)*?\\s+payload:\\n\\s+allOf:\\n"
                + "\\s+- \\$ref: './schemas/cloudevent.json'\\n\\s+- \\$ref: './schemas/([^']+)\\.json'").matcher(asyncapi);
        Set<String> checked = new TreeSet<>();
        while (m.find()) {
            assertEquals(m.group(1), m.group(2), "the message named " + m.group(1) + " carries the schema of its own type");
            checked.add(m.group(1));
        }
        assertEquals(eventSchemas(), checked);
    }

    @Test
    void eachEventSchemaPinsItsOwnVersionedTypeAndDescribesItsData() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        for (String type : eventSchemas()) {
            JsonNode schema = mapper.readTree(SCHEMAS.resolve(type + ".json").toFile());
            assertEquals(type, schema.path("properties").path("type").path("const").asText(), type);
            assertTrue(type.matches("fr\\.ent\\.[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*\\.v[0-9]+"), type);
            assertEquals("object", schema.path("properties").path("data").path("type").asText(), type);
            assertTrue(schema.path("properties").path("data").path("required").size() > 0, type + " requires some data");
        }
    }

    private static Set<String> eventSchemas() throws IOException {
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("fr.ent.") && n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).toList();
            return new TreeSet<>(names);
        }
    }
}
