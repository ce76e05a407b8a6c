package fr.somme.ent.systemtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.somme.ent.systemtests.RunningSuite.Service;
import fr.somme.ent.testsupport.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The charter's journey across the four packaged services, as the people who use them live it:
 * two communes of Amiens Métropole deliberate, designate their schools, sign and transmit to the
 * contrôle de légalité (art. 3); a teacher in each writes a project that the IEN of circonscription
 * 0801 validates (art. 2); the classes are provisioned and access starts; after the school year,
 * finance records what was actually paid and the FEDER, and calls the contributions (art. 4).
 * The services run in school year 2026-2027 (5 October 2026); billing runs on 15 September 2027.
 */
class CharterJourneyIT {

    private static final String YEAR = "2026-2027";
    private static final String RESOURCE = "LECTURE-CM";
    private static RunningSuite suite;

    record Commune(String siren, String name, String insee, String schoolUai, String schoolName, String otherUai,
            String otherSchoolName, int students) {
    }

    // Real identifiers (INSEE / DGCL, Ministry of Education open data, copied in the services' resources).
    private static final Commune AMIENS = new Commune("218000198", "Amiens", "80021", "0800118U", "ECOLE PRIMAIRE BAPAUME",
            "0800120W", "ECOLE PRIMAIRE ALBERT ROZE", 25);
    private static final Commune BOVES = new Commune("218001246", "Boves", "80131", "0801646E",
            "ECOLE PRIMAIRE LES DEUX VALLEES", "0801635T", "ECOLE PRIMAIRE LOUIS BALEDENT MARCEL MARTIN", 20);

    @BeforeAll
    static void startSuite() {
        suite = RunningSuite.get(CharterJourneyIT.class);
    }

    @Test
    void communesAdhereTheirClassesAreValidatedProvisionedAndTheyPayTheHandComputedContributions() {
        dsdenReferenceDataAndConvention();
        catalogue();

        String amiensProject = adhereAndGetAValidatedClass(AMIENS);
        String bovesProject = adhereAndGetAValidatedClass(BOVES);

        for (var c : List.of(Map.entry(AMIENS, amiensProject), Map.entry(BOVES, bovesProject))) {
            // Provisioning (rule 9, 10, 11): the gate opens, accounts and licences are created, access starts.
            JsonPath deployed = Awaitility.await("class of " + c.getKey().name() + " deployed").atMost(Duration.ofSeconds(60))
                    .until(() -> api(Service.PROVISIONING, Tokens.operator()).get("/classes/" + c.getValue())
                            .then().extract().jsonPath(), j -> "DEPLOYED".equals(j.getString("status")));
            assertEquals(c.getKey().siren(), deployed.getString("memberId"));
            assertEquals(1, deployed.getInt("teacherAccounts"));
            assertEquals(c.getKey().students(), deployed.getInt("studentAccounts"));
            assertEquals("2026-10-05", deployed.getString("accessStartDate"));
            assertEquals(RESOURCE, deployed.getString("licences[0].resourceCode"));
            assertEquals(c.getKey().students(), deployed.getInt("licences[0].quantity"));
            assertEquals("9.80", deployed.getString("licences[0].unitPrice"));
        }

        // Billing (art. 4.2, 4.4): paid expenses minus FEDER, shared by beneficiary students.
        String finance = Tokens.of("finance-1", "finance").sign();
        api(Service.BILLING, finance).body(Map.of("category", "SHARED_PLATFORM", "supplier", "Plateforme ENT SAS",
                "reference", "F-2027-0042", "amount", "6000.00", "paidOn", "2027-03-31"))
                .post("/budget/" + YEAR + "/expenses").then().statusCode(201);
        api(Service.BILLING, finance).body(Map.of("category", "PAID_PEDAGOGICAL_CONTENT", "supplier", "Éditions Lecture",
                "reference", "F-2027-0107", "amount", "4000.00", "paidOn", "2027-06-30"))
                .post("/budget/" + YEAR + "/expenses").then().statusCode(201);
        api(Service.BILLING, finance).body(Map.of("programmeReference", "FEDER-PIC-2021-2027-ENT", "amount", "2500.00"))
                .post("/budget/" + YEAR + "/feder").then().statusCode(201);

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
        // Boves:  7,500.00 × 20/45 = 3,333.333… → 3,333.33; 4,166.67 + 3,333.33 = 7,500.00 exactly.
        assertEquals("4166.67", issuedCall(finance, AMIENS).get("amount"));
        assertEquals("3333.33", issuedCall(finance, BOVES).get("amount"));

        // The commune's agent reads its own call, and nothing of its neighbour's.
        String amiensAgent = Tokens.memberAgent(AMIENS.siren());
        JsonPath own = api(Service.BILLING, amiensAgent).get("/calls?schoolYear=" + YEAR).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(AMIENS.siren()), own.getList("memberId"));
        Object bovesCallId = issuedCall(finance, BOVES).get("id");
        api(Service.BILLING, amiensAgent).get("/calls/" + bovesCallId).then().statusCode(404);
    }

    private static Map<String, Object> issuedCall(String finance, Commune commune) {
        JsonPath calls = api(Service.BILLING, finance).get("/calls?schoolYear=" + YEAR + "&memberId=" + commune.siren())
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, calls.getList("$").size(), "one call for " + commune.name());
        assertEquals("ISSUED", calls.getString("[0].status"));
        return calls.getMap("[0]");
    }

    /** Art. 3: deliberation, designation of two schools, signature, transmissions → effective; then a validated project. */
    private static String adhereAndGetAValidatedClass(Commune c) {
        String operator = Tokens.operator();
        api(Service.MEMBERSHIP, operator).body(Map.of("siren", c.siren(), "kind", "COMMUNE", "name", c.name(),
                "inseeCode", c.insee(), "epciSiren", "248000531", "schoolCompetence", true))
                .post("/members").then().statusCode(201);

        String agent = Tokens.memberAgent(c.siren());
        String adhesion = api(Service.MEMBERSHIP, agent).body(Map.of("number", "2026-0" + c.insee().substring(2),
                "date", "2026-06-25", "charterApproved", true, "executiveAuthorised", true))
                .post("/members/" + c.siren() + "/adhesions").then().statusCode(201).extract().path("id");
        String adhesionPath = "/members/" + c.siren() + "/adhesions/" + adhesion;
        api(Service.MEMBERSHIP, agent).body(Map.of("schools", List.of(
                Map.of("uai", c.schoolUai(), "name", c.schoolName(), "classes", 4, "students", 96),
                Map.of("uai", c.otherUai(), "name", c.otherSchoolName(), "classes", 3, "students", 70))))
                .put("/members/" + c.siren() + "/designations/" + YEAR).then().statusCode(200);
        api(Service.MEMBERSHIP, agent).body(Map.of("signedOn", "2026-07-01"))
                .post(adhesionPath + "/charter-signature").then().statusCode(200);
        api(Service.MEMBERSHIP, agent).body(Map.of("document", "DELIBERATION", "transmittedOn", "2026-07-03"))
                .post(adhesionPath + "/transmissions").then().statusCode(200);
        api(Service.MEMBERSHIP, agent).body(Map.of("document", "CHARTER", "transmittedOn", "2026-07-06"))
                .post(adhesionPath + "/transmissions").then().statusCode(200)
                .body("state", equalTo("EFFECTIVE"))
                .body("effectiveDate", equalTo("2026-07-06"));

        String teacher = Tokens.teacher("teacher-" + c.schoolUai(), c.schoolUai());
        String project = api(Service.PROJECT_VALIDATION, teacher).body(Map.of("schoolUai", c.schoolUai(),
                "classLabel", "CM2 A", "levels", List.of("CM2"), "schoolYear", YEAR, "students", c.students(),
                "objectives", "Cahier de textes et blog de classe; lecture suivie en ligne avec les familles.",
                "requestedResources", List.of(RESOURCE)))
                .post("/projects").then().statusCode(201).extract().path("id");
        api(Service.PROJECT_VALIDATION, teacher).post("/projects/" + project + "/submit").then().statusCode(200)
                .body("state", equalTo("SUBMITTED"));
        api(Service.PROJECT_VALIDATION, Tokens.of("ien-amiens-1", "ien").claim("circonscription", "0801").sign())
                .body(Map.of("decision", "VALIDATED"))
                .post("/projects/" + project + "/decision").then().statusCode(200)
                .body("state", equalTo("VALIDATED"));
        return project;
    }

    private static void dsdenReferenceDataAndConvention() {
        String dsden = Tokens.of("dsden-si", "dsden").sign();
        List<Map<String, Object>> schools = List.of(AMIENS, BOVES).stream()
                .<Map<String, Object>>flatMap(c -> List.<Map<String, Object>>of(
                        Map.of("uai", c.schoolUai(), "name", c.schoolName(), "communeInsee", c.insee(), "level", "PRIMAIRE",
                                "sector", "PUBLIC", "circonscriptionCode", "0801"),
                        Map.of("uai", c.otherUai(), "name", c.otherSchoolName(), "communeInsee", c.insee(), "level", "PRIMAIRE",
                                "sector", "PUBLIC", "circonscriptionCode", "0801")).stream())
                .toList();
        api(Service.PROJECT_VALIDATION, dsden).body(Map.of(
                "circonscriptions", List.of(Map.of("code", "0801", "name", "Amiens 1 (Amiens Métropole)",
                        "ien", Map.of("id", "ien-amiens-1", "displayName", "IEN Amiens 1"))),
                "schools", schools))
                .post("/reference-data").then().statusCode(200);
        api(Service.PROJECT_VALIDATION, dsden).body(Map.of("reference", "CONV-DSDEN80-2026", "validFrom", "2026-09-01",
                "validTo", "2029-08-31", "signedOn", "2026-06-30"))
                .post("/dsden-conventions").then().statusCode(201);
    }

    private static void catalogue() {
        api(Service.PROVISIONING, Tokens.operator()).body(Map.of("title", "Lecture suivie CM", "supplier", "Éditions Lecture",
                "ssoProtocol", "GAR", "validatedByDepartement", false,
                "prices", List.of(Map.of("schoolYear", YEAR, "unitPrice", "9.80"))))
                .put("/resources/" + RESOURCE).then().statusCode(200);
    }

    private static RequestSpecification api(Service service, String token) {
        return given().baseUri(suite.url(service)).auth().oauth2(token).contentType(ContentType.JSON);
    }
}
