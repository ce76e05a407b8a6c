package fr.somme.ent.commons.problem;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import fr.somme.ent.commons.rules.Rejection;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Every error leaves as {@code application/problem+json}, never as a stack trace. Authentication
 * problems reach these mappers because proactive authentication is off (see each service's config).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(), uri);
    }

    @ServerExceptionMapper
    public Response rejection(Rejection e, UriInfo uri) {
        return respond(toProblem(e), uri);
    }

    /** The one place where a domain refusal gets its HTTP status. */
    static Problem toProblem(Rejection e) {
        return switch (e.kind()) {
            case CONFLICT -> Problem.of(e.slug(), "Conflict", 409, e.reason());
            case RULE_NOT_SATISFIED -> Problem.of(e.slug(), "Rule not satisfied", 422, e.reason());
            case INVALID_INPUT -> Problem.of(e.slug(), "Bad request", 400, e.reason());
        };
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return respond(MALFORMED_TOKEN, uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of("forbidden", "Forbidden", 403, "your role does not allow this operation"), uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        Problem p = Problem.of("validation", "Invalid request", 400, "the request has " + errors.size() + " invalid field(s)")
                .withErrors(errors);
        return respond(p, uri);
    }

    @ServerExceptionMapper
    public Response validation(ValidationException e, UriInfo uri) {
        return respond(Problem.of("validation", "Invalid request", 400, e.getMessage()), uri);
    }

    @ServerExceptionMapper({ JsonProcessingException.class, MismatchedInputException.class, InvalidFormatException.class })
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return respond(Problem.of("malformed-body", "Malformed body", 400,
                "the request body is not valid JSON for this operation: " + e.getOriginalMessage()), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        if (unconvertibleParameter(e)) {
            return respond(Problem.of("bad-request", "Bad request", 400,
                    "a path or query parameter has a value of the wrong type (e.g. page=abc, or an id that is not a UUID)"), uri);
        }
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        String slug = switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
        if (status >= 500) {
            LOG.errorf(e, "request %s failed", uri.getPath());
        }
        return respond(Problem.of(slug, reason, status, status >= 500 ? "the service could not complete the request" : e.getMessage()), uri);
    }

    /**
     * RESTEasy Reactive answers 404 (JAX-RS's rule) when a path or query parameter cannot be converted to its Java
     * type; the resource was found, the request was wrong: a client gets 400 {@code bad-request}, as for a header.
     */
    static boolean unconvertibleParameter(WebApplicationException e) {
        return e instanceof jakarta.ws.rs.NotFoundException && e.getCause() != null
                && thrownBy(e, "org.jboss.resteasy.reactive.server.handlers.ParameterHandler");
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        Optional<Problem> known = knownCause(e);
        if (known.isPresent()) {
            return respond(known.get(), uri);
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "incident %s on %s", incident, uri.getPath());
        return respond(Problem.of("internal", "Internal error", 500,
                "the service could not complete the request; quote incident " + incident + " to the operator"), uri);
    }

    /**
     * Failures that reach us wrapped (e.g. by the transaction's commit) but that the caller can act on:
     * a refusal of ours, two requests changing the same thing at once, a duplicate the database caught.
     */
    static Optional<Problem> knownCause(Throwable e) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof ProblemException problem) {
                return Optional.of(problem.toProblem());
            }
            if (t instanceof Rejection rejection) {
                return Optional.of(toProblem(rejection));
            }
            String name = t.getClass().getName();
            if (t instanceof OptimisticLockException || name.endsWith(".StaleObjectStateException")
                    || name.endsWith(".StaleStateException")) {
                return Optional.of(Problem.of("concurrent-modification", "Conflict", 409,
                        "another request changed this resource meanwhile: read it again, then retry"));
            }
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return Optional.of(Problem.of("duplicate", "Conflict", 409,
                        "this would duplicate something that already exists"));
            }
            if (t instanceof SQLException sql && databaseUnavailable(sql.getSQLState())) {
                return Optional.of(UNAVAILABLE);
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return Optional.of(dataException(sql.getSQLState()));
            }
            if (t instanceof RuntimeException && thrownBy(t, "io.quarkus.oidc.AccessTokenCredential")) {
                // a Bearer value that is not a token at all (e.g. "..."): Quarkus OIDC fails while reading it
                return Optional.of(MALFORMED_TOKEN);
            }
            if (t instanceof IllegalArgumentException && thrownBy(t, "org.jboss.resteasy.reactive.common.headers.MediaTypeHeaderDelegate")) {
                return Optional.of(thrownBy(t, "org.jboss.resteasy.reactive.server.handlers.MediaTypeMapper")
                        ? Problem.of("unsupported-media-type", "Unsupported Media Type", 415,
                                "the Content-Type header is not a media type; send application/json")
                        : Problem.of("bad-request", "Bad request", 400, "a media type in the request's headers is malformed"));
            }
        }
        return Optional.empty();
    }

    static final Problem UNAVAILABLE = Problem.of("service-unavailable", "Service Unavailable", 503,
            "the database is unavailable for a moment (restart or failover): retry in a few seconds; nothing was changed");

    /**
     * SQLSTATE class 08 (connection exception) and 57P01–57P03 (the server shuts down, crashed, or cannot accept
     * connections yet): the database is away for a moment, the request can be retried as it is.
     */
    static boolean databaseUnavailable(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02")
                || sqlState.equals("57P03"));
    }

    static final Problem MALFORMED_TOKEN = Problem.of("unauthorized", "Unauthorized", 401, "a valid bearer token is required");

    /**
     * SQLSTATE class 22 (data exception): a value the database cannot take, which only a request's content can cause —
     * a NUL character (22021), a text longer than its column (22001), a number or date out of range.
     */
    static Problem dataException(String sqlState) {
        return switch (sqlState) {
            case "22021", "22P05" -> Problem.of("invalid-character", "Bad request", 400,
                    "a text contains a character that cannot be stored (e.g. NUL, U+0000)");
            case "22001" -> Problem.of("value-too-long", "Bad request", 400, "a text is longer than the service stores");
            default -> Problem.of("invalid-value", "Bad request", 400, "a value is out of range or malformed");
        };
    }

    /** True when one of the first frames of {@code t}'s stack is in a class whose name starts with {@code prefix}. */
    static boolean thrownBy(Throwable t, String prefix) {
        StackTraceElement[] stack = t.getStackTrace();
        for (int i = 0; i < Math.min(stack.length, 12); i++) {
            if (stack[i].getClassName().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    static Response respond(Problem p, UriInfo uri) {
        Response.ResponseBuilder r = Response.status(p.status()).type(Problem.MEDIA_TYPE)
                .entity(p.withInstance(uri == null ? null : uri.getPath()));
        if (p.status() == 401) {
            r.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (p.status() == 503) {
            r.header(HttpHeaders.RETRY_AFTER, "5");
        }
        return r.build();
    }

    /** "create.arg0.name" → "name": the method and argument names mean nothing to the caller. */
    private static String field(String path) {
        String[] parts = path.split("\\.");
        if (parts.length >= 3) {
            return String.join(".", Arrays.copyOfRange(parts, 2, parts.length));
        }
        return parts[parts.length - 1];
    }
}
