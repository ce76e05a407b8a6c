package fr.somme.ent.billing.rest;

import static fr.somme.ent.billing.BillingFixtures.finance;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.somme.ent.billing.ConfigurableClockTest;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** The member's billing profile for Chorus Pro (issue #13 point 7): set by its agent or finance, never by another member. */
@QuarkusTest
@TestProfile(ConfigurableClockTest.AfterSchoolYear2026To2027.class)
class BillingProfileResourceTest {

    static final String PROBLEMS = "https://ent.somme-numerique.fr/problems/";

    static Map<String, Object> profile(String siret, String serviceCode, String engagementNumber) {
        Map<String, Object> body = new HashMap<>();
        body.put("siret", siret);
        body.put("serviceCode", serviceCode);
        body.put("engagementNumber", engagementNumber);
        return body;
    }

    /** Sets a member's profile as finance (used by the document tests). */
    static void setProfile(String memberId, String siret, String serviceCode, String engagementNumber) {
        given().auth().oauth2(finance()).contentType(ContentType.JSON).body(profile(siret, serviceCode, engagementNumber))
                .when().put("/members/" + memberId + "/billing-profile").then().statusCode(200);
    }

    private static long stored(String memberId) {
        return ServiceDatabase.count("SELECT count(*) FROM billing_profile WHERE member_id = ?", memberId);
    }

    @Test
    void aMemberAgentSetsItsOwnBillingProfileAndNobodyElses() {
        String own = "218000834";
        String other = "218000842";
        String agent = Tokens.memberAgent(own);
        given().auth().oauth2(agent).when().get("/members/" + own + "/billing-profile").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(agent).contentType(ContentType.JSON).body(profile("218 000 834 00018", " SERVICE-ENT ", "ENG-42"))
                .when().put("/members/" + own + "/billing-profile").then().statusCode(200)
                .body("siret", equalTo("21800083400018")).body("serviceCode", equalTo("SERVICE-ENT"))
                .body("engagementNumber", equalTo("ENG-42")).body("updatedBy", equalTo("agent-" + own));
        given().auth().oauth2(agent).when().get("/members/" + own + "/billing-profile").then().statusCode(200)
                .body("memberId", equalTo(own)).body("serviceCode", equalTo("SERVICE-ENT"));
        // another member: as if it did not exist, and nothing stored
        given().auth().oauth2(agent).when().get("/members/" + other + "/billing-profile").then().statusCode(404);
        given().auth().oauth2(agent).contentType(ContentType.JSON).body(profile("21800084200011", null, null))
                .when().put("/members/" + other + "/billing-profile").then().statusCode(404)
                .contentType("application/problem+json");
        assertEquals(0, stored(other));
        // finance sets any member's profile, and replaces it as a whole
        given().auth().oauth2(finance()).contentType(ContentType.JSON).body(profile("21800084200011", null, null))
                .when().put("/members/" + other + "/billing-profile").then().statusCode(200)
                .body("serviceCode", nullValue());
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(profile("21800083400026", null, null))
                .when().put("/members/" + own + "/billing-profile").then().statusCode(200)
                .body("siret", equalTo("21800083400026")).body("serviceCode", nullValue()).body("engagementNumber", nullValue());
        given().auth().oauth2(Tokens.teacher("teacher-ecole", "0801234G")).when().get("/members/" + own + "/billing-profile")
                .then().statusCode(403);
        given().when().get("/members/" + own + "/billing-profile").then().statusCode(401);
        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM billing_audit WHERE action = 'BILLING_PROFILE_SET' "
                + "AND detail LIKE ?", "member " + other + "%"));
    }

    @Test
    void aBadProfileIsRefusedAndNothingChanges() {
        String member = "218000859";
        setProfile(member, "21800085900015", "SERVICE-A", "ENG-A");
        refused(member, profile("2180008590001", "S", null), 400, "invalid-siret");
        refused(member, profile("21800085900016", "S", null), 400, "invalid-siret");
        refused(member, profile(null, "S", null), 400, "invalid-siret");
        refused(member, profile("21800086700018", "S", null), 422, "siret-not-of-member");
        refused(member, profile("21800085900023", "S".repeat(101), null), 400, "invalid-service-code");
        refused(member, profile("21800085900023", null, "E".repeat(51)), 400, "invalid-engagement-number");
        refused("218000850", profile("21800085900023", null, null), 400, "invalid-member-id");
        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM billing_profile WHERE member_id = ? AND siret = ? "
                + "AND service_code = 'SERVICE-A' AND engagement_number = 'ENG-A'", member, "21800085900015"));
        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM billing_audit WHERE action = 'BILLING_PROFILE_SET' "
                + "AND detail LIKE ?", "member " + member + "%"));
        assertEquals(0, stored("218000850"));
    }

    private static void refused(String member, Map<String, Object> body, int status, String slug) {
        given().auth().oauth2(finance()).contentType(ContentType.JSON).body(body)
                .when().put("/members/" + member + "/billing-profile").then().statusCode(status)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + slug));
    }
}
