package fr.somme.ent.projects.rest;

import static fr.somme.ent.projects.Fixtures.currentSchoolYear;
import static fr.somme.ent.projects.ProjectEventsProbe.awaitEvent;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fr.somme.ent.projects.Fixtures;
import fr.somme.ent.projects.Fixtures.Place;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** A project's life through REST, the events it produces, and who may do what (art. 2; rules 6–8). */
@QuarkusTest
@TestProfile(Fixtures.FixedClock.class)
class ProjectLifecycleTest {

    @BeforeEach
    void convention() {
        Fixtures.conventionInForce();
    }

    @Test
    void aProjectGoesFromDraftToValidatedAndEveryTransitionIsRecordedWithWhoWhenWhy() {
        Place place = Fixtures.place();
        String teacher = place.teacher("prof.dupont");
        String id = Fixtures.draft(teacher, place.uai());
        given().auth().oauth2(teacher).get("/projects/" + id).then().statusCode(200)
                .body("state", equalTo("DRAFT")).body("teacherId", equalTo("prof.dupont"))
                .body("circonscriptionCode", equalTo(place.circonscription()));

        given().auth().oauth2(teacher).post("/projects/" + id + "/submit").then().statusCode(200).body("state", equalTo("SUBMITTED"));
        JsonNode submitted = awaitEvent(id, "fr.ent.projects.project-submitted.v1");
        assertEquals(id, submitted.path("subject").asText());
        assertEquals(24, submitted.path("data").path("students").asInt());
        assertEquals("LUMNI-PRIMAIRE", submitted.path("data").path("requestedResources").path(1).asText());

        given().auth().oauth2(place.ien()).contentType(ContentType.JSON).body(Map.of("decision", "VALIDATED"))
                .post("/projects/" + id + "/decision").then().statusCode(200)
                .body("state", equalTo("VALIDATED")).body("decidedBy", equalTo(place.ienId()))
                .body("validUntil", equalTo(currentSchoolYear().lastDay().toString()));
        JsonNode validated = awaitEvent(id, "fr.ent.projects.project-validated.v1");
        assertEquals(place.ienId(), validated.path("data").path("validatedBy").asText());
        assertEquals(currentSchoolYear().name(), validated.path("data").path("schoolYear").asText());

        given().auth().oauth2(teacher).get("/projects/" + id + "/transitions").then().statusCode(200)
                .body("to", equalTo(List.of("DRAFT", "SUBMITTED", "VALIDATED")))
                .body("actor", equalTo(List.of("prof.dupont", "prof.dupont", place.ienId())))
                .body("actorRole", equalTo(List.of("teacher", "teacher", "ien")))
                .body("channel", equalTo(List.of("REST", "REST", "REST")))
                .body("at", not(hasItem(nullValue())));
    }

    @Test
    void aRejectedProjectCanBeRevisedAndResubmitted() {
        Place place = Fixtures.place();
        String teacher = place.teacher("prof.leroy");
        String id = Fixtures.submitted(teacher, place.uai());

        // a rejection needs a reason; refused, the state is unchanged
        given().auth().oauth2(place.ien()).contentType(ContentType.JSON).body(Map.of("decision", "REJECTED"))
                .post("/projects/" + id + "/decision").then().statusCode(422)
                .body("type", containsString("reason-required"));
        given().auth().oauth2(teacher).get("/projects/" + id).then().body("state", equalTo("SUBMITTED"));

        given().auth().oauth2(place.ien()).contentType(ContentType.JSON)
                .body(Map.of("decision", "REJECTED", "reason", "Objectifs pédagogiques à préciser"))
                .post("/projects/" + id + "/decision").then().statusCode(200).body("state", equalTo("REJECTED"));
        assertEquals("Objectifs pédagogiques à préciser",
                awaitEvent(id, "fr.ent.projects.project-rejected.v1").path("data").path("reason").asText());

        Map<String, Object> revised = new java.util.HashMap<>(Fixtures.projectBody(place.uai(), currentSchoolYear().name()));
        revised.put("objectives", "Blog de classe, cahier de textes et correspondance avec une classe de Picardie");
        revised.put("students", 26);
        given().auth().oauth2(teacher).contentType(ContentType.JSON).body(revised).put("/projects/" + id).then().statusCode(200);
        given().auth().oauth2(teacher).post("/projects/" + id + "/submit").then().statusCode(200)
                .body("state", equalTo("SUBMITTED")).body("submissions", equalTo(2)).body("decision", nullValue());
        assertEquals(26, awaitEvent(id, "fr.ent.projects.project-revised.v1").path("data").path("students").asInt());

        given().auth().oauth2(place.ien()).contentType(ContentType.JSON).body(Map.of("decision", "VALIDATED"))
                .post("/projects/" + id + "/decision").then().statusCode(200).body("state", equalTo("VALIDATED"));
        given().auth().oauth2(teacher).get("/projects/" + id + "/transitions").then()
                .body("to", equalTo(List.of("DRAFT", "SUBMITTED", "REJECTED", "SUBMITTED", "VALIDATED")))
                .body("reason[2]", equalTo("Objectifs pédagogiques à préciser"));
    }

    @Test
    void theIenCanAskForChangesAndTheTeacherResubmits() {
        Place place = Fixtures.place();
        String teacher = place.teacher("prof.bernard");
        String id = Fixtures.submitted(teacher, place.uai());
        given().auth().oauth2(place.ien()).contentType(ContentType.JSON)
                .body(Map.of("decision", "CHANGES_REQUESTED", "reason", "Préciser les ressources demandées"))
                .post("/projects/" + id + "/decision").then().statusCode(200).body("state", equalTo("CHANGES_REQUESTED"));
        JsonNode changes = awaitEvent(id, "fr.ent.projects.project-changes-requested.v1");
        assertEquals(place.ienId(), changes.path("data").path("decidedBy").asText());
        given().auth().oauth2(teacher).post("/projects/" + id + "/submit").then().statusCode(200).body("state", equalTo("SUBMITTED"));
        awaitEvent(id, "fr.ent.projects.project-revised.v1");
    }

    @Test
    void aWithdrawnProjectCannotBeValidated() {
        Place place = Fixtures.place();
        String teacher = place.teacher("prof.petit");
        String id = Fixtures.submitted(teacher, place.uai());
        given().auth().oauth2(teacher).contentType(ContentType.JSON).body(Map.of("reason", "Changement de classe"))
                .post("/projects/" + id + "/withdraw").then().statusCode(200).body("state", equalTo("WITHDRAWN"));
        assertEquals("prof.petit", awaitEvent(id, "fr.ent.projects.project-withdrawn.v1").path("data").path("withdrawnBy").asText());

        given().auth().oauth2(place.ien()).contentType(ContentType.JSON).body(Map.of("decision", "VALIDATED"))
                .post("/projects/" + id + "/decision").then().statusCode(409)
                .body("type", containsString("decision-contradicts-earlier"));
        given().auth().oauth2(teacher).get("/projects/" + id).then().body("state", equalTo("WITHDRAWN"));
        assertEquals(List.of("DRAFT", "SUBMITTED", "WITHDRAWN"), Fixtures.states(id));
        assertEquals(0, Fixtures.announced(id, "fr.ent.projects.project-validated.v1"));
    }

    @Test
    void validationByTheIenOfAnotherCirconscriptionIsRefused() {
        Place place = Fixtures.place();
        Place elsewhere = Fixtures.place();
        String id = Fixtures.submitted(place.teacher("prof.girard"), place.uai());
        String before = Fixtures.view(id);

        // chosen behaviour: 404, the other IEN cannot even learn that the project exists
        given().auth().oauth2(elsewhere.ien()).contentType(ContentType.JSON).body(Map.of("decision", "VALIDATED"))
                .post("/projects/" + id + "/decision").then().statusCode(404).body("type", containsString("not-found"));
        given().auth().oauth2(elsewhere.ien()).get("/projects/" + id).then().statusCode(404);
        given().auth().oauth2(elsewhere.ien()).get("/projects").then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(place.ien()).get("/projects").then().statusCode(200).body("items.id", hasItem(id));
        // an ien token without a circonscription claim decides nothing
        given().auth().oauth2(Tokens.of("ien-sans-circ", "ien").sign()).contentType(ContentType.JSON)
                .body(Map.of("decision", "VALIDATED")).post("/projects/" + id + "/decision").then().statusCode(404);
        assertEquals(before, Fixtures.view(id));
        assertEquals(List.of("DRAFT", "SUBMITTED"), Fixtures.states(id));
        assertEquals(0, Fixtures.announced(id, "fr.ent.projects.project-validated.v1"));
    }

    @Test
    void aTeacherWorksOnlyOnOwnProjectsOfOwnSchool() {
        Place place = Fixtures.place();
        Place other = Fixtures.place();
        String id = Fixtures.draft(place.teacher("prof.roux"), place.uai());

        given().auth().oauth2(place.teacher("prof.colleague")).get("/projects/" + id).then().statusCode(404);
        given().auth().oauth2(place.teacher("prof.colleague")).post("/projects/" + id + "/submit").then().statusCode(404);
        assertEquals(List.of("DRAFT"), Fixtures.states(id));
        given().auth().oauth2(other.teacher("prof.roux")).get("/projects/" + id).then().statusCode(404);
        given().auth().oauth2(place.teacher("prof.colleague")).get("/projects").then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(place.teacher("prof.roux")).get("/projects").then().statusCode(200).body("items.id", hasItem(id));
        // a draft is the teacher's own: the IEN does not see it yet
        given().auth().oauth2(place.ien()).get("/projects/" + id).then().statusCode(404);

        // for another school than the token's: 403; for a school unknown to the DSDEN's data: 422
        given().auth().oauth2(place.teacher("prof.roux")).contentType(ContentType.JSON)
                .body(Fixtures.projectBody(other.uai(), currentSchoolYear().name())).post("/projects").then().statusCode(403);
        String unknown = Fixtures.uniqueUai();
        given().auth().oauth2(Tokens.teacher("prof.roux", unknown)).contentType(ContentType.JSON)
                .body(Fixtures.projectBody(unknown, currentSchoolYear().name())).post("/projects").then().statusCode(422)
                .body("type", containsString("unknown-school"));

        // roles: an IEN does not write projects, a member agent does not see a draft, a partner sees none
        given().auth().oauth2(place.ien()).contentType(ContentType.JSON)
                .body(Fixtures.projectBody(place.uai(), currentSchoolYear().name())).post("/projects").then().statusCode(403);
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM project WHERE school_uai IN (?, ?)", other.uai(), unknown));
        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM project WHERE school_uai = ?", place.uai()));
        given().auth().oauth2(Tokens.memberAgent("218000198")).get("/projects/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.of("partner-1", "partner").sign()).get("/projects").then().statusCode(403);
        given().get("/projects").then().statusCode(401);
        // the DSDEN and the operator read every project
        given().auth().oauth2(Tokens.of("dsden-agent", "dsden").sign()).get("/projects/" + id).then().statusCode(200);
        given().auth().oauth2(Tokens.operator()).get("/projects/" + id + "/transitions").then().statusCode(200);
    }

    @Test
    void invalidTransitionsAreRefusedAndTheStateIsUnchanged() {
        Place place = Fixtures.place();
        String teacher = place.teacher("prof.fournier");
        String id = Fixtures.submitted(teacher, place.uai());
        String submitted = Fixtures.view(id);
        given().auth().oauth2(teacher).post("/projects/" + id + "/submit").then().statusCode(409)
                .body("type", containsString("invalid-transition"));
        given().auth().oauth2(teacher).contentType(ContentType.JSON)
                .body(Fixtures.projectBody(place.uai(), currentSchoolYear().name())).put("/projects/" + id).then().statusCode(409)
                .body("type", containsString("not-editable"));
        assertEquals(submitted, Fixtures.view(id));
        assertEquals(1, Fixtures.announced(id, "fr.ent.projects.project-submitted.v1"));
        given().auth().oauth2(place.ien()).contentType(ContentType.JSON).body(Map.of("decision", "VALIDATED"))
                .post("/projects/" + id + "/decision").then().statusCode(200);
        given().auth().oauth2(place.ien()).contentType(ContentType.JSON).body(Map.of("decision", "REJECTED", "reason", "non"))
                .post("/projects/" + id + "/decision").then().statusCode(409).body("type", containsString("decision-contradicts-earlier"));
        given().auth().oauth2(teacher).get("/projects/" + id).then().body("state", equalTo("VALIDATED")).body("decisionReason", nullValue());
        assertEquals(List.of("DRAFT", "SUBMITTED", "VALIDATED"), Fixtures.states(id));
        assertEquals(0, Fixtures.announced(id, "fr.ent.projects.project-rejected.v1"));
    }

    @Test
    void aProjectIsForTheCurrentOrNextSchoolYear() {
        Place place = Fixtures.place();
        given().auth().oauth2(place.teacher("prof.lambert")).contentType(ContentType.JSON)
                .body(Fixtures.projectBody(place.uai(), currentSchoolYear().previous().name())).post("/projects").then().statusCode(422)
                .body("type", containsString("school-year-not-open"));
        given().auth().oauth2(place.teacher("prof.lambert")).contentType(ContentType.JSON)
                .body(Fixtures.projectBody(place.uai(), currentSchoolYear().next().name())).post("/projects").then().statusCode(201);
        // bad input: problem+json 400, nothing stored
        given().auth().oauth2(place.teacher("prof.lambert")).contentType(ContentType.JSON)
                .body(Map.of("schoolUai", place.uai(), "classLabel", "CP", "levels", List.of(), "schoolYear", "2026", "students", -1))
                .post("/projects").then().statusCode(400).contentType("application/problem+json");
        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM project WHERE school_uai = ?", place.uai()));
    }

    @Test
    void theDsdenForwardsTheDecisionOfTheSchoolsIenOnly() {
        Place place = Fixtures.place();
        Place elsewhere = Fixtures.place();
        String dsden = Tokens.of("dsden-agent", "dsden").sign();
        String id = Fixtures.submitted(place.teacher("prof.blanc"), place.uai());
        String today = Fixtures.today().toString();
        String before = Fixtures.view(id);

        given().auth().oauth2(dsden).contentType(ContentType.JSON)
                .body(Map.of("decision", "VALIDATED", "ienId", elsewhere.ienId(), "circonscriptionCode", place.circonscription(),
                        "decidedOn", today))
                .post("/projects/" + id + "/dsden-decision").then().statusCode(403);
        given().auth().oauth2(place.ien()).contentType(ContentType.JSON)
                .body(Map.of("decision", "VALIDATED", "ienId", place.ienId(), "circonscriptionCode", place.circonscription(),
                        "decidedOn", today))
                .post("/projects/" + id + "/dsden-decision").then().statusCode(403);
        assertEquals(before, Fixtures.view(id));
        assertEquals(List.of("DRAFT", "SUBMITTED"), Fixtures.states(id));

        given().auth().oauth2(dsden).contentType(ContentType.JSON)
                .body(Map.of("decision", "VALIDATED", "ienId", place.ienId(), "circonscriptionCode", place.circonscription(),
                        "decidedOn", today))
                .post("/projects/" + id + "/dsden-decision").then().statusCode(200)
                .body("state", equalTo("VALIDATED")).body("decidedBy", equalTo(place.ienId()));
        given().auth().oauth2(dsden).get("/projects/" + id + "/transitions").then()
                .body("channel[2]", equalTo("REST (dsden: dsden-agent)")).body("actor[2]", equalTo(place.ienId()));
    }
}
