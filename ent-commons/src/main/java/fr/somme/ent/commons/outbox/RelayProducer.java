package fr.somme.ent.commons.outbox;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import io.smallrye.common.annotation.Identifier;

/** The relay's idempotent Kafka producer ({@code acks=all}), created on first use and started afresh after a broker failure. */
@ApplicationScoped
public class RelayProducer {

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
