package fr.somme.ent.billing.rest;

import static fr.somme.ent.billing.BillingFixtures.DEPARTEMENT;
import static fr.somme.ent.billing.BillingFixtures.PROVISIONING;
import static fr.somme.ent.billing.BillingFixtures.accessStarted;
import static fr.somme.ent.billing.BillingFixtures.callOf;
import static fr.somme.ent.billing.BillingFixtures.classData;
import static fr.somme.ent.billing.BillingFixtures.compute;
import static fr.somme.ent.billing.BillingFixtures.event;
import static fr.somme.ent.billing.BillingFixtures.expense;
import static fr.somme.ent.billing.BillingFixtures.finance;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.somme.ent.billing.BillingFixtures;
import fr.somme.ent.billing.ConfigurableClockTest;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.Tokens;
import fr.somme.ent.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Who sees what (art. 4, security of the issue), the collèges (art. 4.3), exports and the estimate. Now is 2027-09-01. */
@QuarkusTest
@TestProfile(ConfigurableClockTest.AfterSchoolYear2026To2027.class)
class BillingAccessAndDocumentsTest {

    @Test
    void memberAgentSeesOnlyItsOwnIssuedCalls() {
        String y = "2010-2011";
        String own = "218000412";
        String other = "218000420";
        accessStarted(own, "0800091P", y, "CP-A", 12, "2010-09-02", true);
        accessStarted(other, "0800094T", y, "CP-A", 8, "2010-09-02", true);
        expense(y, "SHARED_PLATFORM", "200.00", "2011-01-10");
        compute(y);
        String ownDraft = (String) callOf(y, own).get("id");
        String agent = Tokens.memberAgent(own);
        // a draft is work in progress: not shown to the member
        given().auth().oauth2(agent).when().get("/calls/" + ownDraft).then().statusCode(404);
        given().auth().oauth2(finance()).contentType(ContentType.JSON).body("{}")
                .when().post("/periods/" + y + "/issuance").then().statusCode(200).body("$", hasSize(2));
        String otherCall = (String) callOf(y, other).get("id");

        given().auth().oauth2(agent).when().get("/calls/" + ownDraft).then().statusCode(200)
                .body("amount", equalTo("120.00")).body("derivation.students", equalTo(12))
                .body("derivation.totalStudents", equalTo(20));
        given().auth().oauth2(agent).when().get("/calls/" + otherCall).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(agent).when().get("/calls/" + otherCall + "/document").then().statusCode(404);
        given().auth().oauth2(agent).when().get("/calls/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(agent).when().get("/calls").then().statusCode(200)
                .body("items", hasSize(1)).body("items.memberId", everyItem(equalTo(own))).body("items[0].id", equalTo(ownDraft))
                .body("total", equalTo(1));
        given().auth().oauth2(agent).queryParam("memberId", other).when().get("/calls").then().statusCode(200)
                .body("items", hasSize(0)).body("total", equalTo(0));
        given().auth().oauth2(agent).contentType(ContentType.JSON).body("{}")
                .when().post("/calls/" + ownDraft + "/payment").then().statusCode(403);
        assertEquals("ISSUED", BillingFixtures.call(ownDraft).get("status"), "the refused payment changed nothing");
        given().auth().oauth2(agent).when().get("/budgets/" + y).then().statusCode(403);
        given().auth().oauth2(agent).when().get("/periods/" + y + "/simulation").then().statusCode(403);
        given().auth().oauth2(agent).when().get("/calls/" + ownDraft + "/document").then().statusCode(200)
                .body(containsString("120,00 €")).body(containsString("AC-2010-2011-"));
    }

    @Test
    void financeAndOperatorDoEverythingNobodyElseDoesAnything() {
        given().auth().oauth2(Tokens.operator()).when().get("/calls").then().statusCode(200);
        given().auth().oauth2(Tokens.operator()).when().get("/budgets/2010-2011").then().statusCode(200);
        given().auth().oauth2(finance()).when().get("/periods/2010-2011/simulation").then().statusCode(200);
        for (String token : List.of(Tokens.teacher("teacher-ecole", "0801234G"), Tokens.ien("0801"),
                Tokens.of("partner-1", "partner").sign(), Tokens.of("dsden-1", "dsden").sign())) {
            given().auth().oauth2(token).when().get("/calls").then().statusCode(403);
            given().auth().oauth2(token).when().get("/budgets/2010-2011").then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("students", 10, "schoolYear", "2010-2011"))
                    .when().post("/estimates").then().statusCode(403);
        }
        given().when().get("/calls").then().statusCode(401);
        given().auth().oauth2(finance()).when().get("/budgets/2010-20").then().statusCode(400);
    }

    /*
     * 2009-2010, the Département's collèges: 20 teacher + 280 student accounts; 100 MANUEL-MATHS and 60 ATLAS licences;
     * ATLAS opted out from 2009-2010. Prices: creation 1.50, operation 4.25, MANUEL-MATHS 8.90, ATLAS 1.20 (finance's
     * list; the events carry other unit prices, 9.99 and 0.50, which are not used: 100 × 9.99 would give 999.00).
     *   300 × 1.50 = 450.00; 300 × 4.25 = 1,275.00; 100 × 8.90 = 890.00; ATLAS not billed. Total 2,615.00 €.
     */
    @Test
    void collegesAreReinvoicedAtMarketPricesWithoutOptedOutComponents() {
        String y = "2009-2010";
        Map<String, Object> accounts = classData(DEPARTEMENT, "0800002T", y, "6e-A", "COLLEGE");
        accounts.put("teacherAccounts", 20);
        accounts.put("studentAccounts", 280);
        TopicProbe.send(PROVISIONING, DEPARTEMENT, event("/ent/provisioning-service",
                "fr.ent.provisioning.accounts-provisioned.v1", DEPARTEMENT, accounts));
        for (Object[] l : new Object[][] { { "MANUEL-MATHS", 100, "9.99" }, { "ATLAS", 60, "0.50" } }) {
            Map<String, Object> licences = classData(DEPARTEMENT, "0800002T", y, "6e-A", "COLLEGE");
            licences.put("resourceCode", l[0]);
            licences.put("quantity", l[1]);
            licences.put("unitPrice", l[2]);
            TopicProbe.send(PROVISIONING, DEPARTEMENT, event("/ent/provisioning-service",
                    "fr.ent.provisioning.licences-assigned.v1", DEPARTEMENT, licences));
        }
        // ATLAS opted out from 2009-2010 (notified before it began); MANUEL-MATHS only from 2010-2011: still billed in 2009-2010
        optOut(List.of("ATLAS"), "2009-05-04", y);
        optOut(List.of("MANUEL-MATHS"), "2010-05-03", "2010-2011");
        await().atMost(Duration.ofSeconds(30)).until(() -> ServiceDatabase.count(
                "SELECT count(*) FROM college_usage WHERE member_id = ? AND school_year = ?", DEPARTEMENT, y) == 3
                && ServiceDatabase.count("SELECT count(*) FROM component_opt_out WHERE member_id = ? AND ("
                        + "(component = 'ATLAS' AND effective_from_year = 2009) OR (component = 'MANUEL-MATHS' AND effective_from_year = 2010))",
                        DEPARTEMENT) == 2);

        // no price list yet: refused, nothing stored
        given().auth().oauth2(finance()).contentType(ContentType.JSON).body("{}")
                .when().post("/periods/" + y + "/computation").then().statusCode(422)
                .body("type", equalTo("https://ent.somme-numerique.fr/problems/missing-price"));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM contribution_call WHERE school_year = ?", y));
        given().auth().oauth2(finance()).contentType(ContentType.JSON)
                .body(Map.of("ACCOUNT_CREATION", "1.50", "ACCOUNT_OPERATION", "4.25", "LICENCE:MANUEL-MATHS", "8.90",
                        "LICENCE:ATLAS", "1.20"))
                .when().put("/budgets/" + y + "/prices").then().statusCode(200).body("'LICENCE:ATLAS'", equalTo("1.20"));
        compute(y);
        Map<String, Object> call = callOf(y, DEPARTEMENT);
        assertEquals("COLLEGES_MARKET_PRICE", call.get("kind"));
        assertEquals("2615.00", call.get("amount"));
        given().auth().oauth2(finance()).when().get("/calls/" + call.get("id")).then().statusCode(200)
                .body("derivation.lines", hasSize(3))
                .body("derivation.lines[0].quantity", equalTo(300)).body("derivation.lines[0].unitPrice", equalTo("1.50"))
                .body("derivation.lines[1].amount", equalTo("1275.00"))
                .body("derivation.lines[2].component", equalTo("LICENCE:MANUEL-MATHS"))
                .body("derivation.lines[2].unitPrice", equalTo("8.90")).body("derivation.lines[2].amount", equalTo("890.00"))
                .body("derivation.optedOut", equalTo(List.of("ATLAS")));
        // a draft has no invoice yet
        given().auth().oauth2(finance()).when().get("/calls/" + call.get("id") + "/ubl").then().statusCode(409);
        given().auth().oauth2(finance()).contentType(ContentType.JSON).body("{}")
                .when().post("/calls/" + call.get("id") + "/issue").then().statusCode(200);
        BillingProfileResourceTest.setProfile(DEPARTEMENT, "22800001400016", "DGA-FINANCES", null);
        String xml = given().auth().oauth2(Tokens.memberAgent(DEPARTEMENT))
                .when().get("/calls/" + call.get("id") + "/ubl").then().statusCode(200).extract().asString();
        assertValidUbl(xml);
        assertTrue(xml.contains("<cbc:PayableAmount currencyID=\"EUR\">2615.00</cbc:PayableAmount>"), xml);
        assertTrue(xml.contains("<cbc:CompanyID schemeID=\"0002\">" + DEPARTEMENT + "</cbc:CompanyID>"), xml);
        assertTrue(xml.contains("<cbc:BuyerReference>DGA-FINANCES</cbc:BuyerReference>"), xml);
        assertTrue(xml.contains("<cbc:EndpointID schemeID=\"0009\">22800001400016</cbc:EndpointID>"), xml);
    }

    static void optOut(List<String> components, String notifiedOn, String fromYear) {
        Map<String, Object> optOut = new LinkedHashMap<>();
        optOut.put("memberId", DEPARTEMENT);
        optOut.put("optOutId", UUID.randomUUID().toString());
        optOut.put("components", components);
        optOut.put("notifiedOn", notifiedOn);
        optOut.put("effectiveFromSchoolYear", fromYear);
        TopicProbe.send(BillingFixtures.MEMBERSHIP, DEPARTEMENT, event("/ent/membership-service",
                "fr.ent.membership.component-opt-out-notified.v1", DEPARTEMENT, optOut));
    }

    static void assertValidUbl(String xml) {
        try {
            UblSchema.assertValidInvoice(xml);
        } catch (Exception e) {
            throw new AssertionError("not a valid UBL 2.1 Invoice: " + e.getMessage() + "\n" + xml, e);
        }
    }

    /* 2007-2008: 300.00 € for 218000446 (25 students) and 218000453 (5): 250.00 € and 50.00 €. */
    @Test
    void exportsCarryTheDerivationColumns() {
        String y = "2007-2008";
        accessStarted("218000446", "0800091P", y, "CE1", 25, "2007-09-03", true);
        accessStarted("218000453", "0800094T", y, "CE1", 5, "2007-09-03", true);
        expense(y, "EVALUATION", "300.00", "2008-03-03");
        compute(y);
        given().auth().oauth2(finance()).contentType(ContentType.JSON).body("{}")
                .when().post("/periods/" + y + "/issuance").then().statusCode(200);
        String csv = given().auth().oauth2(finance()).when().get("/periods/" + y + "/export.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(3, lines.length);
        assertTrue(lines[0].startsWith("number;status;member_id;member_name;school_year;kind;amount;paid_expenses;feder;net_charges;colleges_invoiced;ecoles_pool;students;total_students;exact_share;floor;rounding_adjustment"));
        assertTrue(lines[1].startsWith("AC-2007-2008-0001;ISSUED;218000446;;2007-2008;ECOLES_PRO_RATA;250.00;300.00;0.00;300.00;0.00;300.00;25;30;250.000000;250.00;0.00;"), lines[1]);
        given().auth().oauth2(Tokens.memberAgent("218000446")).when().get("/periods/" + y + "/export.csv").then().statusCode(403);
        given().auth().oauth2(finance()).when().get("/calls/" + callOf(y, "218000453").get("id") + "/document").then()
                .statusCode(200).contentType(containsString("text/html"))
                .body(containsString("Charges nettes communes")).body(containsString("50,00 €"));
        BillingProfileResourceTest.setProfile("218000453", "21800045300017", null, null);
        String xml = given().auth().oauth2(finance()).when().get("/calls/" + callOf(y, "218000453").get("id") + "/ubl")
                .then().statusCode(200).contentType(containsString("xml")).extract().asString();
        assertValidUbl(xml);
        assertTrue(xml.contains("<cbc:ID>AC-2007-2008-0002</cbc:ID>"), xml);
        assertTrue(xml.contains("<cbc:TaxExemptionReason>Contribution de service public hors champ de la TVA</cbc:TaxExemptionReason>"), xml);
        assertTrue(xml.contains("<cbc:LineExtensionAmount currencyID=\"EUR\">50.00</cbc:LineExtensionAmount>"), xml);
        // the schema does reject an invoice without its number
        org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> UblSchema.assertValidInvoice(xml.replace("<cbc:ID>AC-2007-2008-0002</cbc:ID>", "")));
    }

    /* 2006-2007: 900.00 € net, liable students 30; a prospect with 10 students: 900 × 10 / 40 = 225.00 €. Nothing stored. */
    @Test
    void estimateForAProspectiveMemberChangesNothing() {
        String y = "2006-2007";
        accessStarted("218000461", "0800091P", y, "CM2", 30, "2006-09-04", true);
        expense(y, "SHARED_PLATFORM", "900.00", "2007-05-02");
        long calls = ServiceDatabase.count("SELECT count(*) FROM contribution_call");
        long audit = ServiceDatabase.count("SELECT count(*) FROM billing_audit");
        given().auth().oauth2(finance()).contentType(ContentType.JSON).body(Map.of("students", 10, "schoolYear", y))
                .when().post("/estimates").then().statusCode(200)
                .body("withThatYearsFigures.contribution", equalTo("225.00"))
                .body("withThatYearsFigures.liableStudents", equalTo(30))
                .body("withCurrentYearsBudget.schoolYear", equalTo("2027-2028"));
        given().auth().oauth2(finance()).contentType(ContentType.JSON).body(Map.of("students", 0, "schoolYear", y))
                .when().post("/estimates").then().statusCode(400);
        assertEquals(calls, ServiceDatabase.count("SELECT count(*) FROM contribution_call"));
        assertEquals(audit, ServiceDatabase.count("SELECT count(*) FROM billing_audit"));
    }

    @Test
    void anEventThatCannotBeAppliedGoesToTheDeadLetterTopicAndChangesNothing() {
        String id = UUID.randomUUID().toString();
        String bad = "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/ent/provisioning-service\","
                + "\"type\":\"fr.ent.provisioning.access-started.v1\",\"subject\":\"218000487\",\"time\":\"2026-09-01T08:00:00Z\","
                + "\"datacontenttype\":\"application/json\",\"data\":{\"memberId\":\"218000487\",\"schoolUai\":\"0800091P\","
                + "\"schoolYear\":\"2005-2006\",\"classLabel\":\"CP\",\"schoolLevel\":\"ECOLE\",\"students\":-3,"
                + "\"accessStartDate\":\"2005-09-01\"}}";
        TopicProbe.send(PROVISIONING, "218000487", bad);
        TopicProbe.awaitRecord(PROVISIONING + ".dlq", r -> r.value().contains(id));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM class_access WHERE member_id = ?", "218000487"));
    }

    @Test
    void otherEventTypesAreMarkedProcessedAndIgnored() {
        Map<String, Object> data = classData("218000479", "0800091P", "2005-2006", "CP", "ECOLE");
        data.put("deployedOn", "2005-09-01");
        data.put("students", 20);
        String json = event("/ent/provisioning-service", "fr.ent.provisioning.class-deployed.v1", "218000479", data);
        String id = json.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        TopicProbe.send(PROVISIONING, "218000479", json);
        await().atMost(Duration.ofSeconds(30)).until(() -> ServiceDatabase.count(
                "SELECT count(*) FROM processed_event WHERE event_id = ?", id) == 1);
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM billing_member WHERE member_id = ?", "218000479"));
    }
}
