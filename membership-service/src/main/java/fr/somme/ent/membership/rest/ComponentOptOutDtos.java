package fr.somme.ent.membership.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the component opt-out endpoints read and write (art. 4.3). */
public final class ComponentOptOutDtos {

    private ComponentOptOutDtos() {
    }

    public record OptOutRequest(
            @NotEmpty @Size(max = 50) @Schema(example = "[\"ACCOUNTS\"]", description = "ACCOUNTS or resource codes of the catalogue; at most 50") List<@NotNull @Size(max = 64) String> components,
            @NotNull @Schema(example = "2026-06-30") LocalDate notifiedOn) {
    }

    public record OptOutView(UUID id, String memberId, List<String> components, LocalDate notifiedOn,
            String effectiveFromSchoolYear, String recordedBy, Instant recordedAt) {
    }
}
