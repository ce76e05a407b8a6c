package fr.somme.ent.commons.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import fr.somme.ent.commons.events.CloudEvent;
import fr.somme.ent.commons.repository.OutboxRepository.PendingEvent;
import io.smallrye.common.annotation.Identifier;

/** The relay's idempotent Kafka producer ({@code acks=all}), created on first use and started afresh after a broker failure. */
@ApplicationScoped
public class RelayProducer {

    private static final Logger LOG = Logger.getLogger(RelayProducer.class);

    private final Map<String, Object> kafkaConfig;
    private volatile KafkaProducer<String, String> producer;

    public RelayProducer(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.kafkaConfig = Map.copyOf(kafkaConfig);
    }

    KafkaProducer<String, String> get() {
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

    /** Sends the rows together and waits for each acknowledgement: per row, null when acknowledged, else the failure. */
    List<Throwable> sendAll(List<PendingEvent> rows) {
        List<Future<RecordMetadata>> futures = new ArrayList<>(rows.size());
        List<Throwable> failures = new ArrayList<>(rows.size());
        KafkaProducer<String, String> p;
        try {
            p = get();
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

    /** After a failed send the producer may be in a fatal state (fenced, out of sequence): start afresh. */
    synchronized void reset() {
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
