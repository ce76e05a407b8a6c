package fr.somme.ent.billing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Rule 18, art. 4.4 (issue #13 §5): random sequences of access events, corrected counts, budget entries, collège usage,
 * computation with issuance, late events and regularisation. After every step: an issued call never changes; at most
 * one live call per member and kind; once called, the live écoles' calls sum to the écoles' pool they were issued with;
 * right after a regularisation, the live calls are exactly the calls the figures give.
 */
class PeriodInvariantPropertiesTest {

    sealed interface Step permits Access, Recount, Expense, Feder, Colleges, Issue, Regularise {
    }

    record Access(int member, long students, boolean ended) implements Step {
    }

    record Recount(int member, long students) implements Step {
    }

    record Expense(long cents) implements Step {
    }

    record Feder(long cents) implements Step {
    }

    record Colleges(long accounts) implements Step {
    }

    record Issue() implements Step {
    }

    record Regularise() implements Step {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Integer> member = Arbitraries.integers().between(0, PeriodSimulation.MEMBERS.size() - 1);
        Arbitrary<Long> students = Arbitraries.longs().between(0, 40);
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Combinators.combine(member, students, Arbitraries.of(true, false)).as(Access::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(member, students).as(Recount::new)),
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(1, 2_000_000).map(Expense::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(1, 500_000).map(Feder::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(0, 300).map(Colleges::new)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(new Issue())),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(new Regularise())));
        return step.list().ofMinSize(1).ofMaxSize(30);
    }

    @Property(tries = 300)
    void theLiveCallsOfAPeriodSumToTheirPoolAndIssuedCallsNeverChange(@ForAll("steps") List<Step> steps) {
        PeriodSimulation period = new PeriodSimulation();
        Map<UUID, String> issued = period.issuedFacts();
        for (Step s : steps) {
            apply(period, s);
            Map<UUID, String> now = period.issuedFacts();
            issued.forEach((id, facts) -> assertEquals(facts, now.get(id), "issued call " + id + " changed after " + s));
            issued = now;
            Map<String, Long> perKey = period.live().stream()
                    .collect(Collectors.groupingBy(c -> c.memberId() + "/" + c.kind(), Collectors.counting()));
            assertTrue(perKey.values().stream().allMatch(n -> n == 1), "one live call per member and kind: " + perKey);
            if (period.called()) {
                assertEquals(period.poolAtIssue.longValue(), period.liveEcolesCents(), "the period invariant after " + s);
            }
            if (s instanceof Regularise && period.called() && period.computation() != null) {
                assertEquals(expected(period), actual(period), "after a regularisation the live calls are the figures'");
            }
        }
    }

    /* A late access event after issuance changes nothing until the regularisation, which cancels and re-issues. */
    @Property(tries = 100)
    void aLateAccessEventIsCorrectedByTheRegularisationOnly(@ForAll("steps") List<Step> before) {
        PeriodSimulation period = new PeriodSimulation();
        period.accessStarted(0, 20, false);
        period.expense(100_000);
        before.forEach(s -> apply(period, s));
        period.computeAndIssue();
        if (!period.called()) {
            return;
        }
        Map<UUID, String> issued = period.issuedFacts();
        long pool = period.liveEcolesCents();
        period.accessStarted(3, 7, false);
        period.computeAndIssue();
        assertEquals(issued, period.issuedFacts(), "no stray draft, nothing issued");
        assertEquals(pool, period.liveEcolesCents());
        boolean changed = period.computation() != null && !expected(period).equals(actual(period));
        Set<UUID> liveBefore = liveIds(period);
        period.regularise();
        Map<UUID, String> after = period.issuedFacts();
        issued.forEach((id, facts) -> assertEquals(facts, after.get(id), "an issued call never changes, it is cancelled"));
        if (changed) {
            assertEquals(expected(period), actual(period));
            // cancelled, and re-issued when an amount is still due (a call that is no longer due is only cancelled)
            assertNotEquals(liveBefore, liveIds(period), "the calls that no longer match are cancelled");
        } else {
            assertEquals(issued, period.issuedFacts(), "nothing changes when the figures still match");
        }
    }

    /* Found by the property above: the only issued call (the Département's) is no longer due; it is cancelled, none re-issued. */
    @Example
    void aCallThatIsNoLongerDueIsCancelledAndNotReissued() {
        aLateAccessEventIsCorrectedByTheRegularisationOnly(List.of(new Feder(100_000), new Colleges(1), new Issue(),
                new Colleges(0)));
    }

    private static Set<UUID> liveIds(PeriodSimulation period) {
        return period.live().stream().map(ContributionCall::id).collect(Collectors.toSet());
    }

    private static Map<String, Long> expected(PeriodSimulation period) {
        return period.computation().calls().stream()
                .collect(Collectors.toMap(c -> c.memberId() + "/" + c.kind(), ComputedCall::amountCents));
    }

    private static Map<String, Long> actual(PeriodSimulation period) {
        return period.live().stream()
                .collect(Collectors.toMap(c -> c.memberId() + "/" + c.kind(), ContributionCall::amountCents));
    }

    private static void apply(PeriodSimulation period, Step s) {
        if (s instanceof Access a) {
            period.accessStarted(a.member(), a.students(), a.ended());
        } else if (s instanceof Recount r) {
            period.recount(r.member(), r.students());
        } else if (s instanceof Expense e) {
            period.expense(e.cents());
        } else if (s instanceof Feder f) {
            period.feder(f.cents());
        } else if (s instanceof Colleges c) {
            period.collegeAccounts(c.accounts());
        } else if (s instanceof Issue) {
            period.computeAndIssue();
        } else {
            period.regularise();
        }
    }
}
