package fr.somme.ent.projects.messaging;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import fr.somme.ent.commons.events.CloudEvent;
import fr.somme.ent.commons.inbox.Inbox;
import fr.somme.ent.commons.inbox.RetryTransient;
import fr.somme.ent.projects.messaging.MembershipEvents.DesignationsChanged;
import fr.somme.ent.projects.repository.MemberDesignationRepository;
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
    private final MemberDesignationRepository designations;
    private final Clock clock;

    public MembershipConsumer(Inbox inbox, MemberDesignationRepository designations, Clock clock) {
        this.inbox = inbox;
        this.designations = designations;
        this.clock = clock;
    }

    @Incoming("membership")
    @Blocking(ordered = true)
    @RetryTransient
    @Transactional
    public void consume(String record) {
        // Only the designations are needed here (which schools a member agent may read the projects of).
        Optional<CloudEvent> delivered = inbox.firstDelivery(CONSUMER, record, Set.of(MembershipEvents.DESIGNATIONS_CHANGED));
        if (delivered.isEmpty()) {
            return;
        }
        DesignationsChanged d = inbox.data(delivered.get(), DesignationsChanged.class);
        Optional<Integer> stored = designations.appliedRevision(d.memberId(), d.schoolYear());
        if (stored.isPresent() && stored.get() >= d.revision()) {
            LOG.debugf("designations of %s for %s: revision %d already superseded by %d", d.memberId(), d.schoolYear(), d.revision(),
                    stored.get());
            return;
        }
        designations.replace(d.memberId(), d.schoolYear(), d.revision(),
                d.schools().stream().map(MembershipEvents.DesignatedSchool::uai).toList(), clock.instant());
    }
}
