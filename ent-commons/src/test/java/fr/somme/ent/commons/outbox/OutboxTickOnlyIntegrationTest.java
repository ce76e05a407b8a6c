package fr.somme.ent.commons.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import fr.somme.ent.commons.repository.OutboxOperationRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The tick is the fallback: with the wake-up after commit turned off ({@code ent.outbox.wake-on-commit=false}), the
 * relay still publishes everything at its tick (1 s here, the default) — the way it worked before the wake-up, and the
 * baseline of the latency figure.
 */
@QuarkusTest
@TestProfile(OutboxTickOnlyIntegrationTest.TickOnly.class)
class OutboxTickOnlyIntegrationTest {

    private static final Logger LOG = Logger.getLogger(OutboxTickOnlyIntegrationTest.class);

    public static class TickOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ent.outbox.wake-on-commit", "false", "ent.outbox.relay-every", "1s");
        }
    }

    @Inject
    Outbox outbox;
    @Inject
    EntityManager em;
    @Inject
    OutboxOperationRepository rows;

    @Test
    void without_the_wake_up_the_tick_still_publishes_every_committed_event() {
        OutboxLatency.warmUp(outbox, rows);
        List<Long> waits = OutboxLatency.measure(outbox, em, 50, Duration.ofMillis(40));
        long p50 = OutboxLatency.percentile(waits, 0.5);
        long p99 = OutboxLatency.percentile(waits, 0.99);
        LOG.infof("outbox wait with the 1 s tick only, 50 events every 40 ms: p50 %d ms, p99 %d ms, max %d ms",
                p50, p99, waits.get(waits.size() - 1));
        assertEquals(50, waits.size());
        assertTrue(p99 < 10_000, "p99 " + p99 + " ms");
    }
}
