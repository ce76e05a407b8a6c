package fr.somme.ent.membership.rest;

import static fr.somme.ent.membership.Fixtures.operator;
import static fr.somme.ent.membership.rest.MemberRegistrationTest.PROBLEMS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.somme.ent.membership.FixedClock;
import fr.somme.ent.membership.Fixtures;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The lists of the service are pages (README, Conventions, Lists): {@code {items, page, size, total}}, 50 by default, at
 * most 500 (above: 400 validation, never 500), a stable order with a unique key last, and the caller's scope still applied.
 */
@QuarkusTest
@TestProfile(FixedClock.class)
class PaginationTest {

    @Test
    void aMembersAdhesionsArePagedOldestFirstWithinItsScope() {
        String siren = Fixtures.commune();
        String other = Fixtures.commune();
        // Terminated adhesions stored before: two share their creation instant (then by id), all older than the open one.
        String a = insertTerminated("a", siren, "2024-01-10T08:00:00Z");
        String b = insertTerminated("b", siren, "2024-01-10T08:00:00Z");
        String c = insertTerminated("c", siren, "2023-06-01T08:00:00Z");
        String open = Fixtures.deliberated(siren);
        String path = "/members/" + siren + "/adhesions";
        List<String> expected = List.of(c, a, b, open);

        assertPagedInStableOrder(operator(), path, "id", expected);
        given().auth().oauth2(Tokens.memberAgent(siren)).queryParam("size", 1).when().get(path).then().statusCode(200)
                .body("items.id", contains(expected.get(0))).body("total", equalTo(4));
        given().auth().oauth2(Tokens.memberAgent(other)).when().get(path).then().statusCode(404);
    }

    @Test
    void componentOptOutsArePagedInTheOrderTheyWereRecordedWithinTheScope() {
        String departement = Fixtures.member("DEPARTEMENT", true);
        List<String> ids = new ArrayList<>();
        for (String notifiedOn : new String[] { "2026-06-30", "2026-07-01", "2026-08-01", "2026-09-01" }) {
            ids.add(given().auth().oauth2(operator()).contentType(ContentType.JSON)
                    .body("{\"components\":[\"ACCOUNTS\"],\"notifiedOn\":\"" + notifiedOn + "\"}")
                    .when().post("/members/" + departement + "/component-opt-outs").then().statusCode(201).extract().path("id"));
        }
        String path = "/members/" + departement + "/component-opt-outs";

        assertPagedInStableOrder(operator(), path, "id", ids);
        given().auth().oauth2(Tokens.memberAgent(departement)).when().get(path).then().statusCode(200).body("total", equalTo(4));
        given().auth().oauth2(Tokens.memberAgent(Fixtures.commune())).when().get(path).then().statusCode(404);
    }

    @Test
    void theSchoolReferenceIsPagedByUaiWithItsFilters() {
        long all = ServiceDatabase.count("SELECT count(*) FROM school");
        List<String> first = List.of(Fixtures.text("SELECT string_agg(uai, ',' ORDER BY uai) FROM "
                + "(SELECT uai FROM school ORDER BY uai LIMIT 60) s").split(","));
        assertEquals(60, first.size());
        assertPagedInStableOrder(operator(), "/reference/schools", "uai", first);
        given().auth().oauth2(operator()).when().get("/reference/schools").then().statusCode(200)
                .body("total", equalTo((int) all)).body("items", hasSize(50)).body("items.uai", contains(first.subList(0, 50).toArray()));
        given().auth().oauth2(operator()).queryParam("communeInsee", "80212").queryParam("level", "ECOLE").queryParam("size", 2)
                .when().get("/reference/schools").then().statusCode(200).body("total", equalTo(3)).body("items", hasSize(2))
                .body("items.communeInsee", everyItem(equalTo("80212")));
        given().auth().oauth2(Tokens.teacher("teacher-1", "0800091P")).when().get("/reference/schools").then().statusCode(403);
    }

    @Test
    void territoryViolationsArePagedByMemberSchoolYearAndUaiForTheOperatorOnly() {
        Map<String, String> m = Fixtures.effectiveCommune();
        String siren = m.get("siren");
        String adhesion = m.get("adhesion");
        String year = Fixtures.nextSchoolYear();
        for (int i = 0; i < 3; i++) {
            Fixtures.execute("INSERT INTO school_designation (school_year, uai, member_id, adhesion_id, name, classes, students) "
                    + "VALUES (?, ?, ?, ?::uuid, 'École', 2, 40)", year, Fixtures.uai(), siren, adhesion);
        }
        List<String> expected = List.of(Fixtures.text("SELECT string_agg(member_id || '/' || school_year || '/' || uai, ',' "
                + "ORDER BY member_id, school_year, uai) FROM designation_territory_violation").split(","));
        ValidatableResponse all = given().auth().oauth2(operator()).queryParam("size", 500).when()
                .get("/ops/designations/territory-violations").then().statusCode(200).body("total", equalTo(expected.size()));
        List<String> keys = new ArrayList<>();
        all.extract().jsonPath().getList("items", Map.class)
                .forEach(v -> keys.add(v.get("memberId") + "/" + v.get("schoolYear") + "/" + v.get("uai")));
        assertEquals(expected.subList(0, Math.min(500, expected.size())), keys);
        assertPagedInStableOrder(operator(), "/ops/designations/territory-violations", "uai",
                expected.stream().map(k -> k.substring(k.lastIndexOf('/') + 1)).toList());
        given().auth().oauth2(Tokens.memberAgent(siren)).when().get("/ops/designations/territory-violations").then().statusCode(403);
    }

    /**
     * The list at {@code path} holds exactly {@code expected} (values of {@code key}, in order) when it is small, else begins
     * with it: pages of 2 put end to end give that order; the default size is 50; a size above 500, a size of 0 or a negative
     * page is 400 validation; a page beyond the end is empty.
     */
    private static void assertPagedInStableOrder(String token, String path, String key, List<String> expected) {
        int pages = Math.min(3, (expected.size() + 1) / 2);
        List<Object> read = new ArrayList<>();
        for (int page = 0; page < pages; page++) {
            read.addAll(given().auth().oauth2(token).queryParam("page", page).queryParam("size", 2).when().get(path).then()
                    .statusCode(200).body("page", equalTo(page)).body("size", equalTo(2))
                    .extract().jsonPath().getList("items." + key));
        }
        assertEquals(expected.subList(0, read.size()), read);
        given().auth().oauth2(token).when().get(path).then().statusCode(200).body("page", equalTo(0)).body("size", equalTo(50));
        for (String[] bad : new String[][] { { "size", "501" }, { "size", "0" }, { "page", "-1" } }) {
            given().auth().oauth2(token).queryParam(bad[0], bad[1]).when().get(path).then().statusCode(400)
                    .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"))
                    .body("type", equalTo(PROBLEMS + "validation"));
        }
        given().auth().oauth2(token).queryParam("page", Integer.MAX_VALUE).queryParam("size", 500).when().get(path).then()
                .statusCode(200).body("items", empty());
    }

    /** A terminated adhesion stored directly; {@code first} (a hexadecimal digit) orders the ids. */
    private static String insertTerminated(String first, String siren, String createdAt) {
        String id = first.repeat(8) + "-0000-0000-0000-000" + siren;
        Fixtures.execute("INSERT INTO adhesion (id, member_id, state, deliberation_number, deliberation_date, charter_approved, "
                + "executive_authorised, created_at) VALUES (?::uuid, ?, 'TERMINATED', 'D-old', DATE '2023-05-01', true, true, "
                + "?::timestamptz)", id, siren, createdAt);
        return id;
    }
}
