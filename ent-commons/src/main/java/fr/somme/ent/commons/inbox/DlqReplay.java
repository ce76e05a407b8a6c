package fr.somme.ent.commons.inbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import fr.somme.ent.commons.events.CloudEventCodec;
import fr.somme.ent.commons.inbox.ConsumerMethods.Consumer;
import fr.somme.ent.commons.repository.ProcessedEventRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;

/**
 * Re-applies the records of a topic's DLQ through the service's consumer of that topic, from the DLQ's beginning:
 * idempotent (an event a consumer of this service already applied is only counted), so it can be run again after
 * each fix. The DLQ topic is shared by the services consuming the topic: records another service refused are
 * counted as already applied here, or skipped when their type is not for this service.
 */
@ApplicationScoped
public class DlqReplay {

    private static final Logger LOG = Logger.getLogger(DlqReplay.class);

    /** What a replay did. */
    public record Report(String topic, String dlqTopic, int read, int applied, int alreadyApplied, int skipped,
            List<Failure> stillFailing) {
    }

    /** A record that still cannot be applied, with the consumer's reason. */
    public record Failure(int partition, long offset, String eventId, String reason) {
    }

    private final ConsumerMethods consumers;
    private final ProcessedEventRepository processed;
    private final CloudEventCodec codec;
    private final Map<String, Object> kafkaConfig;
    private final int maxRecords;

    public DlqReplay(ConsumerMethods consumers, ProcessedEventRepository processed, CloudEventCodec codec,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "ent.dlq.replay.max-records", defaultValue = "10000") int maxRecords) {
        this.consumers = consumers;
        this.processed = processed;
        this.codec = codec;
        this.kafkaConfig = Map.copyOf(kafkaConfig);
        this.maxRecords = maxRecords;
    }

    /** Empty when this service does not consume {@code topic}. */
    public java.util.Optional<Report> replay(String topic) {
        return consumers.forTopic(topic).map(this::replay);
    }

    private Report replay(Consumer consumer) {
        int applied = 0;
        int already = 0;
        int skipped = 0;
        List<Failure> failing = new ArrayList<>();
        List<ConsumerRecord<String, String>> records = read(consumer.dlqTopic());
        for (ConsumerRecord<String, String> r : records) {
            String eventId;
            try {
                eventId = codec.read(r.value()).id();
            } catch (RuntimeException e) {
                failing.add(new Failure(r.partition(), r.offset(), null, e.getMessage()));
                continue;
            }
            if (appliedHere(eventId)) {
                already++;
                continue;
            }
            try {
                RetryTransientInterceptor.BOUND.set(3);
                consumers.deliver(consumer, r.value());
            } catch (Exception e) {
                failing.add(new Failure(r.partition(), r.offset(), eventId, String.valueOf(e.getMessage())));
                continue;
            } finally {
                RetryTransientInterceptor.BOUND.remove();
            }
            if (appliedHere(eventId)) {
                applied++;
            } else {
                skipped++;
            }
        }
        Report report = new Report(consumer.topic(), consumer.dlqTopic(), records.size(), applied, already, skipped, failing);
        LOG.infof("DLQ replay of %s: %d read, %d applied, %d already applied, %d skipped, %d still failing",
                report.dlqTopic(), report.read(), applied, already, skipped, failing.size());
        return report;
    }

    private boolean appliedHere(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> processed.applied(eventId));
    }

    /** Every record of the DLQ now (up to ent.dlq.replay.max-records), read without a consumer group. */
    List<ConsumerRecord<String, String>> read(String dlqTopic) {
        Properties props = new Properties();
        kafkaConfig.forEach((k, v) -> {
            if (ConsumerConfig.configNames().contains(k) || k.startsWith("ssl.") || k.startsWith("sasl.")) {
                props.put(k, v);
            }
        });
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "dlq-replay-" + UUID.randomUUID());
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(dlqTopic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(dlqTopic, p.partition())).toList();
            if (partitions.isEmpty()) {
                return out;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (out.size() < maxRecords && System.nanoTime() < deadline
                    && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(out::add);
            }
        }
        return out.size() > maxRecords ? out.subList(0, maxRecords) : out;
    }
}
