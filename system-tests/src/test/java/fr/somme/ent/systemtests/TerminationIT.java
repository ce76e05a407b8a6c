package fr.somme.ent.systemtests;

import static fr.somme.ent.systemtests.Journeys.YEAR;
import static fr.somme.ent.systemtests.Journeys.api;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fr.somme.ent.systemtests.Journeys.Commune;
import fr.somme.ent.systemtests.Journeys.School;
import fr.somme.ent.systemtests.RunningSuite.Service;
import fr.somme.ent.testsupport.EventContracts;
import fr.somme.ent.testsupport.Tokens;
import fr.somme.ent.testsupport.TopicProbe;
import io.restassured.path.json.JsonPath;

/**
 * Art. 6 across the suite: Dury, whose class is deployed, terminates its adhesion (in the general interest, recorded by
 * the operator) with effect on 5 October 2026. Provisioning closes the class at that date (accounts closed, licences
 * revoked, access ended); billing, on 15 September 2027, calls Dury's full share of 2026-2027, the year in which the
 * termination took effect (rule 13: terminated during the year, it pays the year in full, its class counted in full),
 * next to Pont-de-Metz, which stays.
 */
class TerminationIT {

    private static final String RESOURCE = "LECTURE-CM";
    private static final String TERMINATION_DATE = "2026-10-05";
    private static final Commune DURY = new Commune("218002509", "Dury", "80261",
            new School("0800335E", "ECOLE PRIMAIRE", "80261", "PRIMAIRE"), 18);
    private static final Commune PONT_DE_METZ = new Commune("218005973", "Pont-de-Metz", "80632",
            new School("0801362W", "ECOLE PRIMAIRE PIERRE ET MARIE CURIE", "80632", "PRIMAIRE"), 24);

    @BeforeAll
    static void startSuite() {
        Journeys.start(TerminationIT.class);
    }

    @Test
    void aTerminatedCommuneHasItsAccountsClosedAtTheEffectiveDateAndPaysItsFullShareOfThatYear() {
        Journeys.dsdenReferenceDataAndConvention(List.of(DURY.school(), PONT_DE_METZ.school()));
        Journeys.catalogue(RESOURCE, "Lecture suivie CM", false, Map.of(YEAR, "9.80"));
        String duryAdhesion = Journeys.adhere(DURY);
        Journeys.adhere(PONT_DE_METZ);
        String duryProject = Journeys.submitProject(DURY.school().uai(), "CM2", List.of("CM2"), YEAR, DURY.students(),
                List.of(RESOURCE));
        String pontProject = Journeys.submitProject(PONT_DE_METZ.school().uai(), "CE1", List.of("CE1"), YEAR,
                PONT_DE_METZ.students(), List.of(RESOURCE));
        Journeys.validate(duryProject);
        Journeys.validate(pontProject);
        assertEquals(18, Journeys.awaitStatus(duryProject, "DEPLOYED").getInt("studentAccounts"));
        Journeys.awaitStatus(pontProject, "DEPLOYED");

        // Art. 6: Dury terminates in the general interest; the operator records it, effective 5 October 2026 (today for
        // the services; after the adhesion took effect on 6 July 2026).
        JsonPath terminated = api(Service.MEMBERSHIP, Tokens.operator()).body(Map.of("initiatedBy", "MEMBER",
                "reason", "délibération du conseil municipal: retrait de l'ENT", "effectiveDate", TERMINATION_DATE))
                .post(duryAdhesion + "/termination").then().statusCode(200).extract().jsonPath();
        assertEquals("TERMINATED", terminated.getString("state"));

        // Provisioning closes the class at the termination's effective date.
        JsonPath closed = Journeys.awaitStatus(duryProject, "CLOSED");
        assertEquals(TERMINATION_DATE, closed.getString("closedOn"));
        assertEquals(1, closed.getInt("teacherAccounts"));
        assertEquals(18, closed.getInt("studentAccounts"));
        assertEquals(0, closed.getInt("activeAccounts"));
        assertEquals("MEMBER_TERMINATED", closed.getString("closeReason"));
        assertEquals(List.of(RESOURCE), closed.getList("licences.resourceCode"));
        assertEquals(List.of("REVOKED"), closed.getList("licences.state"), closed.prettify());
        JsonPath accounts = api(Service.PROVISIONING, Tokens.operator()).get("/classes/" + duryProject + "/accounts")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(19, accounts.getList("$").size());
        assertTrue(accounts.getList("state").stream().allMatch("CLOSED"::equals), "every account of Dury is closed");
        // Membership: Dury's designations from the effective date are released (art. 6, issue #12): 2026-2027, whose end is
        // after 5 October 2026, gets a revision with no school, announced by a designations-changed event with an empty list.
        JsonPath released = api(Service.MEMBERSHIP, Tokens.operator())
                .get("/members/" + DURY.siren() + "/designations/" + YEAR).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(), released.getList("schools.uai"));
        assertEquals(2, released.getInt("revision"));
        ConsumerRecord<String, String> releasedEvent = TopicProbe.awaitRecord(Service.MEMBERSHIP.topic,
                r -> DURY.siren().equals(r.key()) && r.value().contains("\"fr.ent.membership.designations-changed.v1\"")
                        && r.value().contains("\"revision\":2"));
        JsonNode releasedData = EventContracts.assertConforms(releasedEvent.value()).path("data");
        assertEquals(YEAR, releasedData.path("schoolYear").asText());
        assertEquals(0, releasedData.path("schools").size());
        // Pont-de-Metz keeps its class.
        assertEquals("DEPLOYED", Journeys.classOf(pontProject).getString("status"));

        // The closing is announced with the effective date, in the contracts' shape.
        ConsumerRecord<String, String> ended = TopicProbe.awaitRecord(Service.PROVISIONING.topic,
                r -> DURY.siren().equals(r.key()) && r.value().contains("\"fr.ent.provisioning.access-ended.v1\""));
        JsonNode endedEvent = EventContracts.assertConforms(ended.value());
        assertEquals(TERMINATION_DATE, endedEvent.path("data").path("accessEndDate").asText());
        assertEquals("MEMBER_TERMINATED", endedEvent.path("data").path("reason").asText());
        ConsumerRecord<String, String> accountsClosed = TopicProbe.awaitRecord(Service.PROVISIONING.topic,
                r -> DURY.siren().equals(r.key()) && r.value().contains("\"fr.ent.provisioning.accounts-closed.v1\""));
        assertEquals(TERMINATION_DATE,
                EventContracts.assertConforms(accountsClosed.value()).path("data").path("closedOn").asText());

        // Billing, 15 September 2027: 1,000.00 € paid, no FEDER.
        String finance = Journeys.finance();
        api(Service.BILLING, finance).body(Map.of("category", "SHARED_PLATFORM", "supplier", "Plateforme ENT SAS",
                "reference", "F-2027-0077", "amount", "1000.00", "paidOn", "2027-04-30"))
                .post("/budgets/" + YEAR + "/expenses").then().statusCode(201);
        // Wait until billing knows both classes and Dury's termination.
        Awaitility.await("billing knows the classes and the termination").atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> {
                    JsonPath sim = api(Service.BILLING, finance).get("/periods/" + YEAR + "/simulation")
                            .then().statusCode(200).extract().jsonPath();
                    return sim.getLong("totalStudents") == 42 && TERMINATION_DATE.equals(
                            sim.getString("computed.find { it.memberId == '" + DURY.siren() + "' }.derivation.terminatedOn"));
                });
        api(Service.BILLING, finance).body(Map.of("reason", "annual call 2026-2027"))
                .post("/periods/" + YEAR + "/computation").then().statusCode(200);
        api(Service.BILLING, finance).body(Map.of("reason", "council approved"))
                .post("/periods/" + YEAR + "/issuance").then().statusCode(200);

        // By hand (cents): net = 100,000; S = 18 + 24 = 42 students (Dury's class counts in full though closed).
        // Dury:         100,000 × 18 / 42 = 42,857 rem  6  → 428.57
        // Pont-de-Metz: 100,000 × 24 / 42 = 57,142 rem 36  → 571.42, + the 1 cent left (largest remainder) → 571.43
        // 428.57 + 571.43 = 1,000.00. Dury, terminated on 5 October 2026 (during 2026-2027), pays that year in full.
        JsonPath duryCall = call(finance, DURY);
        assertEquals("428.57", duryCall.getString("amount"));
        assertEquals("ISSUED", duryCall.getString("status"));
        assertEquals(18, duryCall.getInt("derivation.students"));
        assertEquals(42, duryCall.getInt("derivation.totalStudents"));
        assertEquals(TERMINATION_DATE, duryCall.getString("derivation.terminatedOn"));
        assertEquals("0.00", duryCall.getString("derivation.roundingAdjustment"));
        JsonPath pontCall = call(finance, PONT_DE_METZ);
        assertEquals("571.43", pontCall.getString("amount"));
        assertEquals("0.01", pontCall.getString("derivation.roundingAdjustment"));

        // Dury's agent still reads its last call.
        assertEquals("428.57", api(Service.BILLING, Tokens.memberAgent(DURY.siren())).get("/calls?schoolYear=" + YEAR)
                .then().statusCode(200).extract().path("items[0].amount"));
    }

    private static JsonPath call(String finance, Commune c) {
        JsonPath calls = api(Service.BILLING, finance).get("/calls?schoolYear=" + YEAR + "&memberId=" + c.siren())
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, calls.getList("items").size(), "one call for " + c.name());
        return api(Service.BILLING, finance).get("/calls/" + calls.getString("items[0].id")).then().statusCode(200)
                .extract().jsonPath();
    }
}
