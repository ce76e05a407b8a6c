package fr.somme.ent.billing.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import fr.somme.ent.billing.domain.ContributionCall;
import fr.somme.ent.billing.domain.DocumentSeries;
import fr.somme.ent.billing.messaging.BillingEvents;
import fr.somme.ent.billing.domain.ContributionCallIssued;
import fr.somme.ent.billing.repository.ContributionCallRepository;
import fr.somme.ent.billing.repository.DocumentCounterRepository;
import fr.somme.ent.billing.service.CallQueries.CallDetails;
import fr.somme.ent.commons.ids.SchoolYear;

/**
 * Rule 18: draft → issued. The number is the next of the year's gapless sequence "AC-<year>-NNNN"; its counter stays
 * locked until the transaction commits, so concurrent issues wait for each other, and a refused or rolled-back issue
 * gives its number back. An issued call never changes; the event {@code contribution-call-issued} is published.
 */
@ApplicationScoped
public class IssueCalls {

    private final ContributionCallRepository calls;
    private final DocumentCounterRepository numbers;
    private final CallAccess access;
    private final CallQueries queries;
    private final BillingEvents events;
    private final AuditTrail audit;
    private final Clock clock;

    public IssueCalls(ContributionCallRepository calls, DocumentCounterRepository numbers, CallAccess access,
            CallQueries queries, BillingEvents events, AuditTrail audit, Clock clock) {
        this.calls = calls;
        this.numbers = numbers;
        this.access = access;
        this.queries = queries;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public CallDetails issue(UUID id, String reason) {
        return issue(access.lockVisible(id), reason);
    }

    /** Issues every draft of the year, in SIREN order. */
    @Transactional
    public List<CallDetails> issueAll(SchoolYear year, String reason) {
        return calls.draftsToIssue(year.name()).stream().map(call -> issue(call, reason)).toList();
    }

    private CallDetails issue(ContributionCall call, String reason) {
        String number = numbers.next(DocumentSeries.CALL, call.schoolYear());
        ContributionCallIssued issued = call.issue(number, LocalDate.now(clock), clock.instant());
        events.publish(issued);
        audit.record(call.schoolYear(), call.id(), "ISSUED", reason, number + " " + issued.amount());
        return queries.details(call);
    }
}
