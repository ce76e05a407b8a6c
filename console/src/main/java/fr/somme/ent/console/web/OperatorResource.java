package fr.somme.ent.console.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import fr.somme.ent.console.api.Api;
import fr.somme.ent.console.api.ApiException;
import fr.somme.ent.console.api.BillingApi;
import fr.somme.ent.console.api.MembershipApi;
import fr.somme.ent.console.api.ProjectsApi;
import fr.somme.ent.console.api.ProvisioningApi;
import fr.somme.ent.console.menu.Menu;
import fr.somme.ent.console.problem.FrenchMessages;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * Operator and DSDEN: members and their adhesions, classes with the reasons they are pending, the event pipeline of
 * the four services (outbox backlog, parked rows, a pipeline probe), bilans (art. 5).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class OperatorResource {

    @Inject
    @Location("exploitation/membres.html")
    Template members;

    @Inject
    @Location("exploitation/membre.html")
    Template member;

    @Inject
    @Location("exploitation/classes.html")
    Template classes;

    @Inject
    @Location("exploitation/chaine.html")
    Template pipeline;

    @Inject
    @Location("exploitation/bilans.html")
    Template bilans;

    @Inject
    @RestClient
    MembershipApi membership;

    @Inject
    @RestClient
    ProjectsApi projects;

    @Inject
    @RestClient
    ProvisioningApi provisioning;

    @Inject
    @RestClient
    BillingApi billing;

    @Inject
    CurrentUser user;

    @GET
    @Path("membres")
    public TemplateInstance members(@QueryParam("q") String q, @QueryParam("page") Integer pageNumber) {
        int p = pageNumber == null ? 0 : Math.max(0, pageNumber);
        String query = q == null || q.isBlank() ? null : q.strip();
        TemplateInstance page = Pages.page(members, user, "/membres").data("members", List.of()).data("q", query == null ? "" : query)
                .data("total", 0L).data("nextPage", null).data("previousPage", p > 0 ? p - 1 : null);
        if (!Menu.allows(user.roles(), "/membres")) {
            return page.data("error", Roles.NOT_YOURS);
        }
        try {
            JsonNode answer = Api.json(() -> membership.members(query, p, 50));
            long total = Api.total(answer);
            return page.data("members", Api.items(answer)).data("total", total).data("nextPage", total > (p + 1L) * 50 ? p + 1 : null);
        } catch (ApiException e) {
            return Pages.failed(page, e);
        }
    }

    @GET
    @Path("membres/{siren}")
    public TemplateInstance member(@PathParam("siren") String siren) {
        TemplateInstance page = Pages.page(member, user, "/membres").data("member", null).data("adhesions", List.of());
        if (!Menu.allows(user.roles(), "/membres") || !siren.matches("[0-9]{9}")) {
            return page.data("error", Roles.NOT_YOURS);
        }
        try {
            page.data("member", Api.object(() -> membership.member(siren)));
            return page.data("adhesions", Api.list(() -> membership.adhesions(siren)));
        } catch (ApiException e) {
            return Pages.failed(page, e);
        }
    }

    @GET
    @Path("classes")
    public TemplateInstance classes(@QueryParam("etat") String status) {
        String s = status == null || status.isBlank() ? "PENDING" : status;
        TemplateInstance page = Pages.page(classes, user, "/classes").data("classes", List.of()).data("status", s);
        if (!user.has(Menu.OPERATOR)) {
            return page.data("error", Roles.NOT_YOURS);
        }
        try {
            return page.data("classes", Api.list(() -> provisioning.classes(s, 500, 500)));
        } catch (ApiException e) {
            return Pages.failed(page, e);
        }
    }

    @GET
    @Path("chaine")
    public TemplateInstance pipeline() {
        return pipelinePage(null);
    }

    @POST
    @Path("chaine/sonde")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response probe() {
        Map<String, Object> results = new LinkedHashMap<>();
        for (Map.Entry<String, Function<Boolean, Response>> s : services().entrySet()) {
            // each service stores a probe row and publishes its event; the page shows whether it left the outbox
            try {
                results.put(s.getKey(), Api.object(() -> s.getValue().apply(true)));
            } catch (ApiException e) {
                results.put(s.getKey(), Map.of("status", FrenchMessages.message(e.problem())));
            }
        }
        return Response.ok(pipelinePage(results)).build();
    }

    private TemplateInstance pipelinePage(Map<String, Object> probes) {
        TemplateInstance page = Pages.page(pipeline, user, "/chaine").data("rows", List.of()).data("probes", probes);
        if (!user.has(Menu.OPERATOR)) {
            return page.data("error", Roles.NOT_YOURS);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String service : services().keySet()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("service", service);
            try {
                row.put("pending", count(service, "PENDING"));
                List<Map<String, Object>> parked = outbox(service, "PARKED");
                row.put("parked", parked.size());
                row.put("parkedRows", parked);
                row.put("error", null);
            } catch (ApiException e) {
                row.put("pending", null);
                row.put("parked", null);
                row.put("parkedRows", List.of());
                row.put("error", FrenchMessages.message(e.problem()));
            }
            rows.add(row);
        }
        return page.data("rows", rows);
    }

    private int count(String service, String state) {
        return outbox(service, state).size();
    }

    private List<Map<String, Object>> outbox(String service, String state) {
        return switch (service) {
            case "membership-service" -> Api.list(() -> membership.outbox(state, 1000));
            case "project-validation-service" -> Api.list(() -> projects.outbox(state, 1000));
            case "provisioning-service" -> Api.list(() -> provisioning.outbox(state, 1000));
            default -> Api.list(() -> billing.outbox(state, 1000));
        };
    }

    private Map<String, Function<Boolean, Response>> services() {
        Map<String, Function<Boolean, Response>> s = new LinkedHashMap<>();
        Map<String, Object> note = Map.of("note", "console");
        s.put("membership-service", x -> membership.probe(note));
        s.put("project-validation-service", x -> projects.probe(note));
        s.put("provisioning-service", x -> provisioning.probe(note));
        s.put("billing-service", x -> billing.probe(note));
        return s;
    }

    @GET
    @Path("bilans")
    public TemplateInstance bilans(@QueryParam("annee") String year) {
        String y = FinanceResource.year(year);
        TemplateInstance page = Pages.page(bilans, user, "/bilans").data("bilan", null).data("year", y)
                .data("years", AgentResource.years(y));
        if (!Menu.allows(user.roles(), "/bilans")) {
            return page.data("error", Roles.NOT_YOURS);
        }
        try {
            return page.data("bilan", Api.object(() -> provisioning.bilans(y)));
        } catch (ApiException e) {
            return Pages.failed(page, e);
        }
    }
}
