package fr.somme.ent.billing.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.JsonNode;

import fr.somme.ent.billing.domain.CallKind;
import fr.somme.ent.billing.domain.CallStatus;
import fr.somme.ent.billing.domain.Derivation;
import fr.somme.ent.billing.service.RegularisePeriod;

/** What the calls and periods endpoints read and write. Amounts are euros with two decimals, as strings. */
public final class CallDtos {

    private CallDtos() {
    }

    /** A free-text reason (audit trail, credit note): at most {@value #MAX_REASON} characters (issue #14). */
    static final int MAX_REASON = 2_000;

    public record ReasonRequest(@Size(max = MAX_REASON) String reason) {
    }

    public record PaymentRequest(LocalDate paidOn, @Size(max = MAX_REASON) String reason) {
    }

    public record AuditView(String action, String actor, Instant at, String reason, String detail) {
    }

    /** A call with its derivation (the stored document, as stored) and, for a single call, its audit trail. */
    public record CallView(UUID id, String memberId, String memberName, String schoolYear, CallKind kind,
            CallStatus status, String amount, String number, LocalDate issuedOn, LocalDate paidOn, String creditNoteNumber,
            LocalDate cancelledOn, String cancelReason, UUID replacesCallId, JsonNode derivation, List<AuditView> audit) {
    }

    /** A call as the figures give it (not stored). */
    public record ComputedCallView(String memberId, String schoolYear, CallKind kind, String amount,
            Derivation derivation) {
    }

    /**
     * A computation: the three terms of the écoles' pool (net charges = paid − FEDER, collèges invoiced at market prices,
     * pool), the calls; {@code warnings} what a real computation refuses; {@code regularisationNeeded} when the figures
     * of a called period now differ from its issued calls (listed in {@code issuedCallsThatNoLongerMatch}).
     */
    public record ComputationView(String schoolYear, boolean simulation, String paidExpenses, String feder,
            String netCharges, String collegesInvoiced, String ecolesPool, long totalStudents,
            List<ComputedCallView> computed, int draftsCreated, int draftsUpdated, int draftsUnchanged, int draftsRemoved,
            List<String> issuedCallsThatNoLongerMatch, boolean regularisationNeeded, List<String> warnings) {
    }

    /** One call a regularisation touched: the call cancelled (with its credit note) and the one issued in its place. */
    public record RegularisedCallView(String memberId, CallKind kind, UUID cancelledCallId, String cancelledNumber,
            String creditNoteNumber, String cancelledAmount, UUID issuedCallId, String issuedNumber, String issuedAmount) {
    }

    public record RegularisationView(String schoolYear, String reason, List<RegularisedCallView> replaced,
            List<RegularisedCallView> added, int untouched, int draftsUpdated, int draftsRemoved) {
    }

    static RegularisationView regularisation(RegularisePeriod.Result r) {
        List<RegularisedCallView> replaced = r.replaced().stream().map(x -> new RegularisedCallView(x.cancelled().memberId(),
                x.cancelled().kind(), x.cancelled().id(), x.cancelled().number(), x.cancelled().creditNoteNumber(),
                x.cancelled().formattedAmount(), x.successor() == null ? null : x.successor().id(),
                x.successor() == null ? null : x.successor().number(),
                x.successor() == null ? null : x.successor().formattedAmount())).toList();
        List<RegularisedCallView> added = r.added().stream().map(a -> new RegularisedCallView(a.call().memberId(),
                a.call().kind(), null, null, null, null, a.call().id(), a.call().number(), a.call().formattedAmount()))
                .toList();
        return new RegularisationView(r.schoolYear(), r.reason(), replaced, added, r.untouched(), r.draftsUpdated(),
                r.draftsRemoved());
    }
}
