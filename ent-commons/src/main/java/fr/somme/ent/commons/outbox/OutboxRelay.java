package fr.somme.ent.commons.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import fr.somme.ent.commons.events.CloudEvent;
import fr.somme.ent.commons.repository.OutboxRepository;
import fr.somme.ent.commons.repository.OutboxRepository.OutboxStats;
import fr.somme.ent.commons.repository.OutboxRepository.PendingEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

/**
 * Publishes the outbox to Kafka. Safe with several replicas: a transaction-scoped advisory lock lets
 * one relay at a time publish (which also keeps the order of events within a key), and rows are
 * claimed with {@code FOR UPDATE SKIP LOCKED}. The producer is idempotent with {@code acks=all}.
 * While Kafka is down, rows stay unpublished and are retried on every tick: an outage delays events,
 * it never loses them. Each row's acknowledgement is booked on its own (never sent again once acknowledged); a row
 * that retrying cannot fix ({@link PublishFailures}) is parked after {@code ent.outbox.park-after-attempts} and the
 * later rows of its key wait behind it, while other keys flow ({@link RelayWaves}). Delivery is at least once
 * (a crash between the acknowledgement and the commit re-sends); consumers skip repeats by event id.
 */
@ApplicationScoped
@Startup
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxRepository events;
    private final Clock clock;
    private final int batchSize;
    private final Duration retention;
    private final int parkAfterAttempts;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private volatile OutboxStats stats = new OutboxStats(0, 0, null);
    private final MeterRegistry registry;
    private final Counter failures;
    private final RelayProducer producer;
    private volatile boolean shuttingDown;

    public OutboxRelay(OutboxRepository events, Clock clock, MeterRegistry registry, RelayProducer producer,
            @ConfigProperty(name = "ent.outbox.batch-size", defaultValue = "200") int batchSize,
            @ConfigProperty(name = "ent.outbox.retention", defaultValue = "P7D") Duration retention,
            @ConfigProperty(name = "ent.outbox.park-after-attempts", defaultValue = "3") int parkAfterAttempts) {
        this.events = events;
        this.clock = clock;
        this.producer = producer;
        this.batchSize = batchSize;
        this.retention = retention;
        this.parkAfterAttempts = Math.max(1, parkAfterAttempts);
        this.registry = registry;
        this.failures = Counter.builder("ent.outbox.publish.failures").description("Failed attempts to publish an outbox event").register(registry);
        Gauge.builder("ent.outbox.pending", pending, AtomicLong::get).description("Events waiting in the outbox").register(registry);
        Gauge.builder("ent.outbox.parked", parked, AtomicLong::get)
                .description("Outbox events parked: retrying cannot publish them, an operator must retry or discard them").register(registry);
        Gauge.builder("ent.outbox.oldest.pending.seconds", this, r -> r.oldestPendingSeconds())
                .description("Age of the oldest event waiting in the outbox (0 when none)").register(registry);
    }

    /** The outbox as the relay saw it at its last tick. */
    public OutboxStats stats() {
        return stats;
    }

    public double oldestPendingSeconds() {
        Instant oldest = stats.oldestPending();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }

    @Scheduled(every = "${ent.outbox.relay-every:1s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (shuttingDown) {
            return;
        }
        try {
            // Drain in batches while full ones come back; stop on failure and retry at the next tick.
            for (int round = 0; round < 50; round++) {
                int sent = QuarkusTransaction.requiringNew().call(this::relayBatch);
                if (sent < batchSize) {
                    break;
                }
            }
            OutboxStats now = QuarkusTransaction.requiringNew().call(events::stats);
            stats = now;
            pending.set(now.pending());
            parked.set(now.parked());
        } catch (RuntimeException e) {
            if (!shuttingDown) {
                LOG.warnf("outbox relay tick failed, retried at the next tick: %s", e.toString());
            }
        }
    }

    void onShutdown(@Observes ShutdownEvent event) {
        shuttingDown = true;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgePublished() {
        QuarkusTransaction.requiringNew().run(() -> events.deletePublishedBefore(clock.instant().minus(retention)));
    }

    /** @return how many events were published, or -1 when the broker failed (the drain stops until the next tick) */
    int relayBatch() {
        if (!events.tryRelayLock()) {
            return 0; // another replica is relaying
        }
        List<PendingEvent> rows = events.claimPending(batchSize);
        if (rows.isEmpty()) {
            return 0;
        }
        // Each row's outcome is booked on its own: an acknowledged row is stamped published whatever happens to the
        // others, so it is never sent again; a failed row holds back only the later rows of its key (next waves).
        Set<String> held = new HashSet<>();
        int published = 0;
        boolean brokerFailed = false;
        for (List<PendingEvent> wave : RelayWaves.plan(rows, PendingEvent::orderKey)) {
            List<PendingEvent> sendable = wave.stream().filter(r -> !held.contains(r.orderKey())).toList();
            List<Throwable> failures = send(sendable);
            Instant now = clock.instant();
            for (int i = 0; i < sendable.size(); i++) {
                PendingEvent row = sendable.get(i);
                Throwable failure = failures.get(i);
                if (failure == null) {
                    events.markPublished(row.seq(), now);
                    published(row.topic(), row.type()).increment();
                    published++;
                } else {
                    held.add(row.orderKey());
                    brokerFailed |= !failed(row, failure, now);
                }
            }
            if (brokerFailed) {
                break; // the broker's trouble, not a row's: the rest waits for the next tick
            }
        }
        if (brokerFailed) {
            producer.reset();
            return -1;
        }
        return published;
    }

    /** Sends the rows together and waits for each acknowledgement: per row, null when acknowledged, else the failure. */
    private List<Throwable> send(List<PendingEvent> rows) {
        List<Future<RecordMetadata>> futures = new ArrayList<>(rows.size());
        List<Throwable> failures = new ArrayList<>(rows.size());
        KafkaProducer<String, String> p;
        try {
            p = producer.get();
        } catch (RuntimeException e) {
            rows.forEach(r -> failures.add(e));
            return failures;
        }
        for (PendingEvent row : rows) {
            ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
            record.headers().add("content-type", CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            try {
                futures.add(p.send(record));
            } catch (RuntimeException e) {
                futures.add(CompletableFuture.failedFuture(e));
            }
        }
        try {
            p.flush();
        } catch (RuntimeException e) {
            LOG.debugf("outbox: flush failed: %s", e);
        }
        for (Future<RecordMetadata> future : futures) {
            failures.add(outcome(future));
        }
        return failures;
    }

    private static Throwable outcome(Future<RecordMetadata> future) {
        try {
            future.get(30, TimeUnit.SECONDS);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        } catch (ExecutionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (TimeoutException e) {
            return e;
        }
    }

    /** Books a failed row: parked when retrying cannot fix it (after N attempts), else retried. @return true when the row is at fault */
    private boolean failed(PendingEvent row, Throwable failure, Instant now) {
        failures.increment();
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

    /** Events published, per topic and CloudEvent type: the business dashboard counts adhesions, decisions, deployments, calls with it. */
    private Counter published(String topic, String type) {
        return Counter.builder("ent.outbox.published").description("Events published from the outbox")
                .tag("topic", topic).tag("type", type).register(registry);
    }
}
