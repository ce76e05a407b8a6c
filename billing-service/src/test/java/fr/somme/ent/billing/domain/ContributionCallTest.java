package fr.somme.ent.billing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.somme.ent.commons.rules.Rejection;

/** The life of a call (art. 4.4, rule 18): DRAFT → ISSUED → PAID | CANCELLED, each transition refusing the others. */
class ContributionCallTest {

    static final Instant AT = Instant.parse("2027-09-01T08:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2027, 9, 1);

    static ContributionCall draft() {
        return ContributionCall.draft(UUID.randomUUID(), "218000180", "2014-2015", CallKind.ECOLES_PRO_RATA, 10000, "{}", AT);
    }

    @Test
    void aDraftCarriesTheFiguresOfItsComputationAndNoNumber() {
        UUID id = UUID.randomUUID();
        ContributionCall call = ContributionCall.draft(id, "228000014", "2009-2010", CallKind.COLLEGES_MARKET_PRICE, 261_500,
                "{\"total\":\"2615.00\"}", AT);
        assertEquals(List.of(id, "228000014", "2009-2010", CallKind.COLLEGES_MARKET_PRICE, CallStatus.DRAFT, "2615.00",
                "{\"total\":\"2615.00\"}"), List.of(call.id(), call.memberId(), call.schoolYear(), call.kind(), call.status(),
                call.formattedAmount(), call.derivation()));
        assertEquals(java.util.Arrays.asList(null, null, null, null, null, null), java.util.Arrays.asList(call.number(),
                call.issuedOn(), call.paidOn(), call.creditNoteNumber(), call.cancelledOn(), call.cancelReason()));
    }

    @Test
    void issuingADraftNumbersItAndGivesTheIssuedEvent() {
        ContributionCall call = draft();
        ContributionCallIssued e = call.issue("AC-2014-2015-0001", TODAY, AT);
        assertEquals(CallStatus.ISSUED, call.status());
        assertEquals(new ContributionCallIssued("218000180", call.id(), "AC-2014-2015-0001", "2014-2015",
                CallKind.ECOLES_PRO_RATA, "100.00", TODAY), e);
        Rejection again = assertThrows(Rejection.class, () -> call.issue("AC-2014-2015-0002", TODAY, AT));
        assertEquals("call-not-draft", again.slug());
        assertEquals(Rejection.Kind.CONFLICT, again.kind());
        assertEquals("AC-2014-2015-0001", call.number());
        assertEquals(TODAY, call.issuedOn());
    }

    @Test
    void onlyAnIssuedCallIsPaidAndOnlyOnce() {
        ContributionCall call = draft();
        assertEquals("call-not-issued", assertThrows(Rejection.class, () -> call.markPaid(TODAY, AT)).slug());
        call.issue("AC-2014-2015-0001", TODAY, AT);
        ContributionCallPaid paid = call.markPaid(LocalDate.of(2027, 10, 15), AT);
        assertEquals(new ContributionCallPaid(call.memberId(), call.id(), "AC-2014-2015-0001", call.schoolYear(), call.kind(),
                call.formattedAmount(), LocalDate.of(2027, 10, 15)), paid);
        assertEquals(CallStatus.PAID, call.status());
        assertEquals(LocalDate.of(2027, 10, 15), call.paidOn());
        assertEquals("call-not-issued", assertThrows(Rejection.class, () -> call.markPaid(TODAY, AT)).slug());
    }

    @Test
    void anIssuedOrPaidCallIsCancelledByACreditNoteWithAReason() {
        ContributionCall draft = draft();
        assertEquals("call-not-issued", assertThrows(Rejection.class,
                () -> draft.cancel("AV-2014-2015-0001", "erreur", TODAY, AT)).slug());
        assertEquals(CallStatus.DRAFT, draft.status(), "a refused cancellation changes nothing");
        assertEquals(null, draft.creditNoteNumber());
        ContributionCall call = draft();
        call.issue("AC-2014-2015-0001", TODAY, AT);
        Rejection noReason = assertThrows(Rejection.class, () -> call.cancel("AV-2014-2015-0001", " ", TODAY, AT));
        assertEquals("reason-required", noReason.slug());
        assertEquals(Rejection.Kind.INVALID_INPUT, noReason.kind());
        ContributionCallCancelled e = call.cancel("AV-2014-2015-0001", "effectif erroné", TODAY, AT);
        assertEquals(new ContributionCallCancelled("218000180", call.id(), "AV-2014-2015-0001", "100.00",
                "effectif erroné", TODAY), e);
        assertEquals(CallStatus.CANCELLED, call.status());
        assertEquals("AC-2014-2015-0001", call.number(), "the cancelled call keeps its number");
        assertEquals(List.of("AV-2014-2015-0001", TODAY, "effectif erroné"),
                List.of(call.creditNoteNumber(), call.cancelledOn(), call.cancelReason()));
        assertEquals("call-not-issued", assertThrows(Rejection.class,
                () -> call.cancel("AV-2014-2015-0002", "encore", TODAY, AT)).slug());
    }

    @Test
    void onlyADraftIsRecomputed() {
        ContributionCall call = draft();
        call.recompute(9000, "{\"x\":1}", AT);
        assertEquals(9000, call.amountCents());
        call.issue("AC-2014-2015-0001", TODAY, AT);
        assertThrows(Rejection.class, () -> call.recompute(1, "{}", AT));
        assertEquals("90.00", call.formattedAmount());
    }
}
