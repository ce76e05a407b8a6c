package fr.somme.ent.projects.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import fr.somme.ent.projects.Fixtures;
import fr.somme.ent.projects.Fixtures.Place;
import fr.somme.ent.projects.ProjectEventsProbe;
import fr.somme.ent.projects.TestClock;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.Tokens;
import fr.somme.ent.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

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
    private static final String NEXT_YEAR = "2027-2028";
    private static final String VALIDATED = "fr.ent.projects.project-validated.v1";

    @Inject
    TestClock clock;

    @AfterEach
    void backToTheProfilesDay() {
        clock.reset();
    }

    @Test
    void aValidationCountsOnlyUnderASignedConventionValidOnTheDecisionDateAndCoveringTheSchoolYear() {
        Place place = Fixtures.place();
        String teacher = place.teacher("prof.convention");
        String thisYear = submitted(teacher, place, YEAR);
        String nextYear = submitted(teacher, place, NEXT_YEAR);
        String byEvent = submitted(teacher, place, NEXT_YEAR);
        String before = Fixtures.view(nextYear);

        // no convention at all
        validate(place, nextYear).statusCode(409).body("type", containsString("no-convention-for-school-year"));
        // a signed convention that ended the day before
        convention(Map.of("reference", "CONV-2023", "validFrom", "2023-09-01", "validTo", "2027-03-14", "signedOn", "2023-06-30"));
        validate(place, nextYear).statusCode(409).body("detail", containsString("2027-03-15"));
        // the next one, recorded unsigned: stored, never counted
        convention(Map.of("reference", "CONV-2027-PROJET", "validFrom", "2027-03-15", "validTo", "2030-08-31"));
        given().auth().oauth2(Tokens.of("ien-x", "ien").sign()).get("/dsden-conventions").then().statusCode(200)
                .body("items.find { it.reference == 'CONV-2027-PROJET' }.signedOn", nullValue());
        validate(place, nextYear).statusCode(409).body("type", containsString("no-convention-for-school-year"));
        // signed tomorrow (16 March): the DSDEN's validation dated today comes by event and goes to the DLQ
        convention(Map.of("reference", "CONV-2027", "validFrom", "2027-03-15", "validTo", "2030-08-31", "signedOn", "2027-03-16"));
        String today = dsdenValidation(place, byEvent, LocalDate.parse("2027-03-15"));
        TopicProbe.send("dsden.decisions.v1", byEvent, today);
        String reason = TopicProbe.header(TopicProbe.awaitRecord("dsden.decisions.v1.dlq", r -> today.equals(r.value())),
                "dead-letter-reason");
        assertThat(reason, containsString("(409)"));
        assertThat(reason, containsString("no convention with the DSDEN signed by 2027-03-15"));
        assertEquals(before, Fixtures.view(nextYear), "the refused validations changed nothing");
        for (String project : List.of(thisYear, nextYear, byEvent)) {
            assertEquals(List.of("DRAFT", "SUBMITTED"), Fixtures.states(project));
            assertEquals(0, Fixtures.announced(project, VALIDATED));
        }

        // 16 March: signed that day, in force, covering 2027-2028 from its first day; 2026-2027 started before it
        clock.moveTo(Instant.parse("2027-03-16T09:00:00Z"));
        validate(place, thisYear).statusCode(409).body("detail", containsString("2026-2027"));
        validate(place, nextYear).statusCode(200).body("state", equalTo("VALIDATED")).body("decidedOn", equalTo("2027-03-16"))
                .body("validUntil", equalTo("2028-08-31"));
        TopicProbe.send("dsden.decisions.v1", byEvent, dsdenValidation(place, byEvent, LocalDate.parse("2027-03-16")));
        ProjectEventsProbe.awaitEvent(byEvent, VALIDATED);
        assertEquals(List.of("DRAFT", "SUBMITTED"), Fixtures.states(thisYear));
        assertEquals(0, Fixtures.announced(thisYear, VALIDATED));
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

    @Test
    void theConventionsAreAPageByStartOfValidityThenId() {
        // unsigned: stored, never counted, reserving no period (the other tests of this class are not disturbed)
        convention(Map.of("reference", "CONV-PAGE-B", "validFrom", "2040-09-01", "validTo", "2041-08-31"));
        convention(Map.of("reference", "CONV-PAGE-A", "validFrom", "2039-09-01", "validTo", "2040-08-31"));
        convention(Map.of("reference", "CONV-PAGE-C", "validFrom", "2040-09-01", "validTo", "2042-08-31"));
        String ien = Tokens.of("ien-x", "ien").sign();
        JsonPath whole = given().auth().oauth2(ien).get("/dsden-conventions").then().statusCode(200).body("page", equalTo(0))
                .body("size", equalTo(50)).extract().jsonPath();
        List<String> references = whole.getList("items.reference", String.class);
        assertEquals(references.size(), whole.getLong("total"));
        List<String> mine = references.stream().filter(r -> r.startsWith("CONV-PAGE-")).toList();
        assertEquals("CONV-PAGE-A", mine.get(0), "the oldest start of validity first");
        assertEquals(3, mine.size());
        List<String> walked = new java.util.ArrayList<>();
        for (int p = 0; p <= references.size(); p++) {
            JsonPath one = given().auth().oauth2(ien).queryParam("page", p).queryParam("size", 1).get("/dsden-conventions").then()
                    .statusCode(200).body("total", equalTo(references.size())).extract().jsonPath();
            walked.addAll(one.getList("items.reference", String.class));
        }
        assertEquals(references, walked, "page by page: the same order, nothing twice, nothing left out");
    }

    private static void convention(Map<String, Object> body) {
        given().auth().oauth2(Tokens.of("dsden-agent", "dsden").sign()).contentType(ContentType.JSON).body(body)
                .post("/dsden-conventions").then().statusCode(201);
    }

    private static String dsdenValidation(Place place, String projectId, LocalDate decidedOn) {
        return ProjectEventsProbe.dsdenDecision(UUID.randomUUID().toString(), projectId, "VALIDATED", place.ienId(),
                place.circonscription(), null, decidedOn);
    }

    private static String submitted(String teacher, Place place, String schoolYear) {
        String id = given().auth().oauth2(teacher).contentType(ContentType.JSON).body(Fixtures.projectBody(place.uai(), schoolYear))
                .post("/projects").then().statusCode(201).extract().path("id");
        given().auth().oauth2(teacher).post("/projects/" + id + "/submit").then().statusCode(200);
        return id;
    }

    private static io.restassured.response.ValidatableResponse validate(Place place, String id) {
        return given().auth().oauth2(place.ien()).contentType(ContentType.JSON).body(Map.of("decision", "VALIDATED"))
                .post("/projects/" + id + "/decision").then();
    }
}
