package fr.somme.ent.commons.repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

/** The table {@code outbox_event} (migration {@code db/commons}): what the outbox writes and the relay reads. */
@ApplicationScoped
public class OutboxRepository {

    /** Arbitrary constant naming the relay's advisory lock (per database, so per service). */
    private static final long RELAY_LOCK = 0x454E545F4F5554L;

    /** An event waiting to be published, read by column name. */
    public record PendingEvent(long seq, String topic, String key, String payload, String type) {
    }

    private final EntityManager em;

    public OutboxRepository(EntityManager em) {
        this.em = em;
    }

    public void insert(UUID id, String topic, String key, String type, String payload, Instant createdAt) {
        em.createNativeQuery("INSERT INTO outbox_event (id, topic, record_key, event_type, payload, created_at) "
                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, id)
                .setParameter(2, topic)
                .setParameter(3, key)
                .setParameter(4, type)
                .setParameter(5, payload)
                .setParameter(6, Timestamp.from(createdAt))
                .executeUpdate();
    }

    /** The relay's lock for the current transaction; false when another replica holds it. */
    public boolean tryRelayLock() {
        return Boolean.TRUE.equals(em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK).getSingleResult());
    }

    /** The oldest unpublished events, claimed for this transaction (rows another relay holds are skipped). */
    public List<PendingEvent> claimPending(int limit) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("SELECT seq, topic, record_key, payload, event_type FROM outbox_event "
                + "WHERE published_at IS NULL ORDER BY seq LIMIT ?1 FOR UPDATE SKIP LOCKED", Tuple.class)
                .setParameter(1, limit).getResultList();
        return rows.stream().map(t -> new PendingEvent(t.get("seq", Number.class).longValue(), t.get("topic", String.class),
                t.get("record_key", String.class), t.get("payload", String.class), t.get("event_type", String.class))).toList();
    }

    public void markPublished(long seq, Instant at) {
        em.createNativeQuery("UPDATE outbox_event SET published_at = ?1, attempts = attempts + 1, last_error = NULL WHERE seq = ?2")
                .setParameter(1, Timestamp.from(at)).setParameter(2, seq).executeUpdate();
    }

    public void markFailed(long seq, String error) {
        em.createNativeQuery("UPDATE outbox_event SET attempts = attempts + 1, last_error = ?1 WHERE seq = ?2")
                .setParameter(1, error).setParameter(2, seq).executeUpdate();
    }

    public long countPending() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM outbox_event WHERE published_at IS NULL")
                .getSingleResult()).longValue();
    }

    public int deletePublishedBefore(Instant before) {
        return em.createNativeQuery("DELETE FROM outbox_event WHERE published_at < ?1")
                .setParameter(1, Timestamp.from(before)).executeUpdate();
    }
}
