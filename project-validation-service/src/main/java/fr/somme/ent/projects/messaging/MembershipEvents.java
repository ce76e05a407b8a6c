package fr.somme.ent.projects.messaging;

import java.util.List;

import jakarta.validation.Valid;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The part of membership-service's {@code ent.membership.v1} this service reads (schema fr.ent.membership.designations-changed.v1). */
public final class MembershipEvents {

    public static final String DESIGNATIONS_CHANGED = "fr.ent.membership.designations-changed.v1";

    private MembershipEvents() {
    }

    /** Only the UAI is read; name, classes and students are membership-service's business. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DesignatedSchool(@NotBlank String uai) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DesignationsChanged(@NotBlank @Pattern(regexp = "[0-9]{9}") String memberId,
            @NotBlank @Pattern(regexp = "[0-9]{4}-[0-9]{4}") String schoolYear, @Min(1) int revision,
            @NotNull List<@NotNull @Valid DesignatedSchool> schools) {
    }
}
