package fr.somme.ent.provisioning;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

import fr.somme.ent.commons.ids.Luhn;
import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.commons.ids.Uai;
import fr.somme.ent.testsupport.EventContracts;
import fr.somme.ent.testsupport.KafkaTestBroker;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.Tokens;
import fr.somme.ent.testsupport.TopicProbe;

/**
 * Test inputs: CloudEvents built per the consumed schemas (contracts/schemas/fr.ent.membership.*, fr.ent.projects.*),
 * each checked with EventContracts before it is sent, and fresh valid identifiers so that tests stay independent.
 */
public final class Scenario {

    public static final String MEMBERSHIP = "ent.membership.v1";
    public static final String PROJECTS = "ent.projects.v1";
    public static final String OUT = "ent.provisioning.v1";

    /*
     * Identifiers: each pool is walked one step at a time from a start drawn once per run, so two draws of one run
     * can never be equal (the database is created afresh for each run); the random start only keeps records of an
     * earlier run on an external broker (KAFKA_BOOTSTRAP_SERVERS) from matching. A run that exhausts a pool fails.
     */
    private static final Random RANDOM = new Random();
    /** UAIs 0802000-0809999: never a UAI written literally in the tests (0800091P, 0801234A). */
    private static final Pool UAIS = new Pool(2000, 8000);
    /** SIRENs 29xxxxxx + Luhn digit: never a SIREN written literally in the tests (218..., 228..., 248...). */
    private static final Pool SIRENS = new Pool(0, 1_000_000);
    /** Six letters: 26^6 suffixes of names and teacher ids. */
    private static final Pool LETTERS = new Pool(0, 308_915_776);

    private record Pool(int first, int size, int start, AtomicInteger drawn) {
        Pool(int first, int size) {
            this(first, size, RANDOM.nextInt(size), new AtomicInteger());
        }

        int next() {
            int n = drawn.getAndIncrement();
            if (n >= size) {
                throw new IllegalStateException("identifier pool exhausted: more than " + size + " draws in one run");
            }
            return first + (start + n) % size;
        }
    }

    private Scenario() {
    }

    /** The tests' today: the date of the service's fixed clock ({@link FixedClock}), never the system's. */
    public static LocalDate today() {
        return FixedClock.TODAY;
    }

    public static String currentYear() {
        return SchoolYear.containing(today()).name();
    }

    public static String previousYear() {
        return SchoolYear.containing(today()).previous().name();
    }

    public static String nextYear() {
        return SchoolYear.containing(today()).next().name();
    }

    /** A valid Somme UAI (080 + 4 digits + check letter), never drawn before in this run. */
    public static String uai() {
        String seven = "080" + String.format("%04d", UAIS.next());
        return seven + Uai.checkLetter(seven);
    }

    /** A valid SIREN (Luhn), never drawn before in this run. */
    public static String siren() {
        String eight = "29" + String.format("%06d", SIRENS.next());
        for (int d = 0; d <= 9; d++) {
            if (Luhn.isValid(eight + d)) {
                return eight + d;
            }
        }
        throw new AssertionError("no Luhn digit for " + eight);
    }

    /** Six lower-case letters, never drawn before in this run (names and logins made unique with them). */
    public static String letters() {
        int n = LETTERS.next();
        char[] s = new char[6];
        for (int i = 5; i >= 0; i--) {
            s[i] = (char) ('a' + n % 26);
            n /= 26;
        }
        return new String(s);
    }

    public static String envelope(String source, String type, String subject, String data) {
        String json = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"" + source + "\",\"type\":\""
                + type + "\",\"subject\":\"" + subject + "\",\"time\":\"" + FixedClock.NOW
                + "\",\"datacontenttype\":\"application/json\",\"data\":" + data + "}";
        EventContracts.assertConforms(json, type);
        return json;
    }

    static String schools(String... uais) {
        return Arrays.stream(uais).map(u -> "{\"uai\":\"" + u + "\",\"name\":\"ECOLE " + u + "\",\"classes\":2,\"students\":50}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    public static String adhesionEffective(String siren, String kind, LocalDate effective, String year, String... uais) {
        return adhesionEffective(siren, UUID.randomUUID(), kind, effective, year, uais);
    }

    public static String adhesionEffective(String siren, UUID adhesionId, String kind, LocalDate effective, String year,
            String... uais) {
        return envelope("/ent/membership-service", "fr.ent.membership.adhesion-effective.v1", siren,
                "{\"memberId\":\"" + siren + "\",\"adhesionId\":\"" + adhesionId + "\",\"memberKind\":\"" + kind
                        + "\",\"effectiveDate\":\"" + effective + "\",\"deliberation\":{\"number\":\"2026-12\",\"date\":\""
                        + effective.minusDays(20) + "\"},\"charterSignedOn\":\"" + effective.minusDays(10)
                        + "\",\"deliberationTransmittedOn\":\"" + effective.minusDays(5) + "\",\"charterTransmittedOn\":\""
                        + effective + "\",\"schoolYear\":\"" + year + "\",\"schools\":" + schools(uais) + "}");
    }

    public static String designationsChanged(String siren, String year, int revision, String... uais) {
        return designationsChanged(siren, UUID.randomUUID(), year, revision, "ECOLE", uais);
    }

    /**
     * A designations-changed whose schools carry their level (ECOLE, COLLEGE) and commune from membership's school
     * reference (contracts-12 §1); an empty list releases the member's schools for the year.
     */
    public static String designationsChanged(String siren, UUID adhesionId, String year, int revision, String level,
            String... uais) {
        String schools = Arrays.stream(uais).map(u -> "{\"uai\":\"" + u + "\",\"name\":\"ECOLE " + u
                + "\",\"classes\":2,\"students\":50,\"level\":\"" + level
                + "\",\"communeInsee\":\"80021\"}").collect(Collectors.joining(",", "[", "]"));
        return envelope("/ent/membership-service", "fr.ent.membership.designations-changed.v1", siren,
                "{\"memberId\":\"" + siren + "\",\"adhesionId\":\"" + adhesionId + "\",\"schoolYear\":\"" + year
                        + "\",\"revision\":" + revision + ",\"schools\":" + schools + "}");
    }

    public static String terminated(String siren, LocalDate effective) {
        return envelope("/ent/membership-service", "fr.ent.membership.membership-terminated.v1", siren,
                "{\"memberId\":\"" + siren + "\",\"terminationId\":\"" + UUID.randomUUID()
                        + "\",\"initiatedBy\":\"MEMBER\",\"reason\":\"intérêt général\",\"effectiveDate\":\"" + effective
                        + "\",\"agreementAttemptFailedOn\":null}");
    }

    public static String optOut(String siren, String fromYear, String... components) {
        return envelope("/ent/membership-service", "fr.ent.membership.component-opt-out-notified.v1", siren,
                "{\"memberId\":\"" + siren + "\",\"optOutId\":\"" + UUID.randomUUID() + "\",\"components\":"
                        + Arrays.stream(components).map(c -> "\"" + c + "\"").collect(Collectors.joining(",", "[", "]"))
                        + ",\"notifiedOn\":\"" + today().minusDays(200) + "\",\"effectiveFromSchoolYear\":\"" + fromYear + "\"}");
    }

    /** The project's fields; {@code sub} null leaves teacherSub out (a project written before subjects were recorded). */
    static String projectData(UUID projectId, String uai, String teacher, String sub, String year, int students,
            String[] resources) {
        return "{\"projectId\":\"" + projectId + "\",\"schoolUai\":\"" + uai + "\",\"circonscriptionCode\":\"0801\",\"teacherId\":\""
                + teacher + (sub == null ? "" : "\",\"teacherSub\":\"" + sub)
                + "\",\"classLabel\":\"CM2 A\",\"levels\":[\"CM2\"],\"schoolYear\":\"" + year + "\",\"students\":"
                + students + ",\"requestedResources\":" + Arrays.stream(resources).map(c -> "\"" + c + "\"")
                        .collect(Collectors.joining(",", "[", "]"));
    }

    public static String projectValidated(UUID projectId, String uai, String teacher, String year, int students,
            String... resources) {
        return envelope("/ent/project-validation-service", "fr.ent.projects.project-validated.v1", projectId.toString(),
                projectData(projectId, uai, teacher, null, year, students, resources)
                        + ",\"validatedBy\":\"ien-0801\",\"validatedOn\":\"" + today() + "\"}");
    }

    /**
     * A project-validated as project-validation publishes it since it records subjects: {@code teacherId} the teacher's
     * user name, {@code teacherSub} his token's subject ({@link #projectValidated} leaves teacherSub out, as events of
     * projects written before).
     */
    public static String projectValidatedBy(UUID projectId, String uai, String username, String sub, String year,
            int students) {
        return envelope("/ent/project-validation-service", "fr.ent.projects.project-validated.v1", projectId.toString(),
                projectData(projectId, uai, username, sub, year, students, new String[0])
                        + ",\"validatedBy\":\"ien-0801\",\"validatedOn\":\"" + today() + "\"}");
    }

    public static String projectWithdrawn(UUID projectId, String uai, String teacher, String year, int students,
            LocalDate on) {
        return envelope("/ent/project-validation-service", "fr.ent.projects.project-withdrawn.v1", projectId.toString(),
                projectData(projectId, uai, teacher, null, year, students, new String[0]) + ",\"withdrawnBy\":\"" + teacher
                        + "\",\"withdrawnOn\":\"" + on + "\"}");
    }

    public static void membership(String siren, String event) {
        TopicProbe.send(MEMBERSHIP, siren, event);
    }

    public static void project(UUID projectId, String event) {
        TopicProbe.send(PROJECTS, projectId.toString(), event);
    }

    public static void awaitStatus(UUID projectId, String status) {
        Awaitility.await("class " + projectId + " " + status).atMost(Duration.ofSeconds(30)).until(() -> ServiceDatabase.count(
                "SELECT count(*) FROM class_deployment WHERE project_id = ? AND status = ?", projectId, status) == 1);
    }

    public static void awaitReasons(UUID projectId, String reasons) {
        Awaitility.await("class " + projectId + " pending: " + reasons).atMost(Duration.ofSeconds(30))
                .until(() -> ServiceDatabase.count("SELECT count(*) FROM class_deployment WHERE project_id = ? "
                        + "AND status = 'PENDING' AND reasons = ?", projectId, reasons) == 1);
    }

    /**
     * Every record of the service's topic matching {@code match} that was published before now, all of them: an
     * operator's pipeline probe is committed after whatever the caller waited for, the relay publishes the outbox in
     * commit order and stamps the probe only once every earlier row is acknowledged, so once the probe is published
     * the topic's end offsets cover all earlier events; the topic is read up to those offsets (no quiet window).
     */
    public static List<ConsumerRecord<String, String>> publishedSoFar(Predicate<ConsumerRecord<String, String>> match) {
        String probe = given().auth().oauth2(Tokens.operator()).contentType("application/json").body("{\"note\":\"marker\"}")
                .post("/ops/pipeline-probes").then().statusCode(201).extract().path("id");
        Awaitility.await("pipeline probe " + probe + " published").atMost(Duration.ofSeconds(30)).until(() -> "published".equals(
                given().auth().oauth2(Tokens.operator()).get("/ops/pipeline-probes/" + probe).then().statusCode(200)
                        .extract().path("status")));
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(OUT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            boolean sawProbe = false;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + OUT + " up to " + end);
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    sawProbe |= r.value().contains(probe);
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition())) && match.test(r)) {
                        out.add(r);
                    }
                }
            }
            if (!sawProbe) {
                throw new AssertionError("the marker probe " + probe + " is not within the offsets read: " + end);
            }
        }
        return out;
    }

    /** The single text value a query returns (null when it returns SQL NULL). */
    public static String text(String sql, Object... params) {
        try (java.sql.Connection c = ServiceDatabase.connect(); java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no row: " + sql);
                }
                return rs.getString(rs.getMetaData().getColumnLabel(1));
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError("query failed: " + sql, e);
        }
    }
}
