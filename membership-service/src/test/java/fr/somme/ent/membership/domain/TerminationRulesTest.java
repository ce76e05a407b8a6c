package fr.somme.ent.membership.domain;

import static fr.somme.ent.membership.domain.Refusals.conflict;
import static fr.somme.ent.membership.domain.Refusals.inState;
import static fr.somme.ent.membership.domain.Refusals.notSatisfied;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import fr.somme.ent.membership.domain.Adhesion.TerminationParty;

/** TerminationRules (art. 6). */
class TerminationRulesTest {

    @ParameterizedTest
    @EnumSource(value = AdhesionState.class, names = { "DELIBERATED", "USERS_DESIGNATED", "CHARTER_SIGNED" })
    void onlyAnEffectiveAdhesionIsTerminated(AdhesionState state) {
        conflict("adhesion-not-effective", () -> TerminationRules.onlyAnEffectiveAdhesionIsTerminated(inState(state)));
        conflict("adhesion-terminated", () -> TerminationRules.onlyAnEffectiveAdhesionIsTerminated(inState(AdhesionState.TERMINATED)));
        TerminationRules.onlyAnEffectiveAdhesionIsTerminated(inState(AdhesionState.EFFECTIVE));
    }

    @Test
    void aTerminationForNonComplianceFollowsAFailedAttemptAtAgreement() {
        LocalDate failed = LocalDate.of(2026, 5, 1);
        TerminationGround nc = TerminationGround.NON_COMPLIANCE;
        notSatisfied("agreement-attempt-required",
                () -> TerminationRules.aTerminationForNonComplianceFollowsAFailedAttemptAtAgreement(nc, null, "outcome"));
        notSatisfied("agreement-attempt-required",
                () -> TerminationRules.aTerminationForNonComplianceFollowsAFailedAttemptAtAgreement(nc, failed, null));
        notSatisfied("agreement-attempt-required",
                () -> TerminationRules.aTerminationForNonComplianceFollowsAFailedAttemptAtAgreement(nc, failed, " "));
        TerminationRules.aTerminationForNonComplianceFollowsAFailedAttemptAtAgreement(nc, failed, "meeting, no agreement");
        TerminationRules.aTerminationForNonComplianceFollowsAFailedAttemptAtAgreement(TerminationGround.GENERAL_INTEREST, null, null);
    }

    private static Termination with(TerminationParty by, TerminationGround ground) {
        return new Termination(by, ground, "why", LocalDate.of(2027, 8, 31), null, null, null);
    }

    @Test
    void theGroundIsOneOfArticle6() {
        notSatisfied("termination-ground-required", () -> TerminationRules.theGroundIsOneOfArticle6(with(null, null)));
        notSatisfied("ground-not-open-to-initiator", () -> TerminationRules.theGroundIsOneOfArticle6(
                with(TerminationParty.MEMBER, TerminationGround.NON_COMPLIANCE)));
        notSatisfied("ground-not-open-to-initiator", () -> TerminationRules.theGroundIsOneOfArticle6(
                with(TerminationParty.SYNDICAT, TerminationGround.GENERAL_INTEREST)));
        // Either follows from the other; both given and consistent are kept.
        assertEquals(with(TerminationParty.MEMBER, TerminationGround.GENERAL_INTEREST),
                TerminationRules.theGroundIsOneOfArticle6(with(TerminationParty.MEMBER, null)));
        assertEquals(with(TerminationParty.SYNDICAT, TerminationGround.NON_COMPLIANCE),
                TerminationRules.theGroundIsOneOfArticle6(with(TerminationParty.SYNDICAT, null)));
        assertEquals(with(TerminationParty.MEMBER, TerminationGround.GENERAL_INTEREST),
                TerminationRules.theGroundIsOneOfArticle6(with(null, TerminationGround.GENERAL_INTEREST)));
        assertEquals(with(TerminationParty.SYNDICAT, TerminationGround.NON_COMPLIANCE),
                TerminationRules.theGroundIsOneOfArticle6(with(null, TerminationGround.NON_COMPLIANCE)));
        assertEquals(with(TerminationParty.SYNDICAT, TerminationGround.NON_COMPLIANCE),
                TerminationRules.theGroundIsOneOfArticle6(with(TerminationParty.SYNDICAT, TerminationGround.NON_COMPLIANCE)));
        Termination full = new Termination(TerminationParty.SYNDICAT, null, "why", LocalDate.of(2027, 8, 31),
                LocalDate.of(2027, 6, 30), LocalDate.of(2027, 6, 1), "no agreement");
        assertEquals(new Termination(TerminationParty.SYNDICAT, TerminationGround.NON_COMPLIANCE, "why", LocalDate.of(2027, 8, 31),
                LocalDate.of(2027, 6, 30), LocalDate.of(2027, 6, 1), "no agreement"), TerminationRules.theGroundIsOneOfArticle6(full));
    }

    @Test
    void terminationIsNeverBeforeItsDecision() {
        LocalDate decided = LocalDate.of(2026, 10, 5);
        notSatisfied("termination-before-decision", () -> TerminationRules.terminationIsNeverBeforeItsDecision(decided, decided.minusDays(1)));
        TerminationRules.terminationIsNeverBeforeItsDecision(decided, decided);
        TerminationRules.terminationIsNeverBeforeItsDecision(decided, decided.plusDays(1));
    }

    @Test
    void designationsAreReleasedFromTheEffectiveDate() {
        List<String> years = List.of("2027-2028", "2025-2026", "2026-2027", "2026-2027");
        // Effective on the last day of 2025-2026: that year ends on it, so it is released too.
        assertEquals(List.of("2025-2026", "2026-2027", "2027-2028"),
                TerminationRules.designationsReleasedFrom(LocalDate.of(2026, 8, 31), years));
        // The day after: 2025-2026 has ended before the termination, it is kept.
        assertEquals(List.of("2026-2027", "2027-2028"), TerminationRules.designationsReleasedFrom(LocalDate.of(2026, 9, 1), years));
        assertEquals(List.of("2027-2028"), TerminationRules.designationsReleasedFrom(LocalDate.of(2027, 9, 1), years));
        assertEquals(List.of(), TerminationRules.designationsReleasedFrom(LocalDate.of(2028, 9, 1), years));
    }

    @Test
    void terminationTakesEffectAfterTheAdhesion() {
        Adhesion effective = inState(AdhesionState.EFFECTIVE); // effective on 2026-04-02
        notSatisfied("termination-before-adhesion-effective",
                () -> TerminationRules.terminationTakesEffectAfterTheAdhesion(effective, LocalDate.of(2026, 4, 1)));
        TerminationRules.terminationTakesEffectAfterTheAdhesion(effective, LocalDate.of(2026, 4, 2));
        TerminationRules.terminationTakesEffectAfterTheAdhesion(effective, LocalDate.of(2027, 8, 31));
    }
}
