package fr.somme.ent.membership.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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

    @Test
    void aDeliberationOpensTheAdhesionAndItsHistory() {
        Adhesion a = Adhesion.deliberated("218000198", "2026-042", DELIBERATION, AT);
        assertEquals(List.of("218000198", "2026-042", DELIBERATION, AdhesionState.DELIBERATED, AT),
                List.of(a.memberId, a.deliberationNumber, a.deliberationDate, a.state, a.createdAt));
        assertTrue(a.charterApproved && a.executiveAuthorised);
        AdhesionTransition t = a.deliberationRecorded("agent-1", AT);
        assertEquals(List.of(a.id, "DELIBERATION_RECORDED", AdhesionState.DELIBERATED, "agent-1", AT, "deliberation 2026-042 of 2026-03-12"),
                List.of(t.adhesionId, t.action, t.toState, t.actor, t.at, t.detail));
        assertNull(t.fromState);
    }

    @Test
    void theFirstDesignationMovesTheAdhesionOnAndLaterOnesDoNot() {
        Adhesion a = Adhesion.deliberated("218000198", "2026-042", DELIBERATION, AT);
        AdhesionTransition t = a.usersDesignated(3, "2026-2027", "op-1", AT).orElseThrow();
        assertEquals(List.of("USERS_DESIGNATED", AdhesionState.DELIBERATED, AdhesionState.USERS_DESIGNATED, "3 school(s) for 2026-2027"),
                List.of(t.action, t.fromState, t.toState, t.detail));
        assertEquals(AdhesionState.USERS_DESIGNATED, a.state);
        Adhesion effective = Refusals.inState(AdhesionState.EFFECTIVE);
        assertTrue(effective.usersDesignated(1, "2027-2028", "op-1", AT).isEmpty());
        assertEquals(AdhesionState.EFFECTIVE, effective.state);
    }

    @Test
    void aRefusedSignatureChangesNothing() {
        Adhesion a = Adhesion.deliberated("218000198", "2026-042", DELIBERATION, AT);
        a.usersDesignated(1, "2026-2027", "op-1", AT);
        Refusals.notSatisfied("charter-signed-before-deliberation", () -> a.signCharter(DELIBERATION.minusDays(1), "op-1", AT));
        assertEquals(AdhesionState.USERS_DESIGNATED, a.state);
        assertNull(a.charterSignedOn);
        a.signCharter(DELIBERATION, "op-1", AT);
        assertEquals(DELIBERATION, a.charterSignedOn);
        Refusals.conflict("charter-already-signed", () -> a.signCharter(DELIBERATION.plusDays(1), "op-1", AT));
        assertEquals(DELIBERATION, a.charterSignedOn);
    }

    @Test
    void eachTransmissionIsRecordedOnceOnItsOwnDate() {
        Adhesion a = Refusals.inState(AdhesionState.USERS_DESIGNATED);
        Refusals.conflict("charter-not-signed", () -> a.recordTransmission(Adhesion.Document.CHARTER, LocalDate.of(2026, 3, 25), "op-1", AT));
        assertNull(a.charterTransmittedOn);
        AdhesionTransition t = a.recordTransmission(Adhesion.Document.DELIBERATION, LocalDate.of(2026, 3, 15), "op-1", AT);
        assertEquals(List.of("DELIBERATION_TRANSMITTED", AdhesionState.USERS_DESIGNATED, AdhesionState.USERS_DESIGNATED),
                List.of(t.action, t.fromState, t.toState));
        assertEquals(LocalDate.of(2026, 3, 15), a.deliberationTransmittedOn);
        assertNull(a.charterTransmittedOn);
        Refusals.conflict("already-transmitted", () -> a.recordTransmission(Adhesion.Document.DELIBERATION, LocalDate.of(2026, 3, 16), "op-1", AT));
        assertEquals(LocalDate.of(2026, 3, 15), a.deliberationTransmittedOn);

        a.signCharter(LocalDate.of(2026, 3, 20), "op-1", AT);
        Refusals.notSatisfied("charter-transmitted-before-signature",
                () -> a.recordTransmission(Adhesion.Document.CHARTER, LocalDate.of(2026, 3, 19), "op-1", AT));
        assertNull(a.charterTransmittedOn);
        assertEquals("CHARTER_TRANSMITTED", a.recordTransmission(Adhesion.Document.CHARTER, LocalDate.of(2026, 3, 25), "op-1", AT).action);
        assertEquals(LocalDate.of(2026, 3, 25), a.charterTransmittedOn);
        assertEquals(LocalDate.of(2026, 3, 15), a.deliberationTransmittedOn);
        assertEquals(AdhesionState.CHARTER_SIGNED, a.state, "a transmission alone does not make it effective");
        AdhesionTransition effective = a.becomeEffectiveIfComplete("op-1", AT).orElseThrow();
        assertEquals(List.of(AdhesionState.CHARTER_SIGNED, AdhesionState.EFFECTIVE, "effective on 2026-03-25"),
                List.of(effective.fromState, effective.toState, effective.detail));
    }

    private static final LocalDate TODAY = LocalDate.of(2026, 10, 5);

    @Test
    void aMemberTerminatesAnEffectiveAdhesion() {
        Adhesion a = Refusals.inState(AdhesionState.EFFECTIVE);
        Termination t = new Termination(Adhesion.TerminationParty.MEMBER, "general interest", LocalDate.of(2027, 8, 31), null, null);
        AdhesionTransition step = a.terminate(t, TODAY, "op-1", AT);
        assertEquals(List.of("TERMINATED", AdhesionState.EFFECTIVE, AdhesionState.TERMINATED, "op-1"),
                List.of(step.action, step.fromState, step.toState, step.actor));
        assertEquals(AdhesionState.TERMINATED, a.state);
        assertNotNull(a.terminationId);
        assertEquals(List.of(Adhesion.TerminationParty.MEMBER, "general interest", LocalDate.of(2027, 8, 31)),
                List.of(a.terminationInitiatedBy, a.terminationReason, a.terminationEffectiveDate));
        Refusals.conflict("adhesion-terminated", () -> a.terminate(t, TODAY, "op-1", AT));
    }

    @Test
    void theSyndicatTerminatesAfterAFailedAttemptAtAgreementThatIsNotInTheFuture() {
        Adhesion a = Refusals.inState(AdhesionState.EFFECTIVE); // effective on 2026-04-02
        LocalDate end = LocalDate.of(2027, 8, 31);
        Refusals.notSatisfied("agreement-attempt-required", () -> a.terminate(
                new Termination(Adhesion.TerminationParty.SYNDICAT, "non-respect", end, null, null), TODAY, "op-1", AT));
        Refusals.notSatisfied("termination-before-adhesion-effective", () -> a.terminate(new Termination(Adhesion.TerminationParty.MEMBER,
                null, "general interest", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 3, 1), null, null), TODAY, "op-1", AT));
        Refusals.notSatisfied("date-in-future", () -> a.terminate(
                new Termination(Adhesion.TerminationParty.SYNDICAT, "non-respect", end, TODAY.plusDays(1), "meeting"), TODAY, "op-1", AT));
        assertEquals(AdhesionState.EFFECTIVE, a.state, "a refused termination changes nothing");
        assertNull(a.terminationId);
        a.terminate(new Termination(Adhesion.TerminationParty.SYNDICAT, "non-respect", end, TODAY, "meeting"), TODAY, "op-1", AT);
        assertEquals(List.of(TODAY, "meeting"), List.of(a.agreementAttemptFailedOn, a.agreementAttemptSummary));
        assertEquals(List.of(TerminationGround.NON_COMPLIANCE, TODAY), List.of(a.terminationGround, a.terminationDecidedOn));
    }

    @Test
    void theTerminationIsDecidedTodayUnlessADecisionDateIsGivenAndNeverTakesEffectBeforeIt() {
        LocalDate decided = LocalDate.of(2026, 9, 1);
        Adhesion a = Refusals.inState(AdhesionState.EFFECTIVE);
        Refusals.notSatisfied("termination-before-decision", () -> a.terminate(new Termination(null,
                TerminationGround.GENERAL_INTEREST, "general interest", decided.minusDays(1), decided, null, null), TODAY, "op-1", AT));
        Refusals.notSatisfied("termination-before-decision", () -> a.terminate(new Termination(Adhesion.TerminationParty.MEMBER,
                "general interest", TODAY.minusDays(1), null, null), TODAY, "op-1", AT));
        Refusals.notSatisfied("date-in-future", () -> a.terminate(new Termination(null, TerminationGround.GENERAL_INTEREST,
                "general interest", end(), TODAY.plusDays(1), null, null), TODAY, "op-1", AT));
        assertNull(a.terminationId);
        AdhesionTransition step = a.terminate(new Termination(null, TerminationGround.GENERAL_INTEREST, "general interest", decided,
                decided, null, null), TODAY, "op-1", AT);
        assertEquals(List.of(Adhesion.TerminationParty.MEMBER, TerminationGround.GENERAL_INTEREST, decided, decided),
                List.of(a.terminationInitiatedBy, a.terminationGround, a.terminationDecidedOn, a.terminationEffectiveDate));
        assertEquals("by MEMBER for GENERAL_INTEREST, decided 2026-09-01, effective 2026-09-01: general interest", step.detail);
        Adhesion b = Refusals.inState(AdhesionState.EFFECTIVE);
        b.terminate(new Termination(Adhesion.TerminationParty.MEMBER, "general interest", TODAY, null, null), TODAY, "op-1", AT);
        assertEquals(TODAY, b.terminationDecidedOn);
    }

    private static LocalDate end() {
        return LocalDate.of(2027, 8, 31);
    }
}
