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

import fr.somme.ent.systemtests.Journeys.School;
import fr.somme.ent.systemtests.RunningSuite.Service;
import fr.somme.ent.testsupport.Tokens;
import io.restassured.path.json.JsonPath;

/**
 * The charter's journey across the four packaged services, as the people who use them live it:
 * two communes of Amiens Métropole deliberate, designate two schools each, sign and transmit to the
 * contrôle de légalité (art. 3); a teacher in each writes a project that the IEN of circonscription
 * 0801 validates (art. 2); the classes are provisioned and access starts; after the school year,
 * finance records what was actually paid and the FEDER, and calls the contributions (art. 4).
 * The services run in school year 2026-2027 (5 October 2026); billing runs on 15 September 2027.
 */
class CharterJourneyIT {

    private static final String RESOURCE = "LECTURE-CM";

    record Commune(String siren, String name, String insee, School school, School otherSchool, int students) {
        Journeys.Commune asJourneyCommune() {
            return new Journeys.Commune(siren, name, insee, school, students);
        }
    }

    // Real identifiers (INSEE / DGCL, Ministry of Education open data, copied in the services' resources).
    private static final Commune AMIENS = new Commune("218000198", "Amiens", "80021",
            new School("0800118U", "ECOLE PRIMAIRE BAPAUME", "80021", "PRIMAIRE"),
            new School("0800120W", "ECOLE PRIMAIRE ALBERT ROZE", "80021", "PRIMAIRE"), 25);
    // Camon: two écoles of its own in the open data (art. 3: a commune designates the écoles located in it; Boves has one).
    private static final Commune CAMON = new Commune("218001576", "Camon", "80164",
            new School("0801663Y", "ECOLE PRIMAIRE EDMOND MARQUIS", "80164", "PRIMAIRE"),
            new School("0801827B", "ECOLE PRIMAIRE PAUL LANGEVIN", "80164", "PRIMAIRE"), 20);

    @BeforeAll
    static void startSuite() {
        Journeys.start(CharterJourneyIT.class);
    }

    @Test
    void communesAdhereTheirClassesAreValidatedProvisionedAndTheyPayTheHandComputedContributions() {
        Journeys.dsdenReferenceDataAndConvention(List.of(AMIENS.school(), AMIENS.otherSchool(), CAMON.school(), CAMON.otherSchool()));
        Journeys.catalogue(RESOURCE, "Lecture suivie CM", false, Map.of(YEAR, "9.80"));

        String amiensProject = adhereAndGetAValidatedClass(AMIENS);
        String camonProject = adhereAndGetAValidatedClass(CAMON);

        for (var c : List.of(Map.entry(AMIENS, amiensProject), Map.entry(CAMON, camonProject))) {
            // Provisioning (rule 9, 10, 11): the gate opens, accounts and licences are created, access starts.
            JsonPath deployed = Journeys.awaitStatus(c.getValue(), "DEPLOYED");
            assertEquals(c.getKey().siren(), deployed.getString("memberId"));
            assertEquals(1, deployed.getInt("teacherAccounts"));
            assertEquals(c.getKey().students(), deployed.getInt("studentAccounts"));
            assertEquals("2026-10-05", deployed.getString("accessStartDate"));
            assertEquals(RESOURCE, deployed.getString("licences[0].resourceCode"));
            assertEquals(c.getKey().students(), deployed.getInt("licences[0].quantity"));
            assertEquals("9.80", deployed.getString("licences[0].unitPrice"));
        }

        // Billing (art. 4.2, 4.4): paid expenses minus FEDER, shared by beneficiary students.
        String finance = Journeys.finance();
        api(Service.BILLING, finance).body(Map.of("category", "SHARED_PLATFORM", "supplier", "Plateforme ENT SAS",
                "reference", "F-2027-0042", "amount", "6000.00", "paidOn", "2027-03-31"))
                .post("/budgets/" + YEAR + "/expenses").then().statusCode(201);
        api(Service.BILLING, finance).body(Map.of("category", "PAID_PEDAGOGICAL_CONTENT", "supplier", "Éditions Lecture",
                "reference", "F-2027-0107", "amount", "4000.00", "paidOn", "2027-06-30"))
                .post("/budgets/" + YEAR + "/expenses").then().statusCode(201);
        api(Service.BILLING, finance).body(Map.of("programmeReference", "FEDER-PIC-2021-2027-ENT", "amount", "2500.00"))
                .post("/budgets/" + YEAR + "/feder").then().statusCode(201);

        // Billing learns the accesses from ent.provisioning.v1: wait until both communes are beneficiaries.
        Awaitility.await("both communes liable in billing").atMost(Duration.ofSeconds(60))
                .until(() -> api(Service.BILLING, finance).get("/periods/" + YEAR + "/simulation")
                        .then().statusCode(200).extract().jsonPath().getLong("totalStudents") == 45);

        JsonPath computed = api(Service.BILLING, finance).body(Map.of("reason", "annual call 2026-2027"))
                .post("/periods/" + YEAR + "/computation").then().statusCode(200).extract().jsonPath();
        assertEquals("7500.00", computed.getString("netCharges"));
        api(Service.BILLING, finance).body(Map.of("reason", "council approved"))
                .post("/periods/" + YEAR + "/issuance").then().statusCode(200);

        // By hand: net = 6,000.00 + 4,000.00 - 2,500.00 = 7,500.00 € for 25 + 20 = 45 students.
        // Amiens: 7,500.00 × 25/45 = 4,166.666… → 4,166.66 + 1 cent (largest remainder .666… > .333…) = 4,166.67
        // Camon:  7,500.00 × 20/45 = 3,333.333… → 3,333.33; 4,166.67 + 3,333.33 = 7,500.00 exactly.
        assertEquals("4166.67", issuedCall(finance, AMIENS).get("amount"));
        assertEquals("3333.33", issuedCall(finance, CAMON).get("amount"));

        // The commune's agent reads its own call, and nothing of its neighbour's.
        String amiensAgent = Tokens.memberAgent(AMIENS.siren());
        JsonPath own = api(Service.BILLING, amiensAgent).get("/calls?schoolYear=" + YEAR).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(AMIENS.siren()), own.getList("items.memberId"));
        Object camonCallId = issuedCall(finance, CAMON).get("id");
        api(Service.BILLING, amiensAgent).get("/calls/" + camonCallId).then().statusCode(404);
    }

    private static Map<String, Object> issuedCall(String finance, Commune commune) {
        JsonPath calls = api(Service.BILLING, finance).get("/calls?schoolYear=" + YEAR + "&memberId=" + commune.siren())
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, calls.getList("items").size(), "one call for " + commune.name());
        assertEquals(1, calls.getInt("total"), "one call for " + commune.name());
        assertEquals("ISSUED", calls.getString("items[0].status"));
        return calls.getMap("items[0]");
    }

    /** Art. 3: deliberation, designation of two schools, signature, transmissions → effective; then a validated project. */
    private static String adhereAndGetAValidatedClass(Commune c) {
        Journeys.registerCommune(c.asJourneyCommune());
        String adhesion = Journeys.deliberate(c.siren(), "2026-0" + c.insee().substring(2), "2026-06-25");
        api(Service.MEMBERSHIP, Tokens.memberAgent(c.siren())).body(Map.of("schools", List.of(
                Map.of("uai", c.school().uai(), "name", c.school().name(), "classes", 4, "students", 96),
                Map.of("uai", c.otherSchool().uai(), "name", c.otherSchool().name(), "classes", 3, "students", 70))))
                .put("/members/" + c.siren() + "/designations/" + YEAR).then().statusCode(200);
        Journeys.sign(c.siren(), adhesion, "2026-07-01");
        Journeys.transmit(c.siren(), adhesion, "DELIBERATION", "2026-07-03");
        JsonPath effective = Journeys.transmit(c.siren(), adhesion, "CHARTER", "2026-07-06");
        assertEquals("EFFECTIVE", effective.getString("state"));
        assertEquals("2026-07-06", effective.getString("effectiveDate"));

        String project = Journeys.submitProject(c.school().uai(), "CM2 A", List.of("CM2"), YEAR, c.students(), List.of(RESOURCE));
        Journeys.validate(project);
        return project;
    }
}
