package fr.somme.ent.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

import fr.somme.ent.bench.Suite.Service;
import fr.somme.ent.testsupport.Tokens;

/**
 * Rows d and e, on school year 2025-2026 so that the other rows' classes (2026-2027) never enter its pro rata.
 * d: {@code member-registered} + {@code adhesion-effective} of every member (not timed, awaited in billing's
 * database), then, timed, one {@code access-started} per class published to ent.provisioning.v1 until billing's
 * class_access holds them all; limit: the broker's own produce + consume rate of the same records ({@link RawBroker}).
 * e: the expense lines through REST, then {@code GET /periods/2025-2026/simulation} as finance, checked to the cent
 * (pool = Σ expenses − FEDER, Σ shares = pool, one call per member, Σ students).
 */
final class BillingScale {

    static final String YEAR = "2025-2026";
    static final int STUDENTS = 25;
    static final long FEDER_CENTS = 100_000;

    /** Row d's figures. */
    record Ingest(int events, long nanos, RawBroker.Result broker) {
        double perSecond() {
            return events / (nanos / 1e9);
        }
    }

    /** Row e's figures: the sorted times of the simulations and what they showed. */
    record Simulation(long[] nanos, int calls, long students, String pool) {
    }

    private final Suite suite;
    private final Events events;
    private final Size size;
    private final List<String> members = new ArrayList<>();
    private long expensesCents;

    BillingScale(Suite suite, Events events, Size size) {
        this.suite = suite;
        this.events = events;
        this.size = size;
    }

    Ingest ingest() throws SQLException {
        LocalDate effective = LocalDate.of(2025, 7, 1);
        for (int m = 0; m < size.billingMembers(); m++) {
            String siren = Ids.siren(1_000_000 + m);
            members.add(siren);
            events.send(Events.MEMBERSHIP, siren, events.memberRegistered(siren, "COMMUNE " + m));
            events.send(Events.MEMBERSHIP, siren, events.adhesionEffective(siren, effective, YEAR,
                    List.of(new Events.School(Ids.uai(100_000 + m), 8, 200))));
        }
        events.flush();
        try (Connection db = suite.database(Service.BILLING)) {
            Wait.until("billing applied the " + members.size() + " adhesions", Duration.ofMinutes(30), Duration.ofMillis(200),
                    () -> count(db, "SELECT count(*) FROM membership_change WHERE change = 'ADHESION' AND member_id >= '210000000'")
                            == members.size());
            int classes = size.billingClasses();
            List<String> keys = new ArrayList<>(classes);
            List<String> values = new ArrayList<>(classes);
            for (int c = 0; c < classes; c++) {
                int m = c % members.size();
                String siren = members.get(m);
                keys.add(siren);
                values.add(events.accessStarted(siren, UUID.randomUUID(), Ids.uai(100_000 + m), YEAR, "C" + c, STUDENTS,
                        LocalDate.of(2025, 9, 1), c < members.size()));
            }
            long t0 = System.nanoTime();
            for (int c = 0; c < classes; c++) {
                events.send(Events.PROVISIONING, keys.get(c), values.get(c));
            }
            events.flush();
            Wait.until("billing applied the " + classes + " access-started", Duration.ofMinutes(30), Duration.ofMillis(20),
                    () -> count(db, "SELECT count(*) FROM class_access WHERE school_year = '" + YEAR + "'") == classes);
            long nanos = System.nanoTime() - t0;
            long students = count(db, "SELECT coalesce(sum(students), 0) FROM class_access WHERE school_year = '" + YEAR + "'");
            if (students != (long) classes * STUDENTS) {
                throw new AssertionError("billing holds " + students + " students for " + YEAR + ", expected "
                        + (long) classes * STUDENTS);
            }
            return new Ingest(classes, nanos, new RawBroker(suite.kafka()).run(keys, values));
        }
    }

    /** The expense lines (8 REST clients in parallel) and one FEDER; not timed. */
    void budget() throws Exception {
        String finance = Tokens.of("finance-bench", "finance").sign();
        String url = suite.url(Service.BILLING) + "/budgets/" + YEAR;
        String[] categories = {"PROJECT_PILOTING_ADMINISTRATION", "SHARED_PLATFORM", "PAID_PEDAGOGICAL_CONTENT",
            "CANOPE_SUPPORT_CONVENTION", "EVALUATION", "ANIMATION_COMMUNICATION", "OTHER_OPERATING_EXPENSES"};
        AtomicLong total = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < size.expenseLines(); i++) {
                int line = i;
                long cents = 10_000 + (line * 7_919L) % 5_000_000;
                total.addAndGet(cents);
                done.add(pool.submit(() -> Http.post(url + "/expenses", finance, Map.of("category",
                        categories[line % categories.length], "supplier", "Fournisseur " + (line % 97),
                        "reference", "BENCH-" + line, "amount", BigDecimal.valueOf(cents, 2),
                        "paidOn", LocalDate.of(2025, 9, 1).plusDays(line % 360).toString()), 201)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Http.post(url + "/feder", finance, Map.of("programmeReference", "FEDER-BENCH", "amount",
                BigDecimal.valueOf(FEDER_CENTS, 2)), 201);
        expensesCents = total.get();
    }

    String paidExpenses() {
        return BigDecimal.valueOf(expensesCents, 2).toPlainString();
    }

    Simulation simulate() {
        String finance = Tokens.of("finance-bench", "finance").sign();
        // The summary form (each member's amount, the three terms of the pool): with the derivations the answer lists
        // every class of every member (≈ 63 MB at national scale); it is checked once, untimed, at smoke size.
        String url = suite.url(Service.BILLING) + "/periods/" + YEAR + "/simulation?derivations=false";
        if (size.billingMembers() <= 1000) {
            check(Http.get(suite.url(Service.BILLING) + "/periods/" + YEAR + "/simulation", finance));
        }
        check(Http.get(url, finance));
        long[] nanos = new long[size.simulationTries()];
        JsonNode last = null;
        for (int i = 0; i < nanos.length; i++) {
            long t0 = System.nanoTime();
            last = Http.get(url, finance);
            nanos[i] = System.nanoTime() - t0;
            check(last);
        }
        return new Simulation(Report.sorted(nanos), last.path("computed").size(), last.path("totalStudents").asLong(),
                last.path("ecolesPool").asText());
    }

    /** Pool = Σ expenses − FEDER to the cent; Σ shares = pool; one call per member; every student counted once. */
    private void check(JsonNode s) {
        BigDecimal pool = BigDecimal.valueOf(Math.max(0, expensesCents - FEDER_CENTS), 2);
        expect(pool.compareTo(new BigDecimal(s.path("ecolesPool").asText())) == 0, "pool " + s.path("ecolesPool") + " ≠ " + pool);
        expect(s.path("totalStudents").asLong() == (long) size.billingClasses() * STUDENTS,
                "students " + s.path("totalStudents") + " ≠ " + (long) size.billingClasses() * STUDENTS);
        BigDecimal sum = BigDecimal.ZERO;
        int calls = 0;
        for (JsonNode c : s.path("computed")) {
            if (c.path("memberId").asText().compareTo("210000000") >= 0 && YEAR.equals(c.path("schoolYear").asText())) {
                calls++;
            }
            sum = sum.add(new BigDecimal(c.path("amount").asText()));
        }
        expect(sum.compareTo(pool) == 0, "Σ shares " + sum + " ≠ pool " + pool);
        expect(calls == members.size() && s.path("computed").size() == members.size(),
                calls + " calls of the benchmark's members (" + s.path("computed").size() + " in all), expected " + members.size());
        expect(s.path("warnings").isEmpty(), "warnings " + s.path("warnings"));
    }

    private static void expect(boolean right, String what) {
        if (!right) {
            throw new AssertionError("simulation of " + YEAR + ": " + what);
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
