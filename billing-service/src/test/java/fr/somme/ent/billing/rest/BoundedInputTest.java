package fr.somme.ent.billing.rest;

import static fr.somme.ent.billing.BillingFixtures.JSON;
import static fr.somme.ent.billing.BillingFixtures.finance;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fr.somme.ent.billing.ConfigurableClockTest;
import fr.somme.ent.testsupport.ServiceDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Issue #14, point 1: every string and collection of a request is bounded (400 problem+json naming the field), a body above
 * 256 KB is refused (413 problem+json, with a Content-Length or chunked), and a refused request stores nothing.
 */
@QuarkusTest
@TestProfile(ConfigurableClockTest.AfterSchoolYear2026To2027.class)
class BoundedInputTest {

    static final String PROBLEMS = "https://ent.somme-numerique.fr/problems/";
    /** quarkus.http.limits.max-body-size */
    static final int LIMIT = 256 * 1024;

    static Map<String, Object> invoice(String supplier, String reference, Object amount, String paidOn) {
        return Map.of("category", "SHARED_PLATFORM", "supplier", supplier, "reference", reference, "amount", amount,
                "paidOn", paidOn);
    }

    static ValidatableResponse send(String method, String path, Object body) {
        return given().auth().oauth2(finance()).contentType(ContentType.JSON).body(body).when().request(method, path).then();
    }

    /** 400 validation whose only invalid field is {@code field}. */
    static void invalidField(ValidatableResponse r, String field) {
        r.statusCode(400).contentType(startsWith("application/problem+json")).body("type", equalTo(PROBLEMS + "validation"))
                .body("errors.field", equalTo(List.of(field)));
    }

    static void refused(ValidatableResponse r, int status, String slug) {
        r.statusCode(status).contentType(startsWith("application/problem+json")).body("type", equalTo(PROBLEMS + slug));
    }

    static JsonNode budget(String year) throws Exception {
        return JSON.readTree(given().auth().oauth2(finance()).when().get("/budgets/" + year).then().statusCode(200)
                .extract().asString());
    }

    /** POSTs the body chunked (no Content-Length): java.net.http sends a body of unknown length so over HTTP/1.1. */
    static HttpResponse<String> postChunked(String path, byte[] body) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + finance())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anExpenseOrFederWithAnOversizedFieldIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        String y = "2061-2062";
        String expenses = "/budgets/" + y + "/expenses";
        invalidField(send("POST", expenses, invoice("S".repeat(201), "B-1", "10.00", "2062-01-10")), "supplier");
        invalidField(send("POST", expenses, invoice("Bornes SA", "R".repeat(101), "10.00", "2062-01-10")), "reference");
        invalidField(send("POST", expenses, invoice("Bornes SA", "B-1", "1E+999999999", "2062-01-10")), "amount");
        invalidField(send("POST", expenses, invoice("Bornes SA", "B-1", "1000000000000.00", "2062-01-10")), "amount");
        invalidField(send("POST", expenses, invoice("Bornes SA", "B-1", "0.001", "2062-01-10")), "amount");
        invalidField(send("POST", "/budgets/" + y + "/feder", Map.of("programmeReference", "P".repeat(101), "amount", "5.00")),
                "programmeReference");
        invalidField(send("POST", "/budgets/" + y + "/feder", Map.of("programmeReference", "FEDER-B", "amount", "1E+20")),
                "amount");
        JsonNode nothing = budget(y);
        assertEquals(0, nothing.get("expenses").size());
        assertEquals(0, nothing.get("federFunding").size());
        assertEquals("0.00", nothing.get("paidExpenses").asText());

        // at the bounds: a supplier of 200 characters, a reference of 100, the largest amount
        String supplier = "S".repeat(199) + UUID.randomUUID().toString().charAt(0);
        String reference = UUID.randomUUID() + "R".repeat(64);
        send("POST", expenses, invoice(supplier, reference, "999999999999.99", "2062-01-10")).statusCode(201);
        JsonNode stored = budget(y);
        assertEquals(1, stored.get("expenses").size());
        assertEquals(supplier, stored.get("expenses").get(0).get("supplier").asText());
        assertEquals(reference, stored.get("expenses").get(0).get("reference").asText());
        assertEquals("999999999999.99", stored.get("paidExpenses").asText());
    }

    @Test
    void aPriceListHasAtMostAThousandComponentsEachAResourceCodeAndABoundedPrice() {
        String y = "2062-2063";
        String prices = "/budgets/" + y + "/prices";
        Map<String, String> tooMany = new LinkedHashMap<>();
        for (int i = 0; i < 1_001; i++) {
            tooMany.put("LICENCE:RESSOURCE-" + i, "1.00");
        }
        invalidField(send("PUT", prices, tooMany), "prices");
        Map<String, String> longCode = new HashMap<>(Map.of("ACCOUNT_CREATION", "1.00"));
        longCode.put("LICENCE:" + "A".repeat(200), "2.00"); // the column holds 120: a 500 before
        refused(send("PUT", prices, longCode), 400, "unknown-price-component");
        refused(send("PUT", prices, Map.of("ACCOUNT_CREATION", "1E+999999999")), 400, "invalid-amount");
        assertEquals(Map.of(), given().auth().oauth2(finance()).when().get(prices).then().statusCode(200).extract().as(Map.class));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM billing_audit WHERE school_year = ?", y));

        // the largest list, its longest codes and prices: about 90 KB, within the body limit
        Map<String, String> largest = new LinkedHashMap<>();
        for (int i = 0; i < 1_000; i++) {
            largest.put("LICENCE:" + String.format("%04d", i) + "-" + "X".repeat(59), "999999999999.99");
        }
        send("PUT", prices, largest).statusCode(200);
        assertEquals(1_000, ServiceDatabase.count("SELECT count(*) FROM price_list_item WHERE school_year = ?", y));
    }

    @Test
    void aReasonOver2000CharactersAFilterThatIsNotASirenOrAMalformedYearIsRefusedAndNothingChanges() {
        String y = "2063-2064";
        String reason = "r".repeat(2_001);
        for (String step : List.of("computation", "issuance", "regularisation")) {
            invalidField(send("POST", "/periods/" + y + "/" + step, Map.of("reason", reason)), "reason");
        }
        UUID call = UUID.randomUUID(); // the bound is checked before the call is looked for
        invalidField(send("POST", "/calls/" + call + "/issue", Map.of("reason", reason)), "reason");
        invalidField(send("POST", "/calls/" + call + "/cancellation", Map.of("reason", reason)), "reason");
        invalidField(send("POST", "/calls/" + call + "/payment", Map.of("paidOn", "2064-01-10", "reason", reason)), "reason");
        invalidField(given().auth().oauth2(finance()).queryParam("memberId", "x".repeat(300)).when().get("/calls").then(),
                "memberId");
        // nine digits but not a SIREN (Luhn): refused, not an empty page; a SIREN is read
        refused(given().auth().oauth2(finance()).queryParam("memberId", "218000413").when().get("/calls").then(), 400,
                "invalid-member-id");
        given().auth().oauth2(finance()).queryParam("memberId", "218000412").when().get("/calls").then().statusCode(200);
        invalidField(send("POST", "/estimates", Map.of("students", 25, "schoolYear", "2".repeat(5_000))), "schoolYear");
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM billing_audit WHERE school_year = ? OR length(reason) > 2000",
                y));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM contribution_call WHERE school_year = ?", y));
        // at the bound, the request goes on: 2,000 characters, then no such call (404), no year not ended yet (409)
        refused(send("POST", "/calls/" + call + "/cancellation", Map.of("reason", "r".repeat(2_000))), 404, "not-found");
        refused(send("POST", "/periods/" + y + "/computation", Map.of("reason", "r".repeat(2_000))), 409,
                "school-year-not-ended");
    }

    @Test
    void aBillingProfileWithOversizedValuesIsRefusedNamingTheFieldAndNothingIsStored() {
        String member = "218009108";
        String path = "/members/" + member + "/billing-profile";
        Map<String, Object> profile = new HashMap<>();
        profile.put("siret", "21800910800018");
        profile.put("serviceCode", "S".repeat(201));
        invalidField(send("PUT", path, profile), "serviceCode");
        profile.put("serviceCode", null);
        profile.put("engagementNumber", "E".repeat(101));
        invalidField(send("PUT", path, profile), "engagementNumber");
        profile.put("engagementNumber", null);
        profile.put("siret", "2".repeat(33));
        invalidField(send("PUT", path, profile), "siret");
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM billing_profile WHERE member_id = ?", member));
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413AndNothingIsStored() throws Exception {
        String y = "2064-2065";
        String body = JSON.writeValueAsString(invoice("S".repeat(300_000), "HUGE-1", "10.00", "2065-01-10"));
        assertTrue(body.length() > LIMIT);
        refused(send("POST", "/budgets/" + y + "/expenses", body), 413, "body-too-large");
        assertEquals(0, budget(y).get("expenses").size());
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413AndOneWithinItIsRead() throws Exception {
        String y = "2065-2066";
        String path = "/budgets/" + y + "/expenses";
        byte[] over = JSON.writeValueAsBytes(invoice("S".repeat(LIMIT + 10_000), "HUGE-2", "10.00", "2066-01-10"));
        HttpResponse<String> refused = postChunked(path, over);
        assertEquals(413, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(PROBLEMS + "body-too-large", JSON.readTree(refused.body()).get("type").asText());
        assertEquals(0, budget(y).get("expenses").size());

        String reference = "CHUNKED-" + UUID.randomUUID();
        HttpResponse<String> read = postChunked(path, JSON.writeValueAsBytes(invoice("Bornes SA", reference, "12.50",
                "2066-01-10")));
        assertEquals(201, read.statusCode(), read.body());
        JsonNode stored = budget(y);
        assertEquals(1, stored.get("expenses").size());
        assertEquals(reference, stored.get("expenses").get(0).get("reference").asText());
        assertEquals("12.50", stored.get("paidExpenses").asText());
    }
}
