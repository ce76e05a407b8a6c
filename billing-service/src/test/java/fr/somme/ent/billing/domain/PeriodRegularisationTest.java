package fr.somme.ent.billing.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.somme.ent.billing.domain.DraftReconciliation.Computed;
import fr.somme.ent.billing.domain.PeriodRegularisation.Outcome;
import fr.somme.ent.billing.domain.PeriodRegularisation.Plan;
import fr.somme.ent.commons.rules.Rejection;

/** Rule 18, art. 4.4 (issue #13 §5): a called period is regularised call by call, exactly where the amount changes. */
class PeriodRegularisationTest {

    static final String Y = "2026-2027";
    static final Instant AT = Instant.parse("2027-10-01T08:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2027, 10, 1);

    static ContributionCall issued(String memberId, long cents, String number) {
        ContributionCall c = ContributionCall.draft(UUID.randomUUID(), memberId, Y, CallKind.ECOLES_PRO_RATA, cents, "{}", AT);
        c.issue(number, LocalDate.of(2027, 9, 15), AT);
        return c;
    }

    static Computed computed(String memberId, long cents, String derivation) {
        return new Computed(new ComputedCall(memberId, Y, CallKind.ECOLES_PRO_RATA, cents, null), derivation);
    }

    static PeriodRegularisation.Numbers numbers(List<String> log) {
        return new PeriodRegularisation.Numbers() {
            int calls = 2;
            int credits;

            @Override
            public String nextCall() {
                log.add("call");
                return "AC-" + Y + "-000" + (++calls);
            }

            @Override
            public String nextCreditNote() {
                log.add("credit");
                return "AV-" + Y + "-000" + (++credits);
            }
        };
    }

    /*
     * Issued: A 60.00, B 40.00, C 10.00. A late access: the figures now give A 50.00, B 40.00 (another derivation), D 20.00;
     * C is no longer liable. A is cancelled and re-issued at 50.00, C is cancelled, D is called, B stays untouched.
     */
    @Test
    void exactlyTheCallsWhoseAmountChangesAreCancelledAndReissued() {
        ContributionCall a = issued("218000115", 6_000, "AC-2026-2027-0001");
        ContributionCall b = issued("218000123", 4_000, "AC-2026-2027-0002");
        ContributionCall c = issued("218000131", 1_000, "AC-2026-2027-0003");
        c.markPaid(LocalDate.of(2027, 9, 30), AT);
        ContributionCall draft = ContributionCall.draft(UUID.randomUUID(), "218000156", Y, CallKind.ECOLES_PRO_RATA, 1, "{}", AT);
        ContributionCall stale = ContributionCall.draft(UUID.randomUUID(), "218000164", Y, CallKind.ECOLES_PRO_RATA, 1, "{}", AT);
        ContributionCall same = ContributionCall.draft(UUID.randomUUID(), "218000172", Y, CallKind.ECOLES_PRO_RATA, 5, "{}", AT);
        Plan plan = PeriodRegularisation.plan(List.of(a, b, c, draft, stale, same), List.of(computed("218000115", 5_000, "{a}"),
                computed("218000123", 4_000, "{b}"), computed("218000149", 2_000, "{d}"), computed("218000156", 2, "{}"),
                computed("218000172", 5, "{}")));
        assertEquals(List.of(a, c), plan.replaced().stream().map(PeriodRegularisation.Replacement::call).toList());
        assertEquals(5_000, plan.replaced().get(0).successor().call().amountCents());
        assertNull(plan.replaced().get(1).successor());
        assertEquals(List.of("218000149"), plan.added().stream().map(x -> x.call().memberId()).toList());
        assertEquals(List.of(b, same), plan.untouched());
        assertSame(draft, plan.draftsUpdated().get(0).draft());
        assertEquals(List.of(stale), plan.draftsRemoved());
        assertFalse(plan.changesNothing());

        List<String> log = new ArrayList<>();
        List<String> order = new ArrayList<>();
        Outcome outcome = PeriodRegularisation.issue(plan, "accès tardif", TODAY, AT, numbers(log), UUID::randomUUID,
                () -> order.add("flushed with " + log));
        assertEquals(List.of("flushed with [credit, credit]"), order, "every credit note before any new call");
        assertEquals(CallStatus.CANCELLED, a.status());
        assertEquals("AV-2026-2027-0001", a.creditNoteNumber());
        assertEquals("accès tardif", a.cancelReason());
        assertEquals(CallStatus.CANCELLED, c.status());
        assertEquals(CallStatus.ISSUED, b.status());
        ContributionCall successor = outcome.replaced().get(0).successor();
        assertEquals(a.id(), successor.replacesCallId());
        assertEquals("AC-2026-2027-0003", successor.number());
        assertEquals(5_000, successor.amountCents());
        assertEquals("{a}", successor.derivation());
        assertEquals(TODAY, successor.issuedOn());
        assertEquals(new ContributionCallIssued("218000115", successor.id(), "AC-2026-2027-0003", Y,
                CallKind.ECOLES_PRO_RATA, "50.00", TODAY), outcome.replaced().get(0).issue());
        assertEquals("60.00", outcome.replaced().get(0).cancellation().amount());
        assertNull(outcome.replaced().get(1).successor());
        assertNull(outcome.replaced().get(1).issue());
        ContributionCall added = outcome.added().get(0).call();
        assertEquals(CallStatus.ISSUED, added.status());
        assertEquals("AC-2026-2027-0004", added.number());
        assertNull(added.replacesCallId());
        assertEquals(added.id(), outcome.added().get(0).issue().callId());
        assertEquals(List.of("credit", "credit", "call", "call"), log);
    }

    @Test
    void theSameFiguresChangeNothing() {
        ContributionCall a = issued("218000115", 6_000, "AC-2026-2027-0001");
        Plan plan = PeriodRegularisation.plan(List.of(a), List.of(computed("218000115", 6_000, "{}")));
        assertTrue(plan.changesNothing());
        assertEquals(List.of(a), plan.untouched());
        ContributionCall cancelled = issued("218000123", 1, "AC-2026-2027-0002");
        cancelled.cancel("AV-2026-2027-0001", "erreur", TODAY, AT);
        assertTrue(PeriodRegularisation.plan(List.of(cancelled), List.of()).changesNothing(), "cancelled calls no longer count");
        ContributionCall draft = ContributionCall.draft(UUID.randomUUID(), "218000131", Y, CallKind.ECOLES_PRO_RATA, 1, "{}", AT);
        assertFalse(PeriodRegularisation.plan(List.of(draft), List.of()).changesNothing());
        assertFalse(PeriodRegularisation.plan(List.of(), List.of(computed("218000149", 1, "{}"))).changesNothing());
        assertFalse(PeriodRegularisation.plan(List.of(draft), List.of(computed("218000131", 2, "{}"))).changesNothing());
        assertFalse(PeriodRegularisation.plan(List.of(a), List.of()).changesNothing());
    }

    @Test
    void aRegularisationNeedsAReasonAndACalledPeriod() {
        for (String bad : new String[] { null, "", "  " }) {
            assertEquals("reason-required", assertThrows(Rejection.class, () -> PeriodRegularisation.requireReason(bad)).slug());
        }
        assertDoesNotThrow(() -> PeriodRegularisation.requireReason("accès tardif"));
        ContributionCall draft = ContributionCall.draft(UUID.randomUUID(), "218000131", Y, CallKind.ECOLES_PRO_RATA, 1, "{}", AT);
        Rejection r = assertThrows(Rejection.class, () -> PeriodRegularisation.requireCalled(List.of(draft), Y));
        assertEquals("period-not-called", r.slug());
        assertEquals(Rejection.Kind.CONFLICT, r.kind());
        assertThrows(Rejection.class, () -> PeriodRegularisation.requireCalled(List.of(), Y));
        assertDoesNotThrow(() -> PeriodRegularisation.requireCalled(List.of(draft, issued("218000115", 1, "AC-1")), Y));
    }

    @Test
    void onlyACancelledCallIsReplaced() {
        ContributionCall live = issued("218000115", 6_000, "AC-2026-2027-0001");
        assertEquals("call-not-cancelled", assertThrows(Rejection.class,
                () -> ContributionCall.replacing(live, UUID.randomUUID(), 1, "{}", AT)).slug());
    }
}
