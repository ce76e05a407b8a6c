package fr.somme.ent.commons.inbox;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;

/**
 * Whether a consumer's failure is the database's passing trouble (it will succeed if tried again: the record is
 * retried in place) or the record's (it never will: the DLQ). Transient: connection lost or refused (SQLState class
 * 08, JDBC connection and recoverable exceptions, the pool's acquisition timeout), serialisation failure (40001),
 * deadlock (40P01), lock not available (55P03), statement cancelled by a timeout (57014), administrator shutdown or
 * crash recovery (57P01, 57P02, 57P03), too many connections (53300), and JPA's lock and query timeouts.
 */
public final class TransientFailures {

    static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "55P03", "57014", "57P01", "57P02", "57P03", "53300");

    private TransientFailures() {
    }

    /** True when a cause of {@code failure} (causes, suppressed and chained SQL exceptions) is transient. */
    public static boolean isTransient(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Deque<Throwable> todo = new ArrayDeque<>();
        if (failure != null) {
            todo.add(failure);
        }
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (seen.put(t, Boolean.TRUE) != null) {
                continue;
            }
            if (transientItself(t)) {
                return true;
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            if (t instanceof SQLException s && s.getNextException() != null) {
                todo.add(s.getNextException());
            }
            for (Throwable suppressed : t.getSuppressed()) {
                todo.add(suppressed);
            }
        }
        return false;
    }

    static boolean transientItself(Throwable t) {
        if (t instanceof SQLTransientException || t instanceof SQLRecoverableException || t instanceof LockTimeoutException
                || t instanceof PessimisticLockException || t instanceof QueryTimeoutException) {
            return true;
        }
        if (t instanceof SQLException s) {
            return transientState(s.getSQLState()) || acquisitionTimeout(s.getMessage());
        }
        return "org.hibernate.exception.JDBCConnectionException".equals(t.getClass().getName());
    }

    static boolean transientState(String state) {
        return state != null && (state.startsWith("08") || TRANSIENT_STATES.contains(state));
    }

    /** Agroal's "Acquisition timeout while waiting for new connection" (a plain SQLException without SQLState). */
    static boolean acquisitionTimeout(String message) {
        return message != null && message.contains("Acquisition timeout");
    }
}
