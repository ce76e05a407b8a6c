package fr.somme.ent.commons.inbox;

import java.time.Duration;

/**
 * How a consumer retries a transient failure in place: the n-th retry waits {@code initial × 2^(n-1)}, never more than
 * {@code max}; {@code maxAttempts} 0 retries until the record is applied (a valid event is never dropped), a positive
 * value gives up after that many attempts (the record then goes to the DLQ, from where it can be replayed).
 */
public record RetryBackoff(Duration initial, Duration max, int maxAttempts) {

    public RetryBackoff {
        if (initial.isNegative() || max.compareTo(initial) < 0 || maxAttempts < 0) {
            throw new IllegalArgumentException("backoff needs 0 <= initial <= max and maxAttempts >= 0");
        }
    }

    /** The wait before the attempt after {@code failedAttempts} failed ones (1 or more). */
    public Duration delayAfter(int failedAttempts) {
        int doublings = Math.min(failedAttempts - 1, 30);
        long millis = initial.toMillis() << doublings;
        return millis > max.toMillis() || millis < 0 ? max : Duration.ofMillis(millis);
    }

    /** True when no further attempt is made after {@code failedAttempts} failed ones. */
    public boolean givesUpAfter(int failedAttempts) {
        return maxAttempts > 0 && failedAttempts >= maxAttempts;
    }
}
