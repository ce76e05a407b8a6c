package fr.somme.ent.commons.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    private final RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(200), Duration.ofSeconds(10), 0);

    @Test
    void theWaitDoublesFromTheInitialOne() {
        assertEquals(Duration.ofMillis(200), backoff.delayAfter(1));
        assertEquals(Duration.ofMillis(400), backoff.delayAfter(2));
        assertEquals(Duration.ofMillis(800), backoff.delayAfter(3));
        assertEquals(Duration.ofMillis(6400), backoff.delayAfter(6));
    }

    @Test
    void theWaitNeverExceedsTheMaximum() {
        assertEquals(Duration.ofSeconds(10), backoff.delayAfter(7));
        assertEquals(Duration.ofSeconds(10), backoff.delayAfter(1000));
        assertEquals(Duration.ofMillis(10_000), new RetryBackoff(Duration.ofMillis(10_000), Duration.ofSeconds(10), 0).delayAfter(1));
    }

    @Test
    void noInitialWaitRetriesAtOnce() {
        assertEquals(Duration.ZERO, new RetryBackoff(Duration.ZERO, Duration.ofSeconds(1), 0).delayAfter(3));
    }

    @Test
    void zeroAttemptsRetriesUntilApplied() {
        assertFalse(backoff.givesUpAfter(1_000_000));
    }

    @Test
    void aPositiveBoundGivesUpAtThatAttempt() {
        RetryBackoff bounded = new RetryBackoff(Duration.ofMillis(1), Duration.ofMillis(5), 3);
        assertFalse(bounded.givesUpAfter(2));
        assertTrue(bounded.givesUpAfter(3));
        assertTrue(bounded.givesUpAfter(4));
    }

    @Test
    void anInconsistentBackoffIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RetryBackoff(Duration.ofMillis(-1), Duration.ofSeconds(1), 0));
        assertThrows(IllegalArgumentException.class, () -> new RetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0));
        assertThrows(IllegalArgumentException.class, () -> new RetryBackoff(Duration.ofMillis(1), Duration.ofSeconds(1), -1));
        new RetryBackoff(Duration.ZERO, Duration.ZERO, 0);
        new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 0);
    }
}
