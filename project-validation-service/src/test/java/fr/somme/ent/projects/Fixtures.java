package fr.somme.ent.projects;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.commons.ids.Uai;
import fr.somme.ent.testsupport.Tokens;
import io.restassured.http.ContentType;

/** Test data through the service's own API: unique schools, circonscriptions and projects per test. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A school of its own circonscription, with its IEN: no two tests share one. */
    public record Place(String uai, String circonscription, String ienId) {

        public String teacher(String teacherId) {
            return Tokens.teacher(teacherId, uai);
        }

        public String ien() {
            return Tokens.of(ienId, "ien").claim("circonscription", circonscription).sign();
        }
    }

    public static SchoolYear currentSchoolYear() {
        return SchoolYear.containing(LocalDate.now(ZoneId.of("Europe/Paris")));
    }

    public static String uniqueUai() {
        String seven = "08" + String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
        return seven + Uai.checkLetter(seven);
    }

    public static Place place() {
        String circonscription = "T" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        Place p = new Place(uniqueUai(), circonscription, "ien-" + circonscription.toLowerCase());
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("circonscriptions", List.of(Map.of("code", p.circonscription(), "name", "Circonscription " + circonscription,
                                "ien", Map.of("id", p.ienId(), "displayName", "IEN " + circonscription))),
                        "schools", List.of(Map.of("uai", p.uai(), "name", "ECOLE PRIMAIRE " + circonscription, "communeInsee", "80021",
                                "level", "PRIMAIRE", "sector", "PUBLIC", "circonscriptionCode", p.circonscription()))))
                .post("/reference-data").then().statusCode(200);
        return p;
    }

    /** The convention in force during the tests of the default profile (no test of that profile records another one). */
    public static void conventionInForce() {
        int status = given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("reference", "CONV-DSDEN80-TESTS", "validFrom", "2020-09-01", "validTo", "2035-08-31"))
                .post("/dsden-conventions").then().extract().statusCode();
        if (status != 201 && status != 409) {
            throw new AssertionError("convention not recorded: " + status);
        }
    }

    public static Map<String, Object> projectBody(String uai, String schoolYear) {
        return Map.of("schoolUai", uai, "classLabel", "CM1-CM2 Mme Martin", "levels", List.of("CM1", "CM2"),
                "schoolYear", schoolYear, "students", 24, "objectives", "Cahier de textes numérique et blog de classe",
                "requestedResources", List.of("ENT-BASE", "LUMNI-PRIMAIRE"));
    }

    /** A draft project written by the teacher; returns its id. */
    public static String draft(String teacherToken, String uai) {
        return given().auth().oauth2(teacherToken).contentType(ContentType.JSON)
                .body(projectBody(uai, currentSchoolYear().name()))
                .post("/projects").then().statusCode(201).extract().path("id");
    }

    public static String submitted(String teacherToken, String uai) {
        String id = draft(teacherToken, uai);
        given().auth().oauth2(teacherToken).post("/projects/" + id + "/submit").then().statusCode(200);
        return id;
    }
}
