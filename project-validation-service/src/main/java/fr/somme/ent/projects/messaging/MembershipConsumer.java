package fr.somme.ent.projects.messaging;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import fr.somme.ent.commons.events.CloudEvent;
import fr.somme.ent.commons.inbox.Inbox;
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

    private final Inbox inbox;
    private final EntityManager em;
    private final Clock clock;

    public MembershipConsumer(Inbox inbox, EntityManager em, Clock clock) {
        this.inbox = inbox;
        this.em = em;
        this.clock = clock;
    }

    @Incoming("membership")
    @Blocking(ordered = true)
    @Transactional
    public void consume(String record) {
        // Only the designations are needed here (which schools a member agent may read the projects of).
        Optional<CloudEvent> delivered = inbox.firstDelivery(CONSUMER, record, Set.of(MembershipEvents.DESIGNATIONS_CHANGED));
        if (delivered.isEmpty()) {
            return;
        }
        DesignationsChanged d = inbox.data(delivered.get(), DesignationsChanged.class);
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
}
