package fr.somme.ent.projects.messaging;

import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import fr.somme.ent.commons.events.CloudEvent;
import fr.somme.ent.commons.events.CloudEventCodec;
import fr.somme.ent.commons.events.MalformedEventException;
import fr.somme.ent.commons.inbox.ProcessedEvents;
import fr.somme.ent.projects.messaging.MembershipEvents.DesignationsChanged;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Keeps which schools each member designates per school year (latest revision wins), so that a member agent reads the
 * projects of its designated schools. Applied once; invalid data → {@code ent.membership.v1.dlq} with the reason.
 */
@ApplicationScoped
public class MembershipConsumer {

    static final String CONSUMER = "project-validation.membership";
    private static final Logger LOG = Logger.getLogger(MembershipConsumer.class);

    private final CloudEventCodec codec;
    private final ProcessedEvents processed;
    private final Validator validator;
    private final EntityManager em;
    private final Clock clock;

    public MembershipConsumer(CloudEventCodec codec, ProcessedEvents processed, Validator validator, EntityManager em, Clock clock) {
        this.codec = codec;
        this.processed = processed;
        this.validator = validator;
        this.em = em;
        this.clock = clock;
    }

    @Incoming("membership")
    @Blocking(ordered = true)
    @Transactional
    public void consume(String record) {
        CloudEvent event = codec.read(record);
        if (!MembershipEvents.DESIGNATIONS_CHANGED.equals(event.type())) {
            return; // other membership events are not needed here
        }
        if (!processed.firstDelivery(CONSUMER, event)) {
            LOG.debugf("event %s already applied, skipped", event.id());
            return;
        }
        DesignationsChanged d = valid(codec.dataAs(event, DesignationsChanged.class));
        Number stored = (Number) em.createNativeQuery("SELECT max(revision) FROM member_designation_set WHERE member_id = ?1 AND school_year = ?2")
                .setParameter(1, d.memberId()).setParameter(2, d.schoolYear()).getSingleResult();
        if (stored != null && stored.intValue() >= d.revision()) {
            LOG.debugf("designations of %s for %s: revision %d already superseded by %d", d.memberId(), d.schoolYear(), d.revision(), stored);
            return;
        }
        em.createNativeQuery("INSERT INTO member_designation_set (member_id, school_year, revision, updated_at) VALUES (?1, ?2, ?3, ?4) "
                + "ON CONFLICT (member_id, school_year) DO UPDATE SET revision = EXCLUDED.revision, updated_at = EXCLUDED.updated_at")
                .setParameter(1, d.memberId()).setParameter(2, d.schoolYear()).setParameter(3, d.revision())
                .setParameter(4, java.sql.Timestamp.from(clock.instant())).executeUpdate();
        em.createNativeQuery("DELETE FROM member_designation WHERE member_id = ?1 AND school_year = ?2")
                .setParameter(1, d.memberId()).setParameter(2, d.schoolYear()).executeUpdate();
        d.schools().stream().map(MembershipEvents.DesignatedSchool::uai).distinct().forEach(uai -> em.createNativeQuery(
                "INSERT INTO member_designation (member_id, school_year, school_uai) VALUES (?1, ?2, ?3)")
                .setParameter(1, d.memberId()).setParameter(2, d.schoolYear()).setParameter(3, uai).executeUpdate());
    }

    private <T> T valid(T data) {
        Set<ConstraintViolation<T>> violations = validator.validate(data);
        if (!violations.isEmpty()) {
            throw new MalformedEventException("invalid data: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining(", ")));
        }
        return data;
    }
}
