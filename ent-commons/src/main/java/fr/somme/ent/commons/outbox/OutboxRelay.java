package fr.somme.ent.commons.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import fr.somme.ent.commons.repository.OutboxRepository;
import fr.somme.ent.commons.repository.OutboxRepository.OutboxStats;
import fr.somme.ent.commons.repository.OutboxRepository.PendingEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

/**
 * Publishes the outbox to Kafka. It drains on its own thread ({@link RelayWorker}), woken right after the commit of a
 * transaction that wrote outbox rows ({@link RelaySignal}), and at every tick ({@code ent.outbox.relay-every}) as the
 * fallback. Safe with several replicas: a transaction-scoped advisory lock lets one relay at a time publish (which
 * also keeps the order of events within a key), and rows are claimed with {@code FOR UPDATE SKIP LOCKED}. The
 * producer is idempotent with {@code acks=all}. While Kafka is down, rows stay unpublished and are retried on every
 * tick: an outage delays events, it never loses them. Each row's acknowledgement is booked (never sent again once
 * acknowledged); a row that retrying cannot fix ({@link PublishFailures}) is parked after
 * {@code ent.outbox.park-after-attempts} and the later rows of its key wait behind it, while other keys flow
 * ({@link RelayWaves}). Delivery is at least once (a crash between the acknowledgement and the commit re-sends);
 * consumers skip repeats by event id.
 */
@ApplicationScoped
@Startup
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    static final int BROKER_FAILED = -1;
    static final int LOCKED_ELSEWHERE = -2;
    /** Another replica holds the lock (it may have read the outbox before our commit): try again shortly, a bounded number of times. */
    private static final Duration LOCK_RETRY = Duration.ofMillis(50);
    private static final int MAX_LOCK_RETRIES = 40;
    private static final long STATS_EVERY_NANOS = Duration.ofSeconds(1).toNanos();

    private final OutboxRepository events;
    private final Clock clock;
    private final int batchSize;
    private final Duration retention;
    private final int parkAfterAttempts;
    private final boolean wakeOnCommit;
    private final RelayProducer producer;
    private final RelayMetrics metrics;
    private final RelayWorker worker;
    private final AtomicBoolean statsWanted = new AtomicBoolean(true);
    private volatile boolean shuttingDown;
    private volatile boolean brokerTrouble;
    private volatile long statsAt = System.nanoTime();
    private int lockRetries; // the worker's thread only

    public OutboxRelay(OutboxRepository events, Clock clock, MeterRegistry registry, RelayProducer producer,
            @ConfigProperty(name = "ent.outbox.batch-size", defaultValue = "200") int batchSize,
            @ConfigProperty(name = "ent.outbox.retention", defaultValue = "P7D") Duration retention,
            @ConfigProperty(name = "ent.outbox.park-after-attempts", defaultValue = "3") int parkAfterAttempts,
            @ConfigProperty(name = "ent.outbox.wake-on-commit", defaultValue = "true") boolean wakeOnCommit) {
        this.events = events;
        this.clock = clock;
        this.producer = producer;
        this.batchSize = batchSize;
        this.retention = retention;
        this.parkAfterAttempts = Math.max(1, parkAfterAttempts);
        this.wakeOnCommit = wakeOnCommit;
        this.metrics = new RelayMetrics(registry, clock);
        this.worker = new RelayWorker("outbox-relay", this::drainInRequestContext);
    }

    /** The outbox as the relay saw it at its last look (every tick, and at most once a second after a wake-up). */
    public OutboxStats stats() {
        return metrics.stats();
    }

    public double oldestPendingSeconds() {
        return metrics.oldestPendingSeconds();
    }

    /**
     * A transaction that wrote outbox rows committed: drain now. Ignored while the broker is failing (the tick
     * retries then, as before) and when {@code ent.outbox.wake-on-commit} is false.
     */
    public void wakeUp() {
        if (wakeOnCommit && !shuttingDown && !brokerTrouble) {
            worker.wake();
        }
    }

    @Scheduled(every = "${ent.outbox.relay-every:1s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (!shuttingDown) {
            statsWanted.set(true);
            worker.wake();
        }
    }

    void onShutdown(@Observes ShutdownEvent event) {
        shuttingDown = true;
    }

    @PreDestroy
    void stopWorker() {
        shuttingDown = true;
        worker.close();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgePublished() {
        QuarkusTransaction.requiringNew().run(() -> events.deletePublishedBefore(clock.instant().minus(retention)));
    }

    private void drainInRequestContext() {
        ManagedContext context = Arc.container().requestContext();
        boolean activated = !context.isActive();
        if (activated) {
            context.activate();
        }
        try {
            drain();
        } finally {
            if (activated) {
                context.terminate();
            }
        }
    }

    /** Drains in batches while full ones come back; stops on a broker failure (retried at the next tick). */
    private void drain() {
        if (shuttingDown) {
            return;
        }
        metrics.drained();
        try {
            int sent = 0;
            for (int round = 0; round < 50 && (round == 0 || sent >= batchSize); round++) {
                sent = QuarkusTransaction.requiringNew().call(this::relayBatch);
            }
            brokerTrouble = sent == BROKER_FAILED;
            if (sent >= batchSize) {
                worker.wake(); // more than 50 full batches: go on, after whatever else is queued
            }
            lockRetries = sent == LOCKED_ELSEWHERE ? lockRetries + 1 : 0;
            if (lockRetries > 0 && lockRetries <= MAX_LOCK_RETRIES) {
                worker.wakeAfter(LOCK_RETRY);
            }
            long now = System.nanoTime();
            if (statsWanted.getAndSet(false) || now - statsAt >= STATS_EVERY_NANOS) {
                statsAt = now;
                metrics.stats(QuarkusTransaction.requiringNew().call(events::stats));
            }
        } catch (RuntimeException e) {
            if (!shuttingDown) {
                LOG.warnf("outbox relay drain failed, retried at the next tick: %s", e.toString());
            }
        }
    }

    /**
     * @return how many events were published, {@link #BROKER_FAILED} when the broker failed (the drain stops until
     *         the next tick), {@link #LOCKED_ELSEWHERE} when another replica is relaying
     */
    int relayBatch() {
        if (!events.tryRelayLock()) {
            return LOCKED_ELSEWHERE;
        }
        List<PendingEvent> rows = events.claimPending(batchSize);
        if (rows.isEmpty()) {
            return 0;
        }
        // Each row's outcome is booked: an acknowledged row is stamped published whatever happens to the others (one
        // UPDATE per wave), so it is never sent again; a failed row holds back only the later rows of its key.
        Set<String> held = new HashSet<>();
        int published = 0;
        boolean brokerFailed = false;
        for (List<PendingEvent> wave : RelayWaves.plan(rows, PendingEvent::orderKey)) {
            List<PendingEvent> sendable = wave.stream().filter(r -> !held.contains(r.orderKey())).toList();
            List<Throwable> failures = producer.sendAll(sendable);
            Instant now = clock.instant();
            List<Long> acknowledged = new ArrayList<>(sendable.size());
            for (int i = 0; i < sendable.size(); i++) {
                PendingEvent row = sendable.get(i);
                Throwable failure = failures.get(i);
                if (failure == null) {
                    acknowledged.add(row.seq());
                    metrics.published(row.topic(), row.type(), row.createdAt(), now);
                } else {
                    held.add(row.orderKey());
                    brokerFailed |= !failed(row, failure, now);
                }
            }
            events.markPublished(acknowledged, now);
            published += acknowledged.size();
            if (brokerFailed) {
                break; // the broker's trouble, not a row's: the rest waits for the next tick
            }
        }
        if (brokerFailed) {
            producer.reset();
            return BROKER_FAILED;
        }
        return published;
    }

    /** Books a failed row: parked when retrying cannot fix it (after N attempts), else retried. @return true when the row is at fault */
    private boolean failed(PendingEvent row, Throwable failure, Instant now) {
        metrics.failed();
        boolean cannotFix = PublishFailures.retryCannotFix(failure);
        String reason = PublishFailures.reason(failure);
        int attempts = row.attempts() + 1;
        if (PublishFailures.shouldPark(attempts, parkAfterAttempts, cannotFix)) {
            events.markParked(row.seq(), reason, now);
            LOG.errorf("outbox: event seq %d (%s, key %s) PARKED after %d attempts, later events of its key wait: %s",
                    row.seq(), row.type(), row.key(), attempts, reason);
        } else {
            events.markFailed(row.seq(), reason);
            LOG.warnf("outbox: event seq %d (%s, key %s) not published (attempt %d), retried at the next tick: %s",
                    row.seq(), row.type(), row.key(), attempts, reason);
        }
        return cannotFix;
    }
}
