package fr.somme.ent.provisioning.messaging;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import fr.somme.ent.commons.events.CloudEvent;
import fr.somme.ent.commons.inbox.Inbox;
import fr.somme.ent.commons.inbox.RetryTransient;
import fr.somme.ent.provisioning.messaging.BillingEvents.CallCancelled;
import fr.somme.ent.provisioning.messaging.BillingEvents.CallIssued;
import fr.somme.ent.provisioning.messaging.BillingEvents.CallPaid;
import fr.somme.ent.provisioning.service.ContributionCalls;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * ent.billing.v1, for the bilans (art. 5): contribution calls issued, cancelled, paid. Each event is applied once
 * (ProcessedEvents, same transaction); other types of the topic are skipped. A record that cannot be applied goes to
 * ent.billing.v1.dlq with the reason.
 */
@ApplicationScoped
public class BillingConsumer {

    public static final String CONSUMER = "provisioning.billing";

    private final Inbox inbox;
    private final ContributionCalls calls;

    public BillingConsumer(Inbox inbox, ContributionCalls calls) {
        this.inbox = inbox;
        this.calls = calls;
    }

    @Incoming("billing")
    @Blocking(ordered = true)
    @RetryTransient
    @Transactional
    public void consume(String record) {
        Optional<CloudEvent> delivered = inbox.firstDelivery(CONSUMER, record, BillingEvents.TYPES);
        if (delivered.isEmpty()) {
            return;
        }
        CloudEvent event = delivered.get();
        switch (event.type()) {
            case BillingEvents.CALL_ISSUED -> {
                CallIssued c = inbox.data(event, CallIssued.class);
                checks(c.memberId(), c.schoolYear());
                calls.issued(c);
            }
            case BillingEvents.CALL_PAID -> {
                CallPaid c = inbox.data(event, CallPaid.class);
                checks(c.memberId(), c.schoolYear());
                calls.paid(c);
            }
            default -> {
                CallCancelled c = inbox.data(event, CallCancelled.class);
                EventChecks.siren(c.memberId());
                calls.cancelled(c);
            }
        }
    }

    private static void checks(String memberId, String schoolYear) {
        EventChecks.siren(memberId);
        EventChecks.schoolYear(schoolYear);
    }
}
