package fr.somme.ent.provisioning.scim;

import jakarta.ws.rs.core.Response;

import com.unboundid.scim2.common.messages.ErrorResponse;
import com.unboundid.scim2.common.utils.JsonUtils;

import fr.somme.ent.commons.rules.Rejection;

/**
 * A SCIM error (RFC 7644 §3.12): {"schemas":[...Error], "scimType":..., "detail":..., "status":"400"}, written with the
 * SCIM SDK's {@link ErrorResponse} ({@code status} as a string).
 */
public class ScimException extends RuntimeException {

    public static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    private final int status;
    private final String scimType;

    public ScimException(int status, String scimType, String detail) {
        super(detail);
        this.status = status;
        this.scimType = scimType;
    }

    /** A refusal of the domain as a SCIM error: its slug is the scimType (e.g. mutability). */
    public static ScimException of(Rejection r) {
        int status = r.kind() == Rejection.Kind.CONFLICT ? 409 : 400;
        return new ScimException(status, r.slug(), r.reason());
    }

    /** The SCIM error type (invalidFilter, mutability...), or null. */
    public String scimType() {
        return scimType;
    }

    public int status() {
        return status;
    }

    public Response toResponse() {
        Response.ResponseBuilder r = Response.status(status).type(ScimResource.SCIM_JSON).entity(body(status, scimType, getMessage()));
        if (status == 401) {
            r.header("WWW-Authenticate", "Bearer");
        }
        return r.build();
    }

    /** The SCIM error document: {@code scimType} only where given (RFC 7644 §3.12 defines it for 400 only). */
    static com.fasterxml.jackson.databind.JsonNode body(int status, String scimType, String detail) {
        ErrorResponse error = new ErrorResponse(status);
        error.setScimType(scimType);
        error.setDetail(detail);
        return JsonUtils.valueToNode(error);
    }
}
