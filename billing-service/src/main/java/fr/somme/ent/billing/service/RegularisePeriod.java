package fr.somme.ent.billing.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import fr.somme.ent.billing.domain.ContributionCall;
import fr.somme.ent.billing.domain.ContributionComputation;
import fr.somme.ent.billing.domain.DocumentSeries;
import fr.somme.ent.billing.domain.DraftReconciliation.Update;
import fr.somme.ent.billing.domain.Money;
import fr.somme.ent.billing.domain.PeriodRegularisation;
import fr.somme.ent.billing.domain.PeriodRegularisation.Added;
import fr.somme.ent.billing.domain.PeriodRegularisation.Outcome;
import fr.somme.ent.billing.domain.PeriodRegularisation.Plan;
import fr.somme.ent.billing.domain.PeriodRegularisation.Replaced;
import fr.somme.ent.billing.messaging.BillingEvents;
import fr.somme.ent.billing.repository.ContributionCallRepository;
import fr.somme.ent.billing.repository.DocumentCounterRepository;
import fr.somme.ent.commons.ids.SchoolYear;

/**
 * Rule 18, art. 4.4: regularises a called period in one command with one reason (see {@link PeriodRegularisation}):
 * each issued call whose amount the figures now change is cancelled by a credit note and re-issued under a new number,
 * the others stay untouched; the audit trail links the old call and the new one; events cancelled and issued follow.
 */
@ApplicationScoped
public class RegularisePeriod {

    /** What the regularisation did: the replaced calls (old → new, new null when nothing is owed), the calls added. */
    public record Result(String schoolYear, String reason, List<Replaced> replaced, List<Added> added, int untouched,
            int draftsUpdated, int draftsRemoved) {
    }

    private final ComputePeriod computing;
    private final PeriodFiguresReader figures;
    private final ContributionCallRepository calls;
    private final DocumentCounterRepository numbers;
    private final BillingEvents events;
    private final AuditTrail audit;
    private final Clock clock;

    public RegularisePeriod(ComputePeriod computing, PeriodFiguresReader figures, ContributionCallRepository calls,
            DocumentCounterRepository numbers, BillingEvents events, AuditTrail audit, Clock clock) {
        this.computing = computing;
        this.figures = figures;
        this.calls = calls;
        this.numbers = numbers;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Result regularise(SchoolYear year, String reason) {
        PeriodRegularisation.requireReason(reason);
        computing.requireEnded(year);
        calls.lockPeriod(year.name());
        List<ContributionCall> existing = calls.ofYear(year.name());
        PeriodRegularisation.requireCalled(existing, year.name());
        ContributionComputation.Result computation = ContributionComputation.compute(figures.read(year)).refusingALoss();
        Plan plan = PeriodRegularisation.plan(existing, computing.stored(computation.calls()));
        String name = year.name();
        Outcome outcome = PeriodRegularisation.issue(plan, reason, LocalDate.now(clock), clock.instant(),
                new PeriodRegularisation.Numbers() {
                    @Override
                    public String nextCall() {
                        return numbers.next(DocumentSeries.CALL, name);
                    }

                    @Override
                    public String nextCreditNote() {
                        return numbers.next(DocumentSeries.CREDIT_NOTE, name);
                    }
                }, UUID::randomUUID, calls::flush);
        record(outcome, name, reason);
        drafts(plan, name, reason);
        audit.record(name, null, "PERIOD_REGULARISED", reason, "replaced " + outcome.replaced().size() + ", added "
                + outcome.added().size() + ", untouched " + plan.untouched().size() + ", pool "
                + Money.format(computation.ecolesPoolCents()));
        return new Result(name, reason, outcome.replaced(), outcome.added(), plan.untouched().size(),
                plan.draftsUpdated().size(), plan.draftsRemoved().size());
    }

    private void record(Outcome outcome, String year, String reason) {
        for (Replaced r : outcome.replaced()) {
            events.publish(r.cancellation());
            ContributionCall old = r.cancelled();
            if (r.successor() == null) {
                audit.record(year, old.id(), "CANCELLED", reason, old.creditNoteNumber() + " " + old.formattedAmount()
                        + " (regularisation: nothing owed any more)");
                continue;
            }
            ContributionCall successor = r.successor();
            calls.persist(successor);
            events.publish(r.issue());
            audit.record(year, old.id(), "CANCELLED", reason, old.creditNoteNumber() + " " + old.formattedAmount()
                    + " (regularisation: replaced by " + successor.number() + ", call " + successor.id() + ")");
            audit.record(year, successor.id(), "ISSUED", reason, successor.number() + " " + successor.formattedAmount()
                    + " (regularisation: replaces " + old.number() + ", call " + old.id() + ")");
        }
        for (Added a : outcome.added()) {
            calls.persist(a.call());
            events.publish(a.issue());
            audit.record(year, a.call().id(), "ISSUED", reason, a.call().number() + " " + a.call().formattedAmount()
                    + " (regularisation: called for the first time)");
        }
    }

    private void drafts(Plan plan, String year, String reason) {
        for (Update u : plan.draftsUpdated()) {
            String before = u.draft().formattedAmount();
            u.draft().recompute(u.figures().call().amountCents(), u.figures().derivation(), clock.instant());
            audit.record(year, u.draft().id(), "DRAFT_RECOMPUTED", reason,
                    "amount " + before + " -> " + Money.format(u.figures().call().amountCents()));
        }
        for (ContributionCall stale : plan.draftsRemoved()) {
            calls.delete(stale);
            audit.record(year, stale.id(), "DRAFT_REMOVED", reason, "member no longer liable for the year");
        }
    }
}
