package fr.somme.ent.commons.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class RelayWorkerTest {

    @Test
    void a_burst_of_wake_ups_while_a_drain_runs_queues_exactly_one_more_drain() throws InterruptedException {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        try (RelayWorker worker = new RelayWorker("test-relay", () -> {
            int run = runs.incrementAndGet();
            if (run == 1) {
                firstStarted.countDown();
                await(release);
            } else {
                secondDone.countDown();
            }
        })) {
            assertTrue(worker.wake(), "the first wake-up queues a drain");
            assertTrue(firstStarted.await(10, TimeUnit.SECONDS));
            int queued = 0;
            for (int i = 0; i < 1000; i++) {
                queued += worker.wake() ? 1 : 0;
            }
            assertEquals(1, queued, "1,000 wake-ups during a drain queue one drain");
            release.countDown();
            assertTrue(secondDone.await(10, TimeUnit.SECONDS));
            worker.close(Duration.ofSeconds(5));
            assertEquals(2, runs.get());
            assertEquals(2, worker.drains());
        }
    }

    @Test
    void a_drain_that_throws_does_not_stop_the_worker() throws InterruptedException {
        CountDownLatch second = new CountDownLatch(2);
        try (RelayWorker worker = new RelayWorker("test-relay", () -> {
            second.countDown();
            throw new IllegalStateException("database down");
        })) {
            worker.wake();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> second.getCount() == 1 && worker.drains() == 1);
            worker.wake();
            assertTrue(second.await(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void a_delayed_wake_up_runs_a_drain_later_and_a_closed_worker_accepts_no_wake_up() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        RelayWorker worker = new RelayWorker("test-relay", ran::countDown);
        worker.wakeAfter(Duration.ofMillis(20));
        assertTrue(ran.await(10, TimeUnit.SECONDS));
        worker.close(Duration.ofSeconds(5));
        assertFalse(worker.wake(), "stopping: nothing is queued");
        worker.wakeAfter(Duration.ofMillis(1)); // dropped, does not throw
        assertEquals(1, worker.drains());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
