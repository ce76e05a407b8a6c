package fr.somme.ent.billing.rest;

import static fr.somme.ent.billing.BillingFixtures.finance;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.somme.ent.billing.ConfigurableClockTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Issue #16: the budget's canonical paths are {@code /budgets/{schoolYear}…} (a collection is a plural noun); the former
 * {@code /budget/{schoolYear}…} still answer the same, marked deprecated in the OpenAPI document.
 */
@QuarkusTest
@TestProfile(ConfigurableClockTest.AfterSchoolYear2026To2027.class)
class BudgetPathsTest {

    static final String PROBLEMS = "https://ent.somme-numerique.fr/problems/";
    static final List<String> OPERATIONS = List.of("/budgets/{schoolYear} get", "/budgets/{schoolYear}/expenses post",
            "/budgets/{schoolYear}/feder post", "/budgets/{schoolYear}/prices get", "/budgets/{schoolYear}/prices put");

    static ValidatableResponse send(String method, String path, Object body) {
        var request = given().auth().oauth2(finance()).contentType(ContentType.JSON);
        if (body != null) {
            request = request.body(body);
        }
        return request.when().request(method, path).then();
    }

    static Map<String, Object> invoice(String reference, String amount, String paidOn) {
        return Map.of("category", "SHARED_PLATFORM", "supplier", "Plateforme ENT SAS", "reference", reference, "amount",
                amount, "paidOn", paidOn);
    }

    /* Every operation of the budget answers under both paths, on the same data. */
    @Test
    void theFormerAndTheCanonicalPathsShareTheBudget() {
        String y = "2081-2082";
        send("POST", "/budget/" + y + "/expenses", invoice("B-1", "100.00", "2082-03-31")).statusCode(201);
        send("POST", "/budgets/" + y + "/expenses", invoice("B-2", "50.00", "2082-04-01")).statusCode(201);
        send("POST", "/budget/" + y + "/feder", Map.of("programmeReference", "FEDER-B", "amount", "10.00")).statusCode(201);
        send("POST", "/budgets/" + y + "/feder", Map.of("programmeReference", "FEDER-C", "amount", "5.00")).statusCode(201);
        // the same invoice through the other path is the same invoice
        send("POST", "/budgets/" + y + "/expenses", invoice("B-1", "100.00", "2082-03-31")).statusCode(409)
                .body("type", equalTo(PROBLEMS + "duplicate-expense"));
        send("PUT", "/budget/" + y + "/prices", Map.of("ACCOUNT_CREATION", "1.50")).statusCode(200);
        send("PUT", "/budgets/" + y + "/prices", Map.of("ACCOUNT_OPERATION", "4.25")).statusCode(200);
        for (String base : new String[] { "/budget/", "/budgets/" }) {
            send("GET", base + y, null).statusCode(200).body("paidExpenses", equalTo("150.00"))
                    .body("feder", equalTo("15.00")).body("total", equalTo(2)).body("federEntries", equalTo(2))
                    .body("expenses.reference", equalTo(List.of("B-1", "B-2")));
            send("GET", base + y + "/prices", null).statusCode(200).body("ACCOUNT_CREATION", equalTo("1.50"))
                    .body("ACCOUNT_OPERATION", equalTo("4.25"));
            send("GET", base + "2081-2083", null).statusCode(400).body("type", equalTo(PROBLEMS + "invalid-school-year"));
            send("GET", base + y + "?size=1001", null).statusCode(400).body("type", equalTo(PROBLEMS + "validation"));
        }
    }

    /* The document: the canonical operations with their own operationIds, the former ones deprecated, the same problems. */
    @Test
    void theDocumentMarksTheFormerPathsDeprecated() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(given().when().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString()).path("paths");
        for (String operation : OPERATIONS) {
            String[] pathAndMethod = operation.split(" ");
            JsonNode canonical = paths.path(pathAndMethod[0]).path(pathAndMethod[1]);
            JsonNode former = paths.path(pathAndMethod[0].replace("/budgets/", "/budget/")).path(pathAndMethod[1]);
            assertFalse(canonical.isMissingNode(), operation);
            assertFalse(canonical.path("deprecated").asBoolean(false), operation);
            assertTrue(former.path("deprecated").asBoolean(false), operation + " (former path)");
            assertTrue(former.path("description").asText().contains(pathAndMethod[0]), former.path("description").asText());
            assertTrue(canonical.path("operationId").asText().endsWith("Budgets"), canonical.path("operationId").asText());
            assertEquals(canonical.path("x-ent-problems"), former.path("x-ent-problems"), operation);
            assertTrue(canonical.path("x-ent-problems").asText().contains("400 invalid-school-year"), operation);
        }
    }
}
