package fr.somme.ent.commons.ops;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import fr.somme.ent.commons.events.CloudEvent;
import fr.somme.ent.commons.ops.PipelineProbeResource.ProbeView;
import fr.somme.ent.commons.outbox.Outbox;
import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.commons.security.CallerScope;

@ApplicationScoped
public class PipelineProbes {

    public static final String TYPE = "fr.ent.ops.pipeline-probe.v1";

    private final EntityManager em;
    private final Outbox outbox;
    private final Clock clock;
    private final CallerScope caller;
    private final String topic;
    private final String service;

    public PipelineProbes(EntityManager em, Outbox outbox, Clock clock, CallerScope caller,
            @ConfigProperty(name = "ent.events.topic") String topic,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
        this.caller = caller;
        this.topic = topic;
        this.service = service;
    }

    @Transactional
    public ProbeView create(String note) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String actor = caller.actor();
        CloudEvent event = outbox.publish(topic, id.toString(), TYPE, id.toString(),
                Map.of("probeId", id.toString(), "service", service, "requestedBy", actor, "requestedAt", now.toString()));
        em.createNativeQuery("INSERT INTO pipeline_probe (id, requested_by, requested_at, note, event_id) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, id).setParameter(2, actor).setParameter(3, Timestamp.from(now))
                .setParameter(4, note).setParameter(5, UUID.fromString(event.id()))
                .executeUpdate();
        return new ProbeView(id, actor, now, note, UUID.fromString(event.id()), topic, "pending");
    }

    @Transactional
    public ProbeView find(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT p.id, p.requested_by, p.requested_at, p.note, p.event_id, "
                + "o.seq, o.published_at FROM pipeline_probe p LEFT JOIN outbox_event o ON o.id = p.event_id WHERE p.id = ?1")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("pipeline probe", id);
        }
        Object[] r = rows.get(0);
        // Published rows are purged after the outbox retention: a missing row was published.
        String status = r[5] == null || r[6] != null ? "published" : "pending";
        return new ProbeView((UUID) r[0], (String) r[1], instant(r[2]), (String) r[3], (UUID) r[4], topic, status);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
