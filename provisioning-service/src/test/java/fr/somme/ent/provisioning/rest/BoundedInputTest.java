package fr.somme.ent.provisioning.rest;

import static fr.somme.ent.provisioning.Scenario.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.somme.ent.provisioning.FixedClock;
import fr.somme.ent.provisioning.Platform;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/** Bounded input (issue #14, point 1): oversized bodies, rosters and fields are refused as problems, nothing stored. */
@QuarkusTest
@TestProfile(FixedClock.class)
class BoundedInputTest {

    static final String PROBLEMS = "https://ent.somme-numerique.fr/problems/";

    static UUID pendingClass() {
        UUID project = UUID.randomUUID();
        project(project, projectValidated(project, uai(), "prof." + letters(), currentYear(), 3));
        awaitReasons(project, "school-not-designated");
        return project;
    }

    static long stored(UUID project) {
        return ServiceDatabase.count("SELECT count(*) FROM roster_entry WHERE project_id = ?", project);
    }

    static ValidatableResponse problem(ValidatableResponse r, int status) {
        return r.statusCode(status).contentType(startsWith("application/problem+json"));
    }

    @Test
    void aBodyAboveOneMebibyteIsRefusedWith413AndNothingIsStored() {
        UUID project = pendingClass();
        String huge = "[{\"lastName\":\"" + "x".repeat(1_500_000) + "\",\"firstName\":\"Jean\"}]";
        problem(given().auth().oauth2(Tokens.operator()).contentType("application/json").body(huge)
                .put("/classes/" + project + "/roster").then(), 413).body("type", equalTo(PROBLEMS + "body-too-large"));
        problem(given().auth().oauth2(Tokens.operator()).contentType("text/csv; charset=UTF-8")
                .body("Dupont,Jean\n".repeat(130_000)).put("/classes/" + project + "/roster").then(), 413);
        assertEquals(0, stored(project));
    }

    @Test
    void aCsvRosterAbove128KiBIs413AndAboveAHundredStudentsIs400AndNothingIsStored() {
        UUID project = pendingClass();
        String token = Tokens.operator();
        problem(given().auth().oauth2(token).contentType("text/csv; charset=UTF-8")
                .body("\"" + "x".repeat(150_000) + "\";Jean\n")
                .put("/classes/" + project + "/roster").then(), 413).body("type", equalTo(PROBLEMS + "roster-too-large"));
        problem(given().auth().oauth2(token).contentType("text/csv; charset=UTF-8").body("Dupont,Jean\n".repeat(101))
                .put("/classes/" + project + "/roster").then(), 400).body("type", equalTo(PROBLEMS + "roster-size"));
        assertEquals(0, stored(project));
        given().auth().oauth2(token).contentType("text/csv; charset=UTF-8").body("Dupont,Jean\n".repeat(100))
                .put("/classes/" + project + "/roster").then().statusCode(200).body("students", equalTo(100));
        assertEquals(100, stored(project));
    }

    @Test
    void jsonRostersNamesAndActivationBodiesAreBoundedAndNothingIsStored() {
        UUID project = pendingClass();
        String token = Tokens.operator();
        String longName = "x".repeat(101);
        problem(given().auth().oauth2(token).contentType("application/json")
                .body("[{\"lastName\":\"" + longName + "\",\"firstName\":\"Jean\"}]").put("/classes/" + project + "/roster")
                .then(), 400).body("type", equalTo(PROBLEMS + "validation"));
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 101; i++) {
            many.append(i == 0 ? "" : ",").append("{\"lastName\":\"Dupont\",\"firstName\":\"Jean\"}");
        }
        problem(given().auth().oauth2(token).contentType("application/json").body(many.append("]").toString())
                .put("/classes/" + project + "/roster").then(), 400).body("type", equalTo(PROBLEMS + "validation"));
        problem(given().auth().oauth2(token).contentType("application/json")
                .body("{\"lastName\":\"" + longName + "\",\"firstName\":\"Jean\"}")
                .put("/classes/" + project + "/seats/" + UUID.randomUUID()).then(), 400);
        assertEquals(0, stored(project));

        for (String body : new String[] { "{\"login\":\"" + "a".repeat(101) + "\",\"code\":\"ABCD2345\"}",
                "{\"login\":\"a.b\",\"code\":\"" + "A".repeat(17) + "\"}", "{\"login\":\"a.b\",\"code\":\"AB'--\"}",
                "{\"login\":\"A B\",\"code\":\"ABCD2345\"}", "{\"code\":\"ABCD2345\"}", "{}" }) {
            problem(given().auth().oauth2(Platform.token()).contentType("application/json").body(body)
                    .post("/accounts/activation").then(), 400);
        }
    }
}
