package fr.somme.ent.billing.rest;

import java.io.ByteArrayInputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.somme.ent.commons.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Bounded input (issue #14): no request body above {@code quarkus.http.limits.max-body-size} reaches a resource; a larger
 * one is answered {@code 413 body-too-large} problem+json.
 * <ul>
 * <li>A body announced by {@code Content-Length} is refused before it is read. This route runs just before Quarkus' own
 * check (route order -2), which answers the same status with no body at all.</li>
 * <li>A body without a length ({@code Transfer-Encoding: chunked}) is read here, at most up to the limit, then handed to
 * the resource by {@link #chunkedBody}. Left to Quarkus, such a body is cut from inside the resource's JSON reader with a
 * bare 413 (the problem the mappers write is lost).</li>
 * </ul>
 * Once refused, what the client still sends is read and dropped, so that it can read the answer, and the connection is
 * closed when the request ends, or as soon as the client has sent {@value #DRAIN_FACTOR} times the limit.
 */
@ApplicationScoped
public class BodyTooLarge {

    /** Just before Quarkus' upload limit ({@code RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT} = -2). */
    static final int ORDER = -3;
    /** Where a chunked body read within the limit waits for {@link #chunkedBody}. */
    static final String CHUNKED_BODY = BodyTooLarge.class.getName() + ".chunked-body";
    /** How much a refused client may still send (in limits) before the connection is closed under it. */
    static final int DRAIN_FACTOR = 8;

    private final long limit;
    private final ObjectMapper mapper;

    public BodyTooLarge(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit, ObjectMapper mapper) {
        this.limit = limit.asLongValue();
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::bounded);
    }

    void bounded(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long announced = length.matches("[0-9]{1,18}") ? Long.parseLong(length) : -1;
            if (announced > limit) {
                refuse(rc, "the request body (" + announced + " bytes) exceeds the limit of " + limit + " bytes", 0);
            } else {
                rc.next();
            }
        } else if (request.headers().contains(HttpHeaders.TRANSFER_ENCODING) && !request.isEnded()) {
            new ChunkedBody(rc).read();
        } else {
            rc.next();
        }
    }

    /**
     * The body of a chunked request, as read above within the limit, in place of the request's stream (already read).
     * Pre-matching: it runs before the resource's body reader, which then reads this stream.
     */
    @ServerRequestFilter(preMatching = true)
    public void chunkedBody(ContainerRequestContext request, RoutingContext rc) {
        Buffer body = rc.get(CHUNKED_BODY);
        if (body != null) {
            request.setEntityStream(new ByteArrayInputStream(body.getBytes()));
        }
    }

    private void refuse(RoutingContext rc, String detail, long received) {
        Problem p = Problem.of("body-too-large", "Payload too large", 413, detail).withInstance(rc.normalizedPath());
        String json;
        try {
            json = mapper.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            json = "{\"status\":413}";
        }
        rc.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close").end(json);
        drop(rc.request(), received);
    }

    /** Reads and drops the rest of a refused body, then closes the connection (at once past the drain allowance). */
    private void drop(HttpServerRequest request, long alreadyReceived) {
        if (request.isEnded()) {
            request.connection().close();
            return;
        }
        long[] received = { alreadyReceived };
        request.endHandler(v -> request.connection().close());
        request.handler(chunk -> {
            received[0] += chunk.length();
            if (received[0] > DRAIN_FACTOR * limit) {
                request.connection().close();
            }
        });
    }

    /** A body without a length, kept while it stays within the limit. */
    private final class ChunkedBody {

        private final RoutingContext rc;
        private final Buffer body = Buffer.buffer();
        private boolean refused;

        ChunkedBody(RoutingContext rc) {
            this.rc = rc;
        }

        void read() {
            HttpServerRequest request = rc.request();
            if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
                rc.response().writeContinue();
            }
            request.endHandler(v -> ended());
            request.handler(this::chunk);
        }

        private void chunk(Buffer chunk) {
            if (refused) {
                return;
            }
            if ((long) body.length() + chunk.length() > limit) {
                refused = true;
                refuse(rc, "the request body exceeds the limit of " + limit + " bytes", body.length() + chunk.length());
                return;
            }
            body.appendBuffer(chunk);
        }

        private void ended() {
            if (!refused) {
                rc.put(CHUNKED_BODY, body);
                rc.next();
            }
        }
    }
}
