package fr.somme.ent.billing.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import fr.somme.ent.billing.domain.ContributionCall;
import fr.somme.ent.billing.domain.DocumentSeries;
import fr.somme.ent.billing.messaging.BillingEvents;
import fr.somme.ent.billing.domain.ContributionCallCancelled;
import fr.somme.ent.billing.repository.DocumentCounterRepository;
import fr.somme.ent.billing.service.CallQueries.CallDetails;

/**
 * Rule 18: an issued (or paid) call is corrected by a credit note "AV-<year>-NNNN" (its own gapless sequence) that
 * cancels it in full; the event {@code contribution-call-cancelled} is published, and the next computation gives the
 * member a new draft.
 */
@ApplicationScoped
public class CancelCall {

    private final DocumentCounterRepository numbers;
    private final CallAccess access;
    private final CallQueries queries;
    private final BillingEvents events;
    private final AuditTrail audit;
    private final Clock clock;

    public CancelCall(DocumentCounterRepository numbers, CallAccess access, CallQueries queries, BillingEvents events,
            AuditTrail audit, Clock clock) {
        this.numbers = numbers;
        this.access = access;
        this.queries = queries;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public CallDetails cancel(UUID id, String reason) {
        ContributionCall.requireCancellationReason(reason);
        ContributionCall call = access.lockVisible(id);
        String creditNote = numbers.next(DocumentSeries.CREDIT_NOTE, call.schoolYear());
        ContributionCallCancelled cancelled = call.cancel(creditNote, reason, LocalDate.now(clock), clock.instant());
        events.publish(cancelled);
        audit.record(call.schoolYear(), id, "CANCELLED", reason, creditNote + " " + cancelled.amount());
        return queries.details(call);
    }
}
