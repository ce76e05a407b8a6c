package fr.somme.ent.provisioning.scim;

import static fr.somme.ent.provisioning.Scenario.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ForbiddenException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.UnauthorizedException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.ResourceTypeResource;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
import com.unboundid.scim2.common.types.UserResource;

import fr.somme.ent.provisioning.FixedClock;
import fr.somme.ent.provisioning.Platform;
import fr.somme.ent.testsupport.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * The ENT platform's view, driven with the UnboundID SCIM SDK's client as a partner would: discovery, searches with
 * filters, reads, SCIM errors. And every error on the SCIM paths, also those raised before the SCIM resource is reached,
 * is a SCIM error, while the other paths keep problem+json.
 */
@QuarkusTest
@TestProfile(FixedClock.class)
class ScimClientTest {

    static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final String SCIM = "application/scim+json";

    static Client client;

    @TestHTTPResource("/scim/v2")
    URL base;

    @BeforeAll
    static void openClient() {
        client = ClientBuilder.newClient();
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    ScimService scim(String token) {
        return new ScimService(client.target(base.toString())
                .register((ClientRequestFilter) request -> request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token)));
    }

    @Test
    void theDiscoveryDocumentsStateWhatTheServiceSupports() throws Exception {
        ScimService scim = scim(Platform.token());

        ServiceProviderConfigResource config = scim.getServiceProviderConfig();
        assertTrue(config.getFilter().isSupported());
        assertEquals(200, config.getFilter().getMaxResults());
        assertTrue(config.getPatch().isSupported());
        assertFalse(config.getBulk().isSupported());
        assertFalse(config.getSort().isSupported());
        assertFalse(config.getEtag().isSupported());
        assertFalse(config.getChangePassword().isSupported());
        assertEquals(List.of("oauthbearertoken"), config.getAuthenticationSchemes().stream().map(a -> a.getType()).toList());

        ListResponse<SchemaResource> schemas = scim.getSchemas();
        assertEquals(2, schemas.getTotalResults());
        assertEquals(Set.of(USER_SCHEMA, GROUP_SCHEMA), schemas.getResources().stream().map(SchemaResource::getId)
                .collect(Collectors.toSet()));
        SchemaResource user = scim.getSchema(USER_SCHEMA);
        assertEquals(Set.of("userName", "name", "userType", "active", "groups"), user.getAttributes().stream()
                .map(AttributeDefinition::getName).collect(Collectors.toSet()));
        AttributeDefinition active = user.getAttributes().stream().filter(a -> a.getName().equals("active")).findFirst().orElseThrow();
        assertEquals(AttributeDefinition.Mutability.READ_ONLY, active.getMutability());
        assertEquals(AttributeDefinition.Type.BOOLEAN, active.getType());
        assertEquals(Set.of("displayName", "members"), scim.getSchema(GROUP_SCHEMA).getAttributes().stream()
                .map(AttributeDefinition::getName).collect(Collectors.toSet()));

        ListResponse<ResourceTypeResource> types = scim.getResourceTypes();
        assertEquals(2, types.getTotalResults());
        ResourceTypeResource users = scim.getResourceType("User");
        assertEquals("/Users", users.getEndpoint().toString());
        assertEquals(USER_SCHEMA, users.getSchema().toString());
        assertEquals("/Groups", scim.getResourceType("Group").getEndpoint().toString());

        ResourceNotFoundException unknown = assertThrows(ResourceNotFoundException.class, () -> scim.getResourceType("Device"));
        assertEquals(404, unknown.getScimError().getStatus());
        assertThrows(ResourceNotFoundException.class, () -> scim.getSchema("urn:ietf:params:scim:schemas:core:2.0:Device"));
        // RFC 7644 §4: a filter on a discovery endpoint is refused, so that no client believes it was applied
        given().auth().oauth2(Platform.token()).queryParam("filter", "id eq \"User\"").get("/scim/v2/ResourceTypes").then()
                .statusCode(403).contentType(startsWith(SCIM)).body("status", equalTo("403"));
    }

    @Test
    void aPartnerSearchesWithFiltersReadsAUserAndGetsScimErrorsWithTheSdkClient() throws Exception {
        String s = letters();
        String uai = uai();
        String siren = siren();
        UUID project = UUID.randomUUID();
        String teacher = "marc.lefebvre" + s;
        project(project, projectValidated(project, uai, teacher, currentYear(), 2));
        awaitReasons(project, "school-not-designated");
        given().auth().oauth2(Tokens.teacher(teacher, uai)).contentType("application/json")
                .body("[{\"lastName\":\"Petit" + s + "\",\"firstName\":\"Léa\"},{\"lastName\":\"Petit" + s + "\",\"firstName\":\"Tom\"}]")
                .put("/classes/" + project + "/roster").then().statusCode(200);
        membership(siren, adhesionEffective(siren, "COMMUNE", today().minusDays(5), currentYear(), uai));
        awaitStatus(project, "DEPLOYED");
        ScimService scim = scim(Platform.token());

        // sw + pr, joined by and
        ListResponse<UserResource> lea = scim.searchRequest("Users")
                .filter(Filter.and(Filter.sw("userName", "lea.petit" + s), Filter.pr("name.givenName"))).page(1, 10)
                .invoke(UserResource.class);
        assertEquals(1, lea.getTotalResults());
        UserResource found = lea.getResources().get(0);
        assertEquals("lea.petit" + s, found.getUserName());
        assertEquals("Léa", found.getName().getGivenName());
        assertEquals("Petit" + s, found.getName().getFamilyName());
        assertEquals("student", found.getUserType());
        assertEquals(Boolean.FALSE, found.getActive());
        assertEquals(project.toString(), found.getGroups().get(0).getValue());

        // read it by id
        UserResource read = scim.retrieve("Users", found.getId(), UserResource.class);
        assertEquals(found.getUserName(), read.getUserName());
        assertEquals("User", read.getMeta().getResourceType());

        // or, co (case-insensitive on names), pagination
        ListResponse<UserResource> both = scim.searchRequest("Users")
                .filter("userName eq \"LEA.PETIT" + s + "\" or userName eq \"tom.petit" + s + "\"").invoke(UserResource.class);
        assertEquals(2, both.getTotalResults());
        ListResponse<UserResource> family = scim.searchRequest("Users").filter("name.familyName co \"etit" + s.toUpperCase() + "\"")
                .page(2, 1).invoke(UserResource.class);
        assertEquals(2, family.getTotalResults());
        assertEquals(1, family.getResources().size());
        assertEquals(2, family.getStartIndex());
        // a LIKE wildcard in a value is matched literally
        assertEquals(0, scim.searchRequest("Users").filter("userName sw \"%" + s + "\"").invoke(UserResource.class).getTotalResults());
        // the teacher's externalId is its sub, compared exactly
        assertEquals(1, scim.searchRequest("Users")
                .filter("userName sw \"marc.lefebvre" + s + "\" and externalId pr").invoke(UserResource.class).getTotalResults());

        // the class as a Group
        ListResponse<GroupResource> groups = scim.searchRequest("Groups").filter("displayName co \"" + uai + "\"")
                .invoke(GroupResource.class);
        assertEquals(1, groups.getTotalResults());
        assertEquals(3, groups.getResources().get(0).getMembers().size());

        // SCIM errors: a filter the service does not support, an unknown id, an unknown endpoint, a partner without the role
        BadRequestException badFilter = assertThrows(BadRequestException.class,
                () -> scim.searchRequest("Users").filter("emails co \"@ac-amiens.fr\"").invoke(UserResource.class));
        assertEquals("invalidFilter", badFilter.getScimError().getScimType());
        assertEquals(400, badFilter.getScimError().getStatus());
        BadRequestException notAFilter = assertThrows(BadRequestException.class,
                () -> scim.searchRequest("Users").filter("userName eq").invoke(UserResource.class));
        assertEquals("invalidFilter", notAFilter.getScimError().getScimType());
        ResourceNotFoundException missing = assertThrows(ResourceNotFoundException.class,
                () -> scim.retrieve("Users", UUID.randomUUID().toString(), UserResource.class));
        assertEquals(404, missing.getScimError().getStatus());
        assertNull(missing.getScimError().getScimType());
        assertThrows(ResourceNotFoundException.class, () -> scim.retrieve("Devices", UUID.randomUUID().toString(), UserResource.class));
        ForbiddenException forbidden = assertThrows(ForbiddenException.class,
                () -> scim(Platform.resourceProvider()).searchRequest("Users").invoke(UserResource.class));
        assertEquals(403, forbidden.getScimError().getStatus());
        assertThrows(UnauthorizedException.class, () -> scim("not-a-token").getServiceProviderConfig());
    }

    @Test
    void everyErrorOnTheScimPathsIsAScimErrorAndElsewhereAProblem() throws Exception {
        String token = Platform.token();
        String patch = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":true}]}";
        // no token, a token that is not one
        scimError(given().get("/scim/v2/ServiceProviderConfig"), 401, null);
        scimError(given().auth().oauth2("...").get("/scim/v2/Users"), 401, null);
        // an unknown path, a method not allowed, a media type not supported, a body that is not JSON, a bad integer
        scimError(given().auth().oauth2(token).get("/scim/v2/Devices"), 404, null);
        scimError(given().auth().oauth2(token).delete("/scim/v2/Users/" + UUID.randomUUID()), 405, null);
        scimError(given().auth().oauth2(token).contentType("text/plain").body(patch).patch("/scim/v2/Users/" + UUID.randomUUID()),
                415, null);
        scimError(given().auth().oauth2(token).contentType(SCIM).body("{\"schemas\":[").patch("/scim/v2/Users/" + UUID.randomUUID()),
                400, "invalidSyntax");
        scimError(given().auth().oauth2(token).queryParam("count", "ten").get("/scim/v2/Users"), 400, "invalidValue");
        // a body announced above the limit, refused before it is read
        scimError(given().auth().oauth2(token).contentType(SCIM).body("{\"x\":\"" + "x".repeat(1_500_000) + "\"}")
                .patch("/scim/v2/Users/" + UUID.randomUUID()), 413, null);

        // elsewhere: problem+json as before
        given().get("/classes/" + UUID.randomUUID()).then().statusCode(401).contentType(startsWith("application/problem+json"));
        given().auth().oauth2(Platform.resourceProvider()).contentType("application/json")
                .body("{\"login\":\"a.b\",\"code\":\"ABCD2345\"}").post("/accounts/activation").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        given().auth().oauth2(Tokens.operator()).contentType("application/json").body("[{")
                .put("/classes/" + UUID.randomUUID() + "/roster").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }

    static void scimError(Response r, int status, String scimType) throws Exception {
        r.then().statusCode(status).contentType(startsWith(SCIM)).body("status", equalTo(Integer.toString(status)))
                .body("scimType", equalTo(scimType));
        ScimTest.conforms("Error", ScimTest.body(r));
    }
}
