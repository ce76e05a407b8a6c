package fr.somme.ent.membership.rest;

import static fr.somme.ent.membership.Fixtures.deliberated;
import static fr.somme.ent.membership.Fixtures.designate;
import static fr.somme.ent.membership.Fixtures.nextSchoolYear;
import static fr.somme.ent.membership.Fixtures.operator;
import static fr.somme.ent.membership.Fixtures.refusedWithoutChange;
import static fr.somme.ent.membership.Fixtures.schoolsJson;
import static fr.somme.ent.membership.rest.MemberRegistrationTest.PROBLEMS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fr.somme.ent.membership.FixedClock;
import fr.somme.ent.membership.Fixtures;
import fr.somme.ent.testsupport.EventContracts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Art. 3: a member designates only known, open schools of its own territory; level and commune from the reference. */
@QuarkusTest
@TestProfile(FixedClock.class)
class SchoolTerritoryTest {

    static final String CHANGED = "fr.ent.membership.designations-changed.v1";
    static final String AMIENS = "218000198";
    static final String CORBIE = "218002046";
    static final String CORBIE_SCHOOL = "0800169Z"; // LES ECOLES DU CENTRE, Corbie (80212), in the open data

    private static JsonNode lastChange(String siren) {
        List<String> events = Fixtures.events(siren, CHANGED);
        String last = events.get(events.size() - 1);
        EventContracts.assertConforms(last, CHANGED);
        return EventContracts.assertConforms(last).path("data");
    }

    @Test
    void aCommuneDesignatesOnlyTheEcolesOfItsTerritory() {
        given().auth().oauth2(operator()).when().post("/reference/somme/import").then().statusCode(200);
        deliberated(AMIENS);
        deliberated(CORBIE);
        // Issue #12: Amiens' agent designating a Corbie school, then Corbie's own designation of it.
        refusedWithoutChange(() -> designate(operator(), AMIENS, nextSchoolYear(), schoolsJson(CORBIE_SCHOOL)).statusCode(422)
                .body("type", equalTo(PROBLEMS + "school-outside-territory")), AMIENS, CORBIE);
        // A collège of Amiens is the Département's, not Amiens'.
        refusedWithoutChange(() -> designate(operator(), AMIENS, nextSchoolYear(), schoolsJson("0800017J")).statusCode(422)
                .body("type", equalTo(PROBLEMS + "school-outside-territory")), AMIENS);
        designate(operator(), CORBIE, nextSchoolYear(), schoolsJson(CORBIE_SCHOOL)).statusCode(200)
                .body("schools.name", contains("LES ECOLES DU CENTRE"));
        JsonNode school = lastChange(CORBIE).path("schools").get(0);
        assertEquals(List.of(CORBIE_SCHOOL, "LES ECOLES DU CENTRE", "ECOLE", "80212"), List.of(school.path("uai").asText(),
                school.path("name").asText(), school.path("level").asText(), school.path("communeInsee").asText()));
    }

    @Test
    void aDesignatedSchoolIsKnownToTheReference() {
        String siren = Fixtures.commune();
        deliberated(siren);
        refusedWithoutChange(() -> designate(operator(), siren, nextSchoolYear(), schoolsJson(Fixtures.schoolOf(siren), Fixtures.uai()))
                .statusCode(422).body("type", equalTo(PROBLEMS + "unknown-school")), siren);
    }

    @Test
    void aClosedSchoolIsNotDesignated() {
        String siren = Fixtures.commune();
        deliberated(siren);
        String closed = Fixtures.schoolOf(siren);
        Fixtures.execute("UPDATE school SET open = false WHERE uai = ?", closed);
        refusedWithoutChange(() -> designate(operator(), siren, nextSchoolYear(), schoolsJson(closed)).statusCode(422)
                .body("type", equalTo(PROBLEMS + "school-closed")), siren);
    }

    private static String register(String body) {
        given().auth().oauth2(operator()).contentType(ContentType.JSON).body(body).when().post("/members").then().statusCode(201);
        return body.substring(body.indexOf("\"siren\":\"") + 9, body.indexOf("\"siren\":\"") + 18);
    }

    @Test
    void anEpciHoldingTheSchoolCompetenceDesignatesTheEcolesOfItsCommunesAndThoseCommunesCannot() {
        String epci = Fixtures.member("EPCI", true);
        String commune = register("{\"siren\":\"" + Fixtures.siren() + "\",\"kind\":\"COMMUNE\",\"name\":\"Commune de l'EPCI\","
                + "\"inseeCode\":\"" + Fixtures.insee() + "\",\"epciSiren\":\"" + epci + "\",\"schoolCompetence\":true}");
        String elsewhere = Fixtures.commune();
        deliberated(epci);
        deliberated(commune);
        String ecole = Fixtures.schoolOf(commune);
        refusedWithoutChange(() -> designate(operator(), commune, nextSchoolYear(), schoolsJson(ecole)).statusCode(422)
                .body("type", equalTo(PROBLEMS + "school-outside-territory")), commune);
        refusedWithoutChange(() -> designate(operator(), epci, nextSchoolYear(), schoolsJson(Fixtures.schoolOf(elsewhere))).statusCode(422)
                .body("type", equalTo(PROBLEMS + "school-outside-territory")), epci);
        designate(operator(), epci, nextSchoolYear(), schoolsJson(ecole)).statusCode(200);
        assertEquals("ECOLE", lastChange(epci).path("schools").get(0).path("level").asText());
    }

    @Test
    void theDepartementDesignatesCollegesOnly() {
        String departement = Fixtures.member("DEPARTEMENT", true);
        String commune = Fixtures.commune();
        deliberated(departement);
        deliberated(commune);
        String college = Fixtures.schoolOf(departement);
        String collegeOfTheCommune = Fixtures.school(Fixtures.text("SELECT insee_code FROM member WHERE id = ?", commune), "COLLEGE");
        refusedWithoutChange(() -> designate(operator(), departement, nextSchoolYear(), schoolsJson(college, Fixtures.schoolOf(commune)))
                .statusCode(422).body("type", equalTo(PROBLEMS + "school-outside-territory")), departement);
        refusedWithoutChange(() -> designate(operator(), commune, nextSchoolYear(), schoolsJson(collegeOfTheCommune)).statusCode(422)
                .body("type", equalTo(PROBLEMS + "school-outside-territory")), commune);
        designate(operator(), departement, nextSchoolYear(), schoolsJson(college, collegeOfTheCommune)).statusCode(200);
        JsonNode schools = lastChange(departement).path("schools");
        assertEquals(List.of("COLLEGE", "COLLEGE"), List.of(schools.get(0).path("level").asText(), schools.get(1).path("level").asText()));
    }
}
