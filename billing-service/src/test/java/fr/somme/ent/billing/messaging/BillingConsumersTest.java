package fr.somme.ent.billing.messaging;

import static fr.somme.ent.billing.BillingFixtures.MEMBERSHIP;
import static fr.somme.ent.billing.BillingFixtures.PROVISIONING;
import static fr.somme.ent.billing.BillingFixtures.classData;
import static fr.somme.ent.billing.BillingFixtures.event;
import static fr.somme.ent.billing.BillingFixtures.finance;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import fr.somme.ent.billing.ConfigurableClockTest;
import fr.somme.ent.testsupport.KafkaTestBroker;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Each incoming event is applied once, whatever the number of deliveries, for every type billing consumes. A repeat is
 * sent after a later event of the same key changed what the first one set, so applying it again would show; a marker
 * record of the same key (same partition, consumed in order) is sent last, and the state is read once it is applied:
 * by then every repeat before it has been consumed. No quiet window.
 */
@QuarkusTest
@TestProfile(ConfigurableClockTest.AfterSchoolYear2026To2027.class)
class BillingConsumersTest {

    static final String M = "/ent/membership-service";
    static final String P = "/ent/provisioning-service";

    /*
     * Member 218000602: registered as "Essai", renamed "Essai-sur-Somme", then "Essai-la-Ville"; terminated with effect
     * 2020-01-15, corrected to 2020-06-30; opted out of ATLAS. Then the first registration, the first renaming, the first
     * termination and the opt-out are delivered again: applied again, they would bring back an old name, the old date,
     * the opt-out row.
     */
    @Test
    void membershipEventsDeliveredTwiceAreAppliedOnce() {
        String member = "218000602";
        String registered = event(M, "fr.ent.membership.member-registered.v1", member, member(member, "Essai"));
        String renamed = event(M, "fr.ent.membership.member-updated.v1", member, member(member, "Essai-sur-Somme"));
        sendAndWait(MEMBERSHIP, member, List.of(registered, renamed), () -> named(member, "Essai-sur-Somme"));
        String renamedAgain = event(M, "fr.ent.membership.member-updated.v1", member, member(member, "Essai-la-Ville"));
        String terminated = event(M, "fr.ent.membership.membership-terminated.v1", member, termination(member, "2020-01-15"));
        String corrected = event(M, "fr.ent.membership.membership-terminated.v1", member, termination(member, "2020-06-30"));
        String optOut = event(M, "fr.ent.membership.component-opt-out-notified.v1", member, optOut(member, "ATLAS"));
        sendAndWait(MEMBERSHIP, member, List.of(renamedAgain, terminated, corrected, optOut), () -> named(member, "Essai-la-Ville")
                && ServiceDatabase.count("SELECT count(*) FROM membership_change WHERE member_id = ? "
                        + "AND change = 'TERMINATION' AND effective_date = DATE '2020-06-30'", member) == 1
                && optedOut(member, "ATLAS") == 1);
        // An opt-out is a set: applied again it would leave the same row. The test takes the row away, so that a second
        // application would put it back.
        assertEquals(1, ServiceDatabase.count("WITH gone AS (DELETE FROM component_opt_out WHERE member_id = ? RETURNING 1) "
                + "SELECT count(*) FROM gone", member));

        String marker = event(M, "fr.ent.membership.component-opt-out-notified.v1", member, optOut(member, "MARQUEUR"));
        sendAndWait(MEMBERSHIP, member, List.of(registered, renamed, terminated, optOut, marker),
                () -> optedOut(member, "MARQUEUR") == 1);

        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM billing_member WHERE member_id = ? AND name = ?",
                member, "Essai-la-Ville"), "no repeat was applied again");
        assertEquals(2, ServiceDatabase.count("SELECT count(*) FROM membership_change WHERE member_id = ? "
                + "AND change = 'TERMINATION'", member), "both terminations, each once");
        assertEquals(0, optedOut(member, "ATLAS"), "the repeated opt-out was not applied again");
    }

    /*
     * 2019-2020, member 218000610: école class CP (20, then 25 students; access ended, then started again) and collège
     * usage (2 + 28 accounts, 40 MANUEL-MATHS licences). Each of these events is delivered a second time at the end.
     * Prices 1.00 / 2.00 / 3.00: 30 × 1.00 + 30 × 2.00 + 40 × 3.00 = 210.00 €, counted once.
     */
    @Test
    void provisioningEventsDeliveredTwiceAreAppliedOnce() {
        String member = "218000610";
        String y = "2019-2020";
        String started = event(P, "fr.ent.provisioning.access-started.v1", member, access(member, y, 20, "2019-09-02", null));
        String recount = event(P, "fr.ent.provisioning.access-started.v1", member, access(member, y, 25, "2019-09-02", null));
        String ended = event(P, "fr.ent.provisioning.access-ended.v1", member, access(member, y, 25, null, "2020-01-10"));
        sendAndWait(PROVISIONING, member, List.of(started, recount, ended), () -> ServiceDatabase.count(
                "SELECT count(*) FROM class_access WHERE member_id = ? AND access_end = DATE '2020-01-10'", member) == 1);
        String reopened = event(P, "fr.ent.provisioning.access-started.v1", member, access(member, y, 25, "2020-02-03", null));
        Map<String, Object> accounts = classData(member, "0800002T", y, "6e-A", "COLLEGE");
        accounts.put("teacherAccounts", 2);
        accounts.put("studentAccounts", 28);
        String provisioned = event(P, "fr.ent.provisioning.accounts-provisioned.v1", member, accounts);
        String licences = event(P, "fr.ent.provisioning.licences-assigned.v1", member, licences(member, y, "MANUEL-MATHS", 40));
        sendAndWait(PROVISIONING, member, List.of(reopened, provisioned, licences), () -> ServiceDatabase.count(
                "SELECT count(*) FROM class_access WHERE member_id = ? AND access_end IS NULL", member) == 1
                && ServiceDatabase.count("SELECT count(*) FROM college_usage WHERE member_id = ?", member) == 2);

        String marker = event(P, "fr.ent.provisioning.licences-assigned.v1", member, licences(member, y, "MARQUEUR", 1));
        sendAndWait(PROVISIONING, member, List.of(started, ended, provisioned, licences, marker), () -> ServiceDatabase.count(
                "SELECT count(*) FROM college_usage WHERE member_id = ? AND component = 'LICENCE:MARQUEUR'", member) == 1);

        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM class_access WHERE member_id = ? AND students = 25 "
                + "AND access_end IS NULL", member), "neither the first count nor the end came back");
        given().auth().oauth2(finance()).contentType(ContentType.JSON)
                .body(Map.of("ACCOUNT_CREATION", "1.00", "ACCOUNT_OPERATION", "2.00", "LICENCE:MANUEL-MATHS", "3.00",
                        "LICENCE:MARQUEUR", "0.00"))
                .when().put("/budgets/" + y + "/prices").then().statusCode(200);
        given().auth().oauth2(finance()).when().get("/periods/" + y + "/simulation").then().statusCode(200)
                .body("computed.findAll { it.memberId == '" + member + "' && it.kind == 'COLLEGES_MARKET_PRICE' }.amount",
                        equalTo(List.of("210.00")))
                .body("computed.find { it.kind == 'COLLEGES_MARKET_PRICE' }.derivation.lines.quantity",
                        equalTo(List.of(30, 30, 40, 1)));
    }

    /*
     * 2035-2036, member 218000926, one burst of records (one producer request: one poll batch): CP started with 20
     * students, a record that can never be applied (-3 students), CP recounted 25, CE1 started with 18, CP ended, then
     * the first CP record again. Only the bad record goes to the DLQ, with its reason; the others are applied once, in
     * their order (applied out of order, the end would be lost; applied twice, CP would be back to 20 and reopened).
     */
    @Test
    void aRecordThatCanNeverBeAppliedGoesAloneToTheDlqAndTheOthersOfItsBatchAreAppliedOnceInOrder() {
        String member = "218000926";
        String y = "2035-2036";
        String started = event(P, "fr.ent.provisioning.access-started.v1", member, access(member, y, 20, "2035-09-03", null));
        Map<String, Object> negative = access(member, y, 20, "2035-09-03", null);
        negative.put("classLabel", "CM2");
        negative.put("students", -3);
        String bad = AppliedEventsTest.raw(P, "fr.ent.provisioning.access-started.v1", member, negative);
        String recount = event(P, "fr.ent.provisioning.access-started.v1", member, access(member, y, 25, "2035-09-03", null));
        Map<String, Object> ce1 = access(member, y, 18, "2035-09-03", null);
        ce1.putAll(classData(member, "0800091P", y, "CE1", "ECOLE"));
        String other = event(P, "fr.ent.provisioning.access-started.v1", member, ce1);
        String ended = event(P, "fr.ent.provisioning.access-ended.v1", member, access(member, y, 25, null, "2036-02-06"));
        List<String> burst = List.of(started, bad, recount, other, ended, started);
        sendBurst(PROVISIONING, member, burst);

        ConsumerRecord<String, String> dead = TopicProbe.awaitRecord(PROVISIONING + ".dlq",
                r -> r.value().contains(AppliedEventsTest.id(bad)));
        assertTrue(TopicProbe.header(dead, "dead-letter-reason").contains("students"), "the DLQ record carries its reason");
        await().atMost(Duration.ofSeconds(30)).until(() -> ServiceDatabase.count("SELECT count(*) FROM class_access "
                + "WHERE member_id = ? AND school_year = ?", member, y) == 2 && ServiceDatabase.count("SELECT count(*) "
                + "FROM class_access WHERE member_id = ? AND class_label = 'CE1' AND students = 18", member) == 1);
        String marker = event(P, "fr.ent.provisioning.licences-assigned.v1", member, licences(member, y, "MARQUEUR", 1));
        sendAndWait(PROVISIONING, member, List.of(marker), () -> ServiceDatabase.count(
                "SELECT count(*) FROM college_usage WHERE member_id = ? AND component = 'LICENCE:MARQUEUR'", member) == 1);

        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM class_access WHERE member_id = ? AND class_label = 'CP' "
                + "AND students = 25 AND access_end = DATE '2036-02-06'", member), "applied once each, in their order");
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM class_access WHERE member_id = ? AND class_label = 'CM2'",
                member));
        List<String> good = burst.stream().filter(r -> !r.equals(bad)).map(AppliedEventsTest::id).toList();
        assertEquals(List.of(), TopicProbe.readAll(PROVISIONING + ".dlq", r -> good.stream().anyMatch(r.value()::contains)),
                "no applicable record of the batch went to the DLQ");
    }

    /** Records sent in one producer request (they reach the consumer in one poll). */
    static void sendBurst(String topic, String key, List<String> records) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "200");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (String r : records) {
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, r);
                record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
        }
    }

    static void sendAndWait(String topic, String key, List<String> records, Callable<Boolean> applied) {
        records.forEach(r -> TopicProbe.send(topic, key, r));
        await().atMost(Duration.ofSeconds(30)).until(applied);
    }

    static boolean named(String member, String name) {
        return ServiceDatabase.count("SELECT count(*) FROM billing_member WHERE member_id = ? AND name = ?", member, name) == 1;
    }

    static long optedOut(String member, String component) {
        return ServiceDatabase.count("SELECT count(*) FROM component_opt_out WHERE member_id = ? AND component = ?", member,
                component);
    }

    static Map<String, Object> member(String id, String name) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("memberId", id);
        data.put("kind", "COMMUNE");
        data.put("name", name);
        data.put("departement", "80");
        data.put("schoolCompetence", true);
        return data;
    }

    static Map<String, Object> termination(String member, String effectiveDate) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("memberId", member);
        data.put("terminationId", UUID.randomUUID().toString());
        data.put("initiatedBy", "MEMBER");
        data.put("reason", "motif d'intérêt général");
        data.put("effectiveDate", effectiveDate);
        return data;
    }

    static Map<String, Object> optOut(String member, String component) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("memberId", member);
        data.put("optOutId", UUID.randomUUID().toString());
        data.put("components", List.of(component));
        data.put("notifiedOn", "2019-05-06");
        data.put("effectiveFromSchoolYear", "2019-2020");
        return data;
    }

    static Map<String, Object> access(String member, String year, int students, String start, String end) {
        Map<String, Object> data = classData(member, "0800091P", year, "CP", "ECOLE");
        data.put("students", students);
        if (start != null) {
            data.put("accessStartDate", start);
            data.put("firstAccessForMember", false);
        } else {
            data.put("accessEndDate", end);
            data.put("reason", "PROJECT_WITHDRAWN");
        }
        return data;
    }

    static Map<String, Object> licences(String member, String year, String resource, int quantity) {
        Map<String, Object> data = classData(member, "0800002T", year, "6e-A", "COLLEGE");
        data.put("resourceCode", resource);
        data.put("quantity", quantity);
        data.put("unitPrice", "9.99");
        return data;
    }
}
