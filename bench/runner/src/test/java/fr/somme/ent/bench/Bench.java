package fr.somme.ent.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.somme.ent.bench.Suite.Service;

/**
 * The benchmark of docs/performance.md: starts the packaged suite, runs rows a–g in order (a roll-out, b decision →
 * deployed, g roll-out with two provisioning instances, d + e billing at scale, c REST reads, f footprint: after the
 * load), each checking its answers, then prints the table and writes target/bench/bench-&lt;size&gt;.json.
 */
final class Bench {

    /** A row's body; may throw: the row is then a wrong answer, the run goes on and fails at the end. */
    interface Body {
        void run(Report.Row row) throws Exception;
    }

    private final Path root;
    private final Size size;
    private final Report report;
    private final Set<String> selected;

    /** {@code rows}: the ids of the rows to run ("a,b,c"), or "all". */
    Bench(Path root, Size size, String rows) {
        this.root = root;
        this.size = size;
        this.report = new Report(size.name());
        this.selected = "all".equals(rows) ? Set.of("a", "b", "c", "d", "e", "f", "g") : Set.of(rows.split(","));
        report.with("rows", selected);
    }

    Report run() throws Exception {
        try (Suite suite = new Suite(root, root.resolve("target/bench/logs"))) {
            long t0 = System.nanoTime();
            suite.start();
            report.with("jvmOptions", suite.jvmOptions()).with("suiteStartSeconds", (System.nanoTime() - t0) / 1e9);
            log("suite started in " + Report.secs(System.nanoTime() - t0) + ", JVM options " + suite.jvmOptions());
            try (Events events = new Events(suite.kafka())) {
                rows(suite, events);
            }
        }
        return report;
    }

    private void rows(Suite suite, Events events) throws Exception {
        RollOut rollOut = new RollOut(suite, events, size);
        RollOut.Result[] one = new RollOut.Result[1];
        attempt("a", "roll-out: " + size.classes() + " validated classes of " + size.communes() + " communes, 25 students "
                + "each → " + size.classes() * 26 + " accounts, all DEPLOYED (adhesions published, 1 provisioning instance)",
                row -> one[0] = Rows.rollOut(row, rollOut.run(1)));
        DecisionLatency decisions = new DecisionLatency(suite, events);
        attempt("b", "IEN decision (REST, project-validation) → class DEPLOYED (REST, provisioning), idle suite, "
                + size.decisionTries() + " tries", row -> Rows.decision(row, decisions.run(size.decisionTries())));
        attempt("g", "scaling out: roll-out (a) again with 2 provisioning instances in the same consumer group",
                row -> {
                    int members = Footprint.awaitGroup(suite.kafka(), "provisioning-service", 0);
                    suite.addInstance(Service.PROVISIONING);
                    Footprint.awaitGroup(suite.kafka(), "provisioning-service", members * 2);
                    try {
                        Rows.scaling(row, one[0], rollOut.run(2));
                    } finally {
                        List<Suite.Instance> all = suite.all(Service.PROVISIONING);
                        suite.stop(all.remove(all.size() - 1));
                    }
                });
        BillingScale billing = new BillingScale(suite, events, size);
        attempt("d", "billing: access-started events ingested (" + size.billingClasses() + " classes of "
                + size.billingMembers() + " members, published to ent.provisioning.v1)",
                row -> Rows.ingest(row, billing.ingest()));
        attempt("e", "billing: period simulation, " + size.billingMembers() + " members / " + size.billingClasses() * 25L
                + " students (" + size.billingClasses() + " classes) / " + size.expenseLines() + " expense lines",
                row -> {
                    billing.budget();
                    Rows.simulation(row, billing.simulate(), size);
                });
        RestReads reads = new RestReads(suite, size);
        attempt("c", "REST reads: set-up", row -> {
            reads.setUp();
            report.rows().remove(row);
            restRow("membership", reads::membership);
            if (one[0] != null) {
                restRow("provisioning", () -> reads.provisioning(Ids.siren(100_000),
                        (int) Math.ceil(size.classes() / (double) size.communes())));
            }
            if (decisions.lastProject() != null) {
                restRow("project-validation", () -> reads.projects(decisions.lastProject()));
            }
            restRow("billing", () -> reads.billing(BillingScale.YEAR, billing.paidExpenses()));
        });
        Footprint footprint = new Footprint(suite, size);
        attempt("f", "start → ready and RSS, each service", row -> {
            report.rows().remove(row);
            Footprint.Figures minimal = footprint.minimalApp();
            for (Map.Entry<Service, Footprint.Figures> e : footprint.services().entrySet()) {
                Rows.footprint(report.row("f", e.getKey().module + ": start → ready (migrated database); RSS idle / "
                        + "after the run's load"), e.getValue(), minimal);
            }
        });
    }

    /** A row of c; a wrong answer is recorded in its own row. */
    private void restRow(String what, java.util.concurrent.Callable<RestReads.Result> read) {
        Report.Row row = report.row("c", what);
        try {
            Rows.rest(row, read.call());
        } catch (Exception | AssertionError e) {
            fail(row, e);
        }
    }

    private void attempt(String id, String figure, Body body) {
        if (!selected.contains(id)) {
            return;
        }
        Report.Row row = report.row(id, figure);
        log("row " + id + ": " + figure);
        long t0 = System.nanoTime();
        try {
            body.run(row);
        } catch (Exception | AssertionError e) {
            fail(row, e);
        }
        log("row " + id + " done in " + Report.secs(System.nanoTime() - t0));
    }

    private static void fail(Report.Row row, Throwable e) {
        row.failure = e.getClass().getSimpleName() + ": " + e.getMessage();
        System.out.println("[bench] row " + row.id + " FAILED");
        e.printStackTrace(System.out);
    }

    static void log(String line) {
        System.out.println("[bench] " + line);
    }
}
