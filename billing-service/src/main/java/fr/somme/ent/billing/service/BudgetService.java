package fr.somme.ent.billing.service;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import fr.somme.ent.billing.domain.BudgetCategory;
import fr.somme.ent.billing.domain.MarketPriceInvoice.PriceList;
import fr.somme.ent.billing.domain.Money;
import fr.somme.ent.billing.domain.ProRataAllocation;
import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.commons.security.CallerScope;

/** The dedicated budget per school year (art. 4.2, 4.4) and the market's price list (art. 4.3). */
@ApplicationScoped
public class BudgetService {

    public record Expense(UUID id, String schoolYear, BudgetCategory category, String supplier, String reference,
            String amount, LocalDate paidOn, String recordedBy) {
    }

    public record Feder(UUID id, String schoolYear, String programmeReference, String amount, String recordedBy) {
    }

    public record Budget(String schoolYear, Map<String, String> paidByCategory, String paidExpenses, String feder,
            String netCharges, boolean closed, List<Expense> expenses, List<Feder> federFunding) {
    }

    private final EntityManager em;
    private final Clock clock;
    private final CallerScope caller;
    private final Audit audit;

    public BudgetService(EntityManager em, Clock clock, CallerScope caller, Audit audit) {
        this.em = em;
        this.clock = clock;
        this.caller = caller;
        this.audit = audit;
    }

    @Transactional
    public Expense addExpense(SchoolYear year, BudgetCategory category, String supplier, String reference, BigDecimal amount,
            LocalDate paidOn) {
        calledPeriodIsClosedToChanges(year);
        long cents = positiveCents(amount);
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                INSERT INTO budget_expense (id, school_year, category, supplier, reference, amount, paid_on, recorded_by, recorded_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""")
                .setParameter(1, id).setParameter(2, year.name()).setParameter(3, category.name()).setParameter(4, supplier)
                .setParameter(5, reference).setParameter(6, Money.euros(cents)).setParameter(7, Date.valueOf(paidOn))
                .setParameter(8, caller.actor()).setParameter(9, Timestamp.from(clock.instant())).executeUpdate();
        audit.record(year.name(), null, "EXPENSE_RECORDED", null,
                category + " " + supplier + " " + reference + " " + Money.format(cents) + " paid " + paidOn);
        return new Expense(id, year.name(), category, supplier, reference, Money.format(cents), paidOn, caller.actor());
    }

    @Transactional
    public Feder addFeder(SchoolYear year, String programmeReference, BigDecimal amount) {
        calledPeriodIsClosedToChanges(year);
        long cents = positiveCents(amount);
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                INSERT INTO feder_funding (id, school_year, programme_reference, amount, recorded_by, recorded_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, id).setParameter(2, year.name()).setParameter(3, programmeReference)
                .setParameter(4, Money.euros(cents)).setParameter(5, caller.actor())
                .setParameter(6, Timestamp.from(clock.instant())).executeUpdate();
        audit.record(year.name(), null, "FEDER_RECORDED", null, programmeReference + " " + Money.format(cents));
        return new Feder(id, year.name(), programmeReference, Money.format(cents), caller.actor());
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public Budget budget(SchoolYear year) {
        List<Expense> expenses = new ArrayList<>();
        Map<String, Long> byCategory = new TreeMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("""
                SELECT id, category, supplier, reference, amount, paid_on, recorded_by FROM budget_expense
                WHERE school_year = ?1 ORDER BY paid_on, reference""").setParameter(1, year.name()).getResultList()) {
            long cents = Money.cents((BigDecimal) r[4]);
            byCategory.merge((String) r[1], cents, Long::sum);
            expenses.add(new Expense((UUID) r[0], year.name(), BudgetCategory.valueOf((String) r[1]), (String) r[2],
                    (String) r[3], Money.format(cents), BeneficiaryStore.date(r[5]), (String) r[6]));
        }
        List<Feder> feder = new ArrayList<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("""
                SELECT id, programme_reference, amount, recorded_by FROM feder_funding WHERE school_year = ?1
                ORDER BY programme_reference""").setParameter(1, year.name()).getResultList()) {
            feder.add(new Feder((UUID) r[0], year.name(), (String) r[1], Money.format(Money.cents((BigDecimal) r[2])),
                    (String) r[3]));
        }
        Map<String, String> paidByCategory = new LinkedHashMap<>();
        for (BudgetCategory c : BudgetCategory.values()) {
            paidByCategory.put(c.name(), Money.format(byCategory.getOrDefault(c.name(), 0L)));
        }
        long paid = paidExpensesCents(year);
        long federCents = federCents(year);
        return new Budget(year.name(), paidByCategory, Money.format(paid), Money.format(federCents),
                Money.format(ProRataAllocation.netChargesArePaidExpensesMinusFeder(paid, federCents)), isCalled(year),
                expenses, feder);
    }

    public long paidExpensesCents(SchoolYear year) {
        return sumCents("SELECT coalesce(sum(amount), 0) FROM budget_expense WHERE school_year = ?1", year);
    }

    public long federCents(SchoolYear year) {
        return sumCents("SELECT coalesce(sum(amount), 0) FROM feder_funding WHERE school_year = ?1", year);
    }

    private long sumCents(String sql, SchoolYear year) {
        return Money.cents((BigDecimal) em.createNativeQuery(sql).setParameter(1, year.name()).getSingleResult());
    }

    /** Art. 4.3: finance sets the unit prices of the year (ACCOUNT_CREATION, ACCOUNT_OPERATION, LICENCE:<code>). */
    @Transactional
    public Map<String, String> setPrices(SchoolYear year, Map<String, BigDecimal> prices) {
        calledPeriodIsClosedToChanges(year);
        for (Map.Entry<String, BigDecimal> p : prices.entrySet()) {
            String component = p.getKey();
            if (!component.equals("ACCOUNT_CREATION") && !component.equals("ACCOUNT_OPERATION")
                    && !component.matches("^LICENCE:.+$")) {
                throw ProblemException.badRequest("unknown-price-component",
                        "components are ACCOUNT_CREATION, ACCOUNT_OPERATION or LICENCE:<resource code>, not " + component);
            }
            if (p.getValue() == null || p.getValue().signum() < 0) {
                throw ProblemException.badRequest("invalid-amount", "a unit price is >= 0: " + component);
            }
            long cents = cents(p.getValue());
            em.createNativeQuery("""
                    INSERT INTO price_list_item (school_year, component, unit_price, set_by, set_at) VALUES (?1, ?2, ?3, ?4, ?5)
                    ON CONFLICT (school_year, component) DO UPDATE SET unit_price = EXCLUDED.unit_price,
                      set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at""")
                    .setParameter(1, year.name()).setParameter(2, component).setParameter(3, Money.euros(cents))
                    .setParameter(4, caller.actor()).setParameter(5, Timestamp.from(clock.instant())).executeUpdate();
            audit.record(year.name(), null, "PRICE_SET", null, component + " " + Money.format(cents));
        }
        return priceListView(year);
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public Map<String, String> priceListView(SchoolYear year) {
        Map<String, String> view = new TreeMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery(
                "SELECT component, unit_price FROM price_list_item WHERE school_year = ?1").setParameter(1, year.name())
                .getResultList()) {
            view.put((String) r[0], Money.format(Money.cents((BigDecimal) r[1])));
        }
        return view;
    }

    public PriceList priceList(SchoolYear year) {
        Map<String, String> view = priceListView(year);
        Map<String, Long> licences = new TreeMap<>();
        view.forEach((k, v) -> {
            if (k.startsWith("LICENCE:")) {
                licences.put(k.substring("LICENCE:".length()), Money.cents(new BigDecimal(v)));
            }
        });
        return new PriceList(view.containsKey("ACCOUNT_CREATION") ? Money.cents(new BigDecimal(view.get("ACCOUNT_CREATION"))) : null,
                view.containsKey("ACCOUNT_OPERATION") ? Money.cents(new BigDecimal(view.get("ACCOUNT_OPERATION"))) : null,
                licences);
    }

    /**
     * Art. 4.4, rule 18: once a period has been called (a call of that school year was issued), its budget, FEDER and
     * prices are closed to changes; corrections go through the next period or a credit note.
     */
    public void calledPeriodIsClosedToChanges(SchoolYear year) {
        if (isCalled(year)) {
            throw ProblemException.conflict("period-closed", "school year " + year.name()
                    + " has been called: its budget is closed; correct through the next period or a credit note");
        }
    }

    public boolean isCalled(SchoolYear year) {
        return ((Number) em.createNativeQuery(
                "SELECT count(*) FROM contribution_call WHERE school_year = ?1 AND number IS NOT NULL")
                .setParameter(1, year.name()).getSingleResult()).longValue() > 0;
    }

    /** Amounts are > 0, in euros with at most two decimals (art. 4.2, rule 18). */
    static long positiveCents(BigDecimal amount) {
        if (amount == null || amount.signum() <= 0) {
            throw ProblemException.badRequest("invalid-amount", "an amount is > 0, in euros with cents");
        }
        return cents(amount);
    }

    /** The largest amount numeric(14,2) holds: 999,999,999,999.99 €. */
    static final long MAX_CENTS = 99_999_999_999_999L;

    static long cents(BigDecimal amount) {
        try {
            long cents = Money.cents(amount);
            if (cents > MAX_CENTS) {
                throw ProblemException.badRequest("invalid-amount", "an amount is at most 999999999999.99");
            }
            return cents;
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-amount", "an amount is in euros with at most two decimals: "
                    + amount.toPlainString());
        }
    }
}
