package fr.somme.ent.provisioning.scim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import fr.somme.ent.commons.rules.Rejection;

/** A SCIM error (RFC 7644 §3.12): {"schemas":[...Error], "status":"400", "scimType":..., "detail":...}. */
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

    public Response toResponse() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schemas", List.of(ERROR_SCHEMA));
        body.put("status", Integer.toString(status));
        if (scimType != null) {
            body.put("scimType", scimType);
        }
        body.put("detail", getMessage());
        return Response.status(status).type(ScimResource.SCIM_JSON).entity(body).build();
    }
}
