package fr.somme.ent.provisioning.service;

import static fr.somme.ent.provisioning.Scenario.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import fr.somme.ent.provisioning.FixedClock;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.Tokens;
import fr.somme.ent.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Rule 12 (purge after 3 months, safe with replicas) and the replay of the read models. */
@QuarkusTest
@TestProfile(FixedClock.class)
class PurgeAndReplayTest {

    @Test
    void closedAccountPersonalDataArePurgedThreeMonthsAfterClosing() throws Exception {
        String siren = siren();
        String uai = uai();
        String lastYear = currentYear(); // both classes of this year; the old one closed (withdrawn) 4 months ago
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        project(old, projectValidated(old, uai, "nina.faure", lastYear, 2));
        awaitReasons(old, "school-not-designated");
        given().auth().oauth2(Tokens.operator()).contentType("application/json")
                .body("[{\"lastName\":\"Bernardin\",\"firstName\":\"Océane\"},{\"lastName\":\"Bernardin\",\"firstName\":\"Yanis\"}]")
                .put("/classes/" + old + "/roster").then().statusCode(200);
        membership(siren, adhesionEffective(siren, "COMMUNE", today().minusDays(400), lastYear, uai));
        awaitStatus(old, "DEPLOYED");
        project(recent, projectValidated(recent, uai, "nina.faure", currentYear(), 1));
        awaitStatus(recent, "DEPLOYED");
        // the old class is withdrawn 4 months ago, the recent one today
        project(old, projectWithdrawn(old, uai, "nina.faure", lastYear, 2, today().minusMonths(4)));
        project(recent, projectWithdrawn(recent, uai, "nina.faure", currentYear(), 1, today()));
        awaitStatus(old, "CLOSED");
        awaitStatus(recent, "CLOSED");

        // another replica holds the purge lock: this one does nothing
        try (Connection c = ServiceDatabase.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                ps.setLong(1, Jobs.PURGE_LOCK);
                ps.executeQuery().close();
            }
            given().auth().oauth2(Tokens.operator()).post("/ops/provisioning/purges").then().statusCode(200)
                    .body("purged", equalTo(-1));
            c.rollback();
        }
        given().auth().oauth2(Tokens.operator()).post("/ops/provisioning/purges").then().statusCode(200);

        assertEquals(3, ServiceDatabase.count("SELECT count(*) FROM account WHERE project_id = ? AND purged_at IS NOT NULL "
                + "AND last_name IS NULL AND first_name IS NULL AND external_id IS NULL AND login LIKE 'purged.%'", old));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM account WHERE project_id = ? AND purged_at IS NOT NULL", recent),
                "closed today: kept for 3 months");
        given().auth().oauth2(Tokens.operator()).get("/classes/" + old).then().statusCode(200)
                .body("studentAccounts", equalTo(2)).body("teacherAccounts", equalTo(1));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM roster_entry WHERE project_id = ?", old));
    }

    static String snapshot(String siren, List<UUID> projects) throws Exception {
        String sql = "SELECT string_agg(x, '|' ORDER BY x) FROM ("
                + "SELECT 'a:' || member_id || member_kind || effective_date || adhesion_id FROM rm_adhesion WHERE member_id = ? "
                + "UNION ALL SELECT 'r:' || school_year || revision FROM rm_designation_revision WHERE member_id = ? "
                + "UNION ALL SELECT 'd:' || school_year || uai || classes || students FROM rm_designation WHERE member_id = ? "
                + "UNION ALL SELECT 't:' || effective_date || termination_id FROM rm_termination WHERE member_id = ? "
                + "UNION ALL SELECT 'o:' || component || effective_from_year FROM rm_opt_out WHERE member_id = ? "
                + "UNION ALL SELECT 'p:' || project_id || status || status_date || students || requested_resources FROM rm_project "
                + "WHERE project_id = ANY(?::uuid[]) "
                + "UNION ALL SELECT 'c:' || project_id || status || reasons FROM class_deployment WHERE project_id = ANY(?::uuid[]) "
                + "UNION ALL SELECT 'n:' || count(*) FROM account WHERE project_id = ANY(?::uuid[])) t(x)";
        try (Connection c = ServiceDatabase.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 1; i <= 5; i++) {
                ps.setString(i, siren);
            }
            String[] ids = projects.stream().map(UUID::toString).toArray(String[]::new);
            for (int i = 6; i <= 8; i++) {
                ps.setArray(i, c.createArrayOf("text", ids));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Test
    void replayingTheSameEventsRebuildsTheSameReadModel() throws Exception {
        String siren = siren();
        String uai = uai();
        String other = uai();
        UUID deployed = UUID.randomUUID();
        UUID withdrawn = UUID.randomUUID();
        String third = uai();
        List<String[]> events = List.of(
                new String[] { MEMBERSHIP, siren, adhesionEffective(siren, "COMMUNE", today().minusDays(40), currentYear(), uai) },
                new String[] { MEMBERSHIP, siren, designationsChanged(siren, currentYear(), 2, uai, other) },
                new String[] { MEMBERSHIP, siren, designationsChanged(siren, currentYear(), 1, uai) },
                new String[] { MEMBERSHIP, siren, optOut(siren, currentYear(), "SOME-RESOURCE") },
                new String[] { MEMBERSHIP, siren, terminated(siren, today().plusDays(300)) },
                new String[] { PROJECTS, deployed.toString(), projectValidated(deployed, other, "yves.gay", currentYear(), 2) },
                new String[] { PROJECTS, withdrawn.toString(), projectValidated(withdrawn, third, "yves.gay", currentYear(), 1) },
                new String[] { PROJECTS, withdrawn.toString(), projectWithdrawn(withdrawn, third, "yves.gay", currentYear(), 1, today()) });
        events.forEach(e -> TopicProbe.send(e[0], e[1], e[2]));
        awaitStatus(deployed, "DEPLOYED");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ServiceDatabase.count(
                "SELECT count(*) FROM rm_project WHERE project_id = ? AND status = 'WITHDRAWN'", withdrawn) == 1
                && ServiceDatabase.count("SELECT count(*) FROM rm_termination WHERE member_id = ?", siren) == 1
                && ServiceDatabase.count("SELECT count(*) FROM rm_opt_out WHERE member_id = ?", siren) == 1);
        String before = snapshot(siren, List.of(deployed, withdrawn));

        given().auth().oauth2(Tokens.operator()).post("/ops/provisioning/read-models/reset").then().statusCode(200);
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM rm_adhesion WHERE member_id = ?", siren));
        // what resetting the consumer group's offsets does: the same records are delivered again
        events.forEach(e -> TopicProbe.send(e[0], e[1], e[2]));
        Awaitility.await().atMost(Duration.ofSeconds(40)).until(() -> before.equals(snapshot(siren, List.of(deployed, withdrawn))));
        // every replayed event was applied again (recorded in processed_event with its effect), then nothing twice
        for (String[] e : events) {
            String id = e[2].substring(e[2].indexOf("\"id\":\"") + 6, e[2].indexOf("\"id\":\"") + 42);
            Awaitility.await("replayed " + id).atMost(Duration.ofSeconds(30))
                    .until(() -> ServiceDatabase.count("SELECT count(*) FROM processed_event WHERE event_id = ?", id) == 1);
        }
        assertEquals(1, publishedSoFar(r -> r.value().contains("\"type\":\"fr.ent.provisioning.class-deployed.v1\"")
                && r.value().contains(deployed.toString())).size(), "nothing provisioned twice");
    }
}
