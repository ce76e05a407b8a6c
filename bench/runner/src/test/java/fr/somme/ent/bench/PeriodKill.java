package fr.somme.ent.bench;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;

import fr.somme.ent.bench.Suite.Service;
import fr.somme.ent.testsupport.Tokens;

/**
 * Scenario 3: billing killed (SIGKILL) during a period computation. Two school years get the same figures: the same
 * members (registered, adhering since 1 July 2024), the same classes and students ({@code access-started} on
 * ent.provisioning.v1, one set per year), the same paid expense lines and FEDER. 2024-2025 is computed undisturbed:
 * the reference. 2025-2026's {@code POST /periods/2025-2026/computation} (with an Idempotency-Key) is sent, billing is
 * killed as soon as the computation's transaction writes (pg_stat_activity: a billing backend with a transaction id),
 * and started again; no half-written computation may be visible (0 or all drafts), then the same request (same key)
 * is sent again: its calls must equal the reference's, member by member, to the cent.
 */
final class PeriodKill {

    static final String REFERENCE_YEAR = "2024-2025";
    static final String KILLED_YEAR = "2025-2026";
    static final int EXPENSE_LINES = 12;
    static final long FEDER_CENTS = 2_500_000;

    private final Suite suite;
    private final Events events;
    private final Db db;
    private final int members;
    private final List<String> sirens = new ArrayList<>();
    private long expensesCents;

    PeriodKill(Suite suite, Events events, Db db, int members) {
        this.suite = suite;
        this.events = events;
        this.db = db;
        this.members = members;
    }

    static int students(int member, int k) {
        return 10 + (member * 7 + k * 13) % 21;
    }

    /** The members, their classes of both years and both budgets; returns once billing holds them all. */
    void setUp() throws Exception {
        for (int m = 0; m < members; m++) {
            String siren = Ids.siren(5_000_000 + m);
            sirens.add(siren);
            events.send(Events.MEMBERSHIP, siren, events.memberRegistered(siren, "COMMUNE DE LA CAMPAGNE " + m));
            events.send(Events.MEMBERSHIP, siren, events.adhesionEffective(siren, LocalDate.of(2024, 7, 1), REFERENCE_YEAR,
                    List.of(new Events.School(Ids.uai(200_000 + m), 2, students(m, 0) + students(m, 1)))));
        }
        events.flush();
        String[] all = sirens.toArray(String[]::new);
        Poll.until("billing applied the " + members + " adhesions", Duration.ofMinutes(5), Duration.ofMillis(200),
                () -> db.count(Service.BILLING, "SELECT count(*) FROM membership_change WHERE change = 'ADHESION' "
                        + "AND member_id = ANY(?)", (Object) all) == members);
        for (String year : List.of(REFERENCE_YEAR, KILLED_YEAR)) {
            LocalDate start = LocalDate.of(Integer.parseInt(year.substring(0, 4)), 9, 2);
            for (int m = 0; m < members; m++) {
                for (int k = 0; k < 2; k++) {
                    events.send(Events.PROVISIONING, sirens.get(m), events.accessStarted(sirens.get(m), UUID.randomUUID(),
                            Ids.uai(200_000 + m), year, "CM" + (k + 1), students(m, k), start,
                            REFERENCE_YEAR.equals(year) && k == 0));
                }
            }
        }
        events.flush();
        Poll.until("billing applied the " + 4 * members + " access-started", Duration.ofMinutes(5), Duration.ofMillis(200),
                () -> db.count(Service.BILLING, "SELECT count(*) FROM class_access WHERE member_id = ANY(?)", (Object) all)
                        == 4L * members);
        String finance = finance();
        String[] categories = {"SHARED_PLATFORM", "PAID_PEDAGOGICAL_CONTENT", "PROJECT_PILOTING_ADMINISTRATION",
            "ANIMATION_COMMUNICATION"};
        for (String year : List.of(REFERENCE_YEAR, KILLED_YEAR)) {
            int y = Integer.parseInt(year.substring(0, 4));
            long total = 0;
            for (int line = 0; line < EXPENSE_LINES; line++) {
                long cents = 12_345_678 + line * 987_653L;
                total += cents;
                Http.post(suite.url(Service.BILLING) + "/budgets/" + year + "/expenses", finance, Map.of(
                        "category", categories[line % categories.length], "supplier", "Fournisseur " + line,
                        "reference", "PANNES-" + year + "-" + line, "amount", BigDecimal.valueOf(cents, 2),
                        "paidOn", LocalDate.of(y, 9, 15).plusDays(line * 25L).toString()), 201);
            }
            Http.post(suite.url(Service.BILLING) + "/budgets/" + year + "/feder", finance, Map.of(
                    "programmeReference", "FEDER-PANNES-" + year, "amount", BigDecimal.valueOf(FEDER_CENTS, 2)), 201);
            expensesCents = total;
        }
    }

    /** The écoles' pool of each year: Σ expense lines − FEDER (no collège in these figures). */
    BigDecimal pool() {
        return BigDecimal.valueOf(expensesCents - FEDER_CENTS, 2);
    }

    /** Runs the scenario; its figures go to {@code figures}, what is wrong to the returned list. */
    List<String> run(Map<String, Object> figures) throws Exception {
        List<String> wrong = new ArrayList<>();
        String finance = finance();
        String billing = suite.url(Service.BILLING);
        long t0 = System.nanoTime();
        JsonNode reference = Http.post(billing + "/periods/" + REFERENCE_YEAR + "/computation", finance,
                Map.of("reason", "Campagne de pannes : calcul de référence"), 200);
        figures.put("referenceComputationSeconds", FaultRollOut.seconds(System.nanoTime() - t0));
        Map<String, String> expected = calls(REFERENCE_YEAR, finance);
        wrong.addAll(rightCalls("the undisturbed computation of " + REFERENCE_YEAR, expected,
                reference.path("ecolesPool").asText()));
        JsonNode simulation = Http.get(billing + "/periods/" + KILLED_YEAR + "/simulation?derivations=false", finance);
        Map<String, String> simulated = new TreeMap<>();
        simulation.path("computed").forEach(c -> simulated.put(c.path("memberId").asText() + " " + c.path("kind").asText(),
                c.path("amount").asText() + " DRAFT"));
        if (!simulated.equals(expected)) {
            wrong.add("the figures of " + KILLED_YEAR + " do not give the reference's calls (simulation): "
                    + firstDifference(expected, simulated));
        }

        String key = UUID.randomUUID().toString();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(billing + "/periods/" + KILLED_YEAR + "/computation"))
                .header("Authorization", "Bearer " + finance).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"Campagne de pannes : calcul interrompu\"}")).build();
        long sent = System.nanoTime();
        CompletableFuture<HttpResponse<String>> answer = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        boolean[] writing = new boolean[1];
        Poll.until("billing's computation writing (or answered)", Duration.ofMinutes(5), Duration.ofMillis(2), () -> {
            writing[0] = db.count(Service.BILLING, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    + "AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL AND state <> 'idle'") > 0;
            return writing[0] || answer.isDone();
        });
        suite.kill(Service.BILLING);
        long killed = System.nanoTime();
        figures.put("killedAfterMs", Math.round((killed - sent) / 1e6));
        figures.put("killedWhile", writing[0] ? "the computation's transaction was writing (drafts not committed)"
                : "the computation had already answered (it took less than one poll)");
        String first;
        try {
            HttpResponse<String> r = answer.get(30, TimeUnit.SECONDS);
            first = "answered " + r.statusCode() + " before the kill";
        } catch (ExecutionException e) {
            first = "no answer (" + e.getCause().getClass().getSimpleName() + ")";
        } catch (TimeoutException e) {
            first = "no answer within 30 s of the kill";
        }
        figures.put("killedRequest", first);
        long afterKill = db.count(Service.BILLING, "SELECT count(*) FROM contribution_call WHERE school_year = ?", KILLED_YEAR);
        figures.put("draftsInTheDatabaseAfterTheKill", afterKill);

        Duration ready = suite.relaunch(Service.BILLING);
        figures.put("restartToReadySeconds", FaultRollOut.seconds(ready.toNanos()));
        Map<String, String> visible = calls(KILLED_YEAR, finance);
        figures.put("callsVisibleAfterTheRestart", visible.size());
        if (!visible.isEmpty() && !visible.equals(expected)) {
            wrong.add("half-written computation visible after the restart: " + visible.size() + " calls of " + KILLED_YEAR
                    + " (expected none or the " + expected.size() + " of a whole computation); " + firstDifference(expected, visible));
        }
        if (afterKill != 0 && afterKill != expected.size()) {
            wrong.add(afterKill + " calls of " + KILLED_YEAR + " in the database after the kill (expected 0 or " + expected.size() + ")");
        }
        long again = System.nanoTime();
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            wrong.add("POST /periods/" + KILLED_YEAR + "/computation again (same Idempotency-Key) → " + r.statusCode() + ": "
                    + r.body());
            return wrong;
        }
        JsonNode redone = Http.JSON.readTree(r.body());
        figures.put("recomputationSeconds", FaultRollOut.seconds(System.nanoTime() - again));
        figures.put("recomputation", "drafts created " + redone.path("draftsCreated").asInt() + ", updated "
                + redone.path("draftsUpdated").asInt() + ", unchanged " + redone.path("draftsUnchanged").asInt());
        Map<String, String> after = calls(KILLED_YEAR, finance);
        if (!after.equals(expected)) {
            wrong.add("the calls of " + KILLED_YEAR + " after the kill and the recomputation differ from the undisturbed "
                    + "computation's: " + firstDifference(expected, after));
        }
        wrong.addAll(rightCalls("the recomputation of " + KILLED_YEAR, after, redone.path("ecolesPool").asText()));
        figures.put("calls", after.size());
        figures.put("pool", pool().toPlainString());
        return wrong;
    }

    /** One call per member, none of 0, Σ = pool computed here, the service's pool = ours. */
    private List<String> rightCalls(String what, Map<String, String> calls, String servicePool) {
        List<String> wrong = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (String amount : calls.values()) {
            sum = sum.add(new BigDecimal(amount.split(" ")[0]));
        }
        if (calls.size() != members || !calls.keySet().stream().map(k -> k.split(" ")[0]).distinct().allMatch(sirens::contains)) {
            wrong.add(what + ": " + calls.size() + " calls, expected one per member (" + members + ")");
        }
        if (sum.compareTo(pool()) != 0 || servicePool.isEmpty() || new BigDecimal(servicePool).compareTo(pool()) != 0) {
            wrong.add(what + ": Σ calls " + sum + ", service's pool " + servicePool + ", expected the pool " + pool());
        }
        return wrong;
    }

    /** The calls of the year through REST as finance: "siren kind" → "amount status". */
    private Map<String, String> calls(String year, String finance) {
        Map<String, String> calls = new TreeMap<>();
        JsonNode page;
        int n = 0;
        do {
            page = Http.get(suite.url(Service.BILLING) + "/calls?size=500&page=" + n++ + "&schoolYear=" + year, finance);
            for (JsonNode c : page.path("items")) {
                String k = c.path("memberId").asText() + " " + c.path("kind").asText();
                if (calls.put(k, c.path("amount").asText() + " " + c.path("status").asText()) != null) {
                    calls.put(k, "TWO CALLS");
                }
            }
        } while ((long) n * 500 < page.path("total").asLong());
        return calls;
    }

    private static String firstDifference(Map<String, String> expected, Map<String, String> actual) {
        for (Map.Entry<String, String> e : expected.entrySet()) {
            if (!e.getValue().equals(actual.get(e.getKey()))) {
                return "first: " + e.getKey() + " undisturbed " + e.getValue() + " ≠ " + actual.get(e.getKey())
                        + " (" + actual.size() + " calls vs " + expected.size() + ")";
            }
        }
        return actual.size() + " calls vs " + expected.size();
    }

    private static String finance() {
        return Tokens.of("finance-pannes", "finance").sign();
    }
}
