package fr.somme.ent.membership.rest;

import java.net.URI;
import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.somme.ent.commons.ids.InseeCode;
import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.membership.domain.Member;
import fr.somme.ent.membership.domain.MemberKind;
import fr.somme.ent.membership.service.MemberAccess;
import fr.somme.ent.membership.service.MemberService;
import fr.somme.ent.membership.service.MemberService.Filter;
import fr.somme.ent.membership.service.MemberService.MemberFacts;
import fr.somme.ent.membership.service.MemberService.PageOf;

@Path("/members")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Members", description = "Members of the syndicat mixte (art. 3)")
public class MemberResource {

    @Schema(name = "MemberRequest")
    public record MemberRequest(
            @NotBlank @Schema(example = "218000198") String siren,
            @NotNull @Schema(example = "COMMUNE") MemberKind kind,
            @NotBlank @Schema(example = "Amiens") String name,
            @Schema(example = "80021", description = "communes only") String inseeCode,
            @Schema(example = "248000531", description = "for a commune, its EPCI") String epciSiren,
            @Schema(example = "80", description = "derived from the INSEE code for a commune") String departement,
            @NotNull @Schema(example = "true") Boolean schoolCompetence) {

        MemberFacts facts() {
            String dep = departement;
            if ((dep == null || dep.isBlank()) && inseeCode != null && InseeCode.isValid(inseeCode)) {
                dep = new InseeCode(inseeCode).departement();
            }
            if (dep == null || dep.isBlank()) {
                throw ProblemException.unprocessable("departement-required", "the member's département is required");
            }
            return new MemberFacts(siren == null ? null : siren.replace(" ", ""), kind, name.trim(),
                    inseeCode == null || inseeCode.isBlank() ? null : inseeCode.trim(),
                    epciSiren == null || epciSiren.isBlank() ? null : epciSiren.trim(), dep.trim(), schoolCompetence);
        }
    }

    public record MemberView(String id, MemberKind kind, String name, String inseeCode, String epciSiren,
            String departement, boolean schoolCompetence, Instant createdAt, String createdBy, Instant updatedAt,
            String updatedBy) {
        static MemberView of(Member m) {
            return new MemberView(m.id, m.kind, m.name, m.inseeCode, m.epciSiren, m.departement, m.schoolCompetence,
                    m.createdAt, m.createdBy, m.updatedAt, m.updatedBy);
        }
    }

    private final MemberService members;
    private final MemberAccess access;

    public MemberResource(MemberService members, MemberAccess access) {
        this.members = members;
        this.access = access;
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Register a member (SIREN Luhn-checked, INSEE code for a commune, inside the perimeter)")
    public Response register(@Valid @NotNull MemberRequest request) {
        Member m = members.register(request.facts(), access.actor());
        return Response.created(URI.create("/members/" + m.id)).entity(MemberView.of(m)).build();
    }

    @PUT
    @Path("/{siren}")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Update a member's identity or competence (the SIREN in the path wins)")
    public MemberView update(@PathParam("siren") String siren, @Valid @NotNull MemberRequest request) {
        return MemberView.of(members.update(siren, request.facts(), access.actor()));
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR, Roles.MEMBER_AGENT, Roles.FINANCE, Roles.DSDEN, Roles.PARTNER })
    @Operation(summary = "List members, filtered and paginated (a member agent sees only its own member)")
    public PageOf<MemberView> list(@QueryParam("kind") MemberKind kind, @QueryParam("schoolCompetence") Boolean schoolCompetence,
            @QueryParam("epciSiren") String epciSiren, @QueryParam("q") String nameContains,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        String only = access.restrictedToOwnMember() ? access.ownMemberId() : null;
        PageOf<Member> found = members.list(new Filter(kind, schoolCompetence, epciSiren, nameContains), only, page, size);
        return new PageOf<>(found.items().stream().map(MemberView::of).toList(), found.page(), found.size(), found.total());
    }

    @GET
    @Path("/{siren}")
    @RolesAllowed({ Roles.OPERATOR, Roles.MEMBER_AGENT, Roles.FINANCE, Roles.DSDEN, Roles.PARTNER })
    @Operation(summary = "A member (a member agent: only its own, others are 404)")
    public MemberView get(@PathParam("siren") String siren) {
        return MemberView.of(access.visibleMember(siren));
    }
}
