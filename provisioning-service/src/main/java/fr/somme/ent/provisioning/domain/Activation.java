package fr.somme.ent.provisioning.domain;

import java.util.UUID;
import java.util.function.Predicate;

/**
 * The activation of an account by its user, reported by the ENT platform with the login and the activation code of
 * the login sheet (rule 12, art. 2; issue #14): the code is compared with the stored HMAC in constant time
 * ({@link ActivationCodes#matches}); {@value #MAX_FAILURES} wrong codes lock the account until a new code is issued.
 */
public final class Activation {

    public static final int MAX_FAILURES = 5;

    /** What an attempt did. Only {@code ACTIVATED} and {@code WRONG_CODE} change the account. */
    public enum Outcome {
        ACTIVATED, WRONG_CODE, LOCKED, ALREADY_ACTIVE, CLOSED, NO_CODE
    }

    /** The account as an activation sees it: its state, the HMAC of its code (null: none issued), failures so far. */
    public record Target(UUID accountId, AccountState state, String codeHash, int failures) {
    }

    /** The outcome and the failures counted after the attempt. */
    public record Result(Outcome outcome, int failures) {

        public int attemptsLeft() {
            return Math.max(0, MAX_FAILURES - failures);
        }

        /** True once the failures reached the limit: only a new code unlocks the account. */
        public boolean locked() {
            return failures >= MAX_FAILURES;
        }
    }

    private Activation() {
    }

    /**
     * One attempt. A closed or already active account, or one without a code, is refused without counting; a locked
     * account is refused without even looking at the code; a wrong code counts one failure.
     */
    public static Result attempt(Target t, Predicate<String> codeMatches) {
        if (t.state() == AccountState.CLOSED) {
            return new Result(Outcome.CLOSED, t.failures());
        }
        if (t.state() == AccountState.ACTIVE) {
            return new Result(Outcome.ALREADY_ACTIVE, t.failures());
        }
        if (t.failures() >= MAX_FAILURES) {
            return new Result(Outcome.LOCKED, t.failures());
        }
        if (t.codeHash() == null) {
            return new Result(Outcome.NO_CODE, t.failures());
        }
        if (codeMatches.test(t.codeHash())) {
            return new Result(Outcome.ACTIVATED, 0);
        }
        return new Result(Outcome.WRONG_CODE, t.failures() + 1);
    }
}
