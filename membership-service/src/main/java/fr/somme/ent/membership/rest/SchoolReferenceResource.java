package fr.somme.ent.membership.rest;

import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.commons.rest.PageOf;
import fr.somme.ent.commons.security.Roles;
import fr.somme.ent.membership.domain.SchoolLevel;
import fr.somme.ent.membership.rest.SchoolReferenceDtos.SchoolReferenceView;
import fr.somme.ent.membership.service.SchoolReferenceService;

@Path("/reference/schools")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data", description = "The school reference: Somme open data and the DSDEN's facts (art. 3)")
public class SchoolReferenceResource {

    private final SchoolReferenceService schools;

    public SchoolReferenceResource(SchoolReferenceService schools) {
        this.schools = schools;
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR, Roles.MEMBER_AGENT, Roles.FINANCE, Roles.DSDEN, Roles.PARTNER })
    @Extension(name = "x-ent-problems", value = "400 invalid-level")
    @Operation(summary = "Look schools up: by commune (INSEE code), level (ECOLE, COLLEGE), name or UAI containing q; by UAI, a page of them")
    public PageOf<SchoolReferenceView> search(@QueryParam("communeInsee") @Size(max = 10) String communeInsee,
            @QueryParam("level") @Size(max = 20) String level, @QueryParam("q") @Size(max = 200) String q,
            @QueryParam(PageOf.PAGE) @DefaultValue("0") @Min(0) int page,
            @QueryParam(PageOf.SIZE) @DefaultValue(PageOf.DEFAULT_SIZE_TEXT) @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        return schools.search(communeInsee, level(level), q, page, size).map(SchoolReferenceView::of);
    }

    private static SchoolLevel level(String level) {
        if (level == null || level.isBlank()) {
            return null;
        }
        try {
            return SchoolLevel.valueOf(level.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-level", "level is ECOLE or COLLEGE, not '" + level + "'");
        }
    }
}
