package fr.somme.ent.provisioning.rest;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import fr.somme.ent.commons.security.CallerScope;
import fr.somme.ent.commons.security.Roles;
import fr.somme.ent.provisioning.messaging.MembershipConsumer;
import fr.somme.ent.provisioning.messaging.ProjectsConsumer;
import fr.somme.ent.provisioning.service.Jobs;
import fr.somme.ent.provisioning.service.ReadModels;

@Path("/ops/provisioning")
@Tag(name = "operations", description = "Gate re-run, purge, read-model reset before a replay")
@Produces(MediaType.APPLICATION_JSON)
public class ProvisioningOpsResource {

    private static final Logger LOG = Logger.getLogger(ProvisioningOpsResource.class);

    private final Jobs jobs;
    private final ReadModels readModels;
    private final CallerScope caller;
    private final Clock clock;

    public ProvisioningOpsResource(Jobs jobs, ReadModels readModels, CallerScope caller, Clock clock) {
        this.jobs = jobs;
        this.readModels = readModels;
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
