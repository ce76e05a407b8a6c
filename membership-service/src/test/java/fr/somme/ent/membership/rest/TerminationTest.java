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
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.somme.ent.commons.ids.SchoolYear;
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
    void syndicatTerminatesOnlyAfterAFailedAttemptAtAgreement() {
        Map<String, String> m = Fixtures.effectiveCommune();
        String siren = m.get("siren");
        String effective = today().plusMonths(2).toString();
        refusedWithoutChange(() -> terminate(siren, m.get("adhesion"),
                "{\"initiatedBy\":\"SYNDICAT\",\"reason\":\"non-respect of the charter\",\"effectiveDate\":\"" + effective + "\"}")
                .statusCode(422).body("type", equalTo(PROBLEMS + "agreement-attempt-not-recorded")), siren);
        refusedWithoutChange(() -> terminate(siren, m.get("adhesion"),
                "{\"initiatedBy\":\"SYNDICAT\",\"reason\":\"non-respect of the charter\",\"effectiveDate\":\"" + effective
                        + "\",\"agreementAttemptFailedOn\":\"" + today().minusDays(1) + "\"}")
                .statusCode(422).body("type", equalTo(PROBLEMS + "agreement-attempt-not-recorded")), siren);
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
                .then().statusCode(200).body("id", contains(adhesion, again)).body("state", contains("TERMINATED", "DELIBERATED"));
    }

    @Test
    void onlyAnEffectiveAdhesionIsTerminated() {
        String siren = Fixtures.commune();
        String adhesion = deliberated(siren);
        String body = "{\"initiatedBy\":\"MEMBER\",\"reason\":\"general interest\",\"effectiveDate\":\"" + today() + "\"}";
        refusedWithoutChange(() -> terminate(siren, adhesion, body)
                .statusCode(409).body("type", equalTo(PROBLEMS + "adhesion-not-effective")), siren);
        designate(operator(), siren, currentSchoolYear(), schoolsJson(Fixtures.uai())).statusCode(200);
        sign(operator(), siren, adhesion, today().minusDays(1)).statusCode(200);
        refusedWithoutChange(() -> terminate(siren, adhesion, body)
                .statusCode(409).body("type", equalTo(PROBLEMS + "adhesion-not-effective")), siren);
    }

    @Test
    void terminationTakesEffectAfterTheAdhesion() {
        Map<String, String> m = Fixtures.effectiveCommune(); // effective on today - 5 days
        String siren = m.get("siren");
        refusedWithoutChange(() -> terminate(siren, m.get("adhesion"),
                "{\"initiatedBy\":\"MEMBER\",\"reason\":\"general interest\",\"effectiveDate\":\"" + today().minusDays(6) + "\"}")
                .statusCode(422).body("type", equalTo(PROBLEMS + "termination-before-adhesion-effective")), siren);
        refusedWithoutChange(() -> terminate(siren, m.get("adhesion"), "{\"initiatedBy\":\"MEMBER\",\"reason\":\"general interest\"}")
                .statusCode(400).body("type", equalTo(PROBLEMS + "validation")), siren);
        // On the day the adhesion took effect is not before it.
        terminate(siren, m.get("adhesion"),
                "{\"initiatedBy\":\"MEMBER\",\"reason\":\"general interest\",\"effectiveDate\":\"" + today().minusDays(5) + "\"}")
                .statusCode(200).body("termination.effectiveDate", equalTo(today().minusDays(5).toString()));
    }

    private static String designatedSchools(String siren) {
        return Fixtures.text("SELECT string_agg(school_year || ' ' || uai, ',' ORDER BY school_year, uai) FROM school_designation "
                + "WHERE member_id = ?", siren);
    }

    @Test
    void aTerminatedMemberKeepsItsSchoolsUpToTheEndOfTheSchoolYearOfTheTerminationAndLaterYearsAreFreed() {
        Map<String, String> m = Fixtures.effectiveCommune(); // m.uai designated for the current school year
        String siren = m.get("siren");
        SchoolYear current = SchoolYear.parse(currentSchoolYear());
        String next = current.next().name();
        String afterNext = current.next().next().name();
        String nextUai = Fixtures.uai();
        String afterNextUai = Fixtures.uai();
        designate(operator(), siren, next, schoolsJson(nextUai)).statusCode(200);
        designate(operator(), siren, afterNext, schoolsJson(afterNextUai)).statusCode(200);
        // Effective on the last day of the current school year: that year is kept, the following ones are freed.
        terminate(siren, m.get("adhesion"), "{\"initiatedBy\":\"MEMBER\",\"reason\":\"general interest\",\"effectiveDate\":\""
                + current.lastDay() + "\"}").statusCode(200);
        assertEquals(current.name() + " " + m.get("uai"), designatedSchools(siren));
        given().auth().oauth2(operator()).when().get("/members/" + siren + "/designations/" + current.name())
                .then().statusCode(200).body("schools.uai", contains(m.get("uai")));
        // The freed years keep their revisions in the history.
        given().auth().oauth2(operator()).when().get("/members/" + siren + "/designations/" + next + "/history")
                .then().statusCode(200).body("revision", contains(1)).body("[0].schools.uai", contains(nextUai));

        String other = Fixtures.commune();
        deliberated(other);
        designate(operator(), other, next, schoolsJson(nextUai)).statusCode(200);
        designate(operator(), other, afterNext, schoolsJson(afterNextUai)).statusCode(200);
        refusedWithoutChange(() -> designate(operator(), other, current.name(), schoolsJson(m.get("uai"))).statusCode(409)
                .body("type", equalTo(PROBLEMS + "school-designated-by-another-member")), other, siren);
        assertEquals(current.name() + " " + m.get("uai"), designatedSchools(siren));
        assertEquals(next + " " + nextUai + "," + afterNext + " " + afterNextUai, designatedSchools(other));
    }

    @Test
    void aTerminationTakingEffectInALaterSchoolYearKeepsTheSchoolsOfThatYear() {
        Map<String, String> m = Fixtures.effectiveCommune();
        String siren = m.get("siren");
        SchoolYear current = SchoolYear.parse(currentSchoolYear());
        String nextUai = Fixtures.uai();
        String afterNextUai = Fixtures.uai();
        designate(operator(), siren, current.next().name(), schoolsJson(nextUai)).statusCode(200);
        designate(operator(), siren, current.next().next().name(), schoolsJson(afterNextUai)).statusCode(200);
        terminate(siren, m.get("adhesion"), "{\"initiatedBy\":\"MEMBER\",\"reason\":\"general interest\",\"effectiveDate\":\""
                + current.next().firstDay() + "\"}").statusCode(200);
        assertEquals(current.name() + " " + m.get("uai") + "," + current.next().name() + " " + nextUai, designatedSchools(siren));
    }
}
