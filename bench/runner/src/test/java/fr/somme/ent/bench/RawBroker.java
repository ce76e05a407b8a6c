package fr.somme.ent.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The limit of row d: the broker's own rate in the same run. The same records (keys and CloudEvents) are produced
 * (idempotent producer, acks=all, as the services' relay) to a fresh topic with the same partition count while a
 * consumer (as a service's, default fetch settings) reads them; the time runs from the first send to the last record read.
 */
final class RawBroker {

    static final int PARTITIONS = 3;

    /** Records through the broker and the time it took. */
    record Result(int records, long nanos) {
        double perSecond() {
            return records / (nanos / 1e9);
        }
    }

    private final String bootstrap;

    RawBroker(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    Result run(List<String> keys, List<String> values) {
        String topic = "bench.raw." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create " + topic, e);
        }
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c);
                KafkaProducer<String, String> producer = new KafkaProducer<>(Events.producerProperties(bootstrap))) {
            List<TopicPartition> partitions = IntStream.range(0, PARTITIONS).mapToObj(p -> new TopicPartition(topic, p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            consumer.poll(Duration.ZERO);
            long t0 = System.nanoTime();
            CompletableFuture<Void> produced = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < keys.size(); i++) {
                    producer.send(new ProducerRecord<>(topic, keys.get(i), values.get(i)));
                }
                producer.flush();
            });
            long read = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (read < keys.size()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the raw consumer read " + read + " of " + keys.size() + " records");
                }
                read += consumer.poll(Duration.ofMillis(100)).count();
            }
            long nanos = System.nanoTime() - t0;
            produced.join();
            if (read != keys.size()) {
                throw new AssertionError("the raw consumer read " + read + " records, " + keys.size() + " were produced");
            }
            return new Result(keys.size(), nanos);
        }
    }
}
