package fr.somme.ent.membership.rest;

import static fr.somme.ent.membership.Fixtures.memberJson;
import static fr.somme.ent.membership.Fixtures.operator;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import fr.somme.ent.membership.Fixtures;
import fr.somme.ent.testsupport.EventContracts;
import fr.somme.ent.testsupport.ServiceDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class MemberRegistrationTest {

    static final String PROBLEMS = "https://ent.somme-numerique.fr/problems/";

    private static long stored(String siren) {
        return ServiceDatabase.count("SELECT count(*) FROM member WHERE id = ?", siren);
    }

    @Test
    void anOperatorRegistersUpdatesReadsAMemberAndEachChangeIsAConformingEvent() {
        String siren = Fixtures.siren();
        String insee = Fixtures.insee();
        given().auth().oauth2(operator()).contentType(ContentType.JSON)
                .body(memberJson(siren, "COMMUNE", "Villers-Test", insee, null, true))
                .when().post("/members")
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/members/" + siren))
                .body("id", equalTo(siren)).body("departement", equalTo("80")).body("createdBy", equalTo("op-1"));
        given().auth().oauth2(operator()).contentType(ContentType.JSON)
                .body(memberJson(siren, "COMMUNE", "Villers-Test-Renamed", insee, null, true))
                .when().put("/members/" + siren)
                .then().statusCode(200).body("name", equalTo("Villers-Test-Renamed"));
        given().auth().oauth2(operator()).when().get("/members/" + siren)
                .then().statusCode(200).body("name", equalTo("Villers-Test-Renamed")).body("inseeCode", equalTo(insee));

        List<String> registered = Fixtures.events(siren, "fr.ent.membership.member-registered.v1");
        assertEquals(1, registered.size());
        EventContracts.assertConforms(registered.get(0), "fr.ent.membership.member-registered.v1");
        List<String> updated = Fixtures.events(siren, "fr.ent.membership.member-updated.v1");
        assertEquals(1, updated.size());
        EventContracts.assertConforms(updated.get(0), "fr.ent.membership.member-updated.v1");

        // The same facts again: no change, no event.
        given().auth().oauth2(operator()).contentType(ContentType.JSON)
                .body(memberJson(siren, "COMMUNE", "Villers-Test-Renamed", insee, null, true))
                .when().put("/members/" + siren).then().statusCode(200);
        assertEquals(1, Fixtures.events(siren, "fr.ent.membership.member-updated.v1").size());
    }

    @Test
    void aMemberIsIdentifiedByAValidSiren() {
        String bad = "218000199"; // Amiens with a wrong Luhn digit
        given().auth().oauth2(operator()).contentType(ContentType.JSON)
                .body(memberJson(bad, "EPCI", "Bad", null, "80", true))
                .when().post("/members")
                .then().statusCode(422).contentType("application/problem+json").body("type", equalTo(PROBLEMS + "invalid-siren"));
        assertEquals(0, stored(bad));
    }

    @Test
    void aCommuneHasAnInseeCode() {
        String siren = Fixtures.siren();
        given().auth().oauth2(operator()).contentType(ContentType.JSON)
                .body(memberJson(siren, "COMMUNE", "No Insee", null, "80", true))
                .when().post("/members")
                .then().statusCode(422).body("type", equalTo(PROBLEMS + "insee-code-required"));
        given().auth().oauth2(operator()).contentType(ContentType.JSON)
                .body(memberJson(siren, "COMMUNE", "Bad Insee", "8X001", "80", true))
                .when().post("/members")
                .then().statusCode(422).body("type", equalTo(PROBLEMS + "invalid-insee-code"));
        assertEquals(0, stored(siren));
    }

    @Test
    void onlyMembersInsideThePerimeterCanAdhere() {
        String siren = Fixtures.siren();
        given().auth().oauth2(operator()).contentType(ContentType.JSON)
                .body(memberJson(siren, "COMMUNE", "Beauvais-Test", "60057", null, true))
                .when().post("/members")
                .then().statusCode(422).body("type", equalTo(PROBLEMS + "member-outside-perimeter"));
        given().auth().oauth2(operator()).contentType(ContentType.JSON)
                .body(memberJson(siren, "EPCI", "CC de l'Oise", null, "60", true))
                .when().post("/members")
                .then().statusCode(422).body("type", equalTo(PROBLEMS + "member-outside-perimeter"));
        assertEquals(0, stored(siren));
        assertEquals(0, Fixtures.events(siren, "fr.ent.membership.member-registered.v1").size());
    }

    @Test
    void aMemberIsRegisteredOnce() {
        String siren = Fixtures.member("EPCI", true);
        given().auth().oauth2(operator()).contentType(ContentType.JSON)
                .body(memberJson(siren, "EPCI", "Twice", null, "80", true))
                .when().post("/members")
                .then().statusCode(409).body("type", equalTo(PROBLEMS + "member-already-registered"));
    }

    @Test
    void invalidInputIs400AndStoresNothing() {
        String siren = Fixtures.siren();
        given().auth().oauth2(operator()).contentType(ContentType.JSON)
                .body("{\"siren\":\"" + siren + "\",\"kind\":\"EPCI\"}")
                .when().post("/members")
                .then().statusCode(400).body("type", equalTo(PROBLEMS + "validation"));
        given().auth().oauth2(operator()).contentType(ContentType.JSON)
                .body("{\"siren\":\"" + siren + "\",\"kind\":\"CITY\",\"name\":\"x\",\"schoolCompetence\":true}")
                .when().post("/members")
                .then().statusCode(400);
        assertEquals(0, stored(siren));
    }

    @Test
    void membersAreListedWithFiltersAndPagination() {
        String a = Fixtures.member("SCHOOL_SYNDICATE", true);
        String b = Fixtures.member("SCHOOL_SYNDICATE", true);
        Fixtures.member("SCHOOL_SYNDICATE", false);
        given().auth().oauth2(operator())
                .queryParam("kind", "SCHOOL_SYNDICATE").queryParam("schoolCompetence", true).queryParam("q", "school_syndicate 99")
                .queryParam("size", 500)
                .when().get("/members")
                .then().statusCode(200)
                .body("items.kind", org.hamcrest.Matchers.everyItem(equalTo("SCHOOL_SYNDICATE")))
                .body("items.schoolCompetence", org.hamcrest.Matchers.everyItem(equalTo(true)))
                .body("items.id", org.hamcrest.Matchers.hasItems(a, b));
        given().auth().oauth2(operator()).queryParam("kind", "SCHOOL_SYNDICATE").queryParam("page", 0).queryParam("size", 1)
                .when().get("/members")
                .then().statusCode(200).body("items", hasSize(1)).body("size", equalTo(1))
                .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(3));
    }

    @Test
    void theOpenApiDocumentDescribesTheResourcesWithExamples() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/members/{siren}/adhesions/{id}/transmissions"))
                .body("paths", org.hamcrest.Matchers.hasKey("/members/{siren}/designations/{schoolYear}"))
                .body("paths", org.hamcrest.Matchers.hasKey("/members/{siren}/component-opt-outs"))
                .body("paths", org.hamcrest.Matchers.hasKey("/reference/somme/import"))
                .body(org.hamcrest.Matchers.containsString("0800091P"))
                .body(org.hamcrest.Matchers.containsString("2026-03-12"));
    }
}
