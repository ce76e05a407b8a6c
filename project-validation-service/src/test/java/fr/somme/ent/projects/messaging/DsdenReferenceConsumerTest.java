package fr.somme.ent.projects.messaging;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import fr.somme.ent.projects.Fixtures;
import fr.somme.ent.testsupport.EventContracts;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The DSDEN's reference data arrive by event on a real broker: applied once, poison records to the DLQ. */
@QuarkusTest
@TestProfile(Fixtures.FixedClock.class)
class DsdenReferenceConsumerTest {

    private static final String TOPIC = "dsden.reference.v1";
    private static final String DLQ = "dsden.reference.v1.dlq";

    @Test
    void theSameEventDeliveredTwiceChangesStateOnce() {
        String code = Fixtures.uniqueCirconscription();
        String first = circonscriptionUpserted(UUID.randomUUID().toString(), code, "Amiens 1", "ien.dupont");
        String second = circonscriptionUpserted(UUID.randomUUID().toString(), code, "Amiens 1 Nord", "ien.martin");
        EventContracts.assertConforms(first, "fr.ent.dsden.circonscription-upserted.v1");

        TopicProbe.send(TOPIC, code, first);
        TopicProbe.send(TOPIC, code, first); // redelivery of the same event id
        TopicProbe.send(TOPIC, code, second);

        // Same key, same partition: once the second event is applied, the repeat has been consumed too.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ServiceDatabase.count(
                "SELECT count(*) FROM circonscription WHERE code = ? AND name = 'Amiens 1 Nord' AND ien_id = 'ien.martin'", code) == 1);
        assertEquals(2, ServiceDatabase.count("SELECT revision FROM circonscription WHERE code = ?", code),
                "two distinct events applied, the repeat skipped");
    }

    @Test
    void aSchoolIsKeptWithItsCirconscription() {
        String event = envelope(UUID.randomUUID().toString(), "fr.ent.dsden.school-upserted.v1", "0800091P",
                "{\"uai\":\"0800091P\",\"name\":\"ECOLE PRIMAIRE FRANCIS DUFLOT\",\"communeInsee\":\"80047\","
                        + "\"level\":\"PRIMAIRE\",\"sector\":\"PUBLIC\",\"circonscriptionCode\":\"0805\"}");
        EventContracts.assertConforms(event, "fr.ent.dsden.school-upserted.v1");
        TopicProbe.send(TOPIC, "0800091P", event);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ServiceDatabase.count(
                "SELECT count(*) FROM school WHERE uai = '0800091P' AND circonscription_code = '0805' AND level = 'PRIMAIRE'") == 1);
    }

    @Test
    void aRecordThatIsNotJsonGoesToTheDlqWithTheReasonAndTheConsumerMovesOn() {
        String key = "poison-" + UUID.randomUUID();
        TopicProbe.send(TOPIC, key, "this is { not json");
        ConsumerRecord<String, String> dead = TopicProbe.awaitRecord(DLQ, r -> key.equals(r.key()));
        assertEquals("this is { not json", dead.value(), "the record goes to the DLQ as received");
        assertThat(TopicProbe.header(dead, "dead-letter-reason"), containsString("not JSON"));
        assertEquals(TOPIC, TopicProbe.header(dead, "dead-letter-topic"));

        // The consumer moved on: a good record after the poison one is applied.
        String code = Fixtures.uniqueCirconscription();
        TopicProbe.send(TOPIC, key, circonscriptionUpserted(UUID.randomUUID().toString(), code, "Abbeville", "ien.leroy"));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> ServiceDatabase.count("SELECT count(*) FROM circonscription WHERE code = ?", code) == 1);
    }

    @Test
    void aSchoolWithAWrongUaiCheckLetterGoesToTheDlqAndIsNotStored() {
        // 0800091P is valid; 0800091Q is not a possible check letter, 0800091R is the wrong one.
        String event = envelope(UUID.randomUUID().toString(), "fr.ent.dsden.school-upserted.v1", "0800091R",
                "{\"uai\":\"0800091R\",\"name\":\"ECOLE\",\"communeInsee\":\"80047\","
                        + "\"level\":\"PRIMAIRE\",\"sector\":\"PUBLIC\",\"circonscriptionCode\":\"0805\"}");
        TopicProbe.send(TOPIC, "0800091R", event);
        ConsumerRecord<String, String> dead = TopicProbe.awaitRecord(DLQ, r -> event.equals(r.value()));
        assertEquals("0800091R", dead.key());
        assertThat(TopicProbe.header(dead, "dead-letter-reason"), containsString("not a valid UAI"));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM school WHERE uai = '0800091R'"));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM processed_event WHERE event_id = ?",
                dead.value().substring(dead.value().indexOf("\"id\":\"") + 6, dead.value().indexOf("\"id\":\"") + 42)));
    }

    @Test
    void anEventWithMissingDataGoesToTheDlq() {
        String key = "0810";
        String event = envelope(UUID.randomUUID().toString(), "fr.ent.dsden.circonscription-upserted.v1", key,
                "{\"code\":\"0810\",\"name\":\"Péronne\"}");
        TopicProbe.send(TOPIC, key, event);
        ConsumerRecord<String, String> dead = TopicProbe.awaitRecord(DLQ, r -> event.equals(r.value()));
        assertEquals(key, dead.key());
        assertThat(TopicProbe.header(dead, "dead-letter-reason"), containsString("ien"));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM circonscription WHERE code = '0810'"));
    }

    static String circonscriptionUpserted(String id, String code, String name, String ien) {
        return envelope(id, "fr.ent.dsden.circonscription-upserted.v1", code,
                "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"ien\":{\"id\":\"" + ien + "\",\"displayName\":\"IEN " + name + "\"}}");
    }

    static String envelope(String id, String type, String subject, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/dsden/somme\",\"type\":\"" + type
                + "\",\"subject\":\"" + subject + "\",\"time\":\"" + Instant.now() + "\",\"datacontenttype\":\"application/json\","
                + "\"data\":" + data + "}";
    }
}
