package fr.somme.ent.commons.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParseException;

import fr.somme.ent.commons.rules.Rejection;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Each mapper answers with the status, type and media type a client branches on, and never leaks a stack trace. */
class ProblemResponsesTest {

    private final ProblemMappers mappers = new ProblemMappers();
    private final UriInfo uri = uriWithPath("/members/218000198");

    @Test
    void aProblemOfOursLeavesWithItsStatusTypeAndTheRequestedPath() {
        Problem p = problem(mappers.problem(ProblemException.notFound("member", "218000198"), uri), 404);
        assertEquals(Problem.TYPE_BASE + "not-found", p.type().toString());
        assertEquals("member 218000198 does not exist or is not visible to you", p.detail());
        assertEquals("/members/218000198", p.instance());
        assertEquals(409, ProblemException.conflict("x", "d").status());
        assertEquals(422, ProblemException.unprocessable("x", "d").status());
        assertEquals(403, ProblemException.forbidden("d").status());
        assertEquals(400, ProblemException.badRequest("x", "d").status());
    }

    @Test
    void aDomainRejectionLeavesAsTheProblemOfItsKind() {
        Problem p = problem(mappers.rejection(Rejection.ruleNotSatisfied("date-in-future", "2027-01-01 is in the future"), uri), 422);
        assertEquals(Problem.TYPE_BASE + "date-in-future", p.type().toString());
        assertEquals("2027-01-01 is in the future", p.detail());
        assertTrue(Rejection.conflict("a-slug", "a reason").toString().contains("a-slug: a reason"));
    }

    @Test
    void aMissingTokenAsksForABearerToken() {
        Response r = mappers.unauthorized(new UnauthorizedException(), uri);
        assertEquals(Problem.TYPE_BASE + "unauthorized", problem(r, 401).type().toString());
        assertEquals("Bearer", r.getHeaderString(HttpHeaders.WWW_AUTHENTICATE));
        assertEquals(Problem.TYPE_BASE + "forbidden", problem(mappers.forbidden(new ForbiddenException(), uri), 403).type().toString());
    }

    @Test
    void anUnreadableBearerValueAsksForABearerTokenAndANulCharacterIsABadRequest() {
        RuntimeException unreadable = new java.util.NoSuchElementException();
        unreadable.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("io.quarkus.oidc.AccessTokenCredential", "<init>", "A.java", 34) });
        Response r = mappers.unexpected(unreadable, uri);
        assertEquals(Problem.TYPE_BASE + "unauthorized", problem(r, 401).type().toString());
        assertEquals("Bearer", r.getHeaderString(HttpHeaders.WWW_AUTHENTICATE));
        Response nul = mappers.unexpected(new IllegalStateException("query failed",
                new java.sql.SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021")), uri);
        assertEquals(Problem.TYPE_BASE + "invalid-character", problem(nul, 400).type().toString());
        assertNull(nul.getHeaderString(HttpHeaders.WWW_AUTHENTICATE));
        assertNull(nul.getHeaderString(HttpHeaders.RETRY_AFTER));
        Response away = mappers.unexpected(new IllegalStateException("query failed",
                new java.sql.SQLException("terminating connection due to administrator command", "57P01")), uri);
        assertEquals(Problem.TYPE_BASE + "service-unavailable", problem(away, 503).type().toString());
        assertEquals("5", away.getHeaderString(HttpHeaders.RETRY_AFTER));
    }

    @Test
    void invalidFieldsAreListedByTheirNameNotByTheJavaMethodAndArgument() {
        Set<ConstraintViolation<?>> violations = new LinkedHashSet<>();
        violations.add(violation("register.arg0.name", "must not be blank"));
        violations.add(violation("siren", "must match"));
        Problem p = problem(mappers.constraintViolation(new ConstraintViolationException(violations), uri), 400);
        assertEquals("the request has 2 invalid field(s)", p.detail());
        assertEquals(List.of(new Problem.FieldError("name", "must not be blank"), new Problem.FieldError("siren", "must match")), p.errors());
        assertEquals(Problem.TYPE_BASE + "validation", problem(mappers.validation(new ValidationException("bad"), uri), 400).type().toString());
    }

    @Test
    void aBodyThatIsNotJsonIsAMalformedBodyEvenWhenWrapped() {
        JsonParseException json = new JsonParseException(null, "Unexpected character");
        assertEquals(Problem.TYPE_BASE + "malformed-body", problem(mappers.unreadableJson(json, uri), 400).type().toString());
        WebApplicationException wrapped = new WebApplicationException(json, 400);
        Problem p = problem(mappers.webApplication(wrapped, uri), 400);
        assertEquals(Problem.TYPE_BASE + "malformed-body", p.type().toString());
        assertTrue(p.detail().endsWith("Unexpected character"), p.detail());
    }

    @Test
    void httpErrorsOfTheFrameworkKeepTheirStatusAndGetAStableType() {
        assertEquals(Problem.TYPE_BASE + "not-found", problem(mappers.webApplication(new WebApplicationException(404), uri), 404).type().toString());
        assertEquals(Problem.TYPE_BASE + "unsupported-media-type",
                problem(mappers.webApplication(new WebApplicationException(415), uri), 415).type().toString());
        assertEquals(Problem.TYPE_BASE + "http-409", problem(mappers.webApplication(new WebApplicationException(409), uri), 409).type().toString());
        WebApplicationException boom = new WebApplicationException("secret internals", 500);
        Problem p = problem(mappers.webApplication(boom, uri), 500);
        assertEquals("the service could not complete the request", p.detail());
        Problem unavailable = problem(mappers.webApplication(new WebApplicationException("upstream down", 503), uri), 503);
        assertEquals("the service could not complete the request", unavailable.detail());
        Problem teapot = problem(mappers.webApplication(new WebApplicationException("short and stout", 418), uri), 418);
        assertEquals("short and stout", teapot.detail());
    }

    @Test
    void anUnexpectedFailureIsAnIncidentWithoutItsMessageUnlessItsCauseIsKnown() {
        Problem p = problem(mappers.unexpected(new IllegalStateException("password=hunter2"), uri), 500);
        assertEquals(Problem.TYPE_BASE + "internal", p.type().toString());
        assertFalse(p.detail().contains("hunter2"));
        assertTrue(p.detail().contains("quote incident "), p.detail());
        Problem known = problem(mappers.unexpected(new RuntimeException(Rejection.conflict("adhesion-already-open", "open")), uri), 409);
        assertEquals(Problem.TYPE_BASE + "adhesion-already-open", known.type().toString());
    }

    @Test
    void withoutARequestTheProblemHasNoInstance() {
        Response r = ProblemMappers.respond(Problem.of("x", "X", 409, "d"), null);
        assertNull(((Problem) r.getEntity()).instance());
        assertEquals(Problem.MEDIA_TYPE, r.getMediaType().toString());
    }

    private static Problem problem(Response r, int status) {
        assertEquals(status, r.getStatus());
        assertEquals(Problem.MEDIA_TYPE, r.getMediaType().toString());
        Problem p = (Problem) r.getEntity();
        assertEquals(status, p.status());
        return p;
    }

    private static UriInfo uriWithPath(String path) {
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] { UriInfo.class },
                (proxy, method, args) -> "getPath".equals(method.getName()) ? path : null);
    }

    private static ConstraintViolation<?> violation(String path, String message) {
        jakarta.validation.Path propertyPath = (jakarta.validation.Path) Proxy.newProxyInstance(
                jakarta.validation.Path.class.getClassLoader(), new Class<?>[] { jakarta.validation.Path.class },
                (proxy, method, args) -> "toString".equals(method.getName()) ? path : null);
        return (ConstraintViolation<?>) Proxy.newProxyInstance(ConstraintViolation.class.getClassLoader(),
                new Class<?>[] { ConstraintViolation.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getPropertyPath" -> propertyPath;
                    case "getMessage" -> message;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }
}
