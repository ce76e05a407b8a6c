package fr.somme.ent.billing.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.somme.ent.billing.service.ContributionService;
import fr.somme.ent.billing.service.ContributionService.Estimate;

@Path("/estimates")
@RolesAllowed({ "finance", "operator" })
@Tag(name = "Estimates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EstimateResource {

    public record EstimateRequest(@NotNull @Min(1) @Max(1_000_000) Long students, @NotBlank String schoolYear) {
    }

    public record EstimateView(Estimate withThatYearsFigures, Estimate withCurrentYearsBudget) {
    }

    private final ContributionService contributions;

    public EstimateResource(ContributionService contributions) {
        this.contributions = contributions;
    }

    @POST
    @Operation(summary = "What a prospective member would contribute for its students (no state change)")
    public EstimateView estimate(@Valid @NotNull EstimateRequest r) {
        return new EstimateView(contributions.estimate(Years.parse(r.schoolYear()), r.students()),
                contributions.estimate(contributions.currentYear(), r.students()));
    }
}
