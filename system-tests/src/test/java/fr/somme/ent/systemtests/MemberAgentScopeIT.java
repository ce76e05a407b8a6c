package fr.somme.ent.systemtests;

import static fr.somme.ent.systemtests.Journeys.YEAR;
import static fr.somme.ent.systemtests.Journeys.api;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.somme.ent.systemtests.Journeys.Commune;
import fr.somme.ent.systemtests.Journeys.School;
import fr.somme.ent.systemtests.RunningSuite.Service;
import fr.somme.ent.testsupport.Tokens;
import io.restassured.path.json.JsonPath;

/**
 * Security across the suite: the agent of Longueau (A) sees its own member, adhesion, designation, project, class and
 * contribution call in the four services, and nothing of Salouël (B): another member's data answers 404 (existence does
 * not leak) or is simply not listed, as each service's README documents.
 */
class MemberAgentScopeIT {

    private static final String RESOURCE = "LECTURE-CM";
    private static final Commune LONGUEAU = new Commune("218004653", "Longueau", "80489",
            new School("0801759C", "ECOLE ELEMENTAIRE PAUL BAROUX", "80489", "ELEMENTAIRE"), 20);
    private static final Commune SALOUEL = new Commune("218006815", "Salouël", "80725",
            new School("0801901G", "ECOLE PRIMAIRE LOUISE DE LA MOISSONNIERE", "80725", "PRIMAIRE"), 30);

    @BeforeAll
    static void startSuite() {
        Journeys.start(MemberAgentScopeIT.class);
    }

    @Test
    void aMemberAgentSeesItsOwnCommuneAndNothingOfAnotherInAnyService() {
        Journeys.dsdenReferenceDataAndConvention(List.of(LONGUEAU.school(), SALOUEL.school()));
        Journeys.catalogue(RESOURCE, "Lecture suivie CM", false, Map.of(YEAR, "9.80"));
        String adhesionA = Journeys.adhere(LONGUEAU);
        String adhesionB = Journeys.adhere(SALOUEL);
        String projectA = Journeys.submitProject(LONGUEAU.school().uai(), "CM1", List.of("CM1"), YEAR,
                LONGUEAU.students(), List.of(RESOURCE));
        String projectB = Journeys.submitProject(SALOUEL.school().uai(), "CM2", List.of("CM2"), YEAR,
                SALOUEL.students(), List.of(RESOURCE));
        Journeys.validate(projectA);
        Journeys.validate(projectB);
        Journeys.awaitStatus(projectA, "DEPLOYED");
        Journeys.awaitStatus(projectB, "DEPLOYED");

        // Billing: 1,000.00 € paid, no FEDER, 20 + 30 students.
        // By hand: Longueau 1,000.00 × 20/50 = 400.00; Salouël 1,000.00 × 30/50 = 600.00 (exact, no rounding).
        String finance = Journeys.finance();
        api(Service.BILLING, finance).body(Map.of("category", "SHARED_PLATFORM", "supplier", "Plateforme ENT SAS",
                "reference", "F-2027-0001", "amount", "1000.00", "paidOn", "2027-03-31"))
                .post("/budgets/" + YEAR + "/expenses").then().statusCode(201);
        Awaitility.await("both communes liable in billing").atMost(Duration.ofSeconds(60))
                .until(() -> api(Service.BILLING, finance).get("/periods/" + YEAR + "/simulation")
                        .then().statusCode(200).extract().jsonPath().getLong("totalStudents") == 50);
        api(Service.BILLING, finance).body(Map.of("reason", "annual call 2026-2027"))
                .post("/periods/" + YEAR + "/computation").then().statusCode(200);
        api(Service.BILLING, finance).body(Map.of("reason", "council approved"))
                .post("/periods/" + YEAR + "/issuance").then().statusCode(200);
        String callB = api(Service.BILLING, finance).get("/calls?schoolYear=" + YEAR + "&memberId=" + SALOUEL.siren())
                .then().statusCode(200).extract().path("items[0].id");

        String agentA = Tokens.memberAgent(LONGUEAU.siren());
        String a = "/members/" + LONGUEAU.siren();
        String b = "/members/" + SALOUEL.siren();

        // membership-service: own data 200; B's member, adhesions, adhesion, designation, history, opt-outs → 404.
        api(Service.MEMBERSHIP, agentA).get(a).then().statusCode(200);
        assertEquals(1, api(Service.MEMBERSHIP, agentA).get(a + "/adhesions").then().statusCode(200)
                .extract().jsonPath().getList("items").size());
        assertEquals(LONGUEAU.school().uai(), api(Service.MEMBERSHIP, agentA).get(a + "/designations/" + YEAR)
                .then().statusCode(200).extract().path("schools[0].uai"));
        JsonPath members = api(Service.MEMBERSHIP, agentA).get("/members").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(LONGUEAU.siren()), members.getList("items.id"));
        assertEquals(1, members.getInt("total"));
        api(Service.MEMBERSHIP, agentA).get(adhesionA).then().statusCode(200);
        for (String path : List.of(b, b + "/adhesions", adhesionB, b + "/designations/" + YEAR,
                b + "/designations/" + YEAR + "/history", b + "/component-opt-outs")) {
            api(Service.MEMBERSHIP, agentA).get(path).then().statusCode(404).contentType("application/problem+json");
        }
        // It cannot act for B either (same 404: B's existence does not leak).
        api(Service.MEMBERSHIP, agentA).body(Map.of("signedOn", "2026-07-01"))
                .post(adhesionB + "/charter-signature").then().statusCode(404);

        // project-validation-service: only the projects of the schools its member designates.
        Awaitility.await("A's agent lists A's project only").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> api(Service.PROJECT_VALIDATION, agentA).get("/projects").then().statusCode(200)
                        .extract().jsonPath().getList("items.id"), ids -> List.of(projectA).equals(ids));
        api(Service.PROJECT_VALIDATION, agentA).get("/projects/" + projectA).then().statusCode(200);
        api(Service.PROJECT_VALIDATION, agentA).get("/projects/" + projectB).then().statusCode(404);
        api(Service.PROJECT_VALIDATION, agentA).get("/projects/" + projectB + "/transitions").then().statusCode(404);

        // provisioning-service: own classes; B's member classes and B's class → 404; the operator's list → 403.
        JsonPath ownClasses = api(Service.PROVISIONING, agentA).get(a + "/classes").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(projectA), ownClasses.getList("items.projectId"));
        assertEquals(20, ownClasses.getInt("items[0].studentAccounts"));
        api(Service.PROVISIONING, agentA).get("/classes/" + projectA).then().statusCode(200);
        api(Service.PROVISIONING, agentA).get(b + "/classes").then().statusCode(404);
        api(Service.PROVISIONING, agentA).get("/classes/" + projectB).then().statusCode(404);
        api(Service.PROVISIONING, agentA).get("/classes/" + projectB + "/accounts").then().statusCode(403);
        api(Service.PROVISIONING, agentA).get("/classes?memberId=" + SALOUEL.siren()).then().statusCode(403);

        // billing-service: its own issued call (400.00); B's call → 404; asking for B's calls → empty list.
        JsonPath ownCalls = api(Service.BILLING, agentA).get("/calls?schoolYear=" + YEAR).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(LONGUEAU.siren()), ownCalls.getList("items.memberId"));
        assertEquals("400.00", ownCalls.getString("items[0].amount"));
        assertEquals("ISSUED", ownCalls.getString("items[0].status"));
        assertEquals(List.of(), api(Service.BILLING, agentA).get("/calls?schoolYear=" + YEAR + "&memberId="
                + SALOUEL.siren()).then().statusCode(200).extract().jsonPath().getList("items"));
        api(Service.BILLING, agentA).get("/calls/" + callB).then().statusCode(404);
        api(Service.BILLING, agentA).get("/calls/" + callB + "/document").then().statusCode(404);
        api(Service.BILLING, agentA).get("/calls/" + callB + "/ubl").then().statusCode(404);
        // Finance sees both, to the cent.
        assertEquals("600.00", api(Service.BILLING, finance).get("/calls/" + callB).then().statusCode(200)
                .extract().path("amount"));
    }
}
