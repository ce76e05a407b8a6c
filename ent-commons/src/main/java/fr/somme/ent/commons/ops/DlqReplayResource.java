package fr.somme.ent.commons.ops;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import fr.somme.ent.commons.inbox.DlqReplay;
import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.commons.security.CallerScope;
import fr.somme.ent.commons.security.Roles;

/** {@code /ops/dlq/{topic}/replay}: after a fix, an operator re-applies the records of {@code <topic>.dlq} (idempotently). */
@Path("/ops/dlq")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
@Tag(name = "Operations")
public class DlqReplayResource {

    private static final Logger LOG = Logger.getLogger(DlqReplayResource.class);

    private final DlqReplay replay;
    private final CallerScope caller;

    public DlqReplayResource(DlqReplay replay, CallerScope caller) {
        this.replay = replay;
        this.caller = caller;
    }

    @POST
    @Path("/{topic}/replay")
    @Operation(summary = "Re-apply the DLQ records of a topic this service consumes; reports read, applied, already applied, "
            + "skipped (not for this service) and still failing (with reasons)")
    public DlqReplay.Report replay(@PathParam("topic") @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,120}") String topic) {
        LOG.infof("DLQ replay of %s requested by %s", topic, caller.actor());
        return replay.replay(topic).orElseThrow(() -> ProblemException.notFound("consumed topic", topic));
    }
}
