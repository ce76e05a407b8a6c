package fr.somme.ent.projects.messaging;

import static fr.somme.ent.projects.ProjectEventsProbe.assertInboundConforms;
import static fr.somme.ent.projects.ProjectEventsProbe.awaitEvent;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.somme.ent.projects.Fixtures;
import fr.somme.ent.projects.Fixtures.Place;
import fr.somme.ent.projects.ProjectEventsProbe;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** IEN decisions taken in the DSDEN's tools, on a real broker: the same rules as REST, applied once, refusals to the DLQ. */
@QuarkusTest
@TestProfile(Fixtures.FixedClock.class)
class DsdenDecisionConsumerTest {

    private static final String TOPIC = "dsden.decisions.v1";
    private static final String DLQ = "dsden.decisions.v1.dlq";
    private static final String TYPE = "fr.ent.dsden.ien-decision-taken.v1";

    @BeforeEach
    void convention() {
        Fixtures.conventionInForce();
    }

    @Test
    void aDecisionByEventDeliveredTwiceIsAppliedOnce() {
        Place place = Fixtures.place();
        String id = Fixtures.submitted(place.teacher("prof.durand"), place.uai());
        String decision = decision(UUID.randomUUID().toString(), id, "VALIDATED", place.ienId(), place.circonscription(), null, today());
        assertInboundConforms(decision, TYPE);

        TopicProbe.send(TOPIC, id, decision);
        TopicProbe.send(TOPIC, id, decision); // redelivery of the same event id
        awaitState(id, "VALIDATED");
        awaitEvent(id, "fr.ent.projects.project-validated.v1");
        // same key, same partition: once a later record of that key is handled, the repeat has been consumed too
        String marker = decision(UUID.randomUUID().toString(), id, "REJECTED", place.ienId(), place.circonscription(), "marqueur", today());
        TopicProbe.send(TOPIC, id, marker);
        TopicProbe.awaitRecord(DLQ, r -> marker.equals(r.value()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ServiceDatabase.count(
                "SELECT count(*) FROM processed_event WHERE event_id = ?", idOf(decision)) == 1);
        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM project_transition WHERE project_id = CAST(? AS uuid) "
                + "AND channel = 'dsden.decisions.v1' AND to_state = 'VALIDATED'", id));
        // published once: one row in the outbox, which the relay publishes once (no quiet window on the topic)
        assertEquals(1, Fixtures.announced(id, "fr.ent.projects.project-validated.v1"));
        assertEquals(0, Fixtures.announced(id, "fr.ent.projects.project-rejected.v1"));
        assertEquals(List.of("DRAFT", "SUBMITTED", "VALIDATED"), Fixtures.states(id));
        given().auth().oauth2(place.teacher("prof.durand")).get("/projects/" + id + "/transitions").then()
                .body("channel[2]", equalTo(TOPIC)).body("eventId[2]", equalTo(idOf(decision)))
                .body("actor[2]", equalTo(place.ienId()));
    }

    @Test
    void aContradictingDecisionGoesToTheDlq() {
        Place place = Fixtures.place();
        String id = Fixtures.submitted(place.teacher("prof.simon"), place.uai());
        String rejected = decision(UUID.randomUUID().toString(), id, "REJECTED", place.ienId(), place.circonscription(),
                "Projet sans objectifs mesurables", today());
        String validated = decision(UUID.randomUUID().toString(), id, "VALIDATED", place.ienId(), place.circonscription(), null, today());
        assertInboundConforms(rejected, TYPE);
        assertInboundConforms(validated, TYPE);

        TopicProbe.send(TOPIC, id, rejected);
        awaitState(id, "REJECTED");
        TopicProbe.send(TOPIC, id, validated);
        ConsumerRecord<String, String> dead = TopicProbe.awaitRecord(DLQ, r -> validated.equals(r.value()));
        assertEquals(id, dead.key());
        assertThat(TopicProbe.header(dead, "dead-letter-reason"), containsString("REJECTED"));
        assertThat(TopicProbe.header(dead, "dead-letter-reason"), containsString("never overrides"));
        given().auth().oauth2(place.teacher("prof.simon")).get("/projects/" + id).then()
                .body("state", equalTo("REJECTED")).body("decisionReason", equalTo("Projet sans objectifs mesurables"));
        assertEquals(List.of("DRAFT", "SUBMITTED", "REJECTED"), Fixtures.states(id));
        assertEquals(0, Fixtures.announced(id, "fr.ent.projects.project-validated.v1"));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM processed_event WHERE event_id = ?", idOf(validated)));
    }

    @Test
    void aDecisionByTheWrongIenGoesToTheDlq() {
        Place place = Fixtures.place();
        Place elsewhere = Fixtures.place();
        String id = Fixtures.submitted(place.teacher("prof.michel"), place.uai());
        String before = Fixtures.view(id);
        // the IEN of another circonscription, and an impostor naming the right circonscription
        String otherCirconscription = decision(UUID.randomUUID().toString(), id, "VALIDATED", elsewhere.ienId(),
                elsewhere.circonscription(), null, today());
        String wrongIen = decision(UUID.randomUUID().toString(), id, "VALIDATED", elsewhere.ienId(), place.circonscription(), null, today());
        TopicProbe.send(TOPIC, id, otherCirconscription);
        TopicProbe.send(TOPIC, id, wrongIen);
        assertThat(TopicProbe.header(TopicProbe.awaitRecord(DLQ, r -> otherCirconscription.equals(r.value())), "dead-letter-reason"),
                containsString("does not decide for school " + place.uai()));
        assertThat(TopicProbe.header(TopicProbe.awaitRecord(DLQ, r -> wrongIen.equals(r.value())), "dead-letter-reason"),
                containsString("is not the IEN of circonscription " + place.circonscription()));
        assertEquals(before, Fixtures.view(id));
        assertEquals(List.of("DRAFT", "SUBMITTED"), Fixtures.states(id));
        assertEquals(0, Fixtures.announced(id, "fr.ent.projects.project-validated.v1"));
    }

    @Test
    void aDecisionFollowsTheSameRulesAsThroughRest() {
        Place place = Fixtures.place();
        String id = Fixtures.submitted(place.teacher("prof.garnier"), place.uai());
        String before = Fixtures.view(id);
        // a rejection without a reason, a decision dated before the submission, a record that is not a decision at all
        String noReason = decision(UUID.randomUUID().toString(), id, "REJECTED", place.ienId(), place.circonscription(), null, today());
        String beforeSubmission = decision(UUID.randomUUID().toString(), id, "VALIDATED", place.ienId(), place.circonscription(), null,
                today().minusDays(3));
        String unknownProject = decision(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "VALIDATED", place.ienId(),
                place.circonscription(), null, today());
        TopicProbe.send(TOPIC, id, noReason);
        TopicProbe.send(TOPIC, id, beforeSubmission);
        TopicProbe.send(TOPIC, "unknown", unknownProject);
        assertThat(TopicProbe.header(TopicProbe.awaitRecord(DLQ, r -> noReason.equals(r.value())), "dead-letter-reason"),
                containsString("needs a reason"));
        assertThat(TopicProbe.header(TopicProbe.awaitRecord(DLQ, r -> beforeSubmission.equals(r.value())), "dead-letter-reason"),
                containsString("before the current submission"));
        assertThat(TopicProbe.header(TopicProbe.awaitRecord(DLQ, r -> unknownProject.equals(r.value())), "dead-letter-reason"),
                containsString("does not exist"));
        assertEquals(before, Fixtures.view(id));

        // the consumer moved on: a good decision is applied
        TopicProbe.send(TOPIC, id, decision(UUID.randomUUID().toString(), id, "CHANGES_REQUESTED", place.ienId(),
                place.circonscription(), "Ajouter une ressource", today()));
        awaitState(id, "CHANGES_REQUESTED");
        awaitEvent(id, "fr.ent.projects.project-changes-requested.v1");
        // none of the refused records left a trace: only the good decision is in the history and the outbox
        assertEquals(List.of("DRAFT", "SUBMITTED", "CHANGES_REQUESTED"), Fixtures.states(id));
        assertEquals(0, Fixtures.announced(id, "fr.ent.projects.project-rejected.v1"));
        assertEquals(0, Fixtures.announced(id, "fr.ent.projects.project-validated.v1"));
    }

    private static LocalDate today() {
        return Fixtures.today();
    }

    private static void awaitState(String id, String state) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ServiceDatabase.count(
                "SELECT count(*) FROM project WHERE id = CAST(? AS uuid) AND state = ?", id, state) == 1);
    }

    private static String idOf(String record) {
        return ProjectEventsProbe.read(record).path("id").asText();
    }

    static String decision(String eventId, String projectId, String decision, String ienId, String circonscription, String reason,
            LocalDate decidedOn) {
        return ProjectEventsProbe.dsdenDecision(eventId, projectId, decision, ienId, circonscription, reason, decidedOn);
    }
}
