package fr.somme.ent.commons.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import fr.somme.ent.commons.repository.ProcessedEventRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Prunes {@code processed_event}: the ids of events applied more than {@code ent.inbox.retention} ago (default
 * {@code P35D}) are deleted, in batches of {@code ent.inbox.prune-batch-size} (one transaction each, so no long lock),
 * by one replica at a time (advisory lock), every {@code ent.inbox.prune-every} (default 1h; {@code off} disables it).
 * A repeat delivery of an event is skipped only while its id is kept: the retention must outlast every way a record
 * comes back (producer re-send after a crash: seconds; a DLQ replay: the DLQ's 30 days; committed offsets of a
 * consumer group without members: Kafka's {@code offsets.retention.minutes}, 7 days). The event topics themselves
 * keep everything ({@code retention.ms=-1}): a deliberate replay from the start clears the consumer's rows first.
 */
@ApplicationScoped
public class InboxPruner {

    private static final Logger LOG = Logger.getLogger(InboxPruner.class);

    private final ProcessedEventRepository processed;
    private final Clock clock;
    private final Duration retention;
    private final int batchSize;

    public InboxPruner(ProcessedEventRepository processed, Clock clock,
            @ConfigProperty(name = "ent.inbox.retention", defaultValue = "P35D") Duration retention,
            @ConfigProperty(name = "ent.inbox.prune-batch-size", defaultValue = "5000") int batchSize) {
        this.processed = processed;
        this.clock = clock;
        this.retention = retention;
        this.batchSize = Math.max(1, batchSize);
    }

    @Scheduled(identity = "ent-inbox-prune", every = "${ent.inbox.prune-every:1h}", delayed = "2m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPrune() {
        try {
            prune();
        } catch (RuntimeException e) {
            LOG.warnf("processed_event pruning failed, retried at the next run: %s", e.toString());
        }
    }

    /** Deletes the rows applied before now minus the retention. @return how many rows were deleted here */
    public long prune() {
        Instant before = clock.instant().minus(retention);
        long deleted = 0;
        while (true) {
            int batch = QuarkusTransaction.requiringNew()
                    .call(() -> processed.tryPruneLock() ? processed.deleteProcessedBefore(before, batchSize) : -1);
            if (batch < 0) {
                break; // another replica is pruning
            }
            deleted += batch;
            if (batch < batchSize) {
                break;
            }
        }
        if (deleted > 0) {
            LOG.infof("processed_event: %d rows applied before %s pruned (retention %s)", deleted, before, retention);
        }
        return deleted;
    }
}
