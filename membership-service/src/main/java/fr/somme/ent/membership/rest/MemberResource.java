package fr.somme.ent.membership.rest;

import fr.somme.ent.commons.rest.PageOf;
import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.somme.ent.commons.security.Roles;
import fr.somme.ent.membership.domain.Member;
import fr.somme.ent.membership.domain.MemberKind;
import fr.somme.ent.membership.domain.MemberSearch;
import fr.somme.ent.membership.rest.MemberDtos.MemberRequest;
import fr.somme.ent.membership.rest.MemberDtos.MemberView;
import fr.somme.ent.membership.service.MemberAccess;
import fr.somme.ent.membership.service.MemberService;

@Path("/members")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Members", description = "Members of the syndicat mixte (art. 3)")
public class MemberResource {

    /** The rules on a member's facts (MemberService.validate, MembershipMapper.facts), for registration and update. */
    private static final String MEMBER_FACTS_PROBLEMS = "409 insee-code-already-registered, 422 departement-required, 422 insee-code-only-for-communes, "
            + "422 insee-code-outside-departement, 422 insee-code-required, 422 invalid-insee-code, 422 invalid-siren, "
            + "422 member-outside-perimeter";

    private final MemberService members;
    private final MemberAccess access;

    public MemberResource(MemberService members, MemberAccess access) {
        this.members = members;
        this.access = access;
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Extension(name = "x-ent-problems", value = "409 member-already-registered, " + MEMBER_FACTS_PROBLEMS)
    @Operation(summary = "Register a member (SIREN Luhn-checked, INSEE code for a commune, inside the perimeter)")
    public Response register(@Valid @NotNull MemberRequest request) {
        Member m = members.register(MembershipMapper.facts(request), access.actor());
        return Response.created(URI.create("/members/" + m.id)).entity(MembershipMapper.view(m)).build();
    }

    @PUT
    @Path("/{siren}")
    @RolesAllowed(Roles.OPERATOR)
    @Extension(name = "x-ent-problems", value = "409 concurrent-update, " + MEMBER_FACTS_PROBLEMS)
    @Operation(summary = "Update a member's identity or competence (the SIREN in the path wins)")
    public MemberView update(@PathParam("siren") String siren, @Valid @NotNull MemberRequest request) {
        return MembershipMapper.view(members.update(siren, MembershipMapper.facts(request), access.actor()));
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR, Roles.MEMBER_AGENT, Roles.FINANCE, Roles.DSDEN, Roles.PARTNER })
    @Operation(summary = "List members, filtered and paginated (a member agent sees only its own member)")
    public PageOf<MemberView> list(@QueryParam("kind") MemberKind kind, @QueryParam("schoolCompetence") Boolean schoolCompetence,
            @QueryParam("epciSiren") @Size(max = 20) String epciSiren, @QueryParam("q") @Size(max = 200) String nameContains,
            @QueryParam(PageOf.PAGE) @DefaultValue("0") @Min(0) int page,
            @QueryParam(PageOf.SIZE) @DefaultValue(PageOf.DEFAULT_SIZE_TEXT) @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        MemberSearch search = new MemberSearch(kind, schoolCompetence, epciSiren, nameContains, access.onlyMemberOrNull());
        PageOf<Member> found = members.list(search, page, size);
        boolean names = access.seesAgentNames();
        return found.map(m -> MembershipMapper.view(m, names));
    }

    @GET
    @Path("/{siren}")
    @RolesAllowed({ Roles.OPERATOR, Roles.MEMBER_AGENT, Roles.FINANCE, Roles.DSDEN, Roles.PARTNER })
    @Operation(summary = "A member (a member agent: only its own, others are 404)")
    public MemberView get(@PathParam("siren") String siren) {
        return MembershipMapper.view(access.visibleMember(siren), access.seesAgentNames());
    }
}
