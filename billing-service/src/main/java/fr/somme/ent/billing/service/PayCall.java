package fr.somme.ent.billing.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import fr.somme.ent.billing.domain.ContributionCall;
import fr.somme.ent.billing.messaging.BillingEvents;
import fr.somme.ent.billing.service.CallQueries.CallDetails;

/** Records the payment of an issued call (once; event {@code contribution-call-paid}); the date defaults to today. */
@ApplicationScoped
public class PayCall {

    private final CallAccess access;
    private final CallQueries queries;
    private final AuditTrail audit;
    private final BillingEvents events;
    private final Clock clock;

    public PayCall(CallAccess access, CallQueries queries, AuditTrail audit, BillingEvents events, Clock clock) {
        this.access = access;
        this.events = events;
        this.queries = queries;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public CallDetails markPaid(UUID id, LocalDate paidOn, String reason) {
        ContributionCall call = access.lockVisible(id);
        LocalDate date = paidOn == null ? LocalDate.now(clock) : paidOn;
        events.publish(call.markPaid(date, clock.instant()));
        audit.record(call.schoolYear(), id, "PAID", reason, "paid on " + date);
        return queries.details(call);
    }
}
