package fr.somme.ent.provisioning.repository;

import jakarta.enterprise.context.ApplicationScoped;

/** Transaction-scoped PostgreSQL advisory locks: released at commit or rollback. */
@ApplicationScoped
public class AdvisoryLocks {

    private final Jdbc jdbc;

    public AdvisoryLocks(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits for the lock. */
    public void lock(long key) {
        jdbc.list("SELECT pg_advisory_xact_lock(?)", rs -> Boolean.TRUE, key);
    }

    /** False at once when another transaction holds it. */
    public boolean tryLock(long key) {
        return jdbc.one("SELECT pg_try_advisory_xact_lock(?) AS locked", rs -> rs.getBoolean("locked"), key).orElse(false);
    }
}
