package fr.somme.ent.membership.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.somme.ent.commons.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Bounded input (issue #14): a body announced larger than {@code quarkus.http.limits.max-body-size} is refused before it is
 * read, as {@code 413 body-too-large} problem+json. Quarkus' own check (route order -2) answers the same status with no
 * body at all, so this one runs just before it; a chunked body without a length that outgrows the limit is still cut by
 * Quarkus with its bare 413.
 */
@ApplicationScoped
public class BodyTooLarge {

    /** Just before Quarkus' upload limit ({@code RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT} = -2). */
    static final int ORDER = -3;

    private final long limit;
    private final ObjectMapper mapper;

    public BodyTooLarge(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit, ObjectMapper mapper) {
        this.limit = limit.asLongValue();
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::refuseOversized);
    }

    void refuseOversized(RoutingContext rc) {
        String length = rc.request().getHeader("Content-Length");
        if (length == null || !length.matches("[0-9]{1,18}") || Long.parseLong(length) <= limit) {
            rc.next();
            return;
        }
        Problem p = Problem.of("body-too-large", "Payload too large", 413,
                "the request body (" + length + " bytes) exceeds the limit of " + limit + " bytes").withInstance(rc.normalizedPath());
        String json;
        try {
            json = mapper.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            json = "{\"status\":413}";
        }
        rc.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE).putHeader("Connection", "close").end(json);
    }
}
