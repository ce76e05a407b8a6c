package fr.somme.ent.bench;

import java.util.Locale;

/** How each row's figures are written in the table (and its numbers in the JSON), with its target. */
final class Rows {

    private static final long SECOND = 1_000_000_000L;
    private static final long MS = 1_000_000L;

    private Rows() {
    }

    static RollOut.Result rollOut(Report.Row row, RollOut.Result r) {
        row.measured = Report.secs(r.nanos()) + " ≈ " + Report.perSecond(r.accountsPerSecond(), "accounts");
        row.limit = "INSERT … SELECT of the same " + String.format(Locale.ROOT, "%,d", r.accounts()) + " account rows: "
                + Report.secs(r.limitNanos()) + " ≈ " + Report.perSecond(r.limitPerSecond(), "rows");
        double ratio = r.accountsPerSecond() / r.limitPerSecond();
        row.ratio = Report.percent(ratio);
        row.target = "≥ 50 %, ≤ 5 s end to end";
        row.met = ratio >= 0.5 && r.nanos() <= 5 * SECOND;
        row.put("classes", r.classes()).put("accounts", r.accounts()).put("seconds", r.nanos() / 1e9)
                .put("accountsPerSecond", r.accountsPerSecond()).put("limitSeconds", r.limitNanos() / 1e9)
                .put("limitRowsPerSecond", r.limitPerSecond()).put("ratio", ratio).put("instances", r.instances());
        return r;
    }

    static void scaling(Report.Row row, RollOut.Result one, RollOut.Result two) {
        rollOut(row, two);
        row.measured = "2 instances: " + row.measured;
        if (one != null) {
            row.measured += "; 1 instance (a): " + Report.secs(one.nanos()) + " ≈ "
                    + Report.perSecond(one.accountsPerSecond(), "accounts");
            row.put("speedUpOverOneInstance", two.accountsPerSecond() / one.accountsPerSecond());
        }
    }

    static void decision(Report.Row row, long[] sorted) {
        long p50 = Report.quantile(sorted, 0.5);
        long p99 = Report.quantile(sorted, 0.99);
        long max = sorted[sorted.length - 1];
        row.measured = "p50 " + Report.ms(p50) + ", p99 " + Report.ms(p99) + ", max " + Report.ms(max);
        row.target = "p99 ≤ 300 ms";
        row.met = p99 <= 300 * MS;
        row.put("tries", sorted.length).put("p50Ms", p50 / 1e6).put("p99Ms", p99 / 1e6).put("maxMs", max / 1e6);
    }

    static void rest(Report.Row row, RestReads.Result r) {
        row.figure = r.figure() + ", closed loop, " + RestReads.CONNECTIONS + " connections";
        LoadGenerator.Result read = r.read();
        LoadGenerator.Result health = r.health();
        row.measured = Report.perSecond(read.perSecond(), "req") + ", p99 " + Report.ms(read.p99());
        row.limit = "/q/health/live of the same service: " + Report.perSecond(health.perSecond(), "req") + ", p99 "
                + Report.ms(health.p99());
        double ratio = read.perSecond() / health.perSecond();
        row.ratio = Report.percent(ratio);
        row.target = "≥ 50 % of health, p99 ≤ 20 ms";
        row.met = ratio >= 0.5 && read.p99() <= 20 * MS;
        row.put("requests", read.requests()).put("perSecond", read.perSecond()).put("p50Ms", read.p50() / 1e6)
                .put("p99Ms", read.p99() / 1e6).put("maxMs", read.max() / 1e6)
                .put("healthPerSecond", health.perSecond()).put("healthP99Ms", health.p99() / 1e6).put("ratio", ratio);
    }

    static void ingest(Report.Row row, BillingScale.Ingest r) {
        row.measured = String.format(Locale.ROOT, "%,d", r.events()) + " in " + Report.secs(r.nanos()) + " ≈ "
                + Report.perSecond(r.perSecond(), "events");
        row.limit = "the broker, produce + consume of the same records: " + Report.secs(r.broker().nanos()) + " ≈ "
                + Report.perSecond(r.broker().perSecond(), "records");
        double ratio = r.perSecond() / r.broker().perSecond();
        row.ratio = Report.percent(ratio);
        row.target = "≥ 5,000/s";
        row.met = r.perSecond() >= 5_000;
        row.put("events", r.events()).put("seconds", r.nanos() / 1e9).put("perSecond", r.perSecond())
                .put("brokerSeconds", r.broker().nanos() / 1e9).put("brokerPerSecond", r.broker().perSecond())
                .put("ratio", ratio);
    }

    static void simulation(Report.Row row, BillingScale.Simulation s, Size size) {
        long median = Report.quantile(s.nanos(), 0.5);
        long max = s.nanos()[s.nanos().length - 1];
        row.measured = Report.secs(median) + (s.nanos().length > 1 ? " (median of " + s.nanos().length + ", max "
                + Report.secs(max) + ")" : "") + "; " + s.calls() + " calls summing to the pool " + s.pool() + " €";
        row.target = "≤ 2 s";
        row.met = median <= 2 * SECOND;
        row.put("medianSeconds", median / 1e9).put("maxSeconds", max / 1e9).put("calls", s.calls())
                .put("students", s.students()).put("pool", s.pool()).put("expenseLines", size.expenseLines());
    }

    static void footprint(Report.Row row, Footprint.Figures f, Footprint.Figures minimal) {
        row.measured = Report.secs(f.startNanos()) + "; " + f.rssIdleMb() + " MB / " + f.rssAfterLoadMb() + " MB";
        row.limit = "minimal Quarkus REST app: " + Report.secs(minimal.startNanos()) + "; " + minimal.rssIdleMb() + " MB / "
                + minimal.rssAfterLoadMb() + " MB";
        double ratio = minimal.startNanos() / (double) f.startNanos();
        row.ratio = Report.percent(ratio) + " (start)";
        row.target = "≤ 3 s, ≤ 300 MB after load";
        row.met = f.startNanos() <= 3 * SECOND && f.rssAfterLoadMb() <= 300;
        row.put("startSeconds", f.startNanos() / 1e9).put("rssIdleMb", f.rssIdleMb())
                .put("rssAfterLoadMb", f.rssAfterLoadMb()).put("minimalStartSeconds", minimal.startNanos() / 1e9)
                .put("minimalRssIdleMb", minimal.rssIdleMb()).put("minimalRssAfterLoadMb", minimal.rssAfterLoadMb());
    }
}
