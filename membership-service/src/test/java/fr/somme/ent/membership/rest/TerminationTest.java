package fr.somme.ent.membership.rest;

import static fr.somme.ent.membership.Fixtures.currentSchoolYear;
import static fr.somme.ent.membership.Fixtures.deliberated;
import static fr.somme.ent.membership.Fixtures.designate;
import static fr.somme.ent.membership.Fixtures.operator;
import static fr.somme.ent.membership.Fixtures.schoolsJson;
import static fr.somme.ent.membership.Fixtures.sign;
import static fr.somme.ent.membership.Fixtures.today;
import static fr.somme.ent.membership.Fixtures.transmit;
import static fr.somme.ent.membership.rest.MemberRegistrationTest.PROBLEMS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.somme.ent.membership.Fixtures;
import fr.somme.ent.testsupport.EventContracts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class TerminationTest {

    static final String TERMINATED = "fr.ent.membership.membership-terminated.v1";

    static ValidatableResponse terminate(String siren, String adhesion, String body) {
        return given().auth().oauth2(operator()).contentType(ContentType.JSON).body(body)
                .when().post("/members/" + siren + "/adhesions/" + adhesion + "/termination").then();
    }

    @Test
    void syndicatTerminatesOnlyAfterAFailedAttemptAtAgreement() {
        Map<String, String> m = Fixtures.effectiveCommune();
        String effective = today().plusMonths(2).toString();
        terminate(m.get("siren"), m.get("adhesion"),
                "{\"initiatedBy\":\"SYNDICAT\",\"reason\":\"non-respect of the charter\",\"effectiveDate\":\"" + effective + "\"}")
                .statusCode(422).body("type", equalTo(PROBLEMS + "agreement-attempt-not-recorded"));
        given().auth().oauth2(operator()).when().get("/members/" + m.get("siren") + "/adhesions/" + m.get("adhesion"))
                .then().body("state", equalTo("EFFECTIVE"));
        assertEquals(0, Fixtures.events(m.get("siren"), TERMINATED).size());

        terminate(m.get("siren"), m.get("adhesion"),
                "{\"initiatedBy\":\"SYNDICAT\",\"reason\":\"non-respect of the charter\",\"effectiveDate\":\"" + effective
                        + "\",\"agreementAttemptFailedOn\":\"" + today().minusDays(1)
                        + "\",\"agreementAttemptSummary\":\"meeting with the mayor, no agreement\"}")
                .statusCode(200).body("state", equalTo("TERMINATED"))
                .body("termination.agreementAttemptFailedOn", equalTo(today().minusDays(1).toString()))
                .body("history.action", hasItem("TERMINATED"));
        List<String> events = Fixtures.events(m.get("siren"), TERMINATED);
        assertEquals(1, events.size());
        EventContracts.assertConforms(events.get(0), TERMINATED);
    }

    @Test
    void aMemberTerminatesForAReasonOfGeneralInterest() {
        Map<String, String> m = Fixtures.effectiveCommune();
        terminate(m.get("siren"), m.get("adhesion"),
                "{\"initiatedBy\":\"MEMBER\",\"reason\":\"schools transferred to a SIVOS\",\"effectiveDate\":\"" + today() + "\"}")
                .statusCode(200).body("state", equalTo("TERMINATED")).body("termination.id", notNullValue());
        EventContracts.assertConforms(Fixtures.events(m.get("siren"), TERMINATED).get(0), TERMINATED);
    }

    @Test
    void aTerminatedAdhesionCannotBeReactivated() {
        Map<String, String> m = Fixtures.effectiveCommune();
        String siren = m.get("siren");
        String adhesion = m.get("adhesion");
        terminate(siren, adhesion, "{\"initiatedBy\":\"MEMBER\",\"reason\":\"general interest\",\"effectiveDate\":\"" + today() + "\"}")
                .statusCode(200);
        terminate(siren, adhesion, "{\"initiatedBy\":\"MEMBER\",\"reason\":\"again\",\"effectiveDate\":\"" + today() + "\"}")
                .statusCode(409).body("type", equalTo(PROBLEMS + "adhesion-terminated"));
        sign(operator(), siren, adhesion, today()).statusCode(409).body("type", equalTo(PROBLEMS + "adhesion-terminated"));
        transmit(operator(), siren, adhesion, "CHARTER", today()).statusCode(409).body("type", equalTo(PROBLEMS + "adhesion-terminated"));
        designate(operator(), siren, currentSchoolYear(), schoolsJson(Fixtures.uai())).statusCode(409)
                .body("type", equalTo(PROBLEMS + "adhesion-not-deliberated"));
        given().auth().oauth2(operator()).when().get("/members/" + siren + "/adhesions/" + adhesion)
                .then().body("state", equalTo("TERMINATED"));
        // A new adhesion needs a new deliberation: a new adhesion, the old one stays terminated.
        String again = deliberated(siren);
        org.junit.jupiter.api.Assertions.assertNotEquals(adhesion, again);
        given().auth().oauth2(operator()).when().get("/members/" + siren + "/adhesions")
                .then().statusCode(200).body("state", org.hamcrest.Matchers.contains("TERMINATED", "DELIBERATED"));
    }

    @Test
    void onlyAnEffectiveAdhesionIsTerminated() {
        String siren = Fixtures.commune();
        String adhesion = deliberated(siren);
        terminate(siren, adhesion, "{\"initiatedBy\":\"MEMBER\",\"reason\":\"general interest\",\"effectiveDate\":\"" + today() + "\"}")
                .statusCode(409).body("type", equalTo(PROBLEMS + "adhesion-not-effective"));
    }

    @Test
    void terminationTakesEffectAfterTheAdhesion() {
        Map<String, String> m = Fixtures.effectiveCommune(); // effective on today - 5 days
        terminate(m.get("siren"), m.get("adhesion"),
                "{\"initiatedBy\":\"MEMBER\",\"reason\":\"general interest\",\"effectiveDate\":\"" + today().minusDays(6) + "\"}")
                .statusCode(422).body("type", equalTo(PROBLEMS + "termination-before-adhesion-effective"));
        terminate(m.get("siren"), m.get("adhesion"), "{\"initiatedBy\":\"MEMBER\",\"reason\":\"general interest\"}")
                .statusCode(400).body("type", equalTo(PROBLEMS + "validation"));
    }

    @Test
    void schoolsOfATerminatedMemberAreFreeFromTheSchoolYearAfterTheTermination() {
        Map<String, String> m = Fixtures.effectiveCommune();
        String next = Fixtures.nextSchoolYear();
        String uai = Fixtures.uai();
        designate(operator(), m.get("siren"), next, schoolsJson(uai)).statusCode(200);
        terminate(m.get("siren"), m.get("adhesion"),
                "{\"initiatedBy\":\"MEMBER\",\"reason\":\"general interest\",\"effectiveDate\":\"" + today() + "\"}").statusCode(200);
        String other = Fixtures.commune();
        deliberated(other);
        designate(operator(), other, next, schoolsJson(uai)).statusCode(200);
        designate(operator(), other, currentSchoolYear(), schoolsJson(m.get("uai"))).statusCode(409);
    }
}
