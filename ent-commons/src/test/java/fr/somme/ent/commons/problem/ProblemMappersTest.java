package fr.somme.ent.commons.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import jakarta.persistence.OptimisticLockException;

import fr.somme.ent.commons.rules.Rejection;

class ProblemMappersTest {

    @Test
    void twoRequestsChangingTheSameThingAtOnceIsAConflictNotAnInternalError() {
        RuntimeException commitFailure = new RuntimeException("commit failed",
                new IllegalStateException("rolled back", new OptimisticLockException("row was updated by another transaction")));
        Problem p = ProblemMappers.knownCause(commitFailure).orElseThrow();
        assertEquals(409, p.status());
        assertEquals("https://ent.somme-numerique.fr/problems/concurrent-modification", p.type().toString());
    }

    @Test
    void aDuplicateCaughtByTheDatabaseIsAConflict() {
        RuntimeException e = new RuntimeException(new SQLException("duplicate key value violates unique constraint", "23505"));
        assertEquals(409, ProblemMappers.knownCause(e).orElseThrow().status());
    }

    @Test
    void aWrappedRefusalKeepsItsOwnProblem() {
        RuntimeException e = new RuntimeException(ProblemException.unprocessable("adhesion-not-deliberated", "no deliberation"));
        assertEquals(422, ProblemMappers.knownCause(e).orElseThrow().status());
    }

    @Test
    void aDomainRejectionGetsItsStatusFromItsKindAndKeepsItsSlug() {
        Problem conflict = ProblemMappers.toProblem(Rejection.conflict("charter-already-signed", "signed on 2026-01-05"));
        assertEquals(409, conflict.status());
        assertEquals("https://ent.somme-numerique.fr/problems/charter-already-signed", conflict.type().toString());
        assertEquals("signed on 2026-01-05", conflict.detail());
        assertEquals(422, ProblemMappers.toProblem(Rejection.ruleNotSatisfied("date-in-future", "x")).status());
        assertEquals(400, ProblemMappers.toProblem(Rejection.invalidInput("invalid-school-year", "x")).status());
    }

    @Test
    void aRejectionWrappedByTheCommitIsStillThatRejection() {
        RuntimeException e = new RuntimeException("commit failed", Rejection.conflict("duplicate-expense", "already posted"));
        Problem p = ProblemMappers.knownCause(e).orElseThrow();
        assertEquals(409, p.status());
        assertEquals("https://ent.somme-numerique.fr/problems/duplicate-expense", p.type().toString());
    }

    @Test
    void anythingElseStaysUnknown() {
        assertTrue(ProblemMappers.knownCause(new IllegalStateException("boom", new SQLException("deadlock", "40P01"))).isEmpty());
        assertTrue(ProblemMappers.knownCause(new IllegalStateException("boom")).isEmpty());
    }

    @Test
    void aDatabaseAwayForAMomentIsA503TheClientMayRetry() {
        for (String state : new String[] { "08001", "08006", "57P01", "57P02", "57P03" }) {
            Problem p = ProblemMappers.knownCause(new IllegalStateException("query failed",
                    new SQLException("connection lost", state))).orElseThrow();
            assertEquals(503, p.status(), state);
            assertEquals(Problem.TYPE_BASE + "service-unavailable", p.type().toString());
        }
        assertTrue(!ProblemMappers.databaseUnavailable("57P04"));
        assertTrue(!ProblemMappers.databaseUnavailable("42601"));
        assertTrue(!ProblemMappers.databaseUnavailable(null));
    }

    @Test
    void aValueTheDatabaseCannotTakeIsABadRequestNotAnInternalError() {
        RuntimeException nul = new RuntimeException("could not execute", new SQLException(
                "ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));
        Problem p = ProblemMappers.knownCause(nul).orElseThrow();
        assertEquals(400, p.status());
        assertEquals(Problem.TYPE_BASE + "invalid-character", p.type().toString());
        assertEquals(Problem.TYPE_BASE + "invalid-character", ProblemMappers.dataException("22P05").type().toString());
        assertEquals(Problem.TYPE_BASE + "value-too-long", ProblemMappers.dataException("22001").type().toString());
        Problem range = ProblemMappers.knownCause(new IllegalStateException("query failed",
                new SQLException("numeric field overflow", "22003"))).orElseThrow();
        assertEquals(400, range.status());
        assertEquals(Problem.TYPE_BASE + "invalid-value", range.type().toString());
        assertTrue(ProblemMappers.knownCause(new SQLException("no state")).isEmpty());
        assertTrue(ProblemMappers.knownCause(new SQLException("syntax error", "42601")).isEmpty(), "our SQL's fault stays a 500");
    }

    @Test
    void aBearerValueQuarkusCannotEvenReadIsUnauthorized() {
        RuntimeException e = thrownAt(new java.util.NoSuchElementException(), "java.util.StringTokenizer",
                "io.quarkus.oidc.common.runtime.OidcCommonUtils", "io.quarkus.oidc.AccessTokenCredential");
        Problem p = ProblemMappers.knownCause(e).orElseThrow();
        assertEquals(401, p.status());
        assertEquals(Problem.TYPE_BASE + "unauthorized", p.type().toString());
        assertTrue(ProblemMappers.knownCause(thrownAt(new java.util.NoSuchElementException(), "java.util.StringTokenizer",
                "fr.somme.ent.Something")).isEmpty(), "the same exception elsewhere is ours: a 500");
    }

    @Test
    void aContentTypeThatIsNotAMediaTypeIs415AndAnotherMalformedMediaTypeIs400() {
        RuntimeException contentType = thrownAt(new IllegalArgumentException("Failed to parse media type json"),
                "org.jboss.resteasy.reactive.common.headers.MediaTypeHeaderDelegate",
                "org.jboss.resteasy.reactive.common.util.MediaTypeHelper",
                "org.jboss.resteasy.reactive.server.handlers.MediaTypeMapper");
        assertEquals(415, ProblemMappers.knownCause(contentType).orElseThrow().status());
        RuntimeException other = thrownAt(new IllegalArgumentException("Failed to parse media type x"),
                "org.jboss.resteasy.reactive.common.headers.MediaTypeHeaderDelegate", "org.jboss.resteasy.reactive.Other");
        assertEquals(400, ProblemMappers.knownCause(other).orElseThrow().status());
        assertTrue(ProblemMappers.knownCause(thrownAt(new IllegalArgumentException("x"), "fr.somme.ent.Mine")).isEmpty());
    }

    @Test
    void onlyTheFirstFramesSayWhoThrew() {
        String[] deep = new String[14];
        java.util.Arrays.fill(deep, "fr.somme.ent.Caller");
        deep[11] = "io.quarkus.oidc.AccessTokenCredential";
        assertTrue(ProblemMappers.thrownBy(thrownAt(new RuntimeException(), deep), "io.quarkus.oidc."));
        deep[11] = "fr.somme.ent.Caller";
        deep[12] = "io.quarkus.oidc.AccessTokenCredential";
        assertTrue(!ProblemMappers.thrownBy(thrownAt(new RuntimeException(), deep), "io.quarkus.oidc."));
        assertTrue(!ProblemMappers.thrownBy(thrownAt(new RuntimeException()), "io.quarkus.oidc."));
    }

    private static RuntimeException thrownAt(RuntimeException e, String... classes) {
        StackTraceElement[] stack = new StackTraceElement[classes.length];
        for (int i = 0; i < classes.length; i++) {
            stack[i] = new StackTraceElement(classes[i], "m", "F.java", i + 1);
        }
        e.setStackTrace(stack);
        return e;
    }

    @Test
    void aParameterThatCannotBeConvertedIsABadRequestNotAMissingResource() {
        jakarta.ws.rs.NotFoundException conversion = new jakarta.ws.rs.NotFoundException(new NumberFormatException("abc"));
        conversion.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("org.jboss.resteasy.reactive.server.handlers.ParameterHandler", "handleResult", null, 1) });
        assertTrue(ProblemMappers.unconvertibleParameter(conversion));
        jakarta.ws.rs.NotFoundException noRoute = new jakarta.ws.rs.NotFoundException();
        noRoute.setStackTrace(conversion.getStackTrace());
        assertTrue(!ProblemMappers.unconvertibleParameter(noRoute));
        jakarta.ws.rs.NotFoundException ours = new jakarta.ws.rs.NotFoundException(new NumberFormatException("abc"));
        assertTrue(!ProblemMappers.unconvertibleParameter(ours));
        jakarta.ws.rs.BadRequestException header = new jakarta.ws.rs.BadRequestException(new NumberFormatException("abc"));
        header.setStackTrace(conversion.getStackTrace());
        assertTrue(!ProblemMappers.unconvertibleParameter(header));
    }
}
