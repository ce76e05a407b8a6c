package fr.somme.ent.billing.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code fr.ent.billing.contribution-call-paid.v1} (contracts/schemas): an issued call was recorded as paid.
 * Amounts only, never personal data; {@code amount} in euros with two decimals.
 */
public record ContributionCallPaid(String memberId, UUID callId, String number, String schoolYear, CallKind kind,
        String amount, LocalDate paidOn) {

    public static final String TYPE = "fr.ent.billing.contribution-call-paid.v1";
}
