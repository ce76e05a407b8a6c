package fr.somme.ent.billing.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import fr.somme.ent.billing.domain.ContributionCallCancelled;
import fr.somme.ent.billing.domain.ContributionCallIssued;
import fr.somme.ent.billing.domain.ContributionCallPaid;
import fr.somme.ent.commons.outbox.Outbox;

/** Publishes billing's events through the outbox, in the caller's transaction: key = member id, subject = call id. */
@ApplicationScoped
public class BillingEvents {

    private final Outbox outbox;
    private final String topic;

    public BillingEvents(Outbox outbox, @ConfigProperty(name = "ent.events.topic") String topic) {
        this.outbox = outbox;
        this.topic = topic;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(ContributionCallIssued event) {
        outbox.publish(topic, event.memberId(), ContributionCallIssued.TYPE, event.callId().toString(), event);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(ContributionCallCancelled event) {
        outbox.publish(topic, event.memberId(), ContributionCallCancelled.TYPE, event.callId().toString(), event);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(ContributionCallPaid event) {
        outbox.publish(topic, event.memberId(), ContributionCallPaid.TYPE, event.callId().toString(), event);
    }
}
