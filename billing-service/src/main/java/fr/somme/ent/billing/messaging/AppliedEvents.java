package fr.somme.ent.billing.messaging;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import fr.somme.ent.billing.repository.ProcessedEventBatchRepository;
import fr.somme.ent.billing.repository.ProcessedEventBatchRepository.Delivered;
import fr.somme.ent.billing.repository.StatementBatch;
import fr.somme.ent.billing.service.BeneficiaryUpdates;
import fr.somme.ent.commons.events.CloudEvent;
import fr.somme.ent.commons.events.CloudEventCodec;
import fr.somme.ent.commons.inbox.Inbox;
import fr.somme.ent.commons.inbox.RetryTransient;
import fr.somme.ent.commons.rules.Rejection;

/**
 * Applies the records billing consumes (art. 4.1, 4.3), each event once: its id is recorded in {@code processed_event}
 * in the transaction of its effect. A whole poll batch is one transaction (ids recorded in one statement, effects in JDBC
 * batches, in the order of the records); one record alone is another (the fallback of a batch that failed, and the DLQ
 * replay). Other event types are recorded and ignored. A transient database failure is retried in place.
 */
@ApplicationScoped
public class AppliedEvents {

    static final String MEMBERSHIP = "billing.membership";
    static final String PROVISIONING = "billing.provisioning";
    private static final Logger LOG = Logger.getLogger(AppliedEvents.class);

    private final Inbox inbox;
    private final CloudEventCodec codec;
    private final ProcessedEventBatchRepository processed;
    private final BeneficiaryUpdates store;
    private final Clock clock;

    public AppliedEvents(Inbox inbox, CloudEventCodec codec, ProcessedEventBatchRepository processed, BeneficiaryUpdates store,
            Clock clock) {
        this.inbox = inbox;
        this.codec = codec;
        this.processed = processed;
        this.store = store;
        this.clock = clock;
    }

    /**
     * The records of one poll batch, in one transaction: an event delivered twice (in the batch, or before it) is applied
     * once, at its first place. Any record that cannot be applied fails the whole batch (nothing of it stays).
     *
     * @return the number of events applied now
     */
    @RetryTransient
    @Transactional
    public int applyBatch(String consumer, List<String> records) {
        Map<String, CloudEvent> distinct = new LinkedHashMap<>();
        for (String record : records) {
            CloudEvent event = codec.read(record);
            distinct.putIfAbsent(event.id(), event);
        }
        Set<String> first = processed.firstDeliveries(consumer,
                distinct.values().stream().map(e -> new Delivered(e.id(), e.type())).toList(), clock.instant());
        StatementBatch writes = store.writes();
        int applied = 0;
        for (CloudEvent event : distinct.values()) {
            if (first.contains(event.id())) {
                route(consumer, event, writes);
                applied++;
            }
        }
        writes.flush();
        return applied;
    }

    /** One record in its own transaction; a record that cannot be applied throws (its reason goes with it to the DLQ). */
    @RetryTransient
    @Transactional
    public void applyRecord(String consumer, String record) {
        Optional<CloudEvent> delivered = inbox.firstDelivery(consumer, record);
        if (delivered.isPresent()) {
            StatementBatch writes = store.writes();
            route(consumer, delivered.get(), writes);
            writes.flush();
        }
    }

    private void route(String consumer, CloudEvent event, StatementBatch writes) {
        try {
            if (MEMBERSHIP.equals(consumer)) {
                membership(event, writes);
            } else {
                provisioning(event, writes);
            }
        } catch (Rejection | IllegalArgumentException e) {
            throw Inbox.refused(event, e);
        }
    }

    private void membership(CloudEvent event, StatementBatch writes) {
        switch (event.type()) {
            case IncomingEvents.MEMBER_REGISTERED, IncomingEvents.MEMBER_UPDATED ->
                store.apply(writes, inbox.data(event, IncomingEvents.MemberRegistered.class));
            case IncomingEvents.ADHESION_EFFECTIVE ->
                store.apply(writes, inbox.data(event, IncomingEvents.AdhesionEffective.class));
            case IncomingEvents.MEMBERSHIP_TERMINATED ->
                store.apply(writes, inbox.data(event, IncomingEvents.MembershipTerminated.class));
            case IncomingEvents.OPT_OUT_NOTIFIED ->
                store.apply(writes, inbox.data(event, IncomingEvents.ComponentOptOutNotified.class));
            default -> LOG.debugf("event type %s is not for billing, skipped", event.type());
        }
    }

    private void provisioning(CloudEvent event, StatementBatch writes) {
        switch (event.type()) {
            case IncomingEvents.ACCESS_STARTED -> store.apply(writes, inbox.data(event, IncomingEvents.AccessStarted.class));
            case IncomingEvents.ACCESS_ENDED -> store.apply(writes, inbox.data(event, IncomingEvents.AccessEnded.class));
            case IncomingEvents.ACCOUNTS_PROVISIONED ->
                store.apply(writes, event.id(), inbox.data(event, IncomingEvents.AccountsProvisioned.class));
            case IncomingEvents.LICENCES_ASSIGNED ->
                store.apply(writes, event.id(), inbox.data(event, IncomingEvents.LicencesAssigned.class));
            default -> LOG.debugf("event type %s is not for billing, skipped", event.type());
        }
    }
}
