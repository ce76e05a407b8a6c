package fr.somme.ent.membership.domain;

import static fr.somme.ent.membership.domain.Refusals.DELIBERATION;
import static fr.somme.ent.membership.domain.Refusals.TODAY;
import static fr.somme.ent.membership.domain.Refusals.conflict;
import static fr.somme.ent.membership.domain.Refusals.inState;
import static fr.somme.ent.membership.domain.Refusals.notSatisfied;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import fr.somme.ent.commons.rules.Rejection;

/** AdhesionRules (art. 3, 6), one test per rule: what it refuses, with which slug, and where its limit lies. */
class AdhesionRulesTest {

    @Test
    void deliberationApprovesTheCharterAndAuthorisesTheExecutive() {
        AdhesionRules.deliberationApprovesTheCharterAndAuthorisesTheExecutive(true, true);
        notSatisfied("deliberation-incomplete", () -> AdhesionRules.deliberationApprovesTheCharterAndAuthorisesTheExecutive(true, false));
        notSatisfied("deliberation-incomplete", () -> AdhesionRules.deliberationApprovesTheCharterAndAuthorisesTheExecutive(false, true));
        notSatisfied("deliberation-incomplete", () -> AdhesionRules.deliberationApprovesTheCharterAndAuthorisesTheExecutive(false, false));
    }

    @Test
    void oneOpenAdhesionPerMember() {
        AdhesionRules.oneOpenAdhesionPerMember(Optional.empty());
        Adhesion open = inState(AdhesionState.USERS_DESIGNATED);
        Rejection e = conflict("adhesion-already-open", () -> AdhesionRules.oneOpenAdhesionPerMember(Optional.of(open)));
        assertTrue(e.reason().contains(open.id.toString()), e.reason());
        Rejection race = AdhesionRules.anotherAdhesionOpenedMeanwhile("218000198");
        assertEquals("adhesion-already-open", race.slug());
        assertEquals(Rejection.Kind.CONFLICT, race.kind());
    }

    @Test
    void legalDatesAreNotInTheFuture() {
        AdhesionRules.legalDatesAreNotInTheFuture(TODAY, TODAY, "signature date");
        AdhesionRules.legalDatesAreNotInTheFuture(TODAY.minusDays(1), TODAY, "signature date");
        Rejection e = notSatisfied("date-in-future", () -> AdhesionRules.legalDatesAreNotInTheFuture(TODAY.plusDays(1), TODAY,
                "signature date"));
        assertTrue(e.reason().startsWith("signature date 2026-10-06"), e.reason());
    }

    @ParameterizedTest
    @EnumSource(value = AdhesionState.class, names = "TERMINATED", mode = EnumSource.Mode.EXCLUDE)
    void onlyATerminatedAdhesionIsFinal(AdhesionState state) {
        AdhesionRules.aTerminatedAdhesionCannotBeReactivated(inState(state));
        conflict("adhesion-terminated", () -> AdhesionRules.aTerminatedAdhesionCannotBeReactivated(inState(AdhesionState.TERMINATED)));
    }

    @Test
    void charterIsSignedAfterTheUsersAreDesignatedOnceAndNotBeforeTheDeliberation() {
        LocalDate after = DELIBERATION.plusDays(8);
        conflict("users-not-designated", () -> AdhesionRules.charterIsSignedAfterTheUsersAreDesignated(inState(AdhesionState.DELIBERATED), after));
        conflict("charter-already-signed", () -> AdhesionRules.charterIsSignedAfterTheUsersAreDesignated(inState(AdhesionState.CHARTER_SIGNED), after));
        conflict("charter-already-signed", () -> AdhesionRules.charterIsSignedAfterTheUsersAreDesignated(inState(AdhesionState.EFFECTIVE), after));
        conflict("adhesion-terminated", () -> AdhesionRules.charterIsSignedAfterTheUsersAreDesignated(inState(AdhesionState.TERMINATED), after));
        Adhesion designated = inState(AdhesionState.USERS_DESIGNATED);
        notSatisfied("charter-signed-before-deliberation",
                () -> AdhesionRules.charterIsSignedAfterTheUsersAreDesignated(designated, DELIBERATION.minusDays(1)));
        AdhesionRules.charterIsSignedAfterTheUsersAreDesignated(designated, DELIBERATION);
        AdhesionRules.charterIsSignedAfterTheUsersAreDesignated(designated, after);
    }

    @Test
    void deliberationTransmittedOnceNotBeforeItWasTaken() {
        Adhesion a = inState(AdhesionState.DELIBERATED);
        notSatisfied("transmission-before-deliberation",
                () -> AdhesionRules.deliberationTransmittedNotBeforeItWasTaken(a, DELIBERATION.minusDays(1)));
        AdhesionRules.deliberationTransmittedNotBeforeItWasTaken(a, DELIBERATION);
        a.deliberationTransmittedOn = DELIBERATION;
        conflict("already-transmitted", () -> AdhesionRules.deliberationTransmittedNotBeforeItWasTaken(a, DELIBERATION.plusDays(3)));
        conflict("adhesion-terminated",
                () -> AdhesionRules.deliberationTransmittedNotBeforeItWasTaken(inState(AdhesionState.TERMINATED), DELIBERATION.plusDays(3)));
    }

    @Test
    void signedCharterTransmittedOnceAfterItsSignature() {
        conflict("charter-not-signed",
                () -> AdhesionRules.signedCharterTransmittedAfterItsSignature(inState(AdhesionState.USERS_DESIGNATED), TODAY));
        Adhesion signed = inState(AdhesionState.CHARTER_SIGNED); // signed on 2026-03-20
        notSatisfied("charter-transmitted-before-signature",
                () -> AdhesionRules.signedCharterTransmittedAfterItsSignature(signed, LocalDate.of(2026, 3, 19)));
        AdhesionRules.signedCharterTransmittedAfterItsSignature(signed, LocalDate.of(2026, 3, 20));
        signed.charterTransmittedOn = LocalDate.of(2026, 3, 20);
        conflict("already-transmitted", () -> AdhesionRules.signedCharterTransmittedAfterItsSignature(signed, TODAY));
        conflict("adhesion-terminated",
                () -> AdhesionRules.signedCharterTransmittedAfterItsSignature(inState(AdhesionState.TERMINATED), TODAY));
    }

    @Test
    void noTransmissionPrecedesTheDeliberationEvenOfACharterRecordedAsSignedBeforeIt() {
        Adhesion odd = inState(AdhesionState.CHARTER_SIGNED);
        odd.charterSignedOn = DELIBERATION.minusDays(10);
        notSatisfied("transmission-before-deliberation",
                () -> AdhesionRules.signedCharterTransmittedAfterItsSignature(odd, DELIBERATION.minusDays(1)));
    }

    @Test
    void adhesionBecomesEffectiveOnTheLaterTransmissionAndOnlyOnceBothAreRecorded() {
        Adhesion a = inState(AdhesionState.CHARTER_SIGNED);
        assertEquals(Optional.empty(), AdhesionRules.adhesionBecomesEffectiveOnlyAfterTransmissionToControleDeLegalite(a));
        a.charterTransmittedOn = LocalDate.of(2026, 3, 25);
        assertEquals(Optional.empty(), AdhesionRules.adhesionBecomesEffectiveOnlyAfterTransmissionToControleDeLegalite(a));
        a.charterTransmittedOn = null;
        a.deliberationTransmittedOn = LocalDate.of(2026, 4, 2);
        assertEquals(Optional.empty(), AdhesionRules.adhesionBecomesEffectiveOnlyAfterTransmissionToControleDeLegalite(a));
        a.charterTransmittedOn = LocalDate.of(2026, 3, 25);
        assertEquals(Optional.of(LocalDate.of(2026, 4, 2)), AdhesionRules.adhesionBecomesEffectiveOnlyAfterTransmissionToControleDeLegalite(a));
        a.charterTransmittedOn = LocalDate.of(2026, 4, 9);
        assertEquals(Optional.of(LocalDate.of(2026, 4, 9)), AdhesionRules.adhesionBecomesEffectiveOnlyAfterTransmissionToControleDeLegalite(a));
        a.charterSignedOn = null;
        assertEquals(Optional.empty(), AdhesionRules.adhesionBecomesEffectiveOnlyAfterTransmissionToControleDeLegalite(a),
                "an unsigned charter is not transmitted");
    }

    @ParameterizedTest
    @EnumSource(value = AdhesionState.class, names = "CHARTER_SIGNED", mode = EnumSource.Mode.EXCLUDE)
    void onlyASignedAdhesionBecomesEffective(AdhesionState state) {
        Adhesion a = inState(state);
        a.charterSignedOn = LocalDate.of(2026, 3, 20);
        a.deliberationTransmittedOn = LocalDate.of(2026, 4, 2);
        a.charterTransmittedOn = LocalDate.of(2026, 3, 25);
        assertEquals(Optional.empty(), AdhesionRules.adhesionBecomesEffectiveOnlyAfterTransmissionToControleDeLegalite(a));
    }

    @Test
    void theEffectiveDateIsNeverBeforeTheDeliberation() {
        Adhesion odd = inState(AdhesionState.CHARTER_SIGNED);
        odd.deliberationTransmittedOn = DELIBERATION.minusDays(2);
        odd.charterTransmittedOn = DELIBERATION.minusDays(1);
        assertEquals(Optional.of(DELIBERATION), AdhesionRules.adhesionBecomesEffectiveOnlyAfterTransmissionToControleDeLegalite(odd));
    }
}
