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

import io.quarkus.oidc.token.propagation.common.AccessToken;

/** membership-service (8081): members, adhesions and their legal dates, designations (art. 3, 6). */
@RegisterRestClient(configKey = "membership")
@AccessToken
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
}
