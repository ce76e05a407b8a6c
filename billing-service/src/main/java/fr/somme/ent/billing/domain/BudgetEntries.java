package fr.somme.ent.billing.domain;

import java.time.LocalDate;
import java.util.UUID;

import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.commons.rules.Rejection;

/** The entries of the dedicated budget of a school year (art. 4.2, 4.4). */
public final class BudgetEntries {

    private BudgetEntries() {
    }

    /** A supplier invoice actually paid, in one category of the budget. */
    public record Expense(UUID id, String schoolYear, BudgetCategory category, String supplier, String reference,
            long amountCents, LocalDate paidOn, String recordedBy) {
    }

    /** FEDER funding obtained on the members' behalf. */
    public record FederFunding(UUID id, String schoolYear, String programmeReference, long amountCents, String recordedBy) {
    }

    /**
     * Art. 4.2, 4.4: an invoice belongs to the period in which it was paid (1 September Y – 31 August Y+1); a late payment
     * goes to the period of its payment date.
     */
    public static void paidWithinThePeriod(SchoolYear year, LocalDate paidOn) {
        if (paidOn.isBefore(year.firstDay()) || paidOn.isAfter(year.lastDay())) {
            throw Rejection.ruleNotSatisfied("paid-outside-period", "an invoice paid on " + paidOn + " belongs to the period"
                    + " of its payment, not to " + year.name() + " (" + year.firstDay() + " – " + year.lastDay() + ")");
        }
    }

    /** Art. 4.2: a supplier invoice is recorded once (supplier and reference, without case or surrounding blanks). */
    public static Rejection duplicateExpense(String supplier, String reference) {
        return Rejection.conflict("duplicate-expense", "the invoice " + reference.strip() + " of " + supplier.strip()
                + " is already recorded: an invoice is counted once");
    }
}
