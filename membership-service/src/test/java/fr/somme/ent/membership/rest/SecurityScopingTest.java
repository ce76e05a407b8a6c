package fr.somme.ent.membership.rest;

import static fr.somme.ent.membership.Fixtures.currentSchoolYear;
import static fr.somme.ent.membership.Fixtures.deliberate;
import static fr.somme.ent.membership.Fixtures.designate;
import static fr.somme.ent.membership.Fixtures.schoolsJson;
import static fr.somme.ent.membership.Fixtures.sign;
import static fr.somme.ent.membership.Fixtures.today;
import static fr.somme.ent.membership.Fixtures.transmit;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import fr.somme.ent.membership.FixedClock;
import fr.somme.ent.membership.Fixtures;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Architecture, security: scoping is enforced in the service; a member agent sees only its own member. */
@QuarkusTest
@TestProfile(FixedClock.class)
class SecurityScopingTest {

    @Test
    void aMemberAgentRecordsItsOwnAdhesionFromDeliberationToTransmission() {
        String siren = Fixtures.commune();
        String agent = Tokens.memberAgent(siren);
        String adhesion = deliberate(agent, siren, today().minusDays(30)).statusCode(201).extract().path("id");
        designate(agent, siren, currentSchoolYear(), schoolsJson(Fixtures.schoolOf(siren))).statusCode(200);
        sign(agent, siren, adhesion, today().minusDays(20)).statusCode(200);
        transmit(agent, siren, adhesion, "DELIBERATION", today().minusDays(10)).statusCode(200);
        transmit(agent, siren, adhesion, "CHARTER", today().minusDays(10)).statusCode(200).body("state", equalTo("EFFECTIVE"))
                .body("history.actor", contains("agent-" + siren, "agent-" + siren, "agent-" + siren, "agent-" + siren,
                        "agent-" + siren, "agent-" + siren));
        given().auth().oauth2(agent).when().get("/members/" + siren).then().statusCode(200).body("id", equalTo(siren));
        given().auth().oauth2(agent).when().get("/members/" + siren + "/adhesions").then().statusCode(200);
        given().auth().oauth2(agent).when().get("/members/" + siren + "/designations/" + currentSchoolYear()).then().statusCode(200);
    }

    @Test
    void aMemberAgentGets404ForAnotherMembersData() {
        Map<String, String> other = Fixtures.effectiveCommune();
        String otherSiren = other.get("siren");
        String own = Fixtures.commune();
        String agent = Tokens.memberAgent(own);
        given().auth().oauth2(agent).when().get("/members/" + otherSiren).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(agent).when().get("/members/" + otherSiren + "/adhesions").then().statusCode(404);
        given().auth().oauth2(agent).when().get("/members/" + otherSiren + "/adhesions/" + other.get("adhesion")).then().statusCode(404);
        given().auth().oauth2(agent).when().get("/members/" + otherSiren + "/designations/" + currentSchoolYear()).then().statusCode(404);
        given().auth().oauth2(agent).when().get("/members/" + otherSiren + "/designations/" + currentSchoolYear() + "/history")
                .then().statusCode(404);
        given().auth().oauth2(agent).when().get("/members/" + otherSiren + "/component-opt-outs").then().statusCode(404);
        // The same answer as for a member that does not exist: existence does not leak.
        given().auth().oauth2(agent).when().get("/members/" + Fixtures.siren()).then().statusCode(404);
        given().auth().oauth2(agent).when().get("/members").then().statusCode(200)
                .body("items.id", contains(own)).body("total", equalTo(1));

        String before = Fixtures.stateOf(otherSiren);
        deliberate(agent, otherSiren, today().minusDays(3)).statusCode(404);
        designate(agent, otherSiren, currentSchoolYear(), schoolsJson(Fixtures.uai())).statusCode(404);
        sign(agent, otherSiren, other.get("adhesion"), today()).statusCode(404);
        transmit(agent, otherSiren, other.get("adhesion"), "CHARTER", today()).statusCode(404);
        assertEquals(before, Fixtures.stateOf(otherSiren), "refused requests change nothing");
        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM designation_revision WHERE member_id = ?", otherSiren));
    }

    @Test
    void aMemberAgentCannotRegisterTerminateOptOutOrImport() {
        Map<String, String> m = Fixtures.effectiveCommune();
        String agent = Tokens.memberAgent(m.get("siren"));
        String before = Fixtures.stateOf(m.get("siren"));
        given().auth().oauth2(agent).contentType(ContentType.JSON)
                .body(Fixtures.memberJson(Fixtures.siren(), "EPCI", "x", null, "80", true)).when().post("/members")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(agent).contentType(ContentType.JSON)
                .body(Fixtures.memberJson(m.get("siren"), "COMMUNE", "Renamed", null, "80", true)).when().put("/members/" + m.get("siren"))
                .then().statusCode(403);
        given().auth().oauth2(agent).contentType(ContentType.JSON)
                .body("{\"initiatedBy\":\"MEMBER\",\"reason\":\"r\",\"effectiveDate\":\"" + today() + "\"}")
                .when().post("/members/" + m.get("siren") + "/adhesions/" + m.get("adhesion") + "/termination").then().statusCode(403);
        given().auth().oauth2(agent).contentType(ContentType.JSON).body("{\"components\":[\"ACCOUNTS\"],\"notifiedOn\":\"2026-06-01\"}")
                .when().post("/members/" + m.get("siren") + "/component-opt-outs").then().statusCode(403);
        given().auth().oauth2(agent).when().post("/reference/somme/import").then().statusCode(403);
        given().auth().oauth2(Fixtures.operator()).when().get("/members/" + m.get("siren") + "/adhesions/" + m.get("adhesion"))
                .then().body("state", equalTo("EFFECTIVE"));
        assertEquals(before, Fixtures.stateOf(m.get("siren")), "refused requests change nothing");
    }

    @ParameterizedTest
    @ValueSource(strings = { "finance", "dsden", "partner" })
    void financeDsdenAndPartnerReadEverythingAndChangeNothing(String role) {
        Map<String, String> m = Fixtures.effectiveCommune();
        String siren = m.get("siren");
        String token = Tokens.of(role + "-1", role).sign();
        given().auth().oauth2(token).when().get("/members").then().statusCode(200);
        given().auth().oauth2(token).when().get("/members/" + siren).then().statusCode(200);
        given().auth().oauth2(token).when().get("/members/" + siren + "/adhesions/" + m.get("adhesion")).then().statusCode(200)
                .body("state", equalTo("EFFECTIVE"));
        given().auth().oauth2(token).when().get("/members/" + siren + "/designations/" + currentSchoolYear()).then().statusCode(200);
        given().auth().oauth2(token).when().get("/members/" + siren + "/component-opt-outs").then().statusCode(200);

        String fresh = Fixtures.siren();
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Fixtures.memberJson(fresh, "EPCI", "x", null, "80", true)).when().post("/members").then().statusCode(403);
        String commune = Fixtures.commune();
        deliberate(token, commune, today().minusDays(3)).statusCode(403);
        designate(token, siren, Fixtures.nextSchoolYear(), schoolsJson(Fixtures.uai())).statusCode(403);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"initiatedBy\":\"MEMBER\",\"reason\":\"r\",\"effectiveDate\":\"" + today() + "\"}")
                .when().post("/members/" + siren + "/adhesions/" + m.get("adhesion") + "/termination").then().statusCode(403);
        given().auth().oauth2(token).when().post("/reference/somme/import").then().statusCode(403);
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM member WHERE id = ?", fresh));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM adhesion WHERE member_id = ?", commune));
        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM designation_revision WHERE member_id = ?", siren));
    }

    @ParameterizedTest
    @ValueSource(strings = { "teacher", "ien" })
    void otherRolesAreRefused(String role) {
        given().auth().oauth2(Tokens.of(role + "-1", role).sign()).when().get("/members").then().statusCode(403);
    }

    @Test
    void noTokenIs401() {
        given().when().get("/members").then().statusCode(401).contentType("application/problem+json");
    }
}
