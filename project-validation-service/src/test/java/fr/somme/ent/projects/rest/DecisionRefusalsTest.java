package fr.somme.ent.projects.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.somme.ent.projects.Fixtures;
import fr.somme.ent.projects.Fixtures.Place;
import fr.somme.ent.projects.TestClock;
import fr.somme.ent.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Decisions the charter forbids, through REST: refused with their problem type, and the project is left as it was (art. 2). */
@QuarkusTest
@TestProfile(Fixtures.FixedClock.class)
class DecisionRefusalsTest {

    private static final String DSDEN = Tokens.of("dsden-agent", "dsden").sign();
    private static final String VALIDATED = "fr.ent.projects.project-validated.v1";

    @Inject
    TestClock clock;

    @BeforeEach
    void convention() {
        Fixtures.conventionInForce();
    }

    @AfterEach
    void backToTheProfilesDay() {
        clock.reset();
    }

    @Test
    void noDecisionOnAProjectWhoseSchoolYearHasEndedThroughRest() {
        Place place = Fixtures.place();
        String teacher = place.teacher("prof.septembre");
        String onTheLastDay = Fixtures.submitted(teacher, place.uai());
        String tooLate = Fixtures.submitted(teacher, place.uai());
        String before = Fixtures.view(tooLate);
        assertEquals("2026-2027", Fixtures.currentSchoolYear().name());

        // 31 August 2027, the last day of 2026-2027 (and inside the convention): the validation still holds that day
        clock.moveTo(Instant.parse("2027-08-31T15:00:00Z"));
        validate(place, onTheLastDay).statusCode(200)
                .body("state", equalTo("VALIDATED")).body("decidedOn", equalTo("2027-08-31")).body("validUntil", equalTo("2027-08-31"));

        // 1 September 2027 (08:00 in Paris), still inside the convention: the school year of the project has ended
        clock.moveTo(Instant.parse("2027-09-01T06:00:00Z"));
        validate(place, tooLate).statusCode(409).contentType("application/problem+json")
                .body("type", containsString("school-year-ended")).body("detail", containsString("2027-08-31"));
        given().auth().oauth2(place.ien()).contentType(ContentType.JSON).body(Map.of("decision", "REJECTED", "reason", "Trop tard"))
                .post("/projects/" + tooLate + "/decision").then().statusCode(409).body("type", containsString("school-year-ended"));
        forwardedByTheDsden(place, tooLate, Map.of("decidedOn", "2027-09-01")).statusCode(409)
                .body("type", containsString("school-year-ended"));

        assertStillSubmittedAndUndecided(tooLate, before);
        assertEquals(0, Fixtures.announced(tooLate, VALIDATED));
        assertEquals(0, Fixtures.announced(tooLate, "fr.ent.projects.project-rejected.v1"));
        assertEquals(1, Fixtures.announced(onTheLastDay, VALIDATED));
    }

    @Test
    void aRejectionOrARequestForChangesWithoutAReasonIsRefusedThroughRestAndChangesNothing() {
        Place place = Fixtures.place();
        String id = Fixtures.submitted(place.teacher("prof.sansmotif"), place.uai());
        String before = Fixtures.view(id);

        for (Map<String, Object> noReason : List.<Map<String, Object>>of(Map.of("decision", "REJECTED"),
                Map.of("decision", "REJECTED", "reason", "   "), Map.of("decision", "CHANGES_REQUESTED"),
                Map.of("decision", "CHANGES_REQUESTED", "reason", ""))) {
            given().auth().oauth2(place.ien()).contentType(ContentType.JSON).body(noReason)
                    .post("/projects/" + id + "/decision").then().statusCode(422).contentType("application/problem+json")
                    .body("type", containsString("reason-required"));
        }
        forwardedByTheDsden(place, id, Map.of("decision", "REJECTED")).statusCode(422).body("type", containsString("reason-required"));
        forwardedByTheDsden(place, id, Map.of("decision", "CHANGES_REQUESTED", "reason", " ")).statusCode(422)
                .body("type", containsString("reason-required"));

        assertStillSubmittedAndUndecided(id, before);
        assertEquals(0, Fixtures.announced(id, "fr.ent.projects.project-rejected.v1"));
        assertEquals(0, Fixtures.announced(id, "fr.ent.projects.project-changes-requested.v1"));

        // the same request with its reason is accepted: only the reason was missing
        given().auth().oauth2(place.ien()).contentType(ContentType.JSON)
                .body(Map.of("decision", "CHANGES_REQUESTED", "reason", "Préciser les ressources demandées"))
                .post("/projects/" + id + "/decision").then().statusCode(200).body("state", equalTo("CHANGES_REQUESTED"));
    }

    private static ValidatableResponse validate(Place place, String id) {
        return given().auth().oauth2(place.ien()).contentType(ContentType.JSON).body(Map.of("decision", "VALIDATED"))
                .post("/projects/" + id + "/decision").then();
    }

    /** The DSDEN forwards its IEN's decision (validation dated today unless {@code fields} say otherwise). */
    private static ValidatableResponse forwardedByTheDsden(Place place, String id, Map<String, Object> fields) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("decision", "VALIDATED", "ienId", place.ienId(),
                "circonscriptionCode", place.circonscription(), "decidedOn", Fixtures.today().toString()));
        body.putAll(fields);
        return given().auth().oauth2(DSDEN).contentType(ContentType.JSON).body(body).post("/projects/" + id + "/dsden-decision").then();
    }

    private static void assertStillSubmittedAndUndecided(String id, String viewBefore) {
        given().auth().oauth2(Tokens.operator()).get("/projects/" + id).then().statusCode(200)
                .body("state", equalTo("SUBMITTED")).body("decision", nullValue()).body("decidedBy", nullValue());
        assertEquals(viewBefore, Fixtures.view(id), "the refused decisions changed nothing in the project");
        assertEquals(List.of("DRAFT", "SUBMITTED"), Fixtures.states(id));
    }
}
