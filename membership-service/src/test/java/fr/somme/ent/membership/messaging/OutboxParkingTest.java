package fr.somme.ent.membership.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import fr.somme.ent.commons.ops.PipelineProbes;
import fr.somme.ent.commons.outbox.Outbox;
import fr.somme.ent.membership.FixedClock;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.Tokens;
import fr.somme.ent.testsupport.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Issue #14: an event Kafka can never take (1.2 MB, above the producer's max.request.size) is parked after
 * ent.outbox.park-after-attempts (3) attempts; events of other keys are published exactly once meanwhile (records
 * counted on the real broker's topic); the later event of the parked key waits; an operator retries and discards it.
 */
@QuarkusTest
@TestProfile(FixedClock.class)
class OutboxParkingTest {

    private static final String TOPIC = "ent.membership.v1";

    @Inject
    Outbox outbox;

    private UUID publish(String key, String padding) {
        return UUID.fromString(QuarkusTransaction.requiringNew().call(() -> outbox.publish(TOPIC, key, PipelineProbes.TYPE, key,
                Map.of("probeId", key, "service", "membership-service", "padding", padding))).id());
    }

    private static long row(UUID id, String condition) {
        return ServiceDatabase.count("SELECT count(*) FROM outbox_event WHERE id = ? AND " + condition, id);
    }

    @Test
    void anOversizedEventIsParkedWhileOtherKeysArePublishedExactlyOnceAndItsKeyWaitsBehindIt() throws Exception {
        String stuckKey = UUID.randomUUID().toString();
        UUID oversized = publish(stuckKey, "x".repeat(1_200_000));
        UUID behind = publish(stuckKey, "small");
        try {
            List<String> others = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                others.add(given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body("{}")
                        .when().post("/ops/pipeline-probes").then().statusCode(201).extract().path("id"));
            }
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> row(oversized,
                    "state = 'PARKED' AND attempts = 3 AND last_error LIKE 'RecordTooLargeException%' AND published_at IS NULL") == 1);
            others.forEach(key -> TopicProbe.awaitRecord(TOPIC, r -> key.equals(r.key())));
            assertEquals(1, row(behind, "state = 'PENDING' AND attempts = 0"), "the later event of the parked key waits, untried");

            // Readiness says so, and stays UP; the metric shows the parked row.
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().when().get("/q/health/ready").then()
                    .statusCode(200)
                    .body("checks.find { it.name == 'outbox' }.status", equalTo("UP"))
                    .body("checks.find { it.name == 'outbox' }.data.stalled", equalTo(true)));
            given().when().get("/q/metrics").then().statusCode(200).body(containsString("ent_outbox_parked"))
                    .body(containsString("ent_outbox_oldest_pending_seconds"));

            operatorRetriesThenDiscards(oversized);

            // Discarded: the event behind it flows; everything of every key was published exactly once.
            TopicProbe.awaitRecord(TOPIC, r -> stuckKey.equals(r.key()), Duration.ofSeconds(30));
            others.forEach(OutboxParkingTest::publishedExactlyOnce);
            publishedExactlyOnce(stuckKey);
        } finally {
            // The discarded row stays unpublished for good: remove it, other tests wait for an empty outbox.
            try (Connection c = ServiceDatabase.connect();
                    PreparedStatement ps = c.prepareStatement("DELETE FROM outbox_event WHERE id = ? AND state <> 'PENDING'")) {
                ps.setObject(1, oversized);
                ps.executeUpdate();
            }
        }
    }

    private void operatorRetriesThenDiscards(UUID oversized) {
        String path = "/ops/outbox/" + oversized;
        given().auth().oauth2(Tokens.operator()).when().get("/ops/outbox?state=PARKED").then().statusCode(200)
                .body("items.id", hasItem(oversized.toString()))
                .body("items.find { it.id == '" + oversized + "' }.lastError", containsString("RecordTooLargeException"));
        given().auth().oauth2(Tokens.memberAgent("200067718")).when().get("/ops/outbox").then().statusCode(403);
        given().auth().oauth2(Tokens.operator()).when().get("/ops/outbox?state=LOST").then().statusCode(400)
                .contentType("application/problem+json");
        // A discard needs a reason: refused, nothing changed.
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body("{\"reason\":\" \"}")
                .when().post(path + "/discard").then().statusCode(400).contentType("application/problem+json");
        assertEquals(1, row(oversized, "state = 'PARKED'"));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM outbox_operation WHERE event_id = ?", oversized));
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body("{}")
                .when().post("/ops/outbox/" + UUID.randomUUID() + "/retry").then().statusCode(404);

        // Retry: back to the relay with fresh attempts; still too large, it is parked again after 3 more.
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body("{\"reason\":\"max.message.bytes raised\"}")
                .when().post(path + "/retry").then().statusCode(200).body("state", equalTo("PENDING"));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> row(oversized, "state = 'PARKED' AND attempts = 3") == 1);

        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body("{\"reason\":\"school name of 1.2 MB, refused since\"}")
                .when().post(path + "/discard").then().statusCode(200).body("state", equalTo("DISCARDED"));
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body("{\"reason\":\"again\"}")
                .when().post(path + "/discard").then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(Tokens.operator()).when().get(path + "/operations").then().statusCode(200)
                .body("action", equalTo(List.of("RETRY", "DISCARD")))
                .body("reason", equalTo(List.of("max.message.bytes raised", "school name of 1.2 MB, refused since")))
                .body("actor[0]", equalTo("op-1"));
    }

    /** A marker sent with the same key (same partition) is read after anything the relay sent: count what precedes it. */
    private static void publishedExactlyOnce(String key) {
        String marker = "{\"marker\":\"" + UUID.randomUUID() + "\"}";
        TopicProbe.send(TOPIC, key, marker);
        TopicProbe.awaitRecord(TOPIC, r -> marker.equals(r.value()));
        var sameKey = TopicProbe.readAll(TOPIC, r -> key.equals(r.key()) && !r.value().startsWith("{\"marker\""));
        assertEquals(1, sameKey.size(), "published exactly once: " + key);
    }
}
