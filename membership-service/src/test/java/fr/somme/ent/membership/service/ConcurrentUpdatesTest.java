package fr.somme.ent.membership.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

import org.hibernate.StaleObjectStateException;
import org.junit.jupiter.api.Test;

import fr.somme.ent.commons.rules.Rejection;

class ConcurrentUpdatesTest {

    @Test
    void aStaleRowFoundAtFlushOrCommitIsAConcurrentUpdate() {
        assertTrue(ConcurrentUpdates.isConcurrentUpdate(new OptimisticLockException("stale")));
        assertTrue(ConcurrentUpdates.isConcurrentUpdate(new RuntimeException("commit failed",
                new PersistenceException(new StaleObjectStateException("Member", "218000198")))));
        assertFalse(ConcurrentUpdates.isConcurrentUpdate(new PersistenceException("duplicate key")));
        assertFalse(ConcurrentUpdates.isConcurrentUpdate(new IllegalStateException()));
    }

    @Test
    void aConcurrentUpdateIsAConflictNamedConcurrentUpdate() {
        Rejection r = ConcurrentUpdates.conflict();
        assertEquals(Rejection.Kind.CONFLICT, r.kind());
        assertEquals("concurrent-update", r.slug());
    }
}
