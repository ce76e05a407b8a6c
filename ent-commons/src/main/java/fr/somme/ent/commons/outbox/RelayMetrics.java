package fr.somme.ent.commons.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import fr.somme.ent.commons.repository.OutboxRepository.OutboxStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The relay's meters (Prometheus names): {@code ent_outbox_pending}, {@code ent_outbox_parked},
 * {@code ent_outbox_oldest_pending_seconds}, {@code ent_outbox_publish_failures_total},
 * {@code ent_outbox_published_total{topic,type}}, {@code ent_outbox_drains_total} and the hop timer {@code ent_outbox_wait_seconds{topic}} (row
 * written → acknowledged by the broker, with a histogram for the p99). Tags are low-cardinality: never ids or names.
 */
final class RelayMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final Counter failures;
    private final Counter drains;
    private volatile OutboxStats stats = new OutboxStats(0, 0, null);

    RelayMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.failures = Counter.builder("ent.outbox.publish.failures").description("Failed attempts to publish an outbox event").register(registry);
        this.drains = Counter.builder("ent.outbox.drains")
                .description("Drains of the outbox (after a commit or at a tick; wake-ups are coalesced)").register(registry);
        Gauge.builder("ent.outbox.pending", pending, AtomicLong::get).description("Events waiting in the outbox").register(registry);
        Gauge.builder("ent.outbox.parked", parked, AtomicLong::get)
                .description("Outbox events parked: retrying cannot publish them, an operator must retry or discard them").register(registry);
        Gauge.builder("ent.outbox.oldest.pending.seconds", this, RelayMetrics::oldestPendingSeconds)
                .description("Age of the oldest event waiting in the outbox (0 when none)").register(registry);
    }

    OutboxStats stats() {
        return stats;
    }

    void stats(OutboxStats now) {
        stats = now;
        pending.set(now.pending());
        parked.set(now.parked());
    }

    double oldestPendingSeconds() {
        Instant oldest = stats.oldestPending();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }

    void drained() {
        drains.increment();
    }

    void failed() {
        failures.increment();
    }

    /** One event acknowledged by the broker: counted per topic and type, its wait in the outbox timed per topic. */
    void published(String topic, String type, Instant createdAt, Instant acknowledgedAt) {
        // Events published, per topic and CloudEvent type: the business dashboard counts adhesions, decisions, deployments, calls with it.
        Counter.builder("ent.outbox.published").description("Events published from the outbox")
                .tag("topic", topic).tag("type", type).register(registry).increment();
        Timer.builder("ent.outbox.wait").description("From the outbox row written to its acknowledgement by the broker")
                .tag("topic", topic).publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(5)).register(registry)
                .record(Duration.between(createdAt, acknowledgedAt).isNegative() ? Duration.ZERO : Duration.between(createdAt, acknowledgedAt));
    }
}
