package fr.somme.ent.provisioning.rest;

import fr.somme.ent.commons.rest.PageOf;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.commons.security.CallerScope;
import fr.somme.ent.commons.security.Roles;
import fr.somme.ent.provisioning.messaging.MembershipConsumer;
import fr.somme.ent.provisioning.messaging.ProjectsConsumer;
import fr.somme.ent.provisioning.service.Jobs;
import fr.somme.ent.provisioning.domain.PurgeRun;
import fr.somme.ent.provisioning.service.ReadModels;
import fr.somme.ent.provisioning.service.SchoolYearClosure;

@Path("/ops/provisioning")
@Tag(name = "operations", description = "Gate re-run, school-year closure, purge, read-model reset before a replay")
@Produces(MediaType.APPLICATION_JSON)
public class ProvisioningOpsResource {

    private static final Logger LOG = Logger.getLogger(ProvisioningOpsResource.class);

    private final Jobs jobs;
    private final ReadModels readModels;
    private final CallerScope caller;
    private final SchoolYearClosure closure;
    private final Clock clock;

    public ProvisioningOpsResource(Jobs jobs, ReadModels readModels, SchoolYearClosure closure, CallerScope caller,
            Clock clock) {
        this.jobs = jobs;
        this.readModels = readModels;
        this.closure = closure;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @Path("/gate-runs")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Re-run the gate for what time changes (adhesion dates reached, terminations taking effect)")
    public Map<String, Object> gate() {
        return Map.of("changed", jobs.reevaluateDue());
    }

    @POST
    @Path("/school-years/{schoolYear}/closure")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Close a school year that has ended (the daily job, for one year): deployed classes closed on "
            + "31 August, pending ones discarded; 422 school-year-not-ended before; idempotent")
    @Extension(name = "x-ent-problems", value = "400 school-year, 422 school-year-not-ended")
    public SchoolYearClosure.Outcome closeSchoolYear(@PathParam("schoolYear") String schoolYear) {
        if (!SchoolYear.isValid(schoolYear)) {
            throw ProblemException.badRequest("school-year", "'" + schoolYear + "' is not a school year like 2026-2027");
        }
        SchoolYearClosure.Outcome outcome = closure.close(SchoolYear.parse(schoolYear));
        LOG.infof("school year %s closed by %s: %d closed, %d discarded", schoolYear, caller.actor(), outcome.closed(),
                outcome.discarded());
        return outcome;
    }

    @GET
    @Path("/purges")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "The purge runs, latest first: when, cutoff, counts (never a name)")
    public PageOf<PurgeRun> purges(@QueryParam(PageOf.PAGE) @DefaultValue("0") @Min(0) int page,
            @QueryParam(PageOf.SIZE) @DefaultValue(PageOf.DEFAULT_SIZE_TEXT) @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        return jobs.purgeRuns(page, size);
    }

    @POST
    @Path("/purges")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Purge personal data of accounts closed 3 months ago or more (the daily job, now)")
    public Map<String, Object> purge() {
        return Map.of("purged", jobs.purge());
    }

    @POST
    @Path("/read-models/reset")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Empty the read models before a replay (then reset the consumer group's offsets, README)")
    public Map<String, Object> reset() {
        readModels.reset(List.of(MembershipConsumer.CONSUMER, ProjectsConsumer.CONSUMER));
        LOG.infof("read models reset by %s at %s", caller.actor(), clock.instant());
        return Map.of("reset", ReadModels.TABLES);
    }
}
