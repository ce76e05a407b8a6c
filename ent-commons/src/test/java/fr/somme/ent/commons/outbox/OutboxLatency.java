package fr.somme.ent.commons.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.awaitility.Awaitility;

import fr.somme.ent.commons.repository.OutboxOperationRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Writes {@code count} events, one per transaction, at a fixed pace (as requests arrive, not in step with the relay),
 * waits until all are acknowledged, and reads how long each waited in the outbox: {@code published_at - created_at}
 * (both stamped by the service's clock). Commit → acknowledgement, the first hop of the event path.
 */
final class OutboxLatency {

    static final String TOPIC = "ent.commons-test.v1";
    static final String TYPE = "fr.ent.test.latency.v1";

    private OutboxLatency() {
    }

    /** @return the waits in milliseconds, sorted */
    static List<Long> measure(Outbox outbox, EntityManager em, int count, Duration every) {
        ConcurrentLinkedQueue<UUID> ids = new ConcurrentLinkedQueue<>();
        ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
        try {
            ScheduledFuture<?> writes = pace.scheduleAtFixedRate(() -> {
                if (ids.size() < count) {
                    String key = "latency-" + (ids.size() % 5);
                    ids.add(UUID.fromString(QuarkusTransaction.requiringNew()
                            .call(() -> outbox.publish(TOPIC, key, TYPE, key, Map.of("n", ids.size()))).id()));
                }
            }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
            Awaitility.await("all written").atMost(Duration.ofSeconds(60)).until(() -> ids.size() >= count);
            writes.cancel(false);
        } finally {
            pace.shutdownNow();
        }
        List<UUID> written = new ArrayList<>(ids);
        Awaitility.await("all acknowledged").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> waits(em, written).size() == written.size());
        List<Long> waits = new ArrayList<>(waits(em, written));
        Collections.sort(waits);
        return waits;
    }

    /** One event published first: the topic exists (auto-created) and the producer knows its partitions. */
    static void warmUp(Outbox outbox, OutboxOperationRepository rows) {
        UUID id = UUID.fromString(QuarkusTransaction.requiringNew().call(() -> outbox.publish(TOPIC, "warm-up", TYPE, "warm-up",
                Map.of("n", 0))).id());
        Awaitility.await("the warm-up event acknowledged").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> "PUBLISHED".equals(QuarkusTransaction.requiringNew().call(() -> rows.findForUpdate(id).orElseThrow().state())));
    }

    static long percentile(List<Long> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    private static List<Long> waits(EntityManager em, List<UUID> ids) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Tuple> rows = em.createNativeQuery("SELECT (extract(epoch FROM published_at - created_at) * 1000)::bigint AS wait_ms "
                    + "FROM outbox_event WHERE id = ANY(CAST(?1 AS uuid[])) AND state = 'PUBLISHED'", Tuple.class)
                    .setParameter(1, ids.stream().map(UUID::toString).toList().toString().replace('[', '{').replace(']', '}').replace(" ", ""))
                    .getResultList();
            return rows.stream().map(t -> t.get("wait_ms", Number.class).longValue()).toList();
        });
    }
}
