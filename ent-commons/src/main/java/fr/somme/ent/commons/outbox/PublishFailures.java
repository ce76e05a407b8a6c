package fr.somme.ent.commons.outbox;

import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * What a failed send of one outbox row means. A row that is too large, cannot be serialised, or goes to a topic the
 * service may not write (or a topic name Kafka refuses) fails again however often it is retried: it is parked
 * after {@link #shouldPark} says so. Anything else (broker down, leader election, timeout) is the broker's trouble,
 * not the row's: it is retried for as long as it takes and never parked.
 */
public final class PublishFailures {

    private PublishFailures() {
    }

    /** True when retrying cannot make this send succeed (looked for along the cause chain). */
    public static boolean retryCannotFix(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException
                    || t instanceof SerializationException || t instanceof AuthorizationException
                    || t instanceof InvalidTopicException) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param attempts   the attempts made so far, this one included
     * @param parkAfter  the attempts after which a row retrying cannot fix is parked (1: at once)
     * @param cannotFix  what {@link #retryCannotFix} said of this attempt's failure
     */
    public static boolean shouldPark(int attempts, int parkAfter, boolean cannotFix) {
        return cannotFix && attempts >= parkAfter;
    }

    /** A short reason for the row and the log: the innermost Kafka or serialisation message, at most 500 characters. */
    public static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + ": " + root.getMessage();
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
