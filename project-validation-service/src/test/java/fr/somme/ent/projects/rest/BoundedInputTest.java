package fr.somme.ent.projects.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
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

/** Issue #14, point 1: every string and list of a request is bounded; an oversized request is refused, nothing stored. */
@QuarkusTest
@TestProfile(Fixtures.FixedClock.class)
class BoundedInputTest {

    private static final String PROBLEM = "application/problem+json";

    private static long projectsOf(String uai) {
        return ServiceDatabase.count("SELECT count(*) FROM project WHERE school_uai = ?", uai);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413ProblemAndNothingIsStored() {
        Place place = Fixtures.place();
        Map<String, Object> body = new HashMap<>(Fixtures.projectBody(place.uai(), Fixtures.currentSchoolYear().name()));
        body.put("objectives", "O".repeat(2_200_000));
        given().auth().oauth2(place.teacher("prof.bavard")).contentType(ContentType.JSON).body(body).post("/projects").then()
                .statusCode(413).contentType(startsWith(PROBLEM)).body("type", endsWith("/body-too-large")).body("status", equalTo(413));
        assertEquals(0, projectsOf(place.uai()));
    }

    @Test
    void projectTextsAndListsAreBoundedAndNothingIsStored() {
        Place place = Fixtures.place();
        String teacher = place.teacher("prof.long");
        Map<String, Object> valid = Fixtures.projectBody(place.uai(), Fixtures.currentSchoolYear().name());
        for (Map.Entry<String, Object> oversized : List.<Map.Entry<String, Object>>of(
                Map.entry("classLabel", "C".repeat(101)), Map.entry("objectives", "O".repeat(4001)),
                Map.entry("levels", List.of("CP", "CE1", "CE2", "CM1", "CM2", "CP", "CE1", "CE2", "CM1", "CM2", "CP", "CE1", "CE2")),
                Map.entry("requestedResources", java.util.Collections.nCopies(51, "ENT-BASE")))) {
            Map<String, Object> body = new HashMap<>(valid);
            body.put(oversized.getKey(), oversized.getValue());
            given().auth().oauth2(teacher).contentType(ContentType.JSON).body(body).post("/projects").then()
                    .statusCode(400).contentType(startsWith(PROBLEM)).body("type", endsWith("/validation"))
                    .body("errors[0].field", equalTo(oversized.getKey()));
        }
        assertEquals(0, projectsOf(place.uai()));
    }

    @Test
    void aDsdenDecisionAndReferenceDataAreBoundedAndNothingIsStored() {
        Place place = Fixtures.place();
        String id = Fixtures.submitted(place.teacher("prof.court"), place.uai());
        String before = Fixtures.view(id);
        given().auth().oauth2(Tokens.of("dsden-agent", "dsden").sign()).contentType(ContentType.JSON)
                .body(Map.of("decision", "VALIDATED", "ienId", "i".repeat(101), "circonscriptionCode", place.circonscription(),
                        "decidedOn", Fixtures.today().toString()))
                .post("/projects/" + id + "/dsden-decision").then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("errors[0].field", equalTo("ienId"));
        assertEquals(before, Fixtures.view(id));

        String uai = Fixtures.uniqueUai();
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("schools", List.of(Map.of("uai", uai, "name", "E".repeat(201), "communeInsee", "80021",
                        "level", "PRIMAIRE", "sector", "PUBLIC", "circonscriptionCode", place.circonscription()))))
                .post("/reference-data").then().statusCode(400).contentType(startsWith(PROBLEM));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM school WHERE uai = ?", uai));
    }

    @Test
    void aQueryFilterOver20CharactersIsRefused() {
        given().auth().oauth2(Tokens.operator()).queryParam("schoolYear", "2".repeat(21)).get("/projects").then()
                .statusCode(400).contentType(startsWith(PROBLEM));
        given().auth().oauth2(Tokens.operator()).queryParam("schoolYear", "2".repeat(21)).get("/reports/project-counts.csv").then()
                .statusCode(400).contentType(startsWith(PROBLEM));
    }
}
