package fr.somme.ent.provisioning.messaging;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import fr.somme.ent.commons.events.CloudEvent;
import fr.somme.ent.commons.events.CloudEventCodec;
import fr.somme.ent.commons.inbox.ProcessedEvents;
import fr.somme.ent.provisioning.messaging.InboundEvents.ProjectData;
import fr.somme.ent.provisioning.service.GateService;
import fr.somme.ent.provisioning.service.ReadModels;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * ent.projects.v1: validated and withdrawn projects. Applied once, then the gate re-runs for the project. Poison
 * records go to ent.projects.v1.dlq; other types (submitted, rejected...) are recorded as processed and skipped.
 */
@ApplicationScoped
public class ProjectsConsumer {

    public static final String CONSUMER = "provisioning.projects";
    private static final Logger LOG = Logger.getLogger(ProjectsConsumer.class);

    private final CloudEventCodec codec;
    private final ProcessedEvents processed;
    private final EventChecks checks;
    private final ReadModels readModels;
    private final GateService gate;
    private final Clock clock;

    public ProjectsConsumer(CloudEventCodec codec, ProcessedEvents processed, EventChecks checks, ReadModels readModels,
            GateService gate, Clock clock) {
        this.codec = codec;
        this.processed = processed;
        this.checks = checks;
        this.readModels = readModels;
        this.gate = gate;
        this.clock = clock;
    }

    @Incoming("projects")
    @Blocking(ordered = true)
    @Transactional
    public void consume(String record) {
        CloudEvent event = codec.read(record);
        if (!processed.firstDelivery(CONSUMER, event)) {
            LOG.debugf("event %s already applied, skipped", event.id());
            return;
        }
        switch (event.type()) {
            case InboundEvents.PROJECT_VALIDATED -> {
                ProjectData p = project(event);
                readModels.projectValidated(p, LocalDate.now(clock), clock.instant());
                gate.reevaluateProject(p.projectId());
            }
            case InboundEvents.PROJECT_WITHDRAWN -> {
                ProjectData p = project(event);
                readModels.projectWithdrawn(p, LocalDate.now(clock));
                gate.reevaluateProject(p.projectId());
            }
            default -> LOG.debugf("event type %s is not for this service, skipped", event.type());
        }
    }

    private ProjectData project(CloudEvent event) {
        ProjectData p = checks.valid(codec.dataAs(event, ProjectData.class));
        EventChecks.uai(p.schoolUai());
        EventChecks.schoolYear(p.schoolYear());
        return p;
    }
}
