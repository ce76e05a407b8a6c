package fr.somme.ent.provisioning.service;

import java.math.BigDecimal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import fr.somme.ent.provisioning.messaging.BillingEvents.CallCancelled;
import fr.somme.ent.provisioning.messaging.BillingEvents.CallIssued;
import fr.somme.ent.provisioning.messaging.BillingEvents.CallPaid;
import fr.somme.ent.provisioning.repository.ContributionCallRepository;
import fr.somme.ent.provisioning.repository.ContributionCallRepository.Call;

/** The contribution calls billing-service publishes, kept for the bilans (art. 5); each apply is an upsert. */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class ContributionCalls {

    private final ContributionCallRepository calls;

    public ContributionCalls(ContributionCallRepository calls) {
        this.calls = calls;
    }

    public void issued(CallIssued c) {
        calls.issued(new Call(c.callId(), c.memberId(), c.number(), c.schoolYear(), c.kind(), new BigDecimal(c.amount())),
                c.issuedOn());
    }

    public void paid(CallPaid c) {
        calls.paid(new Call(c.callId(), c.memberId(), c.number(), c.schoolYear(), c.kind(), new BigDecimal(c.amount())),
                c.paidOn());
    }

    public void cancelled(CallCancelled c) {
        calls.cancelled(c.callId(), c.memberId(), c.cancelledOn());
    }
}
