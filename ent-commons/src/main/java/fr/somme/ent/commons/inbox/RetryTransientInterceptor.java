package fr.somme.ent.commons.inbox;

import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Runs around (outside) {@code @Transactional} (whose priority is PLATFORM_BEFORE + 200), so that every attempt is
 * a new transaction. Settings: {@code ent.consumer.retry.initial-backoff} (200ms), {@code .max-backoff} (10s),
 * {@code .max-attempts} (0: until applied).
 */
@RetryTransient
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class RetryTransientInterceptor {

    private static final Logger LOG = Logger.getLogger(RetryTransientInterceptor.class);
    /** A bound for the calls of this thread (the DLQ replay must answer its operator): attempts, or null. */
    static final ThreadLocal<Integer> BOUND = new ThreadLocal<>();

    @Inject
    MeterRegistry registry;

    @Inject
    ShutdownSignal shutdown;

    @ConfigProperty(name = "ent.consumer.retry.initial-backoff", defaultValue = "200ms")
    Duration initial;

    @ConfigProperty(name = "ent.consumer.retry.max-backoff", defaultValue = "10s")
    Duration max;

    @ConfigProperty(name = "ent.consumer.retry.max-attempts", defaultValue = "0")
    int maxAttempts;

    @AroundInvoke
    Object retry(InvocationContext ctx) throws Exception {
        Integer bound = BOUND.get();
        RetryBackoff backoff = new RetryBackoff(initial, max, bound == null ? maxAttempts : bound);
        String where = ctx.getMethod().getDeclaringClass().getSimpleName() + "." + ctx.getMethod().getName();
        for (int failed = 1;; failed++) {
            try {
                return ctx.proceed();
            } catch (Exception e) {
                if (bound == null && shutdown.begun()) {
                    holdUntilTheProcessExits(where, e);
                }
                if (!TransientFailures.isTransient(e) || backoff.givesUpAfter(failed)) {
                    throw e;
                }
                Duration delay = backoff.delayAfter(failed);
                registry.counter("ent.consumer.transient.retries", "consumer", where).increment();
                LOG.warnf("%s: transient failure (attempt %d), retried in %d ms without moving on: %s", where, failed,
                        delay.toMillis(), e);
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException stopping) {
                    if (bound == null && shutdown.begun()) {
                        holdUntilTheProcessExits(where, e);
                    }
                    throw stopping;
                }
            }
        }
    }

    /**
     * The service is stopping and the record failed under it (e.g. "EntityManagerFactory is closed"): neither an
     * acknowledgement nor a nack (which would send a valid record to the DLQ). The record stays uncommitted and is
     * delivered again after the restart, where the idempotent inbox applies it once. The thread waits for the end of
     * the process, which the shutdown timeout or the orchestrator's kill brings.
     */
    private static void holdUntilTheProcessExits(String where, Exception e) {
        LOG.infof("%s: failed while the service stops (%s): the record is left unacknowledged and will be delivered again"
                + " after the restart", where, e.getClass().getSimpleName());
        while (true) {
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
            Thread.interrupted();
        }
    }
}
