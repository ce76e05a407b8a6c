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

/** What the calls and periods endpoints read and write. Amounts are euros with two decimals, as strings. */
public final class CallDtos {

    private CallDtos() {
    }

    public record ReasonRequest(@Size(max = 2000) String reason) {
    }

    public record PaymentRequest(LocalDate paidOn, @Size(max = 2000) String reason) {
    }

    public record AuditView(String action, String actor, Instant at, String reason, String detail) {
    }

    /** A call with its derivation (the stored document, as stored) and, for a single call, its audit trail. */
    public record CallView(UUID id, String memberId, String memberName, String schoolYear, CallKind kind,
            CallStatus status, String amount, String number, LocalDate issuedOn, LocalDate paidOn, String creditNoteNumber,
            LocalDate cancelledOn, String cancelReason, JsonNode derivation, List<AuditView> audit) {
    }

    /** A call as the figures give it (not stored). */
    public record ComputedCallView(String memberId, String schoolYear, CallKind kind, String amount,
            Derivation derivation) {
    }

    public record ComputationView(String schoolYear, boolean simulation, String paidExpenses, String feder,
            String netCharges, long totalStudents, List<ComputedCallView> computed, int draftsCreated, int draftsUpdated,
            int draftsUnchanged, int draftsRemoved, List<String> issuedCallsThatNoLongerMatch) {
    }
}
