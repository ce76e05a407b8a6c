package fr.somme.ent.commons.inbox;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import fr.somme.ent.commons.events.CloudEvent;
import fr.somme.ent.commons.repository.ProcessedEventRepository;

/**
 * Idempotent consumption: a consumer calls {@link #firstDelivery} in the transaction that applies
 * the event; a repeat (same consumer, same event id) returns false and must change nothing.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final ProcessedEventRepository processed;
    private final Clock clock;

    public ProcessedEvents(ProcessedEventRepository processed, Clock clock) {
        this.processed = processed;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, CloudEvent event) {
        return processed.insertIfAbsent(consumer, event.id(), event.type(), clock.instant());
    }
}
