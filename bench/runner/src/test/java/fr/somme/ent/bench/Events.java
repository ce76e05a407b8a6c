package fr.somme.ent.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.somme.ent.testsupport.EventContracts;

/**
 * Events as the contracts define them (CloudEvents 1.0 envelope, contracts/schemas), published straight to the topics
 * to isolate one service. The first event of each type a run produces is checked against its schema.
 */
final class Events implements AutoCloseable {

    static final String MEMBERSHIP = "ent.membership.v1";
    static final String PROJECTS = "ent.projects.v1";
    static final String PROVISIONING = "ent.provisioning.v1";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A school of a designation: UAI, classes, students. */
    record School(String uai, int classes, int students) {
    }

    private final KafkaProducer<String, String> producer;
    private final Set<String> checked = ConcurrentHashMap.newKeySet();

    Events(String bootstrap) {
        producer = new KafkaProducer<>(producerProperties(bootstrap));
    }

    static Properties producerProperties(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        return p;
    }

    /** Sends without waiting; {@link #flush()} waits for every acknowledgement. */
    Future<RecordMetadata> send(String topic, String key, String event) {
        return producer.send(new ProducerRecord<>(topic, key, event));
    }

    void flush() {
        producer.flush();
    }

    /** Sends and waits for the broker's acknowledgement of all records sent so far. */
    void sendAll(String topic, Map<String, List<String>> byKey) {
        byKey.forEach((key, events) -> events.forEach(e -> send(topic, key, e)));
        flush();
    }

    void await(Future<RecordMetadata> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker refused a record", e);
        }
    }

    String memberRegistered(String siren, String name) {
        return envelope("/ent/membership-service", "fr.ent.membership.member-registered.v1", siren,
                Map.of("memberId", siren, "kind", "COMMUNE", "name", name, "departement", "80", "schoolCompetence", true));
    }

    String adhesionEffective(String siren, LocalDate effective, String schoolYear, List<School> schools) {
        return envelope("/ent/membership-service", "fr.ent.membership.adhesion-effective.v1", siren, Map.of(
                "memberId", siren, "adhesionId", UUID.randomUUID().toString(), "memberKind", "COMMUNE",
                "effectiveDate", effective.toString(),
                "deliberation", Map.of("number", "BENCH-" + siren, "date", effective.minusDays(20).toString()),
                "charterSignedOn", effective.minusDays(10).toString(),
                "deliberationTransmittedOn", effective.minusDays(5).toString(),
                "charterTransmittedOn", effective.toString(), "schoolYear", schoolYear,
                "schools", schools.stream().map(s -> Map.of("uai", s.uai(), "name", "ECOLE " + s.uai(),
                        "classes", s.classes(), "students", s.students())).toList()));
    }

    String projectValidated(UUID projectId, String uai, String circonscription, String label, String schoolYear,
            int students, LocalDate validatedOn) {
        return envelope("/ent/project-validation-service", "fr.ent.projects.project-validated.v1", projectId.toString(),
                Map.ofEntries(Map.entry("projectId", projectId.toString()), Map.entry("schoolUai", uai),
                        Map.entry("circonscriptionCode", circonscription), Map.entry("teacherId", "enseignant-" + label),
                        Map.entry("classLabel", label), Map.entry("levels", List.of("CM2")),
                        Map.entry("schoolYear", schoolYear), Map.entry("students", students),
                        Map.entry("requestedResources", List.of()), Map.entry("validatedBy", "ien-bench"),
                        Map.entry("validatedOn", validatedOn.toString())));
    }

    String accessStarted(String siren, UUID projectId, String uai, String schoolYear, String label, int students,
            LocalDate start, boolean first) {
        return envelope("/ent/provisioning-service", "fr.ent.provisioning.access-started.v1", siren, Map.of(
                "memberId", siren, "projectId", projectId.toString(), "schoolUai", uai, "schoolYear", schoolYear,
                "classLabel", label, "schoolLevel", "ECOLE", "students", students, "accessStartDate", start.toString(),
                "firstAccessForMember", first));
    }

    private String envelope(String source, String type, String subject, Map<String, Object> data) {
        try {
            String event = JSON.writeValueAsString(Map.of("specversion", "1.0", "id", UUID.randomUUID().toString(),
                    "source", source, "type", type, "subject", subject, "time", Instant.now().toString(),
                    "datacontenttype", "application/json", "data", data));
            if (checked.add(type)) {
                EventContracts.assertConforms(event, type);
            }
            return event;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
