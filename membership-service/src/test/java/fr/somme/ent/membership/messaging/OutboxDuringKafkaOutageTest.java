package fr.somme.ent.membership.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import fr.somme.ent.testsupport.EventContracts;
import fr.somme.ent.testsupport.KafkaTestBroker;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.Tokens;
import fr.somme.ent.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The transactional outbox (ent-commons) in a real service: a Kafka outage delays events, it never loses them. */
@QuarkusTest
class OutboxDuringKafkaOutageTest {

    @Test
    void aRequestSucceedsWhileKafkaIsDownAndItsEventIsPublishedOnceKafkaIsBack() {
        Assumptions.assumeTrue(KafkaTestBroker.isRestartable(),
                "needs the in-process test broker (KAFKA_BOOTSTRAP_SERVERS points at a broker this test cannot stop)");
        KafkaTestBroker.stopBroker();
        String id;
        try {
            id = given().auth().oauth2(Tokens.operator())
                    .contentType(ContentType.JSON).body("{\"note\":\"during outage\"}")
                    .when().post("/ops/pipeline-probes")
                    .then().statusCode(201)
                    .extract().path("id");
            String probeId = id;
            // The relay tried, failed, and kept the event.
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ServiceDatabase.count(
                    "SELECT count(*) FROM outbox_event o JOIN pipeline_probe p ON p.event_id = o.id "
                            + "WHERE p.id = ?::uuid AND o.published_at IS NULL AND o.attempts >= 1 AND o.last_error IS NOT NULL",
                    probeId) == 1);
            given().auth().oauth2(Tokens.operator()).when().get("/ops/pipeline-probes/" + id)
                    .then().statusCode(200).body("status", equalTo("pending"));
        } finally {
            KafkaTestBroker.startBroker();
        }
        String probeId = id;
        ConsumerRecord<String, String> record = TopicProbe.awaitRecord("ent.membership.v1", r -> probeId.equals(r.key()),
                Duration.ofSeconds(60));
        EventContracts.assertConforms(record.value(), "fr.ent.ops.pipeline-probe.v1");
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.operator())
                .when().get("/ops/pipeline-probes/" + probeId)
                .then().statusCode(200).body("status", equalTo("published")));
        assertEquals(1, TopicProbe.readAll("ent.membership.v1", r -> probeId.equals(r.key())).size(),
                "published exactly once after the outage");
    }
}
