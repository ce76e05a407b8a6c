package fr.somme.ent.provisioning.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import fr.somme.ent.commons.outbox.Outbox;
import fr.somme.ent.commons.outbox.OutgoingEvent;
import fr.somme.ent.provisioning.domain.ClassDeployment;
import fr.somme.ent.provisioning.domain.Licence;
import fr.somme.ent.provisioning.domain.LicenceRule;
import fr.somme.ent.provisioning.domain.Money;
import fr.somme.ent.provisioning.messaging.OutgoingEvents.AccessEnded;
import fr.somme.ent.provisioning.messaging.OutgoingEvents.AccessStarted;
import fr.somme.ent.provisioning.messaging.OutgoingEvents.AccountsClosed;
import fr.somme.ent.provisioning.messaging.OutgoingEvents.AccountsProvisioned;
import fr.somme.ent.provisioning.messaging.OutgoingEvents.ClassDeployed;
import fr.somme.ent.provisioning.messaging.OutgoingEvents.LicencesAssigned;
import fr.somme.ent.provisioning.messaging.OutgoingEvents.LicencesRevoked;

/**
 * Builds the events of a class's deployment and closing from the class, and writes them to the outbox in the
 * transaction of the change: topic {@code ent.provisioning.v1}, key = member id (SIREN), subject = project id.
 */
@ApplicationScoped
public class ProvisioningEvents {

    private final Outbox outbox;
    private final String topic;

    public ProvisioningEvents(Outbox outbox, @ConfigProperty(name = "ent.events.topic") String topic) {
        this.outbox = outbox;
        this.topic = topic;
    }

    /** The events of deployments, collected in order and written to the outbox in one batch by {@link #write}. */
    public static final class Deployments {
        private final List<OutgoingEvent> events = new ArrayList<>();

        public int size() {
            return events.size();
        }
    }

    /** Writes the collected events to the outbox in one JDBC batch, in the order they were added. */
    public void write(Deployments batch) {
        if (!batch.events.isEmpty()) {
            outbox.writeAll(batch.events);
        }
    }

    /** class-deployed, accounts-provisioned (one teacher), licences-assigned per licence line, access-started. */
    public void deployed(Deployments batch, ClassDeployment c, int studentAccounts, List<LicenceRule.Order> licences,
            boolean firstAccess) {
        String m = c.memberId();
        String level = c.schoolLevel().name();
        List<OutgoingEvent> out = batch.events;
        add(out, OutgoingEvents.CLASS_DEPLOYED, c, new ClassDeployed(m, c.projectId(), c.schoolUai(), c.schoolYear(),
                c.classLabel(), level, c.deployedOn(), studentAccounts));
        add(out, OutgoingEvents.ACCOUNTS_PROVISIONED, c, new AccountsProvisioned(m, c.projectId(), c.schoolUai(),
                c.schoolYear(), c.classLabel(), level, 1, studentAccounts));
        for (LicenceRule.Order o : licences) {
            add(out, OutgoingEvents.LICENCES_ASSIGNED, c, new LicencesAssigned(m, c.projectId(), c.schoolUai(),
                    c.schoolYear(), c.classLabel(), level, o.resourceCode(), o.quantity(), Money.text(o.unitPrice())));
        }
        add(out, OutgoingEvents.ACCESS_STARTED, c, new AccessStarted(m, c.projectId(), c.schoolUai(), c.schoolYear(),
                c.classLabel(), level, studentAccounts, c.accessStartDate(), firstAccess));
    }

    /** access-ended, accounts-closed, licences-revoked per licence line revoked. */
    public void closed(ClassDeployment c, int students, int teacherAccountsClosed, int studentAccountsClosed,
            List<Licence> revoked) {
        String m = c.memberId();
        String level = c.schoolLevel() == null ? null : c.schoolLevel().name();
        publish(OutgoingEvents.ACCESS_ENDED, c, new AccessEnded(m, c.projectId(), c.schoolUai(), c.schoolYear(),
                c.classLabel(), level, students, c.closedOn(), c.closeReason().name()));
        publish(OutgoingEvents.ACCOUNTS_CLOSED, c, new AccountsClosed(m, c.projectId(), c.schoolUai(), c.schoolYear(),
                c.classLabel(), level, teacherAccountsClosed, studentAccountsClosed, c.closedOn()));
        for (Licence l : revoked) {
            publish(OutgoingEvents.LICENCES_REVOKED, c, new LicencesRevoked(m, c.projectId(), c.schoolUai(),
                    c.schoolYear(), c.classLabel(), level, l.resourceCode(), l.quantity(), Money.text(l.unitPrice()),
                    c.closedOn()));
        }
    }

    private void add(List<OutgoingEvent> out, String type, ClassDeployment c, Record data) {
        out.add(new OutgoingEvent(topic, c.memberId(), type, c.projectId().toString(), data));
    }

    private void publish(String type, ClassDeployment c, Record data) {
        UUID projectId = c.projectId();
        outbox.publish(topic, c.memberId(), type, projectId.toString(), data);
    }
}
