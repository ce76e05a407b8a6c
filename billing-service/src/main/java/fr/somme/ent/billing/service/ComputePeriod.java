package fr.somme.ent.billing.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.somme.ent.billing.domain.AuditEntry;
import fr.somme.ent.billing.domain.ComputedCall;
import fr.somme.ent.billing.domain.ContributionCall;
import fr.somme.ent.billing.domain.ContributionComputation;
import fr.somme.ent.billing.domain.Derivation;
import fr.somme.ent.billing.domain.DraftReconciliation;
import fr.somme.ent.billing.domain.DraftReconciliation.Computed;
import fr.somme.ent.billing.domain.DraftReconciliation.Plan;
import fr.somme.ent.billing.domain.DraftReconciliation.Update;
import fr.somme.ent.billing.domain.Liability;
import fr.somme.ent.billing.domain.Money;
import fr.somme.ent.billing.domain.PeriodFigures;
import fr.somme.ent.billing.repository.ContributionCallRepository;
import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.commons.rules.Rejection;

/** Computing a period (art. 4.1, 4.3, 4.4; rules 13, 16, 17, 18): a simulation at any time, the drafts after the year. */
@ApplicationScoped
public class ComputePeriod {

    /**
     * What a computation gave; the counts are 0 and nothing is stored for a simulation. {@code warnings}: what a real
     * computation would refuse (no beneficiary student for a pool above 0). {@code issuedCallsThatNoLongerMatch}: in a
     * called period, every call the figures would now change (regularise the period to correct them).
     */
    public record Result(PeriodFigures figures, boolean simulation, ContributionComputation.Result computation,
            int draftsCreated, int draftsUpdated, int draftsUnchanged, int draftsRemoved,
            List<String> issuedCallsThatNoLongerMatch) {

        public List<ComputedCall> computed() {
            return computation.calls();
        }
    }

    private final PeriodFiguresReader figures;
    private final ContributionCallRepository calls;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final Clock clock;

    public ComputePeriod(PeriodFiguresReader figures, ContributionCallRepository calls, AuditTrail audit, ObjectMapper json,
            Clock clock) {
        this.figures = figures;
        this.calls = calls;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The calls the figures give for the year, stored nowhere (possible at any time).
     *
     * @param derivations false: the amounts and the terms only, read without listing each class (issue #15: at national
     *                    scale 35,000 members, 260,000 classes); the calls' derivations are then not to be shown
     */
    @Transactional
    public Result simulate(SchoolYear year, boolean derivations) {
        PeriodFigures f = figures.read(year, derivations);
        ContributionComputation.Result computation = ContributionComputation.compute(f);
        List<String> differences = List.of();
        if (Liability.contributionsAreCalledOnlyAfterTheSchoolYearEnds(year, LocalDate.now(clock))) {
            // which issued calls the figures no longer match depends on the amounts only: no derivation is written out
            differences = DraftReconciliation.reconcile(calls.ofYear(year.name()), computation.calls().stream()
                    .map(c -> new Computed(c, "")).toList()).issuedCallsThatNoLongerMatch();
        }
        return new Result(f, true, computation, 0, 0, 0, 0, differences);
    }

    /**
     * Art. 4.4 / rule 16: after the year's end, (re)computes the drafts of the period. Idempotent: the same figures give
     * the same drafts (same ids, same amounts); an issued or paid call is never touched; a member whose call was
     * cancelled by a credit note gets a new draft (the correction). Computations of one period wait for each other.
     */
    @Transactional
    public Result computeDrafts(SchoolYear year, String reason) {
        requireEnded(year);
        calls.lockPeriod(year.name());
        PeriodFigures f = figures.read(year);
        ContributionComputation.Result computation = ContributionComputation.compute(f).refusingALoss();
        Plan plan = DraftReconciliation.reconcile(calls.ofYear(year.name()), stored(computation.calls()));
        apply(plan, year.name(), reason);
        audit.record(year.name(), null, "PERIOD_COMPUTED", reason, "created " + plan.created().size() + ", updated "
                + plan.updated().size() + ", unchanged " + plan.unchanged().size() + ", removed " + plan.removed().size());
        return new Result(f, false, computation, plan.created().size(), plan.updated().size(), plan.unchanged().size(),
                plan.removed().size(), plan.issuedCallsThatNoLongerMatch());
    }

    private void apply(Plan plan, String year, String reason) {
        List<AuditEntry> trail = new ArrayList<>();
        for (Computed c : plan.created()) {
            ContributionCall draft = ContributionCall.draft(UUID.randomUUID(), c.call().memberId(), year, c.call().kind(),
                    c.call().amountCents(), c.derivation(), clock.instant());
            calls.persist(draft);
            trail.add(audit.entry(year, draft.id(), "DRAFT_COMPUTED", reason, "amount " + draft.formattedAmount()));
        }
        for (Update u : plan.updated()) {
            String before = u.draft().formattedAmount();
            u.draft().recompute(u.figures().call().amountCents(), u.figures().derivation(), clock.instant());
            trail.add(audit.entry(year, u.draft().id(), "DRAFT_RECOMPUTED", reason,
                    "amount " + before + " -> " + Money.format(u.figures().call().amountCents())));
        }
        for (ContributionCall stale : plan.removed()) {
            calls.delete(stale);
            trail.add(audit.entry(year, stale.id(), "DRAFT_REMOVED", reason, "member no longer liable for the year"));
        }
        audit.recordAll(trail);
    }

    /** Art. 4.4 / rule 16: a period is computed for real (or regularised) only after its school year has ended. */
    void requireEnded(SchoolYear year) {
        if (!Liability.contributionsAreCalledOnlyAfterTheSchoolYearEnds(year, LocalDate.now(clock))) {
            throw Rejection.conflict("school-year-not-ended", "contributions for " + year.name()
                    + " are called after the school year ends (" + year.lastDay() + ", art. 4.4): only a simulation is possible");
        }
    }

    /** The computed calls with their derivation as stored. */
    List<Computed> stored(List<ComputedCall> computed) {
        return computed.stream().map(c -> new Computed(c, json(c.derivation()))).toList();
    }

    /** The derivation as stored: the JSON the application's mapper writes (the same text for the same figures). */
    private String json(Derivation derivation) {
        try {
            return json.writeValueAsString(derivation);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
