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
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Reference data imported in bulk, and the reports for the Comité Départemental du Numérique (art. 5). */
@QuarkusTest
@TestProfile(Fixtures.FixedClock.class)
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

        given().auth().oauth2(DSDEN).queryParam("schoolYear", year).queryParam("size", 500).get("/reports/project-counts").then().statusCode(200)
                .body("items.find { it.circonscriptionCode == '" + place.circonscription() + "' && it.state == 'VALIDATED' }.projects", equalTo(1))
                .body("items.find { it.circonscriptionCode == '" + place.circonscription() + "' && it.state == 'SUBMITTED' }.projects", equalTo(1))
                .body("items.find { it.circonscriptionCode == '" + place.circonscription() + "' && it.state == 'DRAFT' }.projects", equalTo(1))
                .body("items.find { it.circonscriptionCode == '" + place.circonscription() + "' && it.state == 'DRAFT' }.schoolYear", equalTo(year));
        given().auth().oauth2(Tokens.operator()).get("/reports/project-counts.csv").then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .body(startsWith("school_year,circonscription_code,state,projects\r\n"))
                .body(containsString(year + "," + place.circonscription() + ",VALIDATED,1\r\n"));

        given().auth().oauth2(Tokens.operator()).queryParam("schoolYear", year).queryParam("size", 500).get("/reports/validated-classes").then().statusCode(200)
                .body("items.find { it.projectId == '" + validated + "' }.students", equalTo(24))
                .body("items.find { it.projectId == '" + validated + "' }.schoolUai", equalTo(place.uai()))
                .body("items.find { it.projectId == '" + validated + "' }.validatedBy", equalTo(place.ienId()))
                .body("items.findAll { it.circonscriptionCode == '" + place.circonscription() + "' }.size()", equalTo(1));
        given().auth().oauth2(DSDEN).get("/reports/validated-classes.csv").then().statusCode(200)
                .body(containsString(year + "," + place.circonscription() + "," + place.uai() + ",ECOLE PRIMAIRE "
                        + place.circonscription() + "," + validated + ",CM1-CM2 Mme Martin,\"CM1,CM2\",24," + place.ienId() + ","));

        given().auth().oauth2(place.ien()).get("/reports/project-counts").then().statusCode(403);
        given().auth().oauth2(teacher).get("/reports/validated-classes.csv").then().statusCode(403);
    }

    @Test
    void aFormulaInAClassLabelReachesTheCsvReportNeutralised() {
        Fixtures.conventionInForce();
        Place place = Fixtures.place();
        String teacher = place.teacher("prof.malin");
        Map<String, Object> body = new java.util.HashMap<>(Fixtures.projectBody(place.uai(), currentSchoolYear().name()));
        body.put("classLabel", "=HYPERLINK(\"http://evil.example\",\"CM1\")");
        String id = given().auth().oauth2(teacher).contentType(ContentType.JSON).body(body).post("/projects").then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(teacher).post("/projects/" + id + "/submit").then().statusCode(200);
        given().auth().oauth2(place.ien()).contentType(ContentType.JSON).body(Map.of("decision", "VALIDATED"))
                .post("/projects/" + id + "/decision").then().statusCode(200);

        given().auth().oauth2(DSDEN).get("/reports/validated-classes.csv").then().statusCode(200)
                .body(containsString("," + id + ",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"CM1\"\")\","));
    }

    @Test
    void referenceDataAreImportedInBulkByTheDsdenAllOrNothing() {
        String good = Fixtures.uniqueUai();
        String bad = good.substring(0, 7) + (good.charAt(7) == 'A' ? 'B' : 'A');
        String code = Fixtures.uniqueCirconscription();
        Map<String, Object> circonscription = Map.of("code", code, "name", "Import", "ien", Map.of("id", "ien-import"));
        Map<String, Object> goodSchool = Map.of("uai", good, "name", "ECOLE", "communeInsee", "80021", "level", "ELEMENTAIRE",
                "sector", "PRIVATE", "circonscriptionCode", code);
        Map<String, Object> badSchool = Map.of("uai", bad, "name", "ECOLE", "communeInsee", "80021", "level", "ELEMENTAIRE",
                "sector", "PUBLIC", "circonscriptionCode", code);

        given().auth().oauth2(DSDEN).contentType(ContentType.JSON)
                .body(Map.of("circonscriptions", List.of(circonscription), "schools", List.of(goodSchool, badSchool)))
                .post("/reference-data").then().statusCode(422).body("type", containsString("invalid-uai"));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM school WHERE uai IN (?, ?)", good, bad));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM circonscription WHERE code = ?", code), "all or nothing");

        given().auth().oauth2(DSDEN).contentType(ContentType.JSON)
                .body(Map.of("circonscriptions", List.of(circonscription), "schools", List.of(goodSchool)))
                .post("/reference-data").then().statusCode(200).body("circonscriptions", equalTo(1)).body("schools", equalTo(1));
        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM school WHERE uai = ? AND circonscription_code = ? "
                + "AND sector = 'PRIVATE'", good, code));

        given().auth().oauth2(DSDEN).contentType(ContentType.JSON)
                .body(Map.of("schools", List.of(Map.of("uai", good, "name", "ECOLE")))).post("/reference-data").then().statusCode(400)
                .body("errors.field", hasItem(containsString("communeInsee")));
        given().auth().oauth2(Tokens.teacher("prof.x", good)).contentType(ContentType.JSON)
                .body(Map.of("schools", List.of(Map.of("uai", good, "name", "ECOLE DE LA TENTATIVE", "communeInsee", "80021",
                        "level", "ELEMENTAIRE", "sector", "PUBLIC", "circonscriptionCode", code)))).post("/reference-data").then().statusCode(403);
        // the refused requests changed nothing: the school is as the DSDEN's import left it, at its first revision
        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM school WHERE uai = ? AND name = 'ECOLE' AND sector = 'PRIVATE' "
                + "AND revision = 1", good));
        given().auth().oauth2(DSDEN).post("/ops/demo-seed").then().statusCode(403);
    }

    @Test
    void dsdenConventionsDoNotOverlap() {
        Fixtures.conventionInForce();
        // signed, it starts on the last day of the convention in force: one day in common is an overlap
        given().auth().oauth2(DSDEN).contentType(ContentType.JSON)
                .body(Map.of("reference", "CONV-OVERLAP", "validFrom", Fixtures.CONVENTION_TO.toString(),
                        "validTo", Fixtures.CONVENTION_TO.plusYears(3).toString(), "signedOn", Fixtures.CONVENTION_TO.minusMonths(2).toString()))
                .post("/dsden-conventions").then().statusCode(409).body("type", containsString("overlapping-convention"));
        given().auth().oauth2(DSDEN).contentType(ContentType.JSON)
                .body(Map.of("reference", "CONV-BACKWARDS", "validFrom", Fixtures.CONVENTION_TO.plusYears(2).plusDays(1).toString(),
                        "validTo", Fixtures.CONVENTION_TO.plusYears(1).toString()))
                .post("/dsden-conventions").then().statusCode(422).body("type", containsString("invalid-period"));
        given().auth().oauth2(DSDEN).get("/dsden-conventions").then().statusCode(200)
                .body("items.reference", hasItem("CONV-DSDEN80-TESTS"));
        given().auth().oauth2(Tokens.teacher("prof.x", "0800091P")).get("/dsden-conventions").then().statusCode(403);
        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM dsden_convention"), "only the convention in force");
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM dsden_convention WHERE reference IN ('CONV-OVERLAP', 'CONV-BACKWARDS')"));
    }
}
