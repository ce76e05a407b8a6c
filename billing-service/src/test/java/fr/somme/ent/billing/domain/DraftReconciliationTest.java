package fr.somme.ent.billing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.somme.ent.billing.domain.DraftReconciliation.Computed;
import fr.somme.ent.billing.domain.DraftReconciliation.Plan;

/** Art. 4.4, rule 18: what a (re)computation does to the calls of a period, decided without storage. */
class DraftReconciliationTest {

    static final String Y = "2015-2016";
    static final Instant AT = Instant.parse("2016-09-01T08:00:00Z");

    static ContributionCall draft(String memberId, long cents, String derivation) {
        return ContributionCall.draft(UUID.randomUUID(), memberId, Y, CallKind.ECOLES_PRO_RATA, cents, derivation, AT);
    }

    static Computed computed(String memberId, long cents, String derivation) {
        return new Computed(new ComputedCall(memberId, Y, CallKind.ECOLES_PRO_RATA, cents, null), derivation);
    }

    @Test
    void aMemberWithoutACallGetsANewDraft() {
        Plan plan = DraftReconciliation.reconcile(List.of(), List.of(computed("218000164", 6667, "{\"a\":1}")));
        assertEquals(1, plan.created().size());
        assertEquals("218000164", plan.created().get(0).call().memberId());
        assertEquals(List.of(), plan.updated());
        assertEquals(List.of(), plan.unchanged());
        assertEquals(List.of(), plan.removed());
    }

    @Test
    void theSameFiguresLeaveTheDraftUnchanged() {
        ContributionCall existing = draft("218000164", 6667, "{\"a\":1}");
        Plan plan = DraftReconciliation.reconcile(List.of(existing), List.of(computed("218000164", 6667, "{\"a\":1}")));
        assertEquals(List.of(existing), plan.unchanged());
        assertEquals(0, plan.created().size() + plan.updated().size() + plan.removed().size());
    }

    @Test
    void newFiguresUpdateTheDraftInPlace() {
        ContributionCall sameAmount = draft("218000164", 6667, "{\"a\":1}");
        ContributionCall otherAmount = draft("218000172", 3333, "{\"b\":1}");
        Plan plan = DraftReconciliation.reconcile(List.of(sameAmount, otherAmount),
                List.of(computed("218000164", 6667, "{\"a\":2}"), computed("218000172", 3300, "{\"b\":1}")));
        assertEquals(2, plan.updated().size());
        assertSame(sameAmount, plan.updated().get(0).draft());
        assertSame(otherAmount, plan.updated().get(1).draft());
        assertEquals(3300, plan.updated().get(1).figures().call().amountCents());
        assertEquals(0, plan.created().size() + plan.unchanged().size() + plan.removed().size());
    }

    @Test
    void aDraftOfAMemberNoLongerLiableIsRemoved() {
        ContributionCall stale = draft("218000180", 10000, "{}");
        Plan plan = DraftReconciliation.reconcile(List.of(stale), List.of());
        assertEquals(List.of(stale), plan.removed());
        assertEquals(0, plan.created().size() + plan.updated().size() + plan.unchanged().size());
    }

    @Test
    void anIssuedCallIsNeverTouchedOnlyReportedWhenTheFiguresDiffer() {
        ContributionCall issued = draft("218000180", 10000, "{}");
        issued.issue("AC-2015-2016-0001", LocalDate.of(2016, 9, 2), AT);
        ContributionCall paid = draft("218000198", 5000, "{}");
        paid.issue("AC-2015-2016-0002", LocalDate.of(2016, 9, 2), AT);
        paid.markPaid(LocalDate.of(2016, 10, 1), AT);
        Plan plan = DraftReconciliation.reconcile(List.of(issued, paid),
                List.of(computed("218000180", 9000, "{\"x\":1}"), computed("218000198", 5000, "{\"x\":1}")));
        assertEquals(0, plan.created().size() + plan.updated().size() + plan.unchanged().size() + plan.removed().size());
        assertEquals(List.of(issued.id() + " (218000180): issued 100.00, figures now give 90.00"),
                plan.issuedCallsThatNoLongerMatch());
        Plan nothingComputed = DraftReconciliation.reconcile(List.of(issued), List.of());
        assertEquals(List.of(), nothingComputed.removed(), "an issued call is never removed");
        assertEquals(List.of(issued.id() + " (218000180): issued 100.00, figures now give 0.00"),
                nothingComputed.issuedCallsThatNoLongerMatch());
    }

    @Test
    void aCancelledCallNoLongerCountsItsMemberGetsANewDraft() {
        ContributionCall cancelled = draft("218000180", 10000, "{}");
        cancelled.issue("AC-2015-2016-0001", LocalDate.of(2016, 9, 2), AT);
        cancelled.cancel("AV-2015-2016-0001", "effectif erroné", LocalDate.of(2016, 9, 3), AT);
        Plan plan = DraftReconciliation.reconcile(List.of(cancelled), List.of(computed("218000180", 10000, "{}")));
        assertEquals(1, plan.created().size());
        assertEquals(List.of(), plan.removed());
    }

    /* Issue #13: a late access event after issuance never creates a stray draft; it is listed for the regularisation. */
    @Test
    void aCalledPeriodGetsNoStrayDraftWhatChangedIsListed() {
        ContributionCall issued = draft("218000180", 10000, "{}");
        issued.issue("AC-2015-2016-0001", LocalDate.of(2016, 9, 2), AT);
        Plan plan = DraftReconciliation.reconcile(List.of(issued),
                List.of(computed("218000180", 8000, "{}"), computed("218000198", 2000, "{}")));
        assertEquals(List.of(), plan.created());
        assertEquals(List.of(issued.id() + " (218000180): issued 100.00, figures now give 80.00",
                "218000198 (ECOLES_PRO_RATA): not called, figures now give 20.00"), plan.issuedCallsThatNoLongerMatch());
    }

    /* In a called period, a call cancelled at unchanged figures is drafted again; if the figures changed, it is listed. */
    @Test
    void inACalledPeriodOnlyACallCancelledAtUnchangedFiguresIsDraftedAgain() {
        ContributionCall cancelled = draft("218000180", 10000, "{}");
        cancelled.issue("AC-2015-2016-0001", LocalDate.of(2016, 9, 2), AT);
        cancelled.cancel("AV-2015-2016-0001", "erreur de destinataire", LocalDate.of(2016, 9, 3), AT);
        ContributionCall other = ContributionCall.draft(UUID.randomUUID(), "218000180", Y, CallKind.COLLEGES_MARKET_PRICE,
                9999, "{}", AT);
        other.issue("AC-2015-2016-0002", LocalDate.of(2016, 9, 2), AT);
        other.cancel("AV-2015-2016-0002", "erreur", LocalDate.of(2016, 9, 3), AT);
        Plan changed = DraftReconciliation.reconcile(List.of(cancelled, other), List.of(computed("218000180", 9999, "{}")));
        assertEquals(List.of(), changed.created());
        assertEquals(List.of("218000180 (ECOLES_PRO_RATA): not called, figures now give 99.99"),
                changed.issuedCallsThatNoLongerMatch());
    }

    /* A call cancelled at unchanged figures is not drafted again while another issued call no longer matches. */
    @Test
    void noCorrectionDraftWhileAnotherIssuedCallNoLongerMatches() {
        ContributionCall cancelled = draft("218000180", 10000, "{}");
        cancelled.issue("AC-2015-2016-0001", LocalDate.of(2016, 9, 2), AT);
        cancelled.cancel("AV-2015-2016-0001", "erreur de destinataire", LocalDate.of(2016, 9, 3), AT);
        ContributionCall issued = draft("218000198", 5000, "{}");
        issued.issue("AC-2015-2016-0002", LocalDate.of(2016, 9, 2), AT);
        Plan plan = DraftReconciliation.reconcile(List.of(cancelled, issued),
                List.of(computed("218000180", 10000, "{}"), computed("218000198", 4000, "{}")));
        assertEquals(List.of(), plan.created());
        assertEquals(2, plan.issuedCallsThatNoLongerMatch().size());
        Plan matching = DraftReconciliation.reconcile(List.of(cancelled, issued),
                List.of(computed("218000180", 10000, "{}"), computed("218000198", 5000, "{}")));
        assertEquals(1, matching.created().size());
        assertEquals(List.of(), matching.issuedCallsThatNoLongerMatch());
    }

    /* A period with drafts only is not called yet: a member that became liable gets its draft like the others. */
    @Test
    void aPeriodWithDraftsOnlyIsNotCalledANewMemberGetsADraft() {
        ContributionCall existing = draft("218000164", 6667, "{}");
        Plan plan = DraftReconciliation.reconcile(List.of(existing),
                List.of(computed("218000164", 5000, "{}"), computed("218000172", 1667, "{}")));
        assertEquals(List.of("218000172"), plan.created().stream().map(c -> c.call().memberId()).toList());
        assertEquals(List.of(), plan.issuedCallsThatNoLongerMatch());
    }
}
