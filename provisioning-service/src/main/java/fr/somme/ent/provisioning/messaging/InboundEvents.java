package fr.somme.ent.provisioning.messaging;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The data of the events this service consumes (contracts/schemas/fr.ent.membership.*, fr.ent.projects.*). */
public final class InboundEvents {

    public static final String ADHESION_EFFECTIVE = "fr.ent.membership.adhesion-effective.v1";
    public static final String DESIGNATIONS_CHANGED = "fr.ent.membership.designations-changed.v1";
    public static final String MEMBERSHIP_TERMINATED = "fr.ent.membership.membership-terminated.v1";
    public static final String OPT_OUT_NOTIFIED = "fr.ent.membership.component-opt-out-notified.v1";
    public static final String PROJECT_VALIDATED = "fr.ent.projects.project-validated.v1";
    public static final String PROJECT_WITHDRAWN = "fr.ent.projects.project-withdrawn.v1";

    static final String SIREN = "^[0-9]{9}$";
    static final String UAI = "^[0-9]{7}[A-HJ-NPR-Z]$";
    static final String YEAR = "^[0-9]{4}-[0-9]{4}$";
    static final String LEVEL = "^(ECOLE|COLLEGE)$";

    private InboundEvents() {
    }

    /** level (ECOLE, COLLEGE) from membership's school reference; absent from events produced before it was added. */
    public record DesignatedSchool(@NotNull @Pattern(regexp = UAI) String uai, @Min(1) int classes, @Min(0) int students,
            @Pattern(regexp = LEVEL) String level) {
    }

    public record AdhesionEffective(@NotNull @Pattern(regexp = SIREN) String memberId, @NotNull UUID adhesionId,
            @NotBlank String memberKind, @NotNull LocalDate effectiveDate, @NotNull @Pattern(regexp = YEAR) String schoolYear,
            @NotEmpty List<@Valid @NotNull DesignatedSchool> schools) {
    }

    /** An empty list of schools releases the member's schools for that year (a termination, art. 6). */
    public record DesignationsChanged(@NotNull @Pattern(regexp = SIREN) String memberId, @NotNull UUID adhesionId,
            @NotNull @Pattern(regexp = YEAR) String schoolYear, @Min(1) int revision,
            @NotNull List<@Valid @NotNull DesignatedSchool> schools) {
    }

    public record MembershipTerminated(@NotNull @Pattern(regexp = SIREN) String memberId, @NotNull UUID terminationId,
            @NotNull LocalDate effectiveDate) {
    }

    public record OptOutNotified(@NotNull @Pattern(regexp = SIREN) String memberId, @NotNull UUID optOutId,
            @NotEmpty List<@NotBlank String> components, @NotNull @Pattern(regexp = YEAR) String effectiveFromSchoolYear) {
    }

    /**
     * project-validated and project-withdrawn carry the same project fields. {@code teacherId} is the teacher's user
     * name; {@code teacherSub} his token's subject, absent from events of projects written before project-validation
     * recorded subjects (issue #14, point 5).
     */
    public record ProjectData(@NotNull UUID projectId, @NotNull @Pattern(regexp = UAI) String schoolUai,
            @NotBlank String teacherId, @Size(min = 1, max = 255) String teacherSub, @NotBlank String classLabel,
            @NotNull @Pattern(regexp = YEAR) String schoolYear,
            @Min(0) int students, @NotNull List<@NotBlank String> requestedResources, LocalDate validatedOn,
            LocalDate withdrawnOn, String circonscriptionCode) {
    }
}
