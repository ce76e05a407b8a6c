package fr.somme.ent.projects.rest;

import static fr.somme.ent.projects.ProjectEventsProbe.awaitEvent;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fr.somme.ent.projects.Fixtures;
import fr.somme.ent.projects.Fixtures.Place;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Issue #14, point 5: a teacher owns his projects by his token's subject ({@code sub}), not by his user name, which can
 * be renamed or given to someone else. Projects written before subjects were recorded stay with their user name.
 * Every event of a project carries that subject ({@code teacherSub}) beside the user name ({@code teacherId}), so that
 * provisioning matches the class's teacher on it too.
 */
@QuarkusTest
@TestProfile(Fixtures.FixedClock.class)
class TeacherIdentityTest {

    private static String teacher(String sub, String username, Place place) {
        return Tokens.of(sub, "teacher").claim("preferred_username", username).claim("school_uai", place.uai()).sign();
    }

    @Test
    void aRenamedTeacherKeepsHisProjects() {
        Place place = Fixtures.place();
        String sub = UUID.randomUUID().toString();
        String id = Fixtures.draft(teacher(sub, "prof.martin", place), place.uai());
        String renamed = teacher(sub, "prof.martin-durand", place);

        given().auth().oauth2(renamed).get("/projects/" + id).then().statusCode(200).body("teacherId", equalTo("prof.martin"));
        given().auth().oauth2(renamed).get("/projects").then().statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(renamed).contentType(ContentType.JSON)
                .body(Fixtures.projectBody(place.uai(), Fixtures.currentSchoolYear().name())).put("/projects/" + id).then().statusCode(200);
        given().auth().oauth2(renamed).post("/projects/" + id + "/submit").then().statusCode(200).body("state", equalTo("SUBMITTED"));
    }

    @Test
    void anotherTeacherReusingTheOldUsernameDoesNotGetTheProjects() {
        Place place = Fixtures.place();
        String id = Fixtures.draft(teacher(UUID.randomUUID().toString(), "prof.petit", place), place.uai());
        String before = Fixtures.view(id);
        String newcomer = teacher(UUID.randomUUID().toString(), "prof.petit", place);

        given().auth().oauth2(newcomer).get("/projects/" + id).then().statusCode(404);
        given().auth().oauth2(newcomer).get("/projects").then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(newcomer).get("/projects/" + id + "/transitions").then().statusCode(404);
        given().auth().oauth2(newcomer).contentType(ContentType.JSON)
                .body(Fixtures.projectBody(place.uai(), Fixtures.currentSchoolYear().name())).put("/projects/" + id).then().statusCode(404);
        given().auth().oauth2(newcomer).post("/projects/" + id + "/submit").then().statusCode(404);
        given().auth().oauth2(newcomer).post("/projects/" + id + "/withdraw").then().statusCode(404);
        assertEquals(before, Fixtures.view(id));
    }

    @Test
    void aProjectWrittenBeforeSubjectsWereRecordedStaysWithItsUsername() throws SQLException {
        Place place = Fixtures.place();
        String id = Fixtures.draft(teacher(UUID.randomUUID().toString(), "prof.ancien", place), place.uai());
        try (Connection c = ServiceDatabase.connect();
                PreparedStatement ps = c.prepareStatement("UPDATE project SET teacher_sub = NULL WHERE id = ?")) {
            ps.setObject(1, UUID.fromString(id)); // as a row written before migration V6
            ps.executeUpdate();
        }
        String sameName = teacher(UUID.randomUUID().toString(), "prof.ancien", place);
        given().auth().oauth2(sameName).get("/projects/" + id).then().statusCode(200);
        given().auth().oauth2(sameName).get("/projects").then().statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(teacher(UUID.randomUUID().toString(), "prof.autre", place)).get("/projects/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.operator()).get("/projects/" + id).then().statusCode(200)
                .body("teacherId", equalTo("prof.ancien"));

        // its events leave teacherSub out (no subject is known), and still conform to the schema
        given().auth().oauth2(sameName).post("/projects/" + id + "/submit").then().statusCode(200);
        JsonNode submitted = awaitEvent(id, "fr.ent.projects.project-submitted.v1").path("data");
        assertEquals("prof.ancien", submitted.path("teacherId").asText());
        assertFalse(submitted.has("teacherSub"), submitted.toString());
    }

    @Test
    void everyProjectEventCarriesTheSubjectOfItsTeacherBesideHisUsername() {
        Fixtures.conventionInForce();
        Place place = Fixtures.place();
        String sub = UUID.randomUUID().toString();
        String id = Fixtures.submitted(teacher(sub, "prof.morel", place), place.uai());
        assertTeacher(sub, "prof.morel", awaitEvent(id, "fr.ent.projects.project-submitted.v1"));

        decide(place, id, "CHANGES_REQUESTED", "Préciser les ressources demandées");
        assertTeacher(sub, "prof.morel", awaitEvent(id, "fr.ent.projects.project-changes-requested.v1"));
        String renamed = teacher(sub, "prof.morel-durand", place); // the user name the project was written under stays
        given().auth().oauth2(renamed).post("/projects/" + id + "/submit").then().statusCode(200);
        assertTeacher(sub, "prof.morel", awaitEvent(id, "fr.ent.projects.project-revised.v1"));

        decide(place, id, "REJECTED", "Objectifs à préciser");
        assertTeacher(sub, "prof.morel", awaitEvent(id, "fr.ent.projects.project-rejected.v1"));
        given().auth().oauth2(renamed).post("/projects/" + id + "/submit").then().statusCode(200);
        decide(place, id, "VALIDATED", null);
        assertTeacher(sub, "prof.morel", awaitEvent(id, "fr.ent.projects.project-validated.v1"));

        given().auth().oauth2(renamed).post("/projects/" + id + "/withdraw").then().statusCode(200);
        JsonNode withdrawn = awaitEvent(id, "fr.ent.projects.project-withdrawn.v1");
        assertTeacher(sub, "prof.morel", withdrawn);
        assertEquals("prof.morel-durand", withdrawn.path("data").path("withdrawnBy").asText(), "who acted: today's user name");
    }

    private static void decide(Place place, String id, String decision, String reason) {
        Map<String, String> body = reason == null ? Map.of("decision", decision) : Map.of("decision", decision, "reason", reason);
        given().auth().oauth2(place.ien()).contentType(ContentType.JSON).body(body).post("/projects/" + id + "/decision").then()
                .statusCode(200);
    }

    /** The event (already checked against its schema by awaitEvent) names the teacher by subject and by user name. */
    private static void assertTeacher(String sub, String username, JsonNode event) {
        assertEquals(sub, event.path("data").path("teacherSub").asText(), event.toString());
        assertEquals(username, event.path("data").path("teacherId").asText(), event.toString());
    }
}
