package fr.somme.ent.console.api;

import java.io.InputStream;
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

import io.quarkus.rest.client.reactive.ClientQueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

/** provisioning-service (8083): classes, accounts (counts), rosters, login sheets, bilans, the pipeline. */
@RegisterRestClient(configKey = "provisioning")
@RegisterProvider(UserToken.class)
public interface ProvisioningApi {

    @GET
    @Path("/classes")
    @Produces(MediaType.APPLICATION_JSON)
    Response classes(@QueryParam("status") String status, @QueryParam("limit") int limit, @QueryParam("size") int size);

    @GET
    @Path("/classes/{projectId}")
    @Produces(MediaType.APPLICATION_JSON)
    Response clazz(@PathParam("projectId") UUID projectId);

    @GET
    @Path("/classes/{projectId}/accounts")
    @Produces(MediaType.APPLICATION_JSON)
    Response accounts(@PathParam("projectId") UUID projectId);

    /** The member's classes, a page of 500 (the page's maximum; a member has far fewer). */
    @GET
    @Path("/members/{memberId}/classes")
    @Produces(MediaType.APPLICATION_JSON)
    @ClientQueryParam(name = "size", value = "500")
    Response memberClasses(@PathParam("memberId") String memberId);

    @PUT
    @Path("/classes/{projectId}/roster")
    @Consumes("text/csv")
    @Produces(MediaType.APPLICATION_JSON)
    Response roster(@PathParam("projectId") UUID projectId, InputStream csv);

    @POST
    @Path("/classes/{projectId}/login-sheet")
    @Produces({ "text/csv", MediaType.TEXT_HTML })
    Response loginSheet(@PathParam("projectId") UUID projectId, @QueryParam("format") String format);

    @GET
    @Path("/reports/bilans")
    @Produces(MediaType.APPLICATION_JSON)
    Response bilans(@QueryParam("schoolYear") String schoolYear);

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
