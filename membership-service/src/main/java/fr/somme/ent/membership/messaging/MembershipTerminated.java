package fr.somme.ent.membership.messaging;

import java.time.LocalDate;
import java.util.UUID;

import fr.somme.ent.membership.domain.Adhesion;
import fr.somme.ent.membership.domain.TerminationGround;

/**
 * {@code fr.ent.membership.membership-terminated.v1}: an effective adhesion was terminated (art. 6), with its ground and,
 * for non-compliance, the failed attempt at agreement ({@code agreementAttemptFailedOn} is kept for older consumers and
 * carries the same date as {@code agreementAttemptOn}).
 */
public record MembershipTerminated(String memberId, UUID terminationId, Adhesion.TerminationParty initiatedBy,
        String reason, LocalDate effectiveDate, LocalDate agreementAttemptFailedOn, TerminationGround ground,
        LocalDate agreementAttemptOn, String agreementAttemptOutcome) {

    public static final String TYPE = "fr.ent.membership.membership-terminated.v1";

    public static MembershipTerminated of(Adhesion a) {
        return new MembershipTerminated(a.memberId, a.terminationId, a.terminationInitiatedBy, a.terminationReason,
                a.terminationEffectiveDate, a.agreementAttemptFailedOn, a.terminationGround, a.agreementAttemptFailedOn,
                a.agreementAttemptSummary);
    }
}
