package fr.somme.ent.console.api;

import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

/** billing-service (8084): budget, computation, calls and their documents (art. 4). */
@RegisterRestClient(configKey = "billing")
@RegisterProvider(UserToken.class)
public interface BillingApi {

    @GET
    @Path("/budgets/{schoolYear}")
    Response budget(@PathParam("schoolYear") String schoolYear, @QueryParam("page") int page, @QueryParam("size") int size);

    @POST
    @Path("/budgets/{schoolYear}/expenses")
    @Consumes(MediaType.APPLICATION_JSON)
    Response addExpense(@PathParam("schoolYear") String schoolYear, Map<String, Object> body);

    @POST
    @Path("/budgets/{schoolYear}/feder")
    @Consumes(MediaType.APPLICATION_JSON)
    Response addFeder(@PathParam("schoolYear") String schoolYear, Map<String, Object> body);

    @GET
    @Path("/budgets/{schoolYear}/prices")
    Response prices(@PathParam("schoolYear") String schoolYear);

    @GET
    @Path("/periods/{schoolYear}/simulation")
    Response simulate(@PathParam("schoolYear") String schoolYear, @QueryParam("derivations") boolean derivations);

    @POST
    @Path("/periods/{schoolYear}/computation")
    @Consumes(MediaType.APPLICATION_JSON)
    Response compute(@PathParam("schoolYear") String schoolYear, Map<String, Object> body);

    @POST
    @Path("/periods/{schoolYear}/issuance")
    @Consumes(MediaType.APPLICATION_JSON)
    Response issueAll(@PathParam("schoolYear") String schoolYear, Map<String, Object> body);

    @GET
    @Path("/periods/{schoolYear}/export.csv")
    Response exportCsv(@PathParam("schoolYear") String schoolYear);

    @GET
    @Path("/calls")
    Response calls(@QueryParam("schoolYear") String schoolYear, @QueryParam("memberId") String memberId);

    @GET
    @Path("/calls/{id}")
    Response call(@PathParam("id") UUID id);

    @POST
    @Path("/calls/{id}/issue")
    @Consumes(MediaType.APPLICATION_JSON)
    Response issue(@PathParam("id") UUID id, Map<String, Object> body);

    @POST
    @Path("/calls/{id}/payment")
    @Consumes(MediaType.APPLICATION_JSON)
    Response pay(@PathParam("id") UUID id, Map<String, Object> body);

    @POST
    @Path("/calls/{id}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    Response cancel(@PathParam("id") UUID id, Map<String, Object> body);

    @GET
    @Path("/calls/{id}/document.pdf")
    Response pdf(@PathParam("id") UUID id);

    @GET
    @Path("/calls/{id}/credit-note.pdf")
    Response creditNotePdf(@PathParam("id") UUID id);

    @GET
    @Path("/calls/{id}/ubl")
    Response ubl(@PathParam("id") UUID id);

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
