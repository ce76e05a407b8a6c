package fr.somme.ent.commons.repository;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.hibernate.Session;

/** The table {@code outbox_event} (migration {@code db/commons}): what the outbox writes and the relay reads. */
@ApplicationScoped
public class OutboxRepository {

    /** Arbitrary constant naming the relay's advisory lock (per database, so per service). */
    private static final long RELAY_LOCK = 0x454E545F4F5554L;

    private static final String INSERT = "INSERT INTO outbox_event (id, topic, record_key, event_type, payload, created_at) "
            + "VALUES (?, ?, ?, ?, ?, ?)";

    /** A row to write: {@link #insertAll} keeps the order of the list (ascending seq). */
    public record NewEvent(UUID id, String topic, String key, String type, String payload, Instant createdAt) {
    }

    /** An event waiting to be published, read by column name. */
    public record PendingEvent(long seq, String topic, String key, String payload, String type, int attempts,
            Instant createdAt) {

        /** Rows with the same order key are published in seq order, one at a time. */
        public String orderKey() {
            return topic + '\u0000' + key;
        }
    }

    /** The relay's view of the table, for the metrics and readiness. */
    public record OutboxStats(long pending, long parked, Instant oldestPending) {
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

    /** Writes the rows in one JDBC batch, in the order of the list (their seq ascend in that order). */
    public void insertAll(List<NewEvent> rows) {
        if (rows.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (NewEvent row : rows) {
                    insert.setObject(1, row.id());
                    insert.setString(2, row.topic());
                    insert.setString(3, row.key());
                    insert.setString(4, row.type());
                    insert.setString(5, row.payload());
                    insert.setObject(6, OffsetDateTime.ofInstant(row.createdAt(), ZoneOffset.UTC));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** The relay's lock for the current transaction; false when another replica holds it. */
    public boolean tryRelayLock() {
        return Boolean.TRUE.equals(em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK).getSingleResult());
    }

    /**
     * The oldest pending events, claimed for this transaction (rows another relay holds are skipped). A row waits,
     * unclaimed, while an earlier row of its topic and key is parked: the order of a key is kept.
     */
    public List<PendingEvent> claimPending(int limit) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("SELECT o.seq, o.topic, o.record_key, o.payload, o.event_type, o.attempts, o.created_at "
                + "FROM outbox_event o WHERE o.state = 'PENDING' AND NOT EXISTS (SELECT 1 FROM outbox_event b "
                + "WHERE b.state = 'PARKED' AND b.topic = o.topic AND b.record_key = o.record_key AND b.seq < o.seq) "
                + "ORDER BY o.seq LIMIT ?1 FOR UPDATE OF o SKIP LOCKED", Tuple.class)
                .setParameter(1, limit).getResultList();
        return rows.stream().map(t -> new PendingEvent(t.get("seq", Number.class).longValue(), t.get("topic", String.class),
                t.get("record_key", String.class), t.get("payload", String.class), t.get("event_type", String.class),
                t.get("attempts", Number.class).intValue(), asInstant(t.get("created_at")))).toList();
    }

    /** Kafka acknowledged these rows: they are never sent again (one statement for a wave). */
    public void markPublished(List<Long> seqs, Instant at) {
        if (seqs.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE outbox_event SET state = 'PUBLISHED', "
                    + "published_at = ?, attempts = attempts + 1, last_error = NULL WHERE seq = ANY(?)")) {
                Array array = connection.createArrayOf("bigint", seqs.toArray());
                update.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                update.setArray(2, array);
                update.executeUpdate();
                array.free();
            }
        });
    }

    /** Retrying cannot fix the row: it leaves the relay's way until an operator retries or discards it. */
    public void markParked(long seq, String reason, Instant at) {
        em.createNativeQuery("UPDATE outbox_event SET state = 'PARKED', parked_at = ?1, attempts = attempts + 1, "
                + "last_error = ?2 WHERE seq = ?3")
                .setParameter(1, Timestamp.from(at)).setParameter(2, reason).setParameter(3, seq).executeUpdate();
    }

    public void markFailed(long seq, String error) {
        em.createNativeQuery("UPDATE outbox_event SET attempts = attempts + 1, last_error = ?1 WHERE seq = ?2")
                .setParameter(1, error).setParameter(2, seq).executeUpdate();
    }

    public OutboxStats stats() {
        Tuple t = (Tuple) em.createNativeQuery("SELECT count(*) FILTER (WHERE state = 'PENDING') AS pending, "
                + "count(*) FILTER (WHERE state = 'PARKED') AS parked, "
                + "min(created_at) FILTER (WHERE state = 'PENDING') AS oldest_pending "
                + "FROM outbox_event WHERE state IN ('PENDING', 'PARKED')", Tuple.class).getSingleResult();
        Object oldest = t.get("oldest_pending");
        return new OutboxStats(t.get("pending", Number.class).longValue(), t.get("parked", Number.class).longValue(),
                oldest == null ? null : asInstant(oldest));
    }

    static Instant asInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    public int deletePublishedBefore(Instant before) {
        return em.createNativeQuery("DELETE FROM outbox_event WHERE published_at < ?1")
                .setParameter(1, Timestamp.from(before)).executeUpdate();
    }
}
