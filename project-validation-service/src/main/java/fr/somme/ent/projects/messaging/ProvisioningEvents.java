package fr.somme.ent.projects.messaging;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The part of provisioning-service's {@code ent.provisioning.v1} this service reads (schemas
 * fr.ent.provisioning.class-deployed.v1 and fr.ent.provisioning.access-ended.v1): which project's class is deployed.
 */
public final class ProvisioningEvents {

    public static final String CLASS_DEPLOYED = "fr.ent.provisioning.class-deployed.v1";
    public static final String ACCESS_ENDED = "fr.ent.provisioning.access-ended.v1";

    private ProvisioningEvents() {
    }

    /** Only the project and the day are read; member, school and counts are provisioning's business. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ClassDeployed(@NotNull UUID projectId, @NotNull LocalDate deployedOn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AccessEnded(@NotNull UUID projectId, @NotNull LocalDate accessEndDate, @NotBlank String reason) {
    }
}
