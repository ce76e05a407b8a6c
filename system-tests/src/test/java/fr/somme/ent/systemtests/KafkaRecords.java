package fr.somme.ent.systemtests;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import fr.somme.ent.testsupport.KafkaTestBroker;

/**
 * A plain Kafka client on the suite's broker for the system tests that need more than {@code TopicProbe}: records sent
 * to a chosen partition as raw bytes (hostile records), and every record of topics read to their end at once, without a
 * consumer group (the DLQs, the privacy scan).
 */
final class KafkaRecords implements AutoCloseable {

    /** Where a record landed. */
    record Sent(String topic, int partition, long offset) {
    }

    private final KafkaProducer<String, byte[]> producer;

    KafkaRecords() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends one record to {@code partition} with the structured-mode CloudEvents content type, and waits for its offset. */
    Sent send(String topic, int partition, String key, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, partition, key, value);
        record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
        try {
            RecordMetadata m = producer.send(record).get(30, TimeUnit.SECONDS);
            return new Sent(m.topic(), m.partition(), m.offset());
        } catch (Exception e) {
            throw new AssertionError("could not send to " + topic + "-" + partition, e);
        }
    }

    Sent send(String topic, int partition, String key, String value) {
        return send(topic, partition, key, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The number of partitions of {@code topic} (created by the services' consumers when they subscribed). */
    int partitions(String topic) {
        return producer.partitionsFor(topic).size();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** Every record of {@code topic} now, from the beginning of each partition to its end (none when it does not exist). */
    static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        return readAll(Set.of(topic));
    }

    static List<ConsumerRecord<String, byte[]>> readAll(Set<String> topics) {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(4 * 1024 * 1024));
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            Map<String, List<org.apache.kafka.common.PartitionInfo>> existing = consumer.listTopics(Duration.ofSeconds(10));
            List<TopicPartition> partitions = topics.stream().filter(existing::containsKey)
                    .flatMap(t -> existing.get(t).stream().map(p -> new TopicPartition(t, p.partition()))).toList();
            if (partitions.isEmpty()) {
                return out;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topics + " to its end within 60 s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    /** Every topic of the broker but Kafka's own. */
    static Set<String> allTopics() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS).stream().filter(t -> !t.startsWith("__"))
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
        } catch (Exception e) {
            throw new AssertionError("could not list the broker's topics", e);
        }
    }
}
