package fr.somme.ent.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Real signed access tokens (RS256) for tests. The service validates them against the keys its
 * OIDC issuer publishes: {@code OidcWiremockTestResource} serves the JWKS matching
 * {@code privateKey.jwk}, so signature, issuer and expiry are all checked as in production.
 * Roles go where Keycloak puts them ({@code realm_access.roles}); scope claims as in the realm file.
 * <p>
 * For attacks on the token check (system-tests' {@code TokenAttacksIT}): {@link #expiresIn(Duration)} with a negative
 * duration (expired), {@link #notBefore(Duration)} (not yet valid), {@link #issuer(String)}, {@link #audience(String)},
 * {@link #signWith(PrivateKey)} (another key, same key id), {@link #unsigned()} ({@code alg: none}) and
 * {@link #tampered(String, String, Object)} (a claim changed after signing).
 */
public final class Tokens {

    public static final String ISSUER = "https://server.example.com";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String subject;
    private final Set<String> roles;
    private final Map<String, Object> claims = new HashMap<>();
    private Duration lifetime = Duration.ofMinutes(10);
    private String issuer = ISSUER;
    private String audience = ISSUER;
    private Duration notBefore;

    private Tokens(String subject, Set<String> roles) {
        this.subject = subject;
        this.roles = roles;
    }

    public static Tokens of(String subject, String... roles) {
        return new Tokens(subject, Set.of(roles));
    }

    public static String operator() {
        return of("op-1", "operator").sign();
    }

    public static String memberAgent(String memberId) {
        return of("agent-" + memberId, "member-agent").claim("member_id", memberId).sign();
    }

    public static String ien(String circonscription) {
        return of("ien-" + circonscription, "ien").claim("circonscription", circonscription).sign();
    }

    public static String teacher(String subject, String schoolUai) {
        return of(subject, "teacher").claim("school_uai", schoolUai).sign();
    }

    public Tokens claim(String name, Object value) {
        claims.put(name, value);
        return this;
    }

    public Tokens expiresIn(Duration duration) {
        this.lifetime = duration;
        return this;
    }

    public Tokens issuer(String otherIssuer) {
        this.issuer = otherIssuer;
        return this;
    }

    public Tokens audience(String otherAudience) {
        this.audience = otherAudience;
        return this;
    }

    /**
     * Adds {@code nbf} = now + {@code fromNow}: a positive duration makes a token that is not valid yet (its expiry is
     * moved after {@code nbf} so that only {@code nbf} is wrong).
     */
    public Tokens notBefore(Duration fromNow) {
        this.notBefore = fromNow;
        return this;
    }

    /** Signed (RS256, key id {@code "1"}) with another private key than the issuer's: the signature must not verify. */
    public String signWith(PrivateKey otherKey) {
        return claimsBuilder().jws().keyId("1").sign(otherKey);
    }

    /**
     * The same claims with the header {@code {"alg":"none","typ":"JWT"}} and no signature ({@code header.payload.}):
     * a service must never accept it.
     */
    public String unsigned() {
        String[] parts = sign().split("\\.");
        return base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
    }

    /**
     * {@code signedToken} with {@code claim} of its payload set to {@code value} (serialised as JSON, e.g.
     * {@code Map.of("roles", List.of("operator"))} for {@code realm_access}) after signing; header and signature are
     * kept as they were, so the signature no longer matches the payload.
     */
    public static String tampered(String signedToken, String claim, Object value) {
        String[] parts = signedToken.split("\\.");
        try {
            Map<String, Object> payload = JSON.readValue(Base64.getUrlDecoder().decode(parts[1]),
                    new TypeReference<LinkedHashMap<String, Object>>() {
                    });
            payload.put(claim, value);
            return parts[0] + "." + base64Url(JSON.writeValueAsString(payload)) + "." + parts[2];
        } catch (IOException e) {
            throw new IllegalArgumentException("not a signed JWT: " + signedToken, e);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    public String sign() {
        return claimsBuilder().jws().keyId("1").sign("privateKey.jwk");
    }

    private JwtClaimsBuilder claimsBuilder() {
        long now = System.currentTimeMillis() / 1000;
        JwtClaimsBuilder builder = Jwt.claims()
                .issuer(issuer)
                .audience(audience)
                .subject(subject)
                .preferredUserName(subject)
                .claim("realm_access", Map.of("roles", roles))
                .issuedAt(now - 5)
                .expiresAt(now + lifetime.toSeconds());
        if (notBefore != null) {
            builder.claim("nbf", now + notBefore.toSeconds());
            builder.expiresAt(Math.max(now + lifetime.toSeconds(), now + notBefore.toSeconds() + lifetime.toSeconds()));
        }
        claims.forEach(builder::claim);
        return builder;
    }
}
