package fr.somme.ent.provisioning.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A body announced larger than {@code quarkus.http.limits.max-body-size} is refused before it is read, as Quarkus does
 * (its own handler answers 413 with an empty body), but as a {@code 413 body-too-large} problem+json (the type of the other services and of ent-commons). Runs just
 * before Quarkus' handler (route order -3 &lt; -2). A chunked body without Content-Length is still cut off by Quarkus.
 */
@ApplicationScoped
public class BodyLimit {

    static final String TYPE = "https://ent.somme-numerique.fr/problems/body-too-large";

    private final long limit;

    public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(-3).handler(this::check);
    }

    void check(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && announced(length) > limit) {
            JsonObject problem = new JsonObject().put("type", TYPE).put("title", "Payload too large").put("status", 413)
                    .put("detail", "the request body exceeds " + limit / 1024 + " KiB").put("instance", ctx.request().path());
            ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                    .putHeader(HttpHeaders.CONNECTION, "close").end(problem.encode());
            return;
        }
        ctx.next();
    }

    private static long announced(String length) {
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
