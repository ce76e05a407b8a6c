package fr.somme.ent.commons.ops;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.somme.ent.commons.security.Roles;

/**
 * {@code /ops/pipeline-probes}: after a deployment or an incident, an operator checks that the service
 * can write to its database and that its events reach Kafka, without touching business data.
 */
@Path("/ops/pipeline-probes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
@Tag(name = "Operations")
public class PipelineProbeResource {

    private final PipelineProbes probes;

    public PipelineProbeResource(PipelineProbes probes) {
        this.probes = probes;
    }

    public record ProbeRequest(@Size(max = 200) String note) {
    }

    public record ProbeView(UUID id, String requestedBy, Instant requestedAt, String note, UUID eventId, String topic,
            String status) {
    }

    @POST
    @Operation(summary = "Store a probe row and publish fr.ent.ops.pipeline-probe.v1 on the service's topic")
    public Response create(@Valid ProbeRequest request) {
        ProbeView view = probes.create(request == null ? null : request.note());
        return Response.created(URI.create("/ops/pipeline-probes/" + view.id())).entity(view).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A probe and whether its event has left the outbox (pending or published)")
    public ProbeView get(@PathParam("id") UUID id) {
        return probes.find(id);
    }
}
