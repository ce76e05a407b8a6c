package fr.somme.ent.membership.rest;

import static fr.somme.ent.membership.Fixtures.currentSchoolYear;
import static fr.somme.ent.membership.Fixtures.deliberate;
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
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.somme.ent.membership.FixedClock;
import fr.somme.ent.membership.Fixtures;
import fr.somme.ent.testsupport.EventContracts;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The adhesion from its deliberation to its effect (art. 3). "Now" is {@link FixedClock#NOW}. */
@QuarkusTest
@TestProfile(FixedClock.class)
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
        String uai = Fixtures.schoolOf(siren);
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
        designate(operator(), siren, currentSchoolYear(), schoolsJson(Fixtures.schoolOf(siren))).statusCode(200);
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
        refusedWithoutChange(() -> deliberate(operator(), siren, today().minusDays(10))
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "member-without-school-competence")), siren);
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM adhesion WHERE member_id = ?", siren));
    }

    @Test
    void onlyMembersInsideThePerimeterCanAdhereWhenTheyDeliberate() {
        // Registered while the perimeter still held département 60 (the configuration changed since): the API cannot
        // register it any more, so the row is written directly.
        String siren = Fixtures.siren();
        Fixtures.execute("INSERT INTO member (id, kind, name, departement, school_competence, created_at, created_by, updated_at, "
                + "updated_by) VALUES (?, 'SCHOOL_SYNDICATE', 'SIVOS de l''Oise', '60', true, now(), 'test', now(), 'test')", siren);
        refusedWithoutChange(() -> deliberate(operator(), siren, today().minusDays(10))
                .statusCode(422).body("type", equalTo(PROBLEMS + "member-outside-perimeter")), siren);
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM adhesion WHERE member_id = ?", siren));
    }

    @Test
    void deliberationApprovesTheCharterAndAuthorisesTheExecutive() {
        String siren = Fixtures.commune();
        refusedWithoutChange(() -> given().auth().oauth2(operator()).contentType(ContentType.JSON)
                .body("{\"number\":\"D1\",\"date\":\"" + today().minusDays(5) + "\",\"charterApproved\":true,\"executiveAuthorised\":false}")
                .when().post("/members/" + siren + "/adhesions")
                .then().statusCode(422).body("type", equalTo(PROBLEMS + "deliberation-incomplete")), siren);
        refusedWithoutChange(() -> given().auth().oauth2(operator()).contentType(ContentType.JSON)
                .body("{\"number\":\"D1\",\"date\":\"" + today().minusDays(5) + "\",\"charterApproved\":false,\"executiveAuthorised\":true}")
                .when().post("/members/" + siren + "/adhesions")
                .then().statusCode(422).body("type", equalTo(PROBLEMS + "deliberation-incomplete")), siren);
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM adhesion WHERE member_id = ?", siren));
    }

    @Test
    void oneOpenAdhesionPerMember() {
        String siren = Fixtures.commune();
        deliberated(siren);
        refusedWithoutChange(() -> deliberate(operator(), siren, today().minusDays(3)).statusCode(409)
                .body("type", equalTo(PROBLEMS + "adhesion-already-open")), siren);
        // Still open once designated, signed or effective.
        Map<String, String> effective = Fixtures.effectiveCommune();
        refusedWithoutChange(() -> deliberate(operator(), effective.get("siren"), today().minusDays(3)).statusCode(409)
                .body("type", equalTo(PROBLEMS + "adhesion-already-open")), effective.get("siren"));
        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM adhesion WHERE member_id = ?", siren));
    }

    @Test
    void oneOpenAdhesionPerMemberWhenTwoDeliberationsArriveAtTheSameTime() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                String siren = Fixtures.commune();
                CyclicBarrier together = new CyclicBarrier(2);
                Callable<Response> deliberation = () -> {
                    together.await(30, TimeUnit.SECONDS);
                    return deliberate(operator(), siren, today().minusDays(3)).extract().response();
                };
                Future<Response> one = pool.submit(deliberation);
                Future<Response> other = pool.submit(deliberation);
                List<Response> answers = List.of(one.get(60, TimeUnit.SECONDS), other.get(60, TimeUnit.SECONDS));
                List<Integer> statuses = answers.stream().map(Response::statusCode).sorted().toList();
                assertEquals(List.of(201, 409), statuses, "exactly one deliberation opens the adhesion");
                Response loser = answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
                assertEquals(PROBLEMS + "adhesion-already-open", loser.jsonPath().getString("type"));
                assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM adhesion WHERE member_id = ?", siren));
                assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM adhesion_transition t JOIN adhesion a ON a.id = t.adhesion_id "
                        + "WHERE a.member_id = ? AND t.action = 'DELIBERATION_RECORDED'", siren));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theDeliberationDateIsNotInTheFuture() {
        String siren = Fixtures.commune();
        refusedWithoutChange(() -> deliberate(operator(), siren, today().plusDays(1)).statusCode(422)
                .body("type", equalTo(PROBLEMS + "date-in-future")), siren);
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM adhesion WHERE member_id = ?", siren));
        deliberate(operator(), siren, today()).statusCode(201).body("deliberation.date", equalTo(today().toString()));
    }

    @Test
    void theSignatureDateIsNotInTheFuture() {
        String siren = Fixtures.commune();
        String adhesion = deliberated(siren);
        designate(operator(), siren, currentSchoolYear(), schoolsJson(Fixtures.schoolOf(siren))).statusCode(200);
        refusedWithoutChange(() -> sign(operator(), siren, adhesion, today().plusDays(1)).statusCode(422)
                .body("type", equalTo(PROBLEMS + "date-in-future")), siren);
        stateIs(siren, adhesion, "USERS_DESIGNATED");
        sign(operator(), siren, adhesion, today()).statusCode(200).body("charterSignedOn", equalTo(today().toString()));
    }

    @Test
    void theTransmissionDatesAreNotInTheFuture() {
        String siren = Fixtures.commune();
        String adhesion = deliberated(siren);
        designate(operator(), siren, currentSchoolYear(), schoolsJson(Fixtures.schoolOf(siren))).statusCode(200);
        sign(operator(), siren, adhesion, today().minusDays(30)).statusCode(200);
        refusedWithoutChange(() -> transmit(operator(), siren, adhesion, "DELIBERATION", today().plusDays(1)).statusCode(422)
                .body("type", equalTo(PROBLEMS + "date-in-future")), siren);
        refusedWithoutChange(() -> transmit(operator(), siren, adhesion, "CHARTER", today().plusDays(1)).statusCode(422)
                .body("type", equalTo(PROBLEMS + "date-in-future")), siren);
        transmit(operator(), siren, adhesion, "DELIBERATION", today()).statusCode(200);
        transmit(operator(), siren, adhesion, "CHARTER", today()).statusCode(200)
                .body("state", equalTo("EFFECTIVE")).body("effectiveDate", equalTo(today().toString()));
    }

    @Test
    void charterIsSignedAfterTheUsersAreDesignated() {
        String siren = Fixtures.commune();
        String adhesion = deliberated(siren);
        refusedWithoutChange(() -> sign(operator(), siren, adhesion, today().minusDays(1)).statusCode(409)
                .body("type", equalTo(PROBLEMS + "users-not-designated")), siren);
        stateIs(siren, adhesion, "DELIBERATED");
    }

    @Test
    void charterIsNotSignedBeforeTheDeliberation() {
        String siren = Fixtures.commune();
        String adhesion = deliberated(siren); // deliberation: today - 40 days
        designate(operator(), siren, currentSchoolYear(), schoolsJson(Fixtures.schoolOf(siren))).statusCode(200);
        refusedWithoutChange(() -> sign(operator(), siren, adhesion, today().minusDays(41)).statusCode(422)
                .body("type", equalTo(PROBLEMS + "charter-signed-before-deliberation")), siren);
        stateIs(siren, adhesion, "USERS_DESIGNATED");
        // On the day of the deliberation is not before it.
        sign(operator(), siren, adhesion, today().minusDays(40)).statusCode(200).body("state", equalTo("CHARTER_SIGNED"));
    }

    @Test
    void theCharterIsSignedOnce() {
        String siren = Fixtures.commune();
        String adhesion = deliberated(siren);
        designate(operator(), siren, currentSchoolYear(), schoolsJson(Fixtures.schoolOf(siren))).statusCode(200);
        sign(operator(), siren, adhesion, today().minusDays(30)).statusCode(200);
        refusedWithoutChange(() -> sign(operator(), siren, adhesion, today().minusDays(20)).statusCode(409)
                .body("type", equalTo(PROBLEMS + "charter-already-signed")), siren);
        Map<String, String> effective = Fixtures.effectiveCommune();
        refusedWithoutChange(() -> sign(operator(), effective.get("siren"), effective.get("adhesion"), today()).statusCode(409)
                .body("type", equalTo(PROBLEMS + "charter-already-signed")), effective.get("siren"));
        given().auth().oauth2(operator()).when().get("/members/" + siren + "/adhesions/" + adhesion)
                .then().statusCode(200).body("charterSignedOn", equalTo(today().minusDays(30).toString()));
    }

    @Test
    void deliberationTransmittedNotBeforeItWasTaken() {
        String siren = Fixtures.commune();
        String adhesion = deliberated(siren); // deliberation: today - 40 days
        refusedWithoutChange(() -> transmit(operator(), siren, adhesion, "DELIBERATION", today().minusDays(41)).statusCode(422)
                .body("type", equalTo(PROBLEMS + "transmission-before-deliberation")), siren);
        given().auth().oauth2(operator()).when().get("/members/" + siren + "/adhesions/" + adhesion)
                .then().statusCode(200).body("deliberationTransmittedOn", nullValue()).body("state", equalTo("DELIBERATED"));
        // On the day it was taken is not before it.
        transmit(operator(), siren, adhesion, "DELIBERATION", today().minusDays(40)).statusCode(200)
                .body("deliberationTransmittedOn", equalTo(today().minusDays(40).toString()));
        refusedWithoutChange(() -> transmit(operator(), siren, adhesion, "DELIBERATION", today().minusDays(38)).statusCode(409)
                .body("type", equalTo(PROBLEMS + "already-transmitted")), siren);
    }

    @Test
    void signedCharterTransmittedAfterItsSignature() {
        String siren = Fixtures.commune();
        String adhesion = deliberated(siren);
        designate(operator(), siren, currentSchoolYear(), schoolsJson(Fixtures.schoolOf(siren))).statusCode(200);
        refusedWithoutChange(() -> transmit(operator(), siren, adhesion, "CHARTER", today().minusDays(5)).statusCode(409)
                .body("type", equalTo(PROBLEMS + "charter-not-signed")), siren);
        sign(operator(), siren, adhesion, today().minusDays(20)).statusCode(200);
        refusedWithoutChange(() -> transmit(operator(), siren, adhesion, "CHARTER", today().minusDays(21)).statusCode(422)
                .body("type", equalTo(PROBLEMS + "charter-transmitted-before-signature")), siren);
        given().auth().oauth2(operator()).when().get("/members/" + siren + "/adhesions/" + adhesion)
                .then().statusCode(200).body("charterTransmittedOn", nullValue()).body("state", equalTo("CHARTER_SIGNED"));
        // On the day of the signature is not before it; a second transmission is refused.
        transmit(operator(), siren, adhesion, "CHARTER", today().minusDays(20)).statusCode(200)
                .body("charterTransmittedOn", equalTo(today().minusDays(20).toString()));
        refusedWithoutChange(() -> transmit(operator(), siren, adhesion, "CHARTER", today().minusDays(10)).statusCode(409)
                .body("type", equalTo(PROBLEMS + "already-transmitted")), siren);
    }

    @Test
    void anUnknownAdhesionIs404() {
        String siren = Fixtures.commune();
        given().auth().oauth2(operator()).when().get("/members/" + siren + "/adhesions/" + java.util.UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }
}
