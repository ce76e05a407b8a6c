package fr.somme.ent.commons.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import fr.somme.ent.commons.problem.Problem;

/**
 * The error responses every operation may give, as RFC 9457 problems ({@code application/problem+json}, schema
 * {@code Problem}) with the {@code type} a client branches on (see ent-commons {@code ProblemMappers}). An operation
 * that documents a status itself (e.g. its own 409 or 422 types) keeps its description; the filter only adds the
 * problem content and an example when they are missing.
 */
final class ProblemResponses {

    static final String SCHEMA = "Problem";
    /** The operation's rule-specific problem types: {@code "<status> <slug>, ..."} (see contracts/README.md). */
    static final String EXTENSION = "x-ent-problems";
    private static final String REF = "#/components/schemas/" + SCHEMA;

    private record Error(String slug, String title, String when) {
    }

    private static final Map<String, Error> ERRORS = new LinkedHashMap<>();

    static {
        ERRORS.put("400", new Error("validation", "Invalid request", "The request is invalid: `validation` (the fields are "
                + "listed in `errors`), `malformed-body` (not JSON for this operation), `bad-request`, or a rule's own type."));
        ERRORS.put("401", new Error("unauthorized", "Unauthorized", "No bearer token, or one that is expired, badly signed or "
                + "not meant for the suite (audience)."));
        ERRORS.put("403", new Error("forbidden", "Forbidden", "The token's role does not allow this operation."));
        ERRORS.put("404", new Error("not-found", "Not found", "The resource does not exist, or is outside the caller's "
                + "scope (existence does not leak)."));
        ERRORS.put("409", new Error("concurrent-modification", "Conflict", "The resource's state refuses the change "
                + "(a rule's own type), or another request changed it meanwhile (`concurrent-modification`: read it again, "
                + "then retry), or it would duplicate something (`duplicate`)."));
        ERRORS.put("406", new Error("not-acceptable", "Not Acceptable", "The Accept header asks only for media types the "
                + "operation does not produce."));
        ERRORS.put("413", new Error("body-too-large", "Payload too large", "The body is over the service's limit."));
        ERRORS.put("415", new Error("unsupported-media-type", "Unsupported Media Type", "The body's Content-Type is not "
                + "one the operation reads."));
        ERRORS.put("500", new Error("internal", "Internal error", "An unexpected failure; the `detail` gives an incident "
                + "id to quote to the operator."));
        ERRORS.put("503", new Error("service-unavailable", "Service Unavailable", "The database is unavailable for a "
                + "moment: retry in a few seconds; nothing was changed."));
    }

    private ProblemResponses() {
    }

    static void addSchemas(Components components) {
        Schema fieldError = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("a field of the request and what is wrong with it")
                .addProperty("field", OASFactory.createSchema().addType(SchemaType.STRING).addExample("name"))
                .addProperty("message", OASFactory.createSchema().addType(SchemaType.STRING).addExample("must not be blank"));
        Schema problem = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("An RFC 9457 problem detail; `type` is stable (" + Problem.TYPE_BASE + "<slug>, listed in "
                        + "docs/errors.md): branch on it, never on `title` or `detail`.")
                .addProperty("type", OASFactory.createSchema().addType(SchemaType.STRING).format("uri")
                        .addExample(Problem.TYPE_BASE + "validation"))
                .addProperty("title", OASFactory.createSchema().addType(SchemaType.STRING).addExample("Invalid request"))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).addExample(400))
                .addProperty("detail", OASFactory.createSchema().addType(SchemaType.STRING)
                        .addExample("the request has 1 invalid field(s)"))
                .addProperty("instance", OASFactory.createSchema().addType(SchemaType.STRING).addExample("/members"))
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref("#/components/schemas/ProblemFieldError")))
                .required(List.of("type", "title", "status"));
        components.addSchema("ProblemFieldError", fieldError);
        components.addSchema(SCHEMA, problem);
    }

    /** Adds the problems this operation can answer: 4xx by what it takes, 5xx always. */
    static void addTo(Operation op, String path, PathItem.HttpMethod method, boolean secured) {
        boolean takesInput = op.getRequestBody() != null || op.getParameters() != null && !op.getParameters().isEmpty();
        boolean writes = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH || method == PathItem.HttpMethod.DELETE;
        if (takesInput) {
            add(op, "400");
        }
        if (secured) {
            add(op, "401");
            add(op, "403");
        }
        if (path.contains("{") || writes) {
            add(op, "404"); // a write may name what it acts on in its body (e.g. an activation code)
        }
        add(op, "406");
        if (writes) {
            add(op, "409");
            add(op, "413"); // the body limit holds for every write, even one that reads no body
        }
        if (op.getRequestBody() != null) {
            add(op, "415");
        }
        add(op, "500");
        add(op, "503");
        Map<String, List<String>> listed = listed(op);
        op.getResponses().getAPIResponses().forEach((code, response) -> {
            if ((code.startsWith("4") || code.startsWith("5")) && !ERRORS.containsKey(code) && !listed.containsKey(code)) {
                problemContent(response, code, "a problem of type " + Problem.TYPE_BASE + "<slug>", "http-" + code, "Error");
            }
        });
        listed.forEach((code, slugs) -> addListed(op, code, slugs));
    }

    /**
     * The operation's rule-specific problem types, from its {@code x-ent-problems} extension ({@code "409 wrong-step,
     * 422 reason-required"}), by status in the order written; empty without the extension.
     */
    static Map<String, List<String>> listed(Operation op) {
        Map<String, List<String>> byStatus = new TreeMap<>();
        Object value = op.getExtensions() == null ? null : op.getExtensions().get(EXTENSION);
        if (value == null) {
            return byStatus;
        }
        for (String pair : value.toString().split(",")) {
            String[] parts = pair.trim().split("\\s+");
            if (parts.length != 2 || !parts[0].matches("[45]\\d\\d") || !parts[1].matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                throw new IllegalArgumentException(EXTENSION + " of " + op.getOperationId() + ": '" + pair.trim()
                        + "' is not '<status> <slug>' (e.g. 409 wrong-step)");
            }
            List<String> slugs = byStatus.computeIfAbsent(parts[0], k -> new ArrayList<>());
            if (!slugs.contains(parts[1])) {
                slugs.add(parts[1]);
            }
        }
        return byStatus;
    }

    /** The response of the status (created if missing), with one named example per listed type, the others kept. */
    private static void addListed(Operation op, String code, List<String> slugs) {
        APIResponse response = op.getResponses().getAPIResponse(code);
        Error generic = ERRORS.get(code);
        if (response == null) {
            response = OASFactory.createAPIResponse().description(generic != null ? generic.when()
                    : "The request breaks a rule: " + String.join(", ", slugs.stream().map(s -> "`" + s + "`").toList())
                            + " (docs/errors.md).");
            op.getResponses().addAPIResponse(code, response);
        }
        if (generic != null) {
            problemContent(response, code, generic.when(), generic.slug(), generic.title());
        } else {
            problemContent(response, code, response.getDescription(), null, null);
        }
        MediaType media = response.getContent().getMediaType(Problem.MEDIA_TYPE);
        Map<String, Example> examples = new LinkedHashMap<>();
        if (media.getExample() != null) {
            examples.put(exampleName(media.getExample()), OASFactory.createExample().summary("generic").value(media.getExample()));
            media.setExample(null);
        }
        if (media.getExamples() != null) {
            examples.putAll(media.getExamples());
        }
        for (String slug : slugs) {
            if (!examples.containsKey(slug)) {
                Map<String, Object> value = new LinkedHashMap<>();
                value.put("type", Problem.TYPE_BASE + slug);
                value.put("title", title(code));
                value.put("status", Integer.parseInt(code));
                examples.put(slug, OASFactory.createExample().summary(slug.replace('-', ' ')).value(value));
            }
        }
        media.setExamples(examples);
    }

    private static String exampleName(Object example) {
        if (example instanceof Map<?, ?> map && map.get("type") instanceof String type && type.startsWith(Problem.TYPE_BASE)) {
            return type.substring(Problem.TYPE_BASE.length());
        }
        return "example";
    }

    private static String title(String code) {
        return switch (code) {
            case "400" -> "Bad request";
            case "403" -> "Forbidden";
            case "404" -> "Not found";
            case "409" -> "Conflict";
            case "422" -> "Rule not satisfied";
            default -> ERRORS.containsKey(code) ? ERRORS.get(code).title() : "Error";
        };
    }

    private static void add(Operation op, String code) {
        Error e = ERRORS.get(code);
        APIResponse response = op.getResponses().getAPIResponse(code);
        if (response == null) {
            response = OASFactory.createAPIResponse().description(e.when());
            op.getResponses().addAPIResponse(code, response);
        }
        problemContent(response, code, e.when(), e.slug(), e.title());
    }

    private static void problemContent(APIResponse response, String code, String when, String slug, String title) {
        if (response.getDescription() == null || response.getDescription().isBlank()
                || response.getDescription().equals("Not Authorized") || response.getDescription().equals("Not Allowed")) {
            response.setDescription(when);
        }
        Content content = response.getContent();
        if (content == null || content.getMediaTypes() == null || content.getMediaTypes().isEmpty()) {
            content = OASFactory.createContent();
            response.setContent(content);
        }
        if (content.getMediaType(Problem.MEDIA_TYPE) == null) {
            content.addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF)));
        }
        MediaType media = content.getMediaType(Problem.MEDIA_TYPE);
        if (slug != null && media.getExample() == null && (media.getExamples() == null || media.getExamples().isEmpty())) {
            Map<String, Object> example = new LinkedHashMap<>();
            example.put("type", Problem.TYPE_BASE + slug);
            example.put("title", title);
            example.put("status", Integer.parseInt(code));
            example.put("detail", when);
            media.setExample(example);
        }
        // an error is a problem, never a plain JSON body
        for (String type : List.copyOf(content.getMediaTypes().keySet())) {
            if (!type.equals(Problem.MEDIA_TYPE)) {
                content.removeMediaType(type);
            }
        }
    }
}
