package fr.somme.ent.billing.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.query.NativeQuery;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.somme.ent.billing.domain.Liability;
import fr.somme.ent.billing.domain.MarketPriceInvoice;
import fr.somme.ent.billing.domain.Money;
import fr.somme.ent.billing.domain.ProRataAllocation;
import fr.somme.ent.billing.domain.ProRataAllocation.Beneficiary;
import fr.somme.ent.billing.domain.ProRataAllocation.Share;
import fr.somme.ent.billing.service.BeneficiaryStore.MemberYear;
import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.commons.outbox.Outbox;
import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.commons.security.CallerScope;

/** Contribution calls per member and school year (art. 4.1, 4.3, 4.4; rules 13, 16, 17, 18). */
@ApplicationScoped
public class ContributionService {

    public static final String ECOLES = "ECOLES_PRO_RATA";
    public static final String COLLEGES = "COLLEGES_MARKET_PRICE";
    public static final String ISSUED_TYPE = "fr.ent.billing.contribution-call-issued.v1";
    public static final String CANCELLED_TYPE = "fr.ent.billing.contribution-call-cancelled.v1";

    /** A computed (not yet stored) call: amount and its full derivation. */
    public record Draft(String memberId, String schoolYear, String kind, @JsonIgnore long amountCents,
            Map<String, Object> derivation) {
        @JsonProperty("amount")
        public String amount() {
            return Money.format(amountCents);
        }
    }

    public record CallView(UUID id, String memberId, String memberName, String schoolYear, String kind, String status,
            String amount, String number, LocalDate issuedOn, LocalDate paidOn, String creditNoteNumber,
            LocalDate cancelledOn, String cancelReason, JsonNode derivation, List<Audit.Entry> audit) {
    }

    public record Computation(String schoolYear, boolean simulation, String paidExpenses, String feder, String netCharges,
            long totalStudents, List<Draft> computed, int draftsCreated, int draftsUpdated, int draftsUnchanged,
            int draftsRemoved, List<String> issuedCallsThatNoLongerMatch) {
    }

    public record Estimate(String schoolYear, long students, String netCharges, long liableStudents, String exactShare,
            String contribution, String rule) {
    }

    private final EntityManager em;
    private final Clock clock;
    private final CallerScope caller;
    private final Audit audit;
    private final BudgetService budget;
    private final BeneficiaryStore beneficiaries;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final String topic;

    public ContributionService(EntityManager em, Clock clock, CallerScope caller, Audit audit, BudgetService budget,
            BeneficiaryStore beneficiaries, Outbox outbox, ObjectMapper mapper,
            @ConfigProperty(name = "ent.events.topic") String topic) {
        this.em = em;
        this.clock = clock;
        this.caller = caller;
        this.audit = audit;
        this.budget = budget;
        this.beneficiaries = beneficiaries;
        this.outbox = outbox;
        this.mapper = mapper;
        this.topic = topic;
    }

    // ---------------------------------------------------------------------------------------------- computation

    /** The calls the figures give for the year, stored nowhere (a simulation is possible at any time). */
    List<Draft> compute(SchoolYear year) {
        List<Draft> drafts = new ArrayList<>();
        long paid = budget.paidExpensesCents(year);
        long feder = budget.federCents(year);
        long net = ProRataAllocation.netChargesArePaidExpensesMinusFeder(paid, feder);
        Map<String, MemberYear> liable = new LinkedHashMap<>();
        for (MemberYear m : beneficiaries.ecoleMembers(year)) {
            if (Liability.memberIsLiableWhenFirstAccessStartedByYearEndAndNotTerminatedBeforeYearStart(
                    m.firstAccessStart(), m.terminatedOn(), year)) {
                liable.put(m.memberId(), m);
            }
        }
        List<Beneficiary> list = liable.values().stream().map(m -> new Beneficiary(m.memberId(), m.beneficiaryStudents())).toList();
        for (Share s : ProRataAllocation.sharesRoundedByLargestRemainderTiesToSmallerSiren(net, list)) {
            MemberYear m = liable.get(s.memberId());
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("rule", "art. 4.1/4.2/4.4: share = net charges x students / total students, largest remainder to the cent, ties to the smaller SIREN");
            d.put("paidExpenses", Money.format(paid));
            d.put("feder", Money.format(feder));
            d.put("netCharges", Money.format(net));
            d.put("students", s.students());
            d.put("totalStudents", s.totalStudents());
            d.put("exactShare", s.exactShare().toPlainString());
            d.put("floor", Money.format(s.floorCents()));
            d.put("roundingAdjustment", Money.format(s.adjustmentCents()));
            d.put("share", Money.format(s.shareCents()));
            d.put("firstAccessStart", String.valueOf(m.firstAccessStart()));
            d.put("terminatedOn", m.terminatedOn() == null ? null : m.terminatedOn().toString());
            d.put("classes", m.classes());
            drafts.add(new Draft(s.memberId(), year.name(), ECOLES, s.shareCents(), d));
        }
        for (String memberId : beneficiaries.collegeMembers(year)) {
            Set<String> optedOut = beneficiaries.optedOut(memberId, year);
            List<MarketPriceInvoice.Line> lines;
            try {
                lines = MarketPriceInvoice.linesAtMarketPricesWithoutOptedOutComponents(
                        beneficiaries.collegeUsage(memberId, year), budget.priceList(year), optedOut);
            } catch (MarketPriceInvoice.MissingPriceException e) {
                throw ProblemException.unprocessable("missing-price", e.getMessage());
            }
            long total = lines.stream().mapToLong(MarketPriceInvoice.Line::amountCents).sum();
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("rule", "art. 4.3: quantity x unit price of the year's market price list, opted-out components excluded");
            d.put("optedOut", optedOut.stream().sorted().toList());
            d.put("lines", lines.stream().map(l -> {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("component", l.component());
                line.put("label", l.label());
                line.put("quantity", l.quantity());
                line.put("unitPrice", Money.format(l.unitPriceCents()));
                line.put("amount", Money.format(l.amountCents()));
                line.put("source", l.source());
                return line;
            }).toList());
            d.put("total", Money.format(total));
            drafts.add(new Draft(memberId, year.name(), COLLEGES, total, d));
        }
        return drafts.stream().filter(d -> d.amountCents() > 0).toList();
    }

    @Transactional
    public Computation simulate(SchoolYear year) {
        List<Draft> drafts = compute(year);
        return summary(year, true, drafts, 0, 0, 0, 0, List.of());
    }

    /**
     * Art. 4.4 / rule 16: after the year's end, (re)computes the drafts of the period. Idempotent: the same figures give
     * the same drafts (same ids, same amounts); an issued or paid call is never touched; a member whose call was
     * cancelled by a credit note gets a new draft (the correction).
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public Computation computeDrafts(SchoolYear year, String reason) {
        if (!Liability.contributionsAreCalledOnlyAfterTheSchoolYearEnds(year, LocalDate.now(clock))) {
            throw ProblemException.conflict("school-year-not-ended", "contributions for " + year.name()
                    + " are called after the school year ends (" + year.lastDay() + ", art. 4.4): only a simulation is possible");
        }
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "billing-period-" + year.name())
                .getSingleResult();
        List<Draft> drafts = compute(year);
        Map<String, Object[]> live = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("""
                SELECT member_id, kind, id, status, amount, derivation FROM contribution_call
                WHERE school_year = ?1 AND status <> 'CANCELLED'""").setParameter(1, year.name()).getResultList()) {
            live.put(r[0] + "/" + r[1], r);
        }
        int created = 0, updated = 0, unchanged = 0, removed = 0;
        List<String> divergent = new ArrayList<>();
        for (Draft d : drafts) {
            Object[] existing = live.remove(d.memberId() + "/" + d.kind());
            String derivation = json(d.derivation());
            if (existing == null) {
                UUID id = UUID.randomUUID();
                em.createNativeQuery("""
                        INSERT INTO contribution_call (id, member_id, school_year, kind, status, amount, derivation, created_at, updated_at)
                        VALUES (?1, ?2, ?3, ?4, 'DRAFT', ?5, ?6, ?7, ?7)""")
                        .setParameter(1, id).setParameter(2, d.memberId()).setParameter(3, year.name()).setParameter(4, d.kind())
                        .setParameter(5, Money.euros(d.amountCents())).setParameter(6, derivation)
                        .setParameter(7, Timestamp.from(clock.instant())).executeUpdate();
                audit.record(year.name(), id, "DRAFT_COMPUTED", reason, "amount " + d.amount());
                created++;
            } else if (!"DRAFT".equals(existing[3])) {
                if (Money.cents((BigDecimal) existing[4]) != d.amountCents()) {
                    divergent.add(existing[2] + " (" + d.memberId() + "): issued " + Money.format(Money.cents((BigDecimal) existing[4]))
                            + ", figures now give " + d.amount());
                }
            } else if (Money.cents((BigDecimal) existing[4]) == d.amountCents() && derivation.equals(existing[5])) {
                unchanged++;
            } else {
                em.createNativeQuery("UPDATE contribution_call SET amount = ?2, derivation = ?3, updated_at = ?4 WHERE id = ?1 AND status = 'DRAFT'")
                        .setParameter(1, existing[2]).setParameter(2, Money.euros(d.amountCents())).setParameter(3, derivation)
                        .setParameter(4, Timestamp.from(clock.instant())).executeUpdate();
                audit.record(year.name(), (UUID) existing[2], "DRAFT_RECOMPUTED", reason,
                        "amount " + Money.format(Money.cents((BigDecimal) existing[4])) + " -> " + d.amount());
                updated++;
            }
        }
        for (Object[] stale : live.values()) {
            if ("DRAFT".equals(stale[3])) {
                em.createNativeQuery("DELETE FROM contribution_call WHERE id = ?1 AND status = 'DRAFT'").setParameter(1, stale[2]).executeUpdate();
                audit.record(year.name(), (UUID) stale[2], "DRAFT_REMOVED", reason, "member no longer liable for the year");
                removed++;
            }
        }
        audit.record(year.name(), null, "PERIOD_COMPUTED", reason,
                "created " + created + ", updated " + updated + ", unchanged " + unchanged + ", removed " + removed);
        return summary(year, false, drafts, created, updated, unchanged, removed, divergent);
    }

    private Computation summary(SchoolYear year, boolean simulation, List<Draft> drafts, int created, int updated,
            int unchanged, int removed, List<String> divergent) {
        long paid = budget.paidExpensesCents(year);
        long feder = budget.federCents(year);
        long totalStudents = drafts.stream().filter(d -> ECOLES.equals(d.kind()))
                .mapToLong(d -> ((Number) d.derivation().get("totalStudents")).longValue()).findFirst().orElse(0);
        return new Computation(year.name(), simulation, Money.format(paid), Money.format(feder),
                Money.format(ProRataAllocation.netChargesArePaidExpensesMinusFeder(paid, feder)), totalStudents, drafts,
                created, updated, unchanged, removed, divergent);
    }

    // ---------------------------------------------------------------------------------------------- lifecycle

    /**
     * Rule 18: draft → issued. The number is the next of the year's gapless sequence "AC-<year>-NNNN": the counter row
     * is incremented and stays locked until this transaction commits, so concurrent issues wait for each other and a
     * rolled-back issue gives its number back. An issued call never changes.
     */
    @Transactional
    public CallView issue(UUID id, String reason) {
        Object[] call = lock(id);
        if (!"DRAFT".equals(call[1])) {
            throw ProblemException.conflict("call-not-draft", "call " + id + " is " + call[1] + ": only a draft can be issued");
        }
        String year = (String) call[2];
        String number = "AC-" + year + "-" + String.format("%04d", nextNumber("CALL", year));
        LocalDate today = LocalDate.now(clock);
        em.createNativeQuery("UPDATE contribution_call SET status = 'ISSUED', number = ?2, issued_on = ?3, updated_at = ?4 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, number).setParameter(3, Date.valueOf(today))
                .setParameter(4, Timestamp.from(clock.instant())).executeUpdate();
        String memberId = (String) call[0];
        String amount = Money.format(Money.cents((BigDecimal) call[4]));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("memberId", memberId);
        data.put("callId", id.toString());
        data.put("number", number);
        data.put("schoolYear", year);
        data.put("kind", call[3]);
        data.put("amount", amount);
        data.put("issuedOn", today.toString());
        outbox.publish(topic, memberId, ISSUED_TYPE, id.toString(), data);
        audit.record(year, id, "ISSUED", reason, number + " " + amount);
        return view(id);
    }

    /** Issues every draft of the year, in SIREN order. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<CallView> issueAll(SchoolYear year, String reason) {
        List<UUID> ids = em.createNativeQuery("""
                SELECT id FROM contribution_call WHERE school_year = ?1 AND status = 'DRAFT' ORDER BY member_id, kind""")
                .setParameter(1, year.name()).getResultList();
        List<CallView> views = new ArrayList<>();
        for (UUID id : ids) {
            views.add(issue(id, reason));
        }
        return views;
    }

    @Transactional
    public CallView markPaid(UUID id, LocalDate paidOn, String reason) {
        Object[] call = lock(id);
        if (!"ISSUED".equals(call[1])) {
            throw ProblemException.conflict("call-not-issued", "call " + id + " is " + call[1] + ": only an issued call is paid");
        }
        LocalDate date = paidOn == null ? LocalDate.now(clock) : paidOn;
        em.createNativeQuery("UPDATE contribution_call SET status = 'PAID', paid_on = ?2, updated_at = ?3 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, Date.valueOf(date)).setParameter(3, Timestamp.from(clock.instant()))
                .executeUpdate();
        audit.record((String) call[2], id, "PAID", reason, "paid on " + date);
        return view(id);
    }

    /**
     * Rule 18: an issued (or paid) call is corrected by a credit note "AV-<year>-NNNN" that cancels it in full; a new
     * draft can then be computed for the member.
     */
    @Transactional
    public CallView cancel(UUID id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.badRequest("reason-required", "a credit note states why the call is cancelled");
        }
        Object[] call = lock(id);
        if (!"ISSUED".equals(call[1]) && !"PAID".equals(call[1])) {
            throw ProblemException.conflict("call-not-issued", "call " + id + " is " + call[1]
                    + ": only an issued or paid call is cancelled by a credit note");
        }
        String year = (String) call[2];
        String creditNote = "AV-" + year + "-" + String.format("%04d", nextNumber("CREDIT_NOTE", year));
        LocalDate today = LocalDate.now(clock);
        em.createNativeQuery("""
                UPDATE contribution_call SET status = 'CANCELLED', credit_note_number = ?2, cancelled_on = ?3, cancel_reason = ?4,
                  updated_at = ?5 WHERE id = ?1""")
                .setParameter(1, id).setParameter(2, creditNote).setParameter(3, Date.valueOf(today)).setParameter(4, reason)
                .setParameter(5, Timestamp.from(clock.instant())).executeUpdate();
        String memberId = (String) call[0];
        String amount = Money.format(Money.cents((BigDecimal) call[4]));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("memberId", memberId);
        data.put("callId", id.toString());
        data.put("creditNoteNumber", creditNote);
        data.put("amount", amount);
        data.put("reason", reason);
        data.put("cancelledOn", today.toString());
        outbox.publish(topic, memberId, CANCELLED_TYPE, id.toString(), data);
        audit.record(year, id, "CANCELLED", reason, creditNote + " " + amount);
        return view(id);
    }

    private Object[] lock(UUID id) {
        List<?> rows = em.createNativeQuery(
                "SELECT member_id, status, school_year, kind, amount FROM contribution_call WHERE id = ?1 FOR UPDATE")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("contribution call", id);
        }
        Object[] call = (Object[]) rows.get(0);
        visibleToCaller((String) call[0], (String) call[1], id);
        return call;
    }

    private int nextNumber(String series, String year) {
        return ((Number) em.createNativeQuery("""
                INSERT INTO document_counter (series, school_year, last_number) VALUES (?1, ?2, 1)
                ON CONFLICT (series, school_year) DO UPDATE SET last_number = document_counter.last_number + 1
                RETURNING last_number""").setParameter(1, series).setParameter(2, year).getSingleResult()).intValue();
    }

    // ---------------------------------------------------------------------------------------------- reading

    /**
     * Art. 4 / security: finance and operator see every call; a member-agent sees only its own issued, paid or
     * cancelled calls (drafts are work in progress); anything else answers 404, so existence does not leak.
     */
    void visibleToCaller(String memberId, String status, UUID id) {
        if (caller.hasRole("finance") || caller.hasRole("operator")) {
            return;
        }
        if (caller.hasRole("member-agent") && caller.memberId().filter(memberId::equals).isPresent() && !"DRAFT".equals(status)) {
            return;
        }
        throw ProblemException.notFound("contribution call", id);
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public CallView view(UUID id) {
        List<Object[]> rows = em.createNativeQuery(SELECT + " WHERE c.id = ?1").setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("contribution call", id);
        }
        CallView v = toView(rows.get(0), true);
        visibleToCaller(v.memberId(), v.status(), id);
        return v;
    }

    @Transactional
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public List<CallView> list(String schoolYear, String memberId) {
        boolean all = caller.hasRole("finance") || caller.hasRole("operator");
        String member = memberId;
        if (!all) {
            member = caller.memberId().orElse("-");
            if (memberId != null && !memberId.equals(member)) {
                return List.of();
            }
        }
        NativeQuery q = em.createNativeQuery(SELECT + " " + """
                 WHERE (CAST(?1 AS varchar) IS NULL OR c.school_year = CAST(?1 AS varchar))
                   AND (CAST(?2 AS varchar) IS NULL OR c.member_id = CAST(?2 AS varchar))
                   AND (?3 OR c.status <> 'DRAFT')
                 ORDER BY c.school_year, c.member_id, c.kind, c.created_at""").unwrap(NativeQuery.class);
        q.setParameter(1, schoolYear, String.class).setParameter(2, member, String.class).setParameter(3, all);
        return ((List<Object[]>) q.getResultList()).stream().map(r -> toView(r, false)).toList();
    }

    private static final String SELECT = """
            SELECT c.id, c.member_id, m.name, c.school_year, c.kind, c.status, c.amount, c.number, c.issued_on, c.paid_on,
                   c.credit_note_number, c.cancelled_on, c.cancel_reason, c.derivation
            FROM contribution_call c LEFT JOIN billing_member m ON m.member_id = c.member_id""";

    private CallView toView(Object[] r, boolean withAudit) {
        UUID id = (UUID) r[0];
        try {
            return new CallView(id, (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                    Money.format(Money.cents((BigDecimal) r[6])), (String) r[7], BeneficiaryStore.date(r[8]),
                    BeneficiaryStore.date(r[9]), (String) r[10], BeneficiaryStore.date(r[11]), (String) r[12],
                    mapper.readTree((String) r[13]), withAudit ? audit.ofCall(id) : List.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored derivation of call " + id + " is not JSON", e);
        }
    }

    private String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------- estimate

    /**
     * Estimate for a prospective member (no state change): with school year Y's figures, a member with s students would
     * have paid net_Y × s / (S_Y + s), where S_Y is the liable members' students of Y; alone, its share is rounded half-up
     * to the cent (inside a real allocation the largest remainder may move it by at most one cent).
     */
    @Transactional
    public Estimate estimate(SchoolYear year, long students) {
        long paid = budget.paidExpensesCents(year);
        long feder = budget.federCents(year);
        long net = ProRataAllocation.netChargesArePaidExpensesMinusFeder(paid, feder);
        long liableStudents = 0;
        for (MemberYear m : beneficiaries.ecoleMembers(year)) {
            if (Liability.memberIsLiableWhenFirstAccessStartedByYearEndAndNotTerminatedBeforeYearStart(
                    m.firstAccessStart(), m.terminatedOn(), year)) {
                liableStudents += m.beneficiaryStudents();
            }
        }
        long total = liableStudents + students;
        BigDecimal exact = total == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(net).multiply(BigDecimal.valueOf(students))
                        .divide(BigDecimal.valueOf(total), 6, RoundingMode.HALF_EVEN).movePointLeft(2);
        long cents = total == 0 ? 0 : BigDecimal.valueOf(net).multiply(BigDecimal.valueOf(students))
                .divide(BigDecimal.valueOf(total), 0, RoundingMode.HALF_UP).longValueExact();
        return new Estimate(year.name(), students, Money.format(net), liableStudents, exact.setScale(6, RoundingMode.HALF_EVEN).toPlainString(),
                Money.format(cents), "net charges x students / (liable students + students), half-up to the cent (art. 4.1)");
    }

    public SchoolYear currentYear() {
        return SchoolYear.containing(LocalDate.now(clock));
    }
}
