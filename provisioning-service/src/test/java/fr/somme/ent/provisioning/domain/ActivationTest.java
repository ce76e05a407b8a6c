package fr.somme.ent.provisioning.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import fr.somme.ent.provisioning.domain.Activation.Outcome;
import fr.somme.ent.provisioning.domain.Activation.Result;
import fr.somme.ent.provisioning.domain.Activation.Target;

/** Activation with the code (issue #14): right code activates, 5 wrong codes lock until a new code is issued. */
class ActivationTest {

    static final ActivationCodes CODES = new ActivationCodes("a-test-key-of-enough-length");
    static final String CODE = "ABCD2345";
    static final UUID ID = UUID.randomUUID();

    static Target pending(int failures) {
        return new Target(ID, AccountState.PENDING_ACTIVATION, CODES.hash(CODE), failures);
    }

    static Predicate<String> typed(String code) {
        return hash -> CODES.matches(code, hash);
    }

    @Test
    void theRightCodeActivatesAPendingAccountAndForgetsEarlierFailures() {
        Result r = Activation.attempt(pending(Activation.MAX_FAILURES - 1), typed(CODE));
        assertEquals(Outcome.ACTIVATED, r.outcome());
        assertEquals(0, r.failures());
        assertEquals(Activation.MAX_FAILURES, r.attemptsLeft());
        assertFalse(r.locked());
        assertEquals(Outcome.ACTIVATED, Activation.attempt(pending(0), typed(" abcd2345 ")).outcome(), "case and spaces ignored");
    }

    @Test
    void fiveWrongCodesLockTheAccountUntilANewCodeIsIssued() {
        Target t = pending(0);
        for (int i = 1; i <= Activation.MAX_FAILURES; i++) {
            Result r = Activation.attempt(t, typed("WRONG234"));
            assertEquals(Outcome.WRONG_CODE, r.outcome());
            assertEquals(i, r.failures());
            assertEquals(Activation.MAX_FAILURES - i, r.attemptsLeft());
            assertEquals(i == Activation.MAX_FAILURES, r.locked(), "locked exactly at the fifth failure");
            t = new Target(ID, t.state(), t.codeHash(), r.failures());
        }
        AtomicInteger compared = new AtomicInteger();
        Result locked = Activation.attempt(t, hash -> compared.incrementAndGet() > 0);
        assertEquals(Outcome.LOCKED, locked.outcome(), "even the right code is refused once locked");
        assertEquals(Activation.MAX_FAILURES, locked.failures(), "nothing more counted");
        assertEquals(0, locked.attemptsLeft());
        assertTrue(locked.locked());
        assertEquals(0, compared.get(), "a locked account's code is not even compared");
        assertEquals(Outcome.ACTIVATED, Activation.attempt(pending(0), typed(CODE)).outcome(),
                "a new code (failures back to 0) unlocks it");
        assertEquals(0, new Result(Outcome.WRONG_CODE, Activation.MAX_FAILURES + 1).attemptsLeft(), "never negative");
    }

    @Test
    void closedActiveOrCodelessAccountsAreRefusedWithoutCounting() {
        Result closed = Activation.attempt(new Target(ID, AccountState.CLOSED, CODES.hash(CODE), 2), typed(CODE));
        assertEquals(new Result(Outcome.CLOSED, 2), closed);
        Result active = Activation.attempt(new Target(ID, AccountState.ACTIVE, null, 1), typed(CODE));
        assertEquals(new Result(Outcome.ALREADY_ACTIVE, 1), active);
        Result noCode = Activation.attempt(new Target(ID, AccountState.PENDING_ACTIVATION, null, 3), hash -> true);
        assertEquals(new Result(Outcome.NO_CODE, 3), noCode);
        Result closedAndLocked = Activation.attempt(new Target(ID, AccountState.CLOSED, null, 5), typed(CODE));
        assertEquals(Outcome.CLOSED, closedAndLocked.outcome());
        Result activeAndLocked = Activation.attempt(new Target(ID, AccountState.ACTIVE, null, 5), typed(CODE));
        assertEquals(Outcome.ALREADY_ACTIVE, activeAndLocked.outcome());
        Result lockedWithoutCode = Activation.attempt(new Target(ID, AccountState.PENDING_ACTIVATION, null, 5), typed(CODE));
        assertEquals(Outcome.LOCKED, lockedWithoutCode.outcome());
    }

    @Test
    void theCodeIsComparedWithTheStoredHmacWhereverTheyDiffer() {
        String stored = CODES.hash(CODE);
        assertTrue(CODES.matches(CODE, stored));
        assertTrue(CODES.matches("abcd2345", stored));
        // a code differing in its first or its last character is refused alike
        assertFalse(CODES.matches("BBCD2345", stored));
        assertFalse(CODES.matches("ABCD2346", stored));
        // a stored HMAC differing in its first or its last byte, shorter, longer or not hex: no match
        String firstByte = (stored.charAt(0) == '0' ? "1" : "0") + stored.substring(1);
        String lastByte = stored.substring(0, 63) + (stored.charAt(63) == '0' ? "1" : "0");
        assertFalse(CODES.matches(CODE, firstByte));
        assertFalse(CODES.matches(CODE, lastByte));
        assertFalse(CODES.matches(CODE, stored.substring(0, 62)));
        assertFalse(CODES.matches(CODE, stored + "00"));
        assertFalse(CODES.matches(CODE, "zz" + stored.substring(2)));
        assertFalse(CODES.matches(CODE, ""));
        assertTrue(CODES.matches(CODE, stored.toUpperCase()), "hex case does not matter");
        assertFalse(CODES.matches(null, stored));
        assertFalse(CODES.matches(CODE, null));
    }
}
