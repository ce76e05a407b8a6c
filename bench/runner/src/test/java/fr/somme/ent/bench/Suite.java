package fr.somme.ent.bench;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import fr.somme.ent.testsupport.KafkaTestBroker;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The four packaged services ({@code <service>/target/quarkus-app/quarkus-run.jar}) as system-tests' RunningSuite starts
 * them: each in its own JVM with its own fresh database ({@code *_bench}), the in-process KRaft broker of ent-test-support
 * and a WireMock OIDC issuer whose signed tokens they verify. Unlike RunningSuite it keeps each process' pid (RSS),
 * measures start → ready, can start a second instance of a service (same database, same consumer group) and the
 * minimal Quarkus app. JVM flags: {@code scripts/service-jvm-options} when it exists, else local.sh's {@code -Xmx384m}.
 */
final class Suite implements AutoCloseable {

    enum Service {
        MEMBERSHIP("membership-service", "membership_bench", "2026-10-05T08:00:00Z"),
        PROJECT_VALIDATION("project-validation-service", "project_validation_bench", "2026-10-05T08:00:00Z"),
        PROVISIONING("provisioning-service", "provisioning_bench", "2026-10-05T08:00:00Z"),
        BILLING("billing-service", "billing_bench", "2027-09-15T08:00:00Z");

        final String module;
        final String database;
        final String now;

        Service(String module, String database, String now) {
            this.module = module;
            this.database = database;
            this.now = now;
        }
    }

    /** One running JVM: a service instance or the minimal app. */
    /** A started JVM: its HTTP port and its management port (health, metrics; the same port for the minimal app). */
    record Instance(String name, Process process, int port, int managementPort, long startedNanos) {
        String managementUrl() {
            return "http://127.0.0.1:" + managementPort;
        }

        String url() {
            return "http://127.0.0.1:" + port;
        }

        long pid() {
            return process.pid();
        }
    }

    private final Path root;
    private final Path logs;
    private final List<String> jvmOptions;
    private final Map<Service, List<Instance>> instances = new LinkedHashMap<>();
    private final List<Instance> others = new ArrayList<>();
    /** The broker to use instead of ent-test-support's KafkaTestBroker (null: that one). */
    private final String broker;
    private final String databaseSuffix;
    private String kafka;
    private String issuerUrl;

    Suite(Path root, Path logs) {
        this(root, logs, null, "_bench");
    }

    /**
     * The fault campaign's suite (FaultCampaign): the services use {@code broker} (a broker it stops and restarts) and
     * databases of their own, named with {@code databaseSuffix} instead of {@code _bench} ({@code membership_faults},
     * ...), so that it shares nothing with a benchmark.
     */
    Suite(Path root, Path logs, String broker, String databaseSuffix) {
        this.root = root;
        this.logs = logs;
        this.jvmOptions = jvmOptions(root);
        this.broker = broker;
        this.databaseSuffix = databaseSuffix;
    }

    List<String> jvmOptions() {
        return jvmOptions;
    }

    String kafka() {
        return kafka;
    }

    /** Starts the broker, the issuer and the four services on fresh databases (migrated at their first start). */
    void start() throws IOException {
        kafka = broker != null ? broker : KafkaTestBroker.bootstrapServers();
        Map<String, String> oidc = new OidcWiremockTestResource().start();
        issuerUrl = oidc.get("keycloak.url") + "/realms/quarkus/";
        Files.createDirectories(logs);
        deleteTree(logs.resolveSibling("apps"));
        try (var old = Files.newDirectoryStream(logs, "*.log")) {
            for (Path log : old) {
                Files.delete(log);
            }
        }
        for (Service s : Service.values()) {
            recreateDatabase(databaseName(s));
            instances.put(s, new ArrayList<>());
            instances.get(s).add(launchService(s, s.module));
        }
        for (Service s : Service.values()) {
            try {
                awaitReady(first(s), "/q/health/ready", Duration.ofSeconds(600));
            } catch (IllegalStateException e) {
                if (first(s).process().isAlive()) {
                    throw e;
                }
                // On a starved machine a first start may time out on its database connection: one more start.
                Bench.log(e.getMessage() + ": starting it once more");
                int port = first(s).port();
                instances.get(s).set(0, launch(s.module, jar(s.module), env(s, port), port));
                awaitReady(first(s), "/q/health/ready", Duration.ofSeconds(600));
            }
        }
    }

    Instance first(Service s) {
        return instances.get(s).get(0);
    }

    List<Instance> all(Service s) {
        return instances.get(s);
    }

    String url(Service s) {
        return first(s).url();
    }

    /** The management interface of the service's first instance (health, metrics), on its own port as in a pod. */
    String managementUrl(Service s) {
        return first(s).managementUrl();
    }

    /** Another instance of the service: same database, same consumer group; returns once it is ready. */
    Instance addInstance(Service s) {
        Instance i = launchService(s, s.module + "-" + (instances.get(s).size() + 1));
        awaitReady(i, "/q/health/ready", Duration.ofSeconds(600));
        instances.get(s).add(i);
        return i;
    }

    /** Stops the first instance and starts it again on the same port and (migrated) database; returns start → ready. */
    Duration restart(Service s) {
        Instance old = first(s);
        stop(old);
        Instance fresh = launch(s.module, jar(s.module), env(s, old.port()), old.port());
        instances.get(s).set(0, fresh);
        return awaitReady(fresh, "/q/health/ready", Duration.ofSeconds(600));
    }

    /**
     * Kills the first instance with SIGKILL ({@link Process#destroyForcibly()} on Linux): no shutdown hook, no graceful
     * stop, its open transactions cut; returns once the process is gone.
     */
    void kill(Service s) {
        Process p = first(s).process();
        p.destroyForcibly();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(first(s).name() + " still alive 30 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the first instance again after {@link #kill}: same HTTP port, same database; returns start → ready. */
    Duration relaunch(Service s) {
        Instance old = first(s);
        if (old.process().isAlive()) {
            throw new IllegalStateException(old.name() + " is still running");
        }
        Instance fresh = launch(s.module, jar(s.module), env(s, old.port()), old.port());
        instances.get(s).set(0, fresh);
        return awaitReady(fresh, "/q/health/ready", Duration.ofSeconds(600));
    }

    /** The minimal Quarkus REST app of bench/minimal-app, started the same way; returns it once its GET answers. */
    Instance startMinimalApp() {
        Path jar = root.resolve("bench/minimal-app/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package bench/minimal-app first");
        }
        int port = freePort();
        Instance i = launch("minimal-app", jar, Map.of("HTTP_PORT", String.valueOf(port)), port);
        others.add(i);
        return i;
    }

    /** Polls {@code path} every 10 ms until 200; returns the time since the process was started. */
    Duration awaitReady(Instance i, String path, Duration atMost) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        String base = path.startsWith("/q/") ? i.managementUrl() : i.url();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(2)).build();
        Wait.until(i.name() + " ready (see " + logs + "/" + i.name() + ".log)", atMost, Duration.ofMillis(10), () -> {
            if (!i.process().isAlive()) {
                throw new IllegalStateException(i.name() + " exited with " + i.process().exitValue() + " (see " + logs
                        + "/" + i.name() + ".log)");
            }
            try {
                return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
        return Duration.ofNanos(System.nanoTime() - i.startedNanos());
    }

    Connection database(Service s) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + dbHost() + ":" + dbPort() + "/" + databaseName(s), "ent", "ent");
    }

    /** The service's database in this suite: {@code membership_bench}, or {@code membership_faults} for the campaign. */
    String databaseName(Service s) {
        return s.database.replaceFirst("_bench$", databaseSuffix);
    }

    /** VmRSS of the process in MB, from /proc/<pid>/status (-1 when unreadable, e.g. not Linux). */
    static long rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    @Override
    public void close() {
        instances.values().forEach(list -> list.forEach(this::stop));
        others.forEach(this::stop);
    }

    void stop(Instance i) {
        i.process().destroy();
        try {
            if (!i.process().waitFor(30, TimeUnit.SECONDS)) {
                i.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            i.process().destroyForcibly();
        }
    }

    private Instance launchService(Service s, String name) {
        int port = freePort();
        return launch(name, jar(s.module), env(s, port), port);
    }

    /**
     * The service's quarkus-run.jar in a snapshot of its target/quarkus-app taken at the first start (hard links, else
     * copies, under target/bench/apps): a rebuild of the service during the run cannot change what is measured nor
     * break the start of a second instance.
     */
    private Path jar(String module) {
        Path app = root.resolve(module).resolve("target/quarkus-app");
        if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(app + "/quarkus-run.jar is missing: package the services first "
                    + "(./mvnw -DskipTests package)");
        }
        Path snapshot = logs.resolveSibling("apps").resolve(module);
        if (!Files.isRegularFile(snapshot.resolve("quarkus-run.jar"))) {
            try (var files = Files.walk(app)) {
                for (Path from : (Iterable<Path>) files::iterator) {
                    Path to = snapshot.resolve(app.relativize(from).toString());
                    if (Files.isDirectory(from)) {
                        Files.createDirectories(to);
                    } else {
                        try {
                            Files.createLink(to, from);
                        } catch (IOException | UnsupportedOperationException e) {
                            Files.copy(from, to);
                        }
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot take a snapshot of " + app, e);
            }
        }
        return snapshot.resolve("quarkus-run.jar");
    }

    private Map<String, String> env(Service s, int port) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HTTP_PORT", String.valueOf(port));
        env.put("MANAGEMENT_PORT", String.valueOf(freePort()));
        env.put("DB_HOST", dbHost());
        env.put("DB_PORT", dbPort());
        env.put("DB_NAME", databaseName(s));
        env.put("DB_USER", "ent");
        env.put("DB_PASSWORD", "ent");
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        env.put("OIDC_AUTH_SERVER_URL", issuerUrl);
        env.put("QUARKUS_OIDC_TOKEN_ISSUER", "https://server.example.com");
        env.put("OIDC_AUDIENCE", "https://server.example.com");
        env.put("JSON_LOGS", "false");
        env.put("ENT_CLOCK_FIXED", s.now);
        env.put("ENT_ACTIVATION_HMAC_KEY", "bench-only-activation-key-0123456789abcdef");
        return env;
    }

    private Instance launch(String name, Path jar, Map<String, String> env, int port) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : ""))
                .toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder pb = new ProcessBuilder(command).directory(logs.toFile());
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile()));
        try {
            long started = System.nanoTime();
            int management = Integer.parseInt(env.getOrDefault("MANAGEMENT_PORT", String.valueOf(port)));
            return new Instance(name, pb.start(), port, management, started);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name, e);
        }
    }

    /** The flags local.sh and deploy start the services with: scripts/service-jvm-options if present, else -Xmx384m. */
    private static List<String> jvmOptions(Path root) {
        Path file = root.resolve("scripts/service-jvm-options");
        try {
            if (Files.isRegularFile(file)) {
                List<String> options = new ArrayList<>();
                for (String line : Files.readAllLines(file)) {
                    String l = line.strip();
                    if (!l.isEmpty() && !l.startsWith("#")) {
                        options.addAll(Arrays.asList(l.split("\\s+")));
                    }
                }
                return options;
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
        return List.of("-Xmx384m");
    }

    private static void recreateDatabase(String name) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + dbHost() + ":" + dbPort() + "/postgres",
                "ent", "ent"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot recreate database " + name + " (run scripts/postgres.sh ensure): "
                    + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String dbHost() {
        return System.getenv().getOrDefault("ENT_TEST_DB_HOST", "127.0.0.1");
    }

    private static String dbPort() {
        return System.getenv().getOrDefault("ENT_TEST_DB_PORT", "5432");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
