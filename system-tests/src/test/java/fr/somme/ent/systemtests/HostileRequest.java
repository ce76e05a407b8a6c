package fr.somme.ent.systemtests;

import java.nio.charset.StandardCharsets;

/**
 * One hostile request of {@link HostileRequestsIT}: {@code target} is the path and query exactly as sent (already
 * percent-encoded); {@code body} may hold any bytes (invalid JSON, invalid UTF-8); {@code oversized} &gt; 0 sends that many
 * bytes announced by {@code Content-Length} instead of {@code body}; {@code raw} goes through a plain socket because
 * {@link java.net.URI} refuses its target (e.g. {@code %zz}).
 */
record HostileRequest(String what, String method, String target, String token, String contentType, byte[] body,
        long oversized, String accept, boolean raw) {

    static HostileRequest of(String what, String method, String target, String token) {
        return new HostileRequest(what, method, target, token, null, null, 0, null, false);
    }

    HostileRequest withBody(String mediaType, byte[] bytes) {
        return new HostileRequest(what, method, target, token, mediaType, bytes, 0, accept, raw);
    }

    HostileRequest withOversizedBody(String mediaType, long bytes) {
        return new HostileRequest(what, method, target, token, mediaType, null, bytes, accept, raw);
    }

    HostileRequest accepting(String mediaType) {
        return new HostileRequest(what, method, target, token, contentType, body, oversized, mediaType, raw);
    }

    HostileRequest overRawSocket() {
        return new HostileRequest(what, method, target, token, contentType, body, oversized, accept, true);
    }

    /** How the request reads in a failure report: what it tries, the request line and the start of its body. */
    String describe() {
        String excerpt = oversized > 0 ? "<" + oversized + " bytes>"
                : body == null ? "<no body>"
                : body.length > 160 ? new String(body, 0, 160, StandardCharsets.UTF_8) + "…<" + body.length + " bytes>"
                : new String(body, StandardCharsets.UTF_8);
        String line = target.length() > 200 ? target.substring(0, 200) + "…<" + target.length() + " chars>" : target;
        return "[" + what + "] " + method + " " + line + (contentType == null ? "" : " (" + contentType + ")")
                + (token == null ? " without token" : "") + " body: " + excerpt.replace('\n', ' ');
    }
}
