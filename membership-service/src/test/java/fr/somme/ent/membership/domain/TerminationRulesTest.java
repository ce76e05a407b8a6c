package fr.somme.ent.membership.domain;

import static fr.somme.ent.membership.domain.Refusals.conflict;
import static fr.somme.ent.membership.domain.Refusals.inState;
import static fr.somme.ent.membership.domain.Refusals.notSatisfied;

import java.time.LocalDate;

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
    void syndicatTerminatesOnlyAfterAFailedAttemptAtAgreement() {
        LocalDate failed = LocalDate.of(2026, 5, 1);
        notSatisfied("agreement-attempt-not-recorded",
                () -> TerminationRules.syndicatTerminatesOnlyAfterAFailedAttemptAtAgreement(TerminationParty.SYNDICAT, null, "summary"));
        notSatisfied("agreement-attempt-not-recorded",
                () -> TerminationRules.syndicatTerminatesOnlyAfterAFailedAttemptAtAgreement(TerminationParty.SYNDICAT, failed, null));
        notSatisfied("agreement-attempt-not-recorded",
                () -> TerminationRules.syndicatTerminatesOnlyAfterAFailedAttemptAtAgreement(TerminationParty.SYNDICAT, failed, " "));
        TerminationRules.syndicatTerminatesOnlyAfterAFailedAttemptAtAgreement(TerminationParty.SYNDICAT, failed, "meeting, no agreement");
        TerminationRules.syndicatTerminatesOnlyAfterAFailedAttemptAtAgreement(TerminationParty.MEMBER, null, null);
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
