package fr.somme.ent.console.api;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Token propagation: every call to a service carries the logged-in user's own access token (the one the code flow
 * obtained for the client ent-console, audience ent-api), never a token of the console's own. The services decide what
 * the user may see and do; without a user, the call goes without a token and the service answers 401. (The extension
 * quarkus-rest-client-oidc-token-propagation does the same; its parent POM is not served by the build's registry.)
 */
public class UserToken implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        if (!Arc.container().requestContext().isActive()) {
            return;
        }
        InstanceHandle<SecurityIdentity> handle = Arc.container().instance(SecurityIdentity.class);
        SecurityIdentity who = handle.isAvailable() ? handle.get() : null;
        if (who == null || who.isAnonymous()) {
            return;
        }
        AccessTokenCredential token = who.getCredential(AccessTokenCredential.class);
        if (token != null && token.getToken() != null) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken());
        }
    }
}
