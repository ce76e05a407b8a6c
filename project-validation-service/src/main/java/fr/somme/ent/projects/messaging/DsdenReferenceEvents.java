package fr.somme.ent.projects.messaging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import fr.somme.ent.projects.domain.School;

/** Payloads of the DSDEN's {@code dsden.reference.v1} topic (schemas in contracts/schemas). */
public final class DsdenReferenceEvents {

    public static final String TOPIC = "dsden.reference.v1";
    public static final String CIRCONSCRIPTION_UPSERTED = "fr.ent.dsden.circonscription-upserted.v1";
    public static final String SCHOOL_UPSERTED = "fr.ent.dsden.school-upserted.v1";

    private DsdenReferenceEvents() {
    }

    public record Ien(@NotBlank @Size(max = 100) String id, @Size(max = 200) String displayName) {
    }

    public record CirconscriptionUpserted(@NotBlank @Pattern(regexp = "[0-9A-Z-]{2,16}") String code, @NotBlank @Size(max = 200) String name,
            @NotNull @Valid Ien ien) {
    }

    public record SchoolUpserted(@NotBlank @Size(max = 16) String uai, @NotBlank @Size(max = 200) String name,
            @NotBlank @Pattern(regexp = "[0-9][0-9AB][0-9]{3}") String communeInsee,
            @NotNull School.Level level, @NotNull School.Sector sector, @NotBlank @Size(max = 16) String circonscriptionCode) {
    }
}
