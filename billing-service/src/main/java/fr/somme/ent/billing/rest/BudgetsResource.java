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
 * The dedicated budget of a school year under its canonical paths, {@code /budgets/{schoolYear}…} (issue #16: a collection
 * is named by a plural noun); {@link BudgetResource} keeps the former {@code /budget/{schoolYear}…}, deprecated.
 */
@Path("/budgets/{schoolYear}")
@RolesAllowed({ Roles.FINANCE, Roles.OPERATOR })
@Tag(name = "Budget")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BudgetsResource {

    /** The rule-specific problems of each operation (x-ent-problems), shared with the deprecated paths. */
    static final String READ_PROBLEMS = "400 invalid-school-year";
    static final String EXPENSE_PROBLEMS = "400 invalid-amount, 400 invalid-idempotency-key, 400 invalid-school-year, "
            + "409 duplicate-expense, 409 period-closed, 422 idempotency-key-reused, 422 paid-outside-period";
    static final String FEDER_PROBLEMS = "400 invalid-amount, 400 invalid-idempotency-key, 400 invalid-school-year, "
            + "409 period-closed, 422 idempotency-key-reused";
    static final String PRICES_PROBLEMS = "400 invalid-amount, 400 invalid-school-year, 400 unknown-price-component, "
            + "409 period-closed";

    private final BudgetService budget;
    private final IdempotentAnswers answers;

    public BudgetsResource(BudgetService budget, IdempotentAnswers answers) {
        this.budget = budget;
        this.answers = answers;
    }

    @GET
    @Extension(name = "x-ent-problems", value = READ_PROBLEMS)
    @Operation(summary = "The dedicated budget of a school year: paid expenses by category (art. 4.2), FEDER, net charges, "
            + "the number of expense lines (total) and one page of them (by payment date, then id), every FEDER entry")
    public BudgetView get(@PathParam("schoolYear") String schoolYear,
            @Parameter(description = "0-based page of the expense lines") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "expense lines per page, at most " + BudgetService.MAX_PAGE_SIZE)
            @QueryParam("size") @DefaultValue("" + BudgetService.DEFAULT_PAGE_SIZE) @Min(1) @Max(BudgetService.MAX_PAGE_SIZE) int size) {
        return BudgetDtos.view(budget.budget(Years.parse(schoolYear), page, size));
    }

    @POST
    @Path("/expenses")
    @Extension(name = "x-ent-problems", value = EXPENSE_PROBLEMS)
    @Operation(summary = "Record a supplier invoice actually paid within the period (art. 4.2, 4.4), once per supplier and "
            + "reference; refused once the period is called; honours Idempotency-Key")
    public Response addExpense(@PathParam("schoolYear") String schoolYear, @Valid @NotNull ExpenseRequest r,
            @HeaderParam(IdempotentAnswers.HEADER) String key, @Context UriInfo uri) {
        return answers.post(key, uri, r, 201, () -> BudgetDtos.view(budget.addExpense(Years.parse(schoolYear), r.category(),
                r.supplier(), r.reference(), r.amount(), r.paidOn())));
    }

    @POST
    @Path("/feder")
    @Extension(name = "x-ent-problems", value = FEDER_PROBLEMS)
    @Operation(summary = "Record FEDER funding obtained on the members' behalf (art. 4.4); honours Idempotency-Key")
    public Response addFeder(@PathParam("schoolYear") String schoolYear, @Valid @NotNull FederRequest r,
            @HeaderParam(IdempotentAnswers.HEADER) String key, @Context UriInfo uri) {
        return answers.post(key, uri, r, 201,
                () -> BudgetDtos.view(budget.addFeder(Years.parse(schoolYear), r.programmeReference(), r.amount())));
    }

    @GET
    @Path("/prices")
    @Extension(name = "x-ent-problems", value = READ_PROBLEMS)
    @Operation(summary = "The market price list of the school year (art. 4.3)")
    public Map<String, String> prices(@PathParam("schoolYear") String schoolYear) {
        return BudgetDtos.prices(budget.prices(Years.parse(schoolYear)));
    }

    @PUT
    @Path("/prices")
    @Extension(name = "x-ent-problems", value = PRICES_PROBLEMS)
    @Operation(summary = "Set unit prices: ACCOUNT_CREATION, ACCOUNT_OPERATION, LICENCE:<resource code> (art. 4.3); at most "
            + BudgetDtos.MAX_PRICES + " components, each checked by the domain (unknown-price-component, invalid-amount)")
    public Map<String, String> setPrices(@PathParam("schoolYear") String schoolYear,
            @NotNull @Size(max = BudgetDtos.MAX_PRICES) Map<String, BigDecimal> prices) {
        return BudgetDtos.prices(budget.setPrices(Years.parse(schoolYear), prices));
    }
}
