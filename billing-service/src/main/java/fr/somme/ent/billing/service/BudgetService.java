package fr.somme.ent.billing.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import fr.somme.ent.billing.domain.BudgetAmounts;
import fr.somme.ent.billing.domain.BudgetCategory;
import fr.somme.ent.billing.domain.BudgetEntries;
import fr.somme.ent.billing.domain.BudgetEntries.Expense;
import fr.somme.ent.billing.domain.BudgetEntries.FederFunding;
import fr.somme.ent.billing.domain.Money;
import fr.somme.ent.billing.repository.BudgetRepository;
import fr.somme.ent.billing.repository.ContributionCallRepository;
import fr.somme.ent.billing.repository.PriceListRepository;
import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.commons.rules.Rejection;
import fr.somme.ent.commons.security.CallerScope;

/** The dedicated budget per school year (art. 4.2, 4.4) and the market's price list (art. 4.3). */
@ApplicationScoped
public class BudgetService {

    /**
     * The budget of a year as it stands: the paid invoices summed per category and counted, one page of them
     * ({@code page} 0-based, {@code size} lines), the FEDER funding (a few entries, all of them), and whether the period
     * is called.
     */
    public record Budget(SchoolYear year, Map<BudgetCategory, Long> paidByCategoryCents, long expenseLines,
            List<Expense> expenses, int page, int size, List<FederFunding> federFunding, boolean closed) {

        public long paidExpensesCents() {
            return paidByCategoryCents.values().stream().mapToLong(Long::longValue).sum();
        }

        public long federCents() {
            return federFunding.stream().mapToLong(FederFunding::amountCents).sum();
        }
    }

    /** Expense lines per page of {@code GET /budgets/{year}}: 100 unless asked, at most 1,000. */
    public static final int DEFAULT_PAGE_SIZE = 100;
    public static final int MAX_PAGE_SIZE = 1_000;

    private final BudgetRepository budget;
    private final PriceListRepository prices;
    private final ContributionCallRepository calls;
    private final AuditTrail audit;
    private final Clock clock;
    private final CallerScope caller;

    public BudgetService(BudgetRepository budget, PriceListRepository prices, ContributionCallRepository calls,
            AuditTrail audit, Clock clock, CallerScope caller) {
        this.budget = budget;
        this.prices = prices;
        this.calls = calls;
        this.audit = audit;
        this.clock = clock;
        this.caller = caller;
    }

    @Transactional
    public Expense addExpense(SchoolYear year, BudgetCategory category, String supplier, String reference, BigDecimal amount,
            LocalDate paidOn) {
        BudgetEntries.paidWithinThePeriod(year, paidOn);
        calledPeriodIsClosedToChanges(year);
        Expense e = new Expense(UUID.randomUUID(), year.name(), category, supplier, reference,
                BudgetAmounts.positiveCents(amount), paidOn, caller.actor());
        if (!budget.add(e, clock.instant())) {
            throw BudgetEntries.duplicateExpense(supplier, reference);
        }
        audit.record(year.name(), null, "EXPENSE_RECORDED", null,
                category + " " + supplier + " " + reference + " " + Money.format(e.amountCents()) + " paid " + paidOn);
        return e;
    }

    @Transactional
    public FederFunding addFeder(SchoolYear year, String programmeReference, BigDecimal amount) {
        calledPeriodIsClosedToChanges(year);
        FederFunding f = new FederFunding(UUID.randomUUID(), year.name(), programmeReference,
                BudgetAmounts.positiveCents(amount), caller.actor());
        budget.add(f, clock.instant());
        audit.record(year.name(), null, "FEDER_RECORDED", null, programmeReference + " " + Money.format(f.amountCents()));
        return f;
    }

    /**
     * The totals of the year summed by the database and one page of its expense lines (by payment date, then id): the
     * answer stays small and fast whatever the number of lines (20,000 at national scale).
     */
    @Transactional
    public Budget budget(SchoolYear year, int page, int size) {
        Map<BudgetCategory, Long> paid = new EnumMap<>(BudgetCategory.class);
        long lines = 0;
        for (BudgetRepository.CategoryTotal t : budget.paidByCategory(year.name())) {
            paid.put(t.category(), t.cents());
            lines += t.lines();
        }
        return new Budget(year, paid, lines, budget.expenses(year.name(), page, size), page, size,
                budget.federFunding(year.name()), calls.isCalled(year.name()));
    }

    /** Art. 4.3: finance sets the unit prices of the year (ACCOUNT_CREATION, ACCOUNT_OPERATION, LICENCE:<code>). */
    @Transactional
    public Map<String, Long> setPrices(SchoolYear year, Map<String, BigDecimal> unitPrices) {
        calledPeriodIsClosedToChanges(year);
        for (Map.Entry<String, BigDecimal> p : unitPrices.entrySet()) {
            long cents = BudgetAmounts.unitPriceCents(p.getKey(), p.getValue());
            prices.set(year.name(), p.getKey(), cents, caller.actor(), clock.instant());
            audit.record(year.name(), null, "PRICE_SET", null, p.getKey() + " " + Money.format(cents));
        }
        return prices.unitPrices(year.name());
    }

    /** Unit prices in cents by component. */
    @Transactional
    public Map<String, Long> prices(SchoolYear year) {
        return prices.unitPrices(year.name());
    }

    /**
     * Art. 4.4, rule 18: once a period has been called (a call of that school year was issued), its budget, FEDER and
     * prices are closed to changes; corrections go through the next period or a credit note.
     */
    void calledPeriodIsClosedToChanges(SchoolYear year) {
        if (calls.isCalled(year.name())) {
            throw Rejection.conflict("period-closed", "school year " + year.name()
                    + " has been called: its budget is closed; correct through the next period or a credit note");
        }
    }
}
