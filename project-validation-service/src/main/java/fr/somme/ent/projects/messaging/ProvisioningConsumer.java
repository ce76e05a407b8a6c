package fr.somme.ent.projects.messaging;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import fr.somme.ent.commons.events.CloudEvent;
import fr.somme.ent.commons.inbox.Inbox;
import fr.somme.ent.commons.inbox.RetryTransient;
import fr.somme.ent.projects.messaging.ProvisioningEvents.AccessEnded;
import fr.somme.ent.projects.messaging.ProvisioningEvents.ClassDeployed;
import fr.somme.ent.projects.service.ClassDeployments;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Records which projects' classes provisioning-service deployed ({@code class-deployed}) or closed ({@code access-ended}),
 * so that a project is withdrawn only until its class is deployed (art. 2, rule 8). Applied once (event id recorded in
 * the same transaction); invalid data → {@code ent.provisioning.v1.dlq} with the reason. Other event types are ignored.
 */
@ApplicationScoped
public class ProvisioningConsumer {

    static final String CONSUMER = "project-validation.provisioning";

    private final Inbox inbox;
    private final ClassDeployments deployments;

    public ProvisioningConsumer(Inbox inbox, ClassDeployments deployments) {
        this.inbox = inbox;
        this.deployments = deployments;
    }

    @Incoming("provisioning")
    @Blocking(ordered = true)
    @RetryTransient
    @Transactional
    public void consume(String record) {
        Optional<CloudEvent> delivered = inbox.firstDelivery(CONSUMER, record,
                Set.of(ProvisioningEvents.CLASS_DEPLOYED, ProvisioningEvents.ACCESS_ENDED));
        if (delivered.isEmpty()) {
            return;
        }
        CloudEvent event = delivered.get();
        if (ProvisioningEvents.CLASS_DEPLOYED.equals(event.type())) {
            ClassDeployed d = inbox.data(event, ClassDeployed.class);
            deployments.deployed(d.projectId(), d.deployedOn(), event.id());
        } else {
            AccessEnded e = inbox.data(event, AccessEnded.class);
            deployments.accessEnded(e.projectId(), e.accessEndDate(), e.reason(), event.id());
        }
    }
}
