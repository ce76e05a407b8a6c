package fr.somme.ent.provisioning.service;

import static fr.somme.ent.provisioning.Scenario.*;
import static fr.somme.ent.provisioning.service.BilanEvents.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import fr.somme.ent.provisioning.FixedClock;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.Tokens;
import fr.somme.ent.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Art. 5: the bilan as a CSV file; the contribution calls of ent.billing.v1 applied once, poison records to the DLQ. */
@QuarkusTest
@TestProfile(FixedClock.class)
class BilanCsvAndBillingTest {

    static String csv(String token, String by) {
        return given().auth().oauth2(token).queryParam("schoolYear", currentYear()).queryParam("by", by)
                .get("/reports/bilans.csv").then().statusCode(200).contentType("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"bilan-" + currentYear() + "-" + by + ".csv\"")
                .extract().asString();
    }

    @Test
    void theCsvHasFrenchHeadersSemicolonsDecimalCommasAndNoCellASpreadsheetWouldReadAsAFormula() {
        String resource = LicencesTest.resource(false, "1.00");
        String siren = siren();
        String school = uai();
        String formula = "=HYPERLINK(\"http://x\");" + letters();
        membership(siren, adhesionEffective(siren, "COMMUNE", today().minusDays(30), currentYear(), school));
        UUID project = deployedClass(school, formula, 2, resource);
        activate(project, 1);
        UUID call = UUID.randomUUID();
        billing(siren, issued(siren, call, currentYear(), "1234.50"));
        billing(siren, paid(siren, call, currentYear(), "1234.50"));
        String agent = Tokens.memberAgent(siren);
        String quoted = "\"'" + formula.replace("\"", "\"\"") + "\"";
        Awaitility.await("the paid call").atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(
                "Année scolaire;Membre (SIREN);Classes déployées;Classes fermées;Comptes créés;Comptes activés;"
                        + "Taux d'activation (%);Licences " + resource + ";Contributions appelées (€);Contributions payées (€)\r\n"
                        + currentYear() + ";" + siren + ";1;0;3;1;33,3;2;1234,50;1234,50\r\n"
                        + currentYear() + ";Total;1;0;3;1;33,3;2;1234,50;1234,50\r\n", csv(agent, "member")));
        assertEquals("Année scolaire;Circonscription;Classes déployées;Classes fermées;Comptes créés;Comptes activés;"
                + "Taux d'activation (%);Licences " + resource + "\r\n"
                + currentYear() + ";" + quoted + ";1;0;3;1;33,3;2\r\n"
                + currentYear() + ";Total;1;0;3;1;33,3;2\r\n", csv(agent, "circonscription"));
        // the JSON keeps the code as it came
        given().auth().oauth2(agent).queryParam("schoolYear", currentYear()).get("/reports/bilans").then().statusCode(200)
                .body("byCirconscription[0].circonscriptionCode", equalTo(formula));
    }

    @Test
    void eachBillingEventIsAppliedOnceInAnyOrderAndCancelledCallsAreNotCalled() {
        String siren = siren();
        UUID call = UUID.randomUUID();
        UUID cancelledFirst = UUID.randomUUID();
        String issued = issued(siren, call, currentYear(), "200.00");
        String paid = paid(siren, call, currentYear(), "200.00");
        billing(siren, issued);
        billing(siren, issued); // redelivered
        billing(siren, paid);
        billing(siren, paid);
        // a cancellation seen before its call (it carries no school year: joined by call id)
        billing(siren, cancelled(siren, cancelledFirst, "75.00"));
        billing(siren, issued(siren, cancelledFirst, currentYear(), "75.00"));
        billing(siren, issued(siren, UUID.randomUUID(), currentYear(), "10.25"));
        Awaitility.await("the calls").atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .auth().oauth2(Tokens.memberAgent(siren)).queryParam("schoolYear", currentYear()).get("/reports/bilans").then()
                .statusCode(200).body("byMember[0].contributionsCalled", equalTo("210.25"))
                .body("byMember[0].contributionsPaid", equalTo("200.00")).body("byMember[0].classesDeployed", equalTo(0)));
        for (String event : new String[] { issued, paid }) {
            assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM processed_event WHERE consumer = 'provisioning.billing' "
                    + "AND event_id = ?", id(event)), "applied once");
        }
        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM rm_contribution_call WHERE call_id = ? AND state = 'PAID' "
                + "AND school_year = ? AND amount = 200.00", call, currentYear()));
        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM rm_contribution_call WHERE call_id = ? "
                + "AND state = 'CANCELLED' AND school_year = ?", cancelledFirst, currentYear()));
    }

    @Test
    void aBillingRecordThatCannotBeAppliedGoesToItsDlqAndOtherTypesAreSkipped() {
        String key = "poison-" + UUID.randomUUID();
        TopicProbe.send(BILLING, key, "{ not json");
        ConsumerRecord<String, String> dead = TopicProbe.awaitRecord(BILLING + ".dlq", r -> key.equals(r.key()));
        assertTrue(TopicProbe.header(dead, "dead-letter-reason").contains("not JSON"));

        String valid = siren();
        String badSiren = valid.substring(0, 8) + (char) ('0' + (valid.charAt(8) - '0' + 1) % 10);
        String badKey = "bad-siren-" + UUID.randomUUID();
        TopicProbe.send(BILLING, badKey, issued(badSiren, UUID.randomUUID(), currentYear(), "1.00"));
        ConsumerRecord<String, String> deadSiren = TopicProbe.awaitRecord(BILLING + ".dlq", r -> badKey.equals(r.key()));
        assertTrue(TopicProbe.header(deadSiren, "dead-letter-reason").contains("not a valid SIREN"));

        String probe = envelope("/ent/billing-service", "fr.ent.ops.pipeline-probe.v1", valid, "{\"probeId\":\""
                + UUID.randomUUID() + "\",\"service\":\"billing-service\",\"requestedBy\":\"op\",\"requestedAt\":\""
                + FixedClock.NOW + "\"}");
        String after = issued(valid, UUID.randomUUID(), currentYear(), "5.00");
        billing(valid, probe);
        billing(valid, after); // same key, so consumed after the probe
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ServiceDatabase.count(
                "SELECT count(*) FROM processed_event WHERE event_id = ?", id(after)) == 1);
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM processed_event WHERE consumer = 'provisioning.billing' "
                + "AND event_id = ?", id(probe)), "not for this consumer: skipped unrecorded");
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM rm_contribution_call WHERE member_id = ?", badSiren));
    }
}
