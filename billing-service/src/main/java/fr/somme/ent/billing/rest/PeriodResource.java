package fr.somme.ent.billing.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.somme.ent.billing.service.ContributionService;
import fr.somme.ent.billing.service.Exports;

@Path("/periods/{schoolYear}")
@RolesAllowed({ "finance", "operator" })
@Tag(name = "Contribution periods")
@Produces(MediaType.APPLICATION_JSON)
public class PeriodResource {

    public record ReasonRequest(@Size(max = 2000) String reason) {
    }

    private final ContributionService contributions;
    private final Exports exports;

    public PeriodResource(ContributionService contributions, Exports exports) {
        this.contributions = contributions;
        this.exports = exports;
    }

    @GET
    @Path("/simulation")
    @Operation(summary = "What the calls of the year would be with today's figures; stores and issues nothing")
    public ContributionService.Computation simulate(@PathParam("schoolYear") String schoolYear) {
        return contributions.simulate(Years.parse(schoolYear));
    }

    @POST
    @Path("/computation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "(Re)compute the drafts of the year, after its end only (art. 4.4); idempotent")
    public ContributionService.Computation compute(@PathParam("schoolYear") String schoolYear, ReasonRequest r) {
        return contributions.computeDrafts(Years.parse(schoolYear), r == null ? null : r.reason());
    }

    @POST
    @Path("/issuance")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue every draft of the year (numbers in sequence, events issued)")
    public List<ContributionService.CallView> issueAll(@PathParam("schoolYear") String schoolYear, ReasonRequest r) {
        return contributions.issueAll(Years.parse(schoolYear), r == null ? null : r.reason());
    }

    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    @Operation(summary = "CSV of the period: one line per call with its derivation columns")
    public Response csv(@PathParam("schoolYear") String schoolYear) {
        String year = Years.parse(schoolYear).name();
        return Response.ok(exports.csv(year), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"contributions-" + year + ".csv\"").build();
    }
}
