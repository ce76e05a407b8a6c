package fr.somme.ent.bench;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The campaign's bounded waits (Awaitility, no sleep). Unlike {@link Wait}, a condition that throws (a database being
 * restarted, a service not answering yet) only means "not yet"; the last failure is named if the wait times out.
 */
final class Poll {

    private Poll() {
    }

    static void until(String what, Duration atMost, Duration every, Callable<Boolean> condition) {
        AtomicReference<String> last = new AtomicReference<>();
        try {
            Awaitility.await(what).atMost(atMost).pollDelay(Duration.ZERO).pollInterval(every).pollInSameThread()
                    .until(() -> {
                        try {
                            return Boolean.TRUE.equals(condition.call());
                        } catch (Exception e) {
                            last.set(e.toString());
                            return false;
                        }
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(what + ": not reached within " + atMost.toSeconds() + " s"
                    + (last.get() != null ? " (last failure: " + last.get() + ")" : ""), e);
        }
    }

    /** Lets {@code duration} pass while {@code observer} runs every {@code every} (what a fault's outage looks like). */
    static void observe(Duration duration, Duration every, Runnable observer) {
        long end = System.nanoTime() + duration.toNanos();
        until("an observation of " + duration.toSeconds() + " s", duration.plusSeconds(30), every, () -> {
            try {
                observer.run();
            } catch (RuntimeException e) {
                // what cannot be observed during a fault is not observed: the time still passes
            }
            return System.nanoTime() >= end;
        });
    }
}
