package fr.somme.ent.provisioning.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.commons.security.CallerScope;
import fr.somme.ent.provisioning.service.ClassService;
import fr.somme.ent.provisioning.service.ClassService.ClassView;

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
    @RolesAllowed({ "operator", "member-agent" })
    @Operation(summary = "A member's deployed and closed classes: counts and licences, never names")
    public List<ClassView> list(@PathParam("memberId") String memberId) {
        if (!caller.hasRole("operator") && !caller.memberId().map(memberId::equals).orElse(false)) {
            throw ProblemException.notFound("member", memberId);
        }
        return classes.list(null, memberId, 1000, 0);
    }
}
