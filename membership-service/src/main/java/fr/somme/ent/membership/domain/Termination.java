package fr.somme.ent.membership.domain;

import java.time.LocalDate;

import fr.somme.ent.membership.domain.Adhesion.TerminationParty;

/**
 * What a termination says (art. 6): who ends the adhesion and on which ground, why, when it was decided (null: today),
 * from when, and the attempt at agreement (its date and outcome) that a termination for non-compliance follows.
 */
public record Termination(TerminationParty initiatedBy, TerminationGround ground, String reason, LocalDate effectiveDate,
        LocalDate decidedOn, LocalDate agreementAttemptOn, String agreementAttemptOutcome) {

    /** The request as it was before the ground was recorded: the ground follows who terminates. */
    public Termination(TerminationParty initiatedBy, String reason, LocalDate effectiveDate, LocalDate agreementAttemptOn,
            String agreementAttemptOutcome) {
        this(initiatedBy, null, reason, effectiveDate, null, agreementAttemptOn, agreementAttemptOutcome);
    }
}
