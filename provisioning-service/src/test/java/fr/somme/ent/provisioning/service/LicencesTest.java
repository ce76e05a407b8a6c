package fr.somme.ent.provisioning.service;

import static fr.somme.ent.provisioning.Scenario.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.somme.ent.testsupport.EventContracts;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.Tokens;
import fr.somme.ent.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Rule 10 (art. 2) and rule 17 (art. 4.3): licences from the catalogue, with counts and prices in events. */
@QuarkusTest
class LicencesTest {

    static String resource(boolean validatedByDepartement, String price) {
        String code = "RES-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body("{\"title\":\"Lecture CM\",\"supplier\":\"Éditions X\",\"ssoProtocol\":\"SAML2\",\"validatedByDepartement\":"
                        + validatedByDepartement + ",\"prices\":[{\"schoolYear\":\"" + currentYear() + "\",\"unitPrice\":\"" + price + "\"}]}")
                .put("/resources/" + code).then().statusCode(200).body("prices[0].unitPrice", equalTo(price));
        return code;
    }

    static JsonNode data(String siren, String type, String code) throws Exception {
        var r = TopicProbe.awaitRecord(OUT, rec -> siren.equals(rec.key()) && rec.value().contains(type) && rec.value().contains(code),
                Duration.ofSeconds(40));
        EventContracts.assertConforms(r.value(), type);
        return new ObjectMapper().readTree(r.value()).path("data");
    }

    @Test
    void licencePerStudentForEachRequestedCatalogueResourceNotOptedOut() throws Exception {
        String code = resource(false, "12.50");
        String optedOut = resource(false, "4.00");
        String siren = siren();
        String uai = uai();
        UUID project = UUID.randomUUID();
        membership(siren, optOut(siren, currentYear(), optedOut));
        membership(siren, adhesionEffective(siren, "COMMUNE", today().minusDays(5), currentYear(), uai));
        project(project, projectValidated(project, uai, "marc.blanc", currentYear(), 3, code, optedOut, "NOT-IN-CATALOGUE"));
        awaitStatus(project, "DEPLOYED");

        JsonNode assigned = data(siren, "fr.ent.provisioning.licences-assigned.v1", code);
        assertEquals(3, assigned.path("quantity").asInt());
        assertEquals("12.50", assigned.path("unitPrice").asText());
        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM licence WHERE project_id = ?", project), "only the one");

        project(project, projectWithdrawn(project, uai, "marc.blanc", currentYear(), 3, today()));
        JsonNode revoked = data(siren, "fr.ent.provisioning.licences-revoked.v1", code);
        assertEquals(3, revoked.path("quantity").asInt());
        assertEquals("12.50", revoked.path("unitPrice").asText());
        assertEquals(today().toString(), revoked.path("revokedOn").asText());
    }

    @Test
    void collegesGetOnlyResourcesValidatedByTheDepartement() {
        String notValidated = resource(false, "2.00");
        String validated = resource(true, "7.10");
        String siren = siren();
        String uai = uai();
        UUID project = UUID.randomUUID();
        membership(siren, adhesionEffective(siren, "DEPARTEMENT", today().minusDays(5), currentYear(), uai));
        project(project, projectValidated(project, uai, "marc.blanc", currentYear(), 2, notValidated, validated));
        awaitStatus(project, "DEPLOYED");
        given().auth().oauth2(Tokens.operator()).get("/classes/" + project).then().statusCode(200)
                .body("licences.size()", equalTo(1)).body("licences[0].resourceCode", equalTo(validated))
                .body("licences[0].unitPrice", equalTo("7.10")).body("licences[0].quantity", equalTo(2));
    }

    @Test
    void theCatalogueRefusesBadInputWithAProblem() {
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body("{\"title\":\"T\",\"supplier\":\"S\",\"ssoProtocol\":\"SAML2\",\"validatedByDepartement\":true,"
                        + "\"prices\":[{\"schoolYear\":\"2026-2027\",\"unitPrice\":\"12.5\"}]}")
                .put("/resources/BAD-PRICE").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body("{\"title\":\"T\",\"supplier\":\"S\",\"ssoProtocol\":\"SAML2\",\"validatedByDepartement\":true,"
                        + "\"prices\":[{\"schoolYear\":\"2026-2028\",\"unitPrice\":\"12.50\"}]}")
                .put("/resources/BAD-YEAR").then().statusCode(400);
        given().auth().oauth2(Tokens.operator()).get("/resources/NOPE").then().statusCode(404);
    }
}
