package fr.somme.ent.membership.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.function.Executable;

import fr.somme.ent.commons.rules.Rejection;

/** Helpers of the domain tests: a refusal with its slug and kind (409, 422 or 400 at the edge), adhesions in a given step. */
final class Refusals {

    static final Instant AT = Instant.parse("2026-10-05T08:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 10, 5);
    static final LocalDate DELIBERATION = LocalDate.of(2026, 3, 12);

    private Refusals() {
    }

    static Rejection refused(String slug, Rejection.Kind kind, Executable step) {
        Rejection e = assertThrows(Rejection.class, step);
        assertEquals(slug, e.slug());
        assertEquals(kind, e.kind());
        return e;
    }

    static Rejection conflict(String slug, Executable step) {
        return refused(slug, Rejection.Kind.CONFLICT, step);
    }

    static Rejection notSatisfied(String slug, Executable step) {
        return refused(slug, Rejection.Kind.RULE_NOT_SATISFIED, step);
    }

    /** An adhesion as stored in the given state (dates as far as that state implies), without going through its steps. */
    static Adhesion inState(AdhesionState state) {
        Adhesion a = new Adhesion();
        a.id = UUID.randomUUID();
        a.memberId = "218000198";
        a.state = state;
        a.deliberationDate = DELIBERATION;
        if (state.compareTo(AdhesionState.CHARTER_SIGNED) >= 0) {
            a.charterSignedOn = LocalDate.of(2026, 3, 20);
        }
        if (state.compareTo(AdhesionState.EFFECTIVE) >= 0) {
            a.deliberationTransmittedOn = LocalDate.of(2026, 4, 2);
            a.charterTransmittedOn = LocalDate.of(2026, 3, 25);
            a.effectiveDate = LocalDate.of(2026, 4, 2);
        }
        return a;
    }
}
