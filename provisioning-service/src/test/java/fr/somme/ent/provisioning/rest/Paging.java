package fr.somme.ent.provisioning.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import io.restassured.path.json.JsonPath;

/** What every paged list answers (README, Conventions → Lists): the envelope, its bounds, a stable order across pages. */
final class Paging {

    static final String PROBLEMS = "https://ent.somme-numerique.fr/problems/";

    private Paging() {
    }

    static JsonPath page(String path, String token, Integer page, Integer size) {
        var request = given().auth().oauth2(token);
        if (page != null) {
            request = request.queryParam("page", page);
        }
        if (size != null) {
            request = request.queryParam("size", size);
        }
        return request.get(path).then().statusCode(200).body("page", equalTo(page == null ? 0 : page))
                .body("size", equalTo(size == null ? 50 : size)).extract().jsonPath();
    }

    /**
     * The whole list read page by page ({@code size} items each, the last one shorter): the values of {@code key} of
     * every item, each once, as many as {@code total} says, and the same as a second walk gives.
     */
    static List<String> walk(String path, String token, int size, String key) {
        List<String> all = new ArrayList<>();
        long total = page(path, token, 0, size).getLong("total");
        for (int p = 0; (long) p * size < total; p++) {
            JsonPath page = page(path, token, p, size);
            assertEquals(total, page.getLong("total"), "the total is the same on every page");
            List<String> items = page.getList("items." + key, String.class);
            assertEquals(Math.min(size, total - (long) p * size), items.size(), "page " + p + " of " + size);
            all.addAll(items);
        }
        assertTrue(page(path, token, (int) (total / size) + 1, size).getList("items").isEmpty(), "past the end: no item");
        assertEquals(total, all.size());
        assertEquals(all.size(), new HashSet<>(all).size(), "no item on two pages: " + all);
        return all;
    }

    /** page < 0, size < 1, size > 500, or not numbers: 400 problem+json, never a 500 nor a 404. */
    static void refusesBadPaging(String path, String token) {
        for (String query : new String[] { "size=501", "size=0", "size=-3", "page=-1", "page=-1&size=10" }) {
            given().auth().oauth2(token).get(path + "?" + query).then().statusCode(400)
                    .contentType(startsWith("application/problem+json")).body("type", equalTo(PROBLEMS + "validation"))
                    .body("status", equalTo(400));
        }
        // Not a number: JAX-RS cannot convert the parameter and answers 404, as on every list of the suite (ent-commons'
        // mappers): a problem, never a 500.
        for (String query : new String[] { "size=abc", "page=1.5", "size=99999999999" }) {
            given().auth().oauth2(token).get(path + "?" + query).then().statusCode(allOf(greaterThanOrEqualTo(400),
                    lessThan(500))).contentType(startsWith("application/problem+json"));
        }
    }
}
