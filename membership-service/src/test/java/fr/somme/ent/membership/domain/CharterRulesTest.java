package fr.somme.ent.membership.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.somme.ent.commons.rules.Rejection;

/** The charter's rules (AdhesionRules, TerminationRules, ComponentOptOutRules) as plain Java, without the application. */
class CharterRulesTest {

    private static Adhesion signed(LocalDate deliberation, LocalDate signedOn) {
        Adhesion a = new Adhesion();
        a.id = UUID.randomUUID();
        a.memberId = "218000198";
        a.state = AdhesionState.CHARTER_SIGNED;
        a.deliberationDate = deliberation;
        a.charterSignedOn = signedOn;
        return a;
    }

    @Test
    void adhesionBecomesEffectiveOnlyAfterTransmissionToControleDeLegalite() {
        Adhesion a = signed(LocalDate.of(2026, 3, 12), LocalDate.of(2026, 3, 20));
        assertTrue(AdhesionRules.adhesionBecomesEffectiveOnlyAfterTransmissionToControleDeLegalite(a).isEmpty());
        a.deliberationTransmittedOn = LocalDate.of(2026, 4, 2);
        assertTrue(AdhesionRules.adhesionBecomesEffectiveOnlyAfterTransmissionToControleDeLegalite(a).isEmpty());
        a.charterTransmittedOn = LocalDate.of(2026, 3, 25);
        assertEquals(LocalDate.of(2026, 4, 2), AdhesionRules.adhesionBecomesEffectiveOnlyAfterTransmissionToControleDeLegalite(a).get());
        a.state = AdhesionState.USERS_DESIGNATED;
        assertTrue(AdhesionRules.adhesionBecomesEffectiveOnlyAfterTransmissionToControleDeLegalite(a).isEmpty());
    }

    @Test
    void aTransmissionBeforeTheDeliberationIsRefused() {
        Adhesion a = signed(LocalDate.of(2026, 3, 12), LocalDate.of(2026, 3, 20));
        Rejection e = assertThrows(Rejection.class,
                () -> AdhesionRules.deliberationTransmittedNotBeforeItWasTaken(a, LocalDate.of(2026, 3, 11)));
        assertEquals(Rejection.Kind.RULE_NOT_SATISFIED, e.kind(), "422 at the edge");
        assertEquals("transmission-before-deliberation", e.slug());
    }

    @Test
    void optOutAppliesFromTheSchoolYearAfterItsNotification() {
        assertEquals("2026-2027", ComponentOptOutRules.optOutAppliesFromTheSchoolYearAfterItsNotification(LocalDate.of(2026, 8, 31)).name());
        assertEquals("2027-2028", ComponentOptOutRules.optOutAppliesFromTheSchoolYearAfterItsNotification(LocalDate.of(2026, 9, 1)).name());
        assertEquals("2026-2027", ComponentOptOutRules.optOutAppliesFromTheSchoolYearAfterItsNotification(LocalDate.of(2025, 9, 1)).name());
    }

    @Test
    void aTerminationForNonComplianceFollowsAFailedAttemptAtAgreement() {
        assertEquals("agreement-attempt-required", assertThrows(Rejection.class,
                () -> TerminationRules.aTerminationForNonComplianceFollowsAFailedAttemptAtAgreement(TerminationGround.NON_COMPLIANCE,
                        null, null)).slug());
        assertEquals("agreement-attempt-required", assertThrows(Rejection.class,
                () -> TerminationRules.aTerminationForNonComplianceFollowsAFailedAttemptAtAgreement(TerminationGround.NON_COMPLIANCE,
                        LocalDate.of(2026, 5, 1), " ")).slug());
        TerminationRules.aTerminationForNonComplianceFollowsAFailedAttemptAtAgreement(TerminationGround.NON_COMPLIANCE,
                LocalDate.of(2026, 5, 1), "meeting, no agreement");
        TerminationRules.aTerminationForNonComplianceFollowsAFailedAttemptAtAgreement(TerminationGround.GENERAL_INTEREST, null, null);
    }
}
