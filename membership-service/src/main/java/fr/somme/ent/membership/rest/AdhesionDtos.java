package fr.somme.ent.membership.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.somme.ent.membership.domain.Adhesion.Document;
import fr.somme.ent.membership.domain.Adhesion.TerminationParty;
import fr.somme.ent.membership.domain.AdhesionState;
import fr.somme.ent.membership.domain.TerminationGround;

/** What the adhesion endpoints read and write. */
public final class AdhesionDtos {

    private AdhesionDtos() {
    }

    public record DeliberationRequest(
            @NotBlank @Size(max = 100) @Schema(example = "2026-042") String number,
            @NotNull @Schema(example = "2026-03-12") LocalDate date,
            @NotNull @Schema(example = "true", description = "the assembly approved the charter") Boolean charterApproved,
            @NotNull @Schema(example = "true", description = "the assembly authorised its executive to sign it") Boolean executiveAuthorised) {
    }

    public record SignatureRequest(@NotNull @Schema(example = "2026-03-20") LocalDate signedOn) {
    }

    public record TransmissionRequest(
            @NotNull @Schema(example = "CHARTER", description = "DELIBERATION or CHARTER (the signed charter)") Document document,
            @NotNull @Schema(example = "2026-03-25") LocalDate transmittedOn) {
    }

    /**
     * Art. 6. {@code ground} and {@code initiatedBy} follow from each other (MEMBER: GENERAL_INTEREST, SYNDICAT:
     * NON_COMPLIANCE); one of them is needed. {@code agreementAttemptFailedOn}/{@code agreementAttemptSummary} are the
     * former names of {@code agreementAttemptOn}/{@code agreementAttemptOutcome}, still accepted.
     */
    public record TerminationRequest(
            @Schema(example = "SYNDICAT", description = "MEMBER or SYNDICAT; follows from the ground when absent") TerminationParty initiatedBy,
            @Schema(example = "NON_COMPLIANCE", description = "GENERAL_INTEREST or NON_COMPLIANCE; follows from initiatedBy when absent") TerminationGround ground,
            @NotBlank @Size(max = 4000) @Schema(example = "non-respect of art. 4: contributions unpaid") String reason,
            @NotNull @Schema(example = "2027-08-31") LocalDate effectiveDate,
            @Schema(example = "2027-06-30", description = "the decision's date; today when absent; never after the effective date") LocalDate decidedOn,
            @Schema(example = "2027-06-15", description = "required for NON_COMPLIANCE") LocalDate agreementAttemptOn,
            @Size(max = 4000) @Schema(example = "meeting of 15 June: no agreement", description = "required for NON_COMPLIANCE") String agreementAttemptOutcome,
            @Schema(deprecated = true, description = "former name of agreementAttemptOn") LocalDate agreementAttemptFailedOn,
            @Size(max = 4000) @Schema(deprecated = true, description = "former name of agreementAttemptOutcome") String agreementAttemptSummary) {
    }

    public record DeliberationView(String number, LocalDate date, boolean charterApproved, boolean executiveAuthorised) {
    }

    public record TerminationView(UUID id, TerminationParty initiatedBy, TerminationGround ground, String reason,
            LocalDate decidedOn, LocalDate effectiveDate, LocalDate agreementAttemptOn, String agreementAttemptOutcome,
            LocalDate agreementAttemptFailedOn, String agreementAttemptSummary) {
    }

    public record TransitionView(String action, AdhesionState fromState, AdhesionState toState, String actor, Instant at,
            String detail) {
    }

    public record AdhesionView(UUID id, String memberId, AdhesionState state, DeliberationView deliberation,
            LocalDate charterSignedOn, LocalDate deliberationTransmittedOn, LocalDate charterTransmittedOn,
            LocalDate effectiveDate, TerminationView termination, List<TransitionView> history) {
    }
}
