package fr.somme.ent.billing.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import fr.somme.ent.commons.rules.Rejection;

/** Issue #13: the same Idempotency-Key answers the same request again and refuses another one. */
class IdempotentRequestTest {

    @Test
    void theSameKeyWithTheSameRequestGetsTheFirstAnswerAgain() {
        IdempotentRequest first = new IdempotentRequest("abc", 201, "{\"id\":1}");
        assertSame(first, first.replayFor("abc"));
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefused() {
        Rejection r = assertThrows(Rejection.class, () -> new IdempotentRequest("abc", 201, "{}").replayFor("abd"));
        assertEquals("idempotency-key-reused", r.slug());
        assertEquals(Rejection.Kind.RULE_NOT_SATISFIED, r.kind());
    }

    @Test
    void aKeyIsOneToTwoHundredPrintableCharacters() {
        assertDoesNotThrow(() -> IdempotentRequest.validKey("a"));
        assertDoesNotThrow(() -> IdempotentRequest.validKey("!~".repeat(100)));
        for (String bad : new String[] { "", " ", "a b", "x".repeat(201), "é", "a\u007f", "a\u0020" }) {
            Rejection r = assertThrows(Rejection.class, () -> IdempotentRequest.validKey(bad), bad);
            assertEquals("invalid-idempotency-key", r.slug());
            assertEquals(Rejection.Kind.INVALID_INPUT, r.kind());
        }
    }
}
