package fr.somme.ent.commons.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.somme.ent.commons.events.CloudEvent;
import fr.somme.ent.commons.repository.OutboxOperationRepository;
import fr.somme.ent.testsupport.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The relay is woken by the commit that wrote an outbox row: with a tick of 60 s (application.properties of the
 * tests), an event reaches Kafka within seconds only because of the wake-up.
 */
@QuarkusTest
class OutboxWakeUpIntegrationTest {

    private static final Logger LOG = Logger.getLogger(OutboxWakeUpIntegrationTest.class);
    private static final String TOPIC = OutboxLatency.TOPIC;
    private static final Duration WELL_UNDER_THE_TICK = Duration.ofSeconds(15);

    @Inject
    Outbox outbox;
    @Inject
    OutboxOperationRepository rows;
    @Inject
    MeterRegistry registry;
    @Inject
    EntityManager em;

    @BeforeEach
    void afterTheFirstTick() {
        // The first tick runs 1 s after the start, the next one 60 s later: from here on only a wake-up publishes.
        Awaitility.await("the first tick").atMost(Duration.ofSeconds(30)).until(() -> drains() >= 1);
        OutboxLatency.warmUp(outbox, rows);
    }

    @Test
    void a_committed_event_is_published_right_after_its_commit_without_waiting_for_the_tick() {
        String key = UUID.randomUUID().toString();
        CloudEvent event = QuarkusTransaction.requiringNew()
                .call(() -> outbox.publish(TOPIC, key, "fr.ent.test.woken.v1", key, Map.of("key", key)));

        ConsumerRecord<String, String> record = TopicProbe.awaitRecord(TOPIC, r -> r.value().contains(event.id()), WELL_UNDER_THE_TICK);

        assertEquals(key, record.key());
        assertEquals("PUBLISHED", state(event));
        assertTrue(registry.get("ent.outbox.wait").tag("topic", TOPIC).timer().count() >= 1, "the outbox wait is timed");
    }

    @Test
    void a_rolled_back_transaction_publishes_nothing() {
        String key = UUID.randomUUID().toString();
        AtomicReference<CloudEvent> written = new AtomicReference<>();
        assertThrows(QuarkusTransactionException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            written.set(outbox.publish(TOPIC, key, "fr.ent.test.rolled-back.v1", key, Map.of("key", key)));
            QuarkusTransaction.setRollbackOnly();
        }));
        CloudEvent rolledBack = written.get();
        // A later committed event of the same key: once it is on the topic, the relay has drained past the rollback.
        CloudEvent after = QuarkusTransaction.requiringNew()
                .call(() -> outbox.publish(TOPIC, key, "fr.ent.test.after-rollback.v1", key, Map.of("key", key)));
        TopicProbe.awaitRecord(TOPIC, r -> r.value().contains(after.id()), WELL_UNDER_THE_TICK);

        List<ConsumerRecord<String, String>> ofKey = TopicRecords.all(TOPIC).stream().filter(r -> key.equals(r.key())).toList();
        assertEquals(1, ofKey.size(), "only the committed event of the key is on the topic");
        assertTrue(ofKey.get(0).value().contains(after.id()));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> rows.findForUpdate(UUID.fromString(rolledBack.id()))).isEmpty(),
                "no outbox row for the rolled-back event");
    }

    @Test
    void events_written_in_one_batch_are_published_in_order_within_each_key() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<OutgoingEvent> outgoing = new ArrayList<>();
        for (int n = 0; n < 30; n++) {
            String key = run + "-" + (n % 3);
            outgoing.add(new OutgoingEvent(TOPIC, key, "fr.ent.test.batched.v1", key, Map.of("n", n)));
        }
        List<CloudEvent> written = QuarkusTransaction.requiringNew().call(() -> outbox.writeAll(outgoing));
        assertEquals(30, written.size());

        Set<String> ids = written.stream().map(CloudEvent::id).collect(Collectors.toSet());
        Awaitility.await("30 events acknowledged").atMost(WELL_UNDER_THE_TICK)
                .until(() -> written.stream().allMatch(e -> "PUBLISHED".equals(state(e))));
        List<ConsumerRecord<String, String>> records = TopicRecords.all(TOPIC).stream().filter(r -> r.key().startsWith(run)).toList();
        for (int k = 0; k < 3; k++) {
            String key = run + "-" + k;
            List<String> sentOrder = written.stream().filter(e -> key.equals(e.subject())).map(CloudEvent::id).toList();
            List<String> readOrder = records.stream().filter(r -> key.equals(r.key()))
                    .map(r -> sentOrder.stream().filter(id -> r.value().contains(id)).findFirst().orElseThrow()).toList();
            assertEquals(sentOrder, readOrder, "order of key " + key);
            assertEquals(10, readOrder.size());
        }
        assertTrue(records.stream().allMatch(r -> ids.stream().anyMatch(id -> r.value().contains(id))));
        assertEquals(30, records.size());
    }

    @Test
    void commit_to_acknowledgement_stays_well_under_the_tick_and_wake_ups_are_coalesced() {
        double drainsBefore = drains();
        List<Long> waits = OutboxLatency.measure(outbox, em, 50, Duration.ofMillis(40));
        double drainsDuring = drains() - drainsBefore;
        long p50 = OutboxLatency.percentile(waits, 0.5);
        long p99 = OutboxLatency.percentile(waits, 0.99);
        LOG.infof("outbox wait with wake-up after commit, 50 events every 40 ms: p50 %d ms, p99 %d ms, max %d ms, %s drains",
                p50, p99, waits.get(waits.size() - 1), drainsDuring);
        assertTrue(p99 < 5_000, "p99 " + p99 + " ms: the wake-up, not the 60 s tick, published them");
        assertTrue(drainsDuring <= 50, "at most one drain per commit: " + drainsDuring);
    }

    private double drains() {
        return registry.get("ent.outbox.drains").counter().count();
    }

    private String state(CloudEvent event) {
        return QuarkusTransaction.requiringNew().call(() -> rows.findForUpdate(UUID.fromString(event.id())).orElseThrow().state());
    }
}
