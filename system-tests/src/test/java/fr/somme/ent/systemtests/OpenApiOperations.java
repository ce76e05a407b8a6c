package fr.somme.ent.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The operations a service publishes in its OpenAPI document ({@code /q/openapi?format=json} on its management port),
 * with their parameters, request bodies (one schema per media type, {@code $ref}s resolved) and the roles their
 * security requirement names, when it names any.
 */
final class OpenApiOperations {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    /** A path, query or header parameter. */
    record Param(String name, String in, boolean required, JsonNode schema) {
    }

    /** One operation: {@code method} in upper case, {@code path} as templated in the document. */
    record Operation(String method, String path, List<Param> params, Map<String, JsonNode> bodies, boolean bodyRequired,
            List<String> roles) {

        List<Param> in(String location) {
            return params.stream().filter(p -> p.in().equals(location)).toList();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final JsonNode document;

    private OpenApiOperations(JsonNode document) {
        this.document = document;
    }

    /** Reads the document the service serves. */
    static OpenApiOperations of(String managementUrl) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(managementUrl + "/q/openapi?format=json"))
                    .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            ProblemRecorder.record(answer.uri(), "GET", answer.statusCode(),
                    answer.headers().firstValue("Content-Type").orElse(""), answer.body());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("OpenAPI document of " + managementUrl + ": " + answer.statusCode());
            }
            return new OpenApiOperations(JSON.readTree(answer.body()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the OpenAPI document of " + managementUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every operation of the document, in its order (paths, then methods). */
    List<Operation> operations() {
        List<Operation> all = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").properties().iterator(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().properties().iterator(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    all.add(operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), path.getValue(), op.getValue()));
                }
            }
        }
        return all;
    }

    private Operation operation(String method, String path, JsonNode pathItem, JsonNode op) {
        Map<String, Param> params = new LinkedHashMap<>();
        for (JsonNode source : List.of(pathItem.path("parameters"), op.path("parameters"))) {
            for (JsonNode p : source) {
                JsonNode param = resolve(p);
                params.put(param.path("in").asText() + ":" + param.path("name").asText(), new Param(param.path("name").asText(),
                        param.path("in").asText(), param.path("required").asBoolean(false), schema(param.path("schema"))));
            }
        }
        Map<String, JsonNode> bodies = new LinkedHashMap<>();
        JsonNode body = resolve(op.path("requestBody"));
        for (Iterator<Map.Entry<String, JsonNode>> media = body.path("content").properties().iterator(); media.hasNext();) {
            Map.Entry<String, JsonNode> m = media.next();
            bodies.put(m.getKey(), schema(m.getValue().path("schema")));
        }
        List<String> roles = new ArrayList<>();
        for (JsonNode requirement : op.path("security")) {
            requirement.properties().forEach(scheme -> scheme.getValue().forEach(r -> roles.add(r.asText())));
        }
        return new Operation(method, path, List.copyOf(params.values()), bodies, body.path("required").asBoolean(false),
                List.copyOf(roles));
    }

    /** A schema with its {@code $ref}s resolved (recursively, at most 8 levels: the DTOs are shallow). */
    JsonNode schema(JsonNode node) {
        return expand(node, 0);
    }

    private JsonNode expand(JsonNode node, int depth) {
        JsonNode resolved = resolve(node);
        if (!resolved.isObject() || depth > 8) {
            return resolved;
        }
        ObjectNode copy = ((ObjectNode) resolved).deepCopy();
        if (node.has("$ref") && node.size() > 1) {
            node.properties().forEach(f -> {
                if (!f.getKey().equals("$ref")) {
                    copy.set(f.getKey(), f.getValue());
                }
            });
        }
        copy.remove("$ref");
        if (copy.has("properties")) {
            ObjectNode props = copy.putObject("properties");
            resolved.path("properties").properties().forEach(p -> props.set(p.getKey(), expand(p.getValue(), depth + 1)));
        }
        if (copy.has("items")) {
            copy.set("items", expand(resolved.path("items"), depth + 1));
        }
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            if (copy.has(combinator)) {
                var list = copy.putArray(combinator);
                resolved.path(combinator).forEach(s -> list.add(expand(s, depth + 1)));
            }
        }
        return copy;
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.path("$ref").asText();
            if (!ref.startsWith("#/")) {
                return current;
            }
            JsonNode target = document;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            current = target;
        }
        return current;
    }
}
