package fr.somme.ent.membership.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.commons.security.Roles;
import fr.somme.ent.membership.domain.Member;
import fr.somme.ent.membership.rest.DesignationDtos.DesignationRequest;
import fr.somme.ent.membership.rest.DesignationDtos.DesignationView;
import fr.somme.ent.membership.rest.DesignationDtos.RevisionView;
import fr.somme.ent.membership.service.DesignationService;
import fr.somme.ent.membership.service.MemberAccess;

@Path("/members/{siren}/designations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Designations", description = "The schools a member designates, per school year, with their classes and students (art. 3)")
public class DesignationResource {

    private final DesignationService designations;
    private final MemberAccess access;

    public DesignationResource(DesignationService designations, MemberAccess access) {
        this.designations = designations;
        this.access = access;
    }

    @PUT
    @Path("/{schoolYear}")
    @RolesAllowed({ Roles.OPERATOR, Roles.MEMBER_AGENT })
    @Extension(name = "x-ent-problems", value = "400 invalid-school-year, 409 adhesion-not-deliberated, "
            + "409 school-designated-by-another-member, 422 duplicate-school, 422 invalid-uai, 422 no-school-designated, "
            + "422 school-closed, 422 school-outside-territory, 422 school-year-closed, 422 unknown-school")
    @Operation(summary = "Replace the member's designated schools for a school year (like 2026-2027): a new revision")
    public DesignationView designate(@PathParam("siren") String siren, @PathParam("schoolYear") String schoolYear,
            @Valid @NotNull DesignationRequest request) {
        Member m = access.actableMember(siren);
        return MembershipMapper.view(designations.designate(m, schoolYear, MembershipMapper.schools(request), access.actor()));
    }

    @GET
    @Path("/{schoolYear}")
    @RolesAllowed({ Roles.OPERATOR, Roles.MEMBER_AGENT, Roles.FINANCE, Roles.DSDEN, Roles.PARTNER })
    @Operation(summary = "The member's current designation for a school year")
    public DesignationView current(@PathParam("siren") String siren, @PathParam("schoolYear") String schoolYear) {
        Member m = access.visibleMember(siren);
        return designations.current(m.id, schoolYear).map(MembershipMapper::view)
                .orElseThrow(() -> ProblemException.notFound("designation of member " + siren + " for", schoolYear));
    }

    @GET
    @Path("/{schoolYear}/history")
    @RolesAllowed({ Roles.OPERATOR, Roles.MEMBER_AGENT, Roles.FINANCE, Roles.DSDEN, Roles.PARTNER })
    @Operation(summary = "Every revision of the member's designation for a school year, with who and when")
    public List<RevisionView> history(@PathParam("siren") String siren, @PathParam("schoolYear") String schoolYear) {
        Member m = access.visibleMember(siren);
        boolean names = access.seesAgentNames();
        return designations.history(m.id, schoolYear).stream()
                .map(r -> MembershipMapper.view(r, designations.schoolsOf(r), names)).toList();
    }
}
