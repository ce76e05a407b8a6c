package fr.somme.ent.commons.inbox;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import fr.somme.ent.commons.events.CloudEvent;
import fr.somme.ent.commons.repository.ProcessedEventRepository;

/**
 * Idempotent consumption: a consumer calls {@link #firstDelivery} in the transaction that applies
 * the event; a repeat (same consumer, same event id) returns false and must change nothing. A first delivery is
 * timed ({@link EventLag}) when its transaction commits. Rows older than {@code ent.inbox.retention} are pruned
 * ({@link InboxPruner}).
 */
@ApplicationScoped
public class ProcessedEvents {

    private final ProcessedEventRepository processed;
    private final Clock clock;
    private final EventLag lag;

    public ProcessedEvents(ProcessedEventRepository processed, Clock clock, EventLag lag) {
        this.processed = processed;
        this.clock = clock;
        this.lag = lag;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, CloudEvent event) {
        boolean first = processed.insertIfAbsent(consumer, event.id(), event.type(), clock.instant());
        if (first) {
            lag.whenApplied(consumer, event);
        }
        return first;
    }
}
