package fr.somme.ent.commons.ops;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import fr.somme.ent.commons.events.CloudEvent;
import fr.somme.ent.commons.ops.PipelineProbeResource.ProbeView;
import fr.somme.ent.commons.outbox.Outbox;
import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.commons.repository.PipelineProbeRepository;
import fr.somme.ent.commons.repository.PipelineProbeRepository.ProbeRow;
import fr.somme.ent.commons.security.CallerScope;

@ApplicationScoped
public class PipelineProbes {

    public static final String TYPE = "fr.ent.ops.pipeline-probe.v1";

    private final PipelineProbeRepository probes;
    private final Outbox outbox;
    private final Clock clock;
    private final CallerScope caller;
    private final String topic;
    private final String service;

    public PipelineProbes(PipelineProbeRepository probes, Outbox outbox, Clock clock, CallerScope caller,
            @ConfigProperty(name = "ent.events.topic") String topic,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.probes = probes;
        this.outbox = outbox;
        this.clock = clock;
        this.caller = caller;
        this.topic = topic;
        this.service = service;
    }

    @Transactional
    public ProbeView create(String note) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String actor = caller.actor();
        CloudEvent event = outbox.publish(topic, id.toString(), TYPE, id.toString(),
                Map.of("probeId", id.toString(), "service", service, "requestedBy", actor, "requestedAt", now.toString()));
        probes.insert(id, actor, now, note, UUID.fromString(event.id()));
        return new ProbeView(id, actor, now, note, UUID.fromString(event.id()), topic, "pending");
    }

    @Transactional
    public ProbeView find(UUID id) {
        ProbeRow r = probes.find(id).orElseThrow(() -> ProblemException.notFound("pipeline probe", id));
        return new ProbeView(r.id(), r.requestedBy(), r.requestedAt(), r.note(), r.eventId(), topic,
                r.published() ? "published" : "pending");
    }
}
