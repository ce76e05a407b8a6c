package fr.somme.ent.billing.rest;

import static fr.somme.ent.billing.BillingFixtures.BILLING;
import static fr.somme.ent.billing.BillingFixtures.announced;
import static fr.somme.ent.billing.BillingFixtures.call;
import static fr.somme.ent.billing.BillingFixtures.DEPARTEMENT;
import static fr.somme.ent.billing.BillingFixtures.accessEnded;
import static fr.somme.ent.billing.BillingFixtures.accessStarted;
import static fr.somme.ent.billing.BillingFixtures.callOf;
import static fr.somme.ent.billing.BillingFixtures.calls;
import static fr.somme.ent.billing.BillingFixtures.compute;
import static fr.somme.ent.billing.BillingFixtures.expense;
import static fr.somme.ent.billing.BillingFixtures.feder;
import static fr.somme.ent.billing.BillingFixtures.finance;
import static fr.somme.ent.billing.BillingFixtures.lastNumber;
import static fr.somme.ent.billing.BillingFixtures.terminated;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import fr.somme.ent.billing.ConfigurableClockTest;
import fr.somme.ent.testsupport.EventContracts;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Contribution calls (art. 4.1, 4.2, 4.4; rules 13, 15, 16, 18). "Now" is 2027-09-01 (fixed clock): every school year up
 * to 2026-2027 has ended, 2027-2028 has not. Each test works on its own school year and its own members.
 */
@QuarkusTest
@TestProfile(ConfigurableClockTest.AfterSchoolYear2026To2027.class)
class ContributionCallsTest {

    /*
     * Worked example, school year 2016-2017, from events:
     *   218000115 (120 students: its class CM1-A was announced with 100, then 120; each class counts once, with its
     *   latest count), 218000123 (45 students, terminated with effect 2017-01-15: pays its full share),
     *   218000131 (7 école students; its collège class 6e-A of 500 students is not counted, nor the Département's 5e-B).
     *   218000503 has 60 students in 2016-2017 but was terminated with effect 2016-08-31, before the year began: it pays
     *   nothing, and its students are not in the total. 218000149 starts on 2017-09-04, after the year's end: nothing.
     * Budget: 6,000.00 + 4,000.00 = 10,000.00 € paid − 2,500.00 € FEDER = 7,500.00 € net = 750,000 cents; 172 students.
     *   218000115: 750000×120/172 = 523,255 rem 140 → +1 (2nd largest remainder) → 5,232.56 €
     *   218000123: 750000× 45/172 = 196,220 rem 160 → +1 (largest remainder)     → 1,962.21 €
     *   218000131: 750000×  7/172 =  30,523 rem  44                               →   305.23 €
     *   sum = 7,500.00 €. Counting the first count (100), both counts (220), the collège classes (+800) or the member
     *   terminated before the year (+60) would change the total of 172 and every amount.
     */
    @Test
    void sharesRoundedByLargestRemainderTiesToSmallerSiren() {
        String y = "2016-2017";
        accessStarted("218000115", "0800091P", y, "CM1-A", 100, "2016-09-01", true);
        accessStarted("218000115", "0800091P", y, "CM1-A", 120, "2016-09-01", false);
        accessStarted("218000123", "0800094T", y, "CE1-A", 45, "2016-09-05", true);
        accessStarted("218000131", "0800100Z", y, "CP-A", 7, "2016-10-03", true);
        accessStarted("218000131", "0800002T", y, "6e-A", 500, "2016-09-01", false, "COLLEGE");
        accessStarted(DEPARTEMENT, "0800002T", y, "5e-B", 300, "2016-09-01", true, "COLLEGE");
        accessStarted("218000149", "0800002T", "2017-2018", "CP-B", 30, "2017-09-04", true);
        accessStarted("218000503", "0800094T", y, "CE2-B", 60, "2016-09-05", true);
        terminated("218000503", "2016-08-31");
        accessEnded("218000503", "0800094T", y, "CE2-B", 60, "2016-09-09", "MEMBER_TERMINATED");
        terminated("218000123", "2017-01-15");
        accessEnded("218000123", "0800094T", y, "CE1-A", 45, "2017-01-15", "MEMBER_TERMINATED");
        expense(y, "SHARED_PLATFORM", "6000.00", "2017-03-10");
        expense(y, "PROJECT_PILOTING_ADMINISTRATION", "4000.00", "2017-06-30");
        feder(y, "2500.00");

        List<Map<String, Object>> computed = compute(y);
        assertEquals(Set.of("218000115", "218000123", "218000131"),
                computed.stream().map(c -> c.get("memberId")).collect(Collectors.toSet()),
                "218000503 was terminated before the year began, 218000149 starts after its end: no call");
        Map<String, Object> first = callOf(y, "218000115");
        assertEquals("5232.56", first.get("amount"));
        assertEquals("DRAFT", first.get("status"));
        @SuppressWarnings("unchecked")
        Map<String, Object> d = (Map<String, Object>) first.get("derivation");
        assertEquals("10000.00", d.get("paidExpenses"));
        assertEquals("2500.00", d.get("feder"));
        assertEquals("7500.00", d.get("netCharges"));
        assertEquals(120, d.get("students"));
        assertEquals(172, d.get("totalStudents"));
        assertEquals("5232.558140", d.get("exactShare"));
        assertEquals("0.01", d.get("roundingAdjustment"));
        assertEquals(List.of(Map.of("CM1-A", 120)), ((List<?>) d.get("classes")).stream()
                .map(c -> Map.of(((Map<?, ?>) c).get("classLabel"), ((Map<?, ?>) c).get("students"))).toList(),
                "the class counts once, with its latest count");
        assertEquals("1962.21", callOf(y, "218000123").get("amount"));
        assertEquals("305.23", callOf(y, "218000131").get("amount"));
        assertTrue(calls(y).stream().noneMatch(c -> Set.of("218000149", "218000503", DEPARTEMENT).contains(c.get("memberId"))));
    }

    @Test
    void contributionsAreCalledOnlyAfterTheSchoolYearEnds() {
        String y = "2027-2028"; // ends 2028-08-31; now is 2027-09-01
        accessStarted("218000156", "0800091P", y, "CM2-A", 25, "2027-09-01", true);
        expense(y, "EVALUATION", "1000.00", "2027-09-01");
        given().auth().oauth2(finance()).when().get("/periods/" + y + "/simulation").then().statusCode(200)
                .body("simulation", equalTo(true)).body("computed[0].amount", equalTo("1000.00"));
        given().auth().oauth2(finance()).contentType(ContentType.JSON).body("{}")
                .when().post("/periods/" + y + "/computation").then().statusCode(409)
                .body("type", equalTo("https://ent.somme-numerique.fr/problems/school-year-not-ended"));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM contribution_call WHERE school_year = ?", y));
    }

    @Test
    void recomputingAPeriodWithDraftsGivesTheSameDrafts() {
        String y = "2015-2016";
        accessStarted("218000164", "0800091P", y, "CP-A", 20, "2015-09-01", true);
        accessStarted("218000172", "0800094T", y, "CP-A", 10, "2015-09-01", true);
        expense(y, "ANIMATION_COMMUNICATION", "100.00", "2016-05-02");
        compute(y);
        Map<String, Object> before = callOf(y, "218000164");
        given().auth().oauth2(finance()).contentType(ContentType.JSON).body("{}")
                .when().post("/periods/" + y + "/computation").then().statusCode(200)
                .body("draftsCreated", equalTo(0)).body("draftsUpdated", equalTo(0)).body("draftsUnchanged", equalTo(2));
        Map<String, Object> after = callOf(y, "218000164");
        assertEquals(before.get("id"), after.get("id"));
        assertEquals("66.67", after.get("amount"));
        assertEquals("33.33", callOf(y, "218000172").get("amount"));
    }

    /*
     * 2014-2015: 100.00 € shared by one member → 100.00 €. Issued: number AC-2014-2015-0001, event issued; the budget
     * is then closed; a credit note AV-2014-2015-0001 cancels it (event cancelled); recomputation gives a new draft.
     */
    @Test
    void issuedCallNeverChangesAndIsCorrectedByACreditNote() {
        String y = "2014-2015";
        accessStarted("218000180", "0800091P", y, "CE2-A", 22, "2014-09-01", true);
        expense(y, "OTHER_OPERATING_EXPENSES", "100.00", "2015-04-01");
        compute(y);
        String id = (String) callOf(y, "218000180").get("id");
        given().auth().oauth2(finance()).contentType(ContentType.JSON).body(Map.of("reason", "appel annuel"))
                .when().post("/calls/" + id + "/issue").then().statusCode(200)
                .body("status", equalTo("ISSUED")).body("number", equalTo("AC-2014-2015-0001"))
                .body("issuedOn", equalTo("2027-09-01")).body("audit[-1].action", equalTo("ISSUED"))
                .body("audit[-1].actor", equalTo("finance-1")).body("audit[-1].reason", equalTo("appel annuel"));
        ConsumerRecord<String, String> issued = TopicProbe.awaitRecord(BILLING, r -> r.value().contains(id)
                && r.value().contains("contribution-call-issued"));
        EventContracts.assertConforms(issued.value(), "fr.ent.billing.contribution-call-issued.v1");
        assertEquals("218000180", issued.key());
        assertTrue(issued.value().contains("\"amount\":\"100.00\""));

        // the database itself refuses to change or delete an issued call
        for (String sql : List.of("UPDATE contribution_call SET amount = 1 WHERE id = ?::uuid",
                "DELETE FROM contribution_call WHERE id = ?::uuid")) {
            try (java.sql.Connection c = ServiceDatabase.connect(); java.sql.PreparedStatement st = c.prepareStatement(sql)) {
                st.setString(1, id);
                org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class, st::executeUpdate);
            } catch (java.sql.SQLException e) {
                throw new AssertionError(e);
            }
        }
        // issued: a second issue is refused, the call is unchanged (same number, no second event, nothing audited)
        int auditBefore = ((List<?>) call(id).get("audit")).size();
        given().auth().oauth2(finance()).contentType(ContentType.JSON).body("{}")
                .when().post("/calls/" + id + "/issue").then().statusCode(409)
                .body("type", equalTo("https://ent.somme-numerique.fr/problems/call-not-draft"));
        assertEquals("AC-2014-2015-0001", call(id).get("number"));
        assertEquals(auditBefore, ((List<?>) call(id).get("audit")).size());
        assertEquals(1, announced(id, "fr.ent.billing.contribution-call-issued.v1"));
        // recomputing the issued period issues nothing new
        given().auth().oauth2(finance()).contentType(ContentType.JSON).body("{}")
                .when().post("/periods/" + y + "/computation").then().statusCode(200)
                .body("draftsCreated", equalTo(0));

        given().auth().oauth2(finance()).contentType(ContentType.JSON).body(Map.of("reason", "effectif erroné"))
                .when().post("/calls/" + id + "/cancellation").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("creditNoteNumber", equalTo("AV-2014-2015-0001"))
                .body("number", equalTo("AC-2014-2015-0001")).body("amount", equalTo("100.00"));
        ConsumerRecord<String, String> cancelled = TopicProbe.awaitRecord(BILLING, r -> r.value().contains(id)
                && r.value().contains("contribution-call-cancelled"));
        EventContracts.assertConforms(cancelled.value(), "fr.ent.billing.contribution-call-cancelled.v1");

        given().auth().oauth2(finance()).contentType(ContentType.JSON).body(Map.of("reason", "correction"))
                .when().post("/periods/" + y + "/computation").then().statusCode(200).body("draftsCreated", equalTo(1));
        assertEquals("DRAFT", callOf(y, "218000180").get("status"));
        // a cancellation needs a reason
        String draft = (String) callOf(y, "218000180").get("id");
        given().auth().oauth2(finance()).contentType(ContentType.JSON).body("{}")
                .when().post("/calls/" + draft + "/cancellation").then().statusCode(400)
                .body("type", equalTo("https://ent.somme-numerique.fr/problems/reason-required"));
        // a draft, even with a reason, is not cancelled by a credit note: nothing changes, no number is used up
        Map<String, Object> before = call(draft);
        given().auth().oauth2(finance()).contentType(ContentType.JSON).body(Map.of("reason", "doublon"))
                .when().post("/calls/" + draft + "/cancellation").then().statusCode(409)
                .body("type", equalTo("https://ent.somme-numerique.fr/problems/call-not-issued"));
        assertEquals(before, call(draft));
        assertEquals("DRAFT", before.get("status"));
        assertEquals(0, announced(draft, "fr.ent.billing.contribution-call-cancelled.v1"));
        assertEquals(1, lastNumber("CREDIT_NOTE", y), "the refused credit note gave its number back");
    }

    @Test
    void calledPeriodIsClosedToChanges() {
        String y = "2013-2014";
        accessStarted("218000206", "0800091P", y, "CM1-B", 18, "2013-09-02", true);
        expense(y, "EVALUATION", "500.00", "2014-02-03");
        compute(y);
        given().auth().oauth2(finance()).contentType(ContentType.JSON).body("{}")
                .when().post("/periods/" + y + "/issuance").then().statusCode(200).body("[0].number", equalTo("AC-2013-2014-0001"));
        long before = ServiceDatabase.count("SELECT count(*) FROM budget_expense WHERE school_year = ?", y);
        given().auth().oauth2(finance()).contentType(ContentType.JSON)
                .body(Map.of("category", "EVALUATION", "supplier", "X", "reference", "late", "amount", "10.00", "paidOn", "2014-03-01"))
                .when().post("/budgets/" + y + "/expenses").then().statusCode(409)
                .body("type", equalTo("https://ent.somme-numerique.fr/problems/period-closed"));
        given().auth().oauth2(finance()).contentType(ContentType.JSON).body(Map.of("programmeReference", "late", "amount", "1.00"))
                .when().post("/budgets/" + y + "/feder").then().statusCode(409)
                .body("type", equalTo("https://ent.somme-numerique.fr/problems/period-closed"));
        assertEquals(before, ServiceDatabase.count("SELECT count(*) FROM budget_expense WHERE school_year = ?", y));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM feder_funding WHERE school_year = ?", y));
        given().auth().oauth2(finance()).when().get("/budgets/" + y).then().statusCode(200).body("closed", equalTo(true))
                .body("paidExpenses", equalTo("500.00")).body("feder", equalTo("0.00"));
        given().auth().oauth2(finance()).contentType(ContentType.JSON).body(Map.of("ACCOUNT_CREATION", "1.00"))
                .when().put("/budgets/" + y + "/prices").then().statusCode(409)
                .body("type", equalTo("https://ent.somme-numerique.fr/problems/period-closed"));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM price_list_item WHERE school_year = ?", y));
    }

    @Test
    void anIssuedCallIsPaidOnce() {
        String y = "2004-2005";
        accessStarted("218000495", "0800091P", y, "CM2-C", 9, "2004-09-06", true);
        expense(y, "SHARED_PLATFORM", "90.00", "2005-02-01");
        compute(y);
        String id = (String) callOf(y, "218000495").get("id");
        given().auth().oauth2(finance()).contentType(ContentType.JSON).body(Map.of("paidOn", "2027-08-01"))
                .when().post("/calls/" + id + "/payment").then().statusCode(409) // a draft is not paid
                .body("type", equalTo("https://ent.somme-numerique.fr/problems/call-not-issued"));
        assertEquals("DRAFT", call(id).get("status"));
        assertEquals(null, call(id).get("paidOn"));
        given().auth().oauth2(finance()).contentType(ContentType.JSON).body("{}")
                .when().post("/calls/" + id + "/issue").then().statusCode(200);
        given().auth().oauth2(finance()).contentType(ContentType.JSON).body(Map.of("paidOn", "2027-10-15", "reason", "mandat 1234"))
                .when().post("/calls/" + id + "/payment").then().statusCode(200)
                .body("status", equalTo("PAID")).body("paidOn", equalTo("2027-10-15")).body("amount", equalTo("90.00"))
                .body("audit.action", org.hamcrest.Matchers.contains("DRAFT_COMPUTED", "ISSUED", "PAID"));
        // paid once: a second payment is refused and the first one stands
        Map<String, Object> paid = call(id);
        given().auth().oauth2(finance()).contentType(ContentType.JSON).body(Map.of("paidOn", "2027-11-02", "reason", "mandat 1300"))
                .when().post("/calls/" + id + "/payment").then().statusCode(409)
                .body("type", equalTo("https://ent.somme-numerique.fr/problems/call-not-issued"));
        assertEquals(paid, call(id));
    }

    @Test
    void paidInvoicesAreAmountsAboveZeroInEurosWithCents() {
        String y = "2012-2013";
        for (String bad : List.of("0", "-5.00", "12.345", "1000000000000.00")) {
            given().auth().oauth2(finance()).contentType(ContentType.JSON)
                    .body(Map.of("category", "SHARED_PLATFORM", "supplier", "X", "reference", "R", "amount", bad, "paidOn", "2013-01-10"))
                    .when().post("/budgets/" + y + "/expenses").then().statusCode(400);
        }
        given().auth().oauth2(finance()).contentType(ContentType.JSON)
                .body(Map.of("category", "NOT_A_CATEGORY", "supplier", "X", "reference", "R", "amount", "1.00", "paidOn", "2013-01-10"))
                .when().post("/budgets/" + y + "/expenses").then().statusCode(400);
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM budget_expense WHERE school_year = ?", y));
        expense(y, "PAID_PEDAGOGICAL_CONTENT", "1234.5", "2013-01-10");
        expense(y, "CANOPE_SUPPORT_CONVENTION", "0.01", "2013-01-11");
        given().auth().oauth2(finance()).when().get("/budgets/" + y).then().statusCode(200)
                .body("paidExpenses", equalTo("1234.51"))
                .body("paidByCategory.PAID_PEDAGOGICAL_CONTENT", equalTo("1234.50"))
                .body("paidByCategory.SHARED_PLATFORM", equalTo("0.00"))
                .body("closed", equalTo(false));
    }

    /* 20 members in 2011-2012, 20 drafts issued at once: numbers AC-2011-2012-0001 … 0020, no gap, no duplicate. */
    @Test
    void issuedNumbersHaveNoGapsUnderConcurrency() throws Exception {
        String y = "2011-2012";
        List<String> members = List.of("218000214", "218000222", "218000230", "218000248", "218000255", "218000263",
                "218000271", "218000289", "218000297", "218000305", "218000313", "218000321", "218000339", "218000347",
                "218000354", "218000362", "218000370", "218000388", "218000396", "218000404");
        for (String m : members) {
            accessStarted(m, "0800091P", y, "CLASSE-" + m, 10, "2011-09-05", true);
        }
        expense(y, "SHARED_PLATFORM", "2000.00", "2012-06-01");
        assertEquals(20, compute(y).size());
        List<String> ids = calls(y).stream().map(c -> (String) c.get("id")).toList();
        String token = finance();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<String>> tasks = ids.stream().<Callable<String>>map(id -> () -> given().auth().oauth2(token)
                    .contentType(ContentType.JSON).body("{}").when().post("/calls/" + id + "/issue")
                    .then().statusCode(200).extract().path("number")).toList();
            Set<String> numbers = new TreeSet<>();
            for (Future<String> f : pool.invokeAll(tasks)) {
                numbers.add(f.get());
            }
            Set<String> expected = IntStream.rangeClosed(1, 20).mapToObj(i -> String.format("AC-2011-2012-%04d", i))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(expected, numbers);
        } finally {
            pool.shutdownNow();
        }
    }
}
