package fr.somme.ent.provisioning.service;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import fr.somme.ent.provisioning.FixedClock;
import fr.somme.ent.provisioning.MovableClock;
import fr.somme.ent.provisioning.Scenario;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A measurement, not a check of speed (issue #15): N validated classes of M members (25 students each, anonymous seats)
 * wait for their members' adhesions, which take effect tomorrow; the clock moves to tomorrow and one gate run deploys
 * them all. Logs how long the roll-out took, how long until the outbox had published every event, then the latency of
 * one member's class list (its agent, 500 sequential requests) next to the liveness probe's. Off by default:
 * {@code ./mvnw -B -ntp -o verify -pl provisioning-service -Dtest=RollOutTimingTest -DskipPitest -Drollout.classes=2900}
 * (optional {@code -Drollout.members=60}). The read models are seeded in SQL, as the consumers would have left them.
 */
@QuarkusTest
@TestProfile(FixedClock.class)
@EnabledIfSystemProperty(named = "rollout.classes", matches = "\\d+")
class RollOutTimingTest {

    private static final Logger LOG = Logger.getLogger(RollOutTimingTest.class);
    private static final int CLASSES_PER_SCHOOL = 4;

    @Inject
    MovableClock clock;

    @Inject
    Jobs jobs;

    @AfterEach
    void timeBackToTheFixedStart() {
        clock.reset();
    }

    @Test
    void rollOutOfManyWaitingClassesIsMeasured() throws SQLException {
        int classes = Integer.getInteger("rollout.classes");
        int members = Integer.getInteger("rollout.members", 60);
        LocalDate tomorrow = Scenario.today().plusDays(1);
        List<String> sirens = new ArrayList<>();
        try (Connection c = ServiceDatabase.connect()) {
            c.setAutoCommit(false);
            for (int m = 0; m < members; m++) {
                sirens.add(seedMember(c, classes / members + (m < classes % members ? 1 : 0), tomorrow));
            }
            c.commit();
        }
        String[] keys = sirens.toArray(String[]::new);
        clock.moveTo(tomorrow);
        long start = System.nanoTime();
        jobs.reevaluateDue();
        long deployed = System.nanoTime();
        long accounts = count("SELECT count(*) FROM account WHERE member_id = ANY(?)", keys);
        Awaitility.await("every event of the roll-out published").atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(100)).until(() -> count("SELECT count(*) FROM outbox_event "
                        + "WHERE record_key = ANY(?) AND state <> 'PUBLISHED'", keys) == 0);
        long published = System.nanoTime();
        long events = count("SELECT count(*) FROM outbox_event WHERE record_key = ANY(?)", keys);
        assertEquals(classes, count("SELECT count(*) FROM class_deployment WHERE member_id = ANY(?) AND status = 'DEPLOYED'", keys));
        double seconds = (deployed - start) / 1e9;
        LOG.infof("roll-out: %d classes of %d members, %d accounts deployed in %.2f s (%.0f accounts/s); %d events "
                + "published %.2f s after the start", classes, members, accounts, seconds, accounts / seconds, events,
                (published - start) / 1e9);
        LOG.infof("GET /members/%s/classes as its agent: %s; GET /q/health/live: %s", sirens.get(0),
                timings("/members/" + sirens.get(0) + "/classes", Tokens.memberAgent(sirens.get(0))), timings("/q/health/live", null));
    }

    /** 50 requests to warm up, then 500 one after the other: mean, p50, p99 in ms. */
    private static String timings(String path, String token) {
        long[] took = new long[550];
        for (int i = 0; i < took.length; i++) {
            long t0 = System.nanoTime();
            (token == null ? given() : given().auth().oauth2(token)).get(path).then().statusCode(200);
            took[i] = System.nanoTime() - t0;
        }
        long[] measured = Arrays.copyOfRange(took, 50, took.length);
        Arrays.sort(measured);
        return String.format("mean %.2f ms, p50 %.2f ms, p99 %.2f ms", Arrays.stream(measured).average().orElse(0) / 1e6,
                measured[measured.length / 2] / 1e6, measured[measured.length * 99 / 100] / 1e6);
    }

    /** A member whose adhesion takes effect on that day, designating its schools, each with validated classes waiting. */
    private static String seedMember(Connection c, int classes, LocalDate effective) throws SQLException {
        String siren = Scenario.siren();
        String year = Scenario.currentYear();
        exec(c, "INSERT INTO rm_adhesion (member_id, adhesion_id, member_kind, effective_date) VALUES (?, ?, 'COMMUNE', ?)",
                siren, UUID.randomUUID(), effective);
        exec(c, "INSERT INTO rm_designation_revision (member_id, school_year, revision) VALUES (?, ?, 0)", siren, year);
        String uai = null;
        for (int i = 0; i < classes; i++) {
            if (i % CLASSES_PER_SCHOOL == 0) {
                uai = Scenario.uai();
                exec(c, "INSERT INTO rm_designation (member_id, school_year, uai, classes, students, level) "
                        + "VALUES (?, ?, ?, 4, 100, 'ECOLE')", siren, year, uai);
            }
            UUID project = UUID.randomUUID();
            String teacher = UUID.randomUUID().toString();
            exec(c, "INSERT INTO rm_project (project_id, school_uai, teacher_id, class_label, school_year, students, "
                    + "requested_resources, status, status_date) VALUES (?, ?, ?, ?, ?, 25, '', 'VALIDATED', ?)",
                    project, uai, teacher, "CM2 " + i, year, Scenario.today());
            exec(c, "INSERT INTO class_deployment (project_id, status, reasons, school_uai, school_year, class_label, "
                    + "teacher_id, students, updated_at) VALUES (?, 'PENDING', 'adhesion-not-effective', ?, ?, ?, ?, 25, now())",
                    project, uai, year, "CM2 " + i, teacher);
        }
        return siren;
    }

    private static void exec(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    private static long count(String sql, String[] keys) {
        try (Connection c = ServiceDatabase.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", keys));
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
    }
}
