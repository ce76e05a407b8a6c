package fr.somme.ent.systemtests;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The hostile values of {@link HostileRequestsIT}: injection strings, numbers out of range, malformed dates, and how
 * to write into a JSON body what Jackson would never write (a raw literal such as {@code NaN} or {@code 1e400}, a lone
 * surrogate escape, invalid UTF-8 bytes).
 */
final class HostileValues {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Strings an attacker tries everywhere a string goes. */
    static final List<String> INJECTIONS = List.of(
            "' OR 1=1--", "\"; DROP TABLE member; --", "../../etc/passwd", "..\\..\\windows\\win.ini",
            "<script>alert(1)</script>", "%00", "nul\u0000byte", "${jndi:ldap://127.0.0.1/x}", "{{7*7}}#{7*7}",
            "=HYPERLINK(\"http://evil.example\",\"x\")", "école ÉÈ 🎓 \u202Eevil\u200B", "\r\nX-Injected: 1",
            "   ", "");

    /** Numbers written as strings (amounts and years often travel as strings). */
    static final List<String> NUMBERISH = List.of("-1", "NaN", "Infinity", "1e400", "1e-400", "0.001",
            "99999999999999999999999999.99", "1,50", "0x10");

    /** Dates that are not dates, or not in range. */
    static final List<String> BAD_DATES = List.of("2026-02-30", "2026-13-01", "31/12/2026", "+999999999-12-31",
            "-999999999-01-01", "0000-00-00", "2026-9-1", "2026-09-01T00:00:00Z", "2026-10-05T25:00:00Z");

    /** JSON texts that are not valid JSON (or not an object) for a JSON body. */
    static final List<String> BROKEN_JSON = List.of("{", "}", "{\"a\":", "{\"a\":1,}", "{'a':1}", "{a:1}", "nul",
            "[", "{\"a\":1}}", "\"unterminated", "{\"a\":01}", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":1e400}",
            "{\"a\":\"\\x41\"}", "{\"a\":\"\\ud800\"}", "/* comment */ {}", "\uFEFF{}", "null", "[]", "\"text\"", "42",
            "true", "[{}]", "{\"__proto__\":{\"admin\":true}}");

    /** Invalid UTF-8 sequences, each written into a string of a body. */
    static final List<String> BAD_UTF8 = List.of("c328", "ff", "fe", "c0af", "eda080", "e282", "80", "f8888080af");

    private static final String RAW = "@@RAW@@";
    private static final String BYTES = "@@BYTES@@";
    private static final Pattern RAW_MARK = Pattern.compile("\"" + RAW + "(.*?)@@\"");
    private static final Pattern BYTES_MARK = Pattern.compile(BYTES + "([0-9a-f]+)@@");

    private HostileValues() {
    }

    /** A JSON literal written as is in the body (e.g. {@code NaN}, {@code 1e400}, {@code "\ud800"}). */
    static JsonNode raw(String literal) {
        return TextNode.valueOf(RAW + literal + "@@");
    }

    /** A string whose middle holds these bytes, as they are (hex): invalid UTF-8 on the wire. */
    static JsonNode bytes(String hex) {
        return TextNode.valueOf("ab" + BYTES + hex + "@@cd");
    }

    /** The body's bytes: Jackson's UTF-8, then the raw literals and byte markers put in. */
    static byte[] encode(JsonNode body) {
        try {
            String text = OpenApiOperations.JSON.writeValueAsString(body);
            Matcher raw = RAW_MARK.matcher(text);
            text = raw.replaceAll(m -> Matcher.quoteReplacement(m.group(1).replace("\\\\", "\\").replace("\\\"", "\"")));
            Matcher bytes = BYTES_MARK.matcher(text);
            ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
            int from = 0;
            while (bytes.find()) {
                out.writeBytes(text.substring(from, bytes.start()).getBytes(StandardCharsets.UTF_8));
                out.writeBytes(HexFormat.of().parseHex(bytes.group(1)));
                from = bytes.end();
            }
            out.writeBytes(text.substring(from).getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Plain text with invalid bytes (hex) between two UTF-8 parts. */
    static byte[] text(String before, String hex, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(HexFormat.of().parseHex(hex));
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static String encodeUri(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Path segments (already percent-encoded as sent) that no path parameter should take. */
    static List<String> pathSegments(String plausible) {
        List<String> all = new ArrayList<>(List.of("abc", "-1", "0", "1.5", "1e3", "99999999999999999999999", "null",
                "undefined", "%20", "%00", "%2500", "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                "%C3%28", "%FF%FE", "%E2%80%AE", "%F0%9F%8E%93", "00000000-0000-0000-0000-000000000000",
                "x".repeat(1000), "x".repeat(3000)));
        for (String injection : INJECTIONS) {
            if (!injection.isBlank()) {
                all.add(encodeUri(injection));
            }
        }
        if (plausible != null) {
            all.add(encodeUri(plausible) + "%00");
            all.add(encodeUri(plausible) + "%27");
            all.add(encodeUri(plausible.toLowerCase(Locale.ROOT)));
            all.add(encodeUri(plausible + " "));
        }
        return all;
    }

    /** Query values (already percent-encoded) for a parameter of this schema. */
    static List<String> queryValues(JsonNode schema) {
        List<String> all = new ArrayList<>(List.of("", "abc", "-1", "0", "1.5", "2147483648", "-2147483649",
                "99999999999999999999", "NaN", "%00", "%C3%28", "x".repeat(3000), "true"));
        INJECTIONS.stream().filter(s -> !s.isEmpty()).map(HostileValues::encodeUri).forEach(all::add);
        if (schema.has("maximum")) {
            all.add(String.valueOf(schema.path("maximum").asLong() + 1));
        }
        if (schema.has("minimum")) {
            all.add(String.valueOf(schema.path("minimum").asLong() - 1));
        }
        if (schema.has("maxLength")) {
            all.add("q".repeat(schema.path("maxLength").asInt() + 1));
        }
        if (schema.has("enum") && schema.path("enum").size() > 0) {
            all.add("UNKNOWN_VALUE");
            all.add(encodeUri(schema.path("enum").get(0).asText().toLowerCase(Locale.ROOT)));
        }
        return all;
    }
}
