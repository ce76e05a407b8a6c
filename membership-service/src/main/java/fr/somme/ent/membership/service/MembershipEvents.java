package fr.somme.ent.membership.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import fr.somme.ent.commons.outbox.Outbox;
import fr.somme.ent.membership.domain.Adhesion;
import fr.somme.ent.membership.domain.CharterRules.DesignatedSchool;
import fr.somme.ent.membership.domain.ComponentOptOut;
import fr.somme.ent.membership.domain.Member;
import fr.somme.ent.membership.domain.MemberKind;

/**
 * The events of {@code ent.membership.v1} (schemas in contracts/schemas), written to the outbox in the caller's
 * transaction. Key and subject: the member id (SIREN).
 */
@ApplicationScoped
public class MembershipEvents {

    public static final String MEMBER_REGISTERED = "fr.ent.membership.member-registered.v1";
    public static final String MEMBER_UPDATED = "fr.ent.membership.member-updated.v1";
    public static final String ADHESION_EFFECTIVE = "fr.ent.membership.adhesion-effective.v1";
    public static final String DESIGNATIONS_CHANGED = "fr.ent.membership.designations-changed.v1";
    public static final String COMPONENT_OPT_OUT_NOTIFIED = "fr.ent.membership.component-opt-out-notified.v1";
    public static final String MEMBERSHIP_TERMINATED = "fr.ent.membership.membership-terminated.v1";

    public record MemberData(String memberId, MemberKind kind, String name, String inseeCode, String epciSiren,
            String departement, boolean schoolCompetence) {
        static MemberData of(Member m) {
            return new MemberData(m.id, m.kind, m.name, m.inseeCode, m.epciSiren, m.departement, m.schoolCompetence);
        }
    }

    public record Deliberation(String number, LocalDate date) {
    }

    public record AdhesionEffective(String memberId, UUID adhesionId, MemberKind memberKind, LocalDate effectiveDate,
            Deliberation deliberation, LocalDate charterSignedOn, LocalDate deliberationTransmittedOn,
            LocalDate charterTransmittedOn, String schoolYear, List<DesignatedSchool> schools) {
    }

    public record DesignationsChanged(String memberId, UUID adhesionId, String schoolYear, int revision,
            List<DesignatedSchool> schools) {
    }

    public record ComponentOptOutNotified(String memberId, UUID optOutId, List<String> components, LocalDate notifiedOn,
            String effectiveFromSchoolYear) {
    }

    public record MembershipTerminated(String memberId, UUID terminationId, Adhesion.TerminationParty initiatedBy,
            String reason, LocalDate effectiveDate, LocalDate agreementAttemptFailedOn) {
    }

    private final Outbox outbox;
    private final String topic;

    public MembershipEvents(Outbox outbox, @ConfigProperty(name = "ent.events.topic") String topic) {
        this.outbox = outbox;
        this.topic = topic;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void memberRegistered(Member m) {
        publish(m.id, MEMBER_REGISTERED, MemberData.of(m));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void memberUpdated(Member m) {
        publish(m.id, MEMBER_UPDATED, MemberData.of(m));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void adhesionEffective(Member m, Adhesion a, String schoolYear, List<DesignatedSchool> schools) {
        publish(m.id, ADHESION_EFFECTIVE, new AdhesionEffective(m.id, a.id, m.kind, a.effectiveDate,
                new Deliberation(a.deliberationNumber, a.deliberationDate), a.charterSignedOn, a.deliberationTransmittedOn,
                a.charterTransmittedOn, schoolYear, schools));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void designationsChanged(String memberId, UUID adhesionId, String schoolYear, int revision, List<DesignatedSchool> schools) {
        publish(memberId, DESIGNATIONS_CHANGED, new DesignationsChanged(memberId, adhesionId, schoolYear, revision, schools));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void componentOptOutNotified(ComponentOptOut o, List<String> components) {
        publish(o.memberId, COMPONENT_OPT_OUT_NOTIFIED, new ComponentOptOutNotified(o.memberId, o.id, components, o.notifiedOn,
                o.effectiveFromSchoolYear));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void membershipTerminated(Adhesion a) {
        publish(a.memberId, MEMBERSHIP_TERMINATED, new MembershipTerminated(a.memberId, a.terminationId, a.terminationInitiatedBy,
                a.terminationReason, a.terminationEffectiveDate, a.agreementAttemptFailedOn));
    }

    private void publish(String memberId, String type, Object data) {
        outbox.publish(topic, memberId, type, memberId, data);
    }
}
