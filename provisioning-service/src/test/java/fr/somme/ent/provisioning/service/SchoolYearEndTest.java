package fr.somme.ent.provisioning.service;

import static fr.somme.ent.provisioning.Scenario.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.provisioning.FixedClock;
import fr.somme.ent.provisioning.Platform;
import fr.somme.ent.provisioning.MovableClock;
import fr.somme.ent.provisioning.StoredData;
import fr.somme.ent.testsupport.EventContracts;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Rule 9 (art. 2) and rule 12: the end of a school year closes its classes; 3 months later their names are purged. */
@QuarkusTest
@TestProfile(FixedClock.class)
class SchoolYearEndTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    MovableClock clock;

    @Inject
    SchoolYearClosure closure;

    @AfterEach
    void timeBackToTheFixedStart() {
        clock.reset();
    }

    static LocalDate lastDayOfThisYear() {
        return SchoolYear.parse(currentYear()).lastDay();
    }

    /** A class of this school year deployed for a fresh member, with a roster of two named students. */
    static UUID deployedClassWithRoster(String siren, String uai, String lastName) {
        UUID project = UUID.randomUUID();
        project(project, projectValidated(project, uai, "julie.roux", currentYear(), 2));
        awaitReasons(project, "school-not-designated");
        given().auth().oauth2(Tokens.operator()).contentType("application/json").body("[{\"lastName\":\"" + lastName
                + "\",\"firstName\":\"Maëlys\"},{\"lastName\":\"" + lastName + "\",\"firstName\":\"Timéo\"}]")
                .put("/classes/" + project + "/roster").then().statusCode(200);
        membership(siren, adhesionEffective(siren, "COMMUNE", today().minusDays(30), currentYear(), uai));
        awaitStatus(project, "DEPLOYED");
        return project;
    }

    static List<JsonNode> published(UUID project, String type) {
        List<JsonNode> out = new ArrayList<>();
        for (ConsumerRecord<String, String> r : publishedSoFar(r -> r.value().contains(project.toString())
                && r.value().contains("\"type\":\"" + type + "\""))) {
            EventContracts.assertConforms(r.value(), type);
            try {
                out.add(JSON.readTree(r.value()).path("data"));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return out;
    }

    @Test
    void atTheEndOfThirtyFirstAugustEveryClassOfTheYearClosesAndThoseThatNeverDeployedAreDiscarded() {
        String siren = siren();
        String uai = uai();
        UUID deployed = deployedClassWithRoster(siren, uai, "Caron" + letters());
        UUID pending = UUID.randomUUID(); // a class of a school nobody designates: never deployed
        project(pending, projectValidated(pending, uai(), "julie.roux", currentYear(), 1));
        awaitReasons(pending, "school-not-designated");
        given().auth().oauth2(Tokens.operator()).contentType("application/json")
                .body("[{\"lastName\":\"Lemaire\",\"firstName\":\"Inès\"}]").put("/classes/" + pending + "/roster")
                .then().statusCode(200);
        String account = StoredData.studentAccount(deployed);
        String login = text("SELECT login FROM account WHERE id = ?::uuid", account);
        Platform.activate(login, Platform.loginSheet(deployed, Tokens.operator()).get(login)).then().statusCode(200);
        given().auth().oauth2(Platform.token()).get("/scim/v2/Users/" + account).then().statusCode(200)
                .body("active", equalTo(true));

        // 31 August: the year has not ended yet; the operator's run is refused and nothing changes
        clock.moveTo(lastDayOfThisYear());
        given().auth().oauth2(Tokens.operator()).post("/ops/provisioning/school-years/" + currentYear() + "/closure")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://ent.somme-numerique.fr/problems/school-year-not-ended"));
        for (String bad : List.of("2026-2028", "nope")) {
            given().auth().oauth2(Tokens.operator()).post("/ops/provisioning/school-years/" + bad + "/closure")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(Tokens.teacher("julie.roux", uai)).post("/ops/provisioning/school-years/" + currentYear()
                + "/closure").then().statusCode(403);
        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM class_deployment WHERE project_id = ? AND status = 'DEPLOYED'",
                deployed));
        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM class_deployment WHERE project_id = ? AND status = 'PENDING'",
                pending));
        assertEquals(List.of(), published(deployed, "fr.ent.provisioning.access-ended.v1"), "nothing closed on 31 August");

        // 1 September: the year has ended
        clock.moveTo(lastDayOfThisYear().plusDays(1));
        given().auth().oauth2(Tokens.operator()).post("/ops/provisioning/school-years/" + currentYear() + "/closure")
                .then().statusCode(200).body("schoolYear", equalTo(currentYear()))
                .body("closed", greaterThanOrEqualTo(1)).body("discarded", greaterThanOrEqualTo(1));
        String end = lastDayOfThisYear().toString();
        given().auth().oauth2(Tokens.operator()).get("/classes/" + deployed).then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("closeReason", equalTo("SCHOOL_YEAR_ENDED")).body("closedOn", equalTo(end))
                .body("activeAccounts", equalTo(0));
        assertEquals(3, ServiceDatabase.count("SELECT count(*) FROM account WHERE project_id = ? AND state = 'CLOSED' "
                + "AND closed_on = ?", deployed, lastDayOfThisYear()));
        given().auth().oauth2(Platform.token()).get("/scim/v2/Users/" + account).then()
                .statusCode(200).body("active", equalTo(false));
        given().auth().oauth2(Tokens.operator()).get("/classes/" + pending).then().statusCode(200)
                .body("status", equalTo("DISCARDED")).body("closeReason", equalTo("SCHOOL_YEAR_ENDED"))
                .body("closedOn", equalTo(end)).body("rosterEntries", equalTo(0)).body("studentAccounts", equalTo(0));

        List<JsonNode> ended = published(deployed, "fr.ent.provisioning.access-ended.v1");
        assertEquals(1, ended.size());
        assertEquals("SCHOOL_YEAR_ENDED", ended.get(0).path("reason").asText());
        assertEquals(end, ended.get(0).path("accessEndDate").asText());
        List<JsonNode> closed = published(deployed, "fr.ent.provisioning.accounts-closed.v1");
        assertEquals(1, closed.size());
        assertEquals(2, closed.get(0).path("studentAccounts").asInt());
        assertEquals(end, closed.get(0).path("closedOn").asText());
        assertEquals(List.of(), published(pending, "fr.ent.provisioning.access-ended.v1"), "a discarded class publishes nothing");

        // a second run closes nothing and publishes nothing
        given().auth().oauth2(Tokens.operator()).post("/ops/provisioning/school-years/" + currentYear() + "/closure")
                .then().statusCode(200).body("closed", equalTo(0)).body("discarded", equalTo(0));
        assertEquals(1, published(deployed, "fr.ent.provisioning.access-ended.v1").size(), "closed once");
        assertEquals(1, published(deployed, "fr.ent.provisioning.accounts-closed.v1").size(), "closed once");
    }

    @Test
    void theDailyJobClosesEveryEndedSchoolYearOnceAndOnlyOneReplicaRunsIt() throws Exception {
        String siren = siren();
        String uai = uai();
        membership(siren, adhesionEffective(siren, "COMMUNE", today().minusDays(400), previousYear(), uai));
        UUID lastYear = UUID.randomUUID(); // a class of an ended year: never deployed, waiting for the closure
        project(lastYear, projectValidated(lastYear, uai, "julie.roux", previousYear(), 2));
        awaitReasons(lastYear, "school-year-ended");

        // another replica holds the job's lock: this one does nothing
        try (Connection c = ServiceDatabase.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                ps.setLong(1, SchoolYearClosure.YEAR_END_LOCK);
                ps.executeQuery().close();
            }
            assertNull(closure.closeEndedYears());
            c.rollback();
        }
        awaitReasons(lastYear, "school-year-ended");

        List<SchoolYearClosure.Outcome> outcomes = closure.closeEndedYears();
        assertTrue(outcomes.stream().anyMatch(o -> o.schoolYear().equals(previousYear()) && o.discarded() >= 1), outcomes::toString);
        assertFalse(outcomes.stream().anyMatch(o -> o.schoolYear().equals(currentYear())), "this school year has not ended");
        awaitStatus(lastYear, "DISCARDED");
        assertTrue(closure.closeEndedYears().stream().allMatch(o -> o.closed() == 0 && o.discarded() == 0), "nothing twice");
    }

    @Test
    void threeMonthsAfterTheEndOfTheYearNoStudentNameNorLoginRemainsAndThePurgeIsRecordedWithoutThem() throws Exception {
        String siren = siren();
        String lastName = "Delattre" + letters();
        UUID project = deployedClassWithRoster(siren, uai(), lastName);
        List<String> logins = new ArrayList<>();
        try (Connection c = ServiceDatabase.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT login FROM account WHERE project_id = ? AND role = 'STUDENT'")) {
            ps.setObject(1, project);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    logins.add(rs.getString("login"));
                }
            }
        }
        assertEquals(2, logins.size());
        clock.moveTo(lastDayOfThisYear().plusDays(1));
        given().auth().oauth2(Tokens.operator()).post("/ops/provisioning/school-years/" + currentYear() + "/closure")
                .then().statusCode(200);

        // the day before the 3 months are over, the names are still there
        clock.moveTo(lastDayOfThisYear().plusMonths(3).minusDays(1));
        given().auth().oauth2(Tokens.operator()).post("/ops/provisioning/purges").then().statusCode(200);
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM account WHERE project_id = ? AND purged_at IS NOT NULL", project));
        assertTrue(StoredData.tablesHolding(lastName).size() > 0, "kept for 3 months");

        clock.moveTo(lastDayOfThisYear().plusMonths(3));
        given().auth().oauth2(Tokens.operator()).post("/ops/provisioning/purges").then().statusCode(200)
                .body("purged", greaterThanOrEqualTo(3));
        for (String value : List.of(lastName, lastName.toLowerCase(), logins.get(0), logins.get(1), "Maëlys", "Timéo")) {
            assertEquals(List.of(), StoredData.tablesHolding(value), value + " is still stored");
        }
        given().auth().oauth2(Tokens.operator()).get("/classes/" + project).then().statusCode(200)
                .body("studentAccounts", equalTo(2)).body("teacherAccounts", equalTo(1));

        String runs = given().auth().oauth2(Tokens.operator()).get("/ops/provisioning/purges?size=1").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("total", greaterThanOrEqualTo(1))
                .body("items[0].cutoff", equalTo(lastDayOfThisYear().toString()))
                .body("items[0].accountsPurged", greaterThanOrEqualTo(3)).body("items[0].rosterEntriesDeleted", greaterThanOrEqualTo(2))
                .extract().asString();
        assertFalse(runs.contains(lastName) || runs.contains(logins.get(0)), "a purge run holds no personal data");
        given().auth().oauth2(Tokens.teacher("julie.roux", "0800091P")).get("/ops/provisioning/purges").then().statusCode(403);
    }
}
