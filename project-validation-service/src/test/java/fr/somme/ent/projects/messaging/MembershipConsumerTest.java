package fr.somme.ent.projects.messaging;

import static fr.somme.ent.projects.Fixtures.currentSchoolYear;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import fr.somme.ent.projects.Fixtures;
import fr.somme.ent.projects.Fixtures.Place;
import fr.somme.ent.projects.ProjectEventsProbe;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.Tokens;
import fr.somme.ent.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A member agent reads the projects of the schools its member designates (designations from ent.membership.v1). */
@QuarkusTest
@TestProfile(Fixtures.FixedClock.class)
class MembershipConsumerTest {

    private static final String TOPIC = "ent.membership.v1";
    private static final String AMIENS = "218000198";
    private static final String ABBEVILLE = "218000016";
    private static final String CORBIE = "218002129";

    @Test
    void aMemberAgentReadsOnlyTheProjectsOfItsDesignatedSchools() {
        Place place = Fixtures.place();
        String teacher = place.teacher("prof.mercier");
        String submitted = Fixtures.submitted(teacher, place.uai());
        String draft = Fixtures.draft(teacher, place.uai());
        String year = currentSchoolYear().name();
        int revision = (int) Instant.now().getEpochSecond();

        given().auth().oauth2(Tokens.memberAgent(AMIENS)).get("/projects/" + submitted).then().statusCode(404);

        designate(AMIENS, year, revision, List.of(place.uai(), Fixtures.uniqueUai()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ServiceDatabase.count(
                "SELECT count(*) FROM member_designation WHERE member_id = ? AND school_uai = ?", AMIENS, place.uai()) == 1);

        given().auth().oauth2(Tokens.memberAgent(AMIENS)).get("/projects/" + submitted).then().statusCode(200)
                .body("state", equalTo("SUBMITTED"));
        given().auth().oauth2(Tokens.memberAgent(AMIENS)).get("/projects").then().statusCode(200)
                .body("items.id", hasItem(submitted)).body("items.id", not(hasItem(draft)));
        given().auth().oauth2(Tokens.memberAgent(AMIENS)).get("/projects/" + draft).then().statusCode(404);
        given().auth().oauth2(Tokens.memberAgent(ABBEVILLE)).get("/projects/" + submitted).then().statusCode(404);
        given().auth().oauth2(Tokens.memberAgent(ABBEVILLE)).get("/projects").then().statusCode(200).body("items.id", not(hasItem(submitted)));
        // a member agent only reads
        given().auth().oauth2(Tokens.memberAgent(AMIENS)).post("/projects/" + submitted + "/withdraw").then().statusCode(403);

        // the latest revision wins: the school is no longer designated; an older revision arriving late changes nothing
        designate(AMIENS, year, revision + 1, List.of(Fixtures.uniqueUai()));
        String late = designate(AMIENS, year, revision - 1, List.of(place.uai()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ServiceDatabase.count(
                "SELECT count(*) FROM processed_event WHERE consumer = 'project-validation.membership' AND event_id = ?", late) == 1);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> ServiceDatabase.count(
                "SELECT count(*) FROM member_designation_set WHERE member_id = ? AND school_year = ? AND revision = ?",
                AMIENS, year, revision + 1) == 1);
        given().auth().oauth2(Tokens.memberAgent(AMIENS)).get("/projects/" + submitted).then().statusCode(404);
    }

    @Test
    void aTerminatedMembersReleasedDesignationsNoLongerShowItsSchoolsProjectsToItsAgent() {
        Place place = Fixtures.place();
        String submitted = Fixtures.submitted(place.teacher("prof.resilie"), place.uai());
        String year = currentSchoolYear().name();
        int revision = (int) Instant.now().getEpochSecond();
        designateFromReference(CORBIE, year, revision, List.of(place.uai()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ServiceDatabase.count(
                "SELECT count(*) FROM member_designation WHERE member_id = ? AND school_uai = ?", CORBIE, place.uai()) == 1);
        given().auth().oauth2(Tokens.memberAgent(CORBIE)).get("/projects/" + submitted).then().statusCode(200);

        // the termination releases the member's designations for the year: the next revision with no school
        designateFromReference(CORBIE, year, revision + 1, List.of());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ServiceDatabase.count(
                "SELECT count(*) FROM member_designation_set WHERE member_id = ? AND school_year = ? AND revision = ?",
                CORBIE, year, revision + 1) == 1);
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM member_designation WHERE member_id = ?", CORBIE));
        given().auth().oauth2(Tokens.memberAgent(CORBIE)).get("/projects/" + submitted).then().statusCode(404);
        given().auth().oauth2(Tokens.memberAgent(CORBIE)).get("/projects").then().statusCode(200).body("items.id", not(hasItem(submitted)));
    }

    /** Designations as membership-service publishes them since issue #12: each school with its level and commune (checked). */
    private static String designateFromReference(String member, String year, int revision, List<String> uais) {
        String schools = uais.stream().map(u -> "{\"uai\":\"" + u + "\",\"name\":\"ECOLE " + u + "\",\"classes\":3,\"students\":70,"
                + "\"level\":\"ECOLE\",\"communeInsee\":\"80212\"}").collect(Collectors.joining(","));
        String event = designationsChanged(member, year, revision, schools);
        ProjectEventsProbe.assertInboundConforms(event, "fr.ent.membership.designations-changed.v1");
        TopicProbe.send(TOPIC, member, event);
        return ProjectEventsProbe.read(event).path("id").asText();
    }

    /** Designations as membership-service published them before issue #12 (no level nor commune): still read. */
    private static String designate(String member, String year, int revision, List<String> uais) {
        String schools = uais.stream().map(u -> "{\"uai\":\"" + u + "\",\"name\":\"ECOLE " + u + "\",\"classes\":3,\"students\":70}")
                .collect(Collectors.joining(","));
        String event = designationsChanged(member, year, revision, schools);
        TopicProbe.send(TOPIC, member, event);
        return ProjectEventsProbe.read(event).path("id").asText();
    }

    private static String designationsChanged(String member, String year, int revision, String schools) {
        String id = UUID.randomUUID().toString();
        String event = "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/ent/membership-service\","
                + "\"type\":\"fr.ent.membership.designations-changed.v1\",\"subject\":\"" + member + "\",\"time\":\"" + Instant.now()
                + "\",\"datacontenttype\":\"application/json\",\"data\":{\"memberId\":\"" + member + "\",\"adhesionId\":\"" + UUID.randomUUID()
                + "\",\"schoolYear\":\"" + year + "\",\"revision\":" + revision + ",\"schools\":[" + schools + "]}}";
        return event;
    }
}
