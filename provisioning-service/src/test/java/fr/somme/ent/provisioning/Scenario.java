package fr.somme.ent.provisioning;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;

import fr.somme.ent.commons.ids.Luhn;
import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.commons.ids.Uai;
import fr.somme.ent.testsupport.EventContracts;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.TopicProbe;

/**
 * Test inputs: CloudEvents built per the consumed schemas (contracts/schemas/fr.ent.membership.*, fr.ent.projects.*),
 * each checked with EventContracts before it is sent, and fresh valid identifiers so that tests stay independent.
 */
public final class Scenario {

    public static final String MEMBERSHIP = "ent.membership.v1";
    public static final String PROJECTS = "ent.projects.v1";
    public static final String OUT = "ent.provisioning.v1";

    private static final Random RANDOM = new Random();
    private static final AtomicInteger NEXT = new AtomicInteger(RANDOM.nextInt(5000));

    private Scenario() {
    }

    public static LocalDate today() {
        return LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
    }

    public static String currentYear() {
        return SchoolYear.containing(today()).name();
    }

    /** A valid Somme UAI (080 + 4 digits + check letter), fresh for this run. */
    public static String uai() {
        String seven = "080" + String.format("%04d", (NEXT.incrementAndGet() * 7 + RANDOM.nextInt(7)) % 10000);
        return seven + Uai.checkLetter(seven);
    }

    /** A valid SIREN (Luhn), fresh for this run. */
    public static String siren() {
        while (true) {
            String eight = "2" + String.format("%07d", RANDOM.nextInt(10_000_000));
            for (int d = 0; d <= 9; d++) {
                if (Luhn.isValid(eight + d)) {
                    return eight + d;
                }
            }
        }
    }

    public static String envelope(String source, String type, String subject, String data) {
        String json = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"" + source + "\",\"type\":\""
                + type + "\",\"subject\":\"" + subject + "\",\"time\":\"" + Instant.now()
                + "\",\"datacontenttype\":\"application/json\",\"data\":" + data + "}";
        EventContracts.assertConforms(json, type);
        return json;
    }

    static String schools(String... uais) {
        return Arrays.stream(uais).map(u -> "{\"uai\":\"" + u + "\",\"name\":\"ECOLE " + u + "\",\"classes\":2,\"students\":50}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    public static String adhesionEffective(String siren, String kind, LocalDate effective, String year, String... uais) {
        return envelope("/ent/membership-service", "fr.ent.membership.adhesion-effective.v1", siren,
                "{\"memberId\":\"" + siren + "\",\"adhesionId\":\"" + UUID.randomUUID() + "\",\"memberKind\":\"" + kind
                        + "\",\"effectiveDate\":\"" + effective + "\",\"deliberation\":{\"number\":\"2026-12\",\"date\":\""
                        + effective.minusDays(20) + "\"},\"charterSignedOn\":\"" + effective.minusDays(10)
                        + "\",\"deliberationTransmittedOn\":\"" + effective.minusDays(5) + "\",\"charterTransmittedOn\":\""
                        + effective + "\",\"schoolYear\":\"" + year + "\",\"schools\":" + schools(uais) + "}");
    }

    public static String designationsChanged(String siren, String year, int revision, String... uais) {
        return envelope("/ent/membership-service", "fr.ent.membership.designations-changed.v1", siren,
                "{\"memberId\":\"" + siren + "\",\"adhesionId\":\"" + UUID.randomUUID() + "\",\"schoolYear\":\"" + year
                        + "\",\"revision\":" + revision + ",\"schools\":" + schools(uais) + "}");
    }

    public static String terminated(String siren, LocalDate effective) {
        return envelope("/ent/membership-service", "fr.ent.membership.membership-terminated.v1", siren,
                "{\"memberId\":\"" + siren + "\",\"terminationId\":\"" + UUID.randomUUID()
                        + "\",\"initiatedBy\":\"MEMBER\",\"reason\":\"intérêt général\",\"effectiveDate\":\"" + effective
                        + "\",\"agreementAttemptFailedOn\":null}");
    }

    public static String optOut(String siren, String fromYear, String... components) {
        return envelope("/ent/membership-service", "fr.ent.membership.component-opt-out-notified.v1", siren,
                "{\"memberId\":\"" + siren + "\",\"optOutId\":\"" + UUID.randomUUID() + "\",\"components\":"
                        + Arrays.stream(components).map(c -> "\"" + c + "\"").collect(Collectors.joining(",", "[", "]"))
                        + ",\"notifiedOn\":\"" + today().minusDays(200) + "\",\"effectiveFromSchoolYear\":\"" + fromYear + "\"}");
    }

    static String projectData(UUID projectId, String uai, String teacher, String year, int students, String[] resources) {
        return "{\"projectId\":\"" + projectId + "\",\"schoolUai\":\"" + uai + "\",\"circonscriptionCode\":\"0801\",\"teacherId\":\""
                + teacher + "\",\"classLabel\":\"CM2 A\",\"levels\":[\"CM2\"],\"schoolYear\":\"" + year + "\",\"students\":"
                + students + ",\"requestedResources\":" + Arrays.stream(resources).map(c -> "\"" + c + "\"")
                        .collect(Collectors.joining(",", "[", "]"));
    }

    public static String projectValidated(UUID projectId, String uai, String teacher, String year, int students,
            String... resources) {
        return envelope("/ent/project-validation-service", "fr.ent.projects.project-validated.v1", projectId.toString(),
                projectData(projectId, uai, teacher, year, students, resources) + ",\"validatedBy\":\"ien-0801\",\"validatedOn\":\""
                        + today() + "\"}");
    }

    public static String projectWithdrawn(UUID projectId, String uai, String teacher, String year, int students,
            LocalDate on) {
        return envelope("/ent/project-validation-service", "fr.ent.projects.project-withdrawn.v1", projectId.toString(),
                projectData(projectId, uai, teacher, year, students, new String[0]) + ",\"withdrawnBy\":\"" + teacher
                        + "\",\"withdrawnOn\":\"" + on + "\"}");
    }

    public static void membership(String siren, String event) {
        TopicProbe.send(MEMBERSHIP, siren, event);
    }

    public static void project(UUID projectId, String event) {
        TopicProbe.send(PROJECTS, projectId.toString(), event);
    }

    public static void awaitStatus(UUID projectId, String status) {
        Awaitility.await("class " + projectId + " " + status).atMost(Duration.ofSeconds(30)).until(() -> ServiceDatabase.count(
                "SELECT count(*) FROM class_deployment WHERE project_id = ? AND status = ?", projectId, status) == 1);
    }

    public static void awaitReasons(UUID projectId, String reasons) {
        Awaitility.await("class " + projectId + " pending: " + reasons).atMost(Duration.ofSeconds(30))
                .until(() -> ServiceDatabase.count("SELECT count(*) FROM class_deployment WHERE project_id = ? "
                        + "AND status = 'PENDING' AND reasons = ?", projectId, reasons) == 1);
    }
}
