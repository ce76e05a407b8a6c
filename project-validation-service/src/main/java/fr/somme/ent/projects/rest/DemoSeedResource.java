package fr.somme.ent.projects.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.somme.ent.commons.security.Roles;
import fr.somme.ent.projects.service.DemoSeed;
import fr.somme.ent.projects.service.ReferenceImport;

@Path("/ops/demo-seed")
@Tag(name = "Operations")
public class DemoSeedResource {

    private final DemoSeed demoSeed;

    public DemoSeedResource(DemoSeed demoSeed) {
        this.demoSeed = demoSeed;
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Load demo reference data: the real Somme écoles and collèges, demo circonscriptions by EPCI (idempotent)")
    public ReferenceImport.Imported load() {
        return demoSeed.load();
    }
}
