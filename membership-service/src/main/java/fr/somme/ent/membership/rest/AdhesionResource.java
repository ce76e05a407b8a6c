package fr.somme.ent.membership.rest;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.somme.ent.membership.domain.Adhesion;
import fr.somme.ent.membership.domain.Adhesion.TerminationParty;
import fr.somme.ent.membership.domain.AdhesionState;
import fr.somme.ent.membership.domain.AdhesionTransition;
import fr.somme.ent.membership.domain.Member;
import fr.somme.ent.membership.service.AdhesionService;
import fr.somme.ent.membership.service.AdhesionService.Document;
import fr.somme.ent.membership.service.AdhesionService.Termination;
import fr.somme.ent.membership.service.MemberAccess;

@Path("/members/{siren}/adhesions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Adhesions", description = "Adhesion to the charter, from the deliberation to the contrôle de légalité (art. 3) and termination (art. 6)")
public class AdhesionResource {

    public record DeliberationRequest(
            @NotBlank @Schema(example = "2026-042") String number,
            @NotNull @Schema(example = "2026-03-12") LocalDate date,
            @NotNull @Schema(example = "true", description = "the assembly approved the charter") Boolean charterApproved,
            @NotNull @Schema(example = "true", description = "the assembly authorised its executive to sign it") Boolean executiveAuthorised) {
    }

    public record SignatureRequest(@NotNull @Schema(example = "2026-03-20") LocalDate signedOn) {
    }

    public record TransmissionRequest(
            @NotNull @Schema(example = "CHARTER", description = "DELIBERATION or CHARTER (the signed charter)") Document document,
            @NotNull @Schema(example = "2026-03-25") LocalDate transmittedOn) {
    }

    public record TerminationRequest(
            @NotNull @Schema(example = "SYNDICAT") TerminationParty initiatedBy,
            @NotBlank @Schema(example = "non-respect of art. 4: contributions unpaid") String reason,
            @NotNull @Schema(example = "2027-08-31") LocalDate effectiveDate,
            @Schema(example = "2027-06-15", description = "required when the syndicat terminates") LocalDate agreementAttemptFailedOn,
            @Schema(example = "meeting of 15 June: no agreement", description = "required when the syndicat terminates") String agreementAttemptSummary) {
    }

    public record DeliberationView(String number, LocalDate date, boolean charterApproved, boolean executiveAuthorised) {
    }

    public record TerminationView(UUID id, TerminationParty initiatedBy, String reason, LocalDate effectiveDate,
            LocalDate agreementAttemptFailedOn, String agreementAttemptSummary) {
    }

    public record TransitionView(String action, AdhesionState fromState, AdhesionState toState, String actor, Instant at,
            String detail) {
        static TransitionView of(AdhesionTransition t) {
            return new TransitionView(t.action, t.fromState, t.toState, t.actor, t.at, t.detail);
        }
    }

    public record AdhesionView(UUID id, String memberId, AdhesionState state, DeliberationView deliberation,
            LocalDate charterSignedOn, LocalDate deliberationTransmittedOn, LocalDate charterTransmittedOn,
            LocalDate effectiveDate, TerminationView termination, List<TransitionView> history) {
    }

    private final AdhesionService adhesions;
    private final MemberAccess access;

    public AdhesionResource(AdhesionService adhesions, MemberAccess access) {
        this.adhesions = adhesions;
        this.access = access;
    }

    @POST
    @RolesAllowed({ Roles.OPERATOR, Roles.MEMBER_AGENT })
    @Operation(summary = "Record the deliberation that opens an adhesion (charter approved and executive authorised)")
    public Response recordDeliberation(@PathParam("siren") String siren, @Valid @NotNull DeliberationRequest request) {
        Member m = access.actableMember(siren);
        Adhesion a = adhesions.recordDeliberation(m, request.number().trim(), request.date(), request.charterApproved(),
                request.executiveAuthorised(), access.actor());
        return Response.created(URI.create("/members/" + siren + "/adhesions/" + a.id)).entity(view(a)).build();
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR, Roles.MEMBER_AGENT, Roles.FINANCE, Roles.DSDEN, Roles.PARTNER })
    @Operation(summary = "The member's adhesions, oldest first, each with its history")
    public List<AdhesionView> list(@PathParam("siren") String siren) {
        return adhesions.list(access.visibleMember(siren)).stream().map(this::view).toList();
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
    @Operation(summary = "Record the charter's signature by the executive (after the designation of the schools)")
    public AdhesionView sign(@PathParam("siren") String siren, @PathParam("id") UUID id, @Valid @NotNull SignatureRequest request) {
        return view(adhesions.signCharter(access.actableMember(siren), id, request.signedOn(), access.actor()));
    }

    @POST
    @Path("/{id}/transmissions")
    @RolesAllowed({ Roles.OPERATOR, Roles.MEMBER_AGENT })
    @Operation(summary = "Record a transmission to the contrôle de légalité; with both, the adhesion becomes effective")
    public AdhesionView transmit(@PathParam("siren") String siren, @PathParam("id") UUID id,
            @Valid @NotNull TransmissionRequest request) {
        return view(adhesions.recordTransmission(access.actableMember(siren), id, request.document(), request.transmittedOn(),
                access.actor()));
    }

    @POST
    @Path("/{id}/termination")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Terminate an effective adhesion (art. 6): by the member, or by the syndicat after a failed attempt at agreement")
    public AdhesionView terminate(@PathParam("siren") String siren, @PathParam("id") UUID id,
            @Valid @NotNull TerminationRequest request) {
        Termination t = new Termination(request.initiatedBy(), request.reason().trim(), request.effectiveDate(),
                request.agreementAttemptFailedOn(), request.agreementAttemptSummary());
        return view(adhesions.terminate(access.actableMember(siren), id, t, access.actor()));
    }

    private AdhesionView view(Adhesion a) {
        TerminationView termination = a.terminationId == null ? null
                : new TerminationView(a.terminationId, a.terminationInitiatedBy, a.terminationReason,
                        a.terminationEffectiveDate, a.agreementAttemptFailedOn, a.agreementAttemptSummary);
        return new AdhesionView(a.id, a.memberId, a.state,
                new DeliberationView(a.deliberationNumber, a.deliberationDate, a.charterApproved, a.executiveAuthorised),
                a.charterSignedOn, a.deliberationTransmittedOn, a.charterTransmittedOn, a.effectiveDate, termination,
                adhesions.history(a).stream().map(TransitionView::of).toList());
    }
}
