package fr.somme.ent.commons.openapi;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * An example value built from a schema, valid against it: the schema's own example first, else its first enum value,
 * else a value of its type and format (identifiers by their pattern, dates, UUIDs, numbers within their bounds).
 * Used for the request and response bodies that do not carry a hand-written example.
 */
final class SchemaExamples {

    private static final String REF_PREFIX = "#/components/schemas/";
    private static final int MAX_DEPTH = 8;

    private final Map<String, Schema> components;

    SchemaExamples(Components components) {
        this.components = components == null || components.getSchemas() == null ? Map.of() : components.getSchemas();
    }

    /** The example, or null when the schema says nothing an example could follow (binary content, unknown shape). */
    Object of(Schema schema) {
        return of(schema, null, 0);
    }

    /** The example of a parameter or property: its name tells an identifier apart (siren, uai, schoolYear…). */
    Object of(Schema schema, String name) {
        return of(schema, name, 0);
    }

    private Object of(Schema schema, String name, int depth) {
        if (schema == null || depth > MAX_DEPTH) {
            return null;
        }
        if (schema.getRef() != null) {
            String ref = schema.getRef();
            return ref.startsWith(REF_PREFIX) ? of(components.get(ref.substring(REF_PREFIX.length())), name, depth + 1) : null;
        }
        if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            return schema.getExamples().get(0);
        }
        if (schema.getExample() != null) {
            return schema.getExample();
        }
        if (schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()) {
            return schema.getEnumeration().get(0);
        }
        if (schema.getDefaultValue() != null) {
            return schema.getDefaultValue();
        }
        for (List<Schema> composed : java.util.Arrays.asList(schema.getAllOf(), schema.getOneOf(), schema.getAnyOf())) {
            if (composed != null && !composed.isEmpty()) {
                return of(composed.get(0), name, depth + 1);
            }
        }
        return byType(schema, name, depth);
    }

    private Object byType(Schema schema, String name, int depth) {
        SchemaType type = type(schema);
        if (type == null) {
            return schema.getProperties() != null ? object(schema, depth) : null;
        }
        return switch (type) {
            case OBJECT -> object(schema, depth);
            case ARRAY -> {
                Object item = of(schema.getItems(), null, depth + 1);
                yield item == null ? List.of() : List.of(item);
            }
            case STRING -> string(schema, name);
            case INTEGER -> number(schema).toBigInteger();
            case NUMBER -> number(schema);
            case BOOLEAN -> Boolean.TRUE;
            default -> null;
        };
    }

    private Map<String, Object> object(Schema schema, int depth) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((property, s) -> {
                Object value = of(s, property, depth + 1);
                if (value != null) {
                    out.put(property, value);
                }
            });
        }
        return out;
    }

    private static SchemaType type(Schema schema) {
        List<SchemaType> types = schema.getType();
        if (types == null) {
            return null;
        }
        return types.stream().filter(t -> t != SchemaType.NULL).findFirst().orElse(null);
    }

    private static Object string(Schema schema, String name) {
        String format = schema.getFormat() == null ? "" : schema.getFormat();
        for (Identifiers id : Identifiers.all()) {
            if (id.pattern().equals(schema.getPattern())) {
                return id.example();
            }
        }
        if (schema.getPattern() != null) {
            String pattern = schema.getPattern();
            return Identifiers.named(name).map(Identifiers::example)
                    .filter(v -> java.util.regex.Pattern.compile(pattern).matcher(v).find())
                    .or(() -> PatternExamples.of(pattern, schema.getMinLength(), schema.getMaxLength())).orElse(null);
        }
        return switch (format) {
            case "date" -> "2026-09-01";
            case "date-time" -> "2026-09-01T08:00:00Z";
            case "uuid" -> "3f0c9a52-6b1e-4b7a-9a55-0c1d2e3f4a5b";
            case "uri" -> "https://ent.somme-numerique.fr/";
            case "binary", "byte" -> null;
            default -> fitted(schema, name == null ? "texte" : Identifiers.named(name).map(Identifiers::example).orElse("texte"));
        };
    }

    private static String fitted(Schema schema, String value) {
        Integer max = schema.getMaxLength();
        Integer min = schema.getMinLength();
        String v = value;
        if (min != null && v.length() < min) {
            v = v + "x".repeat(min - v.length());
        }
        return max != null && v.length() > max ? v.substring(0, max) : v;
    }

    private static BigDecimal number(Schema schema) {
        BigDecimal value = BigDecimal.ONE;
        if (schema.getMinimum() != null && value.compareTo(schema.getMinimum()) < 0) {
            value = schema.getMinimum();
        }
        if (schema.getMaximum() != null && value.compareTo(schema.getMaximum()) > 0) {
            value = schema.getMaximum();
        }
        return value;
    }
}
