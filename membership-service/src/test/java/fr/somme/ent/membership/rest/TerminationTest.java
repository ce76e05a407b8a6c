package fr.somme.ent.membership.rest;

import static fr.somme.ent.membership.Fixtures.currentSchoolYear;
import static fr.somme.ent.membership.Fixtures.deliberated;
import static fr.somme.ent.membership.Fixtures.designate;
import static fr.somme.ent.membership.Fixtures.operator;
import static fr.somme.ent.membership.Fixtures.refusedWithoutChange;
import static fr.somme.ent.membership.Fixtures.schoolsJson;
import static fr.somme.ent.membership.Fixtures.sign;
import static fr.somme.ent.membership.Fixtures.today;
import static fr.somme.ent.membership.Fixtures.transmit;
import static fr.somme.ent.membership.rest.MemberRegistrationTest.PROBLEMS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fr.somme.ent.membership.FixedClock;
import fr.somme.ent.membership.Fixtures;
import fr.somme.ent.testsupport.EventContracts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Termination (art. 6). "Now" is {@link FixedClock#NOW}. */
@QuarkusTest
@TestProfile(FixedClock.class)
class TerminationTest {

    static final String TERMINATED = "fr.ent.membership.membership-terminated.v1";

    static ValidatableResponse terminate(String siren, String adhesion, String body) {
        return given().auth().oauth2(operator()).contentType(ContentType.JSON).body(body)
                .when().post("/members/" + siren + "/adhesions/" + adhesion + "/termination").then();
    }

    @Test
    void aTerminationForNonComplianceFollowsAFailedAttemptAtAgreement() {
        Map<String, String> m = Fixtures.effectiveCommune();
        String siren = m.get("siren");
        String effective = today().plusMonths(2).toString();
        refusedWithoutChange(() -> terminate(siren, m.get("adhesion"),
                "{\"initiatedBy\":\"SYNDICAT\",\"reason\":\"non-respect of the charter\",\"effectiveDate\":\"" + effective + "\"}")
                .statusCode(422).body("type", equalTo(PROBLEMS + "agreement-attempt-required")), siren);
        refusedWithoutChange(() -> terminate(siren, m.get("adhesion"),
                "{\"initiatedBy\":\"SYNDICAT\",\"reason\":\"non-respect of the charter\",\"effectiveDate\":\"" + effective
                        + "\",\"agreementAttemptFailedOn\":\"" + today().minusDays(1) + "\"}")
                .statusCode(422).body("type", equalTo(PROBLEMS + "agreement-attempt-required")), siren);
        given().auth().oauth2(operator()).when().get("/members/" + siren + "/adhesions/" + m.get("adhesion"))
                .then().body("state", equalTo("EFFECTIVE"));
        assertEquals(0, Fixtures.events(siren, TERMINATED).size());

        terminate(siren, m.get("adhesion"),
                "{\"initiatedBy\":\"SYNDICAT\",\"reason\":\"non-respect of the charter\",\"effectiveDate\":\"" + effective
                        + "\",\"agreementAttemptFailedOn\":\"" + today().minusDays(1)
                        + "\",\"agreementAttemptSummary\":\"meeting with the mayor, no agreement\"}")
                .statusCode(200).body("state", equalTo("TERMINATED"))
                .body("termination.agreementAttemptFailedOn", equalTo(today().minusDays(1).toString()))
                .body("termination.agreementAttemptSummary", equalTo("meeting with the mayor, no agreement"))
                .body("history.action", hasItem("TERMINATED"));
        List<String> events = Fixtures.events(siren, TERMINATED);
        assertEquals(1, events.size());
        EventContracts.assertConforms(events.get(0), TERMINATED);
        JsonNode data = EventContracts.assertConforms(events.get(0)).path("data");
        assertEquals(List.of("SYNDICAT", "NON_COMPLIANCE", today().minusDays(1).toString(), today().minusDays(1).toString(),
                "meeting with the mayor, no agreement"), List.of(data.path("initiatedBy").asText(), data.path("ground").asText(),
                data.path("agreementAttemptOn").asText(), data.path("agreementAttemptFailedOn").asText(),
                data.path("agreementAttemptOutcome").asText()));
    }

    @Test
    void theGroundIsOneOfArticle6() {
        Map<String, String> m = Fixtures.effectiveCommune();
        String siren = m.get("siren");
        String effective = today().plusMonths(1).toString();
        refusedWithoutChange(() -> terminate(siren, m.get("adhesion"), "{\"reason\":\"r\",\"effectiveDate\":\"" + effective + "\"}")
                .statusCode(422).body("type", equalTo(PROBLEMS + "termination-ground-required")), siren);
        refusedWithoutChange(() -> terminate(siren, m.get("adhesion"), "{\"initiatedBy\":\"MEMBER\",\"ground\":\"NON_COMPLIANCE\","
                + "\"reason\":\"r\",\"effectiveDate\":\"" + effective + "\",\"agreementAttemptOn\":\"" + today()
                + "\",\"agreementAttemptOutcome\":\"no agreement\"}")
                .statusCode(422).body("type", equalTo(PROBLEMS + "ground-not-open-to-initiator")), siren);
        // The syndicat terminates for non-compliance, named with the new fields; who terminates follows from the ground.
        terminate(siren, m.get("adhesion"), "{\"ground\":\"NON_COMPLIANCE\",\"reason\":\"charter not respected\",\"effectiveDate\":\""
                + effective + "\",\"decidedOn\":\"" + today().minusDays(2) + "\",\"agreementAttemptOn\":\"" + today().minusDays(9)
                + "\",\"agreementAttemptOutcome\":\"meeting of the bureau: no agreement\"}").statusCode(200)
                .body("termination.initiatedBy", equalTo("SYNDICAT")).body("termination.ground", equalTo("NON_COMPLIANCE"))
                .body("termination.decidedOn", equalTo(today().minusDays(2).toString()))
                .body("termination.agreementAttemptOn", equalTo(today().minusDays(9).toString()))
                .body("termination.agreementAttemptOutcome", equalTo("meeting of the bureau: no agreement"));
    }

    @Test
    void terminationIsNeverBeforeItsDecision() {
        Map<String, String> m = Fixtures.effectiveCommune(); // effective on today - 5 days
        String siren = m.get("siren");
        // Decided today (the default): it cannot take effect yesterday.
        refusedWithoutChange(() -> terminate(siren, m.get("adhesion"), "{\"initiatedBy\":\"MEMBER\",\"reason\":\"general interest\","
                + "\"effectiveDate\":\"" + today().minusDays(1) + "\"}")
                .statusCode(422).body("type", equalTo(PROBLEMS + "termination-before-decision")), siren);
        refusedWithoutChange(() -> terminate(siren, m.get("adhesion"), "{\"initiatedBy\":\"MEMBER\",\"reason\":\"general interest\","
                + "\"effectiveDate\":\"" + today().minusDays(3) + "\",\"decidedOn\":\"" + today().minusDays(2) + "\"}")
                .statusCode(422).body("type", equalTo(PROBLEMS + "termination-before-decision")), siren);
        refusedWithoutChange(() -> terminate(siren, m.get("adhesion"), "{\"initiatedBy\":\"MEMBER\",\"reason\":\"general interest\","
                + "\"effectiveDate\":\"" + today().plusDays(3) + "\",\"decidedOn\":\"" + today().plusDays(1) + "\"}")
                .statusCode(422).body("type", equalTo(PROBLEMS + "date-in-future")), siren);
        // On the day of the decision is not before it.
        terminate(siren, m.get("adhesion"), "{\"initiatedBy\":\"MEMBER\",\"reason\":\"general interest\",\"effectiveDate\":\""
                + today().minusDays(2) + "\",\"decidedOn\":\"" + today().minusDays(2) + "\"}").statusCode(200)
                .body("termination.effectiveDate", equalTo(today().minusDays(2).toString()));
    }

    @Test
    void theFailedAgreementAttemptDateIsNotInTheFuture() {
        Map<String, String> m = Fixtures.effectiveCommune();
        String siren = m.get("siren");
        String body = "{\"initiatedBy\":\"SYNDICAT\",\"reason\":\"non-respect of the charter\",\"effectiveDate\":\""
                + today().plusMonths(2) + "\",\"agreementAttemptSummary\":\"meeting, no agreement\",\"agreementAttemptFailedOn\":\"";
        refusedWithoutChange(() -> terminate(siren, m.get("adhesion"), body + today().plusDays(1) + "\"}")
                .statusCode(422).body("type", equalTo(PROBLEMS + "date-in-future")), siren);
        terminate(siren, m.get("adhesion"), body + today() + "\"}").statusCode(200)
                .body("termination.agreementAttemptFailedOn", equalTo(today().toString()));
    }

    @Test
    void aMemberTerminatesForAReasonOfGeneralInterest() {
        Map<String, String> m = Fixtures.effectiveCommune();
        terminate(m.get("siren"), m.get("adhesion"),
                "{\"initiatedBy\":\"MEMBER\",\"reason\":\"schools transferred to a SIVOS\",\"effectiveDate\":\"" + today() + "\"}")
                .statusCode(200).body("state", equalTo("TERMINATED")).body("termination.id", notNullValue())
                .body("termination.ground", equalTo("GENERAL_INTEREST")).body("termination.decidedOn", equalTo(today().toString()));
        String event = Fixtures.events(m.get("siren"), TERMINATED).get(0);
        EventContracts.assertConforms(event, TERMINATED);
        JsonNode data = EventContracts.assertConforms(event).path("data");
        assertEquals("GENERAL_INTEREST", data.path("ground").asText());
        assertTrue(data.path("agreementAttemptOn").isNull());
    }

    @Test
    void aTerminatedAdhesionCannotBeReactivated() {
        Map<String, String> m = Fixtures.effectiveCommune();
        String siren = m.get("siren");
        String adhesion = m.get("adhesion");
        terminate(siren, adhesion, "{\"initiatedBy\":\"MEMBER\",\"reason\":\"general interest\",\"effectiveDate\":\"" + today() + "\"}")
                .statusCode(200);
        refusedWithoutChange(() -> terminate(siren, adhesion,
                "{\"initiatedBy\":\"MEMBER\",\"reason\":\"again\",\"effectiveDate\":\"" + today() + "\"}")
                .statusCode(409).body("type", equalTo(PROBLEMS + "adhesion-terminated")), siren);
        refusedWithoutChange(() -> sign(operator(), siren, adhesion, today()).statusCode(409)
                .body("type", equalTo(PROBLEMS + "adhesion-terminated")), siren);
        refusedWithoutChange(() -> transmit(operator(), siren, adhesion, "CHARTER", today()).statusCode(409)
                .body("type", equalTo(PROBLEMS + "adhesion-terminated")), siren);
        refusedWithoutChange(() -> transmit(operator(), siren, adhesion, "DELIBERATION", today()).statusCode(409)
                .body("type", equalTo(PROBLEMS + "adhesion-terminated")), siren);
        refusedWithoutChange(() -> designate(operator(), siren, currentSchoolYear(), schoolsJson(Fixtures.uai())).statusCode(409)
                .body("type", equalTo(PROBLEMS + "adhesion-not-deliberated")), siren);
        given().auth().oauth2(operator()).when().get("/members/" + siren + "/adhesions/" + adhesion)
                .then().body("state", equalTo("TERMINATED"));
        // A new adhesion needs a new deliberation: a new adhesion, the old one stays terminated.
        String again = deliberated(siren);
        assertNotEquals(adhesion, again);
        given().auth().oauth2(operator()).when().get("/members/" + siren + "/adhesions")
                .then().statusCode(200).body("items.id", contains(adhesion, again)).body("items.state", contains("TERMINATED", "DELIBERATED"))
                .body("total", is(2));
    }

    @Test
    void onlyAnEffectiveAdhesionIsTerminated() {
        String siren = Fixtures.commune();
        String adhesion = deliberated(siren);
        String body = "{\"initiatedBy\":\"MEMBER\",\"reason\":\"general interest\",\"effectiveDate\":\"" + today() + "\"}";
        refusedWithoutChange(() -> terminate(siren, adhesion, body)
                .statusCode(409).body("type", equalTo(PROBLEMS + "adhesion-not-effective")), siren);
        designate(operator(), siren, currentSchoolYear(), schoolsJson(Fixtures.schoolOf(siren))).statusCode(200);
        sign(operator(), siren, adhesion, today().minusDays(1)).statusCode(200);
        refusedWithoutChange(() -> terminate(siren, adhesion, body)
                .statusCode(409).body("type", equalTo(PROBLEMS + "adhesion-not-effective")), siren);
    }

    @Test
    void terminationTakesEffectAfterTheAdhesion() {
        Map<String, String> m = Fixtures.effectiveCommune(); // effective on today - 5 days
        String siren = m.get("siren");
        refusedWithoutChange(() -> terminate(siren, m.get("adhesion"),
                "{\"initiatedBy\":\"MEMBER\",\"reason\":\"general interest\",\"effectiveDate\":\"" + today().minusDays(6)
                        + "\",\"decidedOn\":\"" + today().minusDays(10) + "\"}")
                .statusCode(422).body("type", equalTo(PROBLEMS + "termination-before-adhesion-effective")), siren);
        refusedWithoutChange(() -> terminate(siren, m.get("adhesion"), "{\"initiatedBy\":\"MEMBER\",\"reason\":\"general interest\"}")
                .statusCode(400).body("type", equalTo(PROBLEMS + "validation")), siren);
        // On the day the adhesion took effect is not before it.
        terminate(siren, m.get("adhesion"),
                "{\"initiatedBy\":\"MEMBER\",\"reason\":\"general interest\",\"effectiveDate\":\"" + today().minusDays(5)
                        + "\",\"decidedOn\":\"" + today().minusDays(10) + "\"}")
                .statusCode(200).body("termination.effectiveDate", equalTo(today().minusDays(5).toString()));
    }
}
