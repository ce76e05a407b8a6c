package fr.somme.ent.bench;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import fr.somme.ent.bench.Suite.Service;
import fr.somme.ent.testsupport.EventContracts;
import fr.somme.ent.testsupport.Tokens;

/**
 * A roll-out of the fault campaign: {@code classes} validated classes (25 students, resources requested from the
 * catalogue) of {@code communes} communes, one school each. Their {@code project-validated} are published first and
 * awaited PENDING; then one {@code adhesion-effective} per commune is published every {@code pace}, so that the
 * roll-out lasts a few seconds; when half the classes are DEPLOYED the fault (if any) is injected on the calling
 * thread. Afterwards {@link #snapshot} reads the final state of every service, normalised (classes and communes by
 * their index, not their ids), to compare it with an undisturbed roll-out's.
 */
final class FaultRollOut {

    static final String YEAR = "2026-2027";
    static final int STUDENTS = 25;
    static final LocalDate ADHESION = LocalDate.of(2026, 7, 6);
    /** The catalogue: code → unit price for 2026-2027. */
    static final Map<String, String> CATALOGUE = Map.of("FAULT-LECTURE", "3.50", "FAULT-CALCUL", "2.25");
    /** Requested by every fifth class, absent from the catalogue: never licensed. */
    static final String NOT_IN_CATALOGUE = "FAULT-ABSENTE";

    /** Injected once half the classes are DEPLOYED; returns when the fault is over (the service back, ...). */
    interface Fault {
        void inject(Plan plan, Map<String, Object> figures) throws Exception;
    }

    /** The ids of one roll-out. */
    record Plan(int run, List<String> sirens, List<String> uais, List<UUID> projects) {
        int communes() {
            return sirens.size();
        }

        int commune(int classIndex) {
            return classIndex % communes();
        }

        String classKey(int i) {
            return String.format("class %03d (commune %02d)", i, commune(i));
        }

        List<String> requested(int i) {
            List<String> r = new ArrayList<>(List.of("FAULT-LECTURE"));
            if (i % 2 == 1) {
                r.add("FAULT-CALCUL");
            }
            if (i % 5 == 0) {
                r.add(NOT_IN_CATALOGUE);
            }
            return r;
        }

        /** The communes' SIRENs as one {@code text[]} parameter of {@link Db} (an Object: never spread as varargs). */
        Object sirenArray() {
            return sirens.toArray(String[]::new);
        }

        /** The project ids as one {@code uuid[]} parameter of {@link Db}. */
        Object projectArray() {
            return projects.toArray(UUID[]::new);
        }
    }

    private final Suite suite;
    private final Events events;
    private final Db db;
    private final int classes;
    private final int communes;
    private final Duration pace;
    private boolean checkedSchema;

    FaultRollOut(Suite suite, Events events, Db db, int classes, int communes, Duration pace) {
        this.suite = suite;
        this.events = events;
        this.db = db;
        this.classes = classes;
        this.communes = communes;
        this.pace = pace;
    }

    /** The catalogue's resources with a price for 2026-2027 (PUT /resources/{code}, operator). */
    void catalogue() {
        CATALOGUE.forEach((code, price) -> Http.put(suite.url(Service.PROVISIONING) + "/resources/" + code,
                Tokens.operator(), Map.of("title", "Ressource " + code, "supplier", "Éditeur de la campagne",
                        "ssoProtocol", "GAR", "validatedByDepartement", true,
                        "prices", List.of(Map.of("schoolYear", YEAR, "unitPrice", price))), 200));
    }

    Plan plan(int run) {
        List<String> sirens = new ArrayList<>();
        List<String> uais = new ArrayList<>();
        for (int c = 0; c < communes; c++) {
            sirens.add(Ids.siren(3_000_000 + 10_000 * run + c));
            uais.add(Ids.uai("080", 5_000 + 100 * run + c));
        }
        List<UUID> projects = new ArrayList<>();
        for (int i = 0; i < classes; i++) {
            projects.add(UUID.randomUUID());
        }
        return new Plan(run, sirens, uais, projects);
    }

    /**
     * Publishes the plan's classes and waits until they are PENDING; then publishes the adhesions at the pace and
     * injects {@code fault} (null: none) when half the classes are DEPLOYED. Returns the figures of the run: when the
     * fault came ({@code faultAtDeployed}, {@code faultAtSeconds}), what the fault recorded, and
     * {@code faultEndNanos} (System.nanoTime() when it was over; the adhesions' start for an undisturbed run).
     */
    Map<String, Object> run(Plan plan, Fault fault) throws Exception {
        for (int i = 0; i < classes; i++) {
            String uai = plan.uais().get(plan.commune(i));
            events.send(Events.PROJECTS, plan.projects().get(i).toString(), projectValidated(plan.projects().get(i), uai,
                    "F" + plan.run() + "-" + i, plan.requested(i)));
        }
        events.flush();
        Poll.until("the " + classes + " validated classes of run " + plan.run() + " PENDING in provisioning",
                Duration.ofMinutes(5), Duration.ofMillis(100), () -> count(plan, "PENDING") == classes);

        Map<String, Object> figures = new LinkedHashMap<>();
        AtomicInteger published = new AtomicInteger();
        CompletableFuture<Long> allPublished = new CompletableFuture<>();
        ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor();
        long t0 = System.nanoTime();
        try {
            publisher.scheduleAtFixedRate(() -> {
                int c = published.get();
                if (c >= communes || allPublished.isDone()) {
                    return;
                }
                try {
                    String siren = plan.sirens().get(c);
                    int ofSchool = (int) IntStream.range(0, classes).filter(i -> plan.commune(i) == c).count();
                    events.send(Events.MEMBERSHIP, siren, events.adhesionEffective(siren, ADHESION, YEAR,
                            List.of(new Events.School(plan.uais().get(c), ofSchool, ofSchool * STUDENTS))));
                    if (published.incrementAndGet() == communes) {
                        events.flush();
                        allPublished.complete(System.nanoTime());
                    }
                } catch (RuntimeException e) {
                    allPublished.completeExceptionally(e);
                }
            }, 0, pace.toNanos(), TimeUnit.NANOSECONDS);

            if (fault != null) {
                int[] seen = new int[1];
                Poll.until("half the classes of run " + plan.run() + " DEPLOYED", Duration.ofMinutes(5), Duration.ofMillis(10),
                        () -> (seen[0] = count(plan, "DEPLOYED")) >= classes / 2);
                figures.put("faultAtDeployed", seen[0]);
                figures.put("faultAtSeconds", seconds(System.nanoTime() - t0));
                figures.put("faultAtAdhesionsPublished", published.get());
                figures.put("faultAt", Instant.now().toString());
                fault.inject(plan, figures);
                figures.put("faultEndNanos", System.nanoTime());
            } else {
                figures.put("faultEndNanos", t0);
            }
            figures.put("adhesionsPublishedInSeconds", seconds(allPublished.get(5, TimeUnit.MINUTES) - t0));
        } finally {
            publisher.shutdownNow();
        }
        return figures;
    }

    /** Classes of the plan in that status (provisioning's database). */
    int count(Plan plan, String status) throws SQLException {
        return (int) db.count(Service.PROVISIONING, "SELECT count(*) FROM class_deployment WHERE project_id = ANY(?) AND status = ?",
                plan.projectArray(), status);
    }

    /** What every service shows of the plan's classes, reached: all DEPLOYED, seen by billing and project-validation. */
    boolean complete(Plan plan) throws SQLException {
        return count(plan, "DEPLOYED") == classes
                && db.count(Service.BILLING, "SELECT count(*) FROM class_access WHERE project_id = ANY(?)", plan.projectArray()) == classes
                && db.count(Service.PROJECT_VALIDATION, "SELECT count(*) FROM class_deployment WHERE project_id = ANY(?) "
                        + "AND deployed_on IS NOT NULL", plan.projectArray()) == classes;
    }

    /**
     * The final state, normalised: per class (by index) its status, member (commune index), accounts by role and
     * state, licences, access-start and deployment dates, the provisioning events announcing it (distinct event ids
     * by type), what billing and project-validation recorded of it; per commune its first access. Also returns, under
     * {@code records}, the number of records and of distinct event ids of the plan on ent.provisioning.v1 (a record
     * sent twice by the at-least-once relay has the same id: not part of the state).
     */
    Snapshot snapshot(Plan plan, Pipeline pipeline) throws SQLException {
        Map<UUID, Integer> index = new HashMap<>();
        for (int i = 0; i < classes; i++) {
            index.put(plan.projects().get(i), i);
        }
        Map<String, Integer> communeOf = new HashMap<>();
        for (int c = 0; c < communes; c++) {
            communeOf.put(plan.sirens().get(c), c);
        }
        Map<Integer, Map<String, Object>> byClass = new TreeMap<>();
        for (int i = 0; i < classes; i++) {
            byClass.put(i, new TreeMap<>());
        }
        for (Map<String, Object> r : db.rows(Service.PROVISIONING, "SELECT project_id, status, member_id, access_start_date, "
                + "deployed_on, reasons FROM class_deployment WHERE project_id = ANY(?)", plan.projectArray())) {
            Map<String, Object> c = byClass.get(index.get((UUID) r.get("project_id")));
            c.put("status", r.get("status"));
            c.put("member", "commune " + communeOf.get((String) r.get("member_id")));
            c.put("accessStart", String.valueOf(r.get("access_start_date")));
            c.put("deployedOn", String.valueOf(r.get("deployed_on")));
            c.put("reasons", r.get("reasons"));
        }
        for (Map<String, Object> r : db.rows(Service.PROVISIONING, "SELECT project_id, role, state, count(*) AS n FROM account "
                + "WHERE project_id = ANY(?) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3", plan.projectArray())) {
            byClass.get(index.get((UUID) r.get("project_id"))).merge("accounts",
                    r.get("role") + "/" + r.get("state") + "×" + r.get("n"), (a, b) -> a + ", " + b);
        }
        for (Map<String, Object> r : db.rows(Service.PROVISIONING, "SELECT project_id, resource_code, quantity, unit_price, state "
                + "FROM licence WHERE project_id = ANY(?) ORDER BY 1, 2", plan.projectArray())) {
            byClass.get(index.get((UUID) r.get("project_id"))).merge("licences", r.get("resource_code") + "×" + r.get("quantity")
                    + "@" + r.get("unit_price") + " " + r.get("state"), (a, b) -> a + ", " + b);
        }
        for (Map<String, Object> r : db.rows(Service.BILLING, "SELECT project_id, member_id, school_year, school_level, students, "
                + "access_start, access_end FROM class_access WHERE project_id = ANY(?)", plan.projectArray())) {
            byClass.get(index.get((UUID) r.get("project_id"))).merge("billing", "commune " + communeOf.get((String) r.get("member_id"))
                    + " " + r.get("school_year") + " " + r.get("school_level") + " " + r.get("students") + " students from "
                    + r.get("access_start") + (r.get("access_end") != null ? " to " + r.get("access_end") : ""),
                    (a, b) -> a + " | " + b);
        }
        for (Map<String, Object> r : db.rows(Service.PROJECT_VALIDATION, "SELECT project_id, deployed_on, access_ended_on "
                + "FROM class_deployment WHERE project_id = ANY(?)", plan.projectArray())) {
            byClass.get(index.get((UUID) r.get("project_id"))).put("projectValidation", "deployed " + r.get("deployed_on")
                    + (r.get("access_ended_on") != null ? ", ended " + r.get("access_ended_on") : ""));
        }

        Map<Integer, Map<String, Set<String>>> idsByType = new HashMap<>();
        Map<Integer, List<JsonNode>> accessStarted = new HashMap<>();
        long records = 0;
        Set<String> distinct = new HashSet<>();
        for (Pipeline.Event e : pipeline.read(Events.PROVISIONING)) {
            Integer i;
            try {
                i = index.get(UUID.fromString(e.subject()));
            } catch (IllegalArgumentException notAProject) {
                continue;
            }
            if (i == null) {
                continue;
            }
            records++;
            distinct.add(e.id());
            String type = e.type().replace("fr.ent.provisioning.", "").replace(".v1", "");
            if (e.data().has("resourceCode")) {
                type += ":" + e.data().path("resourceCode").asText();
            }
            if (idsByType.computeIfAbsent(i, k -> new TreeMap<>()).computeIfAbsent(type, k -> new HashSet<>()).add(e.id())
                    && type.equals("access-started")) {
                accessStarted.computeIfAbsent(i, k -> new ArrayList<>()).add(e.data());
            }
        }
        Map<Integer, Integer> firstAccessEvents = new TreeMap<>();
        for (int i = 0; i < classes; i++) {
            Map<String, Object> c = byClass.get(i);
            Map<String, Integer> counts = new TreeMap<>();
            idsByType.getOrDefault(i, Map.of()).forEach((type, set) -> counts.put(type, set.size()));
            c.put("events", counts);
            for (JsonNode a : accessStarted.getOrDefault(i, List.of())) {
                c.merge("accessStartedEvent", a.path("accessStartDate").asText() + " " + a.path("students").asInt() + " students "
                        + a.path("schoolLevel").asText(), (x, y) -> x + " | " + y);
                if (a.path("firstAccessForMember").asBoolean()) {
                    firstAccessEvents.merge(plan.commune(i), 1, Integer::sum);
                }
            }
        }
        Map<Integer, Map<String, Object>> byCommune = new TreeMap<>();
        for (int c = 0; c < communes; c++) {
            byCommune.put(c, new TreeMap<>(Map.of("firstAccessForMemberEvents", firstAccessEvents.getOrDefault(c, 0))));
        }
        for (Map<String, Object> r : db.rows(Service.PROVISIONING, "SELECT member_id, first_access_date, first_project_id "
                + "FROM member_access WHERE member_id = ANY(?)", plan.sirenArray())) {
            int c = communeOf.get((String) r.get("member_id"));
            Integer first = index.get((UUID) r.get("first_project_id"));
            byCommune.get(c).put("firstAccess", r.get("first_access_date") + " on "
                    + (first != null && plan.commune(first) == c ? "one of its classes" : "class " + first));
        }
        Map<String, Map<String, Object>> state = new TreeMap<>();
        byClass.forEach((i, c) -> state.put(plan.classKey(i), c));
        byCommune.forEach((c, m) -> state.put(communeKey(c), m));
        return new Snapshot(state, records, distinct.size());
    }

    static String communeKey(int c) {
        return String.format("commune %02d", c);
    }

    /** The normalised state (per class, per commune) and the plan's records / distinct events on ent.provisioning.v1. */
    record Snapshot(Map<String, Map<String, Object>> state, long records, long distinctEvents) {
    }

    /**
     * What every roll-out must show whatever the fault (also checked on the reference): per class DEPLOYED for its
     * commune with 1 teacher and 25 student accounts pending activation, a licence of 25 per requested resource of
     * the catalogue at its price (none for the resource not in it), each provisioning event once (one event id per
     * type and resource) among them exactly one access-started whose date is the deployment date, the class known to
     * billing (25 students) and project-validation; per commune one first access. Returns the failures (empty: right).
     */
    List<String> expected(Plan plan, Snapshot s) {
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < classes; i++) {
            Map<String, Object> c = s.state().getOrDefault(plan.classKey(i), Map.of());
            Map<String, Object> must = new TreeMap<>();
            must.put("status", "DEPLOYED");
            must.put("member", "commune " + plan.commune(i));
            must.put("accounts", "STUDENT/PENDING_ACTIVATION×25, TEACHER/PENDING_ACTIVATION×1");
            must.put("accessStart", "2026-10-05");
            must.put("deployedOn", "2026-10-05");
            must.put("accessStartedEvent", "2026-10-05 " + STUDENTS + " students ECOLE");
            must.put("billing", "commune " + plan.commune(i) + " " + YEAR + " ECOLE " + STUDENTS + " students from 2026-10-05");
            must.put("projectValidation", "deployed 2026-10-05");
            must.put("licences", String.join(", ", plan.requested(i).stream().filter(CATALOGUE::containsKey).sorted()
                    .map(r -> r + "×25@" + CATALOGUE.get(r) + " ASSIGNED").toList()));
            Map<String, Integer> events = new TreeMap<>(Map.of("access-started", 1, "accounts-provisioned", 1, "class-deployed", 1));
            plan.requested(i).stream().filter(CATALOGUE::containsKey).forEach(r -> events.put("licences-assigned:" + r, 1));
            must.put("events", events);
            for (Map.Entry<String, Object> m : must.entrySet()) {
                if (!m.getValue().equals(c.get(m.getKey()))) {
                    wrong.add(plan.classKey(i) + ": " + m.getKey() + " = " + c.get(m.getKey()) + ", expected " + m.getValue());
                }
            }
        }
        for (int c = 0; c < communes; c++) {
            Map<String, Object> m = s.state().getOrDefault(communeKey(c), Map.of());
            if (!"2026-10-05 on one of its classes".equals(m.get("firstAccess")) || !Integer.valueOf(1).equals(m.get("firstAccessForMemberEvents"))) {
                wrong.add(communeKey(c) + ": " + m + ", expected one first access (2026-10-05, one of its classes, one event)");
            }
        }
        return wrong;
    }

    /** The keys whose normalised state differs from the reference's (at most {@code limit} of them, with both sides). */
    static List<String> differences(Snapshot reference, Snapshot actual, int limit) {
        List<String> diff = new ArrayList<>();
        Set<String> keys = new TreeSet<>(reference.state().keySet());
        keys.addAll(actual.state().keySet());
        for (String k : keys) {
            Map<String, Object> r = reference.state().get(k);
            Map<String, Object> a = actual.state().get(k);
            if (!Objects.equals(r, a)) {
                diff.add(k + ": undisturbed " + r + " ≠ " + a);
            }
        }
        if (diff.size() > limit) {
            int more = diff.size() - limit;
            List<String> cut = new ArrayList<>(diff.subList(0, limit));
            cut.add("… " + more + " more");
            return cut;
        }
        return diff;
    }

    private String projectValidated(UUID projectId, String uai, String label, List<String> resources) {
        try {
            String event = Http.JSON.writeValueAsString(Map.of("specversion", "1.0", "id", UUID.randomUUID().toString(),
                    "source", "/ent/project-validation-service", "type", "fr.ent.projects.project-validated.v1",
                    "subject", projectId.toString(), "time", Instant.now().toString(), "datacontenttype", "application/json",
                    "data", Map.ofEntries(Map.entry("projectId", projectId.toString()), Map.entry("schoolUai", uai),
                            Map.entry("circonscriptionCode", "0801"), Map.entry("teacherId", "enseignant-" + label),
                            Map.entry("classLabel", label),
                            Map.entry("levels", List.of("CM1")), Map.entry("schoolYear", YEAR),
                            Map.entry("students", STUDENTS), Map.entry("requestedResources", resources),
                            Map.entry("validatedBy", "ien-campagne"), Map.entry("validatedOn", "2026-10-01"))));
            if (!checkedSchema) {
                EventContracts.assertConforms(event, "fr.ent.projects.project-validated.v1");
                checkedSchema = true;
            }
            return event;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static double seconds(long nanos) {
        return Math.round(nanos / 1e7) / 100.0;
    }
}
