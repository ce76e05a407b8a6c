package fr.somme.ent.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * A committed OpenAPI document (openapi/&lt;service&gt;.yaml) never breaks a client built against its baseline
 * (openapi/baseline/&lt;service&gt;.yaml): no operation or response field removed, no new required field or parameter,
 * no narrowed type. A breaking change is accepted only by updating the baseline in the same change.
 */
class BreakingChangesTest {

    static final Path OPENAPI = Path.of("openapi");
    static final Path BASELINE = OPENAPI.resolve("baseline");

    @Test
    void everyServiceDocumentHasABaselineAndEveryBaselineADocument() throws IOException {
        Set<String> documents = yamlNames(OPENAPI);
        assertFalse(documents.isEmpty(), "contracts/openapi/ holds the services' OpenAPI documents");
        assertEquals(documents, yamlNames(BASELINE), "each contracts/openapi/<service>.yaml has its baseline "
                + "contracts/openapi/baseline/<service>.yaml (a new service: copy its document there; a service removed: "
                + "remove its baseline in the same change)");
    }

    @Test
    void noServiceDocumentBreaksAClientOfItsBaseline() throws IOException {
        List<String> broken = new ArrayList<>();
        for (String name : yamlNames(OPENAPI)) {
            Path baseline = BASELINE.resolve(name);
            if (!Files.exists(baseline)) {
                continue; // reported by the test above
            }
            ChangedOpenApi diff = compare(baseline, OPENAPI.resolve(name));
            if (diff.isIncompatible()) {
                broken.add("contracts/openapi/" + name + " breaks clients of contracts/openapi/baseline/" + name + ":\n"
                        + markdown(diff));
            }
        }
        if (!broken.isEmpty()) {
            fail(String.join("\n", broken) + """

                    A client built against the baseline would break (an operation or a field removed, a new required
                    field or parameter, a narrowed type...). Either make the change compatible (keep the old operation or
                    field, make the new one optional), or, if the break is intended and the partners are told, accept it
                    by copying the document to its baseline in the same change:
                        cp contracts/openapi/<service>.yaml contracts/openapi/baseline/<service>.yaml
                    and say so in the commit message (see contracts/README.md).""");
        }
    }

    @Test
    void theCheckSeesARemovedOperationANewRequiredFieldAndANarrowedType(@TempDir Path dir) throws IOException {
        Path before = write(dir, "before.yaml", spec(true, "", "string"));
        assertTrue(compare(before, write(dir, "same.yaml", spec(true, "", "string"))).isCompatible());
        assertTrue(compare(before, write(dir, "removed.yaml", spec(false, "", "string"))).isIncompatible(),
                "an operation removed");
        assertTrue(compare(before, write(dir, "required.yaml", spec(true, "required: [name]", "string"))).isIncompatible(),
                "a new required request field");
        assertTrue(compare(before, write(dir, "narrowed.yaml", spec(true, "", "integer"))).isIncompatible(),
                "a request field's type changed");
    }

    /** A small document: GET /members (optional), POST /members with a body {name: nameType}. */
    private static String spec(boolean withGet, String required, String nameType) {
        String get = withGet ? """
                    get:
                      operationId: listMembers
                      responses:
                        '200':
                          description: the members
                          content:
                            application/json:
                              schema: {type: array, items: {type: string}}
                """ : "";
        return """
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths:
                  /members:
                %s    post:
                      operationId: registerMember
                      requestBody:
                        content:
                          application/json:
                            schema:
                              type: object
                              %s
                              properties:
                                name: {type: %s}
                      responses:
                        '201': {description: registered}
                """.formatted(get, required, nameType);
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    static ChangedOpenApi compare(Path baseline, Path current) {
        return OpenApiCompare.fromLocations(baseline.toAbsolutePath().toString(), current.toAbsolutePath().toString());
    }

    private static String markdown(ChangedOpenApi diff) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStreamWriter w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            new MarkdownRender().render(diff, w);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Set<String> yamlNames(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return new TreeSet<>(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml")).toList());
        }
    }
}
