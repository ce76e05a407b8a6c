package fr.somme.ent.membership.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.somme.ent.membership.domain.Adhesion.Document;
import fr.somme.ent.membership.domain.Adhesion.TerminationParty;
import fr.somme.ent.membership.domain.AdhesionState;

/** What the adhesion endpoints read and write. */
public final class AdhesionDtos {

    private AdhesionDtos() {
    }

    public record DeliberationRequest(
            @NotBlank @Schema(example = "2026-042") String number,
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

    public record TerminationRequest(
            @NotNull @Schema(example = "SYNDICAT") TerminationParty initiatedBy,
            @NotBlank @Schema(example = "non-respect of art. 4: contributions unpaid") String reason,
            @NotNull @Schema(example = "2027-08-31") LocalDate effectiveDate,
            @Schema(example = "2027-06-15", description = "required when the syndicat terminates") LocalDate agreementAttemptFailedOn,
            @Schema(example = "meeting of 15 June: no agreement", description = "required when the syndicat terminates") String agreementAttemptSummary) {
    }

    public record DeliberationView(String number, LocalDate date, boolean charterApproved, boolean executiveAuthorised) {
    }

    public record TerminationView(UUID id, TerminationParty initiatedBy, String reason, LocalDate effectiveDate,
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
