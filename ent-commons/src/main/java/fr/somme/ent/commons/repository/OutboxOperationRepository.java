package fr.somme.ent.commons.repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

/** An operator's view of {@code outbox_event} (list, retry, discard) and the audit table {@code outbox_operation}. */
@ApplicationScoped
public class OutboxOperationRepository {

    private static final String COLUMNS = "SELECT id, seq, topic, record_key, event_type, state, attempts, last_error, "
            + "created_at, parked_at, published_at FROM outbox_event ";

    /** One outbox row without its payload, read by column name. */
    public record OutboxRow(UUID id, long seq, String topic, String key, String type, String state, int attempts,
            String lastError, Instant createdAt, Instant parkedAt, Instant publishedAt) {
    }

    /** One audited act of an operator. */
    public record Operation(UUID eventId, String action, String actor, String reason, Instant at) {
    }

    private final EntityManager em;

    public OutboxOperationRepository(EntityManager em) {
        this.em = em;
    }

    public List<OutboxRow> list(String state, int limit, long offset) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery(COLUMNS + "WHERE state = ?1 ORDER BY seq LIMIT ?2 OFFSET ?3", Tuple.class)
                .setParameter(1, state).setParameter(2, limit).setParameter(3, offset).getResultList();
        return rows.stream().map(OutboxOperationRepository::row).toList();
    }

    public long count(String state) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM outbox_event WHERE state = ?1").setParameter(1, state)
                .getSingleResult()).longValue();
    }

    /** The row, locked until the end of the transaction. */
    public Optional<OutboxRow> findForUpdate(UUID id) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery(COLUMNS + "WHERE id = ?1 FOR UPDATE", Tuple.class)
                .setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(OutboxOperationRepository::row);
    }

    /** Back to the relay with a fresh count of attempts; its last error stays for the record until it is sent. */
    public void retry(UUID id) {
        em.createNativeQuery("UPDATE outbox_event SET state = 'PENDING', parked_at = NULL, attempts = 0 WHERE id = ?1")
                .setParameter(1, id).executeUpdate();
    }

    /** Never sent; the rows of its key behind it flow again. */
    public void discard(UUID id) {
        em.createNativeQuery("UPDATE outbox_event SET state = 'DISCARDED' WHERE id = ?1").setParameter(1, id).executeUpdate();
    }

    public void audit(Operation op) {
        em.createNativeQuery("INSERT INTO outbox_operation (event_id, action, actor, reason, at) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, op.eventId()).setParameter(2, op.action()).setParameter(3, op.actor())
                .setParameter(4, op.reason()).setParameter(5, Timestamp.from(op.at())).executeUpdate();
    }

    public List<Operation> operations(UUID eventId) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("SELECT event_id, action, actor, reason, at FROM outbox_operation "
                + "WHERE event_id = ?1 ORDER BY id", Tuple.class).setParameter(1, eventId).getResultList();
        return rows.stream().map(t -> new Operation(t.get("event_id", UUID.class), t.get("action", String.class),
                t.get("actor", String.class), t.get("reason", String.class), OutboxRepository.asInstant(t.get("at")))).toList();
    }

    private static OutboxRow row(Tuple t) {
        return new OutboxRow(t.get("id", UUID.class), t.get("seq", Number.class).longValue(), t.get("topic", String.class),
                t.get("record_key", String.class), t.get("event_type", String.class), t.get("state", String.class),
                t.get("attempts", Number.class).intValue(), t.get("last_error", String.class), instant(t.get("created_at")),
                instant(t.get("parked_at")), instant(t.get("published_at")));
    }

    private static Instant instant(Object value) {
        return value == null ? null : OutboxRepository.asInstant(value);
    }
}
