package fr.somme.ent.provisioning.scim;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import fr.somme.ent.commons.problem.Problem;

/**
 * On the SCIM paths ({@code /scim/v2/...}) every error is a SCIM error (RFC 7644 §3.12), also those answered before
 * {@link ScimResource} is reached or outside it: 401 / 403 from security, 404 of an unknown path, 405, 415, a body that
 * is not JSON, 500. ent-commons' mappers write them as problem+json (as on every other path, which keeps it); this
 * filter rewrites such a response, on these paths only, as {@code application/scim+json} with the same status and
 * detail, and the {@code scimType} RFC 7644 defines for a 400 ({@code invalidSyntax}, {@code invalidValue}).
 */
public class ScimErrors {

    static final String PREFIX = "scim/v2";

    @ServerResponseFilter
    public void scimFormat(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Problem problem && isScim(request.getUriInfo().getPath())) {
            response.setEntity(ScimException.body(problem.status(), scimType(problem), problem.detail()), null,
                    MediaType.valueOf(ScimResource.SCIM_JSON));
        }
    }

    /** {@code /scim/v2} and below. */
    static boolean isScim(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.equals(PREFIX) || p.startsWith(PREFIX + "/");
    }

    /** The scimType of a problem: RFC 7644 §3.12 defines them for 400 only. */
    static String scimType(Problem problem) {
        if (problem.status() != 400) {
            return null;
        }
        String type = problem.type() == null ? "" : problem.type().toString();
        String slug = type.startsWith(Problem.TYPE_BASE) ? type.substring(Problem.TYPE_BASE.length()) : type;
        return switch (slug) {
            case "malformed-body", "bad-request" -> "invalidSyntax";
            default -> "invalidValue";
        };
    }
}
