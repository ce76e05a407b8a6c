package fr.somme.ent.provisioning.messaging;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The data of the ent.billing.v1 events the bilans read (contracts/schemas/fr.ent.billing.contribution-call-*). */
public final class BillingEvents {

    public static final String CALL_ISSUED = "fr.ent.billing.contribution-call-issued.v1";
    public static final String CALL_CANCELLED = "fr.ent.billing.contribution-call-cancelled.v1";
    public static final String CALL_PAID = "fr.ent.billing.contribution-call-paid.v1";
    /** The types the billing consumer applies; any other type of the topic is skipped unrecorded. */
    public static final Set<String> TYPES = Set.of(CALL_ISSUED, CALL_CANCELLED, CALL_PAID);

    static final String AMOUNT = "^-?[0-9]+\\.[0-9]{2}$";

    private BillingEvents() {
    }

    public record CallIssued(@NotNull @Pattern(regexp = InboundEvents.SIREN) String memberId, @NotNull UUID callId,
            @NotBlank String number, @NotNull @Pattern(regexp = InboundEvents.YEAR) String schoolYear, @NotBlank String kind,
            @NotNull @Pattern(regexp = AMOUNT) String amount, @NotNull LocalDate issuedOn) {
    }

    public record CallCancelled(@NotNull @Pattern(regexp = InboundEvents.SIREN) String memberId, @NotNull UUID callId,
            @NotNull LocalDate cancelledOn) {
    }

    public record CallPaid(@NotNull @Pattern(regexp = InboundEvents.SIREN) String memberId, @NotNull UUID callId,
            @NotBlank String number, @NotNull @Pattern(regexp = InboundEvents.YEAR) String schoolYear, @NotBlank String kind,
            @NotNull @Pattern(regexp = AMOUNT) String amount, @NotNull LocalDate paidOn) {
    }
}
