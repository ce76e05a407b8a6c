package fr.somme.ent.membership.rest;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.somme.ent.membership.domain.MemberKind;

/** What the member and reference endpoints read and write. */
public final class MemberDtos {

    private MemberDtos() {
    }

    @Schema(name = "MemberRequest")
    public record MemberRequest(
            @NotBlank @Size(max = 20) @Schema(example = "218000198") String siren,
            @NotNull @Schema(example = "COMMUNE") MemberKind kind,
            @NotBlank @Size(max = 200) @Schema(example = "Amiens") String name,
            @Size(max = 10) @Schema(example = "80021", description = "communes only") String inseeCode,
            @Size(max = 20) @Schema(example = "248000531", description = "for a commune, its EPCI") String epciSiren,
            @Size(max = 10) @Schema(example = "80", description = "derived from the INSEE code for a commune") String departement,
            @NotNull @Schema(example = "true") Boolean schoolCompetence) {
    }

    public record MemberView(String id, MemberKind kind, String name, String inseeCode, String epciSiren,
            String departement, boolean schoolCompetence, Instant createdAt, String createdBy, Instant updatedAt,
            String updatedBy) {
    }

    /** What the import of the Somme's reference data did. */
    public record ImportReportView(int communes, int epci, int departement, int created, int updated, int unchanged,
            int schools) {
    }
}
