package fr.somme.ent.provisioning.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.somme.ent.commons.rest.PageOf;
import fr.somme.ent.commons.security.CallerScope;
import fr.somme.ent.commons.security.Roles;
import fr.somme.ent.provisioning.rest.CatalogueDtos.ResourceBody;
import fr.somme.ent.provisioning.rest.CatalogueDtos.ResourceView;
import fr.somme.ent.provisioning.service.CatalogueService;

/** The catalogue of paid pedagogical resources reached by SSO (art. 2), with the market unit price per school year. */
@Path("/resources")
@Tag(name = "resources", description = "Resource catalogue (operator)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CatalogueResource {

    private final CatalogueService catalogue;
    private final CallerScope caller;

    public CatalogueResource(CatalogueService catalogue, CallerScope caller) {
        this.catalogue = catalogue;
        this.caller = caller;
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Create or replace a catalogue resource and its prices per school year")
    @Extension(name = "x-ent-problems", value = "400 resource-code, 400 school-year")
    public ResourceView put(@PathParam("code") String code, @Valid @NotNull ResourceBody body) {
        return ResourceView.of(catalogue.put(body.toResource(code), caller.actor()));
    }

    @GET
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "The catalogue, a page of it", description = "In code order.")
    public PageOf<ResourceView> list(@QueryParam(PageOf.PAGE) @DefaultValue("0") @Min(0) int page,
            @QueryParam(PageOf.SIZE) @DefaultValue(PageOf.DEFAULT_SIZE_TEXT) @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        return catalogue.page(page, size).map(ResourceView::of);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "A catalogue resource")
    public ResourceView get(@PathParam("code") String code) {
        return ResourceView.of(catalogue.get(code));
    }
}
