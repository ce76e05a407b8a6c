package fr.somme.ent.provisioning.scim;

import static fr.somme.ent.provisioning.Scenario.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import fr.somme.ent.provisioning.FixedClock;
import fr.somme.ent.provisioning.Platform;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** SCIM 2.0 (RFC 7643/7644) for the ENT platform: shapes, filters, pagination, PATCH active, errors, role ent-platform. */
@QuarkusTest
@TestProfile(FixedClock.class)
class ScimTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SCIM = "application/scim+json";

    static void conforms(String schema, JsonNode node) throws Exception {
        try (InputStream in = ScimTest.class.getResourceAsStream("/scim/" + schema + ".json")) {
            Set<String> errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(in))
                    .validate(node).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
            assertTrue(errors.isEmpty(), schema + ": " + errors + "\n" + node);
        }
    }

    static JsonNode body(Response r) throws Exception {
        return JSON.readTree(r.asString());
    }

    String partner() {
        return Platform.token();
    }

    @Test
    void scimUsersAndGroupsFollowTheRfcShapesWithFiltersPaginationAndPatchActive() throws Exception {
        String s = letters();
        String siren = siren();
        String uai = uai();
        UUID project = UUID.randomUUID();
        String teacher = "sophie.garnier" + s;
        project(project, projectValidated(project, uai, teacher, currentYear(), 2));
        awaitReasons(project, "school-not-designated");
        given().auth().oauth2(Tokens.teacher(teacher, uai)).contentType("application/json")
                .body("[{\"lastName\":\"Moreau" + s + "\",\"firstName\":\"Léa\"},{\"lastName\":\"Moreau" + s + "\",\"firstName\":\"Tom\"}]")
                .put("/classes/" + project + "/roster").then().statusCode(200);
        Instant before = FixedClock.NOW.minusSeconds(1); // the service's clock stands at NOW: accounts are modified then
        membership(siren, adhesionEffective(siren, "COMMUNE", today().minusDays(5), currentYear(), uai));
        awaitStatus(project, "DEPLOYED");

        // filter userName eq
        Response r = given().auth().oauth2(partner()).queryParam("filter", "userName eq \"lea.moreau" + s + "\"")
                .get("/scim/v2/Users");
        r.then().statusCode(200).contentType(startsWith(SCIM));
        JsonNode list = body(r);
        conforms("ListResponse", list);
        assertEquals(1, list.path("totalResults").asInt());
        JsonNode lea = list.path("Resources").get(0);
        conforms("User", lea);
        assertEquals("Léa", lea.path("name").path("givenName").asText());
        assertEquals(false, lea.path("active").asBoolean());
        String id = lea.path("id").asText();
        // "gt" is strict: modified at NOW, not after it
        assertEquals(0, body(given().auth().oauth2(partner()).queryParam("filter", "userName eq \"lea.moreau" + s
                + "\" and meta.lastModified gt \"" + FixedClock.NOW + "\"").get("/scim/v2/Users")).path("totalResults").asInt());
        assertEquals(1, body(given().auth().oauth2(partner()).queryParam("filter", "userName eq \"lea.moreau" + s
                + "\" and meta.lastModified gt \"" + before + "\"").get("/scim/v2/Users")).path("totalResults").asInt());

        // meta.lastModified gt + pagination
        String recent = "meta.lastModified gt \"" + before + "\"";
        JsonNode page1 = body(given().auth().oauth2(partner()).queryParam("filter", recent).queryParam("count", 1)
                .queryParam("startIndex", 1).get("/scim/v2/Users"));
        conforms("ListResponse", page1);
        assertTrue(page1.path("totalResults").asInt() >= 3, "teacher + 2 students modified since");
        assertEquals(1, page1.path("itemsPerPage").asInt());
        JsonNode page2 = body(given().auth().oauth2(partner()).queryParam("filter", recent).queryParam("count", 1)
                .queryParam("startIndex", 2).get("/scim/v2/Users"));
        assertEquals(2, page2.path("startIndex").asInt());
        assertTrue(!page1.path("Resources").get(0).path("id").equals(page2.path("Resources").get(0).path("id")));

        // PATCH active: true no longer activates: only the code does (POST /accounts/activation)
        String patchActive = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":true}]}";
        Response refused = given().auth().oauth2(partner()).contentType(SCIM).body(patchActive).patch("/scim/v2/Users/" + id);
        refused.then().statusCode(400).contentType(startsWith(SCIM)).body("scimType", equalTo("mutability"));
        conforms("Error", body(refused));
        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM account WHERE id = ?::uuid AND state = 'PENDING_ACTIVATION'", id));
        String code = Platform.loginSheet(project, Tokens.teacher(teacher, uai)).get("lea.moreau" + s);
        Platform.activate("lea.moreau" + s, code).then().statusCode(200).body("id", equalTo(id)).body("state", equalTo("ACTIVE"));
        // reporting what is (active: true on an active account) changes nothing and answers the user
        Response patched = given().auth().oauth2(partner()).contentType(SCIM).body(patchActive).patch("/scim/v2/Users/" + id);
        patched.then().statusCode(200).contentType(startsWith(SCIM)).body("active", equalTo(true));
        conforms("User", body(patched));
        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM account WHERE id = ?::uuid AND state = 'ACTIVE'", id));
        given().auth().oauth2(Tokens.operator()).get("/classes/" + project).then().body("activeAccounts", equalTo(1));

        // Groups: the class with its members
        Response group = given().auth().oauth2(partner()).get("/scim/v2/Groups/" + project);
        group.then().statusCode(200).contentType(startsWith(SCIM));
        JsonNode g = body(group);
        conforms("Group", g);
        assertEquals(3, g.path("members").size());
        JsonNode groups = body(given().auth().oauth2(partner())
                .queryParam("filter", "displayName eq \"" + g.path("displayName").asText() + "\"").get("/scim/v2/Groups"));
        conforms("ListResponse", groups);
        assertEquals(1, groups.path("totalResults").asInt());
        conforms("Group", groups.path("Resources").get(0));
    }

    @Test
    void scimErrorsUseTheScimErrorFormatAndOnlyTheEntPlatformGetsIn() throws Exception {
        Response bad = given().auth().oauth2(partner()).queryParam("filter", "emails co \"x\"").get("/scim/v2/Users");
        bad.then().statusCode(400).contentType(startsWith(SCIM)).body("scimType", equalTo("invalidFilter"));
        conforms("Error", body(bad));
        Response missing = given().auth().oauth2(partner()).get("/scim/v2/Users/" + UUID.randomUUID());
        missing.then().statusCode(404).body("status", equalTo("404"));
        conforms("Error", body(missing));
        Response badPatch = given().auth().oauth2(partner()).contentType(SCIM)
                .body("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                        + "\"Operations\":[{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"x\"}]}")
                .patch("/scim/v2/Users/" + UUID.randomUUID());
        badPatch.then().statusCode(400).body("scimType", equalTo("invalidPath"));
        conforms("Error", body(badPatch));

        given().auth().oauth2(partner()).get("/scim/v2/Users").then().statusCode(200);
        given().auth().oauth2(Tokens.operator()).get("/scim/v2/Users").then().statusCode(403).contentType(startsWith(SCIM));
        given().auth().oauth2(Tokens.memberAgent("218000198")).get("/scim/v2/Users").then().statusCode(403)
                .contentType(startsWith(SCIM));
        given().auth().oauth2(Tokens.teacher("t", "0800091P")).get("/scim/v2/Groups").then().statusCode(403)
                .contentType(startsWith(SCIM));
        Response anonymous = given().get("/scim/v2/Users");
        anonymous.then().statusCode(401).contentType(startsWith(SCIM)).body("status", equalTo("401"));
        conforms("Error", body(anonymous));
    }

    @Test
    void aResourceProviderGets403OnScimAsAScimErrorAndOnActivationAsAProblem() throws Exception {
        String provider = Platform.resourceProvider();
        String patch = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":true}]}";
        for (Response r : new Response[] { given().auth().oauth2(provider).get("/scim/v2/Users"),
                given().auth().oauth2(provider).get("/scim/v2/Users/" + UUID.randomUUID()),
                given().auth().oauth2(provider).get("/scim/v2/Groups"),
                given().auth().oauth2(provider).get("/scim/v2/ServiceProviderConfig"),
                given().auth().oauth2(provider).contentType(SCIM).body(patch).patch("/scim/v2/Users/" + UUID.randomUUID()) }) {
            r.then().statusCode(403).contentType(startsWith(SCIM)).body("status", equalTo("403"));
            conforms("Error", body(r));
        }
        given().auth().oauth2(provider).contentType("application/json").body("{\"login\":\"a.b\",\"code\":\"ABCD2345\"}")
                .post("/accounts/activation").then().statusCode(403).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://ent.somme-numerique.fr/problems/forbidden"));
    }

    @Test
    void aRefusalOfTheDomainAlsoAnswersInTheScimErrorFormat() throws Exception {
        String siren = siren();
        String uai = uai();
        UUID project = UUID.randomUUID();
        membership(siren, adhesionEffective(siren, "COMMUNE", today().minusDays(5), currentYear(), uai));
        project(project, projectValidated(project, uai, "paul.henry", currentYear(), 1));
        awaitStatus(project, "DEPLOYED");
        String id = body(given().auth().oauth2(partner()).get("/scim/v2/Groups/" + project)).path("members").get(0)
                .path("value").asText();

        // the platform may not deactivate: accounts are closed by the syndicat
        Response refused = given().auth().oauth2(partner()).contentType(SCIM)
                .body("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                        + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}")
                .patch("/scim/v2/Users/" + id);
        refused.then().statusCode(400).contentType(startsWith(SCIM)).body("scimType", equalTo("mutability"))
                .body("status", equalTo("400"));
        conforms("Error", body(refused));
        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM account WHERE id = ?::uuid AND state = 'PENDING_ACTIVATION'", id));
    }
}
