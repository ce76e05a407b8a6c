package fr.somme.ent.billing.rest;

import static fr.somme.ent.billing.BillingFixtures.accessStarted;
import static fr.somme.ent.billing.BillingFixtures.callOf;
import static fr.somme.ent.billing.BillingFixtures.compute;
import static fr.somme.ent.billing.BillingFixtures.expense;
import static fr.somme.ent.billing.BillingFixtures.finance;
import static fr.somme.ent.billing.rest.BillingProfileResourceTest.PROBLEMS;
import static fr.somme.ent.billing.rest.BillingProfileResourceTest.setProfile;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.somme.ent.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Documents a trésorerie accepts (issue #13 point 7): the call and its credit note in French as HTML and PDF (one
 * template), as UBL 2.1 Invoice and CreditNote (type 381) for Chorus Pro, validated with ph-ubl21. Now is 2041-09-01,
 * so the school years 2030-2031 to 2032-2033 have ended and belong to these tests alone.
 */
@QuarkusTest
@TestProfile(CallDocumentsTest.AfterSchoolYear2040To2041.class)
class CallDocumentsTest {

    public static class AfterSchoolYear2040To2041 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ent.clock.fixed", "2041-09-01T06:00:00Z");
        }
    }

    /* 1,275.00 € paid; 30 and 10 students: 956.25 € and 318.75 €. */
    private static Map<String, Object> issued(String y, String a, String b) {
        int start = Integer.parseInt(y.substring(0, 4));
        accessStarted(a, "0800091P", y, "CM1", 30, start + "-09-02", true);
        accessStarted(b, "0800094T", y, "CM1", 10, start + "-09-02", true);
        expense(y, "SHARED_PLATFORM", "1275.00", (start + 1) + "-01-10");
        compute(y);
        given().auth().oauth2(finance()).contentType(ContentType.JSON).body("{}")
                .when().post("/periods/" + y + "/issuance").then().statusCode(200);
        return callOf(y, a);
    }

    private static byte[] pdf(String token, String path) {
        return given().auth().oauth2(token).when().get(path).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
    }

    @Test
    void thePrintableCallAsPdfCarriesItsNumberItsAmountAndEveryFigureInFrench() throws Exception {
        String y = "2030-2031";
        Map<String, Object> call = issued(y, "218000818", "218000826");
        String number = (String) call.get("number");
        String html = given().auth().oauth2(Tokens.memberAgent("218000818")).when().get("/calls/" + call.get("id") + "/document")
                .then().statusCode(200).contentType(containsString("text/html")).extract().asString();
        List<String> texts = PdfText.of(pdf(Tokens.memberAgent("218000818"), "/calls/" + call.get("id") + "/document.pdf"));
        for (String text : texts) {
            for (String expected : List.of(number, "956,25 €", "Année scolaire : 2030-2031", "1 275,00 €",
                    "Dépenses effectivement acquittées", "Élèves bénéficiaires du membre", "30", "40",
                    "Part exacte (charges des écoles × élèves / total)", "956,250000 €", "hors champ de la TVA")) {
                assertTrue(text.contains(expected), "PDF lacks '" + expected + "':\n" + text);
                assertTrue(html.replace('\u00a0', ' ').contains(expected.replace("'", "&#39;")), "HTML lacks '" + expected + "'");
            }
        }
        // another member's call: 404, as for the HTML
        given().auth().oauth2(Tokens.memberAgent("218000826")).when().get("/calls/" + call.get("id") + "/document.pdf")
                .then().statusCode(404);
    }

    @Test
    void theUblInvoiceNamesTheBuyerBySiretWithItsChorusProServiceCodeAndEngagementNumber() throws Exception {
        String y = "2031-2032";
        Map<String, Object> call = issued(y, "218000875", "218000883");
        String agent = Tokens.memberAgent("218000875");
        given().auth().oauth2(agent).when().get("/calls/" + call.get("id") + "/ubl").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "billing-profile-missing"));
        given().auth().oauth2(agent).contentType(ContentType.JSON)
                .body(BillingProfileResourceTest.profile("21800087500011", "SERVICE-ENT", "ENG-2032-42"))
                .when().put("/members/218000875/billing-profile").then().statusCode(200);
        String xml = given().auth().oauth2(agent).when().get("/calls/" + call.get("id") + "/ubl").then().statusCode(200)
                .contentType(containsString("xml")).extract().asString();
        UblSchema.assertValidInvoice(xml);
        for (String expected : List.of("<cbc:ID>" + call.get("number") + "</cbc:ID>", "<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>",
                "<cbc:EndpointID schemeID=\"0009\">21800087500011</cbc:EndpointID>",
                "<cac:PartyIdentification><cbc:ID schemeID=\"0009\">21800087500011</cbc:ID></cac:PartyIdentification>",
                "<cbc:CompanyID schemeID=\"0002\">218000875</cbc:CompanyID>",
                "<cbc:BuyerReference>SERVICE-ENT</cbc:BuyerReference>",
                "<cac:OrderReference><cbc:ID>ENG-2032-42</cbc:ID></cac:OrderReference>",
                "<cbc:PayableAmount currencyID=\"EUR\">956.25</cbc:PayableAmount>")) {
            assertTrue(xml.contains(expected), "UBL lacks " + expected + ":\n" + xml);
        }
        // the schema does reject an invoice without its number
        assertThrows(Exception.class, () -> UblSchema.assertValidInvoice(xml.replace("<cbc:ID>" + call.get("number") + "</cbc:ID>", "")));
        given().auth().oauth2(Tokens.memberAgent("218000883")).when().get("/calls/" + call.get("id") + "/ubl").then().statusCode(404);
    }

    @Test
    void aCancellationIsACreditNote381ReferencingTheCallInUblAndPdf() throws Exception {
        String y = "2032-2033";
        Map<String, Object> call = issued(y, "218000859", "218000867");
        String id = (String) call.get("id");
        setProfile("218000859", "21800085900015", "SERVICE-ENT", null);
        given().auth().oauth2(finance()).when().get("/calls/" + id + "/credit-note/ubl").then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "credit-note-missing"));
        given().auth().oauth2(finance()).when().get("/calls/" + id + "/credit-note.pdf").then().statusCode(409);
        Map<String, Object> cancelled = given().auth().oauth2(finance()).contentType(ContentType.JSON)
                .body(Map.of("reason", "effectif corrigé par la commune")).when().post("/calls/" + id + "/cancellation")
                .then().statusCode(200).extract().jsonPath().getMap("$");
        String creditNote = (String) cancelled.get("creditNoteNumber");
        String xml = given().auth().oauth2(Tokens.memberAgent("218000859")).when().get("/calls/" + id + "/credit-note/ubl")
                .then().statusCode(200).extract().asString();
        UblSchema.assertValidCreditNote(xml);
        for (String expected : List.of("<cbc:ID>" + creditNote + "</cbc:ID>", "<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>",
                "<cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>" + call.get("number") + "</cbc:ID>",
                "<cbc:EndpointID schemeID=\"0009\">21800085900015</cbc:EndpointID>",
                "<cbc:PayableAmount currencyID=\"EUR\">956.25</cbc:PayableAmount>", "<cac:CreditNoteLine>")) {
            assertTrue(xml.contains(expected), "UBL credit note lacks " + expected + ":\n" + xml);
        }
        assertThrows(Exception.class, () -> UblSchema.assertValidInvoice(xml), "a credit note is not an invoice");
        for (String text : PdfText.of(pdf(Tokens.memberAgent("218000859"), "/calls/" + id + "/credit-note.pdf"))) {
            for (String expected : List.of(creditNote, (String) call.get("number"), "956,25 €", "effectif corrigé par la commune",
                    "Avoir")) {
                assertTrue(text.contains(expected), "credit note PDF lacks '" + expected + "':\n" + text);
            }
        }
        // the call's own document says it was cancelled by that credit note
        given().auth().oauth2(finance()).when().get("/calls/" + id + "/document").then().statusCode(200)
                .body(containsString("Annulé par l&#39;avoir " + creditNote));
    }
}
