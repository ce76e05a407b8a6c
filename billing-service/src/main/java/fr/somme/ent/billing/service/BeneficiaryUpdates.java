package fr.somme.ent.billing.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import fr.somme.ent.billing.domain.MarketPriceInvoice;
import fr.somme.ent.billing.domain.Membership;
import fr.somme.ent.billing.messaging.IncomingEvents;
import fr.somme.ent.billing.repository.BeneficiaryRepository;
import fr.somme.ent.billing.repository.MembershipRepository;
import fr.somme.ent.commons.ids.SchoolYear;

/** What billing learns of the members and their deployments from membership and provisioning events (art. 4.1, 4.3). */
@ApplicationScoped
public class BeneficiaryUpdates {

    static final String COLLEGE = "COLLEGE";

    private final BeneficiaryRepository beneficiaries;
    private final MembershipRepository memberships;

    public BeneficiaryUpdates(BeneficiaryRepository beneficiaries, MembershipRepository memberships) {
        this.beneficiaries = beneficiaries;
        this.memberships = memberships;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncomingEvents.MemberRegistered e) {
        beneficiaries.registered(e.memberId(), e.name(), e.kind());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncomingEvents.MembershipTerminated e) {
        beneficiaries.ensureMember(e.memberId());
        memberships.changed(e.memberId(), Membership.Change.TERMINATION, e.effectiveDate());
    }

    /** Art. 3, 6: a membership opens with each adhesion that takes effect (also after a termination). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncomingEvents.AdhesionEffective e) {
        beneficiaries.ensureMember(e.memberId());
        memberships.changed(e.memberId(), Membership.Change.ADHESION, e.effectiveDate());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncomingEvents.ComponentOptOutNotified e) {
        int from = SchoolYear.parse(e.effectiveFromSchoolYear()).startYear();
        for (String component : e.components()) {
            beneficiaries.optedOut(e.memberId(), component, from);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncomingEvents.AccessStarted e) {
        SchoolYear.parse(e.schoolYear());
        beneficiaries.ensureMember(e.memberId());
        beneficiaries.accessStarted(e.projectId(), e.memberId(), e.schoolYear(), e.schoolUai(), e.classLabel(), e.schoolLevel(),
                e.students(), e.accessStartDate());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncomingEvents.AccessEnded e) {
        beneficiaries.accessEnded(e.projectId(), e.schoolYear(), e.accessEndDate());
    }

    /** Art. 4.3: only the collèges' accounts are re-invoiced; the écoles' are in the pro-rata. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(String eventId, IncomingEvents.AccountsProvisioned e) {
        if (COLLEGE.equals(e.schoolLevel())) {
            usage(eventId, e.memberId(), e.schoolYear(), MarketPriceInvoice.ACCOUNTS, e.teacherAccounts() + e.studentAccounts());
        }
    }

    /** Art. 4.3: the quantity counts; the price is finance's price list, not the event's {@code unitPrice}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(String eventId, IncomingEvents.LicencesAssigned e) {
        if (COLLEGE.equals(e.schoolLevel())) {
            usage(eventId, e.memberId(), e.schoolYear(), "LICENCE:" + e.resourceCode(), e.quantity());
        }
    }

    private void usage(String eventId, String memberId, String schoolYear, String component, int quantity) {
        SchoolYear.parse(schoolYear);
        beneficiaries.ensureMember(memberId);
        beneficiaries.collegeUsage(eventId, memberId, schoolYear, component, quantity);
    }
}
