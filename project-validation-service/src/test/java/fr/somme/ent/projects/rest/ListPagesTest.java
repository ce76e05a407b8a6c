package fr.somme.ent.projects.rest;

import static fr.somme.ent.projects.Fixtures.currentSchoolYear;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.somme.ent.projects.Fixtures;
import fr.somme.ent.projects.Fixtures.Place;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The lists are pages (README, Conventions → Lists): {@code page} 0-based, {@code size} 50 by default and at most 500
 * (above → 400 validation), {@code total} the whole list, a stable order across pages, the caller's scope applied.
 */
@QuarkusTest
@TestProfile(Fixtures.FixedClock.class)
class ListPagesTest {

    private static final String DSDEN = Tokens.of("dsden-agent", "dsden").sign();
    /** A member of its own: no other test designates schools for it. */
    private static final String MEMBER = "200000172";

    @Test
    void aTeachersProjectsArePagedInAStableOrderWithinHisScope() {
        Place place = Fixtures.place();
        String teacher = place.teacher("prof.pages");
        List<String> written = List.of(Fixtures.draft(teacher, place.uai()), Fixtures.submitted(teacher, place.uai()),
                Fixtures.draft(teacher, place.uai()));
        Fixtures.draft(place.teacher("prof.voisin"), place.uai());

        JsonPath whole = page(teacher, "/projects", 0, 50);
        assertEquals(3, whole.getLong("total"), "only his own projects");
        assertEquals(new HashSet<>(written), new HashSet<>(whole.getList("items.id", String.class)));
        assertPagesFollowTheWholeList(teacher, "/projects", whole.getList("items.id", String.class), 2);

        given().auth().oauth2(teacher).get("/projects").then().statusCode(200).body("page", equalTo(0)).body("size", equalTo(50))
                .body("total", equalTo(3));
        given().auth().oauth2(teacher).queryParam("state", "DRAFT").get("/projects").then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", not(hasItem(written.get(1))));
        // the IEN sees the submitted one only, the drafts are not announced
        given().auth().oauth2(place.ien()).get("/projects").then().statusCode(200).body("total", equalTo(1))
                .body("items.id", equalTo(List.of(written.get(1))));
    }

    @Test
    void aMemberAgentsProjectsArePagedWithinItsDesignatedSchools() throws SQLException {
        Place place = Fixtures.place();
        String teacher = place.teacher("prof.designee");
        List<String> submitted = List.of(Fixtures.submitted(teacher, place.uai()), Fixtures.submitted(teacher, place.uai()),
                Fixtures.submitted(teacher, place.uai()));
        String draft = Fixtures.draft(teacher, place.uai());
        Place other = Fixtures.place();
        String elsewhere = Fixtures.submitted(other.teacher("prof.ailleurs"), other.uai());
        designate(place.uai());
        String agent = Tokens.memberAgent(MEMBER);

        JsonPath whole = page(agent, "/projects", 0, 50);
        List<String> ids = whole.getList("items.id", String.class);
        assertEquals(new HashSet<>(submitted), new HashSet<>(ids), "the announced projects of its designated school only");
        assertEquals(3, whole.getLong("total"));
        assertPagesFollowTheWholeList(agent, "/projects", ids, 2);
        given().auth().oauth2(agent).queryParam("state", "VALIDATED").get("/projects").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(agent).get("/projects?size=500").then().statusCode(200)
                .body("items.id", not(hasItem(draft))).body("items.id", not(hasItem(elsewhere)));
    }

    @Test
    void theReportsArePagesOfRowsInAStableOrder() {
        Fixtures.conventionInForce();
        String year = currentSchoolYear().name();
        for (int i = 0; i < 3; i++) {
            Place place = Fixtures.place();
            Fixtures.validated(place, "prof.rapport");
            Fixtures.draft(place.teacher("prof.rapport"), place.uai());
        }
        for (String report : List.of("/reports/project-counts?schoolYear=" + year, "/reports/validated-classes?schoolYear=" + year)) {
            JsonPath whole = page(DSDEN, report, 0, 500);
            List<Map<String, Object>> rows = whole.getList("items");
            assertEquals(rows.size(), whole.getLong("total"), report);
            List<Map<String, Object>> paged = new ArrayList<>();
            for (int p = 0; p * 2 < rows.size(); p++) {
                JsonPath one = page(DSDEN, report, p, 2);
                assertEquals(rows.size(), one.getLong("total"), report + " total of every page");
                paged.addAll(one.getList("items"));
            }
            assertEquals(rows, paged, report + ": the pages follow the whole list, nothing twice, nothing left out");
        }
        given().auth().oauth2(DSDEN).get("/reports/validated-classes").then().statusCode(200).body("size", equalTo(50));
    }

    @Test
    void aSizeAbove500OrANegativePageIsAValidationProblemAndAPageFarBeyondTheEndIsEmpty() {
        for (String list : List.of("/projects", "/dsden-conventions", "/reports/project-counts", "/reports/validated-classes")) {
            for (String query : List.of("size=501", "size=0", "page=-1")) {
                given().auth().oauth2(Tokens.operator()).get(list + "?" + query).then().statusCode(400)
                        .contentType(containsString("application/problem+json"));
            }
            given().auth().oauth2(Tokens.operator()).get(list + "?page=2147483647&size=500").then().statusCode(200)
                    .body("items.size()", equalTo(0)).body("page", equalTo(2147483647));
        }
        given().auth().oauth2(Tokens.operator()).get("/projects?size=501").then().body("type", containsString("validation"));
    }

    @Test
    void theConventionsAreAPage() {
        Fixtures.conventionInForce();
        given().auth().oauth2(Tokens.of("ien-x", "ien").sign()).get("/dsden-conventions").then().statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(50)).body("total", equalTo(1))
                .body("items.reference", equalTo(List.of("CONV-DSDEN80-TESTS")));
        given().auth().oauth2(DSDEN).get("/dsden-conventions?page=1&size=1").then().statusCode(200)
                .body("items.size()", equalTo(0)).body("total", equalTo(1));
    }

    private static JsonPath page(String token, String list, int page, int size) {
        return given().auth().oauth2(token).queryParam("page", page).queryParam("size", size).get(list).then().statusCode(200)
                .body("page", equalTo(page)).body("size", equalTo(size)).extract().jsonPath();
    }

    /** Walking the list page by page gives the whole list, in its order: nothing twice, nothing left out. */
    private static void assertPagesFollowTheWholeList(String token, String list, List<String> whole, int size) {
        List<String> walked = new ArrayList<>();
        for (int p = 0; p * size < whole.size() + size; p++) {
            JsonPath one = page(token, list, p, size);
            assertEquals(whole.size(), one.getLong("total"));
            walked.addAll(one.getList("items.id", String.class));
        }
        assertEquals(whole, walked);
    }

    private static void designate(String uai) throws SQLException {
        try (Connection c = ServiceDatabase.connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO member_designation (member_id, school_year, school_uai) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, MEMBER);
            ps.setString(2, currentSchoolYear().name());
            ps.setString(3, uai);
            ps.executeUpdate();
        }
    }
}
