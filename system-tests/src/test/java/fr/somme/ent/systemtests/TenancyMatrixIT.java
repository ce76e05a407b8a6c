package fr.somme.ent.systemtests;

import static fr.somme.ent.systemtests.Journeys.YEAR;
import static fr.somme.ent.systemtests.Journeys.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.somme.ent.systemtests.Journeys.Commune;
import fr.somme.ent.systemtests.Journeys.School;
import fr.somme.ent.systemtests.RunningSuite.Service;
import fr.somme.ent.systemtests.TenancyOperations.Cell;
import fr.somme.ent.systemtests.TenancyOperations.Operation;
import fr.somme.ent.testsupport.Tokens;
import io.restassured.path.json.JsonPath;

/**
 * Issue #14 point 8, tenancy: member A (Longueau, circonscription 0801, its school, class, accounts with named students,
 * contribution call) and member B (Salouël, circonscription 0802, another school) go through the whole charter. Every GET
 * operation of the four services' OpenAPI documents is called with A's ids (path and query) by each role scoped to B —
 * B's member agent, the IEN of B's circonscription, the teacher of B's school — and by A's own roles as the control that
 * the ids are right. No answer of B's roles may be a 2xx that shows anything of A (its SIREN, school, project, call,
 * adhesion, accounts, students' names): the matrix is printed and written to {@code target/system-tests/tenancy-matrix.md}.
 */
class TenancyMatrixIT {

    static final Commune A = new Commune("218004653", "Longueau", "80489",
            new School("0801759C", "ECOLE ELEMENTAIRE PAUL BAROUX", "80489", "ELEMENTAIRE"), 20);
    static final Commune B = new Commune("218006815", "Salouël", "80725",
            new School("0801901G", "ECOLE PRIMAIRE LOUISE DE LA MOISSONNIERE", "80725", "PRIMAIRE"), 30);
    /** The names A's teacher gives three student seats: no other journey uses them (the privacy check looks for them). */
    static final List<String> STUDENT_LAST_NAMES = List.of("TENANTPRIVE", "CONFIDENTIELLE", "MATRICIELLE");
    static final List<String> STUDENT_FIRST_NAMES = List.of("Oriane", "Sixtine", "Maelys");
    private static final String RESOURCE = "LECTURE-CM";

    @BeforeAll
    static void startSuite() {
        Journeys.start(TenancyMatrixIT.class);
    }

    @Test
    void noRoleScopedToAnotherMemberCirconscriptionOrSchoolReadsAnythingOfMemberAThroughAnyGetOperation() throws IOException {
        Map<String, String> a = twoMembersThroughTheCharter();
        Map<String, String> rolesOfB = new LinkedHashMap<>();
        rolesOfB.put("agent B", Tokens.memberAgent(B.siren()));
        rolesOfB.put("IEN 0802", Tokens.ien("0802"));
        rolesOfB.put("teacher B", Tokens.teacher("teacher-" + B.school().uai(), B.school().uai()));
        Map<String, String> rolesOfA = new LinkedHashMap<>();
        rolesOfA.put("agent A", Tokens.memberAgent(A.siren()));
        rolesOfA.put("IEN 0801", Tokens.ien("0801"));
        rolesOfA.put("teacher A", Tokens.teacher("teacher-" + A.school().uai(), A.school().uai()));
        rolesOfA.put("operator", Tokens.operator());
        rolesOfA.put("finance", Journeys.finance());
        rolesOfA.put("dsden", Journeys.dsden());
        rolesOfA.put("platform", Tokens.of("ent-platform", "ent-platform").sign());

        TenancyOperations matrix = new TenancyOperations(a);
        List<Operation> operations = new ArrayList<>();
        for (Service service : Service.values()) {
            operations.addAll(matrix.getOperations(service));
        }
        for (Operation op : operations) {
            rolesOfB.forEach((role, token) -> op.cells().put(role, matrix.call(op, token)));
            Cell control = null;
            for (Map.Entry<String, String> own : rolesOfA.entrySet()) {
                Cell cell = matrix.call(op, own.getValue());
                if (control == null || cell.score() > control.score()) {
                    control = new Cell(cell.status(), cell.showsA(), own.getKey());
                }
            }
            op.setControl(control);
        }
        String table = TenancyOperations.table(operations, List.copyOf(rolesOfB.keySet()));
        System.out.println(table);
        Path file = Path.of("target", "system-tests", "tenancy-matrix.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, table);

        assertEquals(List.of(), TenancyOperations.leaks(operations), "2xx answers of B's roles showing A's data");
        assertEquals(List.of(), TenancyOperations.unexpected(operations),
                "B's roles on A's resources: 403 (role not allowed) or 404 (existence does not leak); lists: 200 without A, or 403");
        assertEquals(List.of(), TenancyOperations.withoutControl(operations),
                "operations naming A's resources that none of A's own roles (nor a staff role) could read: the ids would be wrong");
    }

    /** A and B adhere, designate, write a project each, validated by the IEN of each one's circonscription, deployed, billed. */
    private static Map<String, String> twoMembersThroughTheCharter() {
        api(Service.PROJECT_VALIDATION, Journeys.dsden()).body(Map.of(
                "circonscriptions", List.of(circonscription("0801", "Amiens 1"), circonscription("0802", "Amiens 2")),
                "schools", List.of(school(A.school(), "0801"), school(B.school(), "0802"))))
                .post("/reference-data").then().statusCode(200);
        api(Service.PROJECT_VALIDATION, Journeys.dsden()).body(Map.of("reference", "CONV-DSDEN80-2026",
                "validFrom", "2026-09-01", "validTo", "2029-08-31", "signedOn", "2026-06-30"))
                .post("/dsden-conventions").then().statusCode(201);
        Journeys.catalogue(RESOURCE, "Lecture suivie CM", false, Map.of(YEAR, "9.80"));
        String adhesionA = Journeys.adhere(A);
        Journeys.adhere(B);
        String projectA = Journeys.submitProject(A.school().uai(), "CM1", List.of("CM1"), YEAR, A.students(), List.of(RESOURCE));
        String projectB = Journeys.submitProject(B.school().uai(), "CM2", List.of("CM2"), YEAR, B.students(), List.of(RESOURCE));
        decide(projectA, "0801");
        decide(projectB, "0802");
        Journeys.awaitStatus(projectA, "DEPLOYED");
        Journeys.awaitStatus(projectB, "DEPLOYED");

        // A's teacher names three seats: students' names in A's class, which no role of B may read.
        String teacherA = Journeys.teacher(A.school().uai());
        List<String> students = api(Service.PROVISIONING, Tokens.operator()).get("/classes/" + projectA + "/accounts")
                .then().statusCode(200).extract().jsonPath().getList("findAll { it.role == 'STUDENT' }.id");
        List<String> logins = new ArrayList<>();
        for (int i = 0; i < STUDENT_LAST_NAMES.size(); i++) {
            logins.add(api(Service.PROVISIONING, teacherA).body(Map.of("lastName", STUDENT_LAST_NAMES.get(i),
                    "firstName", STUDENT_FIRST_NAMES.get(i))).put("/classes/" + projectA + "/seats/" + students.get(i))
                    .then().statusCode(200).extract().jsonPath().getString("login"));
        }

        // A's billing profile (Chorus Pro): its call's UBL can be read.
        api(Service.BILLING, Tokens.memberAgent(A.siren())).body(Map.of("siret", HostileEvents.siren(A.siren() + "0001")))
                .put("/members/" + A.siren() + "/billing-profile").then().statusCode(200);
        String finance = Journeys.finance();
        api(Service.BILLING, finance).body(Map.of("category", "SHARED_PLATFORM", "supplier", "Plateforme ENT SAS",
                "reference", "F-2027-0001", "amount", "1000.00", "paidOn", "2027-03-31"))
                .post("/budgets/" + YEAR + "/expenses").then().statusCode(201);
        Awaitility.await("both communes liable in billing").atMost(Duration.ofSeconds(60))
                .until(() -> api(Service.BILLING, finance).get("/periods/" + YEAR + "/simulation")
                        .then().statusCode(200).extract().jsonPath().getLong("totalStudents") == A.students() + B.students());
        api(Service.BILLING, finance).body(Map.of("reason", "annual call 2026-2027"))
                .post("/periods/" + YEAR + "/computation").then().statusCode(200);
        api(Service.BILLING, finance).body(Map.of("reason", "council approved"))
                .post("/periods/" + YEAR + "/issuance").then().statusCode(200);
        String callA = api(Service.BILLING, finance).get("/calls?schoolYear=" + YEAR + "&memberId=" + A.siren())
                .then().statusCode(200).extract().path("items[0].id");

        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("siren", A.siren());
        ids.put("name", A.name());
        ids.put("uai", A.school().uai());
        ids.put("insee", A.insee());
        ids.put("circonscription", "0801");
        ids.put("adhesion", adhesionA.substring(adhesionA.lastIndexOf('/') + 1));
        ids.put("project", projectA);
        ids.put("call", callA);
        ids.put("account", students.get(0));
        ids.put("resource", RESOURCE);
        for (int i = 0; i < logins.size(); i++) {
            ids.put("login" + i, logins.get(i));
            ids.put("student" + i, STUDENT_LAST_NAMES.get(i));
        }
        return ids;
    }

    private static Map<String, Object> circonscription(String code, String name) {
        return Map.of("code", code, "name", name, "ien", Map.of("id", "ien-" + code, "displayName", "IEN " + code));
    }

    private static Map<String, Object> school(School s, String circonscription) {
        return Map.of("uai", s.uai(), "name", s.name(), "communeInsee", s.communeInsee(), "level", s.level(),
                "sector", "PUBLIC", "circonscriptionCode", circonscription);
    }

    private static void decide(String project, String circonscription) {
        JsonPath decided = api(Service.PROJECT_VALIDATION, Tokens.ien(circonscription)).body(Map.of("decision", "VALIDATED"))
                .post("/projects/" + project + "/decision").then().statusCode(200).body("state", equalTo("VALIDATED"))
                .extract().jsonPath();
        assertEquals(circonscription, decided.getString("circonscriptionCode"));
    }

    static RunningSuite suite() {
        return Journeys.suite();
    }

    static io.restassured.specification.RequestSpecification management(Service service) {
        return given().baseUri(suite().managementUrl(service));
    }
}
