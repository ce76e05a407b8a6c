package fr.somme.ent.provisioning.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import fr.somme.ent.provisioning.FixedClock;
import fr.somme.ent.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(FixedClock.class)
class ClassListTest {

    @Test
    void anUnknownStatusFilterIsABadRequestNamingTheThreeStatuses() {
        for (String status : new String[] { "deployed", "OPEN", "PENDING,DEPLOYED" }) {
            given().auth().oauth2(Tokens.operator()).queryParam("status", status).get("/classes").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://ent.somme-numerique.fr/problems/status"))
                    .body("detail", equalTo("status is PENDING, DEPLOYED, CLOSED or DISCARDED"));
        }
    }
}
