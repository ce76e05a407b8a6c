package fr.somme.ent.membership.rest;

import static fr.somme.ent.membership.Fixtures.memberJson;
import static fr.somme.ent.membership.Fixtures.operator;
import static fr.somme.ent.membership.Fixtures.refusedWithoutChange;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import fr.somme.ent.membership.FixedClock;
import fr.somme.ent.membership.Fixtures;
import fr.somme.ent.testsupport.EventContracts;
import fr.somme.ent.testsupport.ServiceDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

@QuarkusTest
@TestProfile(FixedClock.class)
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

    private static void register(String json, int status, String problem) {
        given().auth().oauth2(operator()).contentType(ContentType.JSON).body(json)
                .when().post("/members")
                .then().statusCode(status).contentType("application/problem+json").body("type", equalTo(PROBLEMS + problem));
    }

    private static void update(String siren, String json, int status, String problem) {
        given().auth().oauth2(operator()).contentType(ContentType.JSON).body(json)
                .when().put("/members/" + siren)
                .then().statusCode(status).contentType("application/problem+json").body("type", equalTo(PROBLEMS + problem));
    }

    @Test
    void aMemberIsIdentifiedByAValidSiren() {
        String bad = "218000199"; // Amiens with a wrong Luhn digit
        refusedWithoutChange(() -> register(memberJson(bad, "EPCI", "Bad", null, "80", true), 422, "invalid-siren"), bad);
        assertEquals(0, stored(bad));
        // Its EPCI, when given, is a valid SIREN too.
        String siren = Fixtures.siren();
        refusedWithoutChange(() -> register("{\"siren\":\"" + siren + "\",\"kind\":\"COMMUNE\",\"name\":\"x\",\"inseeCode\":\""
                + Fixtures.insee() + "\",\"epciSiren\":\"" + bad + "\",\"schoolCompetence\":true}", 422, "invalid-siren"), siren);
        assertEquals(0, stored(siren));
    }

    @Test
    void aCommuneHasAnInseeCode() {
        String siren = Fixtures.siren();
        refusedWithoutChange(() -> register(memberJson(siren, "COMMUNE", "No Insee", null, "80", true), 422, "insee-code-required"), siren);
        refusedWithoutChange(() -> register(memberJson(siren, "COMMUNE", "Bad Insee", "8X001", "80", true), 422, "invalid-insee-code"),
                siren);
        assertEquals(0, stored(siren));
    }

    @Test
    void onlyACommuneHasAnInseeCode() {
        String siren = Fixtures.siren();
        String insee = Fixtures.insee();
        refusedWithoutChange(() -> register(memberJson(siren, "EPCI", "CC with a code", insee, "80", true), 422,
                "insee-code-only-for-communes"), siren);
        refusedWithoutChange(() -> register(memberJson(siren, "SCHOOL_SYNDICATE", "SIVOS with a code", insee, "80", true), 422,
                "insee-code-only-for-communes"), siren);
        assertEquals(0, stored(siren));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM member WHERE insee_code = ?", insee));
        // Nor can an update give one to a member that is not a commune.
        String epci = Fixtures.member("EPCI", false);
        refusedWithoutChange(() -> update(epci, memberJson(epci, "EPCI", "EPCI " + epci, insee, "80", false), 422,
                "insee-code-only-for-communes"), epci);
    }

    @Test
    void anInseeCodeBelongsToOneMember() {
        String holder = Fixtures.siren();
        String insee = Fixtures.insee();
        given().auth().oauth2(operator()).contentType(ContentType.JSON)
                .body(memberJson(holder, "COMMUNE", "Holder", insee, null, true)).when().post("/members").then().statusCode(201);
        String newcomer = Fixtures.siren();
        refusedWithoutChange(() -> register(memberJson(newcomer, "COMMUNE", "Same code", insee, null, true), 409,
                "insee-code-already-registered"), newcomer, holder);
        assertEquals(0, stored(newcomer));
        // An update cannot take another commune's code either.
        String other = Fixtures.commune();
        refusedWithoutChange(() -> update(other, memberJson(other, "COMMUNE", "Taking the code", insee, null, true), 409,
                "insee-code-already-registered"), other, holder);
        // The holder keeps its own code when it is updated.
        given().auth().oauth2(operator()).contentType(ContentType.JSON)
                .body(memberJson(holder, "COMMUNE", "Holder renamed", insee, null, true)).when().put("/members/" + holder)
                .then().statusCode(200).body("inseeCode", equalTo(insee)).body("name", equalTo("Holder renamed"));
    }

    @Test
    void aCommuneLiesInTheDepartementOfItsInseeCode() {
        String siren = Fixtures.siren();
        refusedWithoutChange(() -> register(memberJson(siren, "COMMUNE", "Elsewhere", Fixtures.insee(), "02", true), 422,
                "insee-code-outside-departement"), siren);
        assertEquals(0, stored(siren));
    }

    @Test
    void onlyMembersInsideThePerimeterCanAdhere() {
        String siren = Fixtures.siren();
        refusedWithoutChange(() -> register(memberJson(siren, "COMMUNE", "Beauvais-Test", "60057", null, true), 422,
                "member-outside-perimeter"), siren);
        refusedWithoutChange(() -> register(memberJson(siren, "EPCI", "CC de l'Oise", null, "60", true), 422,
                "member-outside-perimeter"), siren);
        assertEquals(0, stored(siren));
        assertEquals(0, Fixtures.events(siren, "fr.ent.membership.member-registered.v1").size());
        // Nor can an update move a member out of it.
        String epci = Fixtures.member("EPCI", true);
        refusedWithoutChange(() -> update(epci, memberJson(epci, "EPCI", "Moved", null, "60", true), 422, "member-outside-perimeter"),
                epci);
    }

    @Test
    void aMemberIsRegisteredOnce() {
        String siren = Fixtures.member("EPCI", true);
        refusedWithoutChange(() -> register(memberJson(siren, "EPCI", "Twice", null, "80", true), 409, "member-already-registered"),
                siren);
        given().auth().oauth2(operator()).when().get("/members/" + siren).then().statusCode(200).body("name", equalTo("EPCI " + siren));
    }

    @Test
    void invalidInputIs400AndStoresNothing() {
        String siren = Fixtures.siren();
        refusedWithoutChange(() -> register("{\"siren\":\"" + siren + "\",\"kind\":\"EPCI\"}", 400, "validation"), siren);
        refusedWithoutChange(() -> given().auth().oauth2(operator()).contentType(ContentType.JSON)
                .body("{\"siren\":\"" + siren + "\",\"kind\":\"CITY\",\"name\":\"x\",\"schoolCompetence\":true}")
                .when().post("/members")
                .then().statusCode(400), siren);
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
