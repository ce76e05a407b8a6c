package fr.somme.ent.billing.service;

import static fr.somme.ent.billing.BillingFixtures.finance;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import fr.somme.ent.testsupport.ServiceDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * A measurement, not a check of speed (issue #13 point 8, #15 point 5): seeds the national scale directly in the database
 * (35,000 members, 260,000 école classes ≈ 6.5 M students, 20,000 paid supplier invoices, one FEDER) for 2045-2046 and
 * logs how long {@code GET /periods/2045-2046/simulation?derivations=false} (three times, the benchmark's form), the full
 * simulation, {@code GET /budgets/2045-2046} (three times) and {@code POST /periods/2045-2046/computation} (twice) take.
 * Checks only the results: every member called, Σ shares = the écoles' pool to the cent; the budget's 20,000 lines
 * counted and summed to the cent. Runs only with
 * {@code -Dbilling.measure=true}; removes what it seeded.
 */
@QuarkusTest
@TestProfile(SimulationAtScaleMeasurement.After2045To2046.class)
@EnabledIfSystemProperty(named = "billing.measure", matches = "true")
class SimulationAtScaleMeasurement {

    public static class After2045To2046 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // a full simulation with its derivations (63 MB) may take more than the default 30 s on a loaded machine
            return Map.of("ent.clock.fixed", "2046-09-02T06:00:00Z", "quarkus.http.test-timeout", "600s");
        }
    }

    private static final Logger LOG = Logger.getLogger(SimulationAtScaleMeasurement.class);
    static final String YEAR = "2045-2046";
    static final int MEMBERS = 35_000;
    static final int CLASSES = 260_000;
    static final int EXPENSES = 20_000;

    @Test
    void theSimulationAndTheComputationAtNationalScaleAreTimedAndExactToTheCent() throws Exception {
        clean();
        long seeding = System.nanoTime();
        seed();
        LOG.infof("MEASURE seeded %d members, %d classes, %d students in %.1f s", MEMBERS, CLASSES,
                ServiceDatabase.count("SELECT sum(students) FROM class_access WHERE school_year = ?", YEAR),
                (System.nanoTime() - seeding) / 1e9);
        try {
            for (int i = 1; i <= 3; i++) {
                // the summary form (benchmark row e): each member's amount and the three terms, no derivation
                long t = System.nanoTime();
                String body = given().auth().oauth2(finance()).when().get("/periods/" + YEAR + "/simulation?derivations=false")
                        .then().statusCode(200).extract().asString();
                LOG.infof("MEASURE simulation (derivations=false) #%d: %.3f s (%d bytes)", i, (System.nanoTime() - t) / 1e9,
                        body.length());
                check(new JsonPath(body));
            }
            long s = System.nanoTime();
            Response r = given().auth().oauth2(finance()).when().get("/periods/" + YEAR + "/simulation");
            String full = r.then().statusCode(200).extract().asString();
            LOG.infof("MEASURE simulation with derivations: %.3f s (%d bytes)", (System.nanoTime() - s) / 1e9, full.length());
            check(new JsonPath(full));
            for (int i = 1; i <= 3; i++) {
                // the budget of 20,000 expense lines: totals summed by the database, one page of lines
                long b = System.nanoTime();
                JsonPath budget = given().auth().oauth2(finance()).when().get("/budgets/" + YEAR).then().statusCode(200)
                        .extract().jsonPath();
                LOG.infof("MEASURE budget of %d expense lines #%d: %.3f s", budget.getInt("total"), i,
                        (System.nanoTime() - b) / 1e9);
                assertEquals(EXPENSES, budget.getInt("total"));
                assertEquals(new BigDecimal(ServiceDatabase.count("SELECT sum(amount * 100)::bigint FROM budget_expense "
                        + "WHERE school_year = ?", YEAR)).movePointLeft(2), new BigDecimal(budget.getString("paidExpenses")));
                assertEquals(100, budget.getList("expenses").size());
            }
            for (int i = 1; i <= 2; i++) {
                long t = System.nanoTime();
                String body = given().auth().oauth2(finance()).contentType(ContentType.JSON)
                        .body(Map.of("reason", "mesure " + i)).when().post("/periods/" + YEAR + "/computation")
                        .then().statusCode(200).extract().asString();
                LOG.infof("MEASURE computation #%d: %.3f s", i, (System.nanoTime() - t) / 1e9);
                check(new JsonPath(body));
            }
        } finally {
            clean();
        }
    }

    private static void check(JsonPath result) {
        List<String> shares = result.getList("computed.amount");
        BigDecimal sum = shares.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(MEMBERS, shares.size(), "every member has a call");
        assertEquals(new BigDecimal(result.getString("ecolesPool")), sum, "Σ shares = the écoles' pool, to the cent");
    }

    static void seed() throws Exception {
        sql("INSERT INTO billing_member (member_id, name, kind) SELECT '7' || lpad(i::text, 8, '0'), 'Commune ' || i, "
                + "'COMMUNE' FROM generate_series(1, " + MEMBERS + ") i");
        sql("INSERT INTO membership_change (member_id, change, effective_date) SELECT '7' || lpad(i::text, 8, '0'), "
                + "'ADHESION', DATE '2040-01-15' FROM generate_series(1, " + MEMBERS + ") i");
        sql("INSERT INTO class_access (project_id, member_id, school_year, school_uai, class_label, school_level, students, "
                + "access_start, access_end) SELECT md5('scale/' || i)::uuid, '7' || lpad((1 + i % " + MEMBERS + ")::text, 8, '0'), '"
                + YEAR + "', '0800091P', 'C' || (i / " + MEMBERS + "), 'ECOLE', 15 + i % 21, DATE '2045-09-02', "
                + "CASE WHEN i % 50 = 0 THEN DATE '2046-03-01' END FROM generate_series(1, " + CLASSES + ") i");
        sql("INSERT INTO budget_expense (id, school_year, category, supplier, reference, amount, paid_on, recorded_by, "
                + "recorded_at) SELECT md5('scale-expense/' || i)::uuid, '" + YEAR + "', 'SHARED_PLATFORM', "
                + "'Fournisseur ' || (i % 50), 'SCALE-' || i, 1000.37 + i % 997, DATE '2045-10-01', 'mesure', now() "
                + "FROM generate_series(1, " + EXPENSES + ") i");
        sql("INSERT INTO feder_funding (id, school_year, programme_reference, amount, recorded_by, recorded_at) "
                + "VALUES (md5('scale-feder')::uuid, '" + YEAR + "', 'PI-SCALE', 1000000.00, 'mesure', now())");
        // as autovacuum leaves a table some time after a bulk of inserts (the benchmark ingests its classes well before it
        // simulates): statistics, and the visibility map the index-only scans of the period's reads rely on
        sql("VACUUM ANALYZE class_access, billing_member, membership_change, budget_expense");
    }

    static void clean() throws Exception {
        sql("DELETE FROM billing_audit WHERE school_year = '" + YEAR + "'");
        sql("DELETE FROM contribution_call WHERE school_year = '" + YEAR + "' AND status = 'DRAFT'");
        sql("DELETE FROM class_access WHERE school_year = '" + YEAR + "'");
        sql("DELETE FROM budget_expense WHERE school_year = '" + YEAR + "'");
        sql("DELETE FROM feder_funding WHERE school_year = '" + YEAR + "'");
        sql("DELETE FROM membership_change WHERE member_id LIKE '7%'");
        sql("DELETE FROM billing_member WHERE member_id LIKE '7%'");
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = ServiceDatabase.connect(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
