package fr.somme.ent.commons.openapi;

import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.OAuthFlow;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * What frames every service's document: who to contact ({@code info.contact}), the server (the service's own origin,
 * {@code /}: each service has its own host and port) and the security scheme. The bearer token is a Keycloak access
 * token whose realm roles are what an operation's security requirement lists; OpenAPI names such values scopes of an
 * OAuth 2 scheme, so the scheme is declared as OAuth 2 (client credentials and authorization code flows of the realm)
 * with every role the document uses as a scope, and the requirements keep their roles.
 */
final class DocumentFrame {

    static final String CONTACT_NAME = "Syndicat mixte Somme Numérique, ENT team";
    static final String CONTACT_URL = "https://ent.somme-numerique.fr/";
    /** The realm {@code ent} of the local Keycloak (scripts/keycloak.sh); other environments: OIDC_AUTH_SERVER_URL. */
    static final String REALM = "http://localhost:8090/realms/ent/protocol/openid-connect";

    private DocumentFrame() {
    }

    static void apply(OpenAPI openAPI) {
        if (openAPI.getInfo() == null) {
            openAPI.setInfo(OASFactory.createInfo().title("ENT").version("1"));
        }
        if (openAPI.getInfo().getContact() == null) {
            openAPI.getInfo().setContact(OASFactory.createContact().name(CONTACT_NAME).url(CONTACT_URL));
        }
        if (openAPI.getServers() == null || openAPI.getServers().isEmpty()) {
            openAPI.addServer(OASFactory.createServer().url("/")
                    .description("the service's own origin (each service has its own host; locally, see README: ports)"));
        }
        Map<String, SecurityScheme> schemes = openAPI.getComponents() == null ? null : openAPI.getComponents().getSecuritySchemes();
        if (schemes == null) {
            return;
        }
        Map<String, SecurityScheme> replaced = new TreeMap<>(schemes);
        replaced.replaceAll((name, scheme) -> isBearer(scheme) ? oauth2(scheme, roles(openAPI, name)) : scheme);
        openAPI.getComponents().setSecuritySchemes(replaced);
    }

    private static boolean isBearer(SecurityScheme scheme) {
        return scheme.getType() == SecurityScheme.Type.HTTP && "bearer".equalsIgnoreCase(scheme.getScheme());
    }

    private static SecurityScheme oauth2(SecurityScheme bearer, Map<String, String> scopes) {
        String description = (bearer.getDescription() == null ? "OIDC access token" : bearer.getDescription())
                + ". Sent as `Authorization: Bearer <token>`; the token and authorization URLs are those of the local "
                + "Keycloak, elsewhere those of the environment's realm `ent`.";
        OAuthFlow clientCredentials = OASFactory.createOAuthFlow().tokenUrl(REALM + "/token").scopes(scopes);
        OAuthFlow authorizationCode = OASFactory.createOAuthFlow().authorizationUrl(REALM + "/auth")
                .tokenUrl(REALM + "/token").scopes(scopes);
        return OASFactory.createSecurityScheme().type(SecurityScheme.Type.OAUTH2).description(description)
                .flows(OASFactory.createOAuthFlows().clientCredentials(clientCredentials).authorizationCode(authorizationCode));
    }

    /** Every role that an operation's requirement on this scheme lists, as the scheme's scopes. */
    static Map<String, String> roles(OpenAPI openAPI, String schemeName) {
        Map<String, String> scopes = new TreeMap<>();
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return scopes;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            for (SecurityRequirement requirement : security(op)) {
                if (requirement.getSchemes() != null && requirement.getSchemes().get(schemeName) != null) {
                    requirement.getSchemes().get(schemeName).forEach(role -> scopes.put(role, "realm role `" + role + "`"));
                }
            }
        }));
        return scopes;
    }

    private static java.util.List<SecurityRequirement> security(Operation op) {
        return op.getSecurity() == null ? java.util.List.of() : op.getSecurity();
    }
}
