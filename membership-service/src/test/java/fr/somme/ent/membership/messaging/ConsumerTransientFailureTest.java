package fr.somme.ent.membership.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.somme.ent.membership.FixedClock;
import fr.somme.ent.membership.Fixtures;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.Tokens;
import fr.somme.ent.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Issue #14: a consumer retries a transient database failure in place (here a real lock held by another connection,
 * which the consumer's statement gives up after a 300 ms lock_timeout: SQLState 55P03) and applies the event once
 * the lock is gone, never sending it to the DLQ; a record refused for good goes to the DLQ, and after the fix the
 * operator's replay applies it, idempotently, and reports what it did.
 */
@QuarkusTest
@TestProfile(FixedClock.class)
class ConsumerTransientFailureTest {

    private static final String TOPIC = "dsden.reference.v1";
    private static final String DLQ = "dsden.reference.v1.dlq";
    private static final Pattern RETRIES = Pattern.compile(
            "ent_consumer_transient_retries_total\\{consumer=\"DsdenReferenceConsumer.consume\"[^}]*} ([0-9.E]+)");

    private static void sql(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @BeforeEach
    void gate() throws SQLException {
        // For the UAIs listed in test_gate only: wait for the gate's lock (at most 300 ms), or refuse for good.
        try (Connection c = ServiceDatabase.connect()) {
            sql(c, "CREATE TABLE IF NOT EXISTS test_gate (uai TEXT PRIMARY KEY, refuse BOOLEAN NOT NULL)");
            sql(c, "CREATE OR REPLACE FUNCTION test_gate() RETURNS trigger AS $$ BEGIN "
                    + "IF EXISTS (SELECT 1 FROM test_gate WHERE uai = NEW.uai AND refuse) THEN "
                    + "RAISE EXCEPTION 'school % refused by the test gate', NEW.uai USING ERRCODE = '23514'; END IF; "
                    + "PERFORM set_config('lock_timeout', '300ms', true); "
                    + "PERFORM 1 FROM test_gate WHERE uai = NEW.uai FOR SHARE; "
                    + "RETURN NEW; END $$ LANGUAGE plpgsql");
            sql(c, "DROP TRIGGER IF EXISTS test_gate ON school");
            sql(c, "CREATE TRIGGER test_gate BEFORE INSERT OR UPDATE ON school FOR EACH ROW EXECUTE FUNCTION test_gate()");
        }
    }

    @AfterEach
    void openGate() throws SQLException {
        try (Connection c = ServiceDatabase.connect()) {
            sql(c, "DROP TRIGGER IF EXISTS test_gate ON school");
            sql(c, "DROP FUNCTION IF EXISTS test_gate()");
            sql(c, "DROP TABLE IF EXISTS test_gate");
        }
    }

    private static double retries() {
        Matcher m = RETRIES.matcher(given().when().get("/q/metrics").then().statusCode(200).extract().asString());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void aLockTimeoutIsRetriedInPlaceAndTheEventAppliedNeverDeadLettered() throws SQLException {
        String uai = Fixtures.uai();
        String event = DsdenReferenceConsumerTest.schoolUpserted(uai, "ECOLE VERROUILLEE", "80021", "MATERNELLE", null);
        double before = retries();
        try (Connection holder = ServiceDatabase.connect()) {
            sql(holder, "INSERT INTO test_gate VALUES ('" + uai + "', false)");
            holder.setAutoCommit(false);
            sql(holder, "SELECT 1 FROM test_gate WHERE uai = '" + uai + "' FOR UPDATE");
            TopicProbe.send(TOPIC, uai, event);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> retries() >= before + 2);
            assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM school WHERE uai = ?", uai), "not applied while locked");
            holder.commit();
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ServiceDatabase.count(
                "SELECT count(*) FROM school WHERE uai = ? AND source = 'DSDEN'", uai) == 1);
        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM processed_event WHERE consumer = 'membership.dsden-reference' "
                + "AND event_id = ?", eventId(event)));
        assertTrue(TopicProbe.readAll(DLQ, r -> event.equals(r.value())).isEmpty(), "a transient failure never reaches the DLQ");
    }

    @Test
    void aRefusedRecordGoesToTheDlqAndTheReplayAppliesItAfterTheFixOnce() throws SQLException {
        String uai = Fixtures.uai();
        String event = DsdenReferenceConsumerTest.schoolUpserted(uai, "ECOLE REFUSEE", "80021", "MATERNELLE", null);
        try (Connection c = ServiceDatabase.connect()) {
            sql(c, "INSERT INTO test_gate VALUES ('" + uai + "', true)");
        }
        TopicProbe.send(TOPIC, uai, event);
        ConsumerRecord<String, String> dead = TopicProbe.awaitRecord(DLQ, r -> event.equals(r.value()));
        assertThat(TopicProbe.header(dead, "dead-letter-reason"), containsString("school reference upsert failed"));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM school WHERE uai = ?", uai));
        String invalid = DsdenReferenceConsumerTest.schoolUpserted("0800091R", "ECOLE", "80047", "PRIMAIRE", null);
        TopicProbe.send(TOPIC, "0800091R", invalid);
        TopicProbe.awaitRecord(DLQ, r -> invalid.equals(r.value()));

        given().auth().oauth2(Tokens.memberAgent("200067718")).when().post("/ops/dlq/" + TOPIC + "/replay").then().statusCode(403);
        given().auth().oauth2(Tokens.operator()).when().post("/ops/dlq/not.consumed.v1/replay").then().statusCode(404)
                .contentType("application/problem+json");

        try (Connection c = ServiceDatabase.connect()) {
            sql(c, "DELETE FROM test_gate"); // the fix
        }
        given().auth().oauth2(Tokens.operator()).when().post("/ops/dlq/" + TOPIC + "/replay").then().statusCode(200)
                .body("dlqTopic", equalTo(DLQ))
                .body("applied", greaterThanOrEqualTo(1))
                .body("stillFailing.find { it.eventId == '" + eventId(invalid) + "' }.reason", containsString("not a valid UAI"));
        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM school WHERE uai = ? AND source = 'DSDEN'", uai));
        // Again: nothing more is applied, the event is counted as already applied.
        given().auth().oauth2(Tokens.operator()).when().post("/ops/dlq/" + TOPIC + "/replay").then().statusCode(200)
                .body("applied", equalTo(0))
                .body("alreadyApplied", greaterThanOrEqualTo(1))
                .body("stillFailing.eventId", hasItem(eventId(invalid)));
        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM school WHERE uai = ?", uai));
    }

    private static String eventId(String event) {
        Matcher m = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(event);
        assertTrue(m.find());
        return m.group(1);
    }
}
