package fr.somme.ent.systemtests;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.awaitility.Awaitility;

import fr.somme.ent.testsupport.KafkaTestBroker;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;

/**
 * The four services as they run in a pod: their packaged {@code quarkus-run.jar}, each in its own
 * JVM with its own fresh database on the real PostgreSQL, the same real Kafka broker, and an OIDC
 * issuer whose signed tokens they verify. Tests talk to them only through REST and Kafka.
 * Started once per test JVM; stopped by a shutdown hook. Logs: {@code target/system-tests/<journey>/<service>.log}.
 */
public final class RunningSuite {

    /**
     * "Now" for the services that run the school year: the journeys live in school year 2026-2027,
     * a few weeks after the rentrée.
     */
    public static final String DURING_THE_YEAR = "2026-10-05T08:00:00Z";
    /**
     * "Now" for billing: contributions are called after the end of the school year (art. 4.4), so
     * billing runs in September 2027 while the events it reads carry the dates of 2026-2027.
     */
    public static final String AFTER_THE_YEAR = "2027-09-15T08:00:00Z";

    public enum Service {
        MEMBERSHIP("membership-service", "membership_st", "ent.membership.v1", DURING_THE_YEAR),
        PROJECT_VALIDATION("project-validation-service", "project_validation_st", "ent.projects.v1", DURING_THE_YEAR),
        PROVISIONING("provisioning-service", "provisioning_st", "ent.provisioning.v1", DURING_THE_YEAR),
        BILLING("billing-service", "billing_st", "ent.billing.v1", AFTER_THE_YEAR);

        public final String module;
        final String database;
        public final String topic;
        public final String now;

        Service(String module, String database, String topic, String now) {
            this.module = module;
            this.database = database;
            this.topic = topic;
            this.now = now;
        }
    }

    private static volatile RunningSuite instance;

    private final Map<Service, Integer> ports = new LinkedHashMap<>();
    private final Map<Service, Integer> managementPorts = new LinkedHashMap<>();
    private final Map<Service, Process> processes = new EnumMap<>(Service.class);

    private final String journey;
    private final Path logs;
    private String kafka;
    private String issuerUrl;

    private RunningSuite(String journey) {
        this.journey = journey;
        this.logs = Path.of("target", "system-tests", journey);
    }

    /** The suite for a journey class; the services' logs go to {@code target/system-tests/<journey>/<service>.log}. */
    public static synchronized RunningSuite get(Class<?> journey) {
        if (instance == null) {
            RunningSuite suite = new RunningSuite(journey.getSimpleName());
            Runtime.getRuntime().addShutdownHook(new Thread(suite::stop, "system-suite-shutdown"));
            RestAssured.filters(ProblemRecorder.RESTASSURED);
            suite.start();
            instance = suite;
        }
        return instance;
    }

    /** The suite started by the journey class running in this JVM. */
    public static synchronized RunningSuite current() {
        if (instance == null) {
            throw new IllegalStateException("start the suite first, in @BeforeAll: RunningSuite.get(MyJourneyIT.class)");
        }
        return instance;
    }

    /** The service listening on this port (its HTTP or management port), if the suite runs in this JVM. */
    static Optional<Service> serviceAt(int port) {
        RunningSuite suite = instance; // not synchronized: the readiness wait of a start, which holds the lock, calls it
        if (suite == null) {
            return Optional.empty();
        }
        return Stream.of(suite.ports, suite.managementPorts).flatMap(m -> m.entrySet().stream())
                .filter(e -> e.getValue() == port).map(Map.Entry::getKey).findFirst();
    }

    public String url(Service service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    /** The management interface (health, metrics, OpenAPI), on its own port as in a pod. */
    public String managementUrl(Service service) {
        return "http://127.0.0.1:" + managementPorts.get(service);
    }

    private void start() {
        kafka = KafkaTestBroker.bootstrapServers();
        Map<String, String> oidc = new OidcWiremockTestResource().start();
        issuerUrl = oidc.get("keycloak.url") + "/realms/quarkus/";
        try {
            Files.createDirectories(logs);
            for (Service service : Service.values()) {
                Files.deleteIfExists(logs.resolve(service.module + ".log"));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        for (Service service : Service.values()) {
            recreateDatabase(service.database);
            ports.put(service, freePort());
            managementPorts.put(service, freePort());
            launch(service, service.now);
        }
        for (Service service : Service.values()) {
            awaitReady(service);
        }
    }

    /**
     * Moves a service to another day: its process is stopped and started again on the same port and database with
     * {@code ENT_CLOCK_FIXED=now}, as an ops engineer would restart a pod whose clock is offset. Kafka offsets and
     * the database survive, so the service carries on where it was, only later in time.
     */
    public synchronized void moveClock(Service service, String now) {
        Process running = processes.remove(service);
        running.destroy();
        try {
            if (!running.waitFor(30, TimeUnit.SECONDS)) {
                running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping " + service.module, e);
        }
        launch(service, now);
        awaitReady(service);
    }

    /** A JDBC connection to the service's own database (for checks no API may answer, e.g. that a purge left no name). */
    public Connection database(Service service) throws SQLException {
        String host = System.getenv().getOrDefault("ENT_TEST_DB_HOST", "127.0.0.1");
        String port = System.getenv().getOrDefault("ENT_TEST_DB_PORT", "5432");
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + service.database, "ent", "ent");
    }

    private void launch(Service service, String now) {
        Path servicesDir = Path.of(System.getProperty("ent.services.dir", "..")).toAbsolutePath().normalize();
        Path jar = servicesDir.resolve(service.module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw package)");
        }
        ProcessBuilder pb = new ProcessBuilder(javaBinary(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", jar.toString());
        Map<String, String> env = pb.environment();
        env.put("HTTP_PORT", String.valueOf(ports.get(service)));
        env.put("MANAGEMENT_PORT", String.valueOf(managementPorts.get(service)));
        env.put("DB_HOST", System.getenv().getOrDefault("ENT_TEST_DB_HOST", "127.0.0.1"));
        env.put("DB_PORT", System.getenv().getOrDefault("ENT_TEST_DB_PORT", "5432"));
        env.put("DB_NAME", service.database);
        env.put("DB_USER", "ent");
        env.put("DB_PASSWORD", "ent");
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        env.put("OIDC_AUTH_SERVER_URL", issuerUrl);
        env.put("QUARKUS_OIDC_TOKEN_ISSUER", "https://server.example.com");
        env.put("OIDC_AUDIENCE", "https://server.example.com");
        env.put("JSON_LOGS", "false");
        env.put("ENT_OUTBOX_RELAY_EVERY", "500ms");
        env.put("ENT_CLOCK_FIXED", now);
        env.put("ENT_ACTIVATION_HMAC_KEY", "system-tests-only-activation-key-0123456789");
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(service.module + ".log").toFile()));
        try {
            processes.put(service, pb.start());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + service.module, e);
        }
    }

    private void awaitReady(Service service) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Awaitility.await(service.module + " ready (see target/system-tests/" + journey + "/" + service.module + ".log)")
                .atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> {
                    URI ready = URI.create(managementUrl(service) + "/q/health/ready");
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(ready).build(),
                            HttpResponse.BodyHandlers.ofString());
                    ProblemRecorder.record(ready, "GET", answer.statusCode(),
                            answer.headers().firstValue("Content-Type").orElse(""), answer.body());
                    return answer.statusCode() == 200;
                });
    }

    private synchronized void stop() {
        for (Process p : processes.values()) {
            p.destroy();
        }
        for (Process p : processes.values()) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }

    private static void recreateDatabase(String name) {
        String host = System.getenv().getOrDefault("ENT_TEST_DB_HOST", "127.0.0.1");
        String port = System.getenv().getOrDefault("ENT_TEST_DB_PORT", "5432");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", "ent", "ent");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot recreate database " + name + " as 'ent' (run scripts/postgres.sh ensure): "
                    + e.getMessage(), e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : "")).toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
