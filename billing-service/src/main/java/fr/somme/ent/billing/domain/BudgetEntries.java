package fr.somme.ent.billing.domain;

import java.time.LocalDate;
import java.util.UUID;

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
}
