package fr.somme.ent.provisioning.messaging;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import fr.somme.ent.commons.events.CloudEvent;
import fr.somme.ent.commons.inbox.Inbox;
import fr.somme.ent.commons.inbox.RetryTransient;
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

    private final Inbox inbox;
    private final ReadModels readModels;
    private final GateService gate;
    private final Clock clock;

    public ProjectsConsumer(Inbox inbox, ReadModels readModels,
            GateService gate, Clock clock) {
        this.inbox = inbox;
        this.readModels = readModels;
        this.gate = gate;
        this.clock = clock;
    }

    @Incoming("projects")
    @Blocking(ordered = true)
    @RetryTransient
    @Transactional
    public void consume(String record) {
        Optional<CloudEvent> delivered = inbox.firstDelivery(CONSUMER, record);
        if (delivered.isEmpty()) {
            return;
        }
        CloudEvent event = delivered.get();
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
        ProjectData p = inbox.data(event, ProjectData.class);
        EventChecks.uai(p.schoolUai());
        EventChecks.schoolYear(p.schoolYear());
        return p;
    }
}
