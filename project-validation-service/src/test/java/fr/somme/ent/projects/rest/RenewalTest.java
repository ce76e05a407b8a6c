package fr.somme.ent.projects.rest;

import static fr.somme.ent.projects.ProjectEventsProbe.awaitEvent;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.somme.ent.projects.Fixtures;
import fr.somme.ent.projects.Fixtures.Place;
import fr.somme.ent.testsupport.ServiceDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Art. 2 (rule 7): a validation holds for one school year; the teacher renews last year's validated project as a draft for
 * the next one, edits it, submits it, and the IEN decides again. "Now" is 16 November 2026 (2026-2027; 2027-2028 is open).
 */
@QuarkusTest
@TestProfile(Fixtures.FixedClock.class)
class RenewalTest {

    @BeforeEach
    void convention() {
        Fixtures.conventionInForce();
    }

    @Test
    void aTeacherRenewsAValidatedProjectAsADraftForTheNextSchoolYearThatTheIenDecidesAgain() {
        Place place = Fixtures.place();
        String teacher = place.teacher("prof.renouvelle");
        String source = Fixtures.validated(place, "prof.renouvelle");
        String sourceBefore = Fixtures.view(source);

        String renewal = given().auth().oauth2(teacher).post("/projects/" + source + "/renewal").then().statusCode(201)
                .header("Location", containsString("/projects/")).body("state", equalTo("DRAFT"))
                .body("schoolYear", equalTo("2027-2028")).body("renewedFrom", equalTo(source))
                .body("classLabel", equalTo("CM1-CM2 Mme Martin")).body("students", equalTo(24))
                .body("requestedResources", equalTo(List.of("ENT-BASE", "LUMNI-PRIMAIRE"))).body("decision", nullValue())
                .extract().path("id");
        assertEquals(sourceBefore, Fixtures.view(source), "the source keeps its validation for its own school year");
        assertEquals(List.of("DRAFT"), Fixtures.states(renewal));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM outbox_event WHERE record_key = ?", renewal), "a draft is not announced");

        // the teacher edits it for the new class, submits it, and the IEN decides again
        Map<String, Object> edited = new HashMap<>(Fixtures.projectBody(place.uai(), "2027-2028"));
        edited.put("students", 27);
        given().auth().oauth2(teacher).contentType(ContentType.JSON).body(edited).put("/projects/" + renewal).then().statusCode(200)
                .body("renewedFrom", equalTo(source));
        given().auth().oauth2(teacher).post("/projects/" + renewal + "/submit").then().statusCode(200);
        assertEquals("2027-2028", awaitEvent(renewal, "fr.ent.projects.project-submitted.v1").path("data").path("schoolYear").asText());
        given().auth().oauth2(place.ien()).contentType(ContentType.JSON).body(Map.of("decision", "VALIDATED"))
                .post("/projects/" + renewal + "/decision").then().statusCode(200).body("students", equalTo(27))
                .body("validUntil", equalTo("2028-08-31"));
        assertEquals(List.of("DRAFT", "SUBMITTED", "VALIDATED"), Fixtures.states(renewal));

        // its own renewal would be for 2028-2029, not open yet
        given().auth().oauth2(teacher).post("/projects/" + renewal + "/renewal").then().statusCode(422)
                .body("type", containsString("school-year-not-open"));
    }

    @Test
    void aProjectIsRenewedOnceByItsTeacherAndOnlyWhenValidated() {
        Place place = Fixtures.place();
        String teacher = place.teacher("prof.unefois");
        String source = Fixtures.validated(place, "prof.unefois");
        given().auth().oauth2(teacher).post("/projects/" + source + "/renewal").then().statusCode(201);

        given().auth().oauth2(teacher).post("/projects/" + source + "/renewal").then().statusCode(409)
                .contentType("application/problem+json").body("type", containsString("project-already-renewed"));
        // another teacher of the school does not see it; an IEN does not renew
        given().auth().oauth2(place.teacher("prof.autre")).post("/projects/" + source + "/renewal").then().statusCode(404);
        given().auth().oauth2(place.ien()).post("/projects/" + source + "/renewal").then().statusCode(403);
        String submitted = Fixtures.submitted(teacher, place.uai());
        given().auth().oauth2(teacher).post("/projects/" + submitted + "/renewal").then().statusCode(409)
                .body("type", containsString("project-not-renewable"));

        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM project WHERE renewed_from = CAST(? AS UUID)", source));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM project WHERE renewed_from = CAST(? AS UUID)", submitted));
    }
}
