package fr.somme.ent.membership.domain;

import java.time.LocalDate;

import fr.somme.ent.membership.domain.Adhesion.TerminationParty;

/** What a termination says (art. 6): who ends the adhesion, why, from when, and the failed attempt at agreement. */
public record Termination(TerminationParty initiatedBy, String reason, LocalDate effectiveDate,
        LocalDate agreementAttemptFailedOn, String agreementAttemptSummary) {
}
