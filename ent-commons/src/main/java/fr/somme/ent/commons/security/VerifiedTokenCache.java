package fr.somme.ent.commons.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Wires {@link VerifiedTokens} into Quarkus security (issue #15): a bearer token the OIDC extension has verified is
 * remembered by the first augmentor of the chain ({@link Capture}, which sees the identity exactly as the OIDC provider
 * built it); the next request with the very same token is answered by {@link Provider}, which runs before the OIDC
 * provider (priority 2000 against the default 1001), with that identity bound to the current request. Every augmentor of the service still runs on it, so
 * roles and scope are derived the same way. {@code ent.oidc.verified-token-cache.enabled=false} turns it off
 * (each token verified at every request, as before).
 * <p>
 * Trade-off, written in ent-commons/README.md: a token already seen stays accepted until its {@code exp} or
 * {@code max-age} after it was first verified, whichever comes first, even if its signing key is withdrawn meanwhile.
 */
@ApplicationScoped
public class VerifiedTokenCache {

    /** Marks an identity served from the cache, so that the capture does not store it again. */
    static final String FROM_CACHE = "ent.verified-token-cache.hit";
    /** The attributes OIDC binds to the request that built the identity; rebound to the current one on a hit. */
    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();
    private static final String REQUEST_CONTEXT = AuthenticationRequestContext.class.getName();

    private final boolean enabled;
    private final VerifiedTokens<SecurityIdentity> tokens;
    private final java.util.concurrent.atomic.AtomicLong hits = new java.util.concurrent.atomic.AtomicLong();

    @Inject
    public VerifiedTokenCache(@ConfigProperty(name = "ent.oidc.verified-token-cache.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "ent.oidc.verified-token-cache.max-entries", defaultValue = "2000") int maxEntries,
            @ConfigProperty(name = "ent.oidc.verified-token-cache.max-age", defaultValue = "PT5M") Duration maxAge) {
        this.enabled = enabled;
        this.tokens = new VerifiedTokens<>(maxEntries, maxAge);
    }

    /** The remembered identity of this token, bound to the current request; empty when unknown, expired or disabled. */
    Optional<SecurityIdentity> lookUp(String token, Map<String, Object> requestAttributes, AuthenticationRequestContext context) {
        if (!enabled || token == null) {
            return Optional.empty();
        }
        return tokens.get(token, Instant.now()).map(cached -> {
            hits.incrementAndGet();
            QuarkusSecurityIdentity.Builder rebound = QuarkusSecurityIdentity.builder(cached).addAttribute(FROM_CACHE, true);
            RoutingContext current = HttpSecurityUtils.getRoutingContextAttribute(requestAttributes);
            if (current != null) {
                rebound.addAttribute(ROUTING_CONTEXT, current);
            }
            rebound.addAttribute(REQUEST_CONTEXT, context);
            return rebound.build();
        });
    }

    /** Remembers an identity the OIDC provider has just built from a verified JWT access token. */
    void remember(SecurityIdentity identity) {
        if (!enabled || identity.isAnonymous() || identity.getAttribute(FROM_CACHE) != null
                || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null || credential.isOpaque() || credential.getToken() == null
                || !credential.getToken().equals(jwt.getRawToken())) {
            return;
        }
        long exp = jwt.getExpirationTime();
        if (exp <= 0) {
            return;
        }
        tokens.put(credential.getToken(), identity, Instant.ofEpochSecond(exp), Instant.now());
    }

    /** How many requests were answered from remembered tokens since start (tests, diagnostics). */
    public long hits() {
        return hits.get();
    }

    /** How many verified tokens are remembered now (tests, diagnostics). */
    public int size() {
        return tokens.size();
    }

    /** Answers a bearer token already verified, before the OIDC provider; null (next provider) otherwise. */
    @ApplicationScoped
    public static class Provider implements IdentityProvider<TokenAuthenticationRequest> {

        @Inject
        VerifiedTokenCache cache;

        @Override
        public Class<TokenAuthenticationRequest> getRequestType() {
            return TokenAuthenticationRequest.class;
        }

        /** Above the OIDC provider's (the default, 1001): asked first, it answers null for a token it does not know. */
        @Override
        public int priority() {
            return 2000;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
            if (!(request.getToken() instanceof AccessTokenCredential)) {
                return Uni.createFrom().nullItem();
            }
            return Uni.createFrom().item(cache.lookUp(request.getToken().getToken(), request.getAttributes(), context)
                    .orElse(null));
        }
    }

    /** First augmentor of the chain: remembers what the OIDC provider verified, before any augmentor changes it. */
    @ApplicationScoped
    public static class Capture implements SecurityIdentityAugmentor {

        @Inject
        VerifiedTokenCache cache;

        @Override
        public int priority() {
            return Integer.MAX_VALUE;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            cache.remember(identity);
            return Uni.createFrom().item(identity);
        }
    }
}
