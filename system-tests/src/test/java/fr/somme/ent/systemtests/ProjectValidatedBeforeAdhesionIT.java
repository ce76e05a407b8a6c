package fr.somme.ent.systemtests;

import static fr.somme.ent.systemtests.Journeys.YEAR;
import static fr.somme.ent.systemtests.Journeys.api;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.somme.ent.systemtests.Journeys.Commune;
import fr.somme.ent.systemtests.Journeys.School;
import fr.somme.ent.systemtests.RunningSuite.Service;
import fr.somme.ent.testsupport.Tokens;
import fr.somme.ent.testsupport.TopicProbe;
import io.restassured.path.json.JsonPath;

/**
 * Rule 9 (art. 2, 3), the other order: the IEN validates Camon's project while Camon's adhesion is not yet effective
 * (the signed charter has not been transmitted to the contrôle de légalité). The class waits, nothing is provisioned;
 * the second transmission is recorded and the class is deployed with its accounts and licences.
 */
class ProjectValidatedBeforeAdhesionIT {

    private static final String RESOURCE = "LECTURE-CM";
    private static final Commune CAMON = new Commune("218001576", "Camon", "80164",
            new School("0801663Y", "ECOLE PRIMAIRE EDMOND MARQUIS", "80164", "PRIMAIRE"), 22);

    @BeforeAll
    static void startSuite() {
        Journeys.start(ProjectValidatedBeforeAdhesionIT.class);
    }

    @Test
    void aClassValidatedBeforeTheAdhesionIsEffectiveWaitsThenIsDeployedWhenTheSecondTransmissionIsRecorded() {
        Journeys.dsdenReferenceDataAndConvention(List.of(CAMON.school()));
        Journeys.catalogue(RESOURCE, "Lecture suivie CM", false, Map.of(YEAR, "9.80"));

        // Art. 3, all but the last step: deliberation, designation, signature, deliberation transmitted.
        Journeys.registerCommune(CAMON);
        String adhesion = Journeys.deliberate(CAMON.siren(), "2026-064", "2026-06-25");
        Journeys.designate(CAMON.siren(), YEAR, CAMON.school(), 4, 96);
        Journeys.sign(CAMON.siren(), adhesion, "2026-07-01");
        JsonPath half = Journeys.transmit(CAMON.siren(), adhesion, "DELIBERATION", "2026-07-03");
        assertEquals("CHARTER_SIGNED", half.getString("state"));

        // Art. 2: the project is validated first.
        String project = Journeys.submitProject(CAMON.school().uai(), "CM1-CM2", List.of("CM1", "CM2"), YEAR,
                CAMON.students(), List.of(RESOURCE));
        Journeys.validate(project);

        // The class exists, pending, for the single reason that the adhesion is not effective (the designation is known).
        JsonPath pending = Journeys.awaitClass("class pending for adhesion-not-effective only", project,
                j -> "PENDING".equals(j.getString("status"))
                        && List.of("adhesion-not-effective").equals(j.getList("reasons")));
        assertEquals(0, pending.getInt("teacherAccounts"));
        assertEquals(0, pending.getInt("studentAccounts"));
        assertTrue(pending.getList("licences").isEmpty(), "no licence while pending");
        assertEquals(List.of(), api(Service.PROVISIONING, Tokens.operator()).get("/classes/" + project + "/accounts")
                .then().statusCode(200).extract().jsonPath().getList("$"));
        // Nothing announced on the provisioning topic for Camon.
        assertEquals(List.of(), TopicProbe.readAll(Service.PROVISIONING.topic, r -> CAMON.siren().equals(r.key())));
        // The scheduled gate run changes nothing either: time alone does not make the adhesion effective.
        api(Service.PROVISIONING, Tokens.operator()).post("/ops/provisioning/gate-runs").then().statusCode(200);
        assertEquals("PENDING", Journeys.classOf(project).getString("status"));

        // The signed charter is transmitted on 2 October 2026: the adhesion takes effect on that date.
        JsonPath effective = Journeys.transmit(CAMON.siren(), adhesion, "CHARTER", "2026-10-02");
        assertEquals("EFFECTIVE", effective.getString("state"));
        assertEquals("2026-10-02", effective.getString("effectiveDate"));

        JsonPath deployed = Journeys.awaitStatus(project, "DEPLOYED");
        assertEquals(List.of(), deployed.getList("reasons"));
        assertEquals(CAMON.siren(), deployed.getString("memberId"));
        assertEquals("ECOLE", deployed.getString("schoolLevel"));
        assertEquals("2026-10-05", deployed.getString("deployedOn"));
        assertEquals("2026-10-05", deployed.getString("accessStartDate"), "access starts on the deployment day (rule 11)");
        assertEquals(1, deployed.getInt("teacherAccounts"));
        assertEquals(22, deployed.getInt("studentAccounts"));
        assertEquals(RESOURCE, deployed.getString("licences[0].resourceCode"));
        assertEquals(22, deployed.getInt("licences[0].quantity"));
        assertEquals("9.80", deployed.getString("licences[0].unitPrice"));

        JsonPath accounts = api(Service.PROVISIONING, Tokens.operator()).get("/classes/" + project + "/accounts")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(23, accounts.getList("$").size(), "1 teacher + 22 students");
        assertEquals(1, accounts.getList("findAll { it.role == 'TEACHER' }").size());
        assertEquals(22, accounts.getList("findAll { it.role == 'STUDENT' }").size());
        assertTrue(accounts.getList("state").stream().allMatch("PENDING_ACTIVATION"::equals));

        // The commune's agent sees its class deployed.
        JsonPath own = api(Service.PROVISIONING, Tokens.memberAgent(CAMON.siren()))
                .get("/members/" + CAMON.siren() + "/classes").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("DEPLOYED"), own.getList("items.status"));
        assertEquals(1, own.getInt("total"));
    }
}
