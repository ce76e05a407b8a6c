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
    @Operation(summary = "A member's deployed and closed classes: counts and licences, never names")
    public List<ClassView> list(@PathParam("memberId") String memberId) {
        return ClassView.ofAll(classes.ofMember(memberId, caller));
    }
}
