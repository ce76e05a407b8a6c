package fr.somme.ent.systemtests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Sends a {@link HostileRequest} as it is (JDK HTTP client over HTTP/1.1, or a plain socket for a target that
 * {@link URI} refuses) and judges the answer: never a 5xx, and every error an RFC 9457 problem
 * ({@code application/problem+json} with {@code type}, {@code title} and a {@code status} equal to the HTTP status).
 */
final class HostileClient {

    /** What came back: {@code status} -1 when nothing did ({@code error} says why). */
    record Answer(int status, String contentType, byte[] body, String error) {

        String excerpt() {
            if (error != null) {
                return error;
            }
            String text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8).replace('\n', ' ');
            return status + " " + contentType + " " + (text.isEmpty() ? "<empty body>" : text);
        }
    }

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    HostileClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Sends the request; a problem it answers is recorded ({@link ProblemRecorder}), whichever way it went. */
    Answer send(HostileRequest r) {
        Answer a = r.raw() || r.oversized() > 0 ? sendRaw(r) : sendOverJdkClient(r);
        if (a.status() > 0) {
            ProblemRecorder.record(URI.create(baseUrl).getPort(), r.method(), r.target(), a.status(), a.contentType(), a.body());
        }
        return a;
    }

    private Answer sendOverJdkClient(HostileRequest r) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + r.target())).timeout(Duration.ofSeconds(60))
                .header("Accept", r.accept() == null ? "*/*" : r.accept());
        if (r.token() != null) {
            b.header("Authorization", "Bearer " + r.token());
        }
        if (r.contentType() != null) {
            b.header("Content-Type", r.contentType());
        }
        HttpRequest.BodyPublisher body = r.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(r.body());
        CompletableFuture<HttpResponse<byte[]>> sent = http.sendAsync(b.method(r.method(), body).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        try {
            HttpResponse<byte[]> answer = sent.get(60, TimeUnit.SECONDS);
            return new Answer(answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(""), answer.body(), null);
        } catch (ExecutionException e) {
            return new Answer(-1, "", new byte[0], "no answer: " + e.getCause());
        } catch (TimeoutException e) {
            sent.cancel(true);
            return new Answer(-1, "", new byte[0], "no answer within 60 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Why the answer breaks the rule of the campaign, if it does. One documented exception: SCIM (RFC 7644 §3.12)
     * answers its errors, 401/403 included, in its own format, {@code application/scim+json} with the SCIM error
     * schema and the status as a string (provisioning-service's README, SCIM section).
     */
    static Optional<String> violation(HostileRequest r, Answer a) {
        if (a.status() < 0) {
            return Optional.of("no answer");
        }
        if (a.status() >= 500) {
            return Optional.of("5xx");
        }
        if (a.status() < 400) {
            return Optional.empty();
        }
        if (r.target().startsWith("/scim/v2/") && a.contentType().toLowerCase(Locale.ROOT).startsWith("application/scim+json")) {
            return scimError(a);
        }
        if (!a.contentType().toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
            return Optional.of("error not application/problem+json");
        }
        try {
            JsonNode problem = OpenApiOperations.JSON.readTree(a.body());
            if (problem == null || !problem.path("type").isTextual() || !problem.path("title").isTextual()
                    || problem.path("status").asInt(-1) != a.status()) {
                return Optional.of("problem without type, title or the right status");
            }
        } catch (IOException e) {
            return Optional.of("problem body is not JSON");
        }
        return Optional.empty();
    }

    /**
     * Over a plain socket: a target {@link URI} refuses, or a body over the limit. The latter announces its length with
     * {@code Expect: 100-continue} (the JDK 17 client hangs when a final status answers that) and sends the body only
     * on {@code 100 Continue} or after 3 s of silence, as curl does; a service that refuses on {@code Content-Length}
     * answers 413 before 11 MiB travel.
     */
    private static Optional<String> scimError(Answer a) {
        try {
            JsonNode error = OpenApiOperations.JSON.readTree(a.body());
            boolean scim = error != null && error.path("schemas").toString().contains("urn:ietf:params:scim:api:messages:2.0:Error")
                    && error.path("status").asText().equals(String.valueOf(a.status()));
            return scim ? Optional.empty() : Optional.of("SCIM error without its schema or the right status");
        } catch (IOException e) {
            return Optional.of("SCIM error body is not JSON");
        }
    }

    /**
     * Vert.x refuses a request line it cannot parse (bad percent-encoding, a character not allowed in a URI) or longer
     * than {@code quarkus.http.limits.max-initial-line-length} (4 KiB) with its own empty 400 or 414, before any route
     * of the application runs: no filter or mapper of the service can turn it into a problem.
     */
    static boolean refusedByTheHttpServer(HostileRequest r, Answer a) {
        return r.raw() && (a.status() == 400 || a.status() == 414) && a.body().length == 0 && a.contentType().isEmpty();
    }

    private Answer sendRaw(HostileRequest r) {
        URI base = URI.create(baseUrl);
        byte[] body = r.body() == null ? new byte[0] : r.body();
        long length = r.oversized() > 0 ? r.oversized() : body.length;
        StringBuilder head = new StringBuilder(r.method()).append(' ').append(r.target()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n")
                .append("Accept: */*\r\nConnection: close\r\nContent-Length: ").append(length).append("\r\n");
        if (r.oversized() > 0) {
            head.append("Expect: 100-continue\r\n");
        }
        if (r.token() != null) {
            head.append("Authorization: Bearer ").append(r.token()).append("\r\n");
        }
        if (r.contentType() != null) {
            head.append("Content-Type: ").append(r.contentType()).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            if (r.oversized() > 0) {
                socket.setSoTimeout(3_000);
                byte[] first = new byte[8192];
                int n = 0;
                try {
                    n = in.read(first);
                } catch (SocketTimeoutException silence) {
                    n = 0;
                }
                String start = n > 0 ? new String(first, 0, n, StandardCharsets.ISO_8859_1) : "";
                if (n > 0 && !start.startsWith("HTTP/1.1 100")) {
                    answer.write(first, 0, n);
                } else {
                    // A service may answer and close while the body travels: its answer is still there to read.
                    sendFiller(out, r.oversized());
                    int interim = start.indexOf("\r\n\r\n");
                    if (interim >= 0 && interim + 4 < n) {
                        answer.write(first, interim + 4, n - interim - 4);
                    }
                }
            } else {
                out.write(body);
                out.flush();
            }
            socket.setSoTimeout(30_000);
            try {
                readUntilComplete(in, answer);
            } catch (IOException reset) {
                if (answer.size() == 0) {
                    return new Answer(-1, "", new byte[0], "no answer (connection closed while the body was sent): " + reset);
                }
            }
            return parse(answer.toByteArray());
        } catch (IOException e) {
            return new Answer(-1, "", new byte[0], "no answer: " + e);
        }
    }

    /**
     * Reads until the answer is complete (its Content-Length, the last chunk, or the end of the connection): a service
     * that answered before the body was read may keep the connection open while it drains the body.
     */
    private static void readUntilComplete(InputStream in, ByteArrayOutputStream answer) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        while (!complete(answer.toByteArray())) {
            int n = in.read(buffer);
            if (n < 0) {
                return;
            }
            answer.write(buffer, 0, n);
        }
    }

    private static boolean complete(byte[] bytes) {
        String all = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = all.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        if (all.startsWith("HTTP/1.1 100")) {
            return complete(Arrays.copyOfRange(bytes, end + 4, bytes.length));
        }
        String head = all.substring(0, end).toLowerCase(Locale.ROOT);
        int length = head.indexOf("\r\ncontent-length:");
        if (length >= 0) {
            int eol = head.indexOf("\r\n", length + 2);
            String value = head.substring(length + 17, eol < 0 ? head.length() : eol).trim();
            return bytes.length - end - 4 >= Long.parseLong(value);
        }
        if (head.contains("transfer-encoding: chunked")) {
            return all.endsWith("\r\n0\r\n\r\n");
        }
        return false;
    }

    private static void sendFiller(OutputStream out, long n) {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'a');
        try {
            for (long left = n; left > 0; left -= chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
            out.flush();
        } catch (IOException closedByTheService) {
            // read what it answered
        }
    }

    /** An HTTP/1.1 response read to the end of the connection (fixed length or chunked). */
    static Answer parse(byte[] bytes) {
        String all = new String(bytes, StandardCharsets.ISO_8859_1);
        if (all.startsWith("HTTP/1.1 100") && all.indexOf("\r\n\r\n") > 0) {
            return parse(Arrays.copyOfRange(bytes, all.indexOf("\r\n\r\n") + 4, bytes.length));
        }
        int end = all.indexOf("\r\n\r\n");
        if (!all.startsWith("HTTP/1.") || end < 0) {
            return new Answer(-1, "", new byte[0], "no HTTP answer: " + all.substring(0, Math.min(all.length(), 100)));
        }
        String[] lines = all.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String contentType = "";
        boolean chunked = false;
        for (String line : Arrays.copyOfRange(lines, 1, lines.length)) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                contentType = line.substring(13).trim();
            }
            chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
        }
        byte[] body = Arrays.copyOfRange(bytes, end + 4, bytes.length);
        return new Answer(status, contentType, chunked ? dechunk(body) : body, null);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int eol = at;
            while (eol + 1 < chunked.length && !(chunked[eol] == '\r' && chunked[eol + 1] == '\n')) {
                eol++;
            }
            String size = new String(chunked, at, eol - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int n = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
            if (n == 0) {
                break;
            }
            out.write(chunked, eol + 2, Math.min(n, chunked.length - eol - 2));
            at = eol + 2 + n + 2;
        }
        return out.toByteArray();
    }
}
