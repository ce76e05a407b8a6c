package fr.somme.ent.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.SerializationFeature;

import fr.somme.ent.bench.FaultRollOut.Plan;
import fr.somme.ent.bench.FaultRollOut.Snapshot;
import fr.somme.ent.bench.Suite.Service;
import fr.somme.ent.testsupport.Tokens;

/**
 * The fault-injection campaign of docs/reliability.md (issue #14 point 8), run by scripts/faults.sh: one start of the
 * four packaged services (their own databases {@code *_faults}, a broker of their own that survives a stop), an
 * undisturbed roll-out as the reference, then one fault per scenario, each on ids of its own:
 * <ol>
 * <li>the Kafka broker stopped 30 s in the middle of a roll-out;</li>
 * <li>provisioning-service killed (SIGKILL) in the middle of a roll-out and started again;</li>
 * <li>billing-service killed during a period computation (see {@link PeriodKill});</li>
 * <li>PostgreSQL restarted ({@code pg_ctlcluster <version> <cluster> restart}) in the middle of a roll-out, under REST
 * load (last: it restarts the machine's shared PostgreSQL).</li>
 * </ol>
 * After each fault it waits until the pipeline is settled (every service ready, every class deployed and known to
 * billing and project-validation, every outbox drained, every consumer group caught up: the recovery time), then checks
 * the final state against the absolute expectations and against the reference, nothing parked, no DLQ record.
 * The table is printed and written to target/faults/faults.json and faults.md (and into docs/reliability.md between
 * its markers with {@code -Dfaults.doc=true}).
 */
final class FaultCampaign {

    static final String DOC_BEGIN = "<!-- faults:run:begin -->";
    static final String DOC_END = "<!-- faults:run:end -->";

    /** One line of the table. */
    static final class Outcome {
        final String id;
        final String fault;
        String when = "—";
        String recovery = "—";
        final List<String> checked = new ArrayList<>();
        final List<String> failures = new ArrayList<>();
        final Map<String, Object> figures = new LinkedHashMap<>();

        Outcome(String id, String fault) {
            this.id = id;
            this.fault = fault;
        }

        String result() {
            return failures.isEmpty() ? "PASS" : "FAIL: " + String.join("; ", failures);
        }

        /** A failure on one line, cut to 600 characters (the whole text is in the console and progress.log). */
        void failure(String text) {
            String line = text.replaceAll("\\s+", " ");
            failures.add(line.length() > 600 ? line.substring(0, 600) + " …" : line);
        }
    }

    private final Path root;
    private final Path out;
    private final int classes = Integer.getInteger("faults.classes", 200);
    private final int communes = Integer.getInteger("faults.communes", 40);
    private final Duration pace = Duration.ofMillis(Integer.getInteger("faults.paceMs", 250));
    private final Duration brokerDown = Duration.ofSeconds(Integer.getInteger("faults.brokerDownSeconds", 30));
    private final int billingMembers = Integer.getInteger("faults.billingMembers", 3000);
    private final Set<String> scenarios;
    private final List<Outcome> outcomes = new ArrayList<>();
    private final Map<String, Object> run = new LinkedHashMap<>();

    private DurableBroker broker;
    private Suite suite;
    private Db db;
    private Pipeline pipeline;
    private FaultRollOut rollOut;

    FaultCampaign(Path root, String scenarios) {
        this.root = root;
        this.out = root.resolve("target/faults");
        this.scenarios = new TreeSet<>("all".equals(scenarios) ? Set.of("1", "2", "3", "4") : Set.of(scenarios.split(",")));
    }

    List<Outcome> outcomes() {
        return outcomes;
    }

    boolean anyFailed() {
        return outcomes.stream().anyMatch(o -> !o.failures.isEmpty());
    }

    void run() throws Exception {
        long started = System.nanoTime();
        run.put("startedAt", Instant.now().toString());
        run.put("nproc", Runtime.getRuntime().availableProcessors());
        run.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        run.put("scenarios", scenarios);
        run.put("rollOut", classes + " classes of " + communes + " communes, 25 students each, one adhesion every "
                + pace.toMillis() + " ms");
        run.put("billingMembers", billingMembers);
        broker = new DurableBroker(out.resolve("kafka"));
        try (DurableBroker b = broker) {
            broker.start();
            suite = new Suite(root, out.resolve("logs"), broker.bootstrapServers(), "_faults");
            try (Suite s = suite; Db d = new Db(suite); Events events = new Events(broker.bootstrapServers())) {
                db = d;
                long t0 = System.nanoTime();
                suite.start();
                run.put("suiteStartSeconds", FaultRollOut.seconds(System.nanoTime() - t0));
                run.put("jvmOptions", suite.jvmOptions());
                log("suite started in " + run.get("suiteStartSeconds") + " s, JVM options " + suite.jvmOptions());
                pipeline = new Pipeline(broker.bootstrapServers(), db);
                rollOut = new FaultRollOut(suite, events, db, classes, communes, pace);
                rollOut.catalogue();
                Snapshot reference = rollOutScenario("0", "none: the reference roll-out, undisturbed", null, null);
                if (scenarios.contains("1")) {
                    rollOutScenario("1", "Kafka broker stopped " + brokerDown.toSeconds() + " s (clean shutdown, its log "
                            + "kept), then started again on the same port", this::stopTheBroker, reference);
                }
                if (scenarios.contains("2")) {
                    rollOutScenario("2", "provisioning-service killed with SIGKILL, then started again (same port, same "
                            + "database)", this::killProvisioning, reference);
                }
                if (scenarios.contains("3")) {
                    periodScenario(events);
                }
                if (scenarios.contains("4")) {
                    postgresScenario(reference);
                }
                run.put("dlqRecordsAtTheEnd", pipeline.dlqRecords());
            }
        }
        run.put("finishedAt", Instant.now().toString());
        run.put("totalSeconds", FaultRollOut.seconds(System.nanoTime() - started));
    }

    // ---- scenarios ----

    /** A roll-out with {@code fault} at half-way (none: the reference); returns its normalised final state. */
    private Snapshot rollOutScenario(String id, String what, FaultRollOut.Fault fault, Snapshot reference) {
        Outcome o = new Outcome(id, what);
        outcomes.add(o);
        log("scenario " + id + ": " + what);
        Snapshot snapshot = null;
        try {
            long dlqBefore = Pipeline.total(pipeline.dlqRecords());
            Plan plan = rollOut.plan(Integer.parseInt(id));
            Map<String, Object> figures = rollOut.run(plan, fault);
            long faultEnd = (long) figures.remove("faultEndNanos");
            o.figures.putAll(figures);
            if (fault != null) {
                o.when = "at " + figures.get("faultAtDeployed") + "/" + classes + " classes DEPLOYED, "
                        + figures.get("faultAtSeconds") + " s into the roll-out (" + figures.get("faultAtAdhesionsPublished")
                        + "/" + communes + " adhesions published)";
            }
            double settled = settle(plan, faultEnd, o);
            o.recovery = fault == null ? "roll-out settled in " + settled + " s" : settled + " s after the fault ended";
            snapshot = check(plan, o, reference, dlqBefore);
        } catch (Exception | AssertionError e) {
            fail(o, e);
        }
        log("scenario " + id + ": " + o.result());
        return snapshot;
    }

    private void stopTheBroker(Plan plan, Map<String, Object> figures) throws InterruptedException {
        long t0 = System.nanoTime();
        long[] peak = {0};
        try (RestLoad load = new RestLoad(restTargets(plan.sirens().get(0)), Duration.ofMillis(500))) {
            broker.stop();
            long stopped = System.nanoTime();
            figures.put("brokerStopSeconds", FaultRollOut.seconds(stopped - t0));
            Poll.observe(brokerDown, Duration.ofSeconds(1), () -> {
                try {
                    peak[0] = Math.max(peak[0], pipeline.outbox(Service.PROVISIONING).pending());
                    figures.put("deployedWhenTheBrokerCameBack", rollOut.count(plan, "DEPLOYED"));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            long starting = System.nanoTime();
            figures.put("brokerDownSeconds", FaultRollOut.seconds(starting - stopped));
            broker.start();
            figures.put("brokerStartSeconds", FaultRollOut.seconds(System.nanoTime() - starting));
            figures.put("restAnswersWhileTheBrokerWasDown", load.answers());
        }
        figures.put("provisioningOutboxPendingPeakDuringTheOutage", peak[0]);
    }

    /**
     * The REST load of scenarios 1 and 4: a read of provisioning (the commune's classes, operator), a read of billing
     * (the budget, finance), provisioning's readiness probe with the timeout of deploy/'s probes (10 s).
     */
    private Map<String, Supplier<HttpRequest>> restTargets(String siren) {
        String operator = Tokens.operator();
        String finance = Tokens.of("finance-pannes", "finance").sign();
        Map<String, Supplier<HttpRequest>> targets = new LinkedHashMap<>();
        targets.put("provisioning GET /members/{id}/classes", () -> HttpRequest.newBuilder(URI.create(
                suite.url(Service.PROVISIONING) + "/members/" + siren + "/classes?size=500")).header("Authorization", "Bearer " + operator)
                .timeout(Duration.ofSeconds(10)).GET().build());
        targets.put("billing GET /budgets/2026-2027", () -> HttpRequest.newBuilder(URI.create(suite.url(Service.BILLING)
                + "/budgets/2026-2027")).header("Authorization", "Bearer " + finance).timeout(Duration.ofSeconds(10)).GET().build());
        targets.put("provisioning readiness (10 s timeout)", () -> HttpRequest.newBuilder(URI.create(
                suite.managementUrl(Service.PROVISIONING) + "/q/health/ready")).timeout(Duration.ofSeconds(10)).GET().build());
        return targets;
    }

    private void killProvisioning(Plan plan, Map<String, Object> figures) throws Exception {
        suite.kill(Service.PROVISIONING);
        figures.put("deployedAfterTheKill", rollOut.count(plan, "DEPLOYED"));
        Duration ready = suite.relaunch(Service.PROVISIONING);
        figures.put("restartToReadySeconds", FaultRollOut.seconds(ready.toNanos()));
    }

    private void periodScenario(Events events) {
        Outcome o = new Outcome("3", "billing-service killed with SIGKILL during a period computation ("
                + billingMembers + " members), then started again and the computation sent again");
        outcomes.add(o);
        log("scenario 3: " + o.fault);
        try {
            long dlqBefore = Pipeline.total(pipeline.dlqRecords());
            PeriodKill period = new PeriodKill(suite, events, db, billingMembers);
            long t0 = System.nanoTime();
            period.setUp();
            o.figures.put("setUpSeconds", FaultRollOut.seconds(System.nanoTime() - t0));
            period.run(o.figures).forEach(o::failure);
            o.when = o.figures.get("killedAfterMs") + " ms after POST /periods/" + PeriodKill.KILLED_YEAR
                    + "/computation was sent: " + o.figures.get("killedWhile");
            long settleFrom = System.nanoTime();
            awaitPipeline(o);
            o.recovery = "ready " + o.figures.get("restartToReadySeconds") + " s after the restart; recomputed in "
                    + o.figures.get("recomputationSeconds") + " s";
            o.figures.put("pipelineSettledSeconds", FaultRollOut.seconds(System.nanoTime() - settleFrom));
            o.checked.add("no half-written computation visible (REST, DB)");
            o.checked.add("recomputed calls = undisturbed computation of the same figures (" + PeriodKill.REFERENCE_YEAR
                    + "), member by member to the cent, " + billingMembers + " calls, Σ = pool " + period.pool().toPlainString()
                    + " €");
            pipelineChecks(o, dlqBefore);
        } catch (Exception | AssertionError e) {
            fail(o, e);
        }
        log("scenario 3: " + o.result());
    }

    private void postgresScenario(Snapshot reference) {
        String[] cluster;
        try {
            cluster = postgresCluster();
        } catch (Exception e) {
            Outcome o = new Outcome("4", "PostgreSQL restarted under load");
            outcomes.add(o);
            fail(o, e);
            return;
        }
        String siren = Ids.siren(3_000_000 + 10_000 * 4);
        Map<String, Supplier<HttpRequest>> targets = restTargets(siren);
        try (RestLoad load = new RestLoad(targets, Duration.ofMillis(50))) {
            rollOutScenario("4", "PostgreSQL restarted (pg_ctlcluster " + cluster[0] + " " + cluster[1] + " restart) under "
                    + "REST load (2 reads and provisioning's readiness probe, each every 50 ms)", (plan, figures) -> {
                        long t0 = System.nanoTime();
                        Process p = new ProcessBuilder("pg_ctlcluster", cluster[0], cluster[1], "restart")
                                .redirectErrorStream(true).start();
                        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                            throw new IllegalStateException("pg_ctlcluster restart failed: " + output);
                        }
                        figures.put("postgresRestartSeconds", FaultRollOut.seconds(System.nanoTime() - t0));
                    }, reference);
            outcomes.get(outcomes.size() - 1).figures.put("restAnswersDuringTheScenario", load.answers());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Outcome o = outcomes.get(outcomes.size() - 1);
        // After recovery every read answers again: checked, unlike the answers during the restart (a figure).
        try {
            Http.get(suite.url(Service.PROVISIONING) + "/members/" + siren + "/classes?size=500", Tokens.operator());
            Http.get(suite.url(Service.BILLING) + "/budgets/2026-2027", Tokens.of("finance-pannes", "finance").sign());
            o.checked.add("REST reads 200 again");
        } catch (RuntimeException e) {
            o.failure("a REST read still fails after recovery: " + e.getMessage());
        }
    }

    /** {version, cluster} of the PostgreSQL cluster on the port the services use (Debian's pg_lsclusters). */
    private static String[] postgresCluster() throws IOException, InterruptedException {
        String port = System.getenv().getOrDefault("ENT_TEST_DB_PORT", "5432");
        Process p = new ProcessBuilder("pg_lsclusters", "--no-header").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        for (String line : output.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[2].equals(port) && f[3].equals("online")) {
                return new String[] {f[0], f[1]};
            }
        }
        throw new IllegalStateException("cannot restart PostgreSQL: no online cluster on port " + port + " in pg_lsclusters ("
                + output.strip() + "); the scenario needs Debian's postgresql-common and root");
    }

    // ---- settling and checks ----

    /**
     * Waits until the pipeline is settled after a fault ended at {@code fromNanos}: every service ready, every class of
     * the plan deployed and known to billing and project-validation, every outbox drained, every consumer group caught
     * up. Returns the seconds it took (the recovery).
     */
    private double settle(Plan plan, long fromNanos, Outcome o) {
        awaitReady(o, fromNanos);
        Poll.until("the " + classes + " classes DEPLOYED and known to billing and project-validation", Duration.ofMinutes(5),
                Duration.ofMillis(100), () -> rollOut.complete(plan));
        o.figures.put("allDeployedAndKnownAfterSeconds", FaultRollOut.seconds(System.nanoTime() - fromNanos));
        awaitPipeline(o);
        return FaultRollOut.seconds(System.nanoTime() - fromNanos);
    }

    private void awaitReady(Outcome o, long fromNanos) {
        for (Service s : Service.values()) {
            Poll.until(s.module + " ready", Duration.ofMinutes(3), Duration.ofMillis(100),
                    () -> readiness(s) == 200);
        }
        o.figures.put("allReadyAfterSeconds", FaultRollOut.seconds(System.nanoTime() - fromNanos));
    }

    private void awaitPipeline(Outcome o) {
        Poll.until("every outbox drained (no PENDING row)", Duration.ofMinutes(3), Duration.ofMillis(100),
                () -> pipeline.pendingEverywhere() == 0);
        Poll.until("every consumer group caught up", Duration.ofMinutes(3), Duration.ofMillis(500),
                () -> Pipeline.total(pipeline.lags()) == 0);
    }

    /** The checks after a roll-out; returns its normalised state. */
    private Snapshot check(Plan plan, Outcome o, Snapshot reference, long dlqBefore) throws Exception {
        o.checked.add(classes + "/" + classes + " DEPLOYED, 1 teacher + 25 students, licences (REST, DB)");
        restCheck(plan).forEach(o::failure);
        Snapshot s = rollOut.snapshot(plan, pipeline);
        List<String> wrong = rollOut.expected(plan, s);
        o.checked.add("each event type once per class on ent.provisioning.v1 (access-started ×1), billing and "
                + "project-validation: each class once, one first access per commune");
        if (!wrong.isEmpty()) {
            o.failure(wrong.size() + " classes/communes not as expected: " + String.join(" | ",
                    wrong.subList(0, Math.min(5, wrong.size()))));
        }
        o.figures.put("eventsOfTheRollOut", s.records() + " records, " + s.distinctEvents() + " distinct events ("
                + (s.records() - s.distinctEvents()) + " sent again by the at-least-once relay, skipped by consumers)");
        if (reference != null) {
            o.checked.add("final state = undisturbed roll-out's");
            List<String> diff = FaultRollOut.differences(reference, s, 5);
            if (!diff.isEmpty()) {
                o.failure("differs from the undisturbed roll-out: " + String.join(" | ", diff));
            }
        }
        pipelineChecks(o, dlqBefore);
        return s;
    }

    /** Every outbox drained with nothing parked, no new DLQ record, every group caught up, every service ready. */
    private void pipelineChecks(Outcome o, long dlqBefore) throws Exception {
        Map<Service, Pipeline.Outbox> outboxes = pipeline.outboxes();
        Map<String, String> shown = new LinkedHashMap<>();
        outboxes.forEach((s, ob) -> shown.put(s.module, ob.toString()));
        o.figures.put("outboxes", shown);
        o.checked.add("4 outboxes drained, 0 parked");
        outboxes.forEach((s, ob) -> {
            if (ob.pending() != 0 || ob.parked() != 0 || ob.discarded() != 0) {
                o.failure(s.module + "'s outbox: " + ob);
            }
        });
        Map<String, Long> dlq = pipeline.dlqRecords();
        long added = Pipeline.total(dlq) - dlqBefore;
        o.checked.add("0 DLQ record");
        if (added != 0) {
            o.failure(added + " record(s) sent to the DLQ topics during the scenario: " + dlq);
        }
        Map<String, Long> lags = pipeline.lags();
        o.figures.put("consumerLag", lags);
        o.figures.put("dlqRecords", dlq);
        o.checked.add("consumer lag 0");
        if (Pipeline.total(lags) != 0) {
            o.failure("consumer lag " + lags);
        }
        o.checked.add("4 services ready");
        for (Service s : Service.values()) {
            int status = readiness(s);
            if (status != 200) {
                o.failure(s.module + " readiness " + status);
            }
        }
    }

    /** Each commune's classes through REST as the operator: DEPLOYED, 1 teacher, 25 students, its licences. */
    private List<String> restCheck(Plan plan) {
        List<String> wrong = new ArrayList<>();
        int deployed = 0;
        for (int c = 0; c < plan.communes(); c++) {
            for (var k : Http.get(suite.url(Service.PROVISIONING) + "/members/" + plan.sirens().get(c) + "/classes?size=500",
                    Tokens.operator()).path("items")) {
                int i = plan.projects().indexOf(UUID.fromString(k.path("projectId").asText()));
                long licensed = i < 0 ? -1 : plan.requested(i).stream().filter(FaultRollOut.CATALOGUE::containsKey).count();
                if (i < 0 || !"DEPLOYED".equals(k.path("status").asText()) || k.path("teacherAccounts").asInt() != 1
                        || k.path("studentAccounts").asInt() != FaultRollOut.STUDENTS || k.path("licences").size() != licensed) {
                    wrong.add("REST shows " + k);
                } else {
                    deployed++;
                }
            }
        }
        if (deployed != classes) {
            wrong.add("REST shows " + deployed + " deployed classes of the roll-out, expected " + classes);
        }
        return wrong.size() > 3 ? wrong.subList(0, 3) : wrong;
    }

    private int readiness(Service s) {
        return readiness(s, Duration.ofSeconds(5));
    }

    /** The status of the service's readiness probe, -1 without an answer within {@code timeout}. */
    private int readiness(Service s, Duration timeout) {
        try {
            return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build().send(HttpRequest.newBuilder(
                    URI.create(suite.managementUrl(s) + "/q/health/ready")).timeout(timeout).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void fail(Outcome o, Throwable e) {
        o.failure(e.getClass().getSimpleName() + ": " + e.getMessage());
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        log("scenario " + o.id + " FAILED: " + trace);
    }

    /** On the console and, flushed at once, in target/faults/progress.log (to follow a run from another terminal). */
    void log(String line) {
        String stamped = "[faults] " + Instant.now() + " " + line;
        System.out.println(stamped);
        try {
            Files.createDirectories(out);
            Files.writeString(out.resolve("progress.log"), stamped + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.out.println("[faults] cannot write progress.log: " + e);
        }
    }

    // ---- report ----

    String table() {
        StringBuilder b = new StringBuilder();
        b.append("| # | fault | when | recovery | checked | result |\n|---|---|---|---|---|---|\n");
        for (Outcome o : outcomes) {
            b.append("| ").append(o.id).append(" | ").append(o.fault).append(" | ").append(o.when).append(" | ")
                    .append(o.recovery).append(" | ").append(String.join("; ", o.checked)).append(" | ")
                    .append(o.result().replace("|", "/")).append(" |\n");
        }
        return b.toString();
    }

    /** Each scenario's figures, one line each (for the console and the doc). */
    String figures() {
        StringBuilder b = new StringBuilder();
        for (Outcome o : outcomes) {
            b.append("- scenario ").append(o.id).append(": ");
            List<String> parts = new ArrayList<>();
            o.figures.forEach((k, v) -> parts.add(k + " = " + v));
            b.append(String.join(", ", parts)).append('\n');
        }
        return b.toString();
    }

    Path write() throws IOException {
        Files.createDirectories(out);
        Map<String, Object> doc = new LinkedHashMap<>(run);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Outcome o : outcomes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scenario", o.id);
            m.put("fault", o.fault);
            m.put("when", o.when);
            m.put("recovery", o.recovery);
            m.put("checked", o.checked);
            m.put("result", o.failures.isEmpty() ? "PASS" : "FAIL");
            m.put("failures", o.failures);
            m.put("figures", o.figures);
            lines.add(m);
        }
        doc.put("outcomes", lines);
        Path json = out.resolve("faults.json");
        Files.writeString(json, Http.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
        Files.writeString(out.resolve("faults.md"), markdown());
        if (Boolean.getBoolean("faults.doc")) {
            Path reliability = root.resolve("docs/reliability.md");
            String text = Files.readString(reliability);
            int begin = text.indexOf(DOC_BEGIN);
            int end = text.indexOf(DOC_END);
            if (begin < 0 || end < begin) {
                throw new IllegalStateException(reliability + " has no " + DOC_BEGIN + " … " + DOC_END + " block");
            }
            Files.writeString(reliability, text.substring(0, begin + DOC_BEGIN.length()) + "\n" + markdown()
                    + text.substring(end));
        }
        return json;
    }

    private String markdown() {
        return String.format(Locale.ROOT, "Run of %s (UTC), %s processors, %s; suite started in %s s; whole campaign %s s; "
                + "roll-outs of %s; scenario 3 with %s members. Result: **%s**.%n%n%s%nFigures:%n%n%s", run.get("startedAt"),
                run.get("nproc"), run.get("java"), run.get("suiteStartSeconds"), run.get("totalSeconds"), run.get("rollOut"),
                billingMembers, anyFailed() ? "FAILED" : "every check passed", table(), figures());
    }
}
