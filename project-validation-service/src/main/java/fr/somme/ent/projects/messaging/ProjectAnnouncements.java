package fr.somme.ent.projects.messaging;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import fr.somme.ent.commons.outbox.Outbox;
import fr.somme.ent.projects.domain.Project;
import fr.somme.ent.projects.domain.ProjectState;
import fr.somme.ent.projects.domain.ProjectTransition;

/**
 * Announces a project's transition on ent.projects.v1 through the outbox, in the transaction of the change. A draft is
 * the teacher's own: its creation and its withdrawal are never announced.
 */
@ApplicationScoped
public class ProjectAnnouncements {

    private final Outbox outbox;
    private final Clock clock;
    private final String topic;

    public ProjectAnnouncements(Outbox outbox, Clock clock, @ConfigProperty(name = "ent.events.topic") String topic) {
        this.outbox = outbox;
        this.clock = clock;
        this.topic = topic;
    }

    public void announce(Project p, ProjectTransition t) {
        boolean fromDraft = t.fromState() == null || t.fromState() == ProjectState.DRAFT;
        switch (t.toState()) {
            case SUBMITTED -> {
                if (fromDraft) {
                    publish(p, ProjectEvents.SUBMITTED, ProjectEvents.ProjectSubmitted.of(p));
                } else {
                    publish(p, ProjectEvents.REVISED, ProjectEvents.ProjectRevised.of(p));
                }
            }
            case VALIDATED -> publish(p, ProjectEvents.VALIDATED, ProjectEvents.ProjectValidated.of(p));
            case REJECTED -> publish(p, ProjectEvents.REJECTED, ProjectEvents.ProjectRejected.of(p));
            case CHANGES_REQUESTED -> publish(p, ProjectEvents.CHANGES_REQUESTED, ProjectEvents.ProjectChangesRequested.of(p));
            case WITHDRAWN -> {
                if (!fromDraft) {
                    LocalDate on = LocalDate.ofInstant(t.at(), clock.getZone());
                    publish(p, ProjectEvents.WITHDRAWN, ProjectEvents.ProjectWithdrawn.of(p, t.actor(), on));
                }
            }
            case DRAFT -> { }
        }
    }

    private void publish(Project p, String type, Object data) {
        outbox.publish(topic, p.id().toString(), type, p.id().toString(), data);
    }
}
