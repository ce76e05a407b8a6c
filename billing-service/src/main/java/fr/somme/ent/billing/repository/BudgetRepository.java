package fr.somme.ent.billing.repository;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import fr.somme.ent.billing.domain.BudgetCategory;
import fr.somme.ent.billing.domain.BudgetEntries.Expense;
import fr.somme.ent.billing.domain.BudgetEntries.FederFunding;
import fr.somme.ent.billing.domain.Money;

/** The dedicated budget: paid supplier invoices ({@code budget_expense}) and FEDER funding ({@code feder_funding}). */
@ApplicationScoped
public class BudgetRepository {

    private final EntityManager em;

    public BudgetRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Records a paid invoice unless the same one (supplier, reference, without case or surrounding blanks) is already
     * recorded: false then, and nothing is written. A concurrent insert of the same invoice waits for the other one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean add(Expense e, Instant at) {
        return em.createNativeQuery("""
                INSERT INTO budget_expense (id, school_year, category, supplier, reference, amount, paid_on, recorded_by, recorded_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                ON CONFLICT ((lower(btrim(supplier))), (lower(btrim(reference)))) DO NOTHING""")
                .setParameter(1, e.id()).setParameter(2, e.schoolYear()).setParameter(3, e.category().name())
                .setParameter(4, e.supplier()).setParameter(5, e.reference()).setParameter(6, Money.euros(e.amountCents()))
                .setParameter(7, Date.valueOf(e.paidOn())).setParameter(8, e.recordedBy())
                .setParameter(9, Timestamp.from(at)).executeUpdate() == 1;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(FederFunding f, Instant at) {
        em.createNativeQuery("""
                INSERT INTO feder_funding (id, school_year, programme_reference, amount, recorded_by, recorded_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, f.id()).setParameter(2, f.schoolYear()).setParameter(3, f.programmeReference())
                .setParameter(4, Money.euros(f.amountCents())).setParameter(5, f.recordedBy())
                .setParameter(6, Timestamp.from(at)).executeUpdate();
    }

    /** The paid invoices of a category of the year: their sum and how many they are. */
    public record CategoryTotal(BudgetCategory category, long cents, long lines) {
    }

    /**
     * The paid invoices of the year summed per category by the database (one {@code GROUP BY}, nothing read line by
     * line; served by the index {@code budget_expense_year_paid}); a category without any invoice is absent.
     */
    @SuppressWarnings("unchecked")
    public List<CategoryTotal> paidByCategory(String schoolYear) {
        List<Tuple> rows = em.createNativeQuery("""
                SELECT category, sum(amount) AS amount, count(*) AS lines FROM budget_expense WHERE school_year = ?1
                GROUP BY category""", Tuple.class).setParameter(1, schoolYear).getResultList();
        return rows.stream().map(r -> new CategoryTotal(BudgetCategory.valueOf(Rows.text(r, "category")),
                Rows.cents(r, "amount"), Rows.number(r, "lines"))).toList();
    }

    /**
     * One page of the paid invoices of the year ({@code page} 0-based, {@code size} lines), by payment date then id: a
     * stable order, so that the pages neither overlap nor leave a line out while nothing is added. Only the page's rows
     * are read (index {@code budget_expense_year_paid}, in that order).
     */
    @SuppressWarnings("unchecked")
    public List<Expense> expenses(String schoolYear, int page, int size) {
        List<Tuple> rows = em.createNativeQuery("""
                SELECT id, category, supplier, reference, amount, paid_on, recorded_by FROM budget_expense
                WHERE school_year = ?1 ORDER BY paid_on, id LIMIT ?2 OFFSET ?3""", Tuple.class)
                .setParameter(1, schoolYear).setParameter(2, size).setParameter(3, (long) page * size).getResultList();
        return rows.stream().map(r -> new Expense(Rows.uuid(r, "id"), schoolYear,
                BudgetCategory.valueOf(Rows.text(r, "category")), Rows.text(r, "supplier"), Rows.text(r, "reference"),
                Rows.cents(r, "amount"), Rows.date(r, "paid_on"), Rows.text(r, "recorded_by"))).toList();
    }

    /** The FEDER funding of the year, by programme reference. */
    @SuppressWarnings("unchecked")
    public List<FederFunding> federFunding(String schoolYear) {
        List<Tuple> rows = em.createNativeQuery("""
                SELECT id, programme_reference, amount, recorded_by FROM feder_funding WHERE school_year = ?1
                ORDER BY programme_reference""", Tuple.class).setParameter(1, schoolYear).getResultList();
        return rows.stream().map(r -> new FederFunding((UUID) r.get("id"), schoolYear, Rows.text(r, "programme_reference"),
                Rows.cents(r, "amount"), Rows.text(r, "recorded_by"))).toList();
    }

    public long paidExpensesCents(String schoolYear) {
        return sumCents("SELECT coalesce(sum(amount), 0) FROM budget_expense WHERE school_year = ?1", schoolYear);
    }

    public long federCents(String schoolYear) {
        return sumCents("SELECT coalesce(sum(amount), 0) FROM feder_funding WHERE school_year = ?1", schoolYear);
    }

    private long sumCents(String sql, String schoolYear) {
        return Money.cents((BigDecimal) em.createNativeQuery(sql).setParameter(1, schoolYear).getSingleResult());
    }
}
