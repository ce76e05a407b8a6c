package fr.somme.ent.membership.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.somme.ent.commons.rules.Rejection;

/** The adhesion's steps (art. 3, 6): each checks its rule, moves the state and returns the history entry. */
class AdhesionTest {

    private static final Instant AT = Instant.parse("2026-04-02T10:00:00Z");
    private static final LocalDate DELIBERATION = LocalDate.of(2026, 3, 12);

    @Test
    void adhesionBecomesEffectiveOnlyAfterTransmissionToControleDeLegalite() {
        Adhesion a = Adhesion.deliberated("218000198", "2026-042", DELIBERATION, AT);
        assertEquals(AdhesionState.USERS_DESIGNATED, a.usersDesignated(1, "2025-2026", "operator", AT).orElseThrow().toState);
        assertTrue(a.usersDesignated(2, "2025-2026", "operator", AT).isEmpty(), "only the first designation moves it on");

        AdhesionTransition signed = a.signCharter(LocalDate.of(2026, 3, 20), "operator", AT);
        assertEquals(List.of("CHARTER_SIGNED", "USERS_DESIGNATED", "CHARTER_SIGNED"),
                List.of(signed.action, signed.fromState.name(), signed.toState.name()));
        a.recordTransmission(Adhesion.Document.DELIBERATION, LocalDate.of(2026, 4, 2), "operator", AT);
        assertTrue(a.becomeEffectiveIfComplete("operator", AT).isEmpty());
        a.recordTransmission(Adhesion.Document.CHARTER, LocalDate.of(2026, 3, 25), "operator", AT);
        AdhesionTransition effective = a.becomeEffectiveIfComplete("operator", AT).orElseThrow();
        assertEquals("BECAME_EFFECTIVE", effective.action);
        assertEquals(AdhesionState.EFFECTIVE, a.state);
        assertEquals(LocalDate.of(2026, 4, 2), a.effectiveDate);
    }

    @Test
    void charterIsSignedAfterTheUsersAreDesignated() {
        Adhesion a = Adhesion.deliberated("218000198", "2026-042", DELIBERATION, AT);
        Rejection e = assertThrows(Rejection.class, () -> a.signCharter(LocalDate.of(2026, 3, 20), "operator", AT));
        assertEquals("users-not-designated", e.slug());
        assertEquals(Rejection.Kind.CONFLICT, e.kind());
        assertEquals(AdhesionState.DELIBERATED, a.state, "a refused step changes nothing");
    }

    @Test
    void onlyAnEffectiveAdhesionIsTerminated() {
        Adhesion a = Adhesion.deliberated("218000198", "2026-042", DELIBERATION, AT);
        Termination t = new Termination(Adhesion.TerminationParty.MEMBER, "general interest", LocalDate.of(2026, 8, 31), null, null);
        Rejection e = assertThrows(Rejection.class, () -> a.terminate(t, LocalDate.of(2026, 4, 2), "operator", AT));
        assertEquals("adhesion-not-effective", e.slug());
        assertEquals(Rejection.Kind.CONFLICT, e.kind());
    }
}
