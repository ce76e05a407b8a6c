package fr.somme.ent.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import fr.somme.ent.systemtests.RunningSuite.Service;

/**
 * A service's committed OpenAPI document ({@code contracts/openapi/<service>.yaml}, which each service's
 * ServiceFoundationTest keeps equal to the document it serves), as the runtime problem check reads it: its path
 * templates, whether an operation documents a status as a problem, and the {@code <status> <slug>} pairs of the
 * operation's {@code x-ent-problems} extension.
 */
final class ServiceDocument {

    static final String PROBLEMS_EXTENSION = "x-ent-problems";
    private static final Map<Service, ServiceDocument> LOADED = new ConcurrentHashMap<>();

    private final JsonNode document;
    private final List<String> templates = new ArrayList<>();

    private ServiceDocument(JsonNode document) {
        this.document = document;
        document.path("paths").fieldNames().forEachRemaining(templates::add);
    }

    /** The suite's root: where {@code contracts/} and {@code docs/} are ({@code ent.services.dir}, as for the jars). */
    static Path root() {
        return Path.of(System.getProperty("ent.services.dir", "..")).toAbsolutePath().normalize();
    }

    static ServiceDocument of(Service service) {
        return LOADED.computeIfAbsent(service, s -> {
            Path yaml = root().resolve("contracts/openapi").resolve(s.module + ".yaml");
            try {
                return new ServiceDocument(new YAMLMapper().readTree(yaml.toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + yaml, e);
            }
        });
    }

    static ServiceDocument parse(String yaml) {
        try {
            return new ServiceDocument(new YAMLMapper().readTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<String> template(String target) {
        return PathTemplates.match(templates, target);
    }

    /** The operation, if the document has this method on this path template. */
    Optional<JsonNode> operation(String method, String template) {
        JsonNode op = document.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
        return op.isObject() ? Optional.of(op) : Optional.empty();
    }

    /** Whether the operation documents {@code status} (or, without a response of its own, its range {@code 4XX}) as an {@code application/problem+json}. */
    static boolean documentsProblem(JsonNode operation, int status) {
        JsonNode responses = operation.path("responses");
        String code = String.valueOf(status);
        JsonNode response = responses.has(code) ? responses.get(code) : responses.path(status / 100 + "XX");
        return response.path("content").has("application/problem+json");
    }

    /** The {@code <status> <slug>} pairs the operation lists in {@code x-ent-problems} (a string, or a list of them). */
    static Set<String> listedProblems(JsonNode operation) {
        JsonNode extension = operation.path(PROBLEMS_EXTENSION);
        List<String> values = new ArrayList<>();
        if (extension.isArray()) {
            extension.forEach(v -> values.add(v.asText()));
        } else if (extension.isTextual()) {
            values.add(extension.asText());
        }
        Set<String> pairs = new LinkedHashSet<>();
        for (String value : values) {
            for (String pair : value.split(",")) {
                String p = pair.trim().replaceAll("\\s+", " ");
                if (!p.isEmpty()) {
                    pairs.add(p);
                }
            }
        }
        return pairs;
    }
}
