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
 * Art. 4.3 (rule 17) across the suite: the Département de la Somme adheres for its collèges; a class of the Collège
 * Jean-Marc Laurent (Amiens) is provisioned with the resources the Département validated; the Département notifies,
 * during 2026-2027, that it no longer wants one of them; finance sets the market price list and billing calls the
 * Département quantities × unit prices for 2026-2027 (the opt-out not yet in force); the next school year's class gets
 * no licence of the opted-out resource, and the 2027-2028 simulation does not bill it.
 */
class DepartementCollegesIT {

    private static final String DEPARTEMENT = "228000014";
    private static final String NEXT_YEAR = "2027-2028";
    private static final String MANUELS = "MANUELS-6E";
    private static final String ATLAS = "ATLAS-HG";
    private static final String CAHIER = "CAHIER-TEXTES";
    private static final School COLLEGE = new School("0800017J", "Collège Jean-Marc Laurent", "80021", "COLLEGE");
    /** An école member beside the Département, so that a pro rata exists in which the collège could wrongly count. */
    private static final Journeys.Commune BOVES = new Journeys.Commune("218001246", "Boves", "80131",
            new School("0801646E", "ECOLE PRIMAIRE LES DEUX VALLEES", "80131", "PRIMAIRE"), 20);

    @BeforeAll
    static void startSuite() {
        Journeys.start(DepartementCollegesIT.class);
    }

    @Test
    void collegesAreBilledAtMarketPricesAndAnOptOutIsHonouredTheNextSchoolYear() {
        Journeys.dsdenReferenceDataAndConvention(List.of(COLLEGE, BOVES.school()));
        Journeys.catalogue(MANUELS, "Manuels numériques 6e", true, Map.of(YEAR, "8.50", NEXT_YEAR, "8.70"));
        Journeys.catalogue(ATLAS, "Atlas histoire-géographie", true, Map.of(YEAR, "3.00", NEXT_YEAR, "3.10"));
        // Not validated by the Département: never licensed to a collège (art. 4.3).
        Journeys.catalogue(CAHIER, "Cahier de textes", false, Map.of(YEAR, "1.00", NEXT_YEAR, "1.00"));

        // Art. 3 for the Département (it holds the competence for its collèges).
        String operator = Tokens.operator();
        api(Service.MEMBERSHIP, operator).body(Map.of("siren", DEPARTEMENT, "kind", "DEPARTEMENT",
                "name", "Département de la Somme", "departement", "80", "schoolCompetence", true))
                .post("/members").then().statusCode(201);
        String adhesion = Journeys.deliberate(DEPARTEMENT, "CD80-2026-117", "2026-06-22");
        Journeys.designate(DEPARTEMENT, YEAR, COLLEGE, 20, 480);
        Journeys.sign(DEPARTEMENT, adhesion, "2026-07-01");
        Journeys.transmit(DEPARTEMENT, adhesion, "DELIBERATION", "2026-07-02");
        assertEquals("EFFECTIVE", Journeys.transmit(DEPARTEMENT, adhesion, "CHARTER", "2026-07-06").getString("state"));

        // 2026-2027: a 6e class, 25 students, asks for the three resources.
        String project = Journeys.submitProject(COLLEGE.uai(), "6E B", List.of("6E"), YEAR, 25,
                List.of(MANUELS, ATLAS, CAHIER));
        Journeys.validate(project);
        JsonPath deployed = Journeys.awaitStatus(project, "DEPLOYED");
        assertEquals(DEPARTEMENT, deployed.getString("memberId"));
        assertEquals("COLLEGE", deployed.getString("schoolLevel"));
        assertEquals(1, deployed.getInt("teacherAccounts"));
        assertEquals(25, deployed.getInt("studentAccounts"));
        assertEquals(List.of(ATLAS, MANUELS), deployed.getList("licences.resourceCode").stream().sorted().toList(),
                "only the resources validated by the Département");
        assertEquals(List.of(25, 25), deployed.getList("licences.quantity"));

        // The Département notifies on 1 October 2026 (during 2026-2027) that it opts out of the atlas: from 2027-2028.
        JsonPath optOut = api(Service.MEMBERSHIP, operator).body(Map.of("components", List.of(ATLAS),
                "notifiedOn", "2026-10-01"))
                .post("/members/" + DEPARTEMENT + "/component-opt-outs").then().statusCode(201).extract().jsonPath();
        assertEquals(NEXT_YEAR, optOut.getString("effectiveFromSchoolYear"));

        // 2027-2028 (the next school year): designated again, a new project for the same resources.
        Journeys.designate(DEPARTEMENT, NEXT_YEAR, COLLEGE, 20, 490);
        String nextProject = Journeys.submitProject(COLLEGE.uai(), "6E A", List.of("6E"), NEXT_YEAR, 28,
                List.of(MANUELS, ATLAS, CAHIER));
        Journeys.validate(nextProject);
        // Rule 9: a class of 2027-2028 waits for its roll-out window (1 July 2027, before the rentrée)...
        JsonPath waiting = Journeys.awaitClass("2027-2028 class waiting for its roll-out window", nextProject,
                j -> j.getList("reasons").contains("school-year-not-open"));
        assertEquals("PENDING", waiting.getString("status"), waiting.prettify());
        // ... and deploys once it opens: provisioning on 1 July 2027.
        Journeys.suite().moveClock(Service.PROVISIONING, "2027-07-01T08:00:00Z");
        api(Service.PROVISIONING, operator).post("/ops/provisioning/gate-runs").then().statusCode(200);
        JsonPath next = Journeys.awaitStatus(nextProject, "DEPLOYED");
        assertEquals("2027-07-01", next.getString("deployedOn"));
        assertEquals(NEXT_YEAR, next.getString("schoolYear"));
        assertEquals("2027-09-01", next.getString("accessStartDate"), "deployed before the rentrée: access from 1 September");
        assertEquals(29, next.getInt("teacherAccounts") + next.getInt("studentAccounts"));
        assertEquals(List.of(MANUELS), next.getList("licences.resourceCode"), "no licence of the opted-out atlas");
        assertEquals("8.70", next.getString("licences[0].unitPrice"));

        // Finance: market price list of 2026-2027 (and of 2027-2028, for the simulation below).
        String finance = Journeys.finance();
        api(Service.BILLING, finance).body(Map.of("ACCOUNT_CREATION", "1.50", "ACCOUNT_OPERATION", "4.25",
                "LICENCE:" + MANUELS, "8.90", "LICENCE:" + ATLAS, "3.20"))
                .put("/budgets/" + YEAR + "/prices").then().statusCode(200);
        api(Service.BILLING, finance).body(Map.of("ACCOUNT_CREATION", "1.60", "ACCOUNT_OPERATION", "4.40",
                "LICENCE:" + MANUELS, "9.10"))
                .put("/budgets/" + NEXT_YEAR + "/prices").then().statusCode(200);

        // Boves adheres and its CM2 class (20 students) is deployed: the only beneficiary of the pro rata (art. 4.2).
        Journeys.adhere(BOVES);
        String bovesProject = Journeys.submitProject(BOVES.school().uai(), "CM2", List.of("CM2"), YEAR, BOVES.students(), List.of());
        Journeys.validate(bovesProject);
        Journeys.awaitStatus(bovesProject, "DEPLOYED");
        // Paid charges of 2026-2027: the collège's 25 students are billed at market prices, never counted in the pro
        // rata (art. 4.3); what the Département is invoiced is deducted from the écoles' pool (nothing is paid twice),
        // and Boves, the only école beneficiary, bears the rest.
        api(Service.BILLING, finance).body(Map.of("category", "SHARED_PLATFORM", "supplier", "Plateforme ENT SAS",
                "reference", "F-2027-0042", "amount", "1000.00", "paidOn", "2027-03-31"))
                .post("/budgets/" + YEAR + "/expenses").then().statusCode(201);

        // By hand, 2026-2027 (opt-out not yet in force): 1 teacher + 25 students = 26 accounts.
        //   ACCOUNT_CREATION   26 × 1.50 =  39.00
        //   ACCOUNT_OPERATION  26 × 4.25 = 110.50
        //   LICENCE:MANUELS-6E 25 × 8.90 = 222.50   (finance's price, not the catalogue's 8.50)
        //   LICENCE:ATLAS-HG   25 × 3.20 =  80.00
        //   total                          452.00
        Awaitility.await("billing knows the collège's accounts and licences").atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> api(Service.BILLING, finance).get("/periods/" + YEAR + "/simulation").then().statusCode(200)
                        .extract().jsonPath().getString("computed.find { it.memberId == '" + DEPARTEMENT + "' }.amount"),
                        "452.00"::equals);
        Awaitility.await("billing counts Boves' class").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> api(Service.BILLING, finance).get("/periods/" + YEAR + "/simulation").then().statusCode(200)
                        .extract().jsonPath().getString("computed.find { it.memberId == '" + BOVES.siren() + "' }.amount"),
                        "548.00"::equals);
        api(Service.BILLING, finance).body(Map.of("reason", "refacturation collèges 2026-2027"))
                .post("/periods/" + YEAR + "/computation").then().statusCode(200);
        api(Service.BILLING, finance).body(Map.of("reason", "council approved"))
                .post("/periods/" + YEAR + "/issuance").then().statusCode(200);

        JsonPath calls = api(Service.BILLING, finance).get("/calls?schoolYear=" + YEAR).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(BOVES.siren(), DEPARTEMENT), calls.getList("items.memberId").stream().sorted().toList(),
                "one call each: the Département has no share of the pro rata");
        String bovesCall = "items.find { it.memberId == '" + BOVES.siren() + "' }";
        // By hand: écoles' pool = 1,000.00 paid − 0 FEDER − 452.00 invoiced to the Département = 548.00, all Boves'.
        assertEquals("548.00", calls.getString(bovesCall + ".amount"),
                "the collège's students are not beneficiaries and what the Département pays is not paid again");
        JsonPath call = api(Service.BILLING, finance).get("/calls/" + calls.getString("items.find { it.memberId == '" + DEPARTEMENT
                + "' }.id")).then().statusCode(200).extract().jsonPath();
        assertEquals("COLLEGES_MARKET_PRICE", call.getString("kind"));
        assertEquals("ISSUED", call.getString("status"));
        assertEquals("452.00", call.getString("amount"));
        assertEquals(List.of(), call.getList("derivation.optedOut"));
        assertEquals(Map.of("ACCOUNT_CREATION", "26 x 1.50 = 39.00", "ACCOUNT_OPERATION", "26 x 4.25 = 110.50",
                "LICENCE:" + MANUELS, "25 x 8.90 = 222.50", "LICENCE:" + ATLAS, "25 x 3.20 = 80.00"),
                lines(call, "derivation.lines"));
        assertEquals("452.00", call.getString("derivation.total"));

        // By hand, 2027-2028 simulation (the atlas opted out): 1 + 28 = 29 accounts.
        //   ACCOUNT_CREATION   29 × 1.60 =  46.40
        //   ACCOUNT_OPERATION  29 × 4.40 = 127.60
        //   LICENCE:MANUELS-6E 28 × 9.10 = 254.80
        //   total                          428.80   (no atlas line: opted out from 2027-2028)
        JsonPath simulation = api(Service.BILLING, finance).get("/periods/" + NEXT_YEAR + "/simulation").then()
                .statusCode(200).extract().jsonPath();
        String dep = "computed.find { it.memberId == '" + DEPARTEMENT + "' }";
        assertEquals("428.80", simulation.getString(dep + ".amount"));
        assertEquals(List.of(ATLAS), simulation.getList(dep + ".derivation.optedOut"));
        assertEquals(Map.of("ACCOUNT_CREATION", "29 x 1.60 = 46.40", "ACCOUNT_OPERATION", "29 x 4.40 = 127.60",
                "LICENCE:" + MANUELS, "28 x 9.10 = 254.80"), lines(simulation, dep + ".derivation.lines"));
    }

    private static Map<String, String> lines(JsonPath json, String path) {
        List<Map<String, Object>> lines = json.getList(path);
        return lines.stream().collect(java.util.stream.Collectors.toMap(l -> (String) l.get("component"),
                l -> l.get("quantity") + " x " + l.get("unitPrice") + " = " + l.get("amount")));
    }
}
