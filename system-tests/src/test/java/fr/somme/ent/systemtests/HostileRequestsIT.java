package fr.somme.ent.systemtests;

import static fr.somme.ent.systemtests.Journeys.YEAR;
import static fr.somme.ent.systemtests.Journeys.api;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import fr.somme.ent.systemtests.HostileClient.Answer;
import fr.somme.ent.systemtests.Journeys.Commune;
import fr.somme.ent.systemtests.Journeys.School;
import fr.somme.ent.systemtests.OpenApiOperations.Operation;
import fr.somme.ent.systemtests.OpenApiOperations.Param;
import fr.somme.ent.systemtests.RunningSuite.Service;
import fr.somme.ent.testsupport.Tokens;

/**
 * Issue #14, hostile requests: for every operation of each service's OpenAPI document, invalid requests generated from
 * its description (see {@link HostileInputs}: parameters of the wrong type or shape, injection strings, bodies that are
 * not JSON, invalid UTF-8, wrong Content-Type, fields missing, extra, of the wrong type, too long, out of range, unknown
 * enum values, a body over the service's size limit), sent with a token of a role the operation allows so that they get
 * past authentication; then a seeded random part (two to four fields broken at once). Every answer must be below 500 and
 * every error an RFC 9457 problem (SCIM errors excepted: they follow RFC 7644, see {@link HostileClient#violation}); a
 * body over the limit gets 413. Requests Vert.x refuses before any route runs (a request line it cannot parse or over
 * 4 KiB: bare 400/414, see {@link HostileClient#refusedByTheHttpServer}) are counted apart. All failures of a service are reported together; the whole list also goes to
 * {@code target/system-tests/HostileRequestsIT/failures-<service>.txt}.
 * <p>
 * The data the requests point at (a commune with an effective adhesion, its school, a deployed class with its accounts,
 * a draft project, a computed contribution call) is created first, so that plausible identifiers reach the domain.
 */
class HostileRequestsIT {

    static final String SIREN = "218004653";
    static final String UAI = "0801759C";
    /** At least this many requests per service (issue #14). */
    static final int MINIMUM_PER_SERVICE = 1_000;
    /** Requests of the seeded random part, per service with JSON bodies. */
    static final int COMBINED_PER_SERVICE = 200;
    static final long SEED = 20_261_005L;

    private static final String RESOURCE = "LECTURE-CM";
    private static final Commune LONGUEAU = new Commune(SIREN, "Longueau", "80489",
            new School(UAI, "ECOLE ELEMENTAIRE PAUL BAROUX", "80489", "ELEMENTAIRE"), 20);
    /** Role tokens in the order a role is chosen when an operation allows several (the widest first). */
    private static final List<String> ROLE_PREFERENCE = List.of("operator", "teacher", "ien", "dsden", "finance",
            "member-agent", "ent-platform", "partner");

    private static String adhesionId;
    private static String projectId;
    private static String draftProjectId;
    private static String accountId;
    private static String callId;
    private static final Map<Service, String> SUMMARIES = new EnumMap<>(Service.class);

    @BeforeAll
    static void startTheSuiteWithDataToPointAt() {
        Journeys.start(HostileRequestsIT.class);
        Journeys.dsdenReferenceDataAndConvention(List.of(LONGUEAU.school()));
        Journeys.catalogue(RESOURCE, "Lecture suivie CM", false, Map.of(YEAR, "9.80"));
        String adhesion = Journeys.adhere(LONGUEAU);
        adhesionId = adhesion.substring(adhesion.lastIndexOf('/') + 1);
        projectId = Journeys.submitProject(UAI, "CM1", List.of("CM1"), YEAR, 20, List.of(RESOURCE));
        Journeys.validate(projectId);
        draftProjectId = api(Service.PROJECT_VALIDATION, Journeys.teacher(UAI)).body(Map.of("schoolUai", UAI,
                "classLabel", "CM2", "levels", List.of("CM2"), "schoolYear", YEAR, "students", 22,
                "objectives", "Blog de classe et lecture suivie en ligne.", "requestedResources", List.of(RESOURCE)))
                .post("/projects").then().statusCode(201).extract().path("id");
        Journeys.awaitStatus(projectId, "DEPLOYED");
        accountId = api(Service.PROVISIONING, Tokens.operator()).get("/classes/" + projectId + "/accounts")
                .then().statusCode(200).extract().path("[0].id");
        String finance = Journeys.finance();
        api(Service.BILLING, finance).body(Map.of("category", "SHARED_PLATFORM", "supplier", "Plateforme ENT SAS",
                "reference", "F-2027-0001", "amount", "1000.00", "paidOn", "2027-03-31"))
                .post("/budgets/" + YEAR + "/expenses").then().statusCode(201);
        Awaitility.await("the commune liable in billing").atMost(Duration.ofSeconds(60))
                .until(() -> api(Service.BILLING, finance).get("/periods/" + YEAR + "/simulation")
                        .then().statusCode(200).extract().jsonPath().getLong("totalStudents") == 20);
        api(Service.BILLING, finance).body(Map.of("reason", "annual call 2026-2027"))
                .post("/periods/" + YEAR + "/computation").then().statusCode(200);
        callId = api(Service.BILLING, finance).get("/calls?schoolYear=" + YEAR).then().statusCode(200).extract().path("items[0].id");
    }

    @AfterAll
    static void printTheSummaries() {
        SUMMARIES.values().forEach(System.out::println);
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void hostileRequestsNeverGetA5xxAndEveryErrorIsAProblem(Service service) throws IOException {
        long started = System.nanoTime();
        String base = Journeys.suite().url(service);
        HostileClient client = new HostileClient(base);
        List<Operation> operations = OpenApiOperations.of(Journeys.suite().managementUrl(service)).operations();
        assertTrue(operations.size() >= 5, service.module + " publishes its operations in its OpenAPI document");

        Campaign send = new Campaign(service, client);
        Map<Operation, String> tokens = new LinkedHashMap<>();
        for (Operation op : operations) {
            tokens.put(op, tokenFor(op, send));
            send.send(op, HostileRequest.of("without token", op.method(), plainTarget(op), null));
            send.send(op, HostileRequest.of("token without any role", op.method(), plainTarget(op),
                    Tokens.of("nobody", new String[0]).expiresIn(Duration.ofMinutes(30)).sign()));
            for (HostileRequest r : HostileInputs.of(op, tokens.get(op), HostileRequestsIT::plausible)) {
                send.send(op, r);
            }
        }
        methodsNotAllowed(operations, send);
        uriTheJdkRefuses(operations, send);
        List<Operation> withJson = operations.stream()
                .filter(op -> op.bodies().keySet().stream().anyMatch(m -> m.contains("json"))).toList();
        Random random = new Random(SEED + service.ordinal());
        for (int i = 0; i < COMBINED_PER_SERVICE && !withJson.isEmpty(); i++) {
            Operation op = withJson.get(random.nextInt(withJson.size()));
            send.send(op, HostileInputs.combined(op, tokens.get(op), HostileRequestsIT::plausible, random));
        }

        String summary = String.format(Locale.ROOT, "hostile requests %s: %,d requests, %d operations, %.1f s (slowest: %s); statuses %s; %d refused by Vert.x before routing (bare 400/414); %d failure(s)",
                service.module, send.sent, operations.size(), (System.nanoTime() - started) / 1e9, send.slowest,
                send.statuses.entrySet().stream().map(e -> e.getKey() + "×" + e.getValue()).collect(Collectors.joining(" ")),
                send.refusedByVertx, send.failures.size());
        SUMMARIES.put(service, summary);
        System.out.println(summary);
        Path report = Path.of("target", "system-tests", "HostileRequestsIT", "failures-" + service.module + ".txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, String.join("\n", send.failures) + "\n");
        assertTrue(send.sent >= MINIMUM_PER_SERVICE, service.module + ": only " + send.sent + " hostile requests");
        assertEquals(List.of(), send.failures.size() <= 150 ? send.failures : send.failures.subList(0, 150),
                summary + " (every failure in " + report + ")");
    }

    /** Sends, counts the statuses and keeps every answer that breaks the rule. */
    private static final class Campaign {
        private final Service service;
        private final HostileClient client;
        private final Map<Integer, Integer> statuses = new TreeMap<>();
        private final List<String> failures = new ArrayList<>();
        private int sent;
        private int refusedByVertx;
        private long slowestNanos;
        private String slowest = "";

        Campaign(Service service, HostileClient client) {
            this.service = service;
            this.client = client;
        }

        Answer send(Operation op, HostileRequest r) {
            long started = System.nanoTime();
            Answer a = client.send(r);
            long took = System.nanoTime() - started;
            if (took > slowestNanos) {
                slowestNanos = took;
                slowest = String.format(Locale.ROOT, "%.1f s %s", took / 1e9, r.describe().substring(0, Math.min(120, r.describe().length())));
            }
            sent++;
            statuses.merge(a.status(), 1, Integer::sum);
            if (HostileClient.refusedByTheHttpServer(r, a)) {
                refusedByVertx++;
            } else if (r.oversized() > 0 && a.status() != 413) {
                failures.add(service.module + " | " + op + " | body over the limit not refused with 413 | " + r.describe()
                        + "\n    → " + a.excerpt());
            } else {
                HostileClient.violation(r, a).ifPresent(v -> failures.add(service.module + " | " + op + " | " + v + " | "
                        + r.describe() + "\n    → " + a.excerpt()));
            }
            return a;
        }
    }

    /**
     * The token of a role the operation allows: the preferred one its security requirement names, else the first role
     * (in {@link #ROLE_PREFERENCE}) that a plausible request does not get 401 or 403 with.
     */
    private static String tokenFor(Operation op, Campaign send) {
        List<String> named = ROLE_PREFERENCE.stream().filter(op.roles()::contains).toList();
        if (!named.isEmpty()) {
            return token(named.get(0));
        }
        for (String role : ROLE_PREFERENCE) {
            HostileRequest probe = HostileRequest.of("role probe " + role, op.method(), plainTarget(op), token(role));
            Optional<String> json = op.bodies().keySet().stream().filter(m -> m.contains("json")).findFirst();
            if (json.isPresent()) {
                probe = probe.withBody(json.get(), HostileValues.encode(JsonSamples.sample(op.bodies().get(json.get()), "body", 0)));
            }
            Answer a = send.send(op, probe);
            if (a.status() != 401 && a.status() != 403) {
                return token(role);
            }
        }
        return token("operator");
    }

    private static String token(String role) {
        Duration life = Duration.ofMinutes(30);
        return switch (role) {
            case "teacher" -> Tokens.of("teacher-" + UAI, "teacher").claim("school_uai", UAI).expiresIn(life).sign();
            case "ien" -> Tokens.of(Journeys.IEN, "ien").claim("circonscription", Journeys.CIRCONSCRIPTION).expiresIn(life).sign();
            case "member-agent" -> Tokens.of("agent-" + SIREN, "member-agent").claim("member_id", SIREN).expiresIn(life).sign();
            case "ent-platform" -> Tokens.of("service-account-ent-platform", "partner", "ent-platform")
                    .claim("azp", "ent-platform").expiresIn(life).sign();
            case "dsden" -> Tokens.of("dsden-si", "dsden").expiresIn(life).sign();
            default -> Tokens.of(role + "-1", role).expiresIn(life).sign();
        };
    }

    private static String plainTarget(Operation op) {
        String path = op.path();
        for (Param p : op.in("path")) {
            path = path.replace("{" + p.name() + "}", HostileValues.encodeUri(plausible(op, p)));
        }
        return path;
    }

    /** A value that points at the data created in {@link #startTheSuiteWithDataToPointAt()}. */
    static String plausible(Operation op, Param p) {
        String path = op.path();
        return switch (p.name().toLowerCase(Locale.ROOT)) {
            case "siren", "memberid" -> SIREN;
            case "schoolyear" -> YEAR;
            case "projectid" -> projectId;
            case "accountid" -> accountId;
            case "code" -> RESOURCE;
            case "topic" -> "ent.membership.v1";
            case "id" -> path.startsWith("/members/") ? adhesionId
                    : path.startsWith("/projects/") ? (op.method().equals("PUT") ? draftProjectId : projectId)
                    : path.startsWith("/calls/") ? callId
                    : path.startsWith("/scim/v2/Users") ? accountId
                    : path.startsWith("/scim/v2/Groups") ? projectId
                    : UUID.nameUUIDFromBytes(path.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
            default -> JsonSamples.sample(p.schema(), p.name(), 1).asText();
        };
    }

    /** Each documented path with the methods it does not document: 405 as a problem. */
    private static void methodsNotAllowed(List<Operation> operations, Campaign send) {
        Map<String, List<Operation>> byPath = operations.stream()
                .collect(Collectors.groupingBy(Operation::path, LinkedHashMap::new, Collectors.toList()));
        for (List<Operation> ops : byPath.values()) {
            Set<String> documented = ops.stream().map(Operation::method).collect(Collectors.toSet());
            for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH")) {
                if (!documented.contains(method)) {
                    send.send(ops.get(0), HostileRequest.of("method not documented", method, plainTarget(ops.get(0)),
                            token("operator")));
                }
            }
        }
    }

    /** Targets {@link java.net.URI} refuses (bad percent-encoding, raw non-ASCII bytes), through a plain socket. */
    private static void uriTheJdkRefuses(List<Operation> operations, Campaign send) {
        Operation first = operations.stream().filter(op -> !op.in("path").isEmpty()).findFirst().orElse(operations.get(0));
        String target = plainTarget(first);
        String operator = token("operator");
        for (String bad : List.of(target + "%zz", target + "%", target + "?q=%", target + "?q=%G1", target + "\u00ff\u00fe",
                target + "?q=<script>", target + "/./../..", "/" + "x".repeat(5000), target + "?" + "q=" + "x".repeat(5000))) {
            send.send(first, HostileRequest.of("target the JDK refuses", first.method(), bad, operator).overRawSocket());
        }
    }
}
