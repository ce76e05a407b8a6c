package fr.somme.ent.commons.repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

/** The table {@code pipeline_probe}, joined to the outbox row of the probe's event. */
@ApplicationScoped
public class PipelineProbeRepository {

    /** A probe and where its event is: {@code published} when the outbox row is stamped or already purged. */
    public record ProbeRow(UUID id, String requestedBy, Instant requestedAt, String note, UUID eventId, boolean published) {
    }

    private final EntityManager em;

    public PipelineProbeRepository(EntityManager em) {
        this.em = em;
    }

    public void insert(UUID id, String requestedBy, Instant requestedAt, String note, UUID eventId) {
        em.createNativeQuery("INSERT INTO pipeline_probe (id, requested_by, requested_at, note, event_id) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, id).setParameter(2, requestedBy).setParameter(3, Timestamp.from(requestedAt))
                .setParameter(4, note).setParameter(5, eventId)
                .executeUpdate();
    }

    public Optional<ProbeRow> find(UUID id) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("SELECT p.id, p.requested_by, p.requested_at, p.note, p.event_id, "
                + "o.seq, o.published_at FROM pipeline_probe p LEFT JOIN outbox_event o ON o.id = p.event_id WHERE p.id = ?1",
                Tuple.class).setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(r -> new ProbeRow(r.get("id", UUID.class), r.get("requested_by", String.class),
                instant(r.get("requested_at")), r.get("note", String.class), r.get("event_id", UUID.class),
                // Published rows are purged after the outbox retention: a missing row was published.
                r.get("seq") == null || r.get("published_at") != null));
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
