package fr.somme.ent.membership.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import fr.somme.ent.commons.ids.SchoolYear;
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

    /**
     * Art. 6: the member terminates for general interest, the syndicat for non-compliance. Either may be left out: it
     * follows from the other (existing clients send only who terminates). Returns the termination with both.
     */
    public static Termination theGroundIsOneOfArticle6(Termination t) {
        if (t.initiatedBy() == null && t.ground() == null) {
            throw Rejection.ruleNotSatisfied("termination-ground-required", "a termination states its ground "
                    + "(GENERAL_INTEREST, NON_COMPLIANCE) or who terminates (MEMBER, SYNDICAT) (art. 6)");
        }
        Adhesion.TerminationParty by = t.initiatedBy() != null ? t.initiatedBy()
                : t.ground() == TerminationGround.GENERAL_INTEREST ? Adhesion.TerminationParty.MEMBER : Adhesion.TerminationParty.SYNDICAT;
        TerminationGround ground = t.ground() != null ? t.ground()
                : by == Adhesion.TerminationParty.MEMBER ? TerminationGround.GENERAL_INTEREST : TerminationGround.NON_COMPLIANCE;
        if ((by == Adhesion.TerminationParty.MEMBER) != (ground == TerminationGround.GENERAL_INTEREST)) {
            throw Rejection.ruleNotSatisfied("ground-not-open-to-initiator", "the member terminates for general interest and the "
                    + "syndicat for non-compliance with the charter; " + by + " cannot terminate for " + ground + " (art. 6)");
        }
        return new Termination(by, ground, t.reason(), t.effectiveDate(), t.decidedOn(), t.agreementAttemptOn(),
                t.agreementAttemptOutcome());
    }

    /** Art. 6: a termination for non-compliance follows an attempt at agreement that failed, recorded with its date and outcome. */
    public static void aTerminationForNonComplianceFollowsAFailedAttemptAtAgreement(TerminationGround ground,
            LocalDate attemptOn, String outcome) {
        if (ground == TerminationGround.NON_COMPLIANCE && (attemptOn == null || outcome == null || outcome.isBlank())) {
            throw Rejection.ruleNotSatisfied("agreement-attempt-required", "the syndicat may terminate for non-compliance with the "
                    + "charter only after a failed attempt at agreement, recorded with its date and outcome (art. 6)");
        }
    }

    /** Rule 5: a termination takes effect on or after the day it was decided, never before. */
    public static void terminationIsNeverBeforeItsDecision(LocalDate decidedOn, LocalDate effectiveDate) {
        if (effectiveDate.isBefore(decidedOn)) {
            throw Rejection.ruleNotSatisfied("termination-before-decision", "termination on " + effectiveDate
                    + " cannot take effect before its decision of " + decidedOn);
        }
    }

    /**
     * Rule 5: the member's designations from the effective date are released: those of every school year whose end
     * (31 August) is on or after it. Returns those school years, oldest first.
     */
    public static List<String> designationsReleasedFrom(LocalDate effectiveDate, Collection<String> designatedYears) {
        return designatedYears.stream().distinct().map(SchoolYear::parse).filter(y -> !y.lastDay().isBefore(effectiveDate))
                .sorted().map(SchoolYear::name).toList();
    }

    /** Art. 6: a termination takes effect on or after the date the adhesion took effect. */
    public static void terminationTakesEffectAfterTheAdhesion(Adhesion adhesion, LocalDate effectiveDate) {
        if (effectiveDate.isBefore(adhesion.effectiveDate)) {
            throw Rejection.ruleNotSatisfied("termination-before-adhesion-effective", "termination on " + effectiveDate
                    + " cannot precede the adhesion's effective date " + adhesion.effectiveDate);
        }
    }
}
