package fr.somme.ent.membership.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import fr.somme.ent.commons.security.VerifiedTokenCache;
import fr.somme.ent.membership.FixedClock;
import fr.somme.ent.membership.Fixtures;
import fr.somme.ent.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Issue #15: a bearer token verified once is remembered (ent-commons VerifiedTokenCache) and answered without a new
 * signature check; the identity it gives is the same (roles, member scope), it ends at the token's expiry, and only
 * the very same token text matches. Real RS256 tokens from the test issuer.
 */
@QuarkusTest
@TestProfile(FixedClock.class)
class VerifiedTokenCacheTest {

    @Inject
    VerifiedTokenCache cache;

    @Test
    void aRememberedTokenKeepsItsRolesAndItsMemberScope() {
        String own = Fixtures.commune();
        String other = Fixtures.commune();
        String agent = Tokens.memberAgent(own);
        int before = cache.size();
        given().auth().oauth2(agent).when().get("/members/" + own).then().statusCode(200).body("id", equalTo(own));
        assertTrue(cache.size() > before, "the verified token is remembered");
        long hits = cache.hits();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(agent).when().get("/members/" + own).then().statusCode(200).body("id", equalTo(own));
            given().auth().oauth2(agent).when().get("/members/" + other).then().statusCode(404)
                    .contentType("application/problem+json");
            // registering a member is the operator's: a member agent stays a member agent on a remembered token
            given().auth().oauth2(agent).contentType("application/json")
                    .body(Fixtures.memberJson(Fixtures.siren(), "COMMUNE", "Commune X", Fixtures.insee(), null, true))
                    .when().post("/members").then().statusCode(403);
        }
        assertTrue(cache.hits() >= hits + 9, "the nine requests after the first were answered from the remembered token");
    }

    @Test
    void aRememberedTokenIsRefusedOnceItHasExpired() {
        String own = Fixtures.commune();
        String shortLived = Tokens.of("agent-" + own, "member-agent").claim("member_id", own)
                .expiresIn(Duration.ofSeconds(3)).sign();
        given().auth().oauth2(shortLived).when().get("/members/" + own).then().statusCode(200);
        given().auth().oauth2(shortLived).when().get("/members/" + own).then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                given().auth().oauth2(shortLived).when().get("/members/" + own).then().extract().statusCode() == 401);
    }

    @Test
    void aCopyOfARememberedTokenWithAnotherPayloadIsRefused() {
        String own = Fixtures.commune();
        String other = Fixtures.commune();
        String agent = Tokens.memberAgent(own);
        given().auth().oauth2(agent).when().get("/members/" + own).then().statusCode(200);
        // the same header and signature, the payload now naming the other member: the signature no longer matches
        String[] parts = agent.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace(own, other);
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        given().auth().oauth2(forged).when().get("/members/" + other).then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(agent).when().get("/members/" + other).then().statusCode(404);
    }
}
