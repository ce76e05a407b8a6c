package fr.somme.ent.provisioning.service;

import static fr.somme.ent.provisioning.Scenario.*;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.somme.ent.provisioning.FixedClock;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A teacher's classes are found by its token's sub and school_uai, never by its username alone (issue #14, point 5). */
@QuarkusTest
@TestProfile(FixedClock.class)
class ClassOwnershipTest {

    static String teacher(String sub, String username, String uai) {
        return Tokens.of(sub, "teacher").claim("preferred_username", username).claim("school_uai", uai).sign();
    }

    static final String ROSTER = "[{\"lastName\":\"Petit\",\"firstName\":\"Noé\"}]";

    @Test
    void aTeacherOfAnotherSchoolGets404AndNothingChanges() {
        String uai = uai();
        UUID project = UUID.randomUUID();
        String sub = UUID.randomUUID().toString();
        project(project, projectValidated(project, uai, sub, currentYear(), 1));
        awaitReasons(project, "school-not-designated");
        String path = "/classes/" + project;

        String elsewhere = teacher(sub, "julie.marchand", uai());
        given().auth().oauth2(elsewhere).get(path).then().statusCode(404);
        given().auth().oauth2(elsewhere).get(path + "/accounts").then().statusCode(404);
        given().auth().oauth2(elsewhere).contentType("application/json").body(ROSTER).put(path + "/roster").then()
                .statusCode(404);
        given().auth().oauth2(Tokens.of(sub, "teacher").sign()).get(path).then().statusCode(404); // no school_uai
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM roster_entry WHERE project_id = ?", project));

        given().auth().oauth2(teacher(sub, "julie.marchand", uai)).contentType("application/json").body(ROSTER)
                .put(path + "/roster").then().statusCode(200);
        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM roster_entry WHERE project_id = ?", project));
    }

    @Test
    void aRenamedTeacherKeepsItsClassesAndAnotherUserReusingItsOldUsernameGetsNone() {
        String uai = uai();
        UUID project = UUID.randomUUID();
        String sub = UUID.randomUUID().toString();
        project(project, projectValidated(project, uai, sub, currentYear(), 1));
        awaitReasons(project, "school-not-designated");
        String path = "/classes/" + project;

        given().auth().oauth2(teacher(sub, "paul.durand", uai)).get(path).then().statusCode(200);
        given().auth().oauth2(teacher(sub, "paul.durand-martin", uai)).get(path).then().statusCode(200);
        String reuser = teacher(UUID.randomUUID().toString(), "paul.durand", uai);
        given().auth().oauth2(reuser).get(path).then().statusCode(404);
        given().auth().oauth2(reuser).contentType("application/json").body(ROSTER).put(path + "/roster").then()
                .statusCode(404);
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM roster_entry WHERE project_id = ?", project));
    }

    @Test
    void aClassRecordedUnderAUsernameBeforeProjectsCarriedSubsStaysItsTeachersAtItsSchoolOnly() {
        String uai = uai();
        UUID project = UUID.randomUUID();
        String username = "nina.roche" + letters();
        project(project, projectValidated(project, uai, username, currentYear(), 1));
        awaitReasons(project, "school-not-designated");
        given().auth().oauth2(teacher(UUID.randomUUID().toString(), username, uai)).get("/classes/" + project).then()
                .statusCode(200);
        given().auth().oauth2(teacher(UUID.randomUUID().toString(), username, uai())).get("/classes/" + project).then()
                .statusCode(404);
    }
}
