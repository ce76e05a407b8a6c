package fr.somme.ent.billing.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.commons.rules.Rejection;

/** Art. 4.2, 4.4, issue #13: budget entries you can trust. */
class BudgetEntriesTest {

    static final SchoolYear Y = SchoolYear.parse("2026-2027");

    @Test
    void anInvoiceIsPaidWithinThePeriodItIsRecordedIn() {
        assertDoesNotThrow(() -> BudgetEntries.paidWithinThePeriod(Y, LocalDate.of(2026, 9, 1)));
        assertDoesNotThrow(() -> BudgetEntries.paidWithinThePeriod(Y, LocalDate.of(2027, 8, 31)));
        for (LocalDate outside : new LocalDate[] { LocalDate.of(2026, 8, 31), LocalDate.of(2027, 9, 1) }) {
            Rejection r = assertThrows(Rejection.class, () -> BudgetEntries.paidWithinThePeriod(Y, outside));
            assertEquals("paid-outside-period", r.slug());
            assertEquals(Rejection.Kind.RULE_NOT_SATISFIED, r.kind());
        }
    }

    @Test
    void aSupplierInvoiceIsRecordedOnce() {
        Rejection r = BudgetEntries.duplicateExpense(" Plateforme ENT SAS ", "F-2027-0042 ");
        assertEquals("duplicate-expense", r.slug());
        assertEquals(Rejection.Kind.CONFLICT, r.kind());
        assertEquals("the invoice F-2027-0042 of Plateforme ENT SAS is already recorded: an invoice is counted once",
                r.getMessage());
    }
}
