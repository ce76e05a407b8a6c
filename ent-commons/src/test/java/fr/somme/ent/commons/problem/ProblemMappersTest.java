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
        assertTrue(ProblemMappers.knownCause(new IllegalStateException("boom", new SQLException("connection refused", "08001"))).isEmpty());
    }
}
