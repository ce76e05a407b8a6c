package fr.somme.ent.membership.messaging;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import fr.somme.ent.commons.outbox.Outbox;
import fr.somme.ent.membership.domain.Adhesion;
import fr.somme.ent.membership.domain.ComponentOptOut;
import fr.somme.ent.membership.domain.DesignatedSchool;
import fr.somme.ent.membership.domain.Member;

/**
 * The events of {@code ent.membership.v1} (schemas in contracts/schemas), one record per type, written to the outbox
 * in the caller's transaction. Key and subject: the member id (SIREN).
 */
@ApplicationScoped
public class MembershipEvents {

    private final Outbox outbox;
    private final String topic;

    public MembershipEvents(Outbox outbox, @ConfigProperty(name = "ent.events.topic") String topic) {
        this.outbox = outbox;
        this.topic = topic;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void memberRegistered(Member m) {
        publish(m.id, MemberRegistered.TYPE, MemberRegistered.of(m));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void memberUpdated(Member m) {
        publish(m.id, MemberUpdated.TYPE, MemberUpdated.of(m));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void adhesionEffective(Member m, Adhesion a, String schoolYear, List<DesignatedSchool> schools) {
        publish(m.id, AdhesionEffective.TYPE, AdhesionEffective.of(m, a, schoolYear, schools));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void designationsChanged(String memberId, UUID adhesionId, String schoolYear, int revision,
            List<DesignationsChanged.Item> schools) {
        publish(memberId, DesignationsChanged.TYPE, new DesignationsChanged(memberId, adhesionId, schoolYear, revision, schools));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void componentOptOutNotified(ComponentOptOut o) {
        publish(o.memberId, ComponentOptOutNotified.TYPE, ComponentOptOutNotified.of(o));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void membershipTerminated(Adhesion a) {
        publish(a.memberId, MembershipTerminated.TYPE, MembershipTerminated.of(a));
    }

    private void publish(String memberId, String type, Record data) {
        outbox.publish(topic, memberId, type, memberId, data);
    }
}
