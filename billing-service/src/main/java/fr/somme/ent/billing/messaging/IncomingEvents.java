package fr.somme.ent.billing.messaging;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The data of the events this service applies (contracts/schemas/fr.ent.membership.* and fr.ent.provisioning.*). */
public final class IncomingEvents {

    public static final String MEMBER_REGISTERED = "fr.ent.membership.member-registered.v1";
    public static final String MEMBER_UPDATED = "fr.ent.membership.member-updated.v1";
    public static final String ADHESION_EFFECTIVE = "fr.ent.membership.adhesion-effective.v1";
    public static final String MEMBERSHIP_TERMINATED = "fr.ent.membership.membership-terminated.v1";
    public static final String OPT_OUT_NOTIFIED = "fr.ent.membership.component-opt-out-notified.v1";
    public static final String ACCESS_STARTED = "fr.ent.provisioning.access-started.v1";
    public static final String ACCESS_ENDED = "fr.ent.provisioning.access-ended.v1";
    public static final String ACCOUNTS_PROVISIONED = "fr.ent.provisioning.accounts-provisioned.v1";
    public static final String LICENCES_ASSIGNED = "fr.ent.provisioning.licences-assigned.v1";

    private static final String SIREN = "^[0-9]{9}$";
    private static final String YEAR = "^[0-9]{4}-[0-9]{4}$";
    private static final String UAI = "^[0-9]{7}[A-HJ-NPR-Z]$";
    private static final String LEVEL = "^(ECOLE|COLLEGE)$";

    private IncomingEvents() {
    }

    public record MemberRegistered(@NotNull @Pattern(regexp = SIREN) String memberId, String kind, String name) {
    }

    /** A new adhesion took effect (a member may adhere again after a termination: a new adhesion). */
    public record AdhesionEffective(@NotNull @Pattern(regexp = SIREN) String memberId, @NotNull LocalDate effectiveDate) {
    }

    public record MembershipTerminated(@NotNull @Pattern(regexp = SIREN) String memberId, @NotNull LocalDate effectiveDate) {
    }

    public record ComponentOptOutNotified(@NotNull @Pattern(regexp = SIREN) String memberId,
            @NotEmpty List<@NotBlank String> components, @NotNull @Pattern(regexp = YEAR) String effectiveFromSchoolYear) {
    }

    public record AccessStarted(@NotNull @Pattern(regexp = SIREN) String memberId, @NotNull UUID projectId, @NotNull @Pattern(regexp = UAI) String schoolUai,
            @NotNull @Pattern(regexp = YEAR) String schoolYear, @NotBlank String classLabel,
            @NotNull @Pattern(regexp = LEVEL) String schoolLevel, @NotNull @Min(0) Integer students,
            @NotNull LocalDate accessStartDate) {
    }

    public record AccessEnded(@NotNull @Pattern(regexp = SIREN) String memberId, @NotNull UUID projectId, @NotNull @Pattern(regexp = UAI) String schoolUai,
            @NotNull @Pattern(regexp = YEAR) String schoolYear, @NotBlank String classLabel,
            @NotNull @Pattern(regexp = LEVEL) String schoolLevel, @NotNull @Min(0) Integer students,
            @NotNull LocalDate accessEndDate) {
    }

    public record AccountsProvisioned(@NotNull @Pattern(regexp = SIREN) String memberId,
            @NotNull @Pattern(regexp = YEAR) String schoolYear, @NotNull @Pattern(regexp = LEVEL) String schoolLevel,
            @NotNull @Min(0) Integer teacherAccounts, @NotNull @Min(0) Integer studentAccounts) {
    }

    public record LicencesAssigned(@NotNull @Pattern(regexp = SIREN) String memberId,
            @NotNull @Pattern(regexp = YEAR) String schoolYear, @NotNull @Pattern(regexp = LEVEL) String schoolLevel,
            @NotBlank String resourceCode, @NotNull @Min(1) Integer quantity) {
    }
}
