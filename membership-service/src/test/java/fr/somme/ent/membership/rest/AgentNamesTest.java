package fr.somme.ent.membership.rest;

import static fr.somme.ent.membership.Fixtures.currentSchoolYear;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.somme.ent.membership.FixedClock;
import fr.somme.ent.membership.Fixtures;
import fr.somme.ent.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Issue #14, point 4: partners read members, adhesions and designations, never the names of the agents who acted. */
@QuarkusTest
@TestProfile(FixedClock.class)
class AgentNamesTest {

    private static final String PARTNER = Tokens.of("resource-provider", "partner").sign();

    @Test
    void partnersNeverReadAgentNamesInAdhesionHistories() {
        Map<String, String> effective = Fixtures.effectiveCommune();
        String siren = effective.get("siren");
        String adhesion = "/members/" + siren + "/adhesions/" + effective.get("adhesion");
        given().auth().oauth2(Fixtures.operator()).contentType(ContentType.JSON)
                .body("{\"components\":[\"ACCOUNTS\"],\"notifiedOn\":\"" + Fixtures.today() + "\"}")
                .when().post("/members/" + siren + "/component-opt-outs").then();

        given().auth().oauth2(PARTNER).when().get(adhesion).then().statusCode(200)
                .body("history", hasSize(6)).body("history.action", hasItem("BECAME_EFFECTIVE"))
                .body("history.at", everyItem(notNullValue())).body("history.actor", everyItem(nullValue()));
        given().auth().oauth2(PARTNER).when().get("/members/" + siren + "/adhesions").then().statusCode(200)
                .body("items.history.flatten().actor", everyItem(nullValue()));
        given().auth().oauth2(PARTNER).when().get("/members/" + siren + "/designations/" + currentSchoolYear() + "/history")
                .then().statusCode(200).body("designatedBy", everyItem(nullValue())).body("designatedAt", everyItem(notNullValue()));
        given().auth().oauth2(PARTNER).when().get("/members/" + siren).then().statusCode(200)
                .body("createdBy", nullValue()).body("updatedBy", nullValue()).body("createdAt", notNullValue());
        given().auth().oauth2(PARTNER).queryParam("q", "Commune " + siren).when().get("/members").then().statusCode(200)
                .body("items.createdBy", everyItem(nullValue()));
        given().auth().oauth2(PARTNER).when().get("/members/" + siren + "/component-opt-outs").then().statusCode(200)
                .body("items.recordedBy", everyItem(nullValue()));
    }

    @Test
    void theSyndicatsStaffAndTheMembersAgentsStillReadWhoActed() {
        Map<String, String> effective = Fixtures.effectiveCommune();
        String siren = effective.get("siren");
        String adhesion = "/members/" + siren + "/adhesions/" + effective.get("adhesion");
        for (String reader : new String[] { Fixtures.operator(), Tokens.memberAgent(siren), Tokens.of("fin-1", "finance").sign(),
                Tokens.of("dsden-1", "dsden").sign(), Tokens.of("both", "partner", "operator").sign() }) {
            given().auth().oauth2(reader).when().get(adhesion).then().statusCode(200)
                    .body("history.actor", everyItem(notNullValue())).body("history.actor", hasItem("op-1"));
            given().auth().oauth2(reader).when().get("/members/" + siren + "/designations/" + currentSchoolYear() + "/history")
                    .then().statusCode(200).body("designatedBy", everyItem(notNullValue()));
            given().auth().oauth2(reader).when().get("/members/" + siren).then().statusCode(200).body("createdBy", notNullValue());
        }
    }
}
