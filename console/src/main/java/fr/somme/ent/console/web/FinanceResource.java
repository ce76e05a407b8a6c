package fr.somme.ent.console.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import fr.somme.ent.console.api.Api;
import fr.somme.ent.console.api.ApiException;
import fr.somme.ent.console.api.ApiProblem;
import fr.somme.ent.console.api.BillingApi;
import fr.somme.ent.console.format.French;
import fr.somme.ent.console.menu.Menu;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/** Finance: the budget of a year (expenses by category, FEDER, prices) and the computation (simulate, compute, issue). */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class FinanceResource {

    /** The charter's budget categories (art. 4.2), as billing-service's BudgetCategory names them. */
    static final Map<String, String> CATEGORIES = categories();

    @Inject
    @Location("finances/budget.html")
    Template budget;

    @Inject
    @Location("finances/calcul.html")
    Template computation;

    @Inject
    @RestClient
    BillingApi billing;

    @Inject
    CurrentUser user;

    @GET
    @Path("budget")
    public TemplateInstance budget(@QueryParam("annee") String year, @QueryParam("page") Integer page, @QueryParam("fait") String done) {
        return budgetPage(year(year), page == null ? 0 : Math.max(0, page)).data("flash", Flash.sentence(done));
    }

    @POST
    @Path("budget/depenses")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addExpense(@FormParam("schoolYear") String year, @FormParam("category") String category,
            @FormParam("supplier") String supplier, @FormParam("reference") String reference, @FormParam("amount") String amount,
            @FormParam("paidOn") String paidOn) {
        String y = year(year);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("category", nz(category));
        form.put("supplier", nz(supplier));
        form.put("reference", nz(reference));
        form.put("amount", nz(amount));
        form.put("paidOn", nz(paidOn));
        try {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("category", category);
            body.put("supplier", nz(supplier).strip());
            body.put("reference", nz(reference).strip());
            body.put("amount", amount("amount", amount));
            body.put("paidOn", AgentResource.dateOrNull("paidOn", paidOn));
            Api.json(() -> billing.addExpense(y, body));
            return Pages.seeOther("/budget?annee=" + y + "&fait=depense");
        } catch (ApiException e) {
            return Pages.refused(budgetPage(y, 0), e, form);
        }
    }

    @POST
    @Path("budget/feder")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addFeder(@FormParam("schoolYear") String year, @FormParam("programmeReference") String reference,
            @FormParam("federAmount") String amount) {
        String y = year(year);
        Map<String, String> form = Map.of("programmeReference", nz(reference), "federAmount", nz(amount));
        try {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("programmeReference", nz(reference).strip());
            body.put("amount", amount("federAmount", amount));
            Api.json(() -> billing.addFeder(y, body));
            return Pages.seeOther("/budget?annee=" + y + "&fait=feder");
        } catch (ApiException e) {
            ApiException renamed = e;
            if (e.problem().errors().stream().anyMatch(f -> f.field().endsWith("amount"))) {
                renamed = new ApiException(new ApiProblem(e.problem().status(), e.problem().slug(), e.problem().detail(),
                        List.of(new ApiProblem.FieldError("federAmount", "must be greater than 0"))));
            }
            return Pages.refused(budgetPage(y, 0), renamed, form);
        }
    }

    private TemplateInstance budgetPage(String year, int pageNumber) {
        TemplateInstance page = Pages.page(budget, user, "/budget").data("year", year).data("years", AgentResource.years(year))
                .data("budget", null).data("nextPage", null).data("prices", Map.of()).data("categories", CATEGORIES)
                .data("today", LocalDate.now(French.PARIS).toString());
        if (!user.has(Menu.FINANCE) && !user.has(Menu.OPERATOR)) {
            return page.data("error", Roles.NOT_YOURS);
        }
        try {
            Map<String, Object> b = Api.object(() -> billing.budget(year, pageNumber, 100));
            long total = b.get("total") instanceof Number n ? n.longValue() : 0;
            page.data("budget", b).data("nextPage", total > (pageNumber + 1L) * 100 ? pageNumber + 1 : null);
            page.data("prices", Api.object(() -> billing.prices(year)));
            return page;
        } catch (ApiException e) {
            return Pages.failed(page, e);
        }
    }

    // ---- computation ----------------------------------------------------------------------------------------------

    @GET
    @Path("calcul")
    public TemplateInstance computation(@QueryParam("annee") String year, @QueryParam("simulation") String simulate,
            @QueryParam("fait") String done) {
        String y = year(year);
        TemplateInstance page = computationPage(y).data("flash", Flash.sentence(done));
        if (simulate != null && (user.has(Menu.FINANCE) || user.has(Menu.OPERATOR))) {
            try {
                page.data("result", Api.object(() -> billing.simulate(y, true)));
            } catch (ApiException e) {
                Pages.failed(page, e);
            }
        }
        return page;
    }

    @POST
    @Path("calcul")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response compute(@FormParam("schoolYear") String year, @FormParam("action") String action,
            @FormParam("reason") String reason) {
        String y = year(year);
        Map<String, Object> body = new LinkedHashMap<>();
        if (reason != null && !reason.isBlank()) {
            body.put("reason", reason.strip());
        }
        try {
            if ("emission".equals(action)) {
                Api.json(() -> billing.issueAll(y, body));
                return Pages.seeOther("/appels?annee=" + y + "&fait=emission");
            }
            Map<String, Object> result = Api.object(() -> billing.compute(y, body));
            return Response.ok(computationPage(y).data("result", result).data("flash", Flash.sentence("calcul"))).build();
        } catch (ApiException e) {
            return Pages.refused(computationPage(y), e, Map.of("reason", reason == null ? "" : reason));
        }
    }

    private TemplateInstance computationPage(String year) {
        TemplateInstance page = Pages.page(computation, user, "/calcul").data("year", year).data("years", AgentResource.years(year))
                .data("result", null);
        if (!user.has(Menu.FINANCE) && !user.has(Menu.OPERATOR)) {
            return page.data("error", Roles.NOT_YOURS);
        }
        return page;
    }

    /** The school year asked for, else the one that ended last (the one finance computes). */
    static String year(String asked) {
        if (asked != null && asked.strip().matches("[0-9]{4}-[0-9]{4}")) {
            return asked.strip();
        }
        return French.schoolYearOf(LocalDate.now(French.PARIS));
    }

    /** "1 234,56" or "1234.56" → 1234.56; what is not an amount is refused next to its field. */
    static String amount(String field, String text) {
        String t = nz(text).replace('\u00a0', ' ').replace('\u202f', ' ').replace(" ", "").replace("€", "").replace(',', '.');
        if (t.isEmpty()) {
            return null;
        }
        try {
            return new java.math.BigDecimal(t).toPlainString();
        } catch (NumberFormatException e) {
            throw new ApiException(new ApiProblem(400, "validation", field,
                    List.of(new ApiProblem.FieldError(field, "must match an amount"))));
        }
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }

    private static Map<String, String> categories() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("PROJECT_PILOTING_ADMINISTRATION", "Pilotage et suivi administratif des projets");
        c.put("SHARED_PLATFORM", "Plateforme mutualisée");
        c.put("PAID_PEDAGOGICAL_CONTENT", "Contenus pédagogiques payants");
        c.put("CANOPE_SUPPORT_CONVENTION", "Convention d'accompagnement par Canopé");
        c.put("EVALUATION", "Évaluation du dispositif");
        c.put("ANIMATION_COMMUNICATION", "Animation et communication autour des projets");
        c.put("OTHER_OPERATING_EXPENSES", "Toutes dépenses afférentes au fonctionnement du service");
        return c;
    }
}
