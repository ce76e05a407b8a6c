package fr.somme.ent.membership.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.membership.domain.CharterRules.DesignatedSchool;
import fr.somme.ent.membership.domain.DesignationRevision;
import fr.somme.ent.membership.domain.Member;
import fr.somme.ent.membership.service.AdhesionService;
import fr.somme.ent.membership.service.AdhesionService.CurrentDesignation;
import fr.somme.ent.membership.service.MemberAccess;

@Path("/members/{siren}/designations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Designations", description = "The schools a member designates, per school year, with their classes and students (art. 3)")
public class DesignationResource {

    public record SchoolRequest(
            @NotBlank @Schema(example = "0800091P") String uai,
            @NotBlank @Schema(example = "École primaire Jules Ferry") String name,
            @NotNull @Min(1) @Schema(example = "5") Integer classes,
            @NotNull @Min(0) @Schema(example = "118") Integer students) {
    }

    public record DesignationRequest(@NotNull List<@Valid @NotNull SchoolRequest> schools) {
    }

    public record RevisionView(int revision, UUID adhesionId, List<DesignatedSchool> schools, String designatedBy,
            Instant designatedAt) {
    }

    private final AdhesionService adhesions;
    private final MemberAccess access;

    public DesignationResource(AdhesionService adhesions, MemberAccess access) {
        this.adhesions = adhesions;
        this.access = access;
    }

    @PUT
    @Path("/{schoolYear}")
    @RolesAllowed({ Roles.OPERATOR, Roles.MEMBER_AGENT })
    @Operation(summary = "Replace the member's designated schools for a school year (like 2026-2027): a new revision")
    public CurrentDesignation designate(@PathParam("siren") String siren, @PathParam("schoolYear") String schoolYear,
            @Valid @NotNull DesignationRequest request) {
        Member m = access.actableMember(siren);
        List<DesignatedSchool> schools = request.schools().stream()
                .map(s -> new DesignatedSchool(s.uai().trim().toUpperCase(java.util.Locale.ROOT), s.name().trim(), s.classes(), s.students()))
                .toList();
        return adhesions.designate(m, schoolYear, schools, access.actor());
    }

    @GET
    @Path("/{schoolYear}")
    @RolesAllowed({ Roles.OPERATOR, Roles.MEMBER_AGENT, Roles.FINANCE, Roles.DSDEN, Roles.PARTNER })
    @Operation(summary = "The member's current designation for a school year")
    public CurrentDesignation current(@PathParam("siren") String siren, @PathParam("schoolYear") String schoolYear) {
        Member m = access.visibleMember(siren);
        return adhesions.current(m.id, schoolYear)
                .orElseThrow(() -> ProblemException.notFound("designation of member " + siren + " for", schoolYear));
    }

    @GET
    @Path("/{schoolYear}/history")
    @RolesAllowed({ Roles.OPERATOR, Roles.MEMBER_AGENT, Roles.FINANCE, Roles.DSDEN, Roles.PARTNER })
    @Operation(summary = "Every revision of the member's designation for a school year, with who and when")
    public List<RevisionView> history(@PathParam("siren") String siren, @PathParam("schoolYear") String schoolYear) {
        Member m = access.visibleMember(siren);
        List<DesignationRevision> revisions = adhesions.designationHistory(m.id, schoolYear);
        return revisions.stream().map(r -> new RevisionView(r.revision, r.adhesionId, adhesions.schoolsOf(r), r.designatedBy,
                r.designatedAt)).toList();
    }
}
