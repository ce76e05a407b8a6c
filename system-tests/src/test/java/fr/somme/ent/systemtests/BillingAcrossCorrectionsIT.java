package fr.somme.ent.systemtests;

import static fr.somme.ent.systemtests.Journeys.YEAR;
import static fr.somme.ent.systemtests.Journeys.api;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
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
 * Billing that stays exact over corrections and years (art. 4, rules 13 and 18 of docs/domain.md). 2026-2027 is
 * called; a class of Camon deployed late (a second "CM2" of the same school: a class is a project, not a label)
 * reaches billing after the issuance; the computation lists the calls that no longer match, and the regularisation
 * cancels them by credit notes and re-issues them, so that the live calls again sum to the charges to the cent. Dury,
 * terminated during 2026-2027, pays that year in full, adheres again in 2027 with a new deliberation and is billed for
 * 2027-2028 too.
 */
class BillingAcrossCorrectionsIT {

    private static final String NEXT_YEAR = "2027-2028";
    private static final String RESOURCE = "LECTURE-CM";
    private static final Commune CAMON = new Commune("218001576", "Camon", "80164",
            new School("0801663Y", "ECOLE PRIMAIRE EDMOND MARQUIS", "80164", "PRIMAIRE"), 20);
    private static final Commune PONT_DE_METZ = new Commune("218005973", "Pont-de-Metz", "80632",
            new School("0801362W", "ECOLE PRIMAIRE PIERRE ET MARIE CURIE", "80632", "PRIMAIRE"), 25);
    private static final Commune DURY = new Commune("218002509", "Dury", "80261",
            new School("0800335E", "ECOLE PRIMAIRE", "80261", "PRIMAIRE"), 10);

    @BeforeAll
    static void startSuite() {
        Journeys.start(BillingAcrossCorrectionsIT.class);
    }

    @Test
    void aLateClassIsRegularisedToTheCentAndAMemberThatAdheresAgainIsBilledInBothYears() {
        Journeys.dsdenReferenceDataAndConvention(List.of(CAMON.school(), PONT_DE_METZ.school(), DURY.school()));
        Journeys.catalogue(RESOURCE, "Lecture suivie CM", false, Map.of(YEAR, "9.80", NEXT_YEAR, "10.10"));
        for (Commune c : List.of(CAMON, PONT_DE_METZ, DURY)) {
            Journeys.adhere(c);
            String project = Journeys.submitProject(c.school().uai(), "CM2", List.of("CM2"), YEAR, c.students(),
                    List.of(RESOURCE));
            Journeys.validate(project);
            Journeys.awaitStatus(project, "DEPLOYED");
        }
        // Dury terminates in the general interest, effective 5 October 2026: it pays 2026-2027 in full (rule 5).
        String duryAdhesion = api(Service.MEMBERSHIP, Tokens.operator()).get("/members/" + DURY.siren() + "/adhesions")
                .then().statusCode(200).extract().jsonPath().getString("items[0].id");
        api(Service.MEMBERSHIP, Tokens.operator()).body(Map.of("initiatedBy", "MEMBER", "ground", "GENERAL_INTEREST",
                "reason", "délibération du conseil municipal: retrait de l'ENT", "effectiveDate", "2026-10-05"))
                .post("/members/" + DURY.siren() + "/adhesions/" + duryAdhesion + "/termination").then().statusCode(200);

        // 15 September 2027: 1,000.00 € paid in 2026-2027, shared by 20 + 25 + 10 = 55 students, called.
        String finance = Journeys.finance();
        api(Service.BILLING, finance).body(Map.of("category", "SHARED_PLATFORM", "supplier", "Plateforme ENT SAS",
                "reference", "F-2027-0042", "amount", "1000.00", "paidOn", "2027-03-31"))
                .post("/budgets/" + YEAR + "/expenses").then().statusCode(201);
        awaitTotalStudents(finance, YEAR, 55);
        api(Service.BILLING, finance).body(Map.of("reason", "appel annuel 2026-2027"))
                .post("/periods/" + YEAR + "/computation").then().statusCode(200);
        api(Service.BILLING, finance).body(Map.of("reason", "délibération du comité syndical"))
                .post("/periods/" + YEAR + "/issuance").then().statusCode(200);
        // By hand (cents): 100,000 × 20/55 = 36,363 r .6; × 25/55 = 45,454 r .5; × 10/55 = 18,181 r .8; 99,998 →
        // the 2 cents left go to the largest remainders (Dury, then Camon).
        assertEquals(Map.of(CAMON.siren(), "363.64", PONT_DE_METZ.siren(), "454.54", DURY.siren(), "181.82"),
                liveCalls(finance, YEAR));

        // Late: a second "CM2" of Camon's school (15 students) is validated and deployed after the issuance.
        String late = Journeys.submitProject(CAMON.school().uai(), "CM2", List.of("CM2"), YEAR, 15, List.of(RESOURCE));
        Journeys.validate(late);
        Journeys.awaitStatus(late, "DEPLOYED");
        awaitTotalStudents(finance, YEAR, 70);
        JsonPath computed = api(Service.BILLING, finance).body(Map.of("reason", "classe déployée après l'appel"))
                .post("/periods/" + YEAR + "/computation").then().statusCode(200).extract().jsonPath();
        assertTrue(computed.getBoolean("regularisationNeeded"), computed.prettify());
        assertEquals(3, computed.getList("issuedCallsThatNoLongerMatch").size(), computed.prettify());
        assertEquals(Map.of(CAMON.siren(), "363.64", PONT_DE_METZ.siren(), "454.54", DURY.siren(), "181.82"),
                liveCalls(finance, YEAR), "issued calls never change by themselves");

        // Regularisation: 100,000 × 35/70 = 50,000; × 25/70 = 35,714 r .2; × 10/70 = 14,285 r .7 → Dury gets the cent.
        JsonPath regularised = api(Service.BILLING, finance).body(Map.of("reason", "régularisation 2026-2027"))
                .post("/periods/" + YEAR + "/regularisation").then().statusCode(200).extract().jsonPath();
        assertEquals(3, regularised.getList("replaced").size(), regularised.prettify());
        assertTrue(regularised.getList("replaced.creditNoteNumber").stream().allMatch(n -> n != null),
                "each replaced call is cancelled by a credit note");
        Map<String, String> live = liveCalls(finance, YEAR);
        assertEquals(Map.of(CAMON.siren(), "500.00", PONT_DE_METZ.siren(), "357.14", DURY.siren(), "142.86"), live);
        assertEquals(new BigDecimal("1000.00"), live.values().stream().map(BigDecimal::new)
                .reduce(BigDecimal.ZERO, BigDecimal::add), "the live calls sum to the charges again, to the cent");

        // Dury adheres again (1 March 2027: new deliberation, new adhesion) and has a class in 2027-2028.
        Journeys.suite().moveClock(Service.MEMBERSHIP, "2027-03-01T08:00:00Z");
        String again = Journeys.deliberate(DURY.siren(), "2027-0261", "2027-02-15");
        assertTrue(!again.endsWith(duryAdhesion), "a new adhesion");
        Journeys.designate(DURY.siren(), NEXT_YEAR, DURY.school(), 4, 90);
        Journeys.sign(DURY.siren(), again, "2027-02-20");
        Journeys.transmit(DURY.siren(), again, "DELIBERATION", "2027-02-22");
        assertEquals("EFFECTIVE", Journeys.transmit(DURY.siren(), again, "CHARTER", "2027-02-25").getString("state"));
        String nextYearClass = Journeys.submitProject(DURY.school().uai(), "CM1", List.of("CM1"), NEXT_YEAR, 12,
                List.of(RESOURCE));
        Journeys.validate(nextYearClass);
        Journeys.suite().moveClock(Service.PROVISIONING, "2027-09-01T06:00:00Z");
        api(Service.PROVISIONING, Tokens.operator()).post("/ops/provisioning/gate-runs").then().statusCode(200);
        Journeys.awaitStatus(nextYearClass, "DEPLOYED");

        // 15 September 2028: 2027-2028 is called; Dury is its only beneficiary.
        Journeys.suite().moveClock(Service.BILLING, "2028-09-15T08:00:00Z");
        api(Service.BILLING, finance).body(Map.of("category", "SHARED_PLATFORM", "supplier", "Plateforme ENT SAS",
                "reference", "F-2028-0007", "amount", "500.00", "paidOn", "2028-03-31"))
                .post("/budgets/" + NEXT_YEAR + "/expenses").then().statusCode(201);
        awaitTotalStudents(finance, NEXT_YEAR, 12);
        api(Service.BILLING, finance).body(Map.of("reason", "appel annuel 2027-2028"))
                .post("/periods/" + NEXT_YEAR + "/computation").then().statusCode(200);
        api(Service.BILLING, finance).body(Map.of("reason", "délibération du comité syndical"))
                .post("/periods/" + NEXT_YEAR + "/issuance").then().statusCode(200);
        assertEquals(Map.of(DURY.siren(), "500.00"), liveCalls(finance, NEXT_YEAR));
        assertEquals("142.86", liveCalls(finance, YEAR).get(DURY.siren()), "and its 2026-2027 call stands");
    }

    private static void awaitTotalStudents(String finance, String schoolYear, long students) {
        Awaitility.await("billing counts " + students + " students in " + schoolYear).atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> api(Service.BILLING, finance).get("/periods/" + schoolYear + "/simulation")
                        .then().statusCode(200).extract().jsonPath().getLong("totalStudents") == students);
    }

    /** Member → amount of its live (issued or paid, not cancelled) écoles' call of the year; fails on two live calls. */
    private static Map<String, String> liveCalls(String finance, String schoolYear) {
        List<Map<String, Object>> calls = api(Service.BILLING, finance).get("/calls?size=500&schoolYear=" + schoolYear)
                .then().statusCode(200).extract().jsonPath().getList("items");
        return calls.stream().filter(c -> !"CANCELLED".equals(c.get("status")) && !"DRAFT".equals(c.get("status")))
                .collect(java.util.stream.Collectors.toMap(c -> (String) c.get("memberId"), c -> (String) c.get("amount")));
    }
}
