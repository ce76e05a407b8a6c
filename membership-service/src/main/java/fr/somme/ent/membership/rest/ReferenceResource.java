package fr.somme.ent.membership.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.somme.ent.commons.security.Roles;
import fr.somme.ent.membership.rest.MemberDtos.ImportReportView;
import fr.somme.ent.membership.service.MemberAccess;
import fr.somme.ent.membership.service.SommeReferenceImport;

@Path("/reference/somme")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data", description = "The Somme's communes, EPCI and Département as members")
public class ReferenceResource {

    private final SommeReferenceImport importer;
    private final MemberAccess access;

    public ReferenceResource(SommeReferenceImport importer, MemberAccess access) {
        this.importer = importer;
        this.access = access;
    }

    @POST
    @Path("/import")
    @RolesAllowed(Roles.OPERATOR)
    @Extension(name = "x-ent-problems", value = "409 concurrent-update, 409 insee-code-already-registered, 409 member-already-registered")
    @Operation(summary = "Import the 772 communes, 17 EPCI and the Département (idempotent: a second run changes nothing)")
    public ImportReportView importSomme() {
        return MembershipMapper.view(importer.run(access.actor()));
    }
}
