package fr.somme.ent.provisioning.service;

import static fr.somme.ent.provisioning.Scenario.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.somme.ent.provisioning.FixedClock;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/**
 * A teacher's classes are found by its token's sub (the project events' teacherSub) and school_uai, never by its
 * username alone (issue #14, point 5). Outside its scope a teacher gets 404 problem+json, as for a class that does not
 * exist (its existence does not leak), and nothing changes.
 */
@QuarkusTest
@TestProfile(FixedClock.class)
class ClassOwnershipTest {

    static String teacher(String sub, String username, String uai) {
        return Tokens.of(sub, "teacher").claim("preferred_username", username).claim("school_uai", uai).sign();
    }

    static final String ROSTER = "[{\"lastName\":\"Petit\",\"firstName\":\"Noé\"}]";

    static void notVisible(ValidatableResponse r) {
        r.statusCode(404).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://ent.somme-numerique.fr/problems/not-found"));
    }

    @Test
    void aTeacherWhoseUsernameMatchesButWhoseSubDiffersGets404AndNothingChanges() {
        String uai = uai();
        UUID project = UUID.randomUUID();
        String username = "paul.durand" + letters();
        project(project, projectValidatedBy(project, uai, username, UUID.randomUUID().toString(), currentYear(), 1));
        awaitReasons(project, "school-not-designated");
        String path = "/classes/" + project;

        String sameUsername = teacher(UUID.randomUUID().toString(), username, uai);
        notVisible(given().auth().oauth2(sameUsername).get(path).then());
        notVisible(given().auth().oauth2(sameUsername).get(path + "/accounts").then());
        notVisible(given().auth().oauth2(sameUsername).contentType("application/json").body(ROSTER).put(path + "/roster").then());
        notVisible(given().auth().oauth2(sameUsername).post(path + "/login-sheet").then());
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM roster_entry WHERE project_id = ?", project));
    }

    @Test
    void aTeacherMovedToAnotherSchoolGets404OnItsClassAndNothingChanges() {
        String uai = uai();
        UUID project = UUID.randomUUID();
        String sub = UUID.randomUUID().toString();
        project(project, projectValidatedBy(project, uai, "julie.marchand", sub, currentYear(), 1));
        awaitReasons(project, "school-not-designated");
        String path = "/classes/" + project;

        String elsewhere = teacher(sub, "julie.marchand", uai());
        notVisible(given().auth().oauth2(elsewhere).get(path).then());
        notVisible(given().auth().oauth2(elsewhere).get(path + "/accounts").then());
        notVisible(given().auth().oauth2(elsewhere).contentType("application/json").body(ROSTER).put(path + "/roster").then());
        notVisible(given().auth().oauth2(elsewhere).post(path + "/login-sheet").then());
        notVisible(given().auth().oauth2(Tokens.of(sub, "teacher").sign()).get(path).then()); // no school_uai
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM roster_entry WHERE project_id = ?", project));

        String own = teacher(sub, "julie.marchand", uai);
        given().auth().oauth2(own).get(path).then().statusCode(200).body("status", equalTo("PENDING"));
        given().auth().oauth2(own).contentType("application/json").body(ROSTER).put(path + "/roster").then().statusCode(200);
        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM roster_entry WHERE project_id = ?", project));
        // past the scope check: refused only because the class is not deployed yet
        given().auth().oauth2(own).post(path + "/login-sheet").then().statusCode(409)
                .body("type", equalTo("https://ent.somme-numerique.fr/problems/class-not-deployed"));
    }

    @Test
    void aDeployedClassIsItsTeachersBySubAndSchoolEvenRenamedAndItsTeacherAccountCarriesTheSub() {
        String siren = siren();
        String uai = uai();
        UUID project = UUID.randomUUID();
        String username = "marc.lenoir" + letters();
        String sub = UUID.randomUUID().toString();
        membership(siren, adhesionEffective(siren, "COMMUNE", today().minusDays(5), currentYear(), uai));
        project(project, projectValidatedBy(project, uai, username, sub, currentYear(), 2));
        awaitStatus(project, "DEPLOYED");
        String path = "/classes/" + project;

        notVisible(given().auth().oauth2(teacher(UUID.randomUUID().toString(), username, uai)).post(path + "/login-sheet").then());
        notVisible(given().auth().oauth2(teacher(sub, username, uai())).post(path + "/login-sheet").then());
        String renamed = teacher(sub, "marc.lenoir-martin", uai);
        given().auth().oauth2(renamed).get(path).then().statusCode(200).body("status", equalTo("DEPLOYED"));
        given().auth().oauth2(renamed).get(path + "/accounts").then().statusCode(200).body("login[0]", equalTo(username));
        given().auth().oauth2(renamed).post(path + "/login-sheet").then().statusCode(200);
        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM account WHERE project_id = ? AND role = 'TEACHER' "
                + "AND external_id = ?", project, sub), "the platform links the teacher's account on its subject");
    }

    @Test
    void aClassRecordedWithoutTeacherSubStaysItsTeachersByUsernameAtItsSchoolOnly() {
        String uai = uai();
        UUID project = UUID.randomUUID();
        String username = "nina.roche" + letters();
        project(project, projectValidated(project, uai, username, currentYear(), 1)); // an event without teacherSub
        awaitReasons(project, "school-not-designated");
        given().auth().oauth2(teacher(UUID.randomUUID().toString(), username, uai)).get("/classes/" + project).then()
                .statusCode(200);
        notVisible(given().auth().oauth2(teacher(UUID.randomUUID().toString(), username, uai())).get("/classes/" + project).then());
        notVisible(given().auth().oauth2(teacher(UUID.randomUUID().toString(), "autre." + username, uai))
                .get("/classes/" + project).then());
    }
}
