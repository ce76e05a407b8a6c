package fr.somme.ent.billing.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import fr.somme.ent.billing.domain.BeneficiaryStudents.ClassAccess;
import fr.somme.ent.billing.domain.DraftReconciliation.Computed;
import fr.somme.ent.billing.domain.DraftReconciliation.Update;
import fr.somme.ent.billing.domain.MarketPriceInvoice.PriceList;
import fr.somme.ent.billing.domain.MarketPriceInvoice.Usage;
import fr.somme.ent.billing.domain.PeriodFigures.CollegeUsage;
import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.commons.rules.Rejection;

/**
 * One period of billing in memory, driven by the domain exactly as the use cases drive it (ComputePeriod, IssueCalls,
 * RegularisePeriod): access events, budget entries, collège usage, computation and issuance, regularisation.
 */
final class PeriodSimulation {

    static final SchoolYear Y = SchoolYear.parse("2026-2027");
    static final LocalDate TODAY = LocalDate.of(2027, 9, 15);
    static final Instant AT = Instant.parse("2027-09-15T08:00:00Z");
    static final List<String> MEMBERS = List.of("218000115", "218000123", "218000131", "218000149");
    static final String DEPARTEMENT = "228000014";
    static final PriceList PRICES = new PriceList(150L, 425L, Map.of());

    final Map<String, List<ClassAccess>> classes = new TreeMap<>();
    final List<ContributionCall> calls = new ArrayList<>();
    long paidCents;
    long federCents;
    long collegeAccounts;
    int callNumbers;
    int creditNotes;
    /** The écoles' pool the live calls were issued with (null while the period is not called). */
    Long poolAtIssue;

    boolean called() {
        return calls.stream().anyMatch(c -> c.status() != CallStatus.DRAFT);
    }

    void accessStarted(int member, long students, boolean endedDuringTheYear) {
        classes.computeIfAbsent(MEMBERS.get(member), k -> new ArrayList<>()).add(new ClassAccess(UUID.randomUUID(),
                "0800091P", "CM2", students, Y.firstDay(), endedDuringTheYear ? LocalDate.of(2027, 2, 1) : null));
    }

    /** A corrected count: the member's first class gets a new count (a new access-started of the same project). */
    void recount(int member, long students) {
        List<ClassAccess> cs = classes.get(MEMBERS.get(member));
        if (cs != null) {
            ClassAccess c = cs.get(0);
            cs.set(0, new ClassAccess(c.projectId(), c.schoolUai(), c.classLabel(), students, c.accessStart(), c.accessEnd()));
        }
    }

    /** Budget entries are refused once the period is called (period-closed). */
    void expense(long cents) {
        if (!called()) {
            paidCents += cents;
        }
    }

    void feder(long cents) {
        if (!called()) {
            federCents += cents;
        }
    }

    void collegeAccounts(long accounts) {
        collegeAccounts = accounts;
    }

    PeriodFigures figures() {
        List<MemberYear> members = classes.entrySet().stream().map(e -> new MemberYear(e.getKey(), null, Y.firstDay(),
                Membership.AS_FAR_AS_KNOWN, BeneficiaryStudents.studentsOfClassesWithEffectiveAccessDuringTheYear(
                        e.getValue(), Y), List.copyOf(e.getValue()))).toList();
        List<CollegeUsage> colleges = collegeAccounts == 0 ? List.of()
                : List.of(new CollegeUsage(DEPARTEMENT, new Usage(collegeAccounts, collegeAccounts, Map.of()), java.util.Set.of()));
        return new PeriodFigures(Y, paidCents, federCents, members, colleges, PRICES);
    }

    /** The computation as the service runs it; null when it is refused (no-beneficiary-students), nothing changes then. */
    ContributionComputation.Result computation() {
        try {
            return ContributionComputation.compute(figures()).refusingALoss();
        } catch (Rejection refused) {
            return null;
        }
    }

    static List<Computed> stored(List<ComputedCall> computed) {
        return computed.stream().map(c -> new Computed(c, c.derivation().toString())).toList();
    }

    /** POST computation then POST issuance. */
    void computeAndIssue() {
        ContributionComputation.Result r = computation();
        if (r == null) {
            return;
        }
        boolean wasCalled = called();
        DraftReconciliation.Plan plan = DraftReconciliation.reconcile(List.copyOf(calls), stored(r.calls()));
        for (Computed c : plan.created()) {
            calls.add(ContributionCall.draft(UUID.randomUUID(), c.call().memberId(), Y.name(), c.call().kind(),
                    c.call().amountCents(), c.derivation(), AT));
        }
        for (Update u : plan.updated()) {
            u.draft().recompute(u.figures().call().amountCents(), u.figures().derivation(), AT);
        }
        calls.removeAll(plan.removed());
        List<ContributionCall> drafts = calls.stream().filter(c -> c.status() == CallStatus.DRAFT).toList();
        drafts.forEach(c -> c.issue("AC-" + Y.name() + "-" + (++callNumbers), TODAY, AT));
        if (!wasCalled && called() || wasCalled && !drafts.isEmpty()) {
            poolAtIssue = r.ecolesPoolCents();
        }
    }

    /** POST regularisation (refused before the period is called, or when the computation is refused). */
    void regularise() {
        ContributionComputation.Result r = computation();
        if (r == null || !called()) {
            return;
        }
        PeriodRegularisation.Plan plan = PeriodRegularisation.plan(List.copyOf(calls), stored(r.calls()));
        PeriodRegularisation.Outcome outcome = PeriodRegularisation.issue(plan, "régularisation", TODAY, AT,
                new PeriodRegularisation.Numbers() {
                    @Override
                    public String nextCall() {
                        return "AC-" + Y.name() + "-" + (++callNumbers);
                    }

                    @Override
                    public String nextCreditNote() {
                        return "AV-" + Y.name() + "-" + (++creditNotes);
                    }
                }, UUID::randomUUID, () -> { });
        outcome.replaced().stream().filter(x -> x.successor() != null).forEach(x -> calls.add(x.successor()));
        outcome.added().forEach(a -> calls.add(a.call()));
        poolAtIssue = r.ecolesPoolCents();
    }

    List<ContributionCall> live() {
        return calls.stream().filter(c -> c.status().isLive()).toList();
    }

    long liveEcolesCents() {
        return live().stream().filter(c -> c.kind() == CallKind.ECOLES_PRO_RATA).mapToLong(ContributionCall::amountCents)
                .sum();
    }

    /** What each issued call looked like: amount, number, issue date, derivation (never change once issued). */
    Map<UUID, String> issuedFacts() {
        Map<UUID, String> facts = new HashMap<>();
        calls.stream().filter(c -> c.status() != CallStatus.DRAFT).forEach(c -> facts.put(c.id(),
                c.amountCents() + "|" + c.number() + "|" + c.issuedOn() + "|" + c.derivation() + "|" + c.memberId()));
        return facts;
    }
}
