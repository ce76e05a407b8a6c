package fr.somme.ent.membership.domain;

import java.time.LocalDate;

import fr.somme.ent.commons.rules.Rejection;

/**
 * The charter's rules on terminations (art. 6), one method per rule, each named after it. A broken rule is a
 * {@link Rejection} with a stable slug; nothing is changed.
 */
public final class TerminationRules {

    private TerminationRules() {
    }

    /** Art. 6: what has not started cannot be terminated; what is terminated stays so. */
    public static void onlyAnEffectiveAdhesionIsTerminated(Adhesion adhesion) {
        AdhesionRules.aTerminatedAdhesionCannotBeReactivated(adhesion);
        if (adhesion.state != AdhesionState.EFFECTIVE) {
            throw Rejection.conflict("adhesion-not-effective", "adhesion " + adhesion.id + " is not effective ("
                    + adhesion.state + ")");
        }
    }

    /** Art. 6: the syndicat ends a member's participation for non-respect only once no agreement could be found. */
    public static void syndicatTerminatesOnlyAfterAFailedAttemptAtAgreement(Adhesion.TerminationParty by,
            LocalDate agreementAttemptFailedOn, String summary) {
        if (by == Adhesion.TerminationParty.SYNDICAT
                && (agreementAttemptFailedOn == null || summary == null || summary.isBlank())) {
            throw Rejection.ruleNotSatisfied("agreement-attempt-not-recorded", "the syndicat may terminate for non-respect of the "
                    + "charter only after a failed attempt at agreement, recorded with its date and summary (art. 6)");
        }
    }

    /** Art. 6: a termination takes effect on or after the date the adhesion took effect. */
    public static void terminationTakesEffectAfterTheAdhesion(Adhesion adhesion, LocalDate effectiveDate) {
        if (effectiveDate.isBefore(adhesion.effectiveDate)) {
            throw Rejection.ruleNotSatisfied("termination-before-adhesion-effective", "termination on " + effectiveDate
                    + " cannot precede the adhesion's effective date " + adhesion.effectiveDate);
        }
    }
}
