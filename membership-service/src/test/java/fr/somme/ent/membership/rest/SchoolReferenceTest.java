package fr.somme.ent.membership.rest;

import static fr.somme.ent.membership.Fixtures.operator;
import static fr.somme.ent.membership.rest.MemberRegistrationTest.PROBLEMS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.somme.ent.membership.FixedClock;
import fr.somme.ent.membership.Fixtures;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The school reference: loaded from the Somme open data, looked up, and the report of designations that break art. 3. */
@QuarkusTest
@TestProfile(FixedClock.class)
class SchoolReferenceTest {

    @Test
    void theOpenDataIsLoadedAtStartupAndTheImportCountsItsSchools() {
        // 340 écoles (IPS 2021-2022) and 69 collèges: loaded when the service started on an empty reference.
        assertEquals(409, ServiceDatabase.count("SELECT count(*) FROM school WHERE uai LIKE '080%' AND uai < '0805000'"));
        assertEquals(69, ServiceDatabase.count("SELECT count(*) FROM school WHERE detailed_level = 'COLLEGE' AND uai < '0805000'"));
        given().auth().oauth2(operator()).when().post("/reference/somme/import").then().statusCode(200).body("schools", equalTo(409));
        assertEquals(409, ServiceDatabase.count("SELECT count(*) FROM school WHERE uai LIKE '080%' AND uai < '0805000'"));
    }

    @Test
    void schoolsAreLookedUpByCommuneLevelAndName() {
        given().auth().oauth2(Tokens.memberAgent("218002046")).when().get("/reference/schools?communeInsee=80212&level=ECOLE")
                .then().statusCode(200).body("items.uai", containsInAnyOrder("0800169Z", "0800836Z", "0801577E"))
                .body("items.level", everyItem(equalTo("ECOLE"))).body("items.communeInsee", everyItem(equalTo("80212")));
        given().auth().oauth2(operator()).when().get("/reference/schools?communeInsee=80021&level=college")
                .then().statusCode(200).body("items.uai", hasItem("0800017J")).body("items.level", everyItem(equalTo("COLLEGE")))
                .body("items.detailedLevel", everyItem(equalTo("COLLEGE")));
        given().auth().oauth2(operator()).when().get("/reference/schools?q=francis duflot")
                .then().statusCode(200).body("items.uai", contains("0800091P")).body("items[0].name", equalTo("ECOLE PRIMAIRE FRANCIS DUFLOT"))
                .body("items[0].status", equalTo("OPEN")).body("items[0].source", equalTo("OPEN_DATA")).body("items[0].sector", equalTo("PUBLIC"));
        given().auth().oauth2(operator()).when().get("/reference/schools?level=LYCEE")
                .then().statusCode(400).body("type", equalTo(PROBLEMS + "invalid-level"));
        given().auth().oauth2(Tokens.teacher("teacher-1", "0800091P")).when().get("/reference/schools").then().statusCode(403);
    }

    @Test
    void designationsThatBreakTheTerritoryRuleAreListedNotDeleted() {
        Map<String, String> m = Fixtures.effectiveCommune();
        String siren = m.get("siren");
        String year = Fixtures.nextSchoolYear();
        // Stored before the rule existed: a school of another commune, and one the reference does not know.
        String elsewhere = Fixtures.schoolOf(Fixtures.commune());
        String unknown = Fixtures.uai();
        for (String uai : new String[] { elsewhere, unknown }) {
            Fixtures.execute("INSERT INTO school_designation (school_year, uai, member_id, adhesion_id, name, classes, students) "
                    + "VALUES (?, ?, ?, ?::uuid, 'École', 2, 40)", year, uai, siren, m.get("adhesion"));
        }
        given().auth().oauth2(operator()).when().queryParam("size", 500).get("/ops/designations/territory-violations").then().statusCode(200)
                .body("items.findAll { it.memberId == '" + siren + "' }.uai", containsInAnyOrder(elsewhere, unknown))
                .body("items.find { it.uai == '" + elsewhere + "' }.reason", equalTo("school-outside-territory"))
                .body("items.find { it.uai == '" + unknown + "' }.reason", equalTo("unknown-school"))
                .body("items.find { it.uai == '" + elsewhere + "' }.schoolYear", equalTo(year))
                .body("items.uai", not(hasItem(m.get("uai"))));
        assertEquals(3, ServiceDatabase.count("SELECT count(*) FROM school_designation WHERE member_id = ?", siren));
        given().auth().oauth2(Tokens.memberAgent(siren)).when().get("/ops/designations/territory-violations").then().statusCode(403);
    }
}
