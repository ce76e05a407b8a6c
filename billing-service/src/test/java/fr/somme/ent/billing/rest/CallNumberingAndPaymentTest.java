package fr.somme.ent.billing.rest;

import static fr.somme.ent.billing.BillingFixtures.accessStarted;
import static fr.somme.ent.billing.BillingFixtures.announced;
import static fr.somme.ent.billing.BillingFixtures.call;
import static fr.somme.ent.billing.BillingFixtures.callOf;
import static fr.somme.ent.billing.BillingFixtures.compute;
import static fr.somme.ent.billing.BillingFixtures.expense;
import static fr.somme.ent.billing.BillingFixtures.finance;
import static fr.somme.ent.billing.BillingFixtures.lastNumber;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.somme.ent.billing.ConfigurableClockTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Rule 18: gapless numbering (a refused, rolled-back issue or credit note gives its number back) and the life of a call
 * after its cancellation. Now is 2027-09-01 (fixed clock); each test has its own school year and members.
 */
@QuarkusTest
@TestProfile(ConfigurableClockTest.AfterSchoolYear2026To2027.class)
class CallNumberingAndPaymentTest {

    static final String ISSUED = "fr.ent.billing.contribution-call-issued.v1";
    static final String CANCELLED = "fr.ent.billing.contribution-call-cancelled.v1";
    static final String PROBLEMS = "https://ent.somme-numerique.fr/problems/";

    /*
     * 2003-2004: 100.00 € shared by 218000578 and 218000586 (10 students each): 50.00 € each. Issuing 218000578's call a
     * second time takes number 0002 inside its transaction, then is refused and rolled back; cancelling 218000586's draft
     * takes credit note 0001, then is refused and rolled back. Both numbers come back: the next call is AC-…-0002, the
     * first credit note AV-…-0001.
     */
    @Test
    void aRefusedIssueOrCreditNoteGivesItsNumberBack() {
        String y = "2003-2004";
        accessStarted("218000578", "0800091P", y, "CM1", 10, "2003-09-02", true);
        accessStarted("218000586", "0800094T", y, "CM1", 10, "2003-09-02", true);
        expense(y, "SHARED_PLATFORM", "100.00", "2004-03-01");
        compute(y);
        String a = (String) callOf(y, "218000578").get("id");
        String b = (String) callOf(y, "218000586").get("id");
        issue(a).statusCode(200).body("number", equalTo("AC-2003-2004-0001"));

        Map<String, Object> issuedA = call(a);
        issue(a).statusCode(409).body("type", equalTo(PROBLEMS + "call-not-draft"));
        assertEquals(issuedA, call(a), "the refused issue changed nothing");
        assertEquals(1, lastNumber("CALL", y));
        assertEquals(1, announced(a, ISSUED));

        Map<String, Object> draftB = call(b);
        cancel(b, "erreur de saisie").statusCode(409).body("type", equalTo(PROBLEMS + "call-not-issued"));
        assertEquals(draftB, call(b), "the refused credit note changed nothing");
        assertEquals(0, lastNumber("CREDIT_NOTE", y));
        assertEquals(0, announced(b, CANCELLED));

        issue(b).statusCode(200).body("number", equalTo("AC-2003-2004-0002"));
        cancel(a, "effectif erroné").statusCode(200).body("creditNoteNumber", equalTo("AV-2003-2004-0001"));
        assertEquals(2, lastNumber("CALL", y));
        assertEquals(1, lastNumber("CREDIT_NOTE", y));
    }

    /* 2018-2019: 80.00 € for 218000594 alone, issued then cancelled by a credit note: it can no longer be paid. */
    @Test
    void aCancelledCallIsNotPaid() {
        String y = "2018-2019";
        accessStarted("218000594", "0800091P", y, "CE2", 8, "2018-09-03", true);
        expense(y, "EVALUATION", "80.00", "2019-04-01");
        compute(y);
        String id = (String) callOf(y, "218000594").get("id");
        issue(id).statusCode(200);
        cancel(id, "effectif erroné").statusCode(200).body("status", equalTo("CANCELLED"));
        Map<String, Object> cancelled = call(id);

        given().auth().oauth2(finance()).contentType(ContentType.JSON).body(Map.of("paidOn", "2027-09-01", "reason", "mandat 77"))
                .when().post("/calls/" + id + "/payment").then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "call-not-issued"));
        assertEquals(cancelled, call(id), "status, payment date and audit trail unchanged");
        assertEquals("CANCELLED", cancelled.get("status"));
        assertEquals(null, cancelled.get("paidOn"));
    }

    static io.restassured.response.ValidatableResponse issue(String id) {
        return given().auth().oauth2(finance()).contentType(ContentType.JSON).body(Map.of("reason", "appel annuel"))
                .when().post("/calls/" + id + "/issue").then();
    }

    static io.restassured.response.ValidatableResponse cancel(String id, String reason) {
        return given().auth().oauth2(finance()).contentType(ContentType.JSON).body(Map.of("reason", reason))
                .when().post("/calls/" + id + "/cancellation").then();
    }
}
