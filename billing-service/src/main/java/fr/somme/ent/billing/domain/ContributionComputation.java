package fr.somme.ent.billing.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.somme.ent.billing.domain.Derivation.CollegesMarketPrice;
import fr.somme.ent.billing.domain.Derivation.EcolesProRata;
import fr.somme.ent.billing.domain.PeriodFigures.CollegeUsage;
import fr.somme.ent.billing.domain.ProRataAllocation.Beneficiary;
import fr.somme.ent.billing.domain.ProRataAllocation.Share;
import fr.somme.ent.commons.rules.Rejection;

/**
 * The calls the figures of a school year give (art. 4.1, 4.3, 4.4; rules 13, 17, 18), computed without touching
 * storage: the collèges at market prices first, then the écoles' pro-rata of what is left of the net charges (the
 * écoles' pool) among the liable members. Calls of 0.00 € are not made.
 */
public final class ContributionComputation {

    public static final String NO_BENEFICIARY_STUDENTS = "no-beneficiary-students";

    /** The calls, the three terms of the écoles' pool, the total of beneficiary students, and what would be lost. */
    public record Result(List<ComputedCall> calls, long collegesInvoicedCents, long ecolesPoolCents, long totalStudents,
            List<String> warnings) {

        /** Rule 18, no silent loss: a pool above 0 with no beneficiary student to share it refuses the computation. */
        public Result refusingALoss() {
            if (!warnings.isEmpty()) {
                throw Rejection.ruleNotSatisfied(NO_BENEFICIARY_STUDENTS, warnings.get(0));
            }
            return this;
        }
    }

    private ContributionComputation() {
    }

    public static List<ComputedCall> callsOf(PeriodFigures figures) {
        return compute(figures).calls();
    }

    public static Result compute(PeriodFigures figures) {
        List<ComputedCall> colleges = figures.colleges().stream().map(c -> colleges(figures, c)).toList();
        long collegesCents = colleges.stream().mapToLong(ComputedCall::amountCents).sum();
        long pool = ProRataAllocation.ecolesPoolIsNetChargesMinusCollegesInvoiced(figures.netChargesCents(), collegesCents);
        List<MemberYear> liable = figures.liableMembers();
        List<ComputedCall> ecoles = ecoles(figures, liable, collegesCents, pool);
        long students = liable.stream().mapToLong(MemberYear::beneficiaryStudents).sum();
        List<String> warnings = new ArrayList<>();
        if (pool > 0 && students == 0) {
            warnings.add("the écoles' pool of " + figures.year().name() + " is " + Money.format(pool)
                    + " but no liable member has a beneficiary student: nothing to share it in proportion to (art. 4.1)");
        }
        List<ComputedCall> calls = new ArrayList<>(ecoles);
        calls.addAll(colleges);
        return new Result(calls.stream().filter(c -> c.amountCents() > 0).toList(), collegesCents, pool, students,
                List.copyOf(warnings));
    }

    /** The liable members' shares of the pool, in SIREN order (liability is decided once, by the caller). */
    private static List<ComputedCall> ecoles(PeriodFigures figures, List<MemberYear> liableMembers, long collegesCents,
            long pool) {
        Map<String, MemberYear> liable = liableMembers.stream()
                .collect(Collectors.toMap(MemberYear::memberId, Function.identity()));
        List<Beneficiary> beneficiaries = liableMembers.stream()
                .map(m -> new Beneficiary(m.memberId(), m.beneficiaryStudents())).toList();
        // the same for every member: formatted once (35,000 members at national scale, issue #15)
        String paid = Money.format(figures.paidExpensesCents());
        String feder = Money.format(figures.federCents());
        String net = Money.format(figures.netChargesCents());
        String colleges = Money.format(collegesCents);
        String ecolesPool = Money.format(pool);
        String year = figures.year().name();
        List<ComputedCall> calls = new ArrayList<>();
        for (Share s : ProRataAllocation.sharesRoundedByLargestRemainderTiesToSmallerSiren(pool, beneficiaries)) {
            MemberYear m = liable.get(s.memberId());
            LocalDate terminatedOn = m.terminatedOn(figures.year());
            EcolesProRata d = new EcolesProRata(EcolesProRata.RULE, paid, feder, net, colleges, ecolesPool, s.students(),
                    s.totalStudents(), s.exactShare().toPlainString(), Money.format(s.floorCents()),
                    Money.format(s.adjustmentCents()), Money.format(s.shareCents()), String.valueOf(m.firstAccessStart()),
                    terminatedOn == null ? null : terminatedOn.toString(), m.classes());
            calls.add(new ComputedCall(s.memberId(), year, CallKind.ECOLES_PRO_RATA, s.shareCents(), d));
        }
        return calls;
    }

    /** Art. 4.3, rule 17: a billed component without a price refuses the whole computation. */
    private static ComputedCall colleges(PeriodFigures figures, CollegeUsage college) {
        List<MarketPriceInvoice.Line> lines;
        try {
            lines = MarketPriceInvoice.linesAtMarketPricesWithoutOptedOutComponents(college.usage(), figures.prices(),
                    college.optedOut());
        } catch (MarketPriceInvoice.MissingPriceException e) {
            throw Rejection.ruleNotSatisfied("missing-price", e.getMessage());
        }
        long total = lines.stream().mapToLong(MarketPriceInvoice.Line::amountCents).sum();
        CollegesMarketPrice d = new CollegesMarketPrice(CollegesMarketPrice.RULE,
                college.optedOut().stream().sorted().toList(),
                lines.stream().map(l -> new Derivation.Line(l.component(), l.label(), l.quantity(),
                        Money.format(l.unitPriceCents()), Money.format(l.amountCents()), l.source())).toList(),
                Money.format(total));
        return new ComputedCall(college.memberId(), figures.year().name(), CallKind.COLLEGES_MARKET_PRICE, total, d);
    }

    /** The total of beneficiary students of the écoles' allocation (0 when no école call was computed). */
    public static long totalStudents(List<ComputedCall> calls) {
        return calls.stream().map(ComputedCall::derivation).filter(EcolesProRata.class::isInstance)
                .mapToLong(d -> ((EcolesProRata) d).totalStudents()).findFirst().orElse(0);
    }
}
