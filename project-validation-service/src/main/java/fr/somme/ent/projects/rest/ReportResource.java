package fr.somme.ent.projects.rest;

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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.somme.ent.commons.rest.PageOf;
import fr.somme.ent.commons.security.Roles;
import fr.somme.ent.projects.domain.ProjectCount;
import fr.somme.ent.projects.domain.ValidatedClass;
import fr.somme.ent.projects.service.ReportService;

@Path("/reports")
@Tag(name = "Reports", description = "For the Comité Départemental du Numérique (art. 5)")
@RolesAllowed({ Roles.OPERATOR, Roles.DSDEN })
public class ReportResource {

    private static final String CSV = "text/csv";

    private final ReportService reports;

    public ReportResource(ReportService reports) {
        this.reports = reports;
    }

    @GET
    @Path("/project-counts")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Number of projects by school year, circonscription and state (optional schoolYear filter): a page of rows in that order")
    public PageOf<ProjectCount> counts(@QueryParam("schoolYear") @Size(max = 20) String schoolYear,
            @QueryParam(PageOf.PAGE) @DefaultValue("0") @Min(0) int page,
            @QueryParam(PageOf.SIZE) @DefaultValue(PageOf.DEFAULT_SIZE_TEXT) @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        return reports.counts(schoolYear, page, size);
    }

    @GET
    @Path("/project-counts.csv")
    @Produces(CSV)
    @Operation(summary = "The same counts as CSV (RFC 4180, header line), every row (an export, not paged)")
    public String countsCsv(@QueryParam("schoolYear") @Size(max = 20) String schoolYear) {
        return ReportCsv.counts(reports.counts(schoolYear));
    }

    @GET
    @Path("/validated-classes")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Validated classes with their number of students (optional schoolYear filter): a page by school year, circonscription, school, class, project id")
    public PageOf<ValidatedClass> validatedClasses(@QueryParam("schoolYear") @Size(max = 20) String schoolYear,
            @QueryParam(PageOf.PAGE) @DefaultValue("0") @Min(0) int page,
            @QueryParam(PageOf.SIZE) @DefaultValue(PageOf.DEFAULT_SIZE_TEXT) @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        return reports.validatedClasses(schoolYear, page, size);
    }

    @GET
    @Path("/validated-classes.csv")
    @Produces(CSV)
    @Operation(summary = "The same list as CSV (RFC 4180, header line), every row (an export, not paged)")
    public String validatedClassesCsv(@QueryParam("schoolYear") @Size(max = 20) String schoolYear) {
        return ReportCsv.validatedClasses(reports.validatedClasses(schoolYear));
    }
}
