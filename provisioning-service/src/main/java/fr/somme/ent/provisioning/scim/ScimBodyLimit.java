package fr.somme.ent.provisioning.scim;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * On the SCIM paths, a body announced larger than {@code quarkus.http.limits.max-body-size} is refused before it is
 * read with a SCIM error {@code 413} (RFC 7644 §3.12), where the rest of the service answers {@code 413
 * body-too-large} problem+json ({@code rest/BodyLimit}, route order -3: this one, -4, runs first on these paths).
 */
@ApplicationScoped
public class ScimBodyLimit {

    private final long limit;

    public ScimBodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    void install(@Observes Router router) {
        router.route("/" + ScimErrors.PREFIX + "/*").order(-4).handler(this::check);
    }

    void check(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && announced(length) > limit) {
            ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, ScimResource.SCIM_JSON)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(ScimException.body(413, null, "the request body exceeds " + limit / 1024 + " KiB").toString());
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
