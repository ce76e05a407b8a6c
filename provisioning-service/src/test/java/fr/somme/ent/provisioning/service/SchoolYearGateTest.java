package fr.somme.ent.provisioning.service;

import static fr.somme.ent.provisioning.Scenario.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.provisioning.FixedClock;
import fr.somme.ent.provisioning.MovableClock;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Rule 9 (art. 2) with school years: the roll-out window; rule 3 and 5 (art. 3, 6) as provisioning sees them: the
 * school level from the designation, released designations, a termination, a re-adhesion.
 */
@QuarkusTest
@TestProfile(FixedClock.class)
class SchoolYearGateTest {

    @Inject
    MovableClock clock;

    @AfterEach
    void timeBackToTheFixedStart() {
        clock.reset();
    }

    static void gateRun() {
        given().auth().oauth2(Tokens.operator()).post("/ops/provisioning/gate-runs").then().statusCode(200);
    }

    @Test
    void aClassOfNextYearDeploysFromTheFirstOfJulyAndItsAccessStartsOnTheFirstOfSeptember() {
        String siren = siren();
        String uai = uai();
        UUID project = UUID.randomUUID();
        SchoolYear next = SchoolYear.parse(nextYear());
        LocalDate opens = LocalDate.of(next.startYear(), 7, 1);
        membership(siren, adhesionEffective(siren, "COMMUNE", today().minusDays(10), nextYear(), uai));
        project(project, projectValidated(project, uai, "hugo.lefort", nextYear(), 2));
        awaitReasons(project, "school-year-not-open");
        given().auth().oauth2(Tokens.operator()).get("/classes?status=PENDING&size=500").then().statusCode(200)
                .body("items.find { it.projectId == '" + project + "' }.reasons", contains("school-year-not-open"));

        clock.moveTo(opens.minusDays(1));
        gateRun();
        given().auth().oauth2(Tokens.operator()).get("/classes/" + project).then().statusCode(200)
                .body("status", equalTo("PENDING")).body("reasons", contains("school-year-not-open"));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM account WHERE project_id = ?", project));

        clock.moveTo(opens);
        gateRun();
        awaitStatus(project, "DEPLOYED");
        given().auth().oauth2(Tokens.operator()).get("/classes/" + project).then().statusCode(200)
                .body("deployedOn", equalTo(opens.toString())).body("accessStartDate", equalTo(next.firstDay().toString()));
        JsonNode access = DeploymentGateFlowTest.event(siren, "fr.ent.provisioning.access-started.v1", project);
        assertEquals(next.firstDay().toString(), access.path("accessStartDate").asText());
    }

    @Test
    void aClassOfASchoolYearThatHasEndedIsNeverDeployed() {
        String siren = siren();
        String uai = uai();
        UUID project = UUID.randomUUID();
        membership(siren, adhesionEffective(siren, "COMMUNE", today().minusDays(400), previousYear(), uai));
        project(project, projectValidated(project, uai, "hugo.lefort", previousYear(), 2));
        awaitReasons(project, "school-year-ended");
        gateRun();
        given().auth().oauth2(Tokens.operator()).get("/classes/" + project).then().statusCode(200)
                .body("status", equalTo("PENDING")).body("reasons", contains("school-year-ended"));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM account WHERE project_id = ?", project));
    }

    @Test
    void theSchoolLevelComesFromTheDesignationNotFromTheMembersKind() {
        String siren = siren();
        String college = uai();
        UUID adhesion = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        // an EPCI-like member (not the Département) whose designation says the school is a collège
        membership(siren, adhesionEffective(siren, adhesion, "COMMUNE", today().minusDays(10), currentYear(), uai()));
        membership(siren, designationsChanged(siren, adhesion, currentYear(), 1, "COLLEGE", college));
        project(project, projectValidated(project, college, "hugo.lefort", currentYear(), 2));
        awaitStatus(project, "DEPLOYED");
        String expected = "COLLEGE";
        given().auth().oauth2(Tokens.operator()).get("/classes/" + project).then().statusCode(200)
                .body("schoolLevel", equalTo(expected));
        assertEquals(expected, DeploymentGateFlowTest.event(siren, "fr.ent.provisioning.class-deployed.v1", project)
                .path("schoolLevel").asText());
    }

    @Test
    void anEmptyDesignationListReleasesTheMembersSchoolsForThatYear() {
        String siren = siren();
        String uai = uai();
        UUID adhesion = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        membership(siren, adhesionEffective(siren, adhesion, "COMMUNE", today().plusDays(20), currentYear(), uai));
        project(project, projectValidated(project, uai, "hugo.lefort", currentYear(), 2));
        awaitReasons(project, "adhesion-not-effective");

        membership(siren, designationsChanged(siren, adhesion, currentYear(), 1, "ECOLE"));
        awaitReasons(project, "school-not-designated");
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM rm_designation WHERE member_id = ?", siren));
    }

    @Test
    void aTerminationClosesADeployedClassAtItsDateEvenOnceItsDesignationsWereReleased() {
        String siren = siren();
        String uai = uai();
        UUID adhesion = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        membership(siren, adhesionEffective(siren, adhesion, "COMMUNE", today().minusDays(60), currentYear(), uai));
        project(project, projectValidated(project, uai, "hugo.lefort", currentYear(), 2));
        awaitStatus(project, "DEPLOYED");
        LocalDate effective = today().plusDays(10);
        membership(siren, terminated(siren, effective));
        membership(siren, designationsChanged(siren, adhesion, currentYear(), 1, "ECOLE"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ServiceDatabase.count(
                "SELECT count(*) FROM rm_designation_revision WHERE member_id = ? AND revision = 1", siren) == 1);
        given().auth().oauth2(Tokens.operator()).get("/classes/" + project).then().statusCode(200)
                .body("status", equalTo("DEPLOYED"));

        clock.moveTo(effective);
        gateRun();
        awaitStatus(project, "CLOSED");
        given().auth().oauth2(Tokens.operator()).get("/classes/" + project).then().statusCode(200)
                .body("closeReason", equalTo("MEMBER_TERMINATED")).body("closedOn", equalTo(effective.toString()));
    }

    @Test
    void aMemberThatAdheresAgainAfterItsTerminationIsActiveFromItsNewAdhesionAndItsNewProjectsDeploy() {
        String siren = siren();
        String uai = uai();
        UUID first = UUID.randomUUID();
        membership(siren, adhesionEffective(siren, first, "COMMUNE", today().minusDays(200), currentYear(), uai));
        membership(siren, terminated(siren, today().minusDays(30)));
        membership(siren, designationsChanged(siren, first, currentYear(), 1, "ECOLE")); // released (art. 6)
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ServiceDatabase.count(
                "SELECT count(*) FROM rm_designation_revision WHERE member_id = ? AND revision = 1", siren) == 1);
        UUID project = UUID.randomUUID();
        project(project, projectValidated(project, uai, "hugo.lefort", currentYear(), 2));
        awaitReasons(project, "school-not-designated");

        // a new deliberation, a new adhesion effective in 5 days: still waiting, then active from that date
        LocalDate readhesion = today().plusDays(5);
        membership(siren, adhesionEffective(siren, UUID.randomUUID(), "COMMUNE", readhesion, currentYear(), uai));
        awaitReasons(project, "adhesion-not-effective");
        clock.moveTo(readhesion);
        gateRun();
        awaitStatus(project, "DEPLOYED");
        given().auth().oauth2(Tokens.operator()).get("/classes/" + project).then().statusCode(200)
                .body("memberId", equalTo(siren)).body("deployedOn", equalTo(readhesion.toString()));
        assertTrue(DeploymentGateFlowTest.event(siren, "fr.ent.provisioning.access-started.v1", project)
                .path("firstAccessForMember").asBoolean(), "its first class ever");
    }
}
