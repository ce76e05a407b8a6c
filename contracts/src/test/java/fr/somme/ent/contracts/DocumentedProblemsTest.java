package fr.somme.ent.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every problem {@code type} the four OpenAPI documents show on a 4xx or 5xx response (its {@code example}, and each of
 * its named {@code examples}: the rule-specific types an operation lists in {@code x-ent-problems}) is a row of
 * docs/errors.md, and the response's status is one of that row's statuses. SCIM paths answer SCIM errors, not problems.
 */
class DocumentedProblemsTest {

    private static final Path DOCS = ErrorsCatalogueTest.ROOT.resolve("contracts/openapi");

    @Test
    void everyProblemTypeOfTheDocumentsIsCataloguedWithTheResponsesStatus() throws IOException {
        Map<String, Set<Integer>> catalogue = ErrorsCatalogueTest.catalogue(Files.readString(ErrorsCatalogueTest.CATALOGUE));
        List<String> wrong = new ArrayList<>();
        int seen = 0;
        try (Stream<Path> files = Files.list(DOCS)) {
            for (Path doc : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                for (Shown shown : shown(doc)) {
                    seen++;
                    String problem = check(shown, catalogue);
                    if (problem != null) {
                        wrong.add(doc.getFileName() + " " + shown.where() + ": " + problem);
                    }
                }
            }
        }
        assertTrue(seen > 500, "the documents' problem examples are read: " + seen);
        assertEquals(List.of(), wrong, "add the row (or the status) to docs/errors.md, or fix the operation's "
                + "x-ent-problems (contracts/README.md)");
    }

    @Test
    void theCheckSeesAnUncataloguedTypeAndAWrongStatus() {
        Map<String, Set<Integer>> catalogue = Map.of("wrong-step", Set.of(409), "http-<status>", Set.of());
        assertEquals(null, check(new Shown("x", 409, ProblemTypeScanner.TYPE_BASE + "wrong-step"), catalogue));
        assertEquals(null, check(new Shown("x", 411, ProblemTypeScanner.TYPE_BASE + "http-411"), catalogue));
        assertTrue(check(new Shown("x", 422, ProblemTypeScanner.TYPE_BASE + "wrong-step"), catalogue).contains("[409]"));
        assertTrue(check(new Shown("x", 409, ProblemTypeScanner.TYPE_BASE + "no-such-type"), catalogue).contains("not in"));
        assertTrue(check(new Shown("x", 412, ProblemTypeScanner.TYPE_BASE + "http-411"), catalogue).contains("412"));
        assertTrue(check(new Shown("x", 409, "about:blank"), catalogue).contains("not a problem type"));
    }

    record Shown(String where, int status, String type) {
    }

    static String check(Shown shown, Map<String, Set<Integer>> catalogue) {
        if (shown.type() == null || !shown.type().startsWith(ProblemTypeScanner.TYPE_BASE)) {
            return shown.type() + " is not a problem type " + ProblemTypeScanner.TYPE_BASE + "<slug>";
        }
        String slug = shown.type().substring(ProblemTypeScanner.TYPE_BASE.length());
        if (slug.matches("http-\\d{3}") && catalogue.containsKey("http-<status>")) {
            return slug.equals("http-" + shown.status()) ? null : slug + " on a " + shown.status() + " response";
        }
        Set<Integer> statuses = catalogue.get(slug);
        if (statuses == null) {
            return slug + " is not in docs/errors.md";
        }
        return statuses.contains(shown.status()) ? null
                : slug + " on a " + shown.status() + " response, docs/errors.md gives it " + statuses;
    }

    /** The problem types shown on the 4xx and 5xx responses of a document's non-SCIM operations. */
    static List<Shown> shown(Path doc) throws IOException {
        JsonNode root = new YAMLMapper().readTree(doc.toFile());
        List<Shown> out = new ArrayList<>();
        root.path("paths").fields().forEachRemaining(path -> {
            if (path.getKey().startsWith("/scim/")) {
                return;
            }
            path.getValue().fields().forEachRemaining(op -> op.getValue().path("responses").fields().forEachRemaining(r -> {
                if (!r.getKey().matches("[45]\\d\\d")) {
                    return;
                }
                int status = Integer.parseInt(r.getKey());
                String where = op.getKey() + " " + path.getKey() + " " + status;
                JsonNode media = r.getValue().path("content").path("application/problem+json");
                if (media.has("example")) {
                    out.add(new Shown(where, status, media.path("example").path("type").asText(null)));
                }
                media.path("examples").fields().forEachRemaining(e -> out.add(new Shown(where + " (" + e.getKey() + ")",
                        status, e.getValue().path("value").path("type").asText(null))));
            }));
        });
        return out;
    }
}
