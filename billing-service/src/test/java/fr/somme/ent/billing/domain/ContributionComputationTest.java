package fr.somme.ent.billing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.somme.ent.billing.domain.BeneficiaryStudents.ClassAccess;
import fr.somme.ent.billing.domain.Derivation.EcolesProRata;
import fr.somme.ent.billing.domain.MarketPriceInvoice.PriceList;
import fr.somme.ent.billing.domain.MarketPriceInvoice.Usage;
import fr.somme.ent.billing.domain.PeriodFigures.CollegeUsage;
import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.commons.rules.Rejection;

/** Art. 4.1, 4.3, 4.4 (rules 13, 17, 18): the calls the figures of a year give, before anything is stored. */
class ContributionComputationTest {

    static final SchoolYear Y = SchoolYear.parse("2016-2017");
    static final PriceList PRICES = new PriceList(150L, 425L, Map.of("ATLAS", 120L));

    /** A member with one école class of the year (access from 1 September 2016), terminated on the date given, if any. */
    static MemberYear member(String id, long students, LocalDate terminatedOn) {
        Membership membership = terminatedOn == null ? Membership.AS_FAR_AS_KNOWN
                : Membership.of(List.of(new Membership.Event(Membership.Change.TERMINATION, terminatedOn)));
        return new MemberYear(id, null, LocalDate.of(2016, 9, 1), membership, students, List.of(new ClassAccess(
                UUID.nameUUIDFromBytes(id.getBytes()), "0800091P", "CM1", students, LocalDate.of(2016, 9, 1), null)));
    }

    /*
     * 100.00 € net; 218000115 (30 students) pays it all: 218000503 has 70 students of the year but was terminated with
     * effect 2016-08-31, before the year began, so it pays nothing and its students are not in the total.
     */
    @Test
    void aMemberTerminatedBeforeTheYearBeganIsNotCalledAndItsStudentsDoNotCount() {
        PeriodFigures figures = new PeriodFigures(Y, 10_000, 0, List.of(member("218000115", 30, null),
                member("218000503", 70, LocalDate.of(2016, 8, 31))), List.of(), PRICES);
        assertEquals(List.of("218000115"), figures.liableMembers().stream().map(MemberYear::memberId).toList());
        List<ComputedCall> calls = ContributionComputation.callsOf(figures);
        assertEquals(1, calls.size());
        assertEquals(10_000, calls.get(0).amountCents());
        assertEquals(30, ContributionComputation.totalStudents(calls));
        EcolesProRata d = (EcolesProRata) calls.get(0).derivation();
        assertEquals(30, d.totalStudents());
        assertEquals("100.000000", d.exactShare());
        assertEquals("2016-09-01", d.firstAccessStart());
        assertEquals(null, d.terminatedOn());
    }

    /* Terminated on 1 September itself, the year's first day: liable for the whole year (its final contribution). */
    @Test
    void aMemberTerminatedOnTheFirstDayOfTheYearPaysItsFullShare() {
        PeriodFigures figures = new PeriodFigures(Y, 10_000, 0, List.of(member("218000115", 30, null),
                member("218000503", 70, LocalDate.of(2016, 9, 1))), List.of(), PRICES);
        List<ComputedCall> calls = ContributionComputation.callsOf(figures);
        assertEquals(List.of(3_000L, 7_000L), calls.stream().map(ComputedCall::amountCents).toList());
        assertEquals("2016-09-01", ((EcolesProRata) calls.get(1).derivation()).terminatedOn());
    }

    /* Calls of 0.00 € are not made: no student, no net charges (FEDER above expenses), or everything opted out. */
    @Test
    void callsOfZeroAreNotMade() {
        assertEquals(List.of(), ContributionComputation.callsOf(new PeriodFigures(Y, 10_000, 0,
                List.of(member("218000115", 0, null)), List.of(), PRICES)));
        assertEquals(List.of(), ContributionComputation.callsOf(new PeriodFigures(Y, 10_000, 25_000,
                List.of(member("218000115", 30, null)), List.of(), PRICES)));
        CollegeUsage allOptedOut = new CollegeUsage("228000014", new Usage(10, 10, Map.of("ATLAS", 5L)),
                Set.of(MarketPriceInvoice.ACCOUNTS, "ATLAS"));
        assertEquals(List.of(), ContributionComputation.callsOf(new PeriodFigures(Y, 0, 0, List.of(), List.of(allOptedOut),
                PRICES)));
        assertEquals(0, ContributionComputation.totalStudents(List.of()));
        // one cent is still called
        List<ComputedCall> oneCent = ContributionComputation.callsOf(new PeriodFigures(Y, 1, 0,
                List.of(member("218000115", 30, null)), List.of(), PRICES));
        assertEquals(List.of(1L), oneCent.stream().map(ComputedCall::amountCents).toList());
    }

    /* The écoles' calls and the collèges' call side by side: 2 × 1.50 + 2 × 4.25 + 5 × 1.20 = 17.50 € for the Département. */
    @Test
    void collegesAreCalledAtMarketPricesNextToTheEcoles() {
        CollegeUsage dep = new CollegeUsage("228000014", new Usage(2, 2, Map.of("ATLAS", 5L)), Set.of());
        List<ComputedCall> calls = ContributionComputation.callsOf(new PeriodFigures(Y, 5_000, 0,
                List.of(member("218000115", 12, null)), List.of(dep), PRICES));
        assertEquals(List.of(CallKind.ECOLES_PRO_RATA, CallKind.COLLEGES_MARKET_PRICE),
                calls.stream().map(ComputedCall::kind).toList());
        assertEquals(List.of(3_250L, 1_750L), calls.stream().map(ComputedCall::amountCents).toList(),
                "the écoles share what is left once the Département is invoiced for the collèges");
        assertEquals("2016-2017", calls.get(1).schoolYear());
        assertEquals(12, ContributionComputation.totalStudents(calls));
        assertEquals("17.50", ((Derivation.CollegesMarketPrice) calls.get(1).derivation()).total());
    }

    @Test
    void aBilledCollegeComponentWithoutPriceRefusesTheComputation() {
        CollegeUsage dep = new CollegeUsage("228000014", new Usage(0, 0, Map.of("MANUEL-MATHS", 5L)), Set.of());
        Rejection r = assertThrows(Rejection.class, () -> ContributionComputation.callsOf(new PeriodFigures(Y, 0, 0,
                List.of(), List.of(dep), PRICES)));
        assertEquals("missing-price", r.slug());
        assertEquals(Rejection.Kind.RULE_NOT_SATISFIED, r.kind());
    }

    /*
     * Estimate (no anchor in the charter): 900.00 € net, 30 liable students, a prospect with 10: 900 × 10 / 40 = 225.00 €.
     * A terminated member's students are not liable students. Half-up: 0.05 € × 1 / 2 = 0.025 → 0.03 €.
     */
    @Test
    void anEstimateSharesTheYearsNetChargesWithTheLiableMembers() {
        PeriodFigures figures = new PeriodFigures(Y, 90_000, 0, List.of(member("218000115", 30, null),
                member("218000503", 70, LocalDate.of(2016, 8, 31))), List.of(), PRICES);
        ContributionEstimate e = ContributionEstimate.of(figures, 10);
        assertEquals(new ContributionEstimate(Y, 10, 90_000, 30, new BigDecimal("225.000000"), 22_500), e);
        ContributionEstimate half = ContributionEstimate.of(new PeriodFigures(Y, 5, 0, List.of(member("218000115", 1, null)),
                List.of(), PRICES), 1);
        assertEquals(3, half.contributionCents());
        assertEquals(new BigDecimal("0.025000"), half.exactShare());
        ContributionEstimate nobody = ContributionEstimate.of(new PeriodFigures(Y, 5, 0, List.of(), List.of(), PRICES), 0);
        assertEquals(0, nobody.contributionCents());
        assertEquals(new BigDecimal("0.000000"), nobody.exactShare());
    }

    /*
     * Art. 4.3, issue #13: the collèges are not paid twice. 100.00 € paid − 20.00 € FEDER = 80.00 € net; the Département
     * is invoiced 17.50 € at market prices: the écoles' pool is 62.50 €, shared 1:3 → 15.63 + 46.87 (equal remainders: the cent to the smaller SIREN).
     */
    @Test
    void ecolesPoolIsNetChargesMinusCollegesInvoiced() {
        CollegeUsage dep = new CollegeUsage("228000014", new Usage(2, 2, Map.of("ATLAS", 5L)), Set.of());
        ContributionComputation.Result r = ContributionComputation.compute(new PeriodFigures(Y, 10_000, 2_000,
                List.of(member("218000115", 10, null), member("218000123", 30, null)), List.of(dep), PRICES));
        assertEquals(1_750, r.collegesInvoicedCents());
        assertEquals(6_250, r.ecolesPoolCents());
        assertEquals(40, r.totalStudents());
        assertEquals(List.of(1_563L, 4_687L, 1_750L), r.calls().stream().map(ComputedCall::amountCents).toList());
        EcolesProRata d = (EcolesProRata) r.calls().get(0).derivation();
        assertEquals(List.of("100.00", "20.00", "80.00", "17.50", "62.50"),
                List.of(d.paidExpenses(), d.feder(), d.netCharges(), d.collegesInvoiced(), d.ecolesPool()));
        // never below 0: collèges invoiced above the net charges leave nothing to the écoles
        assertEquals(0, ProRataAllocation.ecolesPoolIsNetChargesMinusCollegesInvoiced(1_000, 1_750));
        assertEquals(0, ProRataAllocation.ecolesPoolIsNetChargesMinusCollegesInvoiced(1_750, 1_750));
        assertEquals(1, ProRataAllocation.ecolesPoolIsNetChargesMinusCollegesInvoiced(1_751, 1_750));
    }

    /* Issue #13, no silent loss: a pool above 0 with no beneficiary student refuses the computation (422). */
    @Test
    void aPoolWithoutBeneficiaryStudentsRefusesTheComputation() {
        ContributionComputation.Result nobody = ContributionComputation.compute(new PeriodFigures(Y, 1, 0,
                List.of(member("218000115", 0, null)), List.of(), PRICES));
        assertEquals(1, nobody.warnings().size());
        Rejection r = assertThrows(Rejection.class, nobody::refusingALoss);
        assertEquals("no-beneficiary-students", r.slug());
        assertEquals(Rejection.Kind.RULE_NOT_SATISFIED, r.kind());
        // no member at all: the same
        assertEquals(1, ContributionComputation.compute(new PeriodFigures(Y, 1, 0, List.of(), List.of(), PRICES))
                .warnings().size());
        // nothing to share, or someone to share it with: no warning, no refusal
        ContributionComputation.Result empty = ContributionComputation.compute(new PeriodFigures(Y, 1, 1, List.of(),
                List.of(), PRICES));
        assertEquals(List.of(), empty.warnings());
        assertEquals(empty, empty.refusingALoss());
        ContributionComputation.Result one = ContributionComputation.compute(new PeriodFigures(Y, 1, 0,
                List.of(member("218000115", 1, null)), List.of(), PRICES));
        assertEquals(List.of(), one.warnings());
        assertEquals(one, one.refusingALoss());
    }
}
