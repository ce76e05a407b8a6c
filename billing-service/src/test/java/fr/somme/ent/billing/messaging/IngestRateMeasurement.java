package fr.somme.ent.billing.messaging;

import static fr.somme.ent.billing.BillingFixtures.PROVISIONING;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import fr.somme.ent.testsupport.EventContracts;
import fr.somme.ent.testsupport.KafkaTestBroker;
import fr.somme.ent.testsupport.ServiceDatabase;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A measurement, not a check of speed (issue #15 point 5): publishes {@code billing.measure.events} (20,000) conforming
 * {@code access-started} events of 400 members to ent.provisioning.v1 and logs how many billing applied per second
 * (from the first send to the last row in class_access). Runs only with {@code -Dbilling.measure=true}; asserts only that
 * every event was applied once.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "billing.measure", matches = "true")
class IngestRateMeasurement {

    private static final Logger LOG = Logger.getLogger(IngestRateMeasurement.class);
    private static final String YEAR = "2044-2045";

    @Test
    void accessEventsAreIngestedAndTheRateIsLogged() throws Exception {
        int n = Integer.getInteger("billing.measure.events", 20_000);
        clean();
        EventContracts.assertConforms(accessStarted(0), "fr.ent.provisioning.access-started.v1");
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        long start;
        long sent;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                ProducerRecord<String, String> record = new ProducerRecord<>(PROVISIONING, member(i), accessStarted(i));
                record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
            sent = System.nanoTime();
        }
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(50)).until(() -> ServiceDatabase.count(
                "SELECT count(*) FROM class_access WHERE school_year = ?", YEAR) == n);
        long done = System.nanoTime();
        double seconds = (done - start) / 1e9;
        LOG.infof("MEASURE ingest: %d access-started events applied in %.2f s (%.0f events/s; producing took %.2f s)", n,
                seconds, n / seconds, (sent - start) / 1e9);
        clean();
    }

    private static String member(int i) {
        return String.format("6%08d", i % 400);
    }

    private static String accessStarted(int i) {
        return """
                {"specversion":"1.0","id":"%s","source":"/ent/provisioning-service","type":"fr.ent.provisioning.access-started.v1",\
                "subject":"%s","time":"%s","datacontenttype":"application/json","data":{"memberId":"%s","projectId":"%s",\
                "schoolUai":"0800091P","schoolYear":"%s","classLabel":"CM%d","schoolLevel":"ECOLE","students":%d,\
                "accessStartDate":"2044-09-02","firstAccessForMember":false}}""".formatted(UUID.randomUUID(), member(i),
                Instant.now(), member(i), UUID.randomUUID(), YEAR, i % 5, 15 + i % 21);
    }

    private static void clean() throws Exception {
        try (Connection c = ServiceDatabase.connect(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM class_access WHERE school_year = '" + YEAR + "'");
        }
    }
}
