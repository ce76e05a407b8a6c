package fr.somme.ent.billing.domain;

import java.time.LocalDate;
import java.util.UUID;


/**
 * {@code fr.ent.billing.contribution-call-issued.v1} (contracts/schemas): a call was issued; it never changes afterwards.
 * Amounts only, never personal data; {@code amount} in euros with two decimals.
 */
public record ContributionCallIssued(String memberId, UUID callId, String number, String schoolYear, CallKind kind,
        String amount, LocalDate issuedOn) {

    public static final String TYPE = "fr.ent.billing.contribution-call-issued.v1";
}
