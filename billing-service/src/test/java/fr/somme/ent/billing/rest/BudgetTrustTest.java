package fr.somme.ent.billing.rest;

import static fr.somme.ent.billing.BillingFixtures.BILLING;
import static fr.somme.ent.billing.BillingFixtures.accessStarted;
import static fr.somme.ent.billing.BillingFixtures.announced;
import static fr.somme.ent.billing.BillingFixtures.callOf;
import static fr.somme.ent.billing.BillingFixtures.compute;
import static fr.somme.ent.billing.BillingFixtures.expense;
import static fr.somme.ent.billing.BillingFixtures.finance;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import fr.somme.ent.billing.ConfigurableClockTest;
import fr.somme.ent.billing.domain.BudgetCategory;
import fr.somme.ent.billing.domain.Money;
import fr.somme.ent.testsupport.EventContracts;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** Issue #13 §2 (art. 4.2, 4.4): budget entries you can trust; Idempotency-Key on the money-moving POSTs. */
@QuarkusTest
@TestProfile(ConfigurableClockTest.AfterSchoolYear2026To2027.class)
class BudgetTrustTest {

    static final String PROBLEMS = "https://ent.somme-numerique.fr/problems/";

    static Map<String, Object> invoice(String supplier, String reference, String amount, String paidOn) {
        return Map.of("category", "SHARED_PLATFORM", "supplier", supplier, "reference", reference, "amount", amount,
                "paidOn", paidOn);
    }

    static ValidatableResponse post(String path, Object body, String key) {
        var request = given().auth().oauth2(finance()).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.when().post(path).then();
    }

    static long expenses(String year) {
        return ServiceDatabase.count("SELECT count(*) FROM budget_expense WHERE school_year = ?", year);
    }

    static long audit() {
        return ServiceDatabase.count("SELECT count(*) FROM billing_audit");
    }

    /* The same supplier invoice (same supplier, same reference) posted twice → 409 duplicate-expense, nothing doubled. */
    @Test
    void theSameSupplierInvoiceTwiceIsADuplicateExpense() {
        String y = "2020-2021";
        post("/budgets/" + y + "/expenses", invoice("Plateforme ENT SAS", "F-2021-0042", "6000.00", "2021-03-31"), null)
                .statusCode(201);
        long audit = audit();
        for (Map<String, Object> again : new Map[] { invoice("Plateforme ENT SAS", "F-2021-0042", "6000.00", "2021-03-31"),
                invoice(" plateforme ent sas", "f-2021-0042 ", "10.00", "2021-04-01") }) {
            post("/budgets/" + y + "/expenses", again, null).statusCode(409)
                    .body("type", equalTo(PROBLEMS + "duplicate-expense"));
        }
        // recorded once, whatever the period it is posted to
        post("/budgets/2021-2022/expenses", invoice("Plateforme ENT SAS", "F-2021-0042", "6000.00", "2021-09-30"), null)
                .statusCode(409);
        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM budget_expense WHERE lower(reference) = 'f-2021-0042'"));
        assertEquals(audit, audit());
        given().auth().oauth2(finance()).when().get("/budgets/" + y).then().statusCode(200)
                .body("expenses.findAll { it.reference == 'F-2021-0042' }.amount", equalTo(List.of("6000.00")));
    }

    /* A payment belongs to the period in which it was paid: 1 September Y – 31 August Y+1, boundaries included. */
    @Test
    void anInvoicePaidOutsideThePeriodIsRefused() {
        String y = "2020-2021";
        long before = expenses(y);
        for (String outside : new String[] { "2020-08-31", "2021-09-01" }) {
            post("/budgets/" + y + "/expenses", invoice("Éditions Lecture", "HORS-" + outside, "100.00", outside), null)
                    .statusCode(422).body("type", equalTo(PROBLEMS + "paid-outside-period"));
        }
        assertEquals(before, expenses(y));
        post("/budgets/" + y + "/expenses", invoice("Éditions Lecture", "DANS-1", "100.00", "2020-09-01"), null).statusCode(201);
        post("/budgets/" + y + "/expenses", invoice("Éditions Lecture", "DANS-2", "100.00", "2021-08-31"), null).statusCode(201);
        assertEquals(before + 2, expenses(y));
    }

    /* Same key + same body → the first answer again (status and body); same key + other body → 422; nothing changes. */
    @Test
    void theSameIdempotencyKeyGivesTheFirstAnswerAgainAndRefusesAnotherRequest() {
        String y = "2020-2021";
        Map<String, Object> body = invoice("Canopé", "C-2021-7", "250.00", "2021-02-01");
        String first = post("/budgets/" + y + "/expenses", body, "exp-2021-7").statusCode(201).extract().asString();
        long rows = expenses(y);
        long audit = audit();
        String again = post("/budgets/" + y + "/expenses", body, "exp-2021-7").statusCode(201).extract().asString();
        assertEquals(first, again);
        post("/budgets/" + y + "/expenses", invoice("Canopé", "C-2021-8", "250.00", "2021-02-01"), "exp-2021-7")
                .statusCode(422).body("type", equalTo(PROBLEMS + "idempotency-key-reused"));
        post("/budgets/" + y + "/feder", Map.of("programmeReference", "FEDER-X", "amount", "1.00"), "exp-2021-7")
                .statusCode(422).body("type", equalTo(PROBLEMS + "idempotency-key-reused"));
        post("/budgets/" + y + "/feder", Map.of("programmeReference", "FEDER-X", "amount", "1.00"), "a key with blanks")
                .statusCode(400).body("type", equalTo(PROBLEMS + "invalid-idempotency-key"));
        assertEquals(rows, expenses(y));
        assertEquals(audit, audit());
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM feder_funding WHERE school_year = ?", y));
        // a refused request leaves no key behind: the key serves again once the request is right
        post("/budgets/" + y + "/expenses", invoice("Canopé", "C-2021-7", "250.00", "2020-01-01"), "exp-2021-9")
                .statusCode(422);
        post("/budgets/" + y + "/expenses", invoice("Canopé", "C-2021-9", "250.00", "2021-01-01"), "exp-2021-9")
                .statusCode(201);
    }

    /*
     * 2021-2022: one member, 120.00 €; the call is issued, then paid twice with the same key: paid once, one event
     * contribution-call-paid (contracts-12 §8), the second answer is the first one.
     */
    @Test
    void aCallIsPaidOnceWithItsEventAndTheSameKeyReplaysThePayment() {
        String y = "2021-2022";
        accessStarted("218000701", "0800091P", y, "CE1", 12, "2021-09-02", true);
        expense(y, "EVALUATION", "120.00", "2022-01-10");
        compute(y);
        String id = (String) callOf(y, "218000701").get("id");
        post("/calls/" + id + "/issue", Map.of("reason", "appel"), "issue-" + id).statusCode(200)
                .body("number", equalTo("AC-2021-2022-0001"));
        post("/calls/" + id + "/issue", Map.of("reason", "appel"), "issue-" + id).statusCode(200)
                .body("number", equalTo("AC-2021-2022-0001")).body("status", equalTo("ISSUED"));
        Map<String, Object> payment = Map.of("paidOn", "2027-08-20", "reason", "mandat 42");
        String paid = post("/calls/" + id + "/payment", payment, "pay-" + id).statusCode(200)
                .body("status", equalTo("PAID")).extract().asString();
        assertEquals(paid, post("/calls/" + id + "/payment", payment, "pay-" + id).statusCode(200).extract().asString());
        post("/calls/" + id + "/payment", payment, null).statusCode(409)
                .body("type", equalTo(PROBLEMS + "call-not-issued"));
        assertEquals(1, announced(id, "fr.ent.billing.contribution-call-paid.v1"));
        ConsumerRecord<String, String> event = TopicProbe.awaitRecord(BILLING, r -> r.value().contains(id)
                && r.value().contains("contribution-call-paid"));
        EventContracts.assertConforms(event.value(), "fr.ent.billing.contribution-call-paid.v1");
        assertEquals("218000701", event.key());
        var data = EventContracts.assertConforms(event.value()).path("data");
        assertEquals("AC-2021-2022-0001", data.path("number").asText());
        assertEquals("120.00", data.path("amount").asText());
        assertEquals("2027-08-20", data.path("paidOn").asText());
        assertEquals(y, data.path("schoolYear").asText());
    }

    /*
     * Issue #15: a budget of many lines answers its totals, summed by the database, and one page of its lines.
     * 2071-2072: 250 paid invoices seeded straight in the database, invoice i in category i % 7, (100 + i).37 €, paid on
     * 1 September + (i % 30) days (so many share a payment date and the id orders them), and two FEDER entries.
     * Each category's sum and the total to the cent, 250 lines; pages of 100 give 100, 100, 50 lines, then none: every
     * invoice once, by payment date then id; size 0 or 1,001 and page -1 → 400 validation.
     */
    @Test
    void aBudgetOfManyLinesGivesItsTotalsAndItsLinesOnePageAtATime() throws Exception {
        String y = "2071-2072";
        BudgetCategory[] categories = BudgetCategory.values();
        int lines = 250;
        try (Connection c = ServiceDatabase.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO budget_expense (id, school_year, category, supplier, reference, amount, paid_on, recorded_by,"
                    + " recorded_at) SELECT md5('budget-page/' || i)::uuid, '" + y + "', (ARRAY['"
                    + Arrays.stream(categories).map(Enum::name).collect(Collectors.joining("','")) + "'])[1 + i % "
                    + categories.length + "], 'Fournisseur ' || (i % 13), 'PAGE-2071-' || i, (100 + i) + 0.37,"
                    + " DATE '2071-09-01' + i % 30, 'test', now() FROM generate_series(0, " + (lines - 1) + ") i");
        }
        post("/budgets/" + y + "/feder", Map.of("programmeReference", "FEDER-2071-A", "amount", "1000.00"), null).statusCode(201);
        post("/budgets/" + y + "/feder", Map.of("programmeReference", "FEDER-2071-B", "amount", "0.50"), null).statusCode(201);
        long[] byCategory = new long[categories.length];
        long paid = 0;
        for (int i = 0; i < lines; i++) {
            byCategory[i % categories.length] += (100 + i) * 100L + 37;
            paid += (100 + i) * 100L + 37;
        }
        JsonPath first = budgetPage(y, "0", null).statusCode(200).extract().jsonPath();
        for (int k = 0; k < categories.length; k++) {
            assertEquals(Money.format(byCategory[k]), first.getString("paidByCategory." + categories[k].name()),
                    categories[k].name());
        }
        assertEquals(Money.format(paid), first.getString("paidExpenses"));
        assertEquals("1000.50", first.getString("feder"));
        assertEquals(Money.format(paid - 100_050), first.getString("netCharges"));
        assertEquals(lines, first.getInt("total"));
        assertEquals(2, first.getInt("federEntries"));
        assertEquals(List.of("FEDER-2071-A", "FEDER-2071-B"), first.getList("federFunding.programmeReference"));
        assertEquals(100, first.getInt("size"));

        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0; page <= 3; page++) {
            JsonPath p = budgetPage(y, String.valueOf(page), "100").statusCode(200).extract().jsonPath();
            assertEquals(page, p.getInt("page"));
            assertEquals(lines, p.getInt("total"));
            assertEquals(Money.format(paid), p.getString("paidExpenses"), "the totals are the year's on every page");
            List<Map<String, Object>> items = p.getList("expenses");
            assertEquals(List.of(100, 100, 50, 0).get(page), items.size(), "page " + page);
            all.addAll(items);
        }
        assertEquals(lines, all.stream().map(e -> e.get("id")).distinct().count(), "every invoice once");
        Comparator<Map<String, Object>> byPaymentThenId = Comparator.comparing((Map<String, Object> e) -> (String) e.get("paidOn"))
                .thenComparing(e -> (String) e.get("id"));
        assertEquals(all.stream().sorted(byPaymentThenId).toList(), all, "by payment date, then id");
        for (Map<String, Object> e : all) {
            int i = Integer.parseInt(((String) e.get("reference")).substring("PAGE-2071-".length()));
            assertEquals(Money.format((100 + i) * 100L + 37), e.get("amount"));
            assertEquals(categories[i % categories.length].name(), e.get("category"));
        }
        assertEquals(lines, budgetPage(y, "0", "1000").statusCode(200).extract().jsonPath().getList("expenses").size());
        for (String[] bad : new String[][] { { "0", "0", "size" }, { "0", "1001", "size" }, { "-1", "100", "page" } }) {
            budgetPage(y, bad[0], bad[1]).statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo(PROBLEMS + "validation")).body("errors.field", equalTo(List.of(bad[2])));
        }
    }

    static ValidatableResponse budgetPage(String year, String page, String size) {
        var request = given().auth().oauth2(finance()).queryParam("page", page);
        if (size != null) {
            request = request.queryParam("size", size);
        }
        return request.when().get("/budgets/" + year).then();
    }
}
