package fr.somme.ent.bench;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;

import fr.somme.ent.bench.Suite.Service;

/**
 * What the campaign reads of the event pipeline after a fault: each service's outbox (ent-commons' {@code outbox_event}:
 * {@code state} PENDING / PUBLISHED / PARKED / DISCARDED), the records of the DLQ topics ({@code *.dlq}), the lag of
 * the services' consumer groups, and the events of a topic from its beginning (its own consumer, no group).
 */
final class Pipeline {

    /** The consumer groups of the four services. */
    static final List<String> GROUPS = List.of("membership-service", "project-validation-service", "provisioning-service",
            "billing-service");

    /** An outbox by state. */
    record Outbox(long pending, long parked, long published, long discarded) {
        @Override
        public String toString() {
            return pending + " pending, " + parked + " parked, " + published + " published"
                    + (discarded > 0 ? ", " + discarded + " discarded" : "");
        }
    }

    /** One record of a topic, its CloudEvent read. */
    record Event(String id, String type, String subject, String key, JsonNode data) {
    }

    private final String bootstrap;
    private final Db db;

    Pipeline(String bootstrap, Db db) {
        this.bootstrap = bootstrap;
        this.db = db;
    }

    Outbox outbox(Service s) throws SQLException {
        Map<String, Long> byState = new HashMap<>();
        for (Map<String, Object> row : db.rows(s, "SELECT state, count(*) AS n FROM outbox_event GROUP BY state")) {
            byState.put((String) row.get("state"), ((Number) row.get("n")).longValue());
        }
        return new Outbox(byState.getOrDefault("PENDING", 0L), byState.getOrDefault("PARKED", 0L),
                byState.getOrDefault("PUBLISHED", 0L), byState.getOrDefault("DISCARDED", 0L));
    }

    Map<Service, Outbox> outboxes() throws SQLException {
        Map<Service, Outbox> all = new LinkedHashMap<>();
        for (Service s : Service.values()) {
            all.put(s, outbox(s));
        }
        return all;
    }

    long pendingEverywhere() throws SQLException {
        long n = 0;
        for (Outbox o : outboxes().values()) {
            n += o.pending();
        }
        return n;
    }

    /** Records on every {@code *.dlq} topic, by topic (a topic not created yet holds none). */
    Map<String, Long> dlqRecords() {
        try (Admin admin = admin(); KafkaConsumer<String, String> consumer = consumer()) {
            Set<String> dlqs = new HashSet<>();
            for (String t : admin.listTopics().names().get(30, TimeUnit.SECONDS)) {
                if (t.endsWith(".dlq")) {
                    dlqs.add(t);
                }
            }
            Map<String, Long> records = new LinkedHashMap<>();
            for (String t : dlqs.stream().sorted().toList()) {
                long n = 0;
                List<TopicPartition> parts = partitions(admin, t);
                Map<TopicPartition, Long> begin = consumer.beginningOffsets(parts, Duration.ofSeconds(30));
                for (Map.Entry<TopicPartition, Long> e : consumer.endOffsets(parts, Duration.ofSeconds(30)).entrySet()) {
                    n += e.getValue() - begin.getOrDefault(e.getKey(), 0L);
                }
                records.put(t, n);
            }
            return records;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list the DLQ topics: " + e, e);
        }
    }

    static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Records not yet consumed (committed) by each service's group, over every partition of the topics the group
     * consumes (those it committed offsets for or is assigned).
     */
    Map<String, Long> lags() {
        try (Admin admin = admin(); KafkaConsumer<String, String> consumer = consumer()) {
            Map<String, Long> lags = new LinkedHashMap<>();
            Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(GROUPS).all().get(30, TimeUnit.SECONDS);
            for (String group : GROUPS) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                Set<String> topics = new HashSet<>();
                committed.keySet().forEach(tp -> topics.add(tp.topic()));
                ConsumerGroupDescription d = groups.get(group);
                if (d != null) {
                    for (MemberDescription m : d.members()) {
                        m.assignment().topicPartitions().forEach(tp -> topics.add(tp.topic()));
                    }
                }
                List<TopicPartition> parts = new ArrayList<>();
                for (String t : topics) {
                    parts.addAll(partitions(admin, t));
                }
                long lag = 0;
                for (Map.Entry<TopicPartition, Long> e : consumer.endOffsets(parts, Duration.ofSeconds(30)).entrySet()) {
                    OffsetAndMetadata c = committed.get(e.getKey());
                    lag += e.getValue() - (c == null ? 0 : c.offset());
                }
                lags.put(group, lag);
            }
            return lags;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the consumer groups: " + e, e);
        }
    }

    /** Every record of {@code topic} from its beginning up to its end at the time of the call. */
    List<Event> read(String topic) {
        try (Admin admin = admin(); KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> parts = partitions(admin, topic);
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts, Duration.ofSeconds(30));
            List<Event> events = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (parts.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within 2 minutes");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode e = Http.JSON.readTree(r.value());
                    events.add(new Event(e.path("id").asText(), e.path("type").asText(), e.path("subject").asText(),
                            r.key(), e.path("data")));
                }
            }
            return events;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a record of " + topic + " is not JSON: " + e, e);
        }
    }

    private List<TopicPartition> partitions(Admin admin, String topic) {
        try {
            TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
            return d.partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot describe " + topic + ": " + e, e);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000"));
    }

    private KafkaConsumer<String, String> consumer() {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        return new KafkaConsumer<>(c);
    }
}
