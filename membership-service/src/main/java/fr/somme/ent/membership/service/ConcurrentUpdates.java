package fr.somme.ent.membership.service;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import jakarta.persistence.OptimisticLockException;

import fr.somme.ent.commons.rules.Rejection;

/**
 * Optimistic locking ({@code @Version} on {@code Member} and {@code Adhesion}): a change based on a row that another request
 * changed meanwhile fails, at a flush or at the commit, with Hibernate's stale-state exception; the use cases annotated
 * {@link RefusesConcurrentUpdates} turn it into {@code 409 concurrent-update}, with nothing stored.
 */
final class ConcurrentUpdates {

    static final String SLUG = "concurrent-update";

    private ConcurrentUpdates() {
    }

    static Rejection conflict() {
        return Rejection.conflict(SLUG, "another request changed this resource meanwhile: read it again, then retry");
    }

    /** True when the failure, or one of its causes, is a change lost to a concurrent one. */
    static boolean isConcurrentUpdate(Throwable e) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            String name = t.getClass().getName();
            if (t instanceof OptimisticLockException || name.endsWith(".StaleObjectStateException")
                    || name.endsWith(".StaleStateException") || name.endsWith(".OptimisticEntityLockException")) {
                return true;
            }
        }
        return false;
    }
}
