package fr.somme.ent.systemtests;

import static fr.somme.ent.systemtests.HostileValues.NODES;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.somme.ent.systemtests.OpenApiOperations.Operation;
import fr.somme.ent.systemtests.OpenApiOperations.Param;

/**
 * The invalid requests for one operation, derived from its OpenAPI description: every path and query parameter
 * replaced by hostile values, every JSON body broken as a whole (not JSON, wrong top type, invalid UTF-8, wrong
 * Content-Type, empty, over the body-size limit) and field by field (missing, null, wrong JSON type, over
 * {@code maxLength}, 1 MB, numbers out of range, unknown enum values, malformed dates, injection strings, extra fields).
 * Parameters not under attack keep a plausible value (the data the test created), so that a request gets as far as it
 * can. Deterministic: the only randomness comes from the caller's seeded {@link Random}.
 */
final class HostileInputs {

    /** Larger than every service's {@code quarkus.http.limits.max-body-size} (the largest is Quarkus' default, 10M). */
    static final long OVER_ANY_BODY_LIMIT = 11L * 1024 * 1024;

    private final Operation op;
    private final String token;
    private final BiFunction<Operation, Param, String> plausible;
    private final List<HostileRequest> out = new ArrayList<>();

    private HostileInputs(Operation op, String token, BiFunction<Operation, Param, String> plausible) {
        this.op = op;
        this.token = token;
        this.plausible = plausible;
    }

    /** Every systematic hostile request for {@code op}, sent with {@code token} (a role the operation allows). */
    static List<HostileRequest> of(Operation op, String token, BiFunction<Operation, Param, String> plausible) {
        HostileInputs inputs = new HostileInputs(op, token, plausible);
        inputs.pathParameters();
        inputs.queryParameters();
        inputs.bodies();
        return inputs.out;
    }

    /** A body with two to four fields broken at once (the seeded part of the campaign). */
    static HostileRequest combined(Operation op, String token, BiFunction<Operation, Param, String> plausible, Random random) {
        HostileInputs inputs = new HostileInputs(op, token, plausible);
        String media = op.bodies().keySet().stream().filter(m -> m.contains("json")).findFirst().orElseThrow();
        JsonNode schema = op.bodies().get(media);
        JsonNode body = JsonSamples.sample(schema, "body", 0);
        List<JsonSamples.Field> fields = JsonSamples.fields(schema);
        StringBuilder what = new StringBuilder("combined");
        for (int i = 0, n = 2 + random.nextInt(3); i < n && !fields.isEmpty(); i++) {
            JsonSamples.Field field = fields.get(random.nextInt(fields.size()));
            List<JsonNode> values = JsonSamples.wrongValues(field.schema());
            JsonNode value = values.get(random.nextInt(values.size()));
            body = JsonSamples.with(body, field.pointer(), value);
            what.append(' ').append(field.pointer());
        }
        return inputs.request(what.toString(), inputs.target(Map.of(), "")).withBody(media, HostileValues.encode(body));
    }

    private HostileRequest request(String what, String target) {
        return HostileRequest.of(what, op.method(), target, token);
    }

    /** The path with the given parameters replaced (values already encoded), the others plausible. */
    String target(Map<String, String> encodedPathValues, String query) {
        String path = op.path();
        for (Param p : op.in("path")) {
            String value = encodedPathValues.containsKey(p.name()) ? encodedPathValues.get(p.name())
                    : HostileValues.encodeUri(plausible.apply(op, p));
            path = path.replace("{" + p.name() + "}", value);
        }
        StringBuilder q = new StringBuilder(query);
        for (Param p : op.in("query")) {
            if (p.required() && !query.contains(p.name() + "=")) {
                q.append(q.length() == 0 ? "" : "&").append(p.name()).append('=')
                        .append(HostileValues.encodeUri(plausible.apply(op, p)));
            }
        }
        return q.length() == 0 ? path : path + "?" + q;
    }

    private void pathParameters() {
        for (Param p : op.in("path")) {
            for (String segment : HostileValues.pathSegments(plausible.apply(op, p))) {
                HostileRequest r = request("path " + p.name(), target(Map.of(p.name(), segment), ""));
                out.add(hasJsonBody() ? r.withBody(jsonMedia(), sampleBody()) : r);
            }
        }
    }

    private void queryParameters() {
        List<Param> query = op.in("query");
        for (Param p : query) {
            for (String value : HostileValues.queryValues(p.schema())) {
                out.add(request("query " + p.name(), target(Map.of(), p.name() + "=" + value)));
            }
            out.add(request("query " + p.name() + " twice", target(Map.of(), p.name() + "=1&" + p.name() + "=abc")));
        }
        out.add(request("unknown query parameter", target(Map.of(), "unexpected=1&" + "%27%20OR%201%3D1--=x")));
    }

    private boolean hasJsonBody() {
        return op.bodies().keySet().stream().anyMatch(m -> m.contains("json"));
    }

    private String jsonMedia() {
        return op.bodies().keySet().stream().filter(m -> m.contains("json")).findFirst().orElse("application/json");
    }

    private byte[] sampleBody() {
        return HostileValues.encode(JsonSamples.sample(op.bodies().get(jsonMedia()), "body", 0));
    }

    private void bodies() {
        String target = target(Map.of(), "");
        if (op.bodies().isEmpty() && !op.method().equals("GET") && !op.method().equals("DELETE")) {
            out.add(request("unexpected JSON body", target).withBody("application/json", "{\"x\":1}".getBytes(StandardCharsets.UTF_8)));
            out.add(request("unexpected broken body", target).withBody("application/json", "{".getBytes(StandardCharsets.UTF_8)));
            out.add(request("unexpected body over the limit", target).withOversizedBody("application/json", OVER_ANY_BODY_LIMIT));
        }
        for (Map.Entry<String, JsonNode> media : op.bodies().entrySet()) {
            if (media.getKey().contains("json")) {
                jsonBody(target, media.getKey(), media.getValue());
            } else {
                textBody(target, media.getKey());
            }
        }
        if (!op.bodies().isEmpty()) {
            out.add(request("body over the limit", target).withOversizedBody(op.bodies().keySet().iterator().next(),
                    OVER_ANY_BODY_LIMIT));
            out.add(request("no body at all", target));
        }
    }

    private void jsonBody(String target, String media, JsonNode schema) {
        JsonNode sample = JsonSamples.sample(schema, "body", 0);
        byte[] valid = HostileValues.encode(sample);
        out.add(request("empty body", target).withBody(media, new byte[0]));
        for (String broken : HostileValues.BROKEN_JSON) {
            out.add(request("not JSON / wrong top type", target).withBody(media, broken.getBytes(StandardCharsets.UTF_8)));
        }
        out.add(request("nested 100,000 deep", target).withBody(media, "[".repeat(100_000).getBytes(StandardCharsets.UTF_8)));
        for (String hex : HostileValues.BAD_UTF8) {
            out.add(request("invalid UTF-8 " + hex, target).withBody(media,
                    HostileValues.encode(JsonSamples.withEveryString(sample, HostileValues.bytes(hex)))));
        }
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/octet-stream", "application/json; charset=UTF-16",
                "application/json; charset=nonsense", "*/*", "application/json, text/plain", "json")) {
            out.add(request("Content-Type " + type, target).withBody(type, valid));
        }
        out.add(request("Accept XML", target).withBody(media, valid).accepting("application/xml"));
        ObjectNode extra = sample.isObject() ? ((ObjectNode) sample.deepCopy()) : NODES.objectNode();
        extra.put("unexpected", 1).put("id", "forced-id").put("status", "PAID").put("state", "VALIDATED");
        extra.putObject("__proto__").put("admin", true);
        out.add(request("extra fields", target).withBody(media, HostileValues.encode(extra)));
        out.add(request("every string 1 MB", target).withBody(media,
                HostileValues.encode(JsonSamples.withFirstString(sample, NODES.textNode("m".repeat(1024 * 1024))))));
        if (sample.isArray()) {
            ArrayNode many = NODES.arrayNode();
            for (int i = 0; i < 1001; i++) {
                many.add(sample.path(0).deepCopy());
            }
            out.add(request("1,001 items", target).withBody(media, HostileValues.encode(many)));
        }
        for (JsonSamples.Field field : JsonSamples.fields(schema)) {
            if (field.required()) {
                out.add(request("missing " + field.pointer(), target).withBody(media,
                        HostileValues.encode(JsonSamples.without(sample, field.pointer()))));
            }
            for (JsonNode value : JsonSamples.wrongValues(field.schema())) {
                out.add(request(field.pointer() + " = " + excerpt(value), target).withBody(media,
                        HostileValues.encode(JsonSamples.with(sample, field.pointer(), value))));
            }
        }
    }

    private void textBody(String target, String media) {
        List<String> texts = new ArrayList<>(List.of("", "\uFEFFnom,prénom\nDUPONT,Léa\n", "=cmd|' /C calc'!A0,@SUM(1+1)\n",
                "+33 6,-2+3\n", "nom;prénom;x;y;z\n" + "a;b;c;d;e\n", "\"unterminated,quote\n", "nul\u0000byte,x\n",
                "x".repeat(100_000) + ",y\n", ",\n,\n,\n"));
        StringBuilder hundredOne = new StringBuilder("nom,prénom\n");
        for (int i = 0; i < 101; i++) {
            hundredOne.append("ÉLÈVE").append(i).append(",Prénom\n");
        }
        texts.add(hundredOne.toString());
        for (String text : texts) {
            out.add(request("text body", target).withBody(media, text.getBytes(StandardCharsets.UTF_8)));
        }
        for (String hex : HostileValues.BAD_UTF8) {
            out.add(request("invalid UTF-8 " + hex, target).withBody(media,
                    HostileValues.text("DUPONT,L", hex, "a\n")));
        }
        out.add(request("text body, wrong Content-Type", target).withBody("image/png", "DUPONT,Léa\n".getBytes(StandardCharsets.UTF_8)));
    }

    private static String excerpt(JsonNode value) {
        String text = value.toString();
        return text.length() > 40 ? text.substring(0, 40) + "…(" + text.length() + ")" : text;
    }
}
