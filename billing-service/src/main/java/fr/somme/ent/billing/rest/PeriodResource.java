package fr.somme.ent.billing.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.somme.ent.billing.rest.CallDtos.ComputationView;
import fr.somme.ent.billing.rest.CallDtos.ReasonRequest;
import fr.somme.ent.billing.service.CallQueries;
import fr.somme.ent.billing.service.ComputePeriod;
import fr.somme.ent.billing.service.IssueCalls;
import fr.somme.ent.billing.service.RegularisePeriod;
import fr.somme.ent.commons.security.Roles;

@Path("/periods/{schoolYear}")
@RolesAllowed({ Roles.FINANCE, Roles.OPERATOR })
@Tag(name = "Contribution periods")
@Produces(MediaType.APPLICATION_JSON)
public class PeriodResource {

    private final ComputePeriod computing;
    private final IssueCalls issuing;
    private final CallQueries queries;
    private final CallMapper mapper;
    private final Exports exports;
    private final RegularisePeriod regularising;
    private final IdempotentAnswers answers;

    public PeriodResource(ComputePeriod computing, IssueCalls issuing, CallQueries queries, CallMapper mapper,
            Exports exports, RegularisePeriod regularising, IdempotentAnswers answers) {
        this.regularising = regularising;
        this.answers = answers;
        this.computing = computing;
        this.issuing = issuing;
        this.queries = queries;
        this.mapper = mapper;
        this.exports = exports;
    }

    @GET
    @Path("/simulation")
    @Extension(name = "x-ent-problems", value = "400 invalid-school-year, 422 missing-price")
    @Operation(summary = "What the calls of the year would be with today's figures; stores and issues nothing")
    public ComputationView simulate(@PathParam("schoolYear") String schoolYear,
            @Parameter(description = "false: each call's amount without its derivation (the summary a national-scale period needs)")
            @QueryParam("derivations") @DefaultValue("true") boolean derivations) {
        return mapper.computation(computing.simulate(Years.parse(schoolYear), derivations), derivations);
    }

    @POST
    @Path("/computation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = "x-ent-problems", value = "400 invalid-idempotency-key, 400 invalid-school-year, "
            + "409 school-year-not-ended, 422 idempotency-key-reused, 422 missing-price, 422 no-beneficiary-students")
    @Operation(summary = "(Re)compute the drafts of the year, after its end only (art. 4.4); idempotent; in a called period "
            + "it drafts nothing new and lists what changed (issuedCallsThatNoLongerMatch); honours Idempotency-Key")
    public Response compute(@PathParam("schoolYear") String schoolYear, @Valid ReasonRequest r,
            @HeaderParam(IdempotentAnswers.HEADER) String key, @Context UriInfo uri) {
        return answers.post(key, uri, r, 200,
                () -> mapper.computation(computing.computeDrafts(Years.parse(schoolYear), r == null ? null : r.reason())));
    }

    @POST
    @Path("/issuance")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = "x-ent-problems", value = "400 invalid-idempotency-key, "
            + "400 invalid-school-year, 422 idempotency-key-reused")
    @Operation(summary = "Issue every draft of the year (numbers in sequence, events issued); honours Idempotency-Key")
    public Response issueAll(@PathParam("schoolYear") String schoolYear, @Valid ReasonRequest r,
            @HeaderParam(IdempotentAnswers.HEADER) String key, @Context UriInfo uri) {
        return answers.post(key, uri, r, 200,
                () -> mapper.views(issuing.issueAll(Years.parse(schoolYear), r == null ? null : r.reason())));
    }

    @POST
    @Path("/regularisation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = "x-ent-problems", value = "400 invalid-idempotency-key, 400 invalid-school-year, 400 reason-required, 409 period-not-called, "
            + "409 school-year-not-ended, 422 idempotency-key-reused, 422 missing-price, 422 no-beneficiary-students")
    @Operation(summary = "Regularise a called period (rule 18): each issued call whose amount changes is cancelled by a "
            + "credit note and re-issued with the new figures; the others stay untouched; reason required; "
            + "honours Idempotency-Key")
    public Response regularise(@PathParam("schoolYear") String schoolYear, @Valid ReasonRequest r,
            @HeaderParam(IdempotentAnswers.HEADER) String key, @Context UriInfo uri) {
        return answers.post(key, uri, r, 200, () -> CallDtos.regularisation(
                regularising.regularise(Years.parse(schoolYear), r == null ? null : r.reason())));
    }

    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    @Extension(name = "x-ent-problems", value = "400 invalid-school-year")
    @Operation(summary = "CSV of the period: one line per call with its derivation columns")
    public Response csv(@PathParam("schoolYear") String schoolYear) {
        String year = Years.parse(schoolYear).name();
        return Response.ok(exports.csv(mapper.views(queries.list(year, null))), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"contributions-" + year + ".csv\"").build();
    }
}
