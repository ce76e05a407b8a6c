package fr.somme.ent.billing.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.somme.ent.billing.domain.BudgetCategory;
import fr.somme.ent.billing.service.BudgetService;

@Path("/budget/{schoolYear}")
@RolesAllowed({ "finance", "operator" })
@Tag(name = "Budget")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BudgetResource {

    public record ExpenseRequest(@NotNull BudgetCategory category, @NotBlank @Size(max = 200) String supplier,
            @NotBlank @Size(max = 100) String reference, @NotNull BigDecimal amount, @NotNull LocalDate paidOn) {
    }

    public record FederRequest(@NotBlank @Size(max = 100) String programmeReference, @NotNull BigDecimal amount) {
    }

    private final BudgetService budget;

    public BudgetResource(BudgetService budget) {
        this.budget = budget;
    }

    @GET
    @Operation(summary = "The dedicated budget of a school year: paid expenses by category (art. 4.2), FEDER, net charges")
    public BudgetService.Budget get(@PathParam("schoolYear") String schoolYear) {
        return budget.budget(Years.parse(schoolYear));
    }

    @POST
    @Path("/expenses")
    @Operation(summary = "Record a supplier invoice actually paid (art. 4.2, 4.4); refused once the period is called")
    public Response addExpense(@PathParam("schoolYear") String schoolYear, @Valid @NotNull ExpenseRequest r) {
        return Response.status(201).entity(budget.addExpense(Years.parse(schoolYear), r.category(), r.supplier(),
                r.reference(), r.amount(), r.paidOn())).build();
    }

    @POST
    @Path("/feder")
    @Operation(summary = "Record FEDER funding obtained on the members' behalf (art. 4.4)")
    public Response addFeder(@PathParam("schoolYear") String schoolYear, @Valid @NotNull FederRequest r) {
        return Response.status(201).entity(budget.addFeder(Years.parse(schoolYear), r.programmeReference(), r.amount())).build();
    }

    @GET
    @Path("/prices")
    @Operation(summary = "The market price list of the school year (art. 4.3)")
    public Map<String, String> prices(@PathParam("schoolYear") String schoolYear) {
        return budget.priceListView(Years.parse(schoolYear));
    }

    @PUT
    @Path("/prices")
    @Operation(summary = "Set unit prices: ACCOUNT_CREATION, ACCOUNT_OPERATION, LICENCE:<resource code> (art. 4.3)")
    public Map<String, String> setPrices(@PathParam("schoolYear") String schoolYear, @NotNull Map<String, BigDecimal> prices) {
        return budget.setPrices(Years.parse(schoolYear), prices);
    }
}
