package fr.somme.ent.console.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import fr.somme.ent.console.api.Api;
import fr.somme.ent.console.api.ApiException;
import fr.somme.ent.console.api.BillingApi;
import fr.somme.ent.console.menu.Menu;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * Contribution calls: a member agent sees its own issued calls (the API filters), finance and the operator every call
 * of a year; one screen per call with its derivation, its documents (PDF, UBL, credit note) and, for finance, issue,
 * payment and cancellation by a credit note. Exports: the year's CSV.
 */
@Path("/appels")
@Produces(MediaType.TEXT_HTML)
public class CallsResource {

    static final String PATH = "/appels";

    @Inject
    @Location("appels/liste.html")
    Template list;

    @Inject
    @Location("appels/appel.html")
    Template call;

    @Inject
    @RestClient
    BillingApi billing;

    @Inject
    CurrentUser user;

    @GET
    public TemplateInstance list(@QueryParam("annee") String year, @QueryParam("fait") String done) {
        String y = year == null || year.isBlank() ? null : FinanceResource.year(year);
        TemplateInstance page = Pages.page(list, user, PATH).data("calls", List.of()).data("year", y)
                .data("years", AgentResource.years(y == null ? FinanceResource.year(null) : y)).data("flash", Flash.sentence(done))
                .data("manages", manages());
        if (!Menu.allows(user.roles(), PATH)) {
            return page.data("error", Roles.NOT_YOURS);
        }
        try {
            String member = manages() ? null : user.memberId();
            return page.data("calls", Api.list(() -> billing.calls(y, member)));
        } catch (ApiException e) {
            return Pages.failed(page, e);
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance call(@PathParam("id") UUID id, @QueryParam("fait") String done) {
        return callPage(id).data("flash", Flash.sentence(done));
    }

    @POST
    @Path("{id}/emission")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response issue(@PathParam("id") UUID id) {
        return act(id, () -> billing.issue(id, Map.of()), "appel-emis", Map.of());
    }

    @POST
    @Path("{id}/paiement")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response pay(@PathParam("id") UUID id, @FormParam("paidOn") String paidOn) {
        return act(id, () -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("paidOn", AgentResource.dateOrNull("paidOn", paidOn));
            return billing.pay(id, body);
        }, "paiement", Map.of("paidOn", paidOn == null ? "" : paidOn));
    }

    @POST
    @Path("{id}/annulation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("id") UUID id, @FormParam("reason") String reason) {
        return act(id, () -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("reason", reason == null || reason.isBlank() ? null : reason.strip());
            return billing.cancel(id, body);
        }, "annulation", Map.of("reason", reason == null ? "" : reason));
    }

    @GET
    @Path("{id}/appel.pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("id") UUID id) {
        return Api.passThrough(() -> billing.pdf(id));
    }

    @GET
    @Path("{id}/avoir.pdf")
    @Produces("application/pdf")
    public Response creditNotePdf(@PathParam("id") UUID id) {
        return Api.passThrough(() -> billing.creditNotePdf(id));
    }

    @GET
    @Path("{id}/facture-ubl.xml")
    @Produces(MediaType.APPLICATION_XML)
    public Response ubl(@PathParam("id") UUID id) {
        return Api.passThrough(() -> billing.ubl(id));
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Response exportCsv(@QueryParam("annee") String year) {
        return Api.passThrough(() -> billing.exportCsv(FinanceResource.year(year)));
    }

    private Response act(UUID id, java.util.function.Supplier<Response> call, String done, Map<String, String> form) {
        try {
            Api.json(call);
            return Pages.seeOther(PATH + "/" + id + "?fait=" + done);
        } catch (ApiException e) {
            return Pages.refused(callPage(id), e, form);
        }
    }

    private TemplateInstance callPage(UUID id) {
        TemplateInstance page = Pages.page(call, user, PATH).data("call", null).data("manages", manages());
        if (!Menu.allows(user.roles(), PATH)) {
            return page.data("error", Roles.NOT_YOURS);
        }
        try {
            return page.data("call", Api.object(() -> billing.call(id)));
        } catch (ApiException e) {
            return Pages.failed(page, e);
        }
    }

    /** Finance and the operator issue, record payments and cancel; a member agent reads. */
    private boolean manages() {
        return user.has(Menu.FINANCE) || user.has(Menu.OPERATOR);
    }
}
