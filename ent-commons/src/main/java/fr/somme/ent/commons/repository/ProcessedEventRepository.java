package fr.somme.ent.commons.repository;

import java.sql.Timestamp;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The table {@code processed_event}: which consumer applied which event. */
@ApplicationScoped
public class ProcessedEventRepository {

    /** Arbitrary constant naming the pruning job's advisory lock (per database, so per service). */
    private static final long PRUNE_LOCK = 0x454E545F494E42L;

    private final EntityManager em;

    public ProcessedEventRepository(EntityManager em) {
        this.em = em;
    }

    /** @return true when the row is new, false when this consumer had already recorded this event */
    public boolean insertIfAbsent(String consumer, String eventId, String eventType, Instant at) {
        return em.createNativeQuery("INSERT INTO processed_event (consumer, event_id, event_type, processed_at) "
                + "VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .setParameter(3, eventType)
                .setParameter(4, Timestamp.from(at))
                .executeUpdate() == 1;
    }

    /** True when a consumer of this service recorded the event as applied. */
    public boolean applied(String eventId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM processed_event WHERE event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).longValue() > 0;
    }

    /** The pruning job's lock for the current transaction; false when another replica holds it. */
    public boolean tryPruneLock() {
        return Boolean.TRUE.equals(em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, PRUNE_LOCK).getSingleResult());
    }

    /** Deletes at most {@code limit} rows applied before {@code before}. @return how many were deleted */
    public int deleteProcessedBefore(Instant before, int limit) {
        return em.createNativeQuery("DELETE FROM processed_event WHERE ctid = ANY(ARRAY(SELECT ctid FROM processed_event "
                + "WHERE processed_at < ?1 LIMIT ?2))")
                .setParameter(1, Timestamp.from(before)).setParameter(2, limit).executeUpdate();
    }
}
