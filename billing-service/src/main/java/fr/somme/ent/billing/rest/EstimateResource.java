package fr.somme.ent.billing.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.somme.ent.billing.rest.EstimateDtos.EstimateRequest;
import fr.somme.ent.billing.rest.EstimateDtos.EstimateView;
import fr.somme.ent.billing.service.EstimateContribution;
import fr.somme.ent.commons.security.Roles;

@Path("/estimates")
@RolesAllowed({ Roles.FINANCE, Roles.OPERATOR })
@Tag(name = "Estimates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EstimateResource {

    private final EstimateContribution estimates;

    public EstimateResource(EstimateContribution estimates) {
        this.estimates = estimates;
    }

    @POST
    @Extension(name = "x-ent-problems", value = "400 invalid-school-year")
    @Operation(summary = "What a prospective member would contribute for its students (no state change)")
    public EstimateView estimate(@Valid @NotNull EstimateRequest r) {
        return new EstimateView(EstimateDtos.view(estimates.estimate(Years.parse(r.schoolYear()), r.students())),
                EstimateDtos.view(estimates.withCurrentYearsBudget(r.students())));
    }
}
