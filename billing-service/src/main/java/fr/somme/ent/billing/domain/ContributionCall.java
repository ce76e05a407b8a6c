package fr.somme.ent.billing.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import fr.somme.ent.commons.rules.Rejection;

/**
 * A contribution call of a member for a school year (art. 4.4, rule 18). Its state changes only through its methods,
 * which check the life of a call and return the event to publish: {@code DRAFT} (recomputed in place) → {@code ISSUED}
 * (numbered, never changes again) → {@code PAID} | {@code CANCELLED} (by a credit note). The database refuses any
 * change of an issued call's figures too (trigger {@code contribution_call_immutable}).
 */
@Entity
@Table(name = "contribution_call")
public class ContributionCall {

    @Id
    private UUID id;
    @Column(name = "member_id", nullable = false, updatable = false)
    private String memberId;
    @Column(name = "school_year", nullable = false, updatable = false)
    private String schoolYear;
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false)
    private CallKind kind;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private CallStatus status;
    @Column(name = "amount", nullable = false, precision = 14, scale = 2)
    private BigDecimal amount;
    /** JSON of the {@link Derivation}, kept as written: a recomputation compares the text. */
    @Column(name = "derivation", nullable = false)
    private String derivation;
    @Column(name = "number")
    private String number;
    @Column(name = "issued_on")
    private LocalDate issuedOn;
    @Column(name = "paid_on")
    private LocalDate paidOn;
    @Column(name = "credit_note_number")
    private String creditNoteNumber;
    @Column(name = "cancelled_on")
    private LocalDate cancelledOn;
    @Column(name = "cancel_reason")
    private String cancelReason;
    /** The call this one replaces (cancelled by a credit note in a regularisation of the period), if any. */
    @Column(name = "replaces_call_id", updatable = false)
    private UUID replacesCallId;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ContributionCall() {
        // for JPA
    }

    /** A new draft with the figures of a computation. */
    public static ContributionCall draft(UUID id, String memberId, String schoolYear, CallKind kind, long amountCents,
            String derivation, Instant at) {
        ContributionCall call = new ContributionCall();
        call.id = id;
        call.memberId = memberId;
        call.schoolYear = schoolYear;
        call.kind = kind;
        call.status = CallStatus.DRAFT;
        call.amount = Money.euros(amountCents);
        call.derivation = derivation;
        call.createdAt = at;
        call.updatedAt = at;
        return call;
    }

    /** A draft that replaces a call cancelled by a credit note when its period is regularised (rule 18). */
    public static ContributionCall replacing(ContributionCall cancelled, UUID id, long amountCents, String derivation,
            Instant at) {
        if (cancelled.status != CallStatus.CANCELLED) {
            throw Rejection.conflict("call-not-cancelled", "call " + cancelled.id + " is " + cancelled.status
                    + ": only a call cancelled by a credit note is replaced");
        }
        ContributionCall call = draft(id, cancelled.memberId, cancelled.schoolYear, cancelled.kind, amountCents,
                derivation, at);
        call.replacesCallId = cancelled.id;
        return call;
    }

    /** Art. 4.4: a draft takes the figures of the latest computation; an issued call never changes. */
    public void recompute(long amountCents, String newDerivation, Instant at) {
        require(CallStatus.DRAFT, "call-not-draft", "only a draft is recomputed");
        amount = Money.euros(amountCents);
        derivation = newDerivation;
        updatedAt = at;
    }

    /** Rule 18: draft → issued, with the next number of the year's gapless sequence. */
    public ContributionCallIssued issue(String callNumber, LocalDate today, Instant at) {
        require(CallStatus.DRAFT, "call-not-draft", "only a draft can be issued");
        status = CallStatus.ISSUED;
        number = callNumber;
        issuedOn = today;
        updatedAt = at;
        return new ContributionCallIssued(memberId, id, number, schoolYear, kind, formattedAmount(), issuedOn);
    }

    /** Paid once: only an issued call is paid; the event {@code contribution-call-paid} follows. */
    public ContributionCallPaid markPaid(LocalDate on, Instant at) {
        require(CallStatus.ISSUED, "call-not-issued", "only an issued call is paid");
        status = CallStatus.PAID;
        paidOn = on;
        updatedAt = at;
        return new ContributionCallPaid(memberId, id, number, schoolYear, kind, formattedAmount(), paidOn);
    }

    /** Rule 18: an issued or paid call is cancelled in full by a credit note, which states why. */
    public ContributionCallCancelled cancel(String creditNote, String reason, LocalDate today, Instant at) {
        requireCancellationReason(reason);
        if (status != CallStatus.ISSUED && status != CallStatus.PAID) {
            throw Rejection.conflict("call-not-issued", "call " + id + " is " + status
                    + ": only an issued or paid call is cancelled by a credit note");
        }
        status = CallStatus.CANCELLED;
        creditNoteNumber = creditNote;
        cancelledOn = today;
        cancelReason = reason;
        updatedAt = at;
        return new ContributionCallCancelled(memberId, id, creditNoteNumber, formattedAmount(), reason, cancelledOn);
    }

    /** A credit note states why the call is cancelled (checked before anything else is looked at). */
    public static void requireCancellationReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw Rejection.invalidInput("reason-required", "a credit note states why the call is cancelled");
        }
    }

    private void require(CallStatus expected, String slug, String rule) {
        if (status != expected) {
            throw Rejection.conflict(slug, "call " + id + " is " + status + ": " + rule);
        }
    }

    public long amountCents() {
        return Money.cents(amount);
    }

    public String formattedAmount() {
        return Money.format(amountCents());
    }

    public UUID id() {
        return id;
    }

    public String memberId() {
        return memberId;
    }

    public String schoolYear() {
        return schoolYear;
    }

    public CallKind kind() {
        return kind;
    }

    public CallStatus status() {
        return status;
    }

    public String derivation() {
        return derivation;
    }

    public String number() {
        return number;
    }

    public LocalDate issuedOn() {
        return issuedOn;
    }

    public LocalDate paidOn() {
        return paidOn;
    }

    public String creditNoteNumber() {
        return creditNoteNumber;
    }

    public LocalDate cancelledOn() {
        return cancelledOn;
    }

    public String cancelReason() {
        return cancelReason;
    }

    public UUID replacesCallId() {
        return replacesCallId;
    }
}
