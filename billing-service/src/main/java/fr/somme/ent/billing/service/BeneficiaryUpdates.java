package fr.somme.ent.billing.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import fr.somme.ent.billing.domain.MarketPriceInvoice;
import fr.somme.ent.billing.domain.Membership;
import fr.somme.ent.billing.messaging.IncomingEvents;
import fr.somme.ent.billing.repository.BeneficiaryRepository;
import fr.somme.ent.billing.repository.MembershipRepository;
import fr.somme.ent.billing.repository.StatementBatch;
import fr.somme.ent.commons.ids.SchoolYear;

/**
 * What billing learns of the members and their deployments from membership and provisioning events (art. 4.1, 4.3).
 * Each event adds its writes to the transaction's {@link StatementBatch}, in the order of the events.
 */
@ApplicationScoped
public class BeneficiaryUpdates {

    static final String COLLEGE = "COLLEGE";

    private final BeneficiaryRepository beneficiaries;
    private final MembershipRepository memberships;

    public BeneficiaryUpdates(BeneficiaryRepository beneficiaries, MembershipRepository memberships) {
        this.beneficiaries = beneficiaries;
        this.memberships = memberships;
    }

    /** The writes of one transaction; flushed by the caller before it commits. */
    public StatementBatch writes() {
        return beneficiaries.writes();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(StatementBatch into, IncomingEvents.MemberRegistered e) {
        beneficiaries.registered(into, e.memberId(), e.name(), e.kind());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(StatementBatch into, IncomingEvents.MembershipTerminated e) {
        beneficiaries.ensureMember(into, e.memberId());
        memberships.changed(into, e.memberId(), Membership.Change.TERMINATION, e.effectiveDate());
    }

    /** Art. 3, 6: a membership opens with each adhesion that takes effect (also after a termination). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(StatementBatch into, IncomingEvents.AdhesionEffective e) {
        beneficiaries.ensureMember(into, e.memberId());
        memberships.changed(into, e.memberId(), Membership.Change.ADHESION, e.effectiveDate());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(StatementBatch into, IncomingEvents.ComponentOptOutNotified e) {
        int from = SchoolYear.parse(e.effectiveFromSchoolYear()).startYear();
        for (String component : e.components()) {
            beneficiaries.optedOut(into, e.memberId(), component, from);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(StatementBatch into, IncomingEvents.AccessStarted e) {
        SchoolYear.parse(e.schoolYear());
        beneficiaries.ensureMember(into, e.memberId());
        beneficiaries.accessStarted(into, e.projectId(), e.memberId(), e.schoolYear(), e.schoolUai(), e.classLabel(), e.schoolLevel(),
                e.students(), e.accessStartDate());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(StatementBatch into, IncomingEvents.AccessEnded e) {
        beneficiaries.accessEnded(into, e.projectId(), e.schoolYear(), e.accessEndDate());
    }

    /** Art. 4.3: only the collèges' accounts are re-invoiced; the écoles' are in the pro-rata. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(StatementBatch into, String eventId, IncomingEvents.AccountsProvisioned e) {
        if (COLLEGE.equals(e.schoolLevel())) {
            usage(into, eventId, e.memberId(), e.schoolYear(), MarketPriceInvoice.ACCOUNTS, e.teacherAccounts() + e.studentAccounts());
        }
    }

    /** Art. 4.3: the quantity counts; the price is finance's price list, not the event's {@code unitPrice}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(StatementBatch into, String eventId, IncomingEvents.LicencesAssigned e) {
        if (COLLEGE.equals(e.schoolLevel())) {
            usage(into, eventId, e.memberId(), e.schoolYear(), "LICENCE:" + e.resourceCode(), e.quantity());
        }
    }

    private void usage(StatementBatch into, String eventId, String memberId, String schoolYear, String component, int quantity) {
        SchoolYear.parse(schoolYear);
        beneficiaries.ensureMember(into, memberId);
        beneficiaries.collegeUsage(into, eventId, memberId, schoolYear, component, quantity);
    }
}
