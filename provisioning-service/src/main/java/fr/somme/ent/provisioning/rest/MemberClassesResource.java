package fr.somme.ent.provisioning.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.somme.ent.commons.rest.PageOf;
import fr.somme.ent.commons.security.CallerScope;
import fr.somme.ent.commons.security.Roles;
import fr.somme.ent.provisioning.rest.ClassDtos.ClassView;
import fr.somme.ent.provisioning.service.ClassService;

@Path("/members/{memberId}/classes")
@Tag(name = "classes")
@Produces(MediaType.APPLICATION_JSON)
public class MemberClassesResource {

    private final ClassService classes;
    private final CallerScope caller;

    public MemberClassesResource(ClassService classes, CallerScope caller) {
        this.classes = classes;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR, Roles.MEMBER_AGENT })
    @Operation(summary = "A member's deployed and closed classes, a page of them: counts and licences, never names",
            description = "Newest school year first, then school, class label and project id.")
    public PageOf<ClassView> list(@PathParam("memberId") String memberId,
            @QueryParam(PageOf.PAGE) @DefaultValue("0") @Min(0) int page,
            @QueryParam(PageOf.SIZE) @DefaultValue(PageOf.DEFAULT_SIZE_TEXT) @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        return classes.ofMember(memberId, caller, page, size).map(ClassView::of);
    }
}
