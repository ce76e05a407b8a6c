package fr.somme.ent.provisioning.rest;

import static fr.somme.ent.provisioning.Scenario.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.somme.ent.provisioning.FixedClock;
import fr.somme.ent.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** GET /resources is a page of the catalogue (README, Conventions → Lists), paged in SQL, in code order. */
@QuarkusTest
@TestProfile(FixedClock.class)
class CatalogueListTest {

    static final String OPERATOR = Tokens.operator();

    /** A fresh resource with a price for each of these school years. */
    static String resource(String... years) {
        String code = "PAGE-" + letters().toUpperCase();
        StringBuilder prices = new StringBuilder();
        for (String y : years) {
            prices.append(prices.length() == 0 ? "" : ",").append("{\"schoolYear\":\"").append(y).append("\",\"unitPrice\":\"3.20\"}");
        }
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body("{\"title\":\"Atlas\",\"supplier\":\"Éditions Y\","
                + "\"ssoProtocol\":\"OIDC\",\"validatedByDepartement\":true,\"prices\":[" + prices + "]}")
                .put("/resources/" + code).then().statusCode(200);
        return code;
    }

    @Test
    void theCatalogueIsAPageOfFiftyByDefaultWithTheTotalOfTheWholeCatalogue() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            mine.add(resource(currentYear()));
        }
        JsonPath first = Paging.page("/resources", OPERATOR, null, null);
        assertEquals(50, first.getList("items").size(), "50 by default");
        assertTrue(first.getLong("total") >= 51, "total counts the whole catalogue: " + first.getLong("total"));
        JsonPath all = Paging.page("/resources", OPERATOR, 0, 500);
        assertEquals(first.getLong("total"), all.getLong("total"));
        assertTrue(all.getList("items.code", String.class).containsAll(mine));
    }

    @Test
    void pagesFollowTheCodeOrderAndEachResourceKeepsAllItsPrices() {
        String twoYears = resource(previousYear(), currentYear());
        resource(currentYear());
        resource();
        List<String> codes = Paging.walk("/resources", OPERATOR, 2, "code");
        assertEquals(codes.stream().sorted().toList(), codes, "code order");
        assertEquals(codes, Paging.walk("/resources", OPERATOR, 3, "code"), "the same order whatever the page size");
        int at = codes.indexOf(twoYears);
        given().auth().oauth2(OPERATOR).queryParam("page", at / 2).queryParam("size", 2).get("/resources").then()
                .statusCode(200).body("items[" + at % 2 + "].code", equalTo(twoYears))
                .body("items[" + at % 2 + "].prices.schoolYear", equalTo(List.of(previousYear(), currentYear())));
    }

    @Test
    void aBadPageOrSizeIsA400ProblemAndOnlyTheOperatorListsTheCatalogue() {
        Paging.refusesBadPaging("/resources", OPERATOR);
        given().auth().oauth2(Tokens.memberAgent(siren())).get("/resources").then().statusCode(403);
        given().auth().oauth2(Tokens.of("fin", "finance").sign()).get("/resources?size=10").then().statusCode(403);
    }
}
