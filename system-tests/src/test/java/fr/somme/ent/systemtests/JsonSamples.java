package fr.somme.ent.systemtests;

import static fr.somme.ent.systemtests.HostileValues.NODES;
import static fr.somme.ent.systemtests.HostileValues.raw;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A plausible JSON value for a schema (its {@code example}, a seeded identifier for a known field name, else a value of
 * the right type within bounds), the fields of a body, the wrong values of a field, and copies of a body with one
 * field changed or removed.
 */
final class JsonSamples {

    /** A field of a body: its JSON pointer ({@code /schools/0/uai}), its schema, whether its object requires it. */
    record Field(String pointer, JsonNode schema, boolean required) {
    }

    /** Field names whose plausible value is the data the test created (see {@link HostileRequestsIT}). */
    private static final Map<String, String> HINTS = Map.ofEntries(
            Map.entry("siren", HostileRequestsIT.SIREN), Map.entry("memberid", HostileRequestsIT.SIREN),
            Map.entry("epcisiren", "248000531"), Map.entry("uai", HostileRequestsIT.UAI),
            Map.entry("schooluai", HostileRequestsIT.UAI), Map.entry("schoolyear", Journeys.YEAR),
            Map.entry("inseecode", "80489"), Map.entry("communeinsee", "80489"),
            Map.entry("circonscriptioncode", Journeys.CIRCONSCRIPTION));

    private JsonSamples() {
    }

    /** The schema as one object: {@code allOf} merged, the first non-null branch of {@code anyOf}/{@code oneOf}. */
    static JsonNode effective(JsonNode schema) {
        if (schema.has("allOf")) {
            ObjectNode merged = NODES.objectNode();
            schema.properties().forEach(f -> {
                if (!f.getKey().equals("allOf")) {
                    merged.set(f.getKey(), f.getValue());
                }
            });
            for (JsonNode part : schema.path("allOf")) {
                JsonNode p = effective(part);
                p.properties().forEach(f -> {
                    if (f.getKey().equals("properties") && merged.has("properties")) {
                        ((ObjectNode) merged.get("properties")).setAll((ObjectNode) f.getValue());
                    } else if (!merged.has(f.getKey())) {
                        merged.set(f.getKey(), f.getValue());
                    }
                });
            }
            return merged;
        }
        for (String choice : List.of("anyOf", "oneOf")) {
            for (JsonNode branch : schema.path(choice)) {
                if (!"null".equals(type(branch))) {
                    return effective(branch);
                }
            }
        }
        return schema;
    }

    /** {@code string}, {@code integer}, {@code number}, {@code boolean}, {@code array}, {@code object}, {@code null} or "". */
    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
            return "null";
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : schema.has("items") ? "array" : schema.has("enum") ? "string" : "";
    }

    static JsonNode sample(JsonNode rawSchema, String name, int depth) {
        JsonNode schema = effective(rawSchema);
        String hint = HINTS.get(name.toLowerCase(Locale.ROOT));
        if (hint != null && type(schema).equals("string")) {
            return NODES.textNode(hint);
        }
        if (schema.has("example") && !schema.path("example").isNull()) {
            return schema.path("example").deepCopy();
        }
        if (schema.path("enum").size() > 0) {
            return schema.path("enum").get(0).deepCopy();
        }
        switch (type(schema)) {
            case "object": {
                ObjectNode object = NODES.objectNode();
                if (depth < 6) {
                    schema.path("properties").properties().forEach(p -> object.set(p.getKey(), sample(p.getValue(), p.getKey(), depth + 1)));
                }
                return object;
            }
            case "array": {
                ArrayNode array = NODES.arrayNode();
                if (depth < 6) {
                    array.add(sample(schema.path("items"), name, depth + 1));
                }
                return array;
            }
            case "integer":
                return NODES.numberNode(Math.max(schema.path("minimum").asLong(1), 1));
            case "number":
                return NODES.numberNode(Math.max(schema.path("minimum").asDouble(10), 10));
            case "boolean":
                return NODES.booleanNode(true);
            default:
                return NODES.textNode(string(schema));
        }
    }

    private static String string(JsonNode schema) {
        switch (schema.path("format").asText()) {
            case "date":
                return "2026-09-01";
            case "date-time":
                return "2026-10-05T08:00:00Z";
            case "uuid":
                return "3f1b7a52-8e4c-4c0e-9a55-6a1d2c3b4e5f";
            case "email":
                return "contact@example.org";
            case "uri":
                return "https://example.org/x";
            default:
                int min = Math.max(schema.path("minLength").asInt(1), 1);
                int max = schema.path("maxLength").asInt(Math.max(min, 12));
                return "Texte".repeat(3).substring(0, Math.min(Math.max(min, Math.min(12, max)), 15));
        }
    }

    /** The fields of a body (nested objects and the first item of arrays of objects, three levels deep). */
    static List<Field> fields(JsonNode schema) {
        List<Field> all = new ArrayList<>();
        collect(effective(schema), "", all, 0);
        return all;
    }

    private static void collect(JsonNode schema, String prefix, List<Field> into, int depth) {
        if (depth > 3) {
            return;
        }
        if (type(schema).equals("array")) {
            collect(effective(schema.path("items")), prefix + "/0", into, depth + 1);
            return;
        }
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").properties().iterator(); it.hasNext();) {
            Map.Entry<String, JsonNode> p = it.next();
            JsonNode fieldSchema = effective(p.getValue());
            String pointer = prefix + "/" + p.getKey().replace("~", "~0").replace("/", "~1");
            into.add(new Field(pointer, fieldSchema, required.contains(p.getKey())));
            if (type(fieldSchema).equals("object") || type(fieldSchema).equals("array")) {
                collect(fieldSchema, pointer, into, depth + 1);
            }
        }
    }

    /** What a field of this schema must never accept. */
    static List<JsonNode> wrongValues(JsonNode schema) {
        List<JsonNode> values = new ArrayList<>(List.of(NODES.nullNode()));
        String type = type(schema);
        if (schema.path("enum").size() > 0) {
            String first = schema.path("enum").get(0).asText();
            values.addAll(List.of(NODES.textNode("UNKNOWN_VALUE"), NODES.textNode(first.toLowerCase(Locale.ROOT)),
                    NODES.textNode(" " + first), NODES.textNode(first + "\u0000"), NODES.numberNode(0), NODES.textNode("")));
            return values;
        }
        switch (type) {
            case "integer":
                values.addAll(List.of(NODES.textNode("1"), NODES.textNode("abc"), NODES.numberNode(1.5),
                        raw("2147483648"), raw("-2147483649"), raw("9223372036854775808"), raw("1e400"), raw("-1e400"),
                        NODES.numberNode(-1), NODES.numberNode(0), raw("NaN"), raw("Infinity"), raw("-0"), raw("1e2"),
                        NODES.booleanNode(true), NODES.arrayNode(), NODES.objectNode()));
                if (schema.has("maximum")) {
                    values.add(NODES.numberNode(schema.path("maximum").asLong() + 1));
                }
                if (schema.has("minimum")) {
                    values.add(NODES.numberNode(schema.path("minimum").asLong() - 1));
                }
                break;
            case "number":
                values.addAll(List.of(NODES.textNode("abc"), NODES.textNode(""), raw("NaN"), raw("Infinity"), raw("1e400"),
                        raw("-1e400"), raw("1e-400"), NODES.numberNode(-1), NODES.numberNode(0), NODES.numberNode(0.001),
                        raw("99999999999999999999999999999.99"), NODES.textNode("1,50"), NODES.booleanNode(true),
                        NODES.arrayNode(), NODES.objectNode()));
                break;
            case "boolean":
                values.addAll(List.of(NODES.textNode("yes"), NODES.textNode("true"), NODES.numberNode(1), NODES.arrayNode(),
                        NODES.objectNode()));
                break;
            case "array":
                ArrayNode tooMany = NODES.arrayNode();
                JsonNode item = sample(schema.path("items"), "item", 1);
                for (int i = 0, n = schema.path("maxItems").asInt(1000) + 1; i < Math.min(n, 1001); i++) {
                    tooMany.add(item.deepCopy());
                }
                values.addAll(List.of(NODES.objectNode(), NODES.textNode("x"), NODES.numberNode(1),
                        NODES.arrayNode().add(NODES.nullNode()), NODES.arrayNode().add(NODES.arrayNode()),
                        NODES.arrayNode().add(NODES.numberNode(7)), NODES.arrayNode(), tooMany));
                break;
            case "object":
                values.addAll(List.of(NODES.arrayNode(), NODES.textNode("x"), NODES.numberNode(1), NODES.objectNode()));
                break;
            default:
                values.addAll(strings(schema));
        }
        return values;
    }

    private static List<JsonNode> strings(JsonNode schema) {
        List<JsonNode> values = new ArrayList<>(List.of(NODES.numberNode(12345), NODES.booleanNode(true), NODES.objectNode(),
                NODES.arrayNode(), raw("1e400"), raw("\"\\ud800\""), raw("\"\\udfff\\ud800\""),
                HostileValues.bytes("c328"), NODES.textNode("A".repeat(100_000))));
        HostileValues.INJECTIONS.forEach(s -> values.add(NODES.textNode(s)));
        HostileValues.NUMBERISH.forEach(s -> values.add(NODES.textNode(s)));
        if (schema.has("maxLength")) {
            values.add(NODES.textNode("x".repeat(schema.path("maxLength").asInt() + 1)));
            values.add(NODES.textNode("é".repeat(Math.max(schema.path("maxLength").asInt(), 1))));
        }
        String format = schema.path("format").asText();
        if (format.startsWith("date")) {
            HostileValues.BAD_DATES.forEach(s -> values.add(NODES.textNode(s)));
        }
        if (format.equals("uuid")) {
            values.addAll(List.of(NODES.textNode("not-a-uuid"), NODES.textNode("00000000-0000-0000-0000-000000000000"),
                    NODES.textNode("3f1b7a52-8e4c-4c0e-9a55-6a1d2c3b4e5fff")));
        }
        return values;
    }

    static JsonNode with(JsonNode body, String pointer, JsonNode value) {
        JsonNode copy = body.deepCopy();
        JsonPointer at = JsonPointer.compile(pointer);
        JsonNode parent = copy.at(at.head());
        String last = at.last().getMatchingProperty();
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array && at.last().mayMatchElement() && array.size() > at.last().getMatchingIndex()) {
            array.set(at.last().getMatchingIndex(), value);
        }
        return copy;
    }

    static JsonNode without(JsonNode body, String pointer) {
        JsonNode copy = body.deepCopy();
        JsonPointer at = JsonPointer.compile(pointer);
        if (copy.at(at.head()) instanceof ObjectNode parent) {
            parent.remove(at.last().getMatchingProperty());
        }
        return copy;
    }

    /** A copy with every string value replaced. */
    static JsonNode withEveryString(JsonNode body, JsonNode value) {
        JsonNode copy = body.deepCopy();
        replaceStrings(copy, value, false);
        return copy;
    }

    /** A copy with the first string value replaced (or the body as it is when it has none). */
    static JsonNode withFirstString(JsonNode body, JsonNode value) {
        JsonNode copy = body.deepCopy();
        replaceStrings(copy, value, true);
        return copy;
    }

    private static boolean replaceStrings(JsonNode node, JsonNode value, boolean once) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator(); it.hasNext();) {
                Map.Entry<String, JsonNode> f = it.next();
                if (f.getValue().isTextual()) {
                    f.setValue(value);
                    if (once) {
                        return true;
                    }
                } else if (replaceStrings(f.getValue(), value, once) && once) {
                    return true;
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, value);
                    if (once) {
                        return true;
                    }
                } else if (replaceStrings(array.get(i), value, once) && once) {
                    return true;
                }
            }
        }
        return false;
    }
}
