package fr.somme.ent.membership.rest;

import static fr.somme.ent.membership.Fixtures.currentSchoolYear;
import static fr.somme.ent.membership.Fixtures.deliberate;
import static fr.somme.ent.membership.Fixtures.deliberated;
import static fr.somme.ent.membership.Fixtures.designate;
import static fr.somme.ent.membership.Fixtures.operator;
import static fr.somme.ent.membership.Fixtures.schoolsJson;
import static fr.somme.ent.membership.Fixtures.sign;
import static fr.somme.ent.membership.Fixtures.today;
import static fr.somme.ent.membership.Fixtures.transmit;
import static fr.somme.ent.membership.rest.MemberRegistrationTest.PROBLEMS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.somme.ent.membership.Fixtures;
import fr.somme.ent.testsupport.EventContracts;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class AdhesionLifecycleTest {

    static final String EFFECTIVE = "fr.ent.membership.adhesion-effective.v1";

    private static void stateIs(String siren, String adhesion, String state) {
        given().auth().oauth2(operator()).when().get("/members/" + siren + "/adhesions/" + adhesion)
                .then().statusCode(200).body("state", equalTo(state));
    }

    @Test
    void theAdhesionGoesFromDeliberationToEffectiveWithItsHistoryAndOneConformingEvent() throws Exception {
        String siren = Fixtures.commune();
        String adhesion = deliberated(siren);
        String uai = Fixtures.uai();
        designate(operator(), siren, currentSchoolYear(), schoolsJson(uai)).statusCode(200).body("revision", equalTo(1));
        stateIs(siren, adhesion, "USERS_DESIGNATED");
        sign(operator(), siren, adhesion, today().minusDays(30)).statusCode(200).body("state", equalTo("CHARTER_SIGNED"));
        transmit(operator(), siren, adhesion, "CHARTER", today().minusDays(3)).statusCode(200)
                .body("state", equalTo("CHARTER_SIGNED")).body("effectiveDate", nullValue());
        transmit(operator(), siren, adhesion, "DELIBERATION", today().minusDays(20)).statusCode(200)
                .body("state", equalTo("EFFECTIVE"))
                .body("effectiveDate", equalTo(today().minusDays(3).toString()));

        given().auth().oauth2(operator()).when().get("/members/" + siren + "/adhesions/" + adhesion)
                .then().statusCode(200)
                .body("history.action", contains("DELIBERATION_RECORDED", "USERS_DESIGNATED", "CHARTER_SIGNED",
                        "CHARTER_TRANSMITTED", "DELIBERATION_TRANSMITTED", "BECAME_EFFECTIVE"))
                .body("history.actor", everyItem(equalTo("op-1")))
                .body("history.at", everyItem(notNullValue()));

        ConsumerRecord<String, String> record = TopicProbe.awaitRecord("ent.membership.v1",
                r -> siren.equals(r.key()) && r.value().contains(EFFECTIVE), Duration.ofSeconds(30));
        EventContracts.assertConforms(record.value(), EFFECTIVE);
        JsonNode data = new ObjectMapper().readTree(record.value()).get("data");
        assertEquals(today().minusDays(3).toString(), data.get("effectiveDate").asText());
        assertEquals(currentSchoolYear(), data.get("schoolYear").asText());
        assertEquals(uai, data.get("schools").get(0).get("uai").asText());
        assertEquals(1, Fixtures.events(siren, EFFECTIVE).size());
    }

    @Test
    void adhesionBecomesEffectiveOnlyAfterTransmissionToControleDeLegalite() {
        String siren = Fixtures.commune();
        String adhesion = deliberated(siren);
        designate(operator(), siren, currentSchoolYear(), schoolsJson(Fixtures.uai())).statusCode(200);
        sign(operator(), siren, adhesion, today().minusDays(30)).statusCode(200);
        transmit(operator(), siren, adhesion, "DELIBERATION", today().minusDays(10)).statusCode(200)
                .body("state", equalTo("CHARTER_SIGNED")).body("effectiveDate", nullValue());
        assertEquals(0, Fixtures.events(siren, EFFECTIVE).size(), "no event before both transmissions");
        transmit(operator(), siren, adhesion, "CHARTER", today().minusDays(12)).statusCode(200)
                .body("state", equalTo("EFFECTIVE"))
                .body("effectiveDate", equalTo(today().minusDays(10).toString()));
        assertEquals(1, Fixtures.events(siren, EFFECTIVE).size());
        EventContracts.assertConforms(Fixtures.events(siren, EFFECTIVE).get(0), EFFECTIVE);
    }

    @Test
    void onlyMembersWithSchoolCompetenceCanAdhere() {
        String siren = Fixtures.member("EPCI", false);
        deliberate(operator(), siren, today().minusDays(10))
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "member-without-school-competence"));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM adhesion WHERE member_id = ?", siren));
    }

    @Test
    void deliberationApprovesTheCharterAndAuthorisesTheExecutive() {
        String siren = Fixtures.commune();
        given().auth().oauth2(operator()).contentType(ContentType.JSON)
                .body("{\"number\":\"D1\",\"date\":\"" + today().minusDays(5) + "\",\"charterApproved\":true,\"executiveAuthorised\":false}")
                .when().post("/members/" + siren + "/adhesions")
                .then().statusCode(422).body("type", equalTo(PROBLEMS + "deliberation-incomplete"));
        given().auth().oauth2(operator()).contentType(ContentType.JSON)
                .body("{\"number\":\"D1\",\"date\":\"" + today().minusDays(5) + "\",\"charterApproved\":false,\"executiveAuthorised\":true}")
                .when().post("/members/" + siren + "/adhesions")
                .then().statusCode(422).body("type", equalTo(PROBLEMS + "deliberation-incomplete"));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM adhesion WHERE member_id = ?", siren));
    }

    @Test
    void oneOpenAdhesionPerMember() {
        String siren = Fixtures.commune();
        deliberated(siren);
        deliberate(operator(), siren, today().minusDays(3)).statusCode(409).body("type", equalTo(PROBLEMS + "adhesion-already-open"));
    }

    @Test
    void legalDatesAreNotInTheFuture() {
        String siren = Fixtures.commune();
        deliberate(operator(), siren, today().plusDays(1)).statusCode(422).body("type", equalTo(PROBLEMS + "date-in-future"));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM adhesion WHERE member_id = ?", siren));
    }

    @Test
    void charterIsSignedAfterTheUsersAreDesignated() {
        String siren = Fixtures.commune();
        String adhesion = deliberated(siren);
        sign(operator(), siren, adhesion, today().minusDays(1)).statusCode(409).body("type", equalTo(PROBLEMS + "users-not-designated"));
        stateIs(siren, adhesion, "DELIBERATED");
    }

    @Test
    void charterIsNotSignedBeforeTheDeliberation() {
        String siren = Fixtures.commune();
        String adhesion = deliberated(siren);
        designate(operator(), siren, currentSchoolYear(), schoolsJson(Fixtures.uai())).statusCode(200);
        sign(operator(), siren, adhesion, today().minusDays(41)).statusCode(422)
                .body("type", equalTo(PROBLEMS + "charter-signed-before-deliberation"));
        stateIs(siren, adhesion, "USERS_DESIGNATED");
    }

    @Test
    void deliberationTransmittedNotBeforeItWasTaken() {
        String siren = Fixtures.commune();
        String adhesion = deliberated(siren); // deliberation: today - 40 days
        transmit(operator(), siren, adhesion, "DELIBERATION", today().minusDays(41)).statusCode(422)
                .body("type", equalTo(PROBLEMS + "transmission-before-deliberation"));
        given().auth().oauth2(operator()).when().get("/members/" + siren + "/adhesions/" + adhesion)
                .then().statusCode(200).body("deliberationTransmittedOn", nullValue()).body("state", equalTo("DELIBERATED"));
        transmit(operator(), siren, adhesion, "DELIBERATION", today().minusDays(39)).statusCode(200);
        transmit(operator(), siren, adhesion, "DELIBERATION", today().minusDays(38)).statusCode(409)
                .body("type", equalTo(PROBLEMS + "already-transmitted"));
    }

    @Test
    void signedCharterTransmittedAfterItsSignature() {
        String siren = Fixtures.commune();
        String adhesion = deliberated(siren);
        designate(operator(), siren, currentSchoolYear(), schoolsJson(Fixtures.uai())).statusCode(200);
        transmit(operator(), siren, adhesion, "CHARTER", today().minusDays(5)).statusCode(409)
                .body("type", equalTo(PROBLEMS + "charter-not-signed"));
        sign(operator(), siren, adhesion, today().minusDays(20)).statusCode(200);
        transmit(operator(), siren, adhesion, "CHARTER", today().minusDays(21)).statusCode(422)
                .body("type", equalTo(PROBLEMS + "charter-transmitted-before-signature"));
        given().auth().oauth2(operator()).when().get("/members/" + siren + "/adhesions/" + adhesion)
                .then().statusCode(200).body("charterTransmittedOn", nullValue()).body("state", equalTo("CHARTER_SIGNED"));
    }

    @Test
    void anUnknownAdhesionIs404() {
        String siren = Fixtures.commune();
        given().auth().oauth2(operator()).when().get("/members/" + siren + "/adhesions/" + java.util.UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }
}
