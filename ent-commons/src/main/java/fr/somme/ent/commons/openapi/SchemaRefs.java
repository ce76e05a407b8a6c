package fr.somme.ent.commons.openapi;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * The component schemas a document's operations use, directly or through other schemas: the others (a generic
 * {@code PageOf}, an identifier no operation carries) are not written, so that every named schema is one a client
 * meets.
 */
final class SchemaRefs {

    static final String PREFIX = "#/components/schemas/";

    private SchemaRefs() {
    }

    /** The component schemas reachable from the operations, in their order. */
    static Map<String, Schema> reachable(OpenAPI openAPI) {
        Map<String, Schema> all = openAPI.getComponents().getSchemas();
        Set<String> seen = new TreeSet<>();
        Deque<Schema> todo = new ArrayDeque<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> {
                parameters(item.getParameters(), todo);
                item.getOperations().values().forEach(op -> operation(op, todo));
            });
        }
        while (!todo.isEmpty()) {
            Schema s = todo.pop();
            if (s.getRef() != null && s.getRef().startsWith(PREFIX)) {
                String name = s.getRef().substring(PREFIX.length());
                if (seen.add(name) && all.get(name) != null) {
                    todo.push(all.get(name));
                }
            }
            children(s, todo);
        }
        Map<String, Schema> kept = new LinkedHashMap<>();
        all.forEach((name, schema) -> {
            if (seen.contains(name)) {
                kept.put(name, schema);
            }
        });
        return kept;
    }

    private static void operation(Operation op, Deque<Schema> todo) {
        parameters(op.getParameters(), todo);
        if (op.getRequestBody() != null) {
            content(op.getRequestBody().getContent(), todo);
        }
        if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
            op.getResponses().getAPIResponses().values().forEach(r -> {
                content(r.getContent(), todo);
                if (r.getHeaders() != null) {
                    r.getHeaders().values().forEach(h -> add(h.getSchema(), todo));
                }
            });
        }
    }

    private static void parameters(List<Parameter> parameters, Deque<Schema> todo) {
        if (parameters != null) {
            parameters.forEach(p -> {
                add(p.getSchema(), todo);
                content(p.getContent(), todo);
            });
        }
    }

    private static void content(Content content, Deque<Schema> todo) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(m -> add(m.getSchema(), todo));
        }
    }

    private static void children(Schema s, Deque<Schema> todo) {
        if (s.getProperties() != null) {
            s.getProperties().values().forEach(p -> add(p, todo));
        }
        add(s.getItems(), todo);
        add(s.getNot(), todo);
        add(s.getAdditionalPropertiesSchema(), todo);
        for (List<Schema> list : java.util.Arrays.asList(s.getAllOf(), s.getOneOf(), s.getAnyOf(), s.getPrefixItems())) {
            if (list != null) {
                list.forEach(x -> add(x, todo));
            }
        }
    }

    private static void add(Schema s, Deque<Schema> todo) {
        if (s != null) {
            todo.push(s);
        }
    }
}
