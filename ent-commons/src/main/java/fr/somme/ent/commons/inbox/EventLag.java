package fr.somme.ent.commons.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import fr.somme.ent.commons.events.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The last hop of an event, end to end: {@code ent_event_lag_seconds{consumer,type}} times from the event's
 * CloudEvent {@code time} (when the producer wrote it to its outbox) to the commit of the transaction that applied it
 * here (outbox wait + broker + consumer + effect). Recorded after the commit only: a rolled-back or refused event is
 * not applied. Tags are the consumer's name and the event type (both few), never an id.
 */
@ApplicationScoped
public class EventLag {

    private final TransactionSynchronizationRegistry transactions;
    private final MeterRegistry registry;
    private final Clock clock;

    public EventLag(TransactionSynchronizationRegistry transactions, MeterRegistry registry, Clock clock) {
        this.transactions = transactions;
        this.registry = registry;
        this.clock = clock;
    }

    /** To call in the transaction applying {@code event}: its lag is recorded when that transaction commits. */
    public void whenApplied(String consumer, CloudEvent event) {
        Instant written = event.time();
        if (written == null) {
            return;
        }
        Timer timer = Timer.builder("ent.event.lag").description("From an event's CloudEvent time to its effect committed by a consumer")
                .tag("consumer", consumer).tag("type", event.type()).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(5)).register(registry);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    Duration lag = Duration.between(written, clock.instant());
                    timer.record(lag.isNegative() ? Duration.ZERO : lag);
                }
            }
        });
    }
}
