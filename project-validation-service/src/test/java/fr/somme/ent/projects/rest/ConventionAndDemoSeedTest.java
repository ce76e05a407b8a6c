package fr.somme.ent.projects.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.somme.ent.projects.Fixtures;
import fr.somme.ent.projects.Fixtures.Place;
import fr.somme.ent.projects.ProjectEventsProbe;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.Tokens;
import fr.somme.ent.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Runs on its own application start (a test profile): the database is cleaned and migrated at each start, so these
 * tests see no DSDEN convention and no reference data but their own. "Now" is pinned to 15 March 2027 (year 2026-2027).
 */
@QuarkusTest
@TestProfile(ConventionAndDemoSeedTest.FreshDatabaseOn15March2027.class)
class ConventionAndDemoSeedTest {

    public static class FreshDatabaseOn15March2027 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ent.clock.fixed", "2027-03-15T09:00:00Z");
        }
    }

    private static final String YEAR = "2026-2027";

    @Test
    void validationOutsideTheConventionIsRefusedThroughRestAndByEvent() {
        Place place = Fixtures.place();
        String teacher = place.teacher("prof.convention");
        String id = submitted(teacher, place);
        String byEvent = submitted(teacher, place);

        // no convention at all
        validate(place, id).statusCode(422).body("type", containsString("no-active-dsden-convention"));
        // a convention that ended the day before
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("reference", "CONV-2023", "validFrom", "2023-09-01", "validTo", "2027-03-14", "signedOn", "2023-06-30"))
                .post("/dsden-conventions").then().statusCode(201);
        validate(place, id).statusCode(422).body("detail", containsString("2027-03-15"));
        given().auth().oauth2(teacher).get("/projects/" + id).then().body("state", equalTo("SUBMITTED")).body("decision", nullValue());
        // the same validation taken in the DSDEN's tools, dated today, comes by event: to the DLQ, nothing changed
        String decision = ProjectEventsProbe.dsdenDecision(UUID.randomUUID().toString(), byEvent, "VALIDATED", place.ienId(),
                place.circonscription(), null, java.time.LocalDate.parse("2027-03-15"));
        TopicProbe.send("dsden.decisions.v1", byEvent, decision);
        assertThat(TopicProbe.header(TopicProbe.awaitRecord("dsden.decisions.v1.dlq", r -> decision.equals(r.value())),
                "dead-letter-reason"), containsString("no convention with the DSDEN is in force on 2027-03-15"));
        for (String project : List.of(id, byEvent)) {
            assertEquals(List.of("DRAFT", "SUBMITTED"), Fixtures.states(project));
            assertEquals(0, Fixtures.announced(project, "fr.ent.projects.project-validated.v1"));
        }

        // the next convention starts today: the same validation now counts
        given().auth().oauth2(Tokens.of("dsden-agent", "dsden").sign()).contentType(ContentType.JSON)
                .body(Map.of("reference", "CONV-2027", "validFrom", "2027-03-15", "validTo", "2030-08-31"))
                .post("/dsden-conventions").then().statusCode(201);
        validate(place, id).statusCode(200).body("state", equalTo("VALIDATED")).body("decidedOn", equalTo("2027-03-15"))
                .body("validUntil", equalTo("2027-08-31"));
    }

    @Test
    void theDemoSeedLoadsTheSommeSchoolsWithTheCirconscriptionOfTheirEpci() {
        given().auth().oauth2(Tokens.operator()).post("/ops/demo-seed").then().statusCode(200)
                .body("circonscriptions", equalTo(11)).body("schools", equalTo(409));
        // loading again changes nothing: the assignment is deterministic
        given().auth().oauth2(Tokens.operator()).post("/ops/demo-seed").then().statusCode(200);
        assertEquals(11, ServiceDatabase.count("SELECT count(*) FROM circonscription WHERE code LIKE '08__'"));
        assertEquals(409, ServiceDatabase.count("SELECT count(*) FROM school WHERE circonscription_code LIKE '08__'"));
        assertEquals(69, ServiceDatabase.count("SELECT count(*) FROM school WHERE level = 'COLLEGE' AND circonscription_code LIKE '08__'"));
        // Collège Millevoye, Abbeville (CA de la Baie de Somme) → 0803; école of Aveluy (CC du Pays du Coquelicot) → 0807
        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM school WHERE uai = '0800002T' AND circonscription_code = '0803' "
                + "AND level = 'COLLEGE' AND sector = 'PUBLIC'"));
        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM school WHERE uai = '0800091P' AND circonscription_code = '0807'"));
        // the demo IEN of the realm decides for Amiens Métropole
        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM circonscription WHERE code = '0801' AND ien_id = 'ien-amiens-1'"));
        given().auth().oauth2(Tokens.of("dsden-agent", "dsden").sign()).post("/ops/demo-seed").then().statusCode(403);
    }

    private static String submitted(String teacher, Place place) {
        String id = given().auth().oauth2(teacher).contentType(ContentType.JSON).body(Fixtures.projectBody(place.uai(), YEAR))
                .post("/projects").then().statusCode(201).extract().path("id");
        given().auth().oauth2(teacher).post("/projects/" + id + "/submit").then().statusCode(200);
        return id;
    }

    private static io.restassured.response.ValidatableResponse validate(Place place, String id) {
        return given().auth().oauth2(place.ien()).contentType(ContentType.JSON).body(Map.of("decision", "VALIDATED"))
                .post("/projects/" + id + "/decision").then();
    }
}
