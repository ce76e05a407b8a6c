package fr.somme.ent.membership.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.somme.ent.commons.rest.PageOf;
import fr.somme.ent.commons.security.Roles;
import fr.somme.ent.membership.domain.ComponentOptOut;
import fr.somme.ent.membership.domain.Member;
import fr.somme.ent.membership.rest.ComponentOptOutDtos.OptOutRequest;
import fr.somme.ent.membership.rest.ComponentOptOutDtos.OptOutView;
import fr.somme.ent.membership.service.ComponentOptOutService;
import fr.somme.ent.membership.service.MemberAccess;

@Path("/members/{siren}/component-opt-outs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Component opt-outs", description = "The Département stops paying for components of the service (art. 4.3)")
public class ComponentOptOutResource {

    private final ComponentOptOutService optOuts;
    private final MemberAccess access;

    public ComponentOptOutResource(ComponentOptOutService optOuts, MemberAccess access) {
        this.optOuts = optOuts;
        this.access = access;
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Extension(name = "x-ent-problems", value = "422 date-in-future, 422 invalid-component, 422 opt-out-reserved-to-departement")
    @Operation(summary = "Record the Département's notice: applies from the school year after the one it was notified in")
    public Response notify(@PathParam("siren") String siren, @Valid @NotNull OptOutRequest request) {
        ComponentOptOut o = optOuts.notify(access.actableMember(siren), request.components(), request.notifiedOn(), access.actor());
        return Response.created(URI.create("/members/" + siren + "/component-opt-outs/" + o.id))
                .entity(MembershipMapper.view(o, true)).build();
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR, Roles.MEMBER_AGENT, Roles.FINANCE, Roles.DSDEN, Roles.PARTNER })
    @Operation(summary = "The member's component opt-outs, in the order they were recorded, a page of them")
    public PageOf<OptOutView> list(@PathParam("siren") String siren,
            @QueryParam(PageOf.PAGE) @DefaultValue("0") @Min(0) int page,
            @QueryParam(PageOf.SIZE) @DefaultValue(PageOf.DEFAULT_SIZE_TEXT) @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        Member m = access.visibleMember(siren);
        boolean names = access.seesAgentNames();
        return optOuts.list(m, page, size).map(o -> MembershipMapper.view(o, names));
    }
}
