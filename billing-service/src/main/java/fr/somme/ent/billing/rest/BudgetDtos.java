package fr.somme.ent.billing.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import fr.somme.ent.billing.domain.BudgetCategory;
import fr.somme.ent.billing.domain.BudgetEntries.Expense;
import fr.somme.ent.billing.domain.BudgetEntries.FederFunding;
import fr.somme.ent.billing.domain.Money;
import fr.somme.ent.billing.domain.ProRataAllocation;
import fr.somme.ent.billing.service.BudgetService.Budget;

/** What the budget endpoints read and write, and the mapping to them. Amounts are euros with two decimals, as strings. */
public final class BudgetDtos {

    private BudgetDtos() {
    }

    /** Bounds of what is written (issue #14); the cents and the period are the domain's rules. */
    static final String MIN_AMOUNT = "0.01";
    static final String MAX_AMOUNT = "999999999999.99";
    /** Components of one year's price list: the two account components and one per licensed resource. */
    static final int MAX_PRICES = 1_000;

    public record ExpenseRequest(@NotNull BudgetCategory category, @NotBlank @Size(max = 200) String supplier,
            @NotBlank @Size(max = 100) String reference,
            @NotNull @DecimalMin(MIN_AMOUNT) @DecimalMax(MAX_AMOUNT) BigDecimal amount, @NotNull LocalDate paidOn) {
    }

    public record FederRequest(@NotBlank @Size(max = 100) String programmeReference,
            @NotNull @DecimalMin(MIN_AMOUNT) @DecimalMax(MAX_AMOUNT) BigDecimal amount) {
    }

    public record ExpenseView(UUID id, String schoolYear, BudgetCategory category, String supplier, String reference,
            String amount, LocalDate paidOn, String recordedBy) {
    }

    public record FederView(UUID id, String schoolYear, String programmeReference, String amount, String recordedBy) {
    }

    /**
     * The budget of a year: the totals (all its lines), then one page of its expense lines ({@code expenses}, by payment
     * date then id; {@code page} 0-based, {@code size}, {@code total} = the number of expense lines of the year, as every
     * paged list of the suite) and all its FEDER entries ({@code federEntries} of them).
     */
    public record BudgetView(String schoolYear, Map<String, String> paidByCategory, String paidExpenses, String feder,
            String netCharges, boolean closed, List<ExpenseView> expenses, int page, int size, long total,
            List<FederView> federFunding, int federEntries) {
    }

    static ExpenseView view(Expense e) {
        return new ExpenseView(e.id(), e.schoolYear(), e.category(), e.supplier(), e.reference(),
                Money.format(e.amountCents()), e.paidOn(), e.recordedBy());
    }

    static FederView view(FederFunding f) {
        return new FederView(f.id(), f.schoolYear(), f.programmeReference(), Money.format(f.amountCents()), f.recordedBy());
    }

    /** Art. 4.2: every category of the budget, 0.00 when nothing was paid in it. */
    static BudgetView view(Budget b) {
        Map<String, String> paidByCategory = new LinkedHashMap<>();
        for (BudgetCategory c : BudgetCategory.values()) {
            paidByCategory.put(c.name(), Money.format(b.paidByCategoryCents().getOrDefault(c, 0L)));
        }
        return new BudgetView(b.year().name(), paidByCategory, Money.format(b.paidExpensesCents()),
                Money.format(b.federCents()),
                Money.format(ProRataAllocation.netChargesArePaidExpensesMinusFeder(b.paidExpensesCents(), b.federCents())),
                b.closed(), b.expenses().stream().map(BudgetDtos::view).toList(), b.page(), b.size(), b.expenseLines(),
                b.federFunding().stream().map(BudgetDtos::view).toList(), b.federFunding().size());
    }

    /** The price list by component, unit prices in euros. */
    static Map<String, String> prices(Map<String, Long> unitPrices) {
        Map<String, String> view = new TreeMap<>();
        unitPrices.forEach((component, cents) -> view.put(component, Money.format(cents)));
        return view;
    }
}
