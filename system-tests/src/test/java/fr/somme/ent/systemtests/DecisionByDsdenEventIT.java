package fr.somme.ent.systemtests;

import static fr.somme.ent.systemtests.Journeys.YEAR;
import static fr.somme.ent.systemtests.Journeys.api;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.somme.ent.systemtests.Journeys.Commune;
import fr.somme.ent.systemtests.Journeys.School;
import fr.somme.ent.systemtests.RunningSuite.Service;
import fr.somme.ent.testsupport.EventContracts;
import fr.somme.ent.testsupport.Tokens;
import fr.somme.ent.testsupport.TopicProbe;
import io.restassured.path.json.JsonPath;

/**
 * Art. 2 through the DSDEN's own tools: the IEN's decision arrives as a CloudEvent on {@code dsden.decisions.v1}
 * (schema {@code fr.ent.dsden.ien-decision-taken.v1}) instead of a REST call; project-validation applies it with the
 * REST rules and announces the validation, provisioning deploys the class. The same event delivered again, or the
 * same decision re-sent under a new id, changes nothing.
 */
class DecisionByDsdenEventIT {

    private static final String TOPIC = "dsden.decisions.v1";
    private static final String RESOURCE = "LECTURE-CM";
    private static final Commune RIVERY = new Commune("218006344", "Rivery", "80674",
            new School("0800143W", "ECOLE ELEMENTAIRE JEANNE ARNAUD ET JEAN CAYEUX", "80674", "ELEMENTAIRE"), 27);

    @BeforeAll
    static void startSuite() {
        Journeys.start(DecisionByDsdenEventIT.class);
    }

    @Test
    void anIenDecisionSentAsAnEventValidatesTheProjectDeploysTheClassAndIsAppliedOnce() throws Exception {
        Journeys.dsdenReferenceDataAndConvention(List.of(RIVERY.school()));
        Journeys.catalogue(RESOURCE, "Lecture suivie CM", false, Map.of(YEAR, "9.80"));
        Journeys.adhere(RIVERY);

        String project = Journeys.submitProject(RIVERY.school().uai(), "CE2", List.of("CE2"), YEAR, RIVERY.students(),
                List.of(RESOURCE));

        String eventId = UUID.randomUUID().toString();
        String decision = decisionEvent(eventId, project);
        EventContracts.assertConforms(decision, "fr.ent.dsden.ien-decision-taken.v1");
        TopicProbe.send(TOPIC, project, decision);

        JsonPath validated = Awaitility.await("project validated from the DSDEN event").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> project(project), j -> "VALIDATED".equals(j.getString("state")));
        assertEquals("VALIDATED", validated.getString("decision"));
        assertEquals(Journeys.IEN, validated.getString("decidedBy"));
        assertEquals("2026-10-05", validated.getString("decidedOn"));
        assertEquals("2027-08-31", validated.getString("validUntil"));
        JsonPath transitions = transitions(project);
        assertEquals(List.of("DRAFT", "SUBMITTED", "VALIDATED"), transitions.getList("to"));
        assertEquals(TOPIC, transitions.getString("[2].channel"));
        assertEquals(eventId, transitions.getString("[2].eventId"));
        assertEquals(Journeys.IEN, transitions.getString("[2].actor"));

        JsonPath deployed = Journeys.awaitStatus(project, "DEPLOYED");
        assertEquals(RIVERY.siren(), deployed.getString("memberId"));
        assertEquals(1, deployed.getInt("teacherAccounts"));
        assertEquals(27, deployed.getInt("studentAccounts"));
        assertEquals(27, deployed.getInt("licences[0].quantity"));
        assertEquals("9.80", deployed.getString("licences[0].unitPrice"));

        // The same event again (redelivery), then the same decision under a new id: neither has any effect.
        TopicProbe.send(TOPIC, project, decision);
        String sameDecisionNewId = decisionEvent(UUID.randomUUID().toString(), project);
        EventContracts.assertConforms(sameDecisionNewId, "fr.ent.dsden.ien-decision-taken.v1");
        TopicProbe.send(TOPIC, project, sameDecisionNewId);
        // A marker with the same key, after the duplicates in the same partition: a contradicting decision, refused to
        // the DLQ. Once it is there, both duplicates have been consumed — no quiet window to guess.
        String marker = decisionEvent(UUID.randomUUID().toString(), project, "REJECTED", "marqueur");
        TopicProbe.send(TOPIC, project, marker);
        TopicProbe.awaitRecord(TOPIC + ".dlq", r -> marker.equals(r.value()));
        assertEquals(List.of("DRAFT", "SUBMITTED", "VALIDATED"), transitions(project).getList("to"));
        assertEquals("VALIDATED", project(project).getString("state"));
        assertEquals(27, Journeys.classOf(project).getInt("studentAccounts"));
        // The outbox publishes in commit order: once a probe committed after the duplicates is on the topic, any
        // event a duplicate had written would be there too.
        awaitProbePublished(Service.PROJECT_VALIDATION);
        awaitProbePublished(Service.PROVISIONING);

        assertEquals(1, TopicProbe.readAll("ent.projects.v1", r -> project.equals(r.key())
                && r.value().contains("\"fr.ent.projects.project-validated.v1\"")).size(), "validation announced once");
        assertEquals(1, TopicProbe.readAll(Service.PROVISIONING.topic, r -> RIVERY.siren().equals(r.key())
                && r.value().contains("\"fr.ent.provisioning.class-deployed.v1\"")).size(), "class deployed once");
        assertEquals(28, api(Service.PROVISIONING, Tokens.operator()).get("/classes/" + project + "/accounts")
                .then().statusCode(200).extract().jsonPath().getList("$").size(), "1 teacher + 27 students, once");
        // Neither duplicate was refused as a poison record: they were recognised and skipped; only the marker is there.
        assertEquals(List.of(marker), TopicProbe.readAll(TOPIC + ".dlq", r -> true).stream().map(r -> r.value()).toList());
    }

    private static String decisionEvent(String id, String project) throws JsonProcessingException {
        return decisionEvent(id, project, "VALIDATED", null);
    }

    private static String decisionEvent(String id, String project, String outcome, String reason) throws JsonProcessingException {
        Map<String, Object> data = new java.util.LinkedHashMap<>(Map.of("projectId", project, "decision", outcome,
                "ienId", Journeys.IEN, "circonscriptionCode", Journeys.CIRCONSCRIPTION, "decidedOn", "2026-10-05"));
        if (reason != null) {
            data.put("reason", reason);
        }
        return new ObjectMapper().writeValueAsString(Map.of(
                "specversion", "1.0",
                "id", id,
                "source", "/dsden/decisions",
                "type", "fr.ent.dsden.ien-decision-taken.v1",
                "subject", project,
                "time", "2026-10-05T08:00:00Z",
                "datacontenttype", "application/json",
                "data", data));
    }

    private static void awaitProbePublished(Service service) {
        String probe = api(service, Tokens.operator()).body(Map.of()).post("/ops/pipeline-probes").then().statusCode(201)
                .extract().path("id");
        Awaitility.await("probe of " + service + " published").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> api(service, Tokens.operator()).get("/ops/pipeline-probes/" + probe).then().statusCode(200)
                        .extract().path("status"), "published"::equals);
    }

    private static JsonPath project(String project) {
        return api(Service.PROJECT_VALIDATION, Journeys.dsden()).get("/projects/" + project)
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath transitions(String project) {
        return api(Service.PROJECT_VALIDATION, Journeys.dsden()).get("/projects/" + project + "/transitions")
                .then().statusCode(200).extract().jsonPath();
    }
}
