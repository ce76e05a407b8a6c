package fr.somme.ent.billing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.somme.ent.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** "Now" comes from one configurable Clock: a process can live in any school year (here, the day after 2026-2027 ends). */
@QuarkusTest
@TestProfile(ConfigurableClockTest.AfterSchoolYear2026To2027.class)
public class ConfigurableClockTest {

    public static class AfterSchoolYear2026To2027 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ent.clock.fixed", "2027-09-01T06:00:00Z", "ent.clock.offset", "PT2H");
        }
    }

    @Test
    void whatTheServiceRecordsCarriesTheConfiguredTime() {
        given().auth().oauth2(Tokens.operator())
                .contentType(ContentType.JSON).body("{}")
                .when().post("/ops/pipeline-probes")
                .then().statusCode(201)
                .body("requestedAt", equalTo("2027-09-01T08:00:00Z"));
    }
}
