package fr.somme.ent.provisioning.service;

import static fr.somme.ent.provisioning.Scenario.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.somme.ent.provisioning.FixedClock;
import fr.somme.ent.provisioning.MovableClock;
import fr.somme.ent.testsupport.EventContracts;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.Tokens;
import fr.somme.ent.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Rule 9 (art. 2): the deployment gate, driven only by events on a real broker. */
@QuarkusTest
@TestProfile(FixedClock.class)
class DeploymentGateFlowTest {

    @Inject
    MovableClock clock;

    @AfterEach
    void timeBackToTheFixedStart() {
        clock.reset();
    }

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode event(String memberId, String type, UUID projectId) {
        ConsumerRecord<String, String> r = TopicProbe.awaitRecord(OUT, rec -> memberId.equals(rec.key())
                && rec.value().contains("\"type\":\"" + type + "\"") && rec.value().contains(projectId.toString()),
                Duration.ofSeconds(40));
        EventContracts.assertConforms(r.value(), type);
        try {
            return JSON.readTree(r.value()).path("data");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void classIsDeployedWhenProjectIsValidatedFirstAndTheAdhesionComesLast() {
        String siren = siren();
        String uai = uai();
        UUID project = UUID.randomUUID();
        project(project, projectValidated(project, uai, "marie.durand", currentYear(), 3));
        awaitReasons(project, "school-not-designated");

        membership(siren, adhesionEffective(siren, "COMMUNE", today().minusDays(10), currentYear(), uai));
        awaitStatus(project, "DEPLOYED");

        JsonNode deployed = event(siren, "fr.ent.provisioning.class-deployed.v1", project);
        assertEquals("ECOLE", deployed.path("schoolLevel").asText());
        assertEquals(3, deployed.path("students").asInt());
        JsonNode accounts = event(siren, "fr.ent.provisioning.accounts-provisioned.v1", project);
        assertEquals(1, accounts.path("teacherAccounts").asInt());
        assertEquals(3, accounts.path("studentAccounts").asInt());
        JsonNode access = event(siren, "fr.ent.provisioning.access-started.v1", project);
        assertTrue(access.path("firstAccessForMember").asBoolean(), "the member's first class sets its access-start date");
        assertEquals(today().toString(), access.path("accessStartDate").asText());
        assertEquals(4, ServiceDatabase.count("SELECT count(*) FROM account WHERE project_id = ? AND state = 'PENDING_ACTIVATION'",
                project));
    }

    @Test
    void classIsDeployedWhenTheAdhesionComesFirstAndTheProjectIsValidatedLast() {
        String siren = siren();
        String uai = uai();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        membership(siren, adhesionEffective(siren, "DEPARTEMENT", today().minusDays(30), currentYear(), uai));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> ServiceDatabase.count("SELECT count(*) FROM rm_designation WHERE uai = ?", uai) == 1);
        project(first, projectValidated(first, uai, "paul.martin", currentYear(), 2));
        awaitStatus(first, "DEPLOYED");
        project(second, projectValidated(second, uai, "paul.martin", currentYear(), 1));
        awaitStatus(second, "DEPLOYED");

        given().auth().oauth2(Tokens.operator()).get("/classes/" + first).then().statusCode(200)
                .body("status", equalTo("DEPLOYED")).body("schoolLevel", equalTo("COLLEGE"))
                .body("memberId", equalTo(siren)).body("studentAccounts", equalTo(2)).body("teacherAccounts", equalTo(1));
        assertTrue(event(siren, "fr.ent.provisioning.access-started.v1", first).path("firstAccessForMember").asBoolean());
        assertEquals(false, event(siren, "fr.ent.provisioning.access-started.v1", second).path("firstAccessForMember").asBoolean());
    }

    @Test
    void schoolNotDesignatedForThatSchoolYearKeepsTheClassPending() {
        String siren = siren();
        String uai = uai();
        UUID project = UUID.randomUUID();
        project(project, projectValidated(project, uai, "marie.durand", currentYear(), 2));
        awaitReasons(project, "school-not-designated");

        // designated by an effective member, but for the next school year
        membership(siren, adhesionEffective(siren, "COMMUNE", today().minusDays(10), nextYear(), uai));
        awaitDesignation(siren, nextYear(), uai); // written in the transaction that re-ran the gate for the member
        UUID after = UUID.randomUUID(); // a class of the same school and year decided after that designation
        project(after, projectValidated(after, uai, "marie.durand", currentYear(), 1));
        awaitReasons(after, "school-not-designated");
        for (UUID p : List.of(project, after)) {
            given().auth().oauth2(Tokens.operator()).get("/classes/" + p).then().statusCode(200)
                    .body("status", equalTo("PENDING")).body("reasons", contains("school-not-designated"));
        }
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM account WHERE project_id IN (?, ?)", project, after));

        // the same member designates the school for the project's year: both classes are deployed
        membership(siren, designationsChanged(siren, currentYear(), 1, uai));
        awaitStatus(project, "DEPLOYED");
        awaitStatus(after, "DEPLOYED");
    }

    @Test
    void aDesignationForAnotherSchoolYearDoesNotOpenTheGateForThisOne() {
        String siren = siren();
        String uai = uai();
        String elsewhere = uai();
        UUID project = UUID.randomUUID();
        // effective member designating the school for the previous year only (this year: another school)
        membership(siren, adhesionEffective(siren, "COMMUNE", today().minusDays(400), previousYear(), uai));
        membership(siren, designationsChanged(siren, currentYear(), 1, elsewhere));
        awaitDesignation(siren, currentYear(), elsewhere);
        project(project, projectValidated(project, uai, "marie.durand", currentYear(), 2));
        awaitReasons(project, "school-not-designated");
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM account WHERE project_id = ?", project));

        // a class of that school for the previous year waits only for its year, which has ended: the member, its
        // adhesion, the school are fine
        UUID lastYear = UUID.randomUUID();
        project(lastYear, projectValidated(lastYear, uai, "marie.durand", previousYear(), 2));
        awaitReasons(lastYear, "school-year-ended");
        given().auth().oauth2(Tokens.operator()).get("/classes/" + project).then().statusCode(200)
                .body("status", equalTo("PENDING")).body("reasons", contains("school-not-designated"));
    }

    @Test
    void aValidatedProjectWithdrawnBeforeItsClassDeploysDiscardsTheClassWithItsRoster() {
        String siren = siren();
        String uai = uai();
        UUID project = UUID.randomUUID();
        project(project, projectValidated(project, uai, "marie.durand", currentYear(), 2));
        awaitReasons(project, "school-not-designated");
        given().auth().oauth2(Tokens.operator()).contentType("application/json")
                .body("[{\"lastName\":\"Vasseur\",\"firstName\":\"Lina\"},{\"lastName\":\"Vasseur\",\"firstName\":\"Noé\"}]")
                .put("/classes/" + project + "/roster").then().statusCode(200);
        LocalDate withdrawnOn = today().minusDays(1);
        project(project, projectWithdrawn(project, uai, "marie.durand", currentYear(), 2, withdrawnOn));
        awaitStatus(project, "DISCARDED");
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM roster_entry WHERE project_id = ?", project));

        // everything else now holds: designated for the year by an effective, not terminated member; never deployed
        membership(siren, adhesionEffective(siren, "COMMUNE", today().minusDays(30), currentYear(), uai));
        awaitDesignation(siren, currentYear(), uai);
        UUID marker = UUID.randomUUID(); // a class of the same school decided after the adhesion: it deploys
        project(marker, projectValidated(marker, uai, "marie.durand", currentYear(), 1));
        awaitStatus(marker, "DEPLOYED");
        given().auth().oauth2(Tokens.operator()).get("/classes/" + project).then().statusCode(200)
                .body("status", equalTo("DISCARDED")).body("closeReason", equalTo("PROJECT_WITHDRAWN"))
                .body("closedOn", equalTo(withdrawnOn.toString())).body("reasons.size()", equalTo(0))
                .body("teacherAccounts", equalTo(0)).body("studentAccounts", equalTo(0)).body("rosterEntries", equalTo(0));
        given().auth().oauth2(Tokens.operator()).contentType("application/json")
                .body("[{\"lastName\":\"Vasseur\",\"firstName\":\"Lina\"}]").put("/classes/" + project + "/roster")
                .then().statusCode(409).body("type", equalTo("https://ent.somme-numerique.fr/problems/class-discarded"));
        given().auth().oauth2(Tokens.operator()).get("/classes?status=DISCARDED&size=500").then().statusCode(200)
                .body("items.projectId", hasItem(project.toString()));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM account WHERE project_id = ?", project));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM licence WHERE project_id = ?", project));
        assertEquals(List.of(), publishedSoFar(r -> r.value().contains(project.toString())), "no event for the class");
    }

    @Test
    void aWithdrawalDeliveredBeforeTheValidationItFollowsStillDiscardsTheClass() {
        String siren = siren();
        String uai = uai();
        membership(siren, adhesionEffective(siren, "COMMUNE", today().minusDays(30), currentYear(), uai));
        awaitDesignation(siren, currentYear(), uai);
        UUID project = UUID.randomUUID();
        LocalDate withdrawnOn = today().minusDays(1);
        // out of order on the topic: the withdrawal first, then the validation that came before it
        project(project, projectWithdrawn(project, uai, "marie.durand", currentYear(), 2, withdrawnOn));
        project(project, projectValidated(project, uai, "marie.durand", currentYear(), 2));
        awaitStatus(project, "DISCARDED");
        given().auth().oauth2(Tokens.operator()).get("/classes/" + project).then().statusCode(200)
                .body("closeReason", equalTo("PROJECT_WITHDRAWN")).body("closedOn", equalTo(withdrawnOn.toString()))
                .body("teacherAccounts", equalTo(0)).body("studentAccounts", equalTo(0));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM account WHERE project_id = ?", project));
    }

    @Test
    void adhesionNotEffectiveYetKeepsTheClassPending() {
        String siren = siren();
        String uai = uai();
        UUID project = UUID.randomUUID();
        LocalDate effective = today().plusDays(20);
        membership(siren, adhesionEffective(siren, "COMMUNE", effective, currentYear(), uai));
        project(project, projectValidated(project, uai, "marie.durand", currentYear(), 2));
        awaitReasons(project, "adhesion-not-effective");
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM account WHERE project_id = ?", project));

        // time passes: the day before the effective date, the scheduled gate run leaves the class pending...
        clock.moveTo(effective.minusDays(1));
        given().auth().oauth2(Tokens.operator()).post("/ops/provisioning/gate-runs").then().statusCode(200);
        given().auth().oauth2(Tokens.operator()).get("/classes/" + project).then().statusCode(200)
                .body("status", equalTo("PENDING")).body("reasons", contains("adhesion-not-effective"));
        // ...on the effective date it deploys it
        clock.moveTo(effective);
        given().auth().oauth2(Tokens.operator()).post("/ops/provisioning/gate-runs").then().statusCode(200);
        awaitStatus(project, "DEPLOYED");
        given().auth().oauth2(Tokens.operator()).get("/classes/" + project).then().statusCode(200)
                .body("deployedOn", equalTo(effective.toString())).body("accessStartDate", equalTo(effective.toString()));
    }

    static void awaitDesignation(String siren, String year, String uai) {
        Awaitility.await("designation of " + uai + " for " + year).atMost(Duration.ofSeconds(30)).until(() -> ServiceDatabase.count(
                "SELECT count(*) FROM rm_designation WHERE member_id = ? AND school_year = ? AND uai = ?", siren, year, uai) == 1);
    }

    @Test
    void designationWithoutAdhesionEffectiveKeepsTheClassPending() {
        String siren = siren();
        String uai = uai();
        UUID project = UUID.randomUUID();
        membership(siren, designationsChanged(siren, currentYear(), 1, uai));
        project(project, projectValidated(project, uai, "marie.durand", currentYear(), 2));
        awaitReasons(project, "adhesion-not-effective");
    }

    @Test
    void memberTerminatedKeepsTheClassPending() {
        String siren = siren();
        String uai = uai();
        UUID project = UUID.randomUUID();
        membership(siren, adhesionEffective(siren, "COMMUNE", today().minusDays(100), currentYear(), uai));
        membership(siren, terminated(siren, today().minusDays(1)));
        Awaitility.await().atMost(Duration.ofSeconds(30)) // the two topics are not ordered with each other
                .until(() -> ServiceDatabase.count("SELECT count(*) FROM rm_termination WHERE member_id = ?", siren) == 1);
        project(project, projectValidated(project, uai, "marie.durand", currentYear(), 2));
        awaitReasons(project, "member-terminated");
    }

    @Test
    void accountsOptedOutByTheDepartementKeepsItsClassesPending() {
        String siren = siren();
        String uai = uai();
        UUID project = UUID.randomUUID();
        membership(siren, optOut(siren, currentYear(), "ACCOUNTS"));
        membership(siren, adhesionEffective(siren, "DEPARTEMENT", today().minusDays(10), currentYear(), uai));
        project(project, projectValidated(project, uai, "marie.durand", currentYear(), 2));
        awaitReasons(project, "accounts-opted-out");
    }

    @Test
    void terminationClosesADeployedClassAtItsEffectiveDate() {
        String siren = siren();
        String uai = uai();
        UUID project = UUID.randomUUID();
        membership(siren, adhesionEffective(siren, "COMMUNE", today().minusDays(60), currentYear(), uai));
        project(project, projectValidated(project, uai, "marie.durand", currentYear(), 2));
        awaitStatus(project, "DEPLOYED");

        var effective = today().minusDays(2);
        membership(siren, terminated(siren, effective));
        awaitStatus(project, "CLOSED");
        assertEquals(3, ServiceDatabase.count("SELECT count(*) FROM account WHERE project_id = ? AND state = 'CLOSED' "
                + "AND closed_on = ?", project, effective));
        JsonNode ended = event(siren, "fr.ent.provisioning.access-ended.v1", project);
        assertEquals("MEMBER_TERMINATED", ended.path("reason").asText());
        assertEquals(effective.toString(), ended.path("accessEndDate").asText());
        JsonNode closed = event(siren, "fr.ent.provisioning.accounts-closed.v1", project);
        assertEquals(2, closed.path("studentAccounts").asInt());
        assertEquals(effective.toString(), closed.path("closedOn").asText());
    }

    @Test
    void terminationTakingEffectLaterKeepsTheClassUntilThatDateThenClosesIt() {
        String siren = siren();
        String uai = uai();
        UUID project = UUID.randomUUID();
        membership(siren, adhesionEffective(siren, "COMMUNE", today().minusDays(60), currentYear(), uai));
        LocalDate effective = today().plusDays(30);
        membership(siren, terminated(siren, effective));
        project(project, projectValidated(project, uai, "marie.durand", currentYear(), 2));
        awaitStatus(project, "DEPLOYED");
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> ServiceDatabase.count("SELECT count(*) FROM rm_termination WHERE member_id = ?", siren) == 1);
        given().auth().oauth2(Tokens.operator()).post("/ops/provisioning/gate-runs").then().statusCode(200);
        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM class_deployment WHERE project_id = ? AND status = 'DEPLOYED'",
                project));

        // time passes: the day before the effective date the class stays, on that date the scheduled run closes it
        clock.moveTo(effective.minusDays(1));
        given().auth().oauth2(Tokens.operator()).post("/ops/provisioning/gate-runs").then().statusCode(200);
        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM class_deployment WHERE project_id = ? AND status = 'DEPLOYED'",
                project));
        clock.moveTo(effective);
        given().auth().oauth2(Tokens.operator()).post("/ops/provisioning/gate-runs").then().statusCode(200);
        awaitStatus(project, "CLOSED");
        assertEquals(3, ServiceDatabase.count("SELECT count(*) FROM account WHERE project_id = ? AND closed_on = ?", project, effective));
        assertEquals("MEMBER_TERMINATED", event(siren, "fr.ent.provisioning.access-ended.v1", project).path("reason").asText());
    }

    @Test
    void withdrawalClosesADeployedClass() {
        String siren = siren();
        String uai = uai();
        UUID project = UUID.randomUUID();
        membership(siren, adhesionEffective(siren, "COMMUNE", today().minusDays(60), currentYear(), uai));
        project(project, projectValidated(project, uai, "marie.durand", currentYear(), 1));
        awaitStatus(project, "DEPLOYED");
        project(project, projectWithdrawn(project, uai, "marie.durand", currentYear(), 1, today()));
        awaitStatus(project, "CLOSED");
        JsonNode ended = event(siren, "fr.ent.provisioning.access-ended.v1", project);
        assertEquals("PROJECT_WITHDRAWN", ended.path("reason").asText());
        given().auth().oauth2(Tokens.operator()).get("/classes/" + project).then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("closeReason", equalTo("PROJECT_WITHDRAWN"));
    }

    @Test
    void theSameEventDeliveredTwiceProvisionsOnce() {
        String siren = siren();
        String uai = uai();
        UUID project = UUID.randomUUID();
        membership(siren, adhesionEffective(siren, "COMMUNE", today().minusDays(60), currentYear(), uai));
        String validated = projectValidated(project, uai, "marie.durand", currentYear(), 2);
        project(project, validated);
        project(project, validated);
        UUID after = UUID.randomUUID();
        project(project, projectValidated(after, uai, "marie.durand", currentYear(), 1)); // same key: after the repeat
        awaitStatus(after, "DEPLOYED");
        event(siren, "fr.ent.provisioning.access-started.v1", after); // relayed in order: the first class's events are out
        assertEquals(3, ServiceDatabase.count("SELECT count(*) FROM account WHERE project_id = ?", project));
        assertEquals(1, publishedSoFar(r -> r.value().contains("\"type\":\"fr.ent.provisioning.class-deployed.v1\"")
                && r.value().contains(project.toString())).size(), "provisioned once");
    }

    @Test
    void aPoisonRecordGoesToTheDlqAndOtherEventTypesAreSkipped() {
        String key = "poison-" + UUID.randomUUID();
        TopicProbe.send(MEMBERSHIP, key, "{ not json");
        ConsumerRecord<String, String> dead = TopicProbe.awaitRecord(MEMBERSHIP + ".dlq", r -> key.equals(r.key()));
        assertTrue(TopicProbe.header(dead, "dead-letter-reason").contains("not JSON"));

        String badUai = envelope("/ent/project-validation-service", "fr.ent.projects.project-validated.v1", key,
                projectValidated(UUID.randomUUID(), "0800091P", "t", currentYear(), 1).replaceAll(".*\"data\":", "")
                        .replace("0800091P", "0800091R").replaceAll("}$", ""));
        TopicProbe.send(PROJECTS, key, badUai);
        ConsumerRecord<String, String> deadProject = TopicProbe.awaitRecord(PROJECTS + ".dlq", r -> key.equals(r.key()));
        assertTrue(TopicProbe.header(deadProject, "dead-letter-reason").contains("not a valid UAI"));

        String probe = envelope("/ent/membership-service", "fr.ent.ops.pipeline-probe.v1", key,
                "{\"probeId\":\"" + UUID.randomUUID() + "\",\"service\":\"membership-service\",\"requestedBy\":\"op\",\"requestedAt\":\"" + FixedClock.NOW + "\"}");
        String id = probe.substring(probe.indexOf("\"id\":\"") + 6, probe.indexOf("\"id\":\"") + 42);
        TopicProbe.send(MEMBERSHIP, key, probe);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ServiceDatabase.count(
                "SELECT count(*) FROM processed_event WHERE event_id = ? AND event_type = 'fr.ent.ops.pipeline-probe.v1'", id) == 1);
    }
}
