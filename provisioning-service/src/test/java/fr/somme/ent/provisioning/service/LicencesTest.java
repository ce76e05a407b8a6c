package fr.somme.ent.provisioning.service;

import static fr.somme.ent.provisioning.Scenario.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.provisioning.FixedClock;
import fr.somme.ent.provisioning.MovableClock;
import fr.somme.ent.testsupport.EventContracts;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.Tokens;
import fr.somme.ent.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Rule 10 (art. 2) and rule 17 (art. 4.3): licences from the catalogue, with counts and prices in events. */
@QuarkusTest
@TestProfile(FixedClock.class)
class LicencesTest {

    @Inject
    MovableClock clock;

    @AfterEach
    void timeBackToTheFixedStart() {
        clock.reset();
    }

    static String resource(boolean validatedByDepartement, String price) {
        return resource(validatedByDepartement, price, currentYear());
    }

    /** A fresh catalogue resource with the same unit price for each of these school years. */
    static String resource(boolean validatedByDepartement, String price, String... years) {
        String code = "RES-" + letters().toUpperCase();
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(body(validatedByDepartement, price, years))
                .put("/resources/" + code).then().statusCode(200).body("prices[0].unitPrice", equalTo(price));
        return code;
    }

    static String body(boolean validatedByDepartement, String price, String... years) {
        return "{\"title\":\"Lecture CM\",\"supplier\":\"Éditions X\",\"ssoProtocol\":\"SAML2\",\"validatedByDepartement\":"
                + validatedByDepartement + ",\"prices\":" + java.util.Arrays.stream(years)
                        .map(y -> "{\"schoolYear\":\"" + y + "\",\"unitPrice\":\"" + price + "\"}")
                        .collect(java.util.stream.Collectors.joining(",", "[", "]")) + "}";
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
    void aCollegeOptOutNotifiedByTheDepartementIsNotLicensedFromTheSchoolYearItTakesEffect() {
        String optedOut = resource(true, "5.00", currentYear(), nextYear());
        String kept = resource(true, "6.00", currentYear(), nextYear());
        String departement = siren();
        String college = uai();
        // the Département's adhesion took effect last year; it designates the collège for this year and the next one
        membership(departement, adhesionEffective(departement, "DEPARTEMENT", today().minusDays(400), currentYear(), college));
        membership(departement, designationsChanged(departement, UUID.randomUUID(), nextYear(), 1, "COLLEGE", college));
        // it opts out of one resource from next school year on (art. 4.3)
        membership(departement, optOut(departement, nextYear(), optedOut));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ServiceDatabase.count(
                "SELECT count(*) FROM rm_opt_out WHERE member_id = ? AND component = ?", departement, optedOut) == 1);

        UUID thisYear = UUID.randomUUID();
        UUID nextYear = UUID.randomUUID();
        project(thisYear, projectValidated(thisYear, college, "marc.blanc", currentYear(), 4, optedOut, kept));
        project(nextYear, projectValidated(nextYear, college, "marc.blanc", nextYear(), 3, optedOut, kept));
        awaitStatus(thisYear, "DEPLOYED");
        awaitReasons(nextYear, "school-year-not-open");
        // next year's roll-out window opens (1 July): the scheduled gate run deploys its class
        clock.moveTo(SchoolYear.parse(nextYear()).firstDay().withMonth(7).withDayOfMonth(1));
        given().auth().oauth2(Tokens.operator()).post("/ops/provisioning/gate-runs").then().statusCode(200);
        awaitStatus(nextYear, "DEPLOYED");

        // before the school year it takes effect, the resource is still licensed
        given().auth().oauth2(Tokens.operator()).get("/classes/" + thisYear).then().statusCode(200)
                .body("schoolLevel", equalTo("COLLEGE")).body("licences.resourceCode", containsInAnyOrder(optedOut, kept));
        // from that school year, only the other one
        given().auth().oauth2(Tokens.operator()).get("/classes/" + nextYear).then().statusCode(200)
                .body("schoolLevel", equalTo("COLLEGE")).body("licences.resourceCode", contains(kept))
                .body("licences[0].quantity", equalTo(3)).body("licences[0].unitPrice", equalTo("6.00"));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM licence WHERE project_id = ? AND resource_code = ?", nextYear,
                optedOut));
        assertEquals(List.of(), publishedSoFar(r -> r.value().contains("licences-assigned") && r.value().contains(nextYear.toString())
                && r.value().contains(optedOut)), "no licences-assigned for the opted-out resource");
    }

    static void assertResource(String code, String title, String price) {
        given().auth().oauth2(Tokens.operator()).get("/resources/" + code).then().statusCode(200).body("title", equalTo(title))
                .body("prices.schoolYear", contains(currentYear())).body("prices.unitPrice", contains(price));
    }

    @Test
    void theCatalogueRefusesBadInputWithAProblem() {
        String existing = resource(true, "7.00");
        String fresh = "RES-" + letters().toUpperCase();
        String badPrice = body(true, "12.5", currentYear()).replace("Lecture CM", "Changed");
        String badYear = body(true, "12.50", "2026-2028").replace("Lecture CM", "Changed");
        String reserved = body(true, "12.50", currentYear());
        for (String code : List.of(existing, fresh)) {
            given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(badPrice).put("/resources/" + code)
                    .then().statusCode(400).contentType("application/problem+json");
            given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(badYear).put("/resources/" + code)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("https://ent.somme-numerique.fr/problems/school-year"));
        }
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(reserved).put("/resources/ACCOUNTS")
                .then().statusCode(400).body("type", equalTo("https://ent.somme-numerique.fr/problems/resource-code"));

        // nothing changed: the existing resource as it was, no new resource
        assertResource(existing, "Lecture CM", "7.00");
        given().auth().oauth2(Tokens.operator()).get("/resources/" + fresh).then().statusCode(404);
        given().auth().oauth2(Tokens.operator()).get("/resources/ACCOUNTS").then().statusCode(404);
        given().auth().oauth2(Tokens.operator()).get("/resources/NOPE").then().statusCode(404);
    }
}
