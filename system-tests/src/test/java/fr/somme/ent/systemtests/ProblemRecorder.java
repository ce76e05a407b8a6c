package fr.somme.ent.systemtests;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

import fr.somme.ent.systemtests.RunningSuite.Service;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Issue #16 point 6, runtime side: every {@code application/problem+json} answer a system test receives, whichever HTTP
 * client received it — RestAssured through {@link #RESTASSURED} (installed by {@link RunningSuite}), the JDK clients and
 * the plain socket of {@link HostileClient}, {@link TokenAttacksIT}, {@link OpenApiOperations} and
 * {@link RunningSuite}'s readiness wait through {@link #record} — counted as (service, method, path template of the
 * service's OpenAPI document, status, type). {@link ProblemTypesCheck} checks and reports them after each class.
 */
final class ProblemRecorder {

    /** What a service answered; {@code template} is null when no path template of its document matches the path. */
    record Answer(String service, String method, String template, int status, String type) implements Comparable<Answer> {

        String operation() {
            return service + " " + method + " " + (template == null ? "(no path of the document)" : template);
        }

        @Override
        public int compareTo(Answer o) {
            return (type + status + operation()).compareTo(o.type + o.status + o.operation());
        }
    }

    /** The type of a problem without a textual {@code type} member, or whose body is not JSON. */
    static final String NO_TYPE = "(no type)";

    private static final Map<Answer, Integer> ANSWERS = new ConcurrentHashMap<>();

    /** The RestAssured filter: records the answer of every request made with {@code given()}. */
    static final Filter RESTASSURED = new Filter() {
        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                FilterContext context) {
            Response answer = context.next(request, response);
            String contentType = answer.getContentType();
            if (isProblem(contentType)) {
                String uri = request.getURI();
                int authority = uri.indexOf("//") + 2;
                int path = uri.indexOf('/', authority);
                String hostAndPort = uri.substring(authority, path < 0 ? uri.length() : path);
                int colon = hostAndPort.lastIndexOf(':');
                int port = colon < 0 ? -1 : Integer.parseInt(hostAndPort.substring(colon + 1)); // the suite's: a port
                record(port, request.getMethod(), path < 0 ? "/" : uri.substring(path), answer.getStatusCode(), contentType,
                        answer.asByteArray());
            }
            return answer;
        }
    };

    private ProblemRecorder() {
    }

    static boolean isProblem(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json");
    }

    /** Records the answer if it is a problem of a service of the running suite (other answers are ignored). */
    static void record(URI uri, String method, int status, String contentType, byte[] body) {
        record(uri.getPort(), method, uri.getRawPath() == null ? "/" : uri.getRawPath(), status, contentType, body);
    }

    /** The same for a request target sent as it is (a plain socket's, which {@link URI} may refuse). */
    static void record(int port, String method, String target, int status, String contentType, byte[] body) {
        if (!isProblem(contentType)) {
            return;
        }
        Optional<Service> service = RunningSuite.serviceAt(port);
        if (service.isEmpty()) {
            return;
        }
        String template = ServiceDocument.of(service.get()).template(target).orElse(null);
        ANSWERS.merge(new Answer(service.get().module, method.toUpperCase(Locale.ROOT), template, status, type(body)), 1,
                Integer::sum);
    }

    static void record(URI uri, String method, int status, String contentType, String body) {
        record(uri, method, status, contentType, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
    }

    static String type(byte[] body) {
        try {
            JsonNode problem = OpenApiOperations.JSON.readTree(body);
            return problem != null && problem.path("type").isTextual() ? problem.path("type").asText() : NO_TYPE;
        } catch (IOException notJson) {
            return NO_TYPE;
        }
    }

    /** What this JVM (one system-test class) recorded, with the count of each. */
    static Map<Answer, Integer> answers() {
        return new TreeMap<>(ANSWERS);
    }
}
