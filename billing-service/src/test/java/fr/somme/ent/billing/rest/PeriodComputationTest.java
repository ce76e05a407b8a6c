package fr.somme.ent.billing.rest;

import static fr.somme.ent.billing.BillingFixtures.accessEnded;
import static fr.somme.ent.billing.BillingFixtures.accessStarted;
import static fr.somme.ent.billing.BillingFixtures.call;
import static fr.somme.ent.billing.BillingFixtures.callOf;
import static fr.somme.ent.billing.BillingFixtures.calls;
import static fr.somme.ent.billing.BillingFixtures.compute;
import static fr.somme.ent.billing.BillingFixtures.expense;
import static fr.somme.ent.billing.BillingFixtures.feder;
import static fr.somme.ent.billing.BillingFixtures.finance;
import static fr.somme.ent.billing.BillingFixtures.terminated;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import fr.somme.ent.billing.ConfigurableClockTest;
import fr.somme.ent.testsupport.ServiceDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Computing a period end to end, from events and REST (art. 4.1, 4.2, 4.4; rules 13, 15, 18): who is liable, the net
 * charges, what a recomputation does to the drafts. Now is 2027-09-01 (fixed clock); each test has its own year and members.
 */
@QuarkusTest
@TestProfile(ConfigurableClockTest.AfterSchoolYear2026To2027.class)
class PeriodComputationTest {

    /*
     * 2000-2001, 200.00 €: 218000511 (40 students) was terminated with effect 2000-08-31, before the year began: it pays
     * nothing although its class had access until 2000-09-08. 218000529 (10), terminated with effect 2000-09-01, the
     * year's first day, pays its full share; 218000537 (30) too. S = 40: 200 × 10 / 40 = 50.00 €, 200 × 30 / 40 = 150.00 €.
     */
    @Test
    void aMemberTerminatedBeforeFirstSeptemberPaysNothingForThatYear() {
        String y = "2000-2001";
        accessStarted("218000511", "0800091P", y, "CM1", 40, "2000-09-04", true);
        terminated("218000511", "2000-08-31");
        accessEnded("218000511", "0800091P", y, "CM1", 40, "2000-09-08", "MEMBER_TERMINATED");
        accessStarted("218000529", "0800094T", y, "CE2", 10, "2000-09-04", true);
        terminated("218000529", "2000-09-01");
        accessStarted("218000537", "0800100Z", y, "CP", 30, "2000-09-04", true);
        expense(y, "SHARED_PLATFORM", "200.00", "2001-02-01");

        Map<Object, Object> amounts = compute(y).stream().collect(Collectors.toMap(c -> c.get("memberId"), c -> c.get("amount")));
        assertEquals(Map.of("218000529", "50.00", "218000537", "150.00"), amounts);
        @SuppressWarnings("unchecked")
        Map<String, Object> d = (Map<String, Object>) callOf(y, "218000529").get("derivation");
        assertEquals(40, d.get("totalStudents"));
        assertEquals("2000-09-01", d.get("terminatedOn"));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM contribution_call WHERE member_id = ?", "218000511"));
    }

    /*
     * 2001-2002, 400.00 €: 218000545 (30 students) 300.00 €, 218000552 (10) 100.00 €. Then provisioning corrects
     * 218000545's class to 10 students (latest count), and membership notifies 218000552's termination with effect
     * 2001-08-31, before the year began: it is no longer liable. Recomputed: 218000545's draft is updated in place to
     * 400.00 € (same id), 218000552's draft is removed.
     */
    @Test
    void recomputationUpdatesADraftInPlaceAndRemovesTheDraftOfAMemberNoLongerCalled() {
        String y = "2001-2002";
        accessStarted("218000545", "0800091P", y, "CP", 30, "2001-09-03", true);
        accessStarted("218000552", "0800094T", y, "CE1", 10, "2001-09-03", true);
        expense(y, "OTHER_OPERATING_EXPENSES", "400.00", "2002-01-15");
        compute(y);
        String a = (String) callOf(y, "218000545").get("id");
        String b = (String) callOf(y, "218000552").get("id");
        assertEquals("300.00", call(a).get("amount"));
        assertEquals("100.00", call(b).get("amount"));

        accessStarted("218000545", "0800091P", y, "CP", 10, "2001-09-03", false);
        terminated("218000552", "2001-08-31");
        given().auth().oauth2(finance()).contentType(ContentType.JSON).body(Map.of("reason", "effectifs corrigés"))
                .when().post("/periods/" + y + "/computation").then().statusCode(200)
                .body("draftsCreated", equalTo(0)).body("draftsUpdated", equalTo(1))
                .body("draftsUnchanged", equalTo(0)).body("draftsRemoved", equalTo(1));

        Map<String, Object> updated = call(a);
        assertEquals("400.00", updated.get("amount"));
        assertEquals("DRAFT", updated.get("status"));
        assertEquals(10, ((Map<?, ?>) updated.get("derivation")).get("students"));
        assertEquals(10, ((Map<?, ?>) updated.get("derivation")).get("totalStudents"));
        Map<?, ?> last = (Map<?, ?>) ((List<?>) updated.get("audit")).get(((List<?>) updated.get("audit")).size() - 1);
        assertEquals(List.of("DRAFT_RECOMPUTED", "effectifs corrigés", "amount 300.00 -> 400.00"),
                List.of(last.get("action"), last.get("reason"), last.get("detail")));
        assertEquals(List.of(a), calls(y).stream().map(c -> c.get("id")).toList());
        given().auth().oauth2(finance()).when().get("/calls/" + b).then().statusCode(404);
        assertEquals(1, ServiceDatabase.count(
                "SELECT count(*) FROM billing_audit WHERE call_id = ?::uuid AND action = 'DRAFT_REMOVED'", b));
    }

    /*
     * 2002-2003: 300.00 € paid, 500.00 € of FEDER: the net charges are 0.00 €, never negative; the FEDER surplus is not
     * paid out to the members: no call, no credit.
     */
    @Test
    void aFederSurplusIsNotPaidOutToTheMembers() {
        String y = "2002-2003";
        accessStarted("218000560", "0800091P", y, "CM2", 12, "2002-09-02", true);
        expense(y, "SHARED_PLATFORM", "300.00", "2003-02-03");
        feder(y, "500.00");
        given().auth().oauth2(finance()).when().get("/budgets/" + y).then().statusCode(200)
                .body("paidExpenses", equalTo("300.00")).body("feder", equalTo("500.00")).body("netCharges", equalTo("0.00"));
        given().auth().oauth2(finance()).when().get("/periods/" + y + "/simulation").then().statusCode(200)
                .body("netCharges", equalTo("0.00")).body("computed", empty());
        given().auth().oauth2(finance()).contentType(ContentType.JSON).body(Map.of("reason", "fin d'année"))
                .when().post("/periods/" + y + "/computation").then().statusCode(200)
                .body("computed", empty()).body("draftsCreated", equalTo(0));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM contribution_call WHERE school_year = ?", y));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM contribution_call WHERE amount < 0"));
    }

    /*
     * 2051-2052 (a year and members no other test uses), 90.00 €: 218009009 has CM2 (20 students) and CM1 (15, same access
     * dates), 218009017 has CP (10) and a CE1 whose access ended before the year began (not counted), 218009025 only a
     * class whose access starts after the year (not liable): 35 / 45 → 70.00 €, 10 / 45 → 20.00 €. The summary form of
     * the simulation (?derivations=false, which reads each member's classes grouped by access dates) gives the same
     * amounts and the same three terms, without the derivations.
     */
    @Test
    void theSimulationWithoutDerivationsGivesTheSameAmountsAndTermsWithoutTheDerivations() {
        String y = "2051-2052";
        accessStarted("218009009", "0800091P", y, "CM2", 20, "2051-09-01", true);
        accessStarted("218009009", "0800091P", y, "CM1", 15, "2051-09-01", false);
        accessStarted("218009017", "0800094T", y, "CP", 10, "2051-09-01", true);
        accessStarted("218009017", "0800094T", y, "CE1", 12, "2051-06-02", false);
        accessEnded("218009017", "0800094T", y, "CE1", 12, "2051-08-30", "MEMBER_TERMINATED");
        accessStarted("218009025", "0800091P", y, "CP", 9, "2052-09-02", true);
        expense(y, "SHARED_PLATFORM", "90.00", "2052-01-10");
        List<Map<String, Object>> full = given().auth().oauth2(finance()).when().get("/periods/" + y + "/simulation")
                .then().statusCode(200).body("ecolesPool", equalTo("90.00")).body("totalStudents", equalTo(45))
                .extract().path("computed");
        List<Map<String, Object>> summary = given().auth().oauth2(finance())
                .when().get("/periods/" + y + "/simulation?derivations=false")
                .then().statusCode(200).body("ecolesPool", equalTo("90.00")).body("totalStudents", equalTo(45))
                .extract().path("computed");
        assertEquals(Map.of("218009009", "70.00", "218009017", "20.00"),
                summary.stream().collect(Collectors.toMap(c -> c.get("memberId"), c -> c.get("amount"))));
        assertEquals(full.stream().map(c -> c.get("memberId") + " " + c.get("amount")).toList(),
                summary.stream().map(c -> c.get("memberId") + " " + c.get("amount")).toList());
        full.forEach(c -> assertEquals(true, c.get("derivation") != null, "full form has the derivation"));
        summary.forEach(c -> assertEquals(null, c.get("derivation"), "summary form has none"));
    }
}
