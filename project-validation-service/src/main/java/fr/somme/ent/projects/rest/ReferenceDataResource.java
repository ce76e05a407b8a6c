package fr.somme.ent.projects.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.somme.ent.commons.security.Roles;
import fr.somme.ent.projects.messaging.DsdenReferenceEvents.CirconscriptionUpserted;
import fr.somme.ent.projects.messaging.DsdenReferenceEvents.SchoolUpserted;
import fr.somme.ent.projects.service.ReferenceImport;

@Path("/reference-data")
@Tag(name = "Reference data", description = "The DSDEN's circonscriptions and schools, imported in bulk")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReferenceDataResource {

    /** The same payloads as the events of dsden.reference.v1. */
    public record ReferenceDataImport(@Size(max = 100) List<@NotNull @Valid CirconscriptionUpserted> circonscriptions,
            @Size(max = 5000) List<@NotNull @Valid SchoolUpserted> schools) {
    }

    private final ReferenceImport referenceImport;

    public ReferenceDataResource(ReferenceImport referenceImport) {
        this.referenceImport = referenceImport;
    }

    @POST
    @RolesAllowed({ Roles.OPERATOR, Roles.DSDEN })
    @Operation(summary = "Upsert circonscriptions and schools in one transaction: one invalid entry (e.g. UAI check letter) refuses all")
    @Extension(name = "x-ent-problems", value = "422 invalid-uai")
    public ReferenceImport.Imported importAll(@Valid @NotNull ReferenceDataImport body) {
        return referenceImport.importAll(body.circonscriptions(), body.schools());
    }
}
