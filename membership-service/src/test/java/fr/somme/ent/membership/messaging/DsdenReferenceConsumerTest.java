package fr.somme.ent.membership.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import fr.somme.ent.membership.FixedClock;
import fr.somme.ent.membership.Fixtures;
import fr.somme.ent.testsupport.EventContracts;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The DSDEN's schools arrive on dsden.reference.v1 (a real broker) into the school reference, where they win over open data. */
@QuarkusTest
@TestProfile(FixedClock.class)
class DsdenReferenceConsumerTest {

    private static final String TOPIC = "dsden.reference.v1";
    private static final String DLQ = "dsden.reference.v1.dlq";
    private static final String TYPE = "fr.ent.dsden.school-upserted.v1";

    static String schoolUpserted(String uai, String name, String insee, String level, String status) {
        String data = "{\"uai\":\"" + uai + "\",\"name\":\"" + name + "\",\"communeInsee\":\"" + insee + "\",\"level\":\"" + level
                + "\",\"sector\":\"PUBLIC\",\"circonscriptionCode\":\"0805\"" + (status == null ? "" : ",\"status\":\"" + status + "\"") + "}";
        return "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/dsden/somme\",\"type\":\"" + TYPE
                + "\",\"subject\":\"" + uai + "\",\"time\":\"" + Instant.parse("2026-10-05T07:00:00Z")
                + "\",\"datacontenttype\":\"application/json\",\"data\":" + data + "}";
    }

    @Test
    void aDsdenFactWinsOverTheOpenDataForTheSameUai() {
        // 0800094T, ÉCOLE PRIMAIRE of Bécordel-Bécourt (80073), comes from the open data loaded at startup.
        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM school WHERE uai = '0800094T' AND source = 'OPEN_DATA' AND open"));
        String event = schoolUpserted("0800094T", "ECOLE PRIMAIRE DU VILLAGE", "80073", "ELEMENTAIRE", "CLOSED");
        EventContracts.assertConforms(event, TYPE);
        TopicProbe.send(TOPIC, "0800094T", event);
        TopicProbe.send(TOPIC, "0800094T", event); // a redelivery changes nothing more
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ServiceDatabase.count("SELECT count(*) FROM school "
                + "WHERE uai = '0800094T' AND source = 'DSDEN' AND NOT open AND detailed_level = 'ELEMENTAIRE'") == 1);
        // The operator's import of the open data leaves the DSDEN's fact alone.
        given().auth().oauth2(Fixtures.operator()).when().post("/reference/somme/import").then().statusCode(200);
        assertEquals("ECOLE PRIMAIRE DU VILLAGE DSDEN false",
                Fixtures.text("SELECT name || ' ' || source || ' ' || open FROM school WHERE uai = '0800094T'"));
        // The import may have registered the Somme's members: let the relay publish their events before the next test
        // (OutboxDuringKafkaOutageTest expects its probe to be the first event pending when it stops the broker).
        Awaitility.await().atMost(Duration.ofSeconds(120))
                .until(() -> ServiceDatabase.count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL") == 0);
    }

    @Test
    void aSchoolWithoutStatusIsOpen() {
        String uai = Fixtures.uai();
        TopicProbe.send(TOPIC, uai, schoolUpserted(uai, "ECOLE NOUVELLE", "80021", "MATERNELLE", null));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ServiceDatabase.count(
                "SELECT count(*) FROM school WHERE uai = ? AND open AND source = 'DSDEN' AND commune_insee = '80021'", uai) == 1);
    }

    @Test
    void aSchoolWithAWrongUaiCheckLetterGoesToTheDlqAndIsNotStored() {
        String event = schoolUpserted("0800091R", "ECOLE", "80047", "PRIMAIRE", null);
        TopicProbe.send(TOPIC, "0800091R", event);
        ConsumerRecord<String, String> dead = TopicProbe.awaitRecord(DLQ, r -> event.equals(r.value()));
        assertThat(TopicProbe.header(dead, "dead-letter-reason"), containsString("not a valid UAI"));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM school WHERE uai = '0800091R'"));
    }
}
