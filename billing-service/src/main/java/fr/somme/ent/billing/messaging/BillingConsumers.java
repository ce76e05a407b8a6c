package fr.somme.ent.billing.messaging;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import fr.somme.ent.billing.service.BeneficiaryUpdates;
import fr.somme.ent.commons.events.CloudEvent;
import fr.somme.ent.commons.inbox.Inbox;
import fr.somme.ent.commons.inbox.RetryTransient;
import fr.somme.ent.commons.rules.Rejection;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Applies membership and provisioning events to the beneficiaries (art. 4.1, 4.3). Each event is applied once (its id
 * is recorded in the same transaction); other event types are marked processed and ignored; a record that cannot be
 * applied fails the transaction and goes to {@code <topic>.dlq}.
 */
@ApplicationScoped
public class BillingConsumers {

    static final String MEMBERSHIP = "billing.membership";
    static final String PROVISIONING = "billing.provisioning";
    private static final Logger LOG = Logger.getLogger(BillingConsumers.class);

    private final Inbox inbox;
    private final BeneficiaryUpdates store;

    public BillingConsumers(Inbox inbox, BeneficiaryUpdates store) {
        this.inbox = inbox;
        this.store = store;
    }

    @Incoming("membership")
    @Blocking(ordered = true)
    @RetryTransient
    @Transactional
    public void membership(String record) {
        Optional<CloudEvent> delivered = inbox.firstDelivery(MEMBERSHIP, record);
        if (delivered.isEmpty()) {
            return;
        }
        CloudEvent event = delivered.get();
        try {
            switch (event.type()) {
                case IncomingEvents.MEMBER_REGISTERED, IncomingEvents.MEMBER_UPDATED ->
                    store.apply(inbox.data(event, IncomingEvents.MemberRegistered.class));
                case IncomingEvents.ADHESION_EFFECTIVE ->
                    store.apply(inbox.data(event, IncomingEvents.AdhesionEffective.class));
                case IncomingEvents.MEMBERSHIP_TERMINATED ->
                    store.apply(inbox.data(event, IncomingEvents.MembershipTerminated.class));
                case IncomingEvents.OPT_OUT_NOTIFIED ->
                    store.apply(inbox.data(event, IncomingEvents.ComponentOptOutNotified.class));
                default -> LOG.debugf("event type %s is not for billing, skipped", event.type());
            }
        } catch (Rejection | IllegalArgumentException e) {
            throw Inbox.refused(event, e);
        }
    }

    @Incoming("provisioning")
    @Blocking(ordered = true)
    @RetryTransient
    @Transactional
    public void provisioning(String record) {
        Optional<CloudEvent> delivered = inbox.firstDelivery(PROVISIONING, record);
        if (delivered.isEmpty()) {
            return;
        }
        CloudEvent event = delivered.get();
        try {
            switch (event.type()) {
                case IncomingEvents.ACCESS_STARTED -> store.apply(inbox.data(event, IncomingEvents.AccessStarted.class));
                case IncomingEvents.ACCESS_ENDED -> store.apply(inbox.data(event, IncomingEvents.AccessEnded.class));
                case IncomingEvents.ACCOUNTS_PROVISIONED ->
                    store.apply(event.id(), inbox.data(event, IncomingEvents.AccountsProvisioned.class));
                case IncomingEvents.LICENCES_ASSIGNED ->
                    store.apply(event.id(), inbox.data(event, IncomingEvents.LicencesAssigned.class));
                default -> LOG.debugf("event type %s is not for billing, skipped", event.type());
            }
        } catch (Rejection | IllegalArgumentException e) {
            throw Inbox.refused(event, e);
        }
    }
}
