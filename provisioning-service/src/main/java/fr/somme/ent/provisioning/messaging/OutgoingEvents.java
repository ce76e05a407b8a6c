package fr.somme.ent.provisioning.messaging;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The data of the events this service produces on {@code ent.provisioning.v1}, one record per type
 * (contracts/schemas/fr.ent.provisioning.*.v1.json). Counts and prices only, never a name or a login.
 */
public final class OutgoingEvents {

    public static final String CLASS_DEPLOYED = "fr.ent.provisioning.class-deployed.v1";
    public static final String ACCOUNTS_PROVISIONED = "fr.ent.provisioning.accounts-provisioned.v1";
    public static final String ACCOUNTS_CLOSED = "fr.ent.provisioning.accounts-closed.v1";
    public static final String LICENCES_ASSIGNED = "fr.ent.provisioning.licences-assigned.v1";
    public static final String LICENCES_REVOKED = "fr.ent.provisioning.licences-revoked.v1";
    public static final String ACCESS_STARTED = "fr.ent.provisioning.access-started.v1";
    public static final String ACCESS_ENDED = "fr.ent.provisioning.access-ended.v1";

    private OutgoingEvents() {
    }

    public record ClassDeployed(String memberId, UUID projectId, String schoolUai, String schoolYear, String classLabel,
            String schoolLevel, LocalDate deployedOn, int students) {
    }

    public record AccountsProvisioned(String memberId, UUID projectId, String schoolUai, String schoolYear,
            String classLabel, String schoolLevel, int teacherAccounts, int studentAccounts) {
    }

    public record AccountsClosed(String memberId, UUID projectId, String schoolUai, String schoolYear, String classLabel,
            String schoolLevel, int teacherAccounts, int studentAccounts, LocalDate closedOn) {
    }

    /** unitPrice: euros with two decimals as a string, e.g. "12.50". */
    public record LicencesAssigned(String memberId, UUID projectId, String schoolUai, String schoolYear,
            String classLabel, String schoolLevel, String resourceCode, int quantity, String unitPrice) {
    }

    public record LicencesRevoked(String memberId, UUID projectId, String schoolUai, String schoolYear,
            String classLabel, String schoolLevel, String resourceCode, int quantity, String unitPrice,
            LocalDate revokedOn) {
    }

    public record AccessStarted(String memberId, UUID projectId, String schoolUai, String schoolYear, String classLabel,
            String schoolLevel, int students, LocalDate accessStartDate, boolean firstAccessForMember) {
    }

    /** reason: PROJECT_WITHDRAWN, MEMBER_TERMINATED, SCHOOL_YEAR_ENDED, OPERATOR. */
    public record AccessEnded(String memberId, UUID projectId, String schoolUai, String schoolYear, String classLabel,
            String schoolLevel, int students, LocalDate accessEndDate, String reason) {
    }
}
