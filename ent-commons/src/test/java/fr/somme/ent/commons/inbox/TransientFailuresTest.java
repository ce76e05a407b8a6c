package fr.somme.ent.commons.inbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;

import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

import fr.somme.ent.commons.events.MalformedEventException;
import fr.somme.ent.commons.rules.Rejection;

class TransientFailuresTest {

    private static SQLException state(String sqlState) {
        return new SQLException("failure " + sqlState, sqlState);
    }

    @Test
    void connectionLockDeadlockTimeoutAndShutdownStatesAreTransient() {
        for (String s : new String[] { "08000", "08001", "08003", "08006", "08P01", "40001", "40P01", "55P03", "57014", "57P01",
                "57P02", "57P03", "53300" }) {
            assertTrue(TransientFailures.isTransient(state(s)), s);
        }
    }

    @Test
    void constraintSyntaxAndDataStatesAreNot() {
        for (String s : new String[] { "23505", "23503", "22001", "42601", "42P01", "40000", "07001", "55000", "57000", "5300" }) {
            assertFalse(TransientFailures.isTransient(state(s)), s);
        }
        assertFalse(TransientFailures.isTransient(new SQLException("no state")));
    }

    @Test
    void aTransientCauseDeepInTheChainCounts() {
        RuntimeException wrapped = new RuntimeException("commit failed", new IllegalStateException("flush", state("40P01")));
        assertTrue(TransientFailures.isTransient(wrapped));
        RuntimeException suppressed = new RuntimeException("rollback");
        suppressed.addSuppressed(state("55P03"));
        assertTrue(TransientFailures.isTransient(suppressed));
        SQLException batch = new SQLException("batch", "23505");
        batch.setNextException(state("40001"));
        assertTrue(TransientFailures.isTransient(batch));
    }

    @Test
    void jdbcAndJpaTransientExceptionsAndThePoolsAcquisitionTimeoutAreTransient() {
        assertTrue(TransientFailures.isTransient(new SQLTransientConnectionException("refused")));
        assertTrue(TransientFailures.isTransient(new SQLTimeoutException("timeout")));
        assertTrue(TransientFailures.isTransient(new SQLRecoverableException("reconnect")));
        assertTrue(TransientFailures.isTransient(new LockTimeoutException("lock")));
        assertTrue(TransientFailures.isTransient(new PessimisticLockException("lock")));
        assertTrue(TransientFailures.isTransient(new QueryTimeoutException("slow")));
        assertTrue(TransientFailures.isTransient(new JDBCConnectionException("down", new SQLException("io"))));
        assertTrue(TransientFailures.isTransient(new SQLException("Acquisition timeout while waiting for new connection")));
    }

    @Test
    void aRecordThatCanNeverBeAppliedIsNotTransient() {
        assertFalse(TransientFailures.isTransient(new MalformedEventException("invalid JSON")));
        assertFalse(TransientFailures.isTransient(Rejection.invalidInput("invalid-uai", "bad")));
        assertFalse(TransientFailures.isTransient(new IllegalArgumentException("x", new SQLException("dup", "23505"))));
        assertFalse(TransientFailures.isTransient(null));
    }

    @Test
    void aCycleInTheCausesEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertFalse(TransientFailures.isTransient(a));
    }
}
