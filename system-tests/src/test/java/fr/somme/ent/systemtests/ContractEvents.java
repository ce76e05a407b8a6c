package fr.somme.ent.systemtests;

import static fr.somme.ent.systemtests.HostileEvents.map;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The data of the events the hostile-events campaign publishes, valid as contracts/schemas defines each type (the
 * campaign breaks them one field at a time). School year 2026-2027; communes of the Somme.
 */
final class ContractEvents {

    static final String YEAR = Journeys.YEAR;

    static final String DSDEN = "/dsden/80";
    static final String MEMBERSHIP = "/ent/membership-service";
    static final String PROJECTS = "/ent/project-validation-service";
    static final String PROVISIONING = "/ent/provisioning-service";
    static final String BILLING = "/ent/billing-service";

    static final String SCHOOL_UPSERTED = "fr.ent.dsden.school-upserted.v1";
    static final String CIRCONSCRIPTION_UPSERTED = "fr.ent.dsden.circonscription-upserted.v1";
    static final String IEN_DECISION_TAKEN = "fr.ent.dsden.ien-decision-taken.v1";
    static final String ADHESION_EFFECTIVE = "fr.ent.membership.adhesion-effective.v1";
    static final String DESIGNATIONS_CHANGED = "fr.ent.membership.designations-changed.v1";
    static final String MEMBERSHIP_TERMINATED = "fr.ent.membership.membership-terminated.v1";
    static final String MEMBER_REGISTERED = "fr.ent.membership.member-registered.v1";
    static final String OPT_OUT_NOTIFIED = "fr.ent.membership.component-opt-out-notified.v1";
    static final String PROJECT_VALIDATED = "fr.ent.projects.project-validated.v1";
    static final String PROJECT_WITHDRAWN = "fr.ent.projects.project-withdrawn.v1";
    static final String CLASS_DEPLOYED = "fr.ent.provisioning.class-deployed.v1";
    static final String ACCESS_STARTED = "fr.ent.provisioning.access-started.v1";
    static final String ACCESS_ENDED = "fr.ent.provisioning.access-ended.v1";
    static final String ACCOUNTS_PROVISIONED = "fr.ent.provisioning.accounts-provisioned.v1";
    static final String LICENCES_ASSIGNED = "fr.ent.provisioning.licences-assigned.v1";
    static final String CALL_ISSUED = "fr.ent.billing.contribution-call-issued.v1";
    static final String CALL_PAID = "fr.ent.billing.contribution-call-paid.v1";
    static final String CALL_CANCELLED = "fr.ent.billing.contribution-call-cancelled.v1";

    private ContractEvents() {
    }

    static Map<String, Object> school(String uai, String name, String circonscription) {
        return map("uai", uai, "name", name, "communeInsee", "80489", "level", "ELEMENTAIRE", "sector", "PUBLIC",
                "circonscriptionCode", circonscription);
    }

    static Map<String, Object> circonscription(String code, String ienId) {
        return map("code", code, "name", "Circonscription " + code, "ien", map("id", ienId, "displayName", "IEN " + code));
    }

    static Map<String, Object> decision(String projectId, String decision, String reason, String decidedOn) {
        Map<String, Object> d = map("projectId", projectId, "decision", decision, "ienId", Journeys.IEN,
                "circonscriptionCode", Journeys.CIRCONSCRIPTION, "decidedOn", decidedOn);
        if (reason != null) {
            d.put("reason", reason);
        }
        return d;
    }

    static Map<String, Object> adhesion(String memberId, String... uais) {
        return map("memberId", memberId, "adhesionId", UUID.randomUUID().toString(), "memberKind", "COMMUNE",
                "effectiveDate", "2026-07-06", "deliberation", map("number", "2026-042", "date", "2026-06-25"),
                "charterSignedOn", "2026-07-01", "deliberationTransmittedOn", "2026-07-03", "charterTransmittedOn", "2026-07-06",
                "schoolYear", YEAR, "schools", List.of(uais).stream()
                        .map(u -> map("uai", u, "name", "ECOLE " + u, "classes", 1, "students", 20)).toList());
    }

    static Map<String, Object> designations(String memberId, int revision, String... uais) {
        return map("memberId", memberId, "adhesionId", UUID.randomUUID().toString(), "schoolYear", YEAR, "revision", revision,
                "schools", List.of(uais).stream().map(u -> map("uai", u, "name", "ECOLE " + u, "classes", 1, "students", 20,
                        "level", "ECOLE", "communeInsee", "80489")).toList());
    }

    static Map<String, Object> termination(String memberId, String effectiveDate) {
        return map("memberId", memberId, "terminationId", UUID.randomUUID().toString(), "initiatedBy", "MEMBER",
                "reason", "Délibération de retrait", "effectiveDate", effectiveDate);
    }

    static Map<String, Object> registered(String memberId, String name) {
        return map("memberId", memberId, "kind", "COMMUNE", "name", name, "departement", "80", "schoolCompetence", true);
    }

    static Map<String, Object> optOut(String memberId) {
        return map("memberId", memberId, "optOutId", UUID.randomUUID().toString(), "components", List.of("ACCOUNTS"),
                "notifiedOn", "2026-09-01", "effectiveFromSchoolYear", YEAR);
    }

    static Map<String, Object> projectValidated(String projectId, String uai) {
        return map("projectId", projectId, "schoolUai", uai, "circonscriptionCode", Journeys.CIRCONSCRIPTION,
                "teacherId", "teacher-" + uai, "classLabel", "CM1", "levels", List.of("CM1"), "schoolYear", YEAR,
                "students", 20, "requestedResources", List.of(), "validatedBy", Journeys.IEN, "validatedOn", "2026-10-05");
    }

    static Map<String, Object> projectWithdrawn(String projectId, String uai) {
        return map("projectId", projectId, "schoolUai", uai, "circonscriptionCode", Journeys.CIRCONSCRIPTION,
                "teacherId", "teacher-" + uai, "classLabel", "CM1", "levels", List.of("CM1"), "schoolYear", YEAR,
                "students", 20, "requestedResources", List.of(), "withdrawnBy", "teacher-" + uai, "withdrawnOn", "2026-10-05");
    }

    private static Map<String, Object> aClass(String memberId, String projectId, String uai) {
        return map("memberId", memberId, "projectId", projectId, "schoolUai", uai, "schoolYear", YEAR, "classLabel", "CM1",
                "schoolLevel", "ECOLE");
    }

    static Map<String, Object> classDeployed(String memberId, String projectId, String uai, String deployedOn) {
        Map<String, Object> d = aClass(memberId, projectId, uai);
        d.put("deployedOn", deployedOn);
        d.put("students", 20);
        return d;
    }

    static Map<String, Object> accessStarted(String memberId, String projectId, String uai, int students) {
        Map<String, Object> d = aClass(memberId, projectId, uai);
        d.put("students", students);
        d.put("accessStartDate", "2026-10-05");
        d.put("firstAccessForMember", true);
        return d;
    }

    static Map<String, Object> accessEnded(String memberId, String projectId, String uai, String endDate) {
        Map<String, Object> d = aClass(memberId, projectId, uai);
        d.put("students", 20);
        d.put("accessEndDate", endDate);
        d.put("reason", "PROJECT_WITHDRAWN");
        return d;
    }

    static Map<String, Object> accountsProvisioned(String memberId, String projectId, String uai) {
        Map<String, Object> d = aClass(memberId, projectId, uai);
        d.put("schoolLevel", "COLLEGE");
        d.put("teacherAccounts", 1);
        d.put("studentAccounts", 25);
        return d;
    }

    static Map<String, Object> licencesAssigned(String memberId, String projectId, String uai) {
        Map<String, Object> d = aClass(memberId, projectId, uai);
        d.put("schoolLevel", "COLLEGE");
        d.put("resourceCode", "LECTURE-CM");
        d.put("quantity", 25);
        d.put("unitPrice", "9.80");
        return d;
    }

    static Map<String, Object> callIssued(String memberId, String callId, String amount) {
        return map("memberId", memberId, "callId", callId, "number", "AC-2026-" + callId.substring(0, 6), "schoolYear", YEAR,
                "kind", "ECOLES_PRO_RATA", "amount", amount, "issuedOn", "2027-09-15");
    }

    static Map<String, Object> callPaid(String memberId, String callId, String amount) {
        return map("memberId", memberId, "callId", callId, "number", "AC-2026-" + callId.substring(0, 6), "schoolYear", YEAR,
                "kind", "ECOLES_PRO_RATA", "amount", amount, "paidOn", "2027-10-01");
    }

    static Map<String, Object> callCancelled(String memberId, String callId) {
        return map("memberId", memberId, "callId", callId, "creditNoteNumber", "AV-2026-" + callId.substring(0, 6),
                "amount", "100.00", "reason", "Erreur de calcul", "cancelledOn", "2027-09-20");
    }
}
