package fr.somme.ent.projects.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.somme.ent.commons.rest.PageOf;
import fr.somme.ent.commons.security.CallerScope;
import fr.somme.ent.commons.security.Roles;
import fr.somme.ent.projects.domain.DsdenConvention;
import fr.somme.ent.projects.service.ConventionService;

@Path("/dsden-conventions")
@Tag(name = "DSDEN convention", description = "The framework convention with the DSDEN and its period of validity (art. 2)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConventionResource {

    public record ConventionRequest(@NotBlank @Size(max = 100) String reference, @NotNull LocalDate validFrom,
            @NotNull LocalDate validTo, LocalDate signedOn) {
    }

    public record ConventionView(UUID id, String reference, LocalDate validFrom, LocalDate validTo, LocalDate signedOn,
            String recordedBy, Instant recordedAt) {
        static ConventionView of(DsdenConvention c) {
            return new ConventionView(c.id(), c.reference(), c.validFrom(), c.validTo(), c.signedOn(), c.recordedBy(),
                    c.recordedAt());
        }
    }

    private final ConventionService conventions;
    private final CallerScope scope;

    public ConventionResource(ConventionService conventions, CallerScope scope) {
        this.conventions = conventions;
        this.scope = scope;
    }

    @POST
    @RolesAllowed({ Roles.OPERATOR, Roles.DSDEN })
    @Operation(summary = "Record a convention with its period of validity (inclusive); periods never overlap (409)")
    @Extension(name = "x-ent-problems", value = "409 duplicate-convention, 422 invalid-period, 409 overlapping-convention")
    public Response register(@Valid @NotNull ConventionRequest body) {
        DsdenConvention c = conventions.register(body.reference().trim(), body.validFrom(), body.validTo(), body.signedOn(),
                scope.actor());
        return Response.status(Response.Status.CREATED).entity(ConventionView.of(c)).build();
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR, Roles.DSDEN, Roles.IEN })
    @Operation(summary = "The conventions, a page of them by start of validity, then id")
    public PageOf<ConventionView> list(@QueryParam(PageOf.PAGE) @DefaultValue("0") @Min(0) int page,
            @QueryParam(PageOf.SIZE) @DefaultValue(PageOf.DEFAULT_SIZE_TEXT) @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        return conventions.page(page, size).map(ConventionView::of);
    }
}
