package fr.somme.ent.bench;

import java.time.Duration;
import java.util.concurrent.Callable;

import org.awaitility.Awaitility;

/** Bounded waits (Awaitility, no sleep): polls the condition from the calling thread at a fixed interval. */
final class Wait {

    private Wait() {
    }

    static void until(String what, Duration atMost, Duration every, Callable<Boolean> condition) {
        Awaitility.await(what).atMost(atMost).pollDelay(Duration.ZERO).pollInterval(every).pollInSameThread()
                .until(condition);
    }
}
