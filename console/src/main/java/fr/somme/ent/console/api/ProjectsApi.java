package fr.somme.ent.console.api;

import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

/** project-validation-service (8082): projects and the IEN's decisions (art. 2), called with the user's access token. */
@RegisterRestClient(configKey = "projects")
@RegisterProvider(UserToken.class)
@Produces(MediaType.APPLICATION_JSON)
public interface ProjectsApi {

    @GET
    @Path("/projects")
    Response list(@QueryParam("state") String state, @QueryParam("schoolYear") String schoolYear);

    @GET
    @Path("/projects/{id}")
    Response get(@PathParam("id") UUID id);

    @GET
    @Path("/projects/{id}/transitions")
    Response transitions(@PathParam("id") UUID id);

    @POST
    @Path("/projects/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    Response decide(@PathParam("id") UUID id, Map<String, Object> body);

    @POST
    @Path("/projects")
    @Consumes(MediaType.APPLICATION_JSON)
    Response create(Map<String, Object> body);

    @PUT
    @Path("/projects/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response update(@PathParam("id") UUID id, Map<String, Object> body);

    @POST
    @Path("/projects/{id}/submit")
    Response submit(@PathParam("id") UUID id);

    @POST
    @Path("/projects/{id}/renewal")
    Response renew(@PathParam("id") UUID id);

    @POST
    @Path("/projects/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    Response withdraw(@PathParam("id") UUID id, Map<String, Object> body);

    // ---- the pipeline (ent-commons, operator) ----

    @GET
    @Path("/ops/outbox")
    @Produces(MediaType.APPLICATION_JSON)
    Response outbox(@QueryParam("state") String state, @QueryParam("limit") int limit);

    @POST
    @Path("/ops/pipeline-probes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response probe(java.util.Map<String, Object> body);

    @GET
    @Path("/ops/pipeline-probes/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    Response probeStatus(@PathParam("id") java.util.UUID id);
}
