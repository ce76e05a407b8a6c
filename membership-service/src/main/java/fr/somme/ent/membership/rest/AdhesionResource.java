package fr.somme.ent.membership.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import fr.somme.ent.commons.rest.PageOf;
import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.somme.ent.commons.security.Roles;
import fr.somme.ent.membership.domain.Adhesion;
import fr.somme.ent.membership.domain.Member;
import fr.somme.ent.membership.rest.AdhesionDtos.AdhesionView;
import fr.somme.ent.membership.rest.AdhesionDtos.DeliberationRequest;
import fr.somme.ent.membership.rest.AdhesionDtos.SignatureRequest;
import fr.somme.ent.membership.rest.AdhesionDtos.TerminationRequest;
import fr.somme.ent.membership.rest.AdhesionDtos.TransmissionRequest;
import fr.somme.ent.membership.service.AdhesionService;
import fr.somme.ent.membership.service.MemberAccess;
import fr.somme.ent.membership.service.TerminationService;

@Path("/members/{siren}/adhesions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Adhesions", description = "Adhesion to the charter, from the deliberation to the contrôle de légalité (art. 3) and termination (art. 6)")
public class AdhesionResource {

    private final AdhesionService adhesions;
    private final TerminationService terminations;
    private final MemberAccess access;

    public AdhesionResource(AdhesionService adhesions, TerminationService terminations, MemberAccess access) {
        this.adhesions = adhesions;
        this.terminations = terminations;
        this.access = access;
    }

    @POST
    @RolesAllowed({ Roles.OPERATOR, Roles.MEMBER_AGENT })
    @Extension(name = "x-ent-problems", value = "409 adhesion-already-open, 422 date-in-future, 422 deliberation-incomplete, "
            + "422 member-outside-perimeter, 422 member-without-school-competence")
    @Operation(summary = "Record the deliberation that opens an adhesion (charter approved and executive authorised)")
    public Response recordDeliberation(@PathParam("siren") String siren, @Valid @NotNull DeliberationRequest request) {
        Member m = access.actableMember(siren);
        Adhesion a = adhesions.recordDeliberation(m, request.number().trim(), request.date(), request.charterApproved(),
                request.executiveAuthorised(), access.actor());
        return Response.created(URI.create("/members/" + siren + "/adhesions/" + a.id)).entity(view(a)).build();
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR, Roles.MEMBER_AGENT, Roles.FINANCE, Roles.DSDEN, Roles.PARTNER })
    @Operation(summary = "The member's adhesions, oldest first, each with its history, a page of them")
    public PageOf<AdhesionView> list(@PathParam("siren") String siren,
            @QueryParam(PageOf.PAGE) @DefaultValue("0") @Min(0) int page,
            @QueryParam(PageOf.SIZE) @DefaultValue(PageOf.DEFAULT_SIZE_TEXT) @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        return adhesions.list(access.visibleMember(siren), page, size).map(this::view);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.OPERATOR, Roles.MEMBER_AGENT, Roles.FINANCE, Roles.DSDEN, Roles.PARTNER })
    @Operation(summary = "An adhesion with its state, legal dates and history (who, when)")
    public AdhesionView get(@PathParam("siren") String siren, @PathParam("id") UUID id) {
        return view(adhesions.find(access.visibleMember(siren), id));
    }

    @POST
    @Path("/{id}/charter-signature")
    @RolesAllowed({ Roles.OPERATOR, Roles.MEMBER_AGENT })
    @Extension(name = "x-ent-problems", value = "409 adhesion-terminated, 409 charter-already-signed, 409 users-not-designated, "
            + "422 charter-signed-before-deliberation, 422 date-in-future")
    @Operation(summary = "Record the charter's signature by the executive (after the designation of the schools)")
    public AdhesionView sign(@PathParam("siren") String siren, @PathParam("id") UUID id, @Valid @NotNull SignatureRequest request) {
        return view(adhesions.signCharter(access.actableMember(siren), id, request.signedOn(), access.actor()));
    }

    @POST
    @Path("/{id}/transmissions")
    @RolesAllowed({ Roles.OPERATOR, Roles.MEMBER_AGENT })
    @Extension(name = "x-ent-problems", value = "409 adhesion-terminated, 409 already-transmitted, 409 charter-not-signed, "
            + "422 charter-transmitted-before-signature, 422 date-in-future, 422 transmission-before-deliberation")
    @Operation(summary = "Record a transmission to the contrôle de légalité; with both, the adhesion becomes effective")
    public AdhesionView transmit(@PathParam("siren") String siren, @PathParam("id") UUID id,
            @Valid @NotNull TransmissionRequest request) {
        return view(adhesions.recordTransmission(access.actableMember(siren), id, request.document(), request.transmittedOn(),
                access.actor()));
    }

    @POST
    @Path("/{id}/termination")
    @RolesAllowed(Roles.OPERATOR)
    @Extension(name = "x-ent-problems", value = "409 adhesion-not-effective, 409 adhesion-terminated, 422 agreement-attempt-required, "
            + "422 date-in-future, 422 ground-not-open-to-initiator, 422 termination-before-adhesion-effective, "
            + "422 termination-before-decision, 422 termination-ground-required")
    @Operation(summary = "Terminate an effective adhesion (art. 6): by the member, or by the syndicat after a failed attempt at agreement")
    public AdhesionView terminate(@PathParam("siren") String siren, @PathParam("id") UUID id,
            @Valid @NotNull TerminationRequest request) {
        return view(terminations.terminate(access.actableMember(siren), id, MembershipMapper.termination(request), access.actor()));
    }

    private AdhesionView view(Adhesion a) {
        return MembershipMapper.view(a, adhesions.history(a), access.seesAgentNames());
    }
}
