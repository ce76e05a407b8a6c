package fr.somme.ent.billing.domain;

import fr.somme.ent.commons.rules.Rejection;

/**
 * Idempotency-Key of a money-moving request: the same key with the same request gets the first answer again (status and
 * body), the same key with another request (method, path or body) is refused, and nothing changes.
 */
public record IdempotentRequest(String requestHash, int status, String body) {

    public static final int MAX_KEY_LENGTH = 200;

    /** A key is 1 to 200 printable characters. */
    public static void validKey(String key) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(ch -> ch >= 0x21 && ch <= 0x7e)) {
            throw Rejection.invalidInput("invalid-idempotency-key",
                    "an Idempotency-Key is 1 to " + MAX_KEY_LENGTH + " printable ASCII characters without blanks");
        }
    }

    /** The first answer for this key when the request is the same one; a refusal when it is another one. */
    public IdempotentRequest replayFor(String otherRequestHash) {
        if (!requestHash.equals(otherRequestHash)) {
            throw Rejection.ruleNotSatisfied("idempotency-key-reused",
                    "this Idempotency-Key was used for another request: use a new key for a new request");
        }
        return this;
    }
}
