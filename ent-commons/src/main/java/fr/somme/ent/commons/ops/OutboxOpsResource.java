package fr.somme.ent.commons.ops;

import fr.somme.ent.commons.rest.PageOf;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.somme.ent.commons.security.Roles;

/**
 * {@code /ops/outbox}: the rows the relay could not publish and parked (too large, not serialisable, not authorised),
 * for an operator to retry (after a fix, e.g. a larger {@code max.message.bytes}) or discard, with a reason.
 */
@Path("/ops/outbox")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
@Tag(name = "Operations")
public class OutboxOpsResource {

    private final OutboxOperations operations;

    public OutboxOpsResource(OutboxOperations operations) {
        this.operations = operations;
    }

    public record OperatorAct(@Size(max = 500) String reason) {
    }

    public record DiscardAct(@NotNull @NotBlank @Size(max = 500) String reason) {
    }

    public record OutboxEventView(UUID id, long seq, String topic, String key, String type, String state, int attempts,
            String lastError, Instant createdAt, Instant parkedAt, Instant publishedAt) {
    }

    public record OperationView(String action, String actor, String reason, Instant at) {
    }

    @GET
    @Operation(summary = "Outbox events in a state (PARKED by default; PENDING, PUBLISHED, DISCARDED), oldest first, without payload")
    @org.eclipse.microprofile.openapi.annotations.extensions.Extension(name = "x-ent-problems", value = "400 invalid-outbox-state")
    public PageOf<OutboxEventView> list(@QueryParam("state") @DefaultValue("PARKED") @Size(max = 20) String state,
            @QueryParam(PageOf.PAGE) @DefaultValue("0") @Min(0) int page,
            @QueryParam(PageOf.SIZE) @DefaultValue(PageOf.DEFAULT_SIZE_TEXT) @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        return operations.list(state, page, size);
    }

    @POST
    @Path("/{id}/retry")
    @Operation(summary = "Give a parked event back to the relay (fresh attempts); audited")
    public OutboxEventView retry(@PathParam("id") UUID id, @Valid OperatorAct act) {
        return operations.retry(id, act == null ? null : act.reason());
    }

    @POST
    @Path("/{id}/discard")
    @Operation(summary = "Never publish a parked event (the later events of its key flow again); a reason is required; audited")
    public OutboxEventView discard(@PathParam("id") UUID id, @Valid @NotNull DiscardAct act) {
        return operations.discard(id, act.reason());
    }

    @GET
    @Path("/{id}/operations")
    @Operation(summary = "Who retried or discarded this event, when and why")
    public List<OperationView> operations(@PathParam("id") UUID id) {
        return operations.operations(id);
    }
}
