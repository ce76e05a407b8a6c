package fr.somme.ent.commons.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;

import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class PublishFailuresTest {

    @Test
    void aRecordTooLargeNotSerialisableOrNotAuthorisedCannotBeFixedByRetrying() {
        assertTrue(PublishFailures.retryCannotFix(new RecordTooLargeException("1.5 MB")));
        assertTrue(PublishFailures.retryCannotFix(new RecordBatchTooLargeException("batch")));
        assertTrue(PublishFailures.retryCannotFix(new SerializationException("bad")));
        assertTrue(PublishFailures.retryCannotFix(new TopicAuthorizationException("ent.membership.v1")));
        assertTrue(PublishFailures.retryCannotFix(new InvalidTopicException("bad name")));
    }

    @Test
    void theCauseChainIsSearched() {
        assertTrue(PublishFailures.retryCannotFix(new ExecutionException(new RecordTooLargeException("big"))));
        assertTrue(PublishFailures.retryCannotFix(new RuntimeException(new ExecutionException(new SerializationException("x")))));
    }

    @Test
    void theBrokersTroubleIsRetriedNeverParked() {
        assertFalse(PublishFailures.retryCannotFix(new TimeoutException("metadata")));
        assertFalse(PublishFailures.retryCannotFix(new NetworkException("down")));
        assertFalse(PublishFailures.retryCannotFix(new NotLeaderOrFollowerException("election")));
        assertFalse(PublishFailures.retryCannotFix(new ExecutionException(new NetworkException("down"))));
        assertFalse(PublishFailures.retryCannotFix(new IllegalStateException("closed")));
    }

    @Test
    void aRowRetryingCannotFixIsParkedFromTheNthAttemptOn() {
        assertFalse(PublishFailures.shouldPark(2, 3, true));
        assertTrue(PublishFailures.shouldPark(3, 3, true));
        assertTrue(PublishFailures.shouldPark(4, 3, true));
        assertTrue(PublishFailures.shouldPark(1, 1, true), "1: parked at once");
    }

    @Test
    void aRowTheBrokerCouldNotTakeIsNeverParked() {
        assertFalse(PublishFailures.shouldPark(3, 3, false));
        assertFalse(PublishFailures.shouldPark(1000, 1, false));
    }

    @Test
    void theReasonNamesTheInnermostFailure() {
        assertEquals("RecordTooLargeException: The message is 1500000 bytes",
                PublishFailures.reason(new ExecutionException(new RecordTooLargeException("The message is 1500000 bytes"))));
        assertEquals("NetworkException: down", PublishFailures.reason(new NetworkException("down")));
    }

    @Test
    void theReasonIsAtMost500Characters() {
        assertEquals(500, PublishFailures.reason(new RecordTooLargeException("x".repeat(2000))).length());
        String exact = "x".repeat(500 - "SerializationException: ".length());
        assertEquals("SerializationException: " + exact, PublishFailures.reason(new SerializationException(exact)));
    }
}
