package fr.somme.ent.projects.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import fr.somme.ent.commons.events.CloudEvent;
import fr.somme.ent.commons.inbox.Inbox;
import fr.somme.ent.commons.inbox.RetryTransient;
import fr.somme.ent.commons.rules.Rejection;
import fr.somme.ent.projects.messaging.DsdenReferenceEvents.CirconscriptionUpserted;
import fr.somme.ent.projects.messaging.DsdenReferenceEvents.SchoolUpserted;
import fr.somme.ent.projects.service.ReferenceDataService;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Applies the DSDEN's reference data. Each event is applied once (its id is recorded in the same
 * transaction); a record that cannot be applied fails the transaction and goes to
 * {@code dsden.reference.v1.dlq} with the reason in the {@code dead-letter-reason} header.
 */
@ApplicationScoped
public class DsdenReferenceConsumer {

    static final String CONSUMER = "project-validation.dsden-reference";
    private static final Logger LOG = Logger.getLogger(DsdenReferenceConsumer.class);

    private final Inbox inbox;
    private final ReferenceDataService referenceData;

    public DsdenReferenceConsumer(Inbox inbox, ReferenceDataService referenceData) {
        this.inbox = inbox;
        this.referenceData = referenceData;
    }

    @Incoming("dsden-reference")
    @Blocking(ordered = true)
    @RetryTransient
    @Transactional
    public void consume(String record) {
        inbox.firstDelivery(CONSUMER, record).ifPresent(this::apply);
    }

    private void apply(CloudEvent event) {
        try {
            switch (event.type()) {
                case DsdenReferenceEvents.CIRCONSCRIPTION_UPSERTED ->
                    referenceData.upsert(inbox.data(event, CirconscriptionUpserted.class), event.id());
                case DsdenReferenceEvents.SCHOOL_UPSERTED ->
                    referenceData.upsert(inbox.data(event, SchoolUpserted.class), event.id());
                default -> LOG.debugf("event type %s is not for this service, skipped", event.type());
            }
        } catch (Rejection e) {
            throw Inbox.refused(event, e);
        }
    }
}
