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

/** membership-service (8081): members, adhesions and their legal dates, designations (art. 3, 6). */
@RegisterRestClient(configKey = "membership")
@RegisterProvider(UserToken.class)
@Produces(MediaType.APPLICATION_JSON)
public interface MembershipApi {

    @GET
    @Path("/members")
    Response members(@QueryParam("q") String nameContains, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/members/{siren}")
    Response member(@PathParam("siren") String siren);

    @GET
    @Path("/members/{siren}/adhesions")
    Response adhesions(@PathParam("siren") String siren);

    @POST
    @Path("/members/{siren}/adhesions")
    @Consumes(MediaType.APPLICATION_JSON)
    Response deliberate(@PathParam("siren") String siren, Map<String, Object> body);

    @POST
    @Path("/members/{siren}/adhesions/{id}/charter-signature")
    @Consumes(MediaType.APPLICATION_JSON)
    Response sign(@PathParam("siren") String siren, @PathParam("id") UUID id, Map<String, Object> body);

    @POST
    @Path("/members/{siren}/adhesions/{id}/transmissions")
    @Consumes(MediaType.APPLICATION_JSON)
    Response transmit(@PathParam("siren") String siren, @PathParam("id") UUID id, Map<String, Object> body);

    @GET
    @Path("/members/{siren}/designations/{schoolYear}")
    Response designation(@PathParam("siren") String siren, @PathParam("schoolYear") String schoolYear);

    @PUT
    @Path("/members/{siren}/designations/{schoolYear}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response designate(@PathParam("siren") String siren, @PathParam("schoolYear") String schoolYear, Map<String, Object> body);

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
