package fr.somme.ent.testsupport;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Real signed access tokens (RS256) for tests. The service validates them against the keys its
 * OIDC issuer publishes: {@code OidcWiremockTestResource} serves the JWKS matching
 * {@code privateKey.jwk}, so signature, issuer and expiry are all checked as in production.
 * Roles go where Keycloak puts them ({@code realm_access.roles}); scope claims as in the realm file.
 */
public final class Tokens {

    public static final String ISSUER = "https://server.example.com";

    private final String subject;
    private final Set<String> roles;
    private final Map<String, Object> claims = new HashMap<>();
    private Duration lifetime = Duration.ofMinutes(10);
    private String issuer = ISSUER;
    private String audience = ISSUER;

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

    public String sign() {
        JwtClaimsBuilder builder = Jwt.claims()
                .issuer(issuer)
                .audience(audience)
                .subject(subject)
                .preferredUserName(subject)
                .claim("realm_access", Map.of("roles", roles))
                .issuedAt(System.currentTimeMillis() / 1000 - 5)
                .expiresAt(System.currentTimeMillis() / 1000 + lifetime.toSeconds());
        claims.forEach(builder::claim);
        return builder.jws().keyId("1").sign("privateKey.jwk");
    }
}
