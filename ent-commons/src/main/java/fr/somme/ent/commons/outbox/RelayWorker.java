package fr.somme.ent.commons.outbox;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

/**
 * One thread that runs the relay's drain when woken, coalescing wake-ups: while a drain is queued, more wake-ups add
 * nothing; a wake-up that arrives while a drain runs queues exactly one more (the running drain may have read the
 * outbox before the commit that woke it). A burst of a thousand commits gives a few drains, not a thousand.
 */
final class RelayWorker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RelayWorker.class);

    private final ScheduledExecutorService executor;
    private final Runnable drain;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final AtomicLong drains = new AtomicLong();

    RelayWorker(String threadName, Runnable drain) {
        this.drain = drain;
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        pool.setRemoveOnCancelPolicy(true);
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.executor = pool;
    }

    /** Queues a drain unless one is already queued. @return true when this call queued it */
    boolean wake() {
        if (!queued.compareAndSet(false, true)) {
            return false;
        }
        try {
            executor.execute(this::run);
            return true;
        } catch (RejectedExecutionException e) {
            queued.set(false); // closed: the service is stopping
            return false;
        }
    }

    /** Wakes the worker after {@code delay} (e.g. another replica held the relay's lock). */
    void wakeAfter(Duration delay) {
        try {
            executor.schedule(this::wake, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("relay worker closed, delayed wake-up dropped");
        }
    }

    /** How many drains ran since the start. */
    long drains() {
        return drains.get();
    }

    private void run() {
        queued.set(false); // from here on, a wake-up queues another drain: it sees what this one might miss
        drains.incrementAndGet();
        try {
            drain.run();
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay drain failed, retried at the next wake-up or tick: %s", e.toString());
        }
    }

    /** Lets the running or queued drain end (up to {@code grace}), then interrupts it; delayed wake-ups are dropped. */
    void close(Duration grace) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
