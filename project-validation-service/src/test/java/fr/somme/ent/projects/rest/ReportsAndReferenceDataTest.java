package fr.somme.ent.projects.rest;

import static fr.somme.ent.projects.Fixtures.currentSchoolYear;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.somme.ent.projects.Fixtures;
import fr.somme.ent.projects.Fixtures.Place;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Reference data imported in bulk, and the reports for the Comité Départemental du Numérique (art. 5). */
@QuarkusTest
class ReportsAndReferenceDataTest {

    private static final String DSDEN = Tokens.of("dsden-agent", "dsden").sign();

    @Test
    void reportsCountProjectsByStateCirconscriptionAndSchoolYearAndListValidatedClassesWithTheirStudents() {
        Fixtures.conventionInForce();
        Place place = Fixtures.place();
        String teacher = place.teacher("prof.lefebvre");
        String validated = Fixtures.submitted(teacher, place.uai());
        Fixtures.submitted(teacher, place.uai());
        Fixtures.draft(teacher, place.uai());
        given().auth().oauth2(place.ien()).contentType(ContentType.JSON).body(Map.of("decision", "VALIDATED"))
                .post("/projects/" + validated + "/decision").then().statusCode(200);
        String year = currentSchoolYear().name();

        given().auth().oauth2(DSDEN).queryParam("schoolYear", year).get("/reports/project-counts").then().statusCode(200)
                .body("find { it.circonscriptionCode == '" + place.circonscription() + "' && it.state == 'VALIDATED' }.projects", equalTo(1))
                .body("find { it.circonscriptionCode == '" + place.circonscription() + "' && it.state == 'SUBMITTED' }.projects", equalTo(1))
                .body("find { it.circonscriptionCode == '" + place.circonscription() + "' && it.state == 'DRAFT' }.projects", equalTo(1))
                .body("find { it.circonscriptionCode == '" + place.circonscription() + "' && it.state == 'DRAFT' }.schoolYear", equalTo(year));
        given().auth().oauth2(Tokens.operator()).get("/reports/project-counts.csv").then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .body(startsWith("school_year,circonscription_code,state,projects\r\n"))
                .body(containsString(year + "," + place.circonscription() + ",VALIDATED,1\r\n"));

        given().auth().oauth2(Tokens.operator()).queryParam("schoolYear", year).get("/reports/validated-classes").then().statusCode(200)
                .body("find { it.projectId == '" + validated + "' }.students", equalTo(24))
                .body("find { it.projectId == '" + validated + "' }.schoolUai", equalTo(place.uai()))
                .body("find { it.projectId == '" + validated + "' }.validatedBy", equalTo(place.ienId()))
                .body("findAll { it.circonscriptionCode == '" + place.circonscription() + "' }.size()", equalTo(1));
        given().auth().oauth2(DSDEN).get("/reports/validated-classes.csv").then().statusCode(200)
                .body(containsString(year + "," + place.circonscription() + "," + place.uai() + ",ECOLE PRIMAIRE "
                        + place.circonscription() + "," + validated + ",CM1-CM2 Mme Martin,\"CM1,CM2\",24," + place.ienId() + ","));

        given().auth().oauth2(place.ien()).get("/reports/project-counts").then().statusCode(403);
        given().auth().oauth2(teacher).get("/reports/validated-classes.csv").then().statusCode(403);
    }

    @Test
    void referenceDataAreImportedInBulkByTheDsdenAllOrNothing() {
        String good = Fixtures.uniqueUai();
        String bad = good.substring(0, 7) + (good.charAt(7) == 'A' ? 'B' : 'A');
        Map<String, Object> circonscription = Map.of("code", "T0000001", "name", "Import", "ien", Map.of("id", "ien-import"));
        Map<String, Object> goodSchool = Map.of("uai", good, "name", "ECOLE", "communeInsee", "80021", "level", "ELEMENTAIRE",
                "sector", "PRIVATE", "circonscriptionCode", "T0000001");
        Map<String, Object> badSchool = Map.of("uai", bad, "name", "ECOLE", "communeInsee", "80021", "level", "ELEMENTAIRE",
                "sector", "PUBLIC", "circonscriptionCode", "T0000001");

        given().auth().oauth2(DSDEN).contentType(ContentType.JSON)
                .body(Map.of("circonscriptions", List.of(circonscription), "schools", List.of(goodSchool, badSchool)))
                .post("/reference-data").then().statusCode(422).body("type", containsString("invalid-uai"));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM school WHERE uai IN (?, ?)", good, bad));

        given().auth().oauth2(DSDEN).contentType(ContentType.JSON)
                .body(Map.of("circonscriptions", List.of(circonscription), "schools", List.of(goodSchool)))
                .post("/reference-data").then().statusCode(200).body("circonscriptions", equalTo(1)).body("schools", equalTo(1));
        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM school WHERE uai = ? AND circonscription_code = 'T0000001' "
                + "AND sector = 'PRIVATE'", good));

        given().auth().oauth2(DSDEN).contentType(ContentType.JSON)
                .body(Map.of("schools", List.of(Map.of("uai", good, "name", "ECOLE")))).post("/reference-data").then().statusCode(400)
                .body("errors.field", hasItem(containsString("communeInsee")));
        given().auth().oauth2(Tokens.teacher("prof.x", good)).contentType(ContentType.JSON)
                .body(Map.of("schools", List.of(goodSchool))).post("/reference-data").then().statusCode(403);
        given().auth().oauth2(DSDEN).post("/ops/demo-seed").then().statusCode(403);
    }

    @Test
    void dsdenConventionsDoNotOverlap() {
        Fixtures.conventionInForce();
        given().auth().oauth2(DSDEN).contentType(ContentType.JSON)
                .body(Map.of("reference", "CONV-OVERLAP", "validFrom", "2035-08-31", "validTo", "2038-08-31"))
                .post("/dsden-conventions").then().statusCode(409).body("type", containsString("overlapping-convention"));
        given().auth().oauth2(DSDEN).contentType(ContentType.JSON)
                .body(Map.of("reference", "CONV-BACKWARDS", "validFrom", "2040-09-01", "validTo", "2039-08-31"))
                .post("/dsden-conventions").then().statusCode(422);
        given().auth().oauth2(DSDEN).get("/dsden-conventions").then().statusCode(200)
                .body("reference", hasItem("CONV-DSDEN80-TESTS"));
        given().auth().oauth2(Tokens.teacher("prof.x", "0800091P")).get("/dsden-conventions").then().statusCode(403);
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM dsden_convention WHERE reference IN ('CONV-OVERLAP', 'CONV-BACKWARDS')"));
    }
}
