package fr.somme.ent.membership.rest;

import static fr.somme.ent.membership.Fixtures.currentSchoolYear;
import static fr.somme.ent.membership.Fixtures.designate;
import static fr.somme.ent.membership.Fixtures.refusedWithoutChange;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.somme.ent.membership.FixedClock;
import fr.somme.ent.membership.Fixtures;
import fr.somme.ent.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Issue #14, point 1: every string and list of a request is bounded; an oversized request is refused, nothing stored. */
@QuarkusTest
@TestProfile(FixedClock.class)
class BoundedInputTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void aDesignationWhoseSchoolNameIs1point5MegabytesIsRefusedAndNothingIsStored() {
        String siren = Fixtures.commune();
        Fixtures.deliberated(siren);
        String uai = Fixtures.schoolOf(siren);
        String body = "{\"schools\":[{\"uai\":\"" + uai + "\",\"name\":\"" + "A".repeat(1_500_000)
                + "\",\"classes\":4,\"students\":97}]}";
        refusedWithoutChange(() -> designate(Tokens.memberAgent(siren), siren, currentSchoolYear(), body)
                .statusCode(413).contentType(startsWith(PROBLEM)).body("type", endsWith("/body-too-large")), siren);
    }

    @Test
    void aSchoolNameOver200CharactersIsRefusedAndNothingIsStored() {
        String siren = Fixtures.commune();
        Fixtures.deliberated(siren);
        String uai = Fixtures.schoolOf(siren);
        String body = "{\"schools\":[{\"uai\":\"" + uai + "\",\"name\":\"" + "A".repeat(201) + "\",\"classes\":4,\"students\":97}]}";
        refusedWithoutChange(() -> designate(Fixtures.operator(), siren, currentSchoolYear(), body)
                .statusCode(400).contentType(startsWith(PROBLEM)).body("type", endsWith("/validation"))
                .body("errors[0].field", equalTo("schools[0].name")), siren);
        String atTheLimit = "{\"schools\":[{\"uai\":\"" + uai + "\",\"name\":\"" + "A".repeat(200) + "\",\"classes\":4,\"students\":97}]}";
        designate(Fixtures.operator(), siren, currentSchoolYear(), atTheLimit).statusCode(200);
    }

    @Test
    void aDesignationNamesAtMost500Schools() {
        String siren = Fixtures.commune();
        Fixtures.deliberated(siren);
        List<String> uais = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            uais.add(String.format("0800%03dA", i)); // bounds are checked before anything else: no need for real schools
        }
        String body = Fixtures.schoolsJson(uais.toArray(String[]::new));
        refusedWithoutChange(() -> designate(Fixtures.operator(), siren, currentSchoolYear(), body)
                .statusCode(400).contentType(startsWith(PROBLEM)).body("type", endsWith("/validation"))
                .body("errors[0].field", equalTo("schools")), siren);
    }

    @Test
    void aMemberNameOver200CharactersIsRefusedAndNothingIsStored() {
        String siren = Fixtures.commune();
        String body = Fixtures.memberJson(siren, "COMMUNE", "N".repeat(201), null, "80", true);
        refusedWithoutChange(() -> given().auth().oauth2(Fixtures.operator()).contentType(ContentType.JSON).body(body)
                .when().put("/members/" + siren).then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("errors[0].field", equalTo("name")), siren);
    }

    @Test
    void aTerminationReasonOver4000CharactersIsRefusedAndNothingIsStored() {
        var effective = Fixtures.effectiveCommune();
        String siren = effective.get("siren");
        String body = "{\"initiatedBy\":\"MEMBER\",\"reason\":\"" + "r".repeat(4001) + "\",\"effectiveDate\":\""
                + Fixtures.today().plusMonths(2) + "\"}";
        refusedWithoutChange(() -> given().auth().oauth2(Fixtures.operator()).contentType(ContentType.JSON).body(body)
                .when().post("/members/" + siren + "/adhesions/" + effective.get("adhesion") + "/termination").then()
                .statusCode(400).contentType(startsWith(PROBLEM)).body("errors[0].field", equalTo("reason")), siren);
    }

    @Test
    void aSearchTermOver200CharactersIsRefused() {
        given().auth().oauth2(Fixtures.operator()).queryParam("q", "x".repeat(201)).when().get("/members").then()
                .statusCode(400).contentType(startsWith(PROBLEM)).body("type", endsWith("/validation"));
        given().auth().oauth2(Fixtures.operator()).queryParam("q", "x".repeat(201)).when().get("/reference/schools").then()
                .statusCode(400).contentType(startsWith(PROBLEM)).body("type", endsWith("/validation"));
    }
}
