package fr.somme.ent.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The OpenAPI document a service serves must be the one committed as its contract (compared as YAML trees: the
 * order of the keys of one object may differ between the document stored at build and the one served),
 * {@code contracts/openapi/<service>.yaml} (what partners build on, linted and diffed against the baseline by the test
 * command). When they differ the served one is written to {@code target/openapi-served/<service>.yaml} and the test
 * fails, saying how to refresh the committed one: {@code scripts/openapi-refresh.sh}.
 */
public final class OpenApiReference {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private OpenApiReference() {
    }

    /** {@code contracts/openapi/<service>.yaml}, from the module's directory (Surefire's working directory). */
    public static Path committed(String service) {
        return Path.of("..", "contracts", "openapi", service + ".yaml");
    }

    public static void assertServedIsCommitted(String service, String servedYaml) {
        Path committed = committed(service);
        List<String> served = normalised(servedYaml);
        try {
            List<String> reference = Files.exists(committed) ? normalised(Files.readString(committed, StandardCharsets.UTF_8)) : List.of();
            if (served.equals(reference) || !reference.isEmpty() && tree(servedYaml).equals(tree(Files.readString(committed)))) {
                return;
            }
            Path written = Path.of("target", "openapi-served", service + ".yaml");
            Files.createDirectories(written.getParent());
            Files.writeString(written, String.join("\n", served) + "\n", StandardCharsets.UTF_8);
            fail("The OpenAPI document " + service + " serves is not the committed contract " + committed.normalize()
                    + " (" + firstDifference(reference, served) + "). If the change is meant, run scripts/openapi-refresh.sh"
                    + " (it rebuilds the four services and copies their documents to contracts/openapi/), review the diff"
                    + " and commit it; the served document is in " + written.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(String yaml) throws IOException {
        return YAML.readTree(yaml);
    }

    private static List<String> normalised(String yaml) {
        List<String> lines = yaml.lines().map(String::stripTrailing).toList();
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isEmpty()) {
            end--;
        }
        return lines.subList(0, end);
    }

    private static String firstDifference(List<String> reference, List<String> served) {
        if (reference.isEmpty()) {
            return "the committed file is missing or empty";
        }
        for (int i = 0; i < Math.min(reference.size(), served.size()); i++) {
            if (!reference.get(i).equals(served.get(i))) {
                return "first difference at line " + (i + 1) + ": committed «" + reference.get(i).strip() + "», served «"
                        + served.get(i).strip() + "»";
            }
        }
        return "committed " + reference.size() + " lines, served " + served.size();
    }
}
