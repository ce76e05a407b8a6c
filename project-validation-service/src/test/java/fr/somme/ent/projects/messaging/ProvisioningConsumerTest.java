package fr.somme.ent.projects.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fr.somme.ent.projects.Fixtures;
import fr.somme.ent.projects.Fixtures.Place;
import fr.somme.ent.projects.ProjectEventsProbe;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Art. 2 (rule 8): a project can be withdrawn until its class is deployed. Which classes are deployed comes from
 * provisioning-service's {@code ent.provisioning.v1} (class-deployed, access-ended), records produced here on the
 * in-process broker and checked against their schemas.
 */
@QuarkusTest
@TestProfile(Fixtures.FixedClock.class)
class ProvisioningConsumerTest {

    static final String TOPIC = "ent.provisioning.v1";
    private static final String MEMBER = "218000198";
    private static final String WITHDRAWN = "fr.ent.projects.project-withdrawn.v1";

    @BeforeEach
    void convention() {
        Fixtures.conventionInForce();
    }

    @Test
    void aValidatedProjectWhoseClassIsNotDeployedYetIsWithdrawnAndAnnounced() {
        Place place = Fixtures.place();
        String id = Fixtures.validated(place, "prof.attente");
        given().auth().oauth2(place.teacher("prof.attente")).contentType(ContentType.JSON).body(Map.of("reason", "Classe fermée"))
                .post("/projects/" + id + "/withdraw").then().statusCode(200).body("state", equalTo("WITHDRAWN"))
                .body("deployedOn", nullValue());
        JsonNode withdrawn = ProjectEventsProbe.awaitEvent(id, WITHDRAWN);
        assertEquals("prof.attente", withdrawn.path("data").path("withdrawnBy").asText());
        assertEquals(Fixtures.today().toString(), withdrawn.path("data").path("withdrawnOn").asText());
        assertEquals(List.of("DRAFT", "SUBMITTED", "VALIDATED", "WITHDRAWN"), Fixtures.states(id));
        assertEquals(1, Fixtures.announced(id, WITHDRAWN));
    }

    @Test
    void aProjectWhoseClassIsDeployedCannotBeWithdrawnAndNothingChanges() {
        Place place = Fixtures.place();
        String teacher = place.teacher("prof.deployee");
        String id = Fixtures.validated(place, "prof.deployee");
        LocalDate deployedOn = Fixtures.today();
        String deployed = classDeployed(UUID.randomUUID().toString(), id, place.uai(), deployedOn);
        TopicProbe.send(TOPIC, MEMBER, deployed);
        awaitApplied(deployed);
        // delivered twice: applied once
        TopicProbe.send(TOPIC, MEMBER, deployed);
        given().auth().oauth2(teacher).get("/projects/" + id).then().statusCode(200).body("deployedOn", equalTo(deployedOn.toString()))
                .body("accessEndedOn", nullValue());
        String before = Fixtures.view(id);

        given().auth().oauth2(teacher).contentType(ContentType.JSON).body(Map.of("reason", "Trop tard"))
                .post("/projects/" + id + "/withdraw").then().statusCode(409).contentType("application/problem+json")
                .body("type", containsString("project-already-deployed"));
        assertEquals(before, Fixtures.view(id), "the refused withdrawal changed nothing");
        assertEquals(List.of("DRAFT", "SUBMITTED", "VALIDATED"), Fixtures.states(id));
        assertEquals(0, Fixtures.announced(id, WITHDRAWN));

        // the end of the class's access is shown too; the project still cannot be withdrawn
        String ended = accessEnded(UUID.randomUUID().toString(), id, place.uai(), LocalDate.of(2027, 8, 31));
        TopicProbe.send(TOPIC, MEMBER, ended);
        awaitApplied(ended);
        given().auth().oauth2(teacher).get("/projects/" + id).then().body("deployedOn", equalTo(deployedOn.toString()))
                .body("accessEndedOn", equalTo("2027-08-31"));
        given().auth().oauth2(teacher).post("/projects/" + id + "/withdraw").then().statusCode(409)
                .body("type", containsString("project-already-deployed"));
        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM processed_event WHERE event_id = ?", eventId(deployed)));
    }

    @Test
    void aListOfProjectsShowsEachProjectsDeploymentExactlyAsItsOwnView() {
        Place place = Fixtures.place();
        String teacher = place.teacher("prof.liste");
        String deployedId = Fixtures.validated(place, "prof.liste");
        String pendingId = Fixtures.validated(place, "prof.liste");
        String deployed = classDeployed(UUID.randomUUID().toString(), deployedId, place.uai(), Fixtures.today());
        TopicProbe.send(TOPIC, MEMBER, deployed);
        awaitApplied(deployed);
        given().auth().oauth2(teacher).get("/projects").then().statusCode(200)
                .body("items.find { it.id == '" + deployedId + "' }.deployedOn", equalTo(Fixtures.today().toString()))
                .body("items.find { it.id == '" + pendingId + "' }.deployedOn", nullValue());
        List<Map<String, Object>> listed = given().auth().oauth2(teacher).get("/projects").then().extract().jsonPath().getList("items");
        for (Map<String, Object> item : listed) {
            Map<String, Object> single = given().auth().oauth2(teacher).get("/projects/" + item.get("id")).then().statusCode(200)
                    .extract().jsonPath().getMap("$");
            assertEquals(single, item, "the list shows the project as its own view does");
        }
    }

    @Test
    void aProvisioningEventWhoseProjectIdIsInvalidGoesToTheDlqAndRecordsNothing() {
        String bad = classDeployed(UUID.randomUUID().toString(), "not-a-uuid", Fixtures.uniqueUai(), Fixtures.today());
        TopicProbe.send(TOPIC, MEMBER, bad);
        String reason = TopicProbe.header(TopicProbe.awaitRecord(TOPIC + ".dlq", r -> bad.equals(r.value())), "dead-letter-reason");
        assertThat(reason, containsString("\"not-a-uuid\""));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM processed_event WHERE event_id = ?", eventId(bad)));
    }

    private static void awaitApplied(String record) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ServiceDatabase.count(
                "SELECT count(*) FROM processed_event WHERE consumer = 'project-validation.provisioning' AND event_id = ?",
                eventId(record)) == 1);
    }

    private static String eventId(String record) {
        return ProjectEventsProbe.read(record).path("id").asText();
    }

    /** {@code fr.ent.provisioning.class-deployed.v1} as provisioning-service publishes it (key: member id). */
    static String classDeployed(String eventId, String projectId, String uai, LocalDate on) {
        String record = envelope(eventId, "fr.ent.provisioning.class-deployed.v1", "{\"memberId\":\"" + MEMBER + "\",\"projectId\":\""
                + projectId + "\",\"schoolUai\":\"" + uai + "\",\"schoolYear\":\"2026-2027\",\"classLabel\":\"CM1-CM2\","
                + "\"schoolLevel\":\"ECOLE\",\"deployedOn\":\"" + on + "\",\"students\":24}");
        if (!"not-a-uuid".equals(projectId)) {
            ProjectEventsProbe.assertInboundConforms(record, "fr.ent.provisioning.class-deployed.v1");
        }
        return record;
    }

    static String accessEnded(String eventId, String projectId, String uai, LocalDate on) {
        String record = envelope(eventId, "fr.ent.provisioning.access-ended.v1", "{\"memberId\":\"" + MEMBER + "\",\"projectId\":\""
                + projectId + "\",\"schoolUai\":\"" + uai + "\",\"schoolYear\":\"2026-2027\",\"classLabel\":\"CM1-CM2\","
                + "\"schoolLevel\":\"ECOLE\",\"students\":24,\"accessEndDate\":\"" + on + "\",\"reason\":\"SCHOOL_YEAR_ENDED\"}");
        ProjectEventsProbe.assertInboundConforms(record, "fr.ent.provisioning.access-ended.v1");
        return record;
    }

    private static String envelope(String eventId, String type, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + eventId + "\",\"source\":\"/ent/provisioning-service\",\"type\":\"" + type
                + "\",\"subject\":\"" + MEMBER + "\",\"time\":\"2026-11-16T09:00:00Z\",\"datacontenttype\":\"application/json\","
                + "\"data\":" + data + "}";
    }
}
