package fr.somme.ent.provisioning.scim;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** SCIM endpoints answer errors in the SCIM error format, not problem+json. */
public class ScimExceptionMapper {

    @ServerExceptionMapper
    public Response map(ScimException e) {
        return e.toResponse();
    }
}
