package fr.somme.ent.billing.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code fr.ent.billing.contribution-call-cancelled.v1} (contracts/schemas): a call was cancelled in full by a credit
 * note; {@code amount} is the cancelled call's amount.
 */
public record ContributionCallCancelled(String memberId, UUID callId, String creditNoteNumber, String amount,
        String reason, LocalDate cancelledOn) {

    public static final String TYPE = "fr.ent.billing.contribution-call-cancelled.v1";
}
