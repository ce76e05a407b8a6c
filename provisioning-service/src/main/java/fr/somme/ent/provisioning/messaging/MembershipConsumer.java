package fr.somme.ent.provisioning.messaging;

import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import fr.somme.ent.commons.events.CloudEvent;
import fr.somme.ent.commons.inbox.Inbox;
import fr.somme.ent.commons.inbox.RetryTransient;
import fr.somme.ent.provisioning.messaging.InboundEvents.AdhesionEffective;
import fr.somme.ent.provisioning.messaging.InboundEvents.DesignatedSchool;
import fr.somme.ent.provisioning.messaging.InboundEvents.DesignationsChanged;
import fr.somme.ent.provisioning.messaging.InboundEvents.MembershipTerminated;
import fr.somme.ent.provisioning.messaging.InboundEvents.OptOutNotified;
import fr.somme.ent.provisioning.service.GateService;
import fr.somme.ent.provisioning.service.ReadModels;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * ent.membership.v1: adhesions, designations per school year, terminations, opt-outs. Each event is applied once
 * (ProcessedEvents, same transaction), then the gate re-runs for the classes it may change. A record that cannot
 * be applied goes to ent.membership.v1.dlq with the reason. Other types are recorded as processed and skipped.
 */
@ApplicationScoped
public class MembershipConsumer {

    public static final String CONSUMER = "provisioning.membership";
    private static final Logger LOG = Logger.getLogger(MembershipConsumer.class);

    private final Inbox inbox;
    private final ReadModels readModels;
    private final GateService gate;

    public MembershipConsumer(Inbox inbox, ReadModels readModels,
            GateService gate) {
        this.inbox = inbox;
        this.readModels = readModels;
        this.gate = gate;
    }

    @Incoming("membership")
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
            case InboundEvents.ADHESION_EFFECTIVE -> {
                AdhesionEffective a = inbox.data(event, AdhesionEffective.class);
                EventChecks.siren(a.memberId());
                EventChecks.schoolYear(a.schoolYear());
                a.schools().stream().map(DesignatedSchool::uai).forEach(EventChecks::uai);
                gate.reevaluateMember(a.memberId(), a.schoolYear(), readModels.adhesionEffective(a));
            }
            case InboundEvents.DESIGNATIONS_CHANGED -> {
                DesignationsChanged d = inbox.data(event, DesignationsChanged.class);
                EventChecks.siren(d.memberId());
                EventChecks.schoolYear(d.schoolYear());
                d.schools().stream().map(DesignatedSchool::uai).forEach(EventChecks::uai);
                gate.reevaluateMember(d.memberId(), d.schoolYear(), readModels.designationsChanged(d));
            }
            case InboundEvents.MEMBERSHIP_TERMINATED -> {
                MembershipTerminated t = inbox.data(event, MembershipTerminated.class);
                EventChecks.siren(t.memberId());
                readModels.membershipTerminated(t);
                gate.reevaluateMember(t.memberId());
            }
            case InboundEvents.OPT_OUT_NOTIFIED -> {
                OptOutNotified o = inbox.data(event, OptOutNotified.class);
                EventChecks.siren(o.memberId());
                EventChecks.schoolYear(o.effectiveFromSchoolYear());
                readModels.optOutNotified(o);
                gate.reevaluateMember(o.memberId());
            }
            default -> LOG.debugf("event type %s is not for this service, skipped", event.type());
        }
    }
}
