package fr.somme.ent.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.http.ContentType;

/**
 * What every service of the suite must do, run by each service's {@code @QuarkusTest} subclass
 * against its own database, the real Kafka broker and signed tokens: store and publish through the
 * outbox, refuse unauthenticated or unauthorised calls with problem+json, report readiness of its
 * database and Kafka, expose metrics and its OpenAPI document.
 */
public abstract class ServiceFoundationContract {

    private static final String PROBES = "/ops/pipeline-probes";
    private static final String PROBLEM_JSON = "application/problem+json";

    protected String topic() {
        return ConfigProvider.getConfig().getValue("ent.events.topic", String.class);
    }

    protected String service() {
        return ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
    }

    @Test
    void anOperatorsProbeStoresARowInTheServicesOwnDatabaseAndPublishesAConformingCloudEvent() {
        String id = given().auth().oauth2(Tokens.operator())
                .contentType(ContentType.JSON).body("{\"note\":\"smoke\"}")
                .when().post(PROBES)
                .then().statusCode(201)
                .body("requestedBy", equalTo("op-1"))
                .body("topic", equalTo(topic()))
                .extract().path("id");

        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM pipeline_probe WHERE id = ?::uuid AND note = 'smoke'", id));

        ConsumerRecord<String, String> record = TopicProbe.awaitRecord(topic(), r -> id.equals(r.key()));
        JsonNode event = EventContracts.assertConforms(record.value());
        assertEquals("fr.ent.ops.pipeline-probe.v1", event.path("type").asText());
        assertEquals("/ent/" + service(), event.path("source").asText());
        assertEquals(id, event.path("subject").asText());
        assertEquals(id, event.path("data").path("probeId").asText());
        assertEquals(service(), event.path("data").path("service").asText());
        assertEquals("application/cloudevents+json; charset=UTF-8", TopicProbe.header(record, "content-type"));

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.operator())
                .when().get(PROBES + "/" + id)
                .then().statusCode(200).body("status", equalTo("published")));

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("ent_outbox_published_total{")
                && l.contains("type=\"fr.ent.ops.pipeline-probe.v1\"") && l.contains("topic=\"" + topic() + "\"")),
                "published events are counted per topic and type");
    }

    @Test
    void aRequestWithoutATokenIs401ProblemJson() {
        given().contentType(ContentType.JSON).body("{}")
                .when().post(PROBES)
                .then().statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401))
                .body("type", equalTo("https://ent.somme-numerique.fr/problems/unauthorized"));
    }

    @Test
    void aTokenWithAnotherRoleIs403ProblemJsonAndStoresNothing() {
        long before = ServiceDatabase.count("SELECT count(*) FROM pipeline_probe");
        given().auth().oauth2(Tokens.of("teacher-1", "teacher").claim("school_uai", "0800002T").sign())
                .contentType(ContentType.JSON).body("{}")
                .when().post(PROBES)
                .then().statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(403))
                .body("type", equalTo("https://ent.somme-numerique.fr/problems/forbidden"));
        assertEquals(before, ServiceDatabase.count("SELECT count(*) FROM pipeline_probe"));
    }

    @Test
    void anExpiredTokenIs401() {
        given().auth().oauth2(Tokens.of("op-1", "operator").expiresIn(Duration.ofMinutes(-10)).sign())
                .when().get(PROBES + "/" + UUID.randomUUID())
                .then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void aTokenFromAnotherIssuerIs401() {
        given().auth().oauth2(Tokens.of("op-1", "operator").issuer("https://attacker.example.org").sign())
                .when().get(PROBES + "/" + UUID.randomUUID())
                .then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void aTokenMeantForAnotherAudienceIs401() {
        given().auth().oauth2(Tokens.of("op-1", "operator").audience("https://another-api.example.org").sign())
                .when().get(PROBES + "/" + UUID.randomUUID())
                .then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void aTamperedTokenIs401() {
        String token = Tokens.operator();
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("op-1", "op-2")
                        .getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        given().auth().oauth2(forged)
                .when().get(PROBES + "/" + UUID.randomUUID())
                .then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void invalidInputIs400ProblemJsonAndStoresNothing() {
        long before = ServiceDatabase.count("SELECT count(*) FROM pipeline_probe");
        given().auth().oauth2(Tokens.operator())
                .contentType(ContentType.JSON).body("{\"note\":\"" + "x".repeat(201) + "\"}")
                .when().post(PROBES)
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://ent.somme-numerique.fr/problems/validation"))
                .body("errors.field", hasItem("note"));
        given().auth().oauth2(Tokens.operator())
                .contentType(ContentType.JSON).body("{\"note\": ")
                .when().post(PROBES)
                .then().statusCode(400)
                .contentType(PROBLEM_JSON);
        given().auth().oauth2(Tokens.operator())
                .when().get(PROBES + "/not-a-uuid")
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://ent.somme-numerique.fr/problems/bad-request"));
        assertEquals(before, ServiceDatabase.count("SELECT count(*) FROM pipeline_probe"));
    }

    @Test
    void anUnknownProbeIs404ProblemJson() {
        given().auth().oauth2(Tokens.operator())
                .when().get(PROBES + "/" + UUID.randomUUID())
                .then().statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://ent.somme-numerique.fr/problems/not-found"));
    }

    @Test
    void readinessChecksTheDatabaseAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    /**
     * The ops team's dashboards and alerts ({@code deploy/observability}) query only metrics a service
     * really exports: every name tagged {@code service} in {@code dashboard-metrics.txt} is in this
     * service's {@code /q/metrics} (Kafka consumer metrics only where the service consumes).
     */
    @Test
    void everyServiceMetricTheDashboardsAndAlertsUseIsExported() throws IOException {
        Path list = Path.of(System.getProperty("ent.dashboard-metrics",
                "../deploy/observability/dashboard-metrics.txt"));
        // Fails rather than skips: a missing list would silently stop checking the dashboards.
        assertTrue(Files.isRegularFile(list), "no " + list.toAbsolutePath() + ": set -Dent.dashboard-metrics to the list of deploy/observability");
        String id = given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body("{}")
                .when().post(PROBES).then().statusCode(201).extract().path("id");
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.operator())
                .when().get(PROBES + "/" + id).then().statusCode(200).body("status", equalTo("published")));
        boolean consumes = StreamSupport
                .stream(ConfigProvider.getConfig().getPropertyNames().spliterator(), false)
                .anyMatch(n -> n.startsWith("mp.messaging.incoming."));
        // Micrometer registers jvm_gc_pause_seconds at the first GC notification: make sure one happened
        // (the application runs in this JVM).
        System.gc();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> given().when().get("/q/metrics").then().extract()
                .asString().contains("jvm_gc_pause_seconds_count"));
        Set<String> exported = given().when().get("/q/metrics").then().statusCode(200).extract().asString()
                .lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("[{ ]", 2)[0]).collect(Collectors.toSet());
        List<String> missing = Files.readAllLines(list).stream()
                .map(String::trim).filter(l -> !l.startsWith("#") && l.endsWith(" service"))
                .map(l -> l.substring(0, l.indexOf(' ')))
                .filter(name -> consumes || !name.startsWith("kafka_consumer_"))
                .filter(name -> !exported.contains(name))
                .toList();
        assertEquals(List.of(), missing, "metrics used by deploy/observability but not exported by " + service());
    }

    @Test
    void metricsAndTheOpenApiDocumentArePublishedWithoutAToken() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("ent_outbox_pending"));
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo(service()));
    }

    /** The document partners build on is committed (contracts/openapi/); the served one must not drift from it. */
    @Test
    void theServedOpenApiDocumentIsTheCommittedContract() {
        String served = given().queryParam("format", "yaml").when().get("/q/openapi").then().statusCode(200)
                .extract().asString();
        OpenApiReference.assertServedIsCommitted(service(), served);
    }
}
