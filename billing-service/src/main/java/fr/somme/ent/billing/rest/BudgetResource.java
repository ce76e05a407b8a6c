package fr.somme.ent.billing.rest;

import java.math.BigDecimal;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.somme.ent.billing.rest.BudgetDtos.BudgetView;
import fr.somme.ent.billing.rest.BudgetDtos.ExpenseRequest;
import fr.somme.ent.billing.rest.BudgetDtos.FederRequest;
import fr.somme.ent.billing.service.BudgetService;
import fr.somme.ent.commons.security.Roles;

/**
 * The former paths of the budget, {@code /budget/{schoolYear}…}, deprecated since issue #16 (a collection is named by a
 * plural noun): they answer exactly as {@link BudgetsResource}, the canonical {@code /budgets/{schoolYear}…}, until every
 * client has moved. An {@code Idempotency-Key} is bound to the path it was first sent on.
 */
@Path("/budget/{schoolYear}")
@RolesAllowed({ Roles.FINANCE, Roles.OPERATOR })
@Tag(name = "Budget")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BudgetResource {

    private static final String USE = "Deprecated: use ";

    private final BudgetsResource budgets;

    public BudgetResource(BudgetsResource budgets) {
        this.budgets = budgets;
    }

    @GET
    @Deprecated
    @Extension(name = "x-ent-problems", value = BudgetsResource.READ_PROBLEMS)
    @Operation(deprecated = true, summary = USE + "GET /budgets/{schoolYear}", description = "Deprecated path of "
            + "GET /budgets/{schoolYear} (the budget of a school year), same answer; use /budgets/{schoolYear}.")
    public BudgetView get(@PathParam("schoolYear") String schoolYear,
            @Parameter(description = "0-based page of the expense lines") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "expense lines per page, at most " + BudgetService.MAX_PAGE_SIZE)
            @QueryParam("size") @DefaultValue("" + BudgetService.DEFAULT_PAGE_SIZE) @Min(1) @Max(BudgetService.MAX_PAGE_SIZE) int size) {
        return budgets.get(schoolYear, page, size);
    }

    @POST
    @Path("/expenses")
    @Deprecated
    @Extension(name = "x-ent-problems", value = BudgetsResource.EXPENSE_PROBLEMS)
    @Operation(deprecated = true, summary = USE + "POST /budgets/{schoolYear}/expenses", description = "Deprecated path "
            + "of POST /budgets/{schoolYear}/expenses (a paid supplier invoice), same effect; use /budgets/{schoolYear}/expenses.")
    public Response addExpense(@PathParam("schoolYear") String schoolYear, @Valid @NotNull ExpenseRequest r,
            @HeaderParam(IdempotentAnswers.HEADER) String key, @Context UriInfo uri) {
        return budgets.addExpense(schoolYear, r, key, uri);
    }

    @POST
    @Path("/feder")
    @Deprecated
    @Extension(name = "x-ent-problems", value = BudgetsResource.FEDER_PROBLEMS)
    @Operation(deprecated = true, summary = USE + "POST /budgets/{schoolYear}/feder", description = "Deprecated path of "
            + "POST /budgets/{schoolYear}/feder (FEDER funding), same effect; use /budgets/{schoolYear}/feder.")
    public Response addFeder(@PathParam("schoolYear") String schoolYear, @Valid @NotNull FederRequest r,
            @HeaderParam(IdempotentAnswers.HEADER) String key, @Context UriInfo uri) {
        return budgets.addFeder(schoolYear, r, key, uri);
    }

    @GET
    @Path("/prices")
    @Deprecated
    @Extension(name = "x-ent-problems", value = BudgetsResource.READ_PROBLEMS)
    @Operation(deprecated = true, summary = USE + "GET /budgets/{schoolYear}/prices", description = "Deprecated path of "
            + "GET /budgets/{schoolYear}/prices (the market price list), same answer; use /budgets/{schoolYear}/prices.")
    public Map<String, String> prices(@PathParam("schoolYear") String schoolYear) {
        return budgets.prices(schoolYear);
    }

    @PUT
    @Path("/prices")
    @Deprecated
    @Extension(name = "x-ent-problems", value = BudgetsResource.PRICES_PROBLEMS)
    @Operation(deprecated = true, summary = USE + "PUT /budgets/{schoolYear}/prices", description = "Deprecated path of "
            + "PUT /budgets/{schoolYear}/prices (set unit prices), same effect; use /budgets/{schoolYear}/prices.")
    public Map<String, String> setPrices(@PathParam("schoolYear") String schoolYear,
            @NotNull @Size(max = BudgetDtos.MAX_PRICES) Map<String, BigDecimal> prices) {
        return budgets.setPrices(schoolYear, prices);
    }
}
