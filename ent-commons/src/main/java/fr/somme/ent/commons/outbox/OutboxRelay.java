package fr.somme.ent.commons.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import fr.somme.ent.commons.events.CloudEvent;
import fr.somme.ent.commons.repository.OutboxRepository;
import fr.somme.ent.commons.repository.OutboxRepository.PendingEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;

/**
 * Publishes the outbox to Kafka. Safe with several replicas: a transaction-scoped advisory lock lets
 * one relay at a time publish (which also keeps the order of events within a key), and rows are
 * claimed with {@code FOR UPDATE SKIP LOCKED}. The producer is idempotent with {@code acks=all}.
 * While Kafka is down, rows stay unpublished and are retried on every tick: an outage delays events,
 * it never loses them. Delivery is at least once; consumers skip repeats by event id.
 */
@ApplicationScoped
@Startup
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxRepository events;
    private final Clock clock;
    private final Map<String, Object> kafkaConfig;
    private final int batchSize;
    private final Duration retention;
    private final AtomicLong pending = new AtomicLong();
    private final MeterRegistry registry;
    private final Counter failures;
    private volatile KafkaProducer<String, String> producer;
    private volatile boolean shuttingDown;

    public OutboxRelay(OutboxRepository events, Clock clock, MeterRegistry registry,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "ent.outbox.batch-size", defaultValue = "200") int batchSize,
            @ConfigProperty(name = "ent.outbox.retention", defaultValue = "P7D") Duration retention) {
        this.events = events;
        this.clock = clock;
        this.kafkaConfig = Map.copyOf(kafkaConfig);
        this.batchSize = batchSize;
        this.retention = retention;
        this.registry = registry;
        this.failures = Counter.builder("ent.outbox.publish.failures").description("Failed attempts to publish an outbox event").register(registry);
        Gauge.builder("ent.outbox.pending", pending, AtomicLong::get).description("Events waiting in the outbox").register(registry);
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
            pending.set(QuarkusTransaction.requiringNew().call(events::countPending));
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

    /** @return how many events were published, or -1 when publishing failed */
    int relayBatch() {
        if (!events.tryRelayLock()) {
            return 0; // another replica is relaying
        }
        List<PendingEvent> rows = events.claimPending(batchSize);
        if (rows.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> futures = new ArrayList<>(rows.size());
        String error = null;
        try {
            KafkaProducer<String, String> p = producer();
            for (PendingEvent row : rows) {
                ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
                record.headers().add("content-type", CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                futures.add(p.send(record));
            }
            p.flush();
        } catch (RuntimeException e) {
            error = e.toString();
        }
        // Stamp the published prefix only, so a failed event is retried before anything after it.
        int done = 0;
        for (Future<RecordMetadata> future : futures) {
            try {
                future.get(30, TimeUnit.SECONDS);
                done++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = e.toString();
                break;
            } catch (ExecutionException | TimeoutException e) {
                error = String.valueOf(e.getCause() == null ? e : e.getCause());
                break;
            }
        }
        Instant now = clock.instant();
        for (int i = 0; i < done; i++) {
            events.markPublished(rows.get(i).seq(), now);
        }
        for (int i = 0; i < done; i++) {
            published(rows.get(i).topic(), rows.get(i).type()).increment();
        }
        if (done < rows.size()) {
            failures.increment();
            long failedSeq = rows.get(done).seq();
            events.markFailed(failedSeq, error);
            LOG.warnf("outbox: %d of %d events published, the rest is retried at the next tick: %s", done, rows.size(), error);
            resetProducer();
            return -1;
        }
        return done;
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    // The broker's connection and security settings (kafka.* and KAFKA_* config: bootstrap servers,
                    // TLS, SASL/SCRAM) are those every Kafka client of the service uses; delivery settings are ours.
                    Properties props = new Properties();
                    kafkaConfig.forEach((k, v) -> {
                        if (ProducerConfig.configNames().contains(k) || k.startsWith("ssl.") || k.startsWith("sasl.")) {
                            props.put(k, v);
                        }
                    });
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
                    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
                    props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
                    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
                    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
                    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
                    props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "2000");
                    props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
                    producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
                }
                p = producer;
            }
        }
        return p;
    }

    /** Events published, per topic and CloudEvent type: the business dashboard counts adhesions, decisions, deployments, calls with it. */
    private Counter published(String topic, String type) {
        return Counter.builder("ent.outbox.published").description("Events published from the outbox")
                .tag("topic", topic).tag("type", type).register(registry);
    }

    /** After a failed send the producer may be in a fatal state (fenced, out of sequence): start afresh. */
    private synchronized void resetProducer() {
        KafkaProducer<String, String> p = producer;
        producer = null;
        if (p != null) {
            p.close(Duration.ZERO);
        }
    }

    @PreDestroy
    void close() {
        KafkaProducer<String, String> p = producer;
        if (p != null) {
            p.close(Duration.ofSeconds(5));
        }
    }
}
