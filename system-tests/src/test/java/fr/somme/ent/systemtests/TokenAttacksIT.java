package fr.somme.ent.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fr.somme.ent.systemtests.RunningSuite.Service;
import fr.somme.ent.testsupport.Tokens;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

/**
 * Issue #14, tokens: on one protected read of each service, every forged, stale or foreign bearer token is refused
 * with 401 and an {@code unauthorized} problem (with {@code WWW-Authenticate: Bearer}), and a valid token of a role the
 * operation does not allow gets 403 {@code forbidden}; the same read with a valid token of an allowed role answers 200,
 * so the refusals are the token's fault and not the endpoint's. The services check signature (the issuer's JWKS),
 * issuer ({@code QUARKUS_OIDC_TOKEN_ISSUER}), audience ({@code quarkus.oidc.token.audience}), expiry and not-before.
 */
class TokenAttacksIT {

    /** The read under attack, the role that may read it and one that may not. */
    record Target(Service service, String path, String allowedRole, String refusedRole) {
    }

    private static final List<Target> TARGETS = List.of(
            new Target(Service.MEMBERSHIP, "/members", "operator", "teacher"),
            new Target(Service.PROJECT_VALIDATION, "/projects", "operator", "finance"),
            new Target(Service.PROVISIONING, "/classes", "operator", "finance"),
            new Target(Service.BILLING, "/calls", "finance", "teacher"));

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startSuite() {
        Journeys.start(TokenAttacksIT.class);
    }

    /** Each attack: its name and the Authorization header it sends (null: none). */
    private static Map<String, String> attacks(String role) throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey otherKey = generator.generateKeyPair().getPrivate();
        Map<String, String> attacks = new LinkedHashMap<>();
        attacks.put("expired an hour ago", bearer(Tokens.of(role + "-1", role).expiresIn(Duration.ofHours(-1)).sign()));
        attacks.put("not valid before an hour from now", bearer(Tokens.of(role + "-1", role).notBefore(Duration.ofHours(1)).sign()));
        attacks.put("another issuer", bearer(Tokens.of(role + "-1", role).issuer("https://evil.example.com").sign()));
        attacks.put("another audience", bearer(Tokens.of(role + "-1", role).audience("https://another-api.example.com").sign()));
        attacks.put("alg: none, unsigned", bearer(Tokens.of(role + "-1", role).unsigned()));
        attacks.put("signed by another RSA key", bearer(Tokens.of(role + "-1", role).signWith(otherKey)));
        attacks.put("HS256 with a guessed secret", bearer(Jwt.claims().issuer(Tokens.ISSUER).audience(Tokens.ISSUER)
                .subject(role + "-1").claim("realm_access", Map.of("roles", List.of(role))).expiresIn(600).jws()
                .keyId("1").algorithm(SignatureAlgorithm.HS256).signWithSecret("a-secret-of-at-least-256-bits-for-hs256-xx")));
        attacks.put("partner token whose roles were changed after signing", bearer(Tokens.tampered(
                Tokens.of("partner-1", "partner").sign(), "realm_access", Map.of("roles", List.of(role)))));
        attacks.put("expiry pushed back after signing", bearer(Tokens.tampered(
                Tokens.of(role + "-1", role).expiresIn(Duration.ofHours(-1)).sign(), "exp", System.currentTimeMillis() / 1000 + 3600)));
        attacks.put("garbage", "Bearer not-a-jwt");
        attacks.put("three empty parts", "Bearer ..");
        attacks.put("JSON instead of a JWT", "Bearer {\"alg\":\"none\"}");
        attacks.put("empty Bearer", "Bearer ");
        attacks.put("Basic credentials", "Basic b3BlcmF0b3I6b3BlcmF0b3I=");
        attacks.put("no Authorization header", null);
        return attacks;
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    @Test
    void forgedStaleOrForeignTokensGet401AndAValidTokenOfAnotherRoleGets403() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Target target : TARGETS) {
            String allowed = target.allowedRole().equals("finance") ? Journeys.finance() : Tokens.of("op-1", target.allowedRole()).sign();
            HttpResponse<String> valid = get(target, bearer(allowed));
            if (valid.statusCode() != 200) {
                wrong.add(target + " with a valid " + target.allowedRole() + " token: " + valid.statusCode() + " " + valid.body());
            }
            for (Map.Entry<String, String> attack : attacks(target.allowedRole()).entrySet()) {
                HttpResponse<String> answer = get(target, attack.getValue());
                String problem = problemType(answer);
                if (answer.statusCode() != 401 || !problem.endsWith("/unauthorized")
                        || !answer.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer")) {
                    wrong.add(target.service().module + " " + target.path() + " — " + attack.getKey() + ": " + answer.statusCode()
                            + " " + answer.headers().firstValue("Content-Type").orElse("") + " " + answer.body());
                }
            }
            String refused = Tokens.of(target.refusedRole() + "-1", target.refusedRole()).claim("school_uai", HostileRequestsIT.UAI)
                    .sign();
            HttpResponse<String> forbidden = get(target, bearer(refused));
            if (forbidden.statusCode() != 403 || !problemType(forbidden).endsWith("/forbidden")) {
                wrong.add(target.service().module + " " + target.path() + " — valid " + target.refusedRole() + " token: "
                        + forbidden.statusCode() + " " + forbidden.body());
            }
        }
        assertEquals(List.of(), wrong, "every attack refused with 401 unauthorized, the wrong role with 403 forbidden");
    }

    private HttpResponse<String> get(Target target, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Journeys.suite().url(target.service()) + target.path()))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpRequest sent = request.GET().build();
        HttpResponse<String> answer = http.send(sent, HttpResponse.BodyHandlers.ofString());
        ProblemRecorder.record(sent.uri(), "GET", answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(""),
                answer.body());
        return answer;
    }

    /** The problem's {@code type}, or what was wrong with the answer as a problem. */
    private static String problemType(HttpResponse<String> answer) {
        if (!answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return "not a problem";
        }
        try {
            JsonNode problem = OpenApiOperations.JSON.readTree(answer.body());
            return problem.path("status").asInt() == answer.statusCode() && problem.path("title").isTextual()
                    ? problem.path("type").asText() : "incomplete problem";
        } catch (IOException e) {
            return "not JSON";
        }
    }
}
