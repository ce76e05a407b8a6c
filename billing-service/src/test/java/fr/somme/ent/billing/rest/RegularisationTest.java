package fr.somme.ent.billing.rest;

import static fr.somme.ent.billing.BillingFixtures.accessStarted;
import static fr.somme.ent.billing.BillingFixtures.adhesionEffective;
import static fr.somme.ent.billing.BillingFixtures.announced;
import static fr.somme.ent.billing.BillingFixtures.call;
import static fr.somme.ent.billing.BillingFixtures.callOf;
import static fr.somme.ent.billing.BillingFixtures.calls;
import static fr.somme.ent.billing.BillingFixtures.compute;
import static fr.somme.ent.billing.BillingFixtures.expense;
import static fr.somme.ent.billing.BillingFixtures.finance;
import static fr.somme.ent.billing.BillingFixtures.terminated;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.somme.ent.billing.ConfigurableClockTest;
import fr.somme.ent.testsupport.ServiceDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Issue #13 §1, §4, §5, §6 (art. 4.1, 4.4; rules 13, 18): classes are projects, liability across adhesions, the period invariant. */
@QuarkusTest
@TestProfile(ConfigurableClockTest.AfterSchoolYear2026To2027.class)
class RegularisationTest {

    static final String PROBLEMS = "https://ent.somme-numerique.fr/problems/";

    static JsonPath simulation(String year) {
        return given().auth().oauth2(finance()).when().get("/periods/" + year + "/simulation").then().statusCode(200)
                .extract().jsonPath();
    }

    static JsonPath post(String path, Object body) {
        return given().auth().oauth2(finance()).contentType(ContentType.JSON).body(body).when().post(path).then()
                .statusCode(200).extract().jsonPath();
    }

    static BigDecimal liveSum(String year) {
        return calls(year).stream().filter(c -> !"CANCELLED".equals(c.get("status")) && "ECOLES_PRO_RATA".equals(c.get("kind")))
                .map(c -> new BigDecimal((String) c.get("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /* Two classes labelled CM2 in one school (two projects, 20 and 25 students) count 45, not 25. */
    @Test
    void twoClassesLabelledCm2InOneSchoolCountFortyFive() {
        String y = "2022-2023";
        accessStarted(UUID.randomUUID(), "218000719", "0800091P", y, "CM2", 20, "2022-09-05", "ECOLE");
        accessStarted(UUID.randomUUID(), "218000719", "0800091P", y, "CM2", 25, "2022-09-05", "ECOLE");
        expense(y, "SHARED_PLATFORM", "450.00", "2023-01-16");
        JsonPath sim = simulation(y);
        assertEquals(45, sim.getInt("totalStudents"));
        assertEquals(45, sim.getInt("computed.find { it.memberId == '218000719' }.derivation.students"));
        assertEquals(2, sim.getList("computed.find { it.memberId == '218000719' }.derivation.classes").size());
    }

    /*
     * 2023-2024: A 30, B 10, C 60 students, 1,000.00 € → 300.00 / 100.00 / 600.00, issued. A late access-started for D
     * (10 students). By hand, 110 students, 100,000 cents: A 27,272 rem 80, B 9,090 rem 100, C 54,545 rem 50, D 9,090 rem
     * 100; 3 cents left → B, D (tie: smaller SIREN first), A → 272.73 / 90.91 / 545.45 / 90.91 = 1,000.00 €.
     */
    @Test
    void aLateAccessEventIsListedThenTheRegularisationCancelsAndReissuesExactlyTheCallsThatChange() {
        String y = "2023-2024";
        String a = "218000727", b = "218000735", c = "218000743", d = "218000750";
        accessStarted(a, "0800091P", y, "CP", 30, "2023-09-04", true);
        accessStarted(b, "0800094T", y, "CP", 10, "2023-09-04", true);
        accessStarted(c, "0800095U", y, "CP", 60, "2023-09-04", true);
        expense(y, "SHARED_PLATFORM", "1000.00", "2024-03-01");
        compute(y);
        post("/periods/" + y + "/issuance", Map.of("reason", "appel annuel"));
        Map<String, Object> oldA = callOf(y, a);
        Map<String, Object> oldC = callOf(y, c);
        assertEquals("600.00", oldC.get("amount"));

        accessStarted(d, "0800096V", y, "CP", 10, "2023-10-02", true);
        // the computation drafts nothing: it lists what changed
        JsonPath computed = post("/periods/" + y + "/computation", Map.of("reason", "accès tardif"));
        assertEquals(0, computed.getInt("draftsCreated"));
        assertTrue(computed.getBoolean("regularisationNeeded"));
        assertEquals(4, computed.getList("issuedCallsThatNoLongerMatch").size());
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM contribution_call WHERE member_id = ?", d));
        assertEquals(new BigDecimal("1000.00"), liveSum(y));

        // a reason is required; nothing changes without one
        given().auth().oauth2(finance()).contentType(ContentType.JSON).body("{}")
                .when().post("/periods/" + y + "/regularisation").then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "reason-required"));
        assertEquals("ISSUED", call(oldA.get("id")).get("status"));

        JsonPath r = post("/periods/" + y + "/regularisation", Map.of("reason", "accès tardif de l'école D"));
        assertEquals(List.of(a, b, c), r.getList("replaced.memberId"));
        assertEquals(List.of("272.73", "90.91", "545.45"), r.getList("replaced.issuedAmount"));
        assertEquals(List.of("300.00", "100.00", "600.00"), r.getList("replaced.cancelledAmount"));
        assertEquals(List.of(d), r.getList("added.memberId"));
        assertEquals(List.of("90.91"), r.getList("added.issuedAmount"));
        assertEquals(new BigDecimal("1000.00"), liveSum(y), "the live calls sum to the pool again, to the cent");

        Map<String, Object> cancelled = call(oldA.get("id"));
        assertEquals("CANCELLED", cancelled.get("status"));
        assertEquals("AV-2023-2024-0001", cancelled.get("creditNoteNumber"));
        assertEquals("300.00", cancelled.get("amount"), "an issued call never changes");
        Map<String, Object> newA = callOf(y, a);
        assertEquals(oldA.get("id"), newA.get("replacesCallId"));
        assertEquals("AC-2023-2024-0004", newA.get("number"));
        assertTrue(((List<?>) call(newA.get("id")).get("audit")).toString().contains((String) oldA.get("number")));
        assertTrue(((List<?>) cancelled.get("audit")).toString().contains((String) newA.get("number")));
        assertEquals(1, announced(oldA.get("id"), "fr.ent.billing.contribution-call-cancelled.v1"));
        assertEquals(1, announced(newA.get("id"), "fr.ent.billing.contribution-call-issued.v1"));

        // nothing left to regularise: a second regularisation changes nothing
        JsonPath again = post("/periods/" + y + "/regularisation", Map.of("reason", "contrôle"));
        assertEquals(List.of(), again.getList("replaced"));
        assertEquals(List.of(), again.getList("added"));
        assertEquals(4, again.getInt("untouched"));
        assertEquals(false, post("/periods/" + y + "/computation", Map.of("reason", "contrôle"))
                .getBoolean("regularisationNeeded"));
    }

    @Test
    void aPeriodNotYetCalledIsNotRegularised() {
        given().auth().oauth2(finance()).contentType(ContentType.JSON).body(Map.of("reason", "essai"))
                .when().post("/periods/2024-2025/regularisation").then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "period-not-called"));
        given().auth().oauth2(finance()).contentType(ContentType.JSON).body(Map.of("reason", "essai"))
                .when().post("/periods/2027-2028/regularisation").then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "school-year-not-ended"));
    }

    /*
     * Member E adheres (2023-06-01), has a class in 2024-2025, is terminated on 2025-02-03 (during 2024-2025: that year in
     * full), adheres again on 2025-10-01 and has a class in 2025-2026 again: billed in both years.
     */
    @Test
    void aMemberTerminatedAndAdheringAgainIsBilledInBothYears() {
        String e = "218000768";
        adhesionEffective(e, "2023-06-01", "2023-2024");
        accessStarted(e, "0800097W", "2024-2025", "CE2", 18, "2024-09-02", true);
        terminated(e, "2025-02-03");
        adhesionEffective(e, "2025-10-01", "2025-2026");
        accessStarted(e, "0800097W", "2025-2026", "CE2", 16, "2025-11-03", false);
        expense("2024-2025", "EVALUATION", "100.00", "2025-05-05");
        expense("2025-2026", "EVALUATION", "80.00", "2026-05-05");
        JsonPath first = simulation("2024-2025");
        assertEquals("100.00", first.getString("computed.find { it.memberId == '" + e + "' }.amount"));
        assertEquals("2025-02-03", first.getString("computed.find { it.memberId == '" + e + "' }.derivation.terminatedOn"));
        JsonPath second = simulation("2025-2026");
        assertEquals("80.00", second.getString("computed.find { it.memberId == '" + e + "' }.amount"));
        assertEquals(null, second.getString("computed.find { it.memberId == '" + e + "' }.derivation.terminatedOn"));
    }

    /* Net > 0 and no beneficiary student: 422 on computation, nothing stored; the simulation shows it as a warning. */
    @Test
    void aPoolWithoutBeneficiaryStudentsIsRefusedNeverSilentlyLost() {
        String lonely = "2008-2009";
        accessStarted("218000776", "0800091P", lonely, "CP", 0, "2008-09-01", true);
        expense(lonely, "EVALUATION", "10.00", "2009-01-08");
        given().auth().oauth2(finance()).contentType(ContentType.JSON).body(Map.of("reason", "appel"))
                .when().post("/periods/" + lonely + "/computation").then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "no-beneficiary-students"));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM contribution_call WHERE school_year = ?", lonely));
        given().auth().oauth2(finance()).when().get("/periods/" + lonely + "/simulation").then().statusCode(200)
                .body("warnings", hasSize(1)).body("ecolesPool", equalTo("10.00")).body("computed", hasSize(0));
    }
}
