package fr.somme.ent.console.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * One call to a service: 2xx → its JSON body as plain maps and lists (what Qute reads), anything else → an
 * {@link ApiException} with the problem+json read tolerantly (a body that is not a problem gives a problem of its
 * status). A service that cannot be reached gives status 0.
 */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private Api() {
    }

    public static JsonNode json(Supplier<Response> call) {
        Response response = send(call);
        try (response) {
            if (response.getStatus() == 204 || !response.hasEntity()) {
                return NullNode.getInstance();
            }
            String body = response.readEntity(String.class);
            return body == null || body.isBlank() ? NullNode.getInstance() : JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new ApiException(new ApiProblem(502, "unreadable-answer", e.getMessage(), List.of()));
        }
    }

    /** The answer as a map (an object) — empty when the service answered nothing. */
    public static Map<String, Object> object(Supplier<Response> call) {
        JsonNode node = json(call);
        return node.isObject() ? JSON.convertValue(node, MAP) : Map.of();
    }

    /**
     * A list answer read tolerantly: a bare JSON array or the envelope {@code {items, page, size, total}} (lists are
     * moving to the envelope, issue #17).
     */
    public static List<Map<String, Object>> list(Supplier<Response> call) {
        return items(json(call));
    }

    public static List<Map<String, Object>> items(JsonNode node) {
        JsonNode array = node.isArray() ? node : node.path("items");
        List<Map<String, Object>> out = new ArrayList<>();
        if (array.isArray()) {
            for (JsonNode item : array) {
                if (item.isObject()) {
                    out.add(JSON.convertValue(item, MAP));
                }
            }
        }
        return out;
    }

    /** The total of a list answer: the envelope's {@code total}, else the array's length. */
    public static long total(JsonNode node) {
        if (node.isArray()) {
            return node.size();
        }
        return node.path("total").asLong(node.path("items").size());
    }

    /** The raw bytes of a document (PDF, CSV, XML) with its content type. */
    public static Response passThrough(Supplier<Response> call) {
        Response response = send(call);
        byte[] body = response.hasEntity() ? response.readEntity(byte[].class) : new byte[0];
        Response.ResponseBuilder out = Response.ok(body);
        for (String header : List.of("Content-Type", "Content-Disposition")) {
            Object value = response.getHeaderString(header);
            if (value != null) {
                out.header(header, value);
            }
        }
        response.close();
        return out.build();
    }

    public static String string(Object value) {
        return value == null ? null : value.toString();
    }

    public static ObjectMapper mapper() {
        return JSON;
    }

    private static Response send(Supplier<Response> call) {
        Response response;
        try {
            response = call.get();
        } catch (WebApplicationException e) {
            // the REST client's default mapper, if it is on: the answer is in the exception
            response = e.getResponse();
            if (response == null) {
                throw new ApiException(new ApiProblem(502, null, null, List.of()));
            }
        } catch (ProcessingException e) {
            throw new ApiException(ApiProblem.unreachable(e.getMessage()));
        }
        if (response.getStatus() >= 400) {
            ApiProblem problem = problem(response);
            response.close();
            throw new ApiException(problem);
        }
        return response;
    }

    static ApiProblem problem(Response response) {
        int status = response.getStatus();
        try {
            String body = response.hasEntity() ? response.readEntity(String.class) : null;
            return parse(status, body);
        } catch (RuntimeException e) {
            return new ApiProblem(status, null, null, List.of());
        }
    }

    /** A problem+json body (or anything else: then only the status counts). */
    public static ApiProblem parse(int status, String body) {
        if (body == null || body.isBlank()) {
            return new ApiProblem(status, null, null, List.of());
        }
        try {
            JsonNode node = JSON.readTree(body);
            List<ApiProblem.FieldError> errors = new ArrayList<>();
            for (JsonNode e : node.path("errors")) {
                errors.add(new ApiProblem.FieldError(e.path("field").asText(""), e.path("message").asText("")));
            }
            String detail = node.path("detail").isTextual() ? node.path("detail").asText() : null;
            return new ApiProblem(status, ApiProblem.slugOf(node.path("type").asText(null)), detail, errors);
        } catch (java.io.IOException | RuntimeException e) {
            return new ApiProblem(status, null, null, List.of());
        }
    }
}
