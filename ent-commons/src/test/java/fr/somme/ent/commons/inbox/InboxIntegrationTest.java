package fr.somme.ent.commons.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import fr.somme.ent.commons.events.CloudEvent;
import fr.somme.ent.commons.events.CloudEventCodec;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.test.junit.QuarkusTest;

/** processed_event is pruned after the retention (P35D by default; batches of 3 in the tests), and first deliveries are timed. */
@QuarkusTest
class InboxIntegrationTest {

    @Inject
    Inbox inbox;
    @Inject
    InboxPruner pruner;
    @Inject
    CloudEventCodec codec;
    @Inject
    MeterRegistry registry;
    @Inject
    EntityManager em;

    @Test
    void processed_events_older_than_the_retention_are_pruned_and_a_repeat_of_a_recent_one_is_still_skipped() {
        String consumer = "prune-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> old = List.of(id(), id(), id(), id(), id(), id(), id());
        old.forEach(id -> insertProcessed(consumer, id, Instant.now().minus(Duration.ofDays(40))));
        insertProcessed(consumer, "just-kept-" + id(), Instant.now().minus(Duration.ofDays(34)));
        CloudEvent recent = event(Instant.now());
        assertTrue(QuarkusTransaction.requiringNew().call(() -> inbox.firstDelivery(consumer, codec.write(recent))).isPresent());

        long deleted = pruner.prune();

        assertTrue(deleted >= old.size(), "the 7 old rows (in batches of 3) and nothing else of this consumer: " + deleted);
        assertEquals(2, processedRows(consumer), "the row of 34 days and the recent one are kept");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> inbox.firstDelivery(consumer, codec.write(recent))).isEmpty(),
                "a repeat of a recent event is still skipped");
        assertEquals(0, pruner.prune(), "nothing more to prune");
    }

    @Test
    void a_first_delivery_is_timed_from_its_cloud_event_time_once_committed_and_never_when_rolled_back() {
        String consumer = "lag-" + UUID.randomUUID().toString().substring(0, 8);
        CloudEvent applied = event(Instant.now().minusMillis(1500));
        CloudEvent rolledBack = event(Instant.now());

        QuarkusTransaction.requiringNew().run(() -> inbox.firstDelivery(consumer, codec.write(applied)));
        assertThrows(QuarkusTransactionException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            inbox.firstDelivery(consumer, codec.write(rolledBack));
            QuarkusTransaction.setRollbackOnly();
        }));
        QuarkusTransaction.requiringNew().run(() -> inbox.firstDelivery(consumer, codec.write(applied))); // a repeat

        Timer lag = registry.get("ent.event.lag").tag("consumer", consumer).tag("type", applied.type()).timer();
        assertEquals(1, lag.count(), "one event applied once");
        assertTrue(lag.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS) >= 1500, "from its CloudEvent time");
    }

    private CloudEvent event(Instant time) {
        return new CloudEvent(CloudEvent.SPEC_VERSION, id(), "/ent/test", "fr.ent.test.inbox.v1", "s", time, CloudEvent.JSON,
                JsonNodeFactory.instance.objectNode().put("n", 1));
    }

    private void insertProcessed(String consumer, String eventId, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO processed_event (consumer, event_id, event_type, "
                + "processed_at) VALUES (?1, ?2, 'fr.ent.test.inbox.v1', ?3)").setParameter(1, consumer).setParameter(2, eventId)
                .setParameter(3, java.sql.Timestamp.from(at)).executeUpdate());
    }

    private long processedRows(String consumer) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM processed_event WHERE consumer = ?1").setParameter(1, consumer).getSingleResult()).longValue());
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
