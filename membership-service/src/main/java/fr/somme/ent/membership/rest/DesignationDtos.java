package fr.somme.ent.membership.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the designation endpoints read and write. */
public final class DesignationDtos {

    private DesignationDtos() {
    }

    public record SchoolRequest(
            @NotBlank @Size(max = 16) @Schema(example = "0800091P") String uai,
            @Size(max = 200) @Schema(example = "ECOLE PRIMAIRE FRANCIS DUFLOT", description = "optional, at most 200 characters: the school reference's name is stored") String name,
            @NotNull @Min(1) @Schema(example = "5") Integer classes,
            @NotNull @Min(0) @Schema(example = "118") Integer students) {
    }

    public record DesignationRequest(
            @NotNull @Size(max = 500) @Schema(description = "at most 500 schools") List<@Valid @NotNull SchoolRequest> schools) {
    }

    public record SchoolView(String uai, String name, int classes, int students) {
    }

    /** The designation in force for a school year: its latest revision and its schools. */
    public record DesignationView(String memberId, UUID adhesionId, String schoolYear, int revision, List<SchoolView> schools) {
    }

    public record RevisionView(int revision, UUID adhesionId, List<SchoolView> schools, String designatedBy,
            Instant designatedAt) {
    }
}
