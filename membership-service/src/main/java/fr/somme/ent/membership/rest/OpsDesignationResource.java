package fr.somme.ent.membership.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.somme.ent.commons.rest.PageOf;
import fr.somme.ent.commons.security.Roles;
import fr.somme.ent.membership.rest.SchoolReferenceDtos.TerritoryViolationView;
import fr.somme.ent.membership.service.SchoolTerritories;

@Path("/ops/designations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations", description = "Checks for the operator")
public class OpsDesignationResource {

    private final SchoolTerritories territories;

    public OpsDesignationResource(SchoolTerritories territories) {
        this.territories = territories;
    }

    @GET
    @Path("/territory-violations")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "The designations in force that break the territory rule of art. 3 (unknown school, closed school, "
            + "school outside the member's territory): listed, never deleted; by member, school year and UAI, a page of them")
    public PageOf<TerritoryViolationView> territoryViolations(
            @QueryParam(PageOf.PAGE) @DefaultValue("0") @Min(0) int page,
            @QueryParam(PageOf.SIZE) @DefaultValue(PageOf.DEFAULT_SIZE_TEXT) @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        return territories.violations(page, size).map(TerritoryViolationView::of);
    }
}
