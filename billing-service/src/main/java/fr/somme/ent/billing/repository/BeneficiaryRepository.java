package fr.somme.ent.billing.repository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import fr.somme.ent.billing.domain.MarketPriceInvoice;

/**
 * What billing knows of the members and their deployments, from membership and provisioning events
 * ({@code billing_member}, {@code component_opt_out}, {@code class_access}, {@code college_usage}), read for the
 * computation of a period (art. 4.1, 4.3). Every write is an idempotent upsert: events may be delivered again.
 */
@ApplicationScoped
public class BeneficiaryRepository {

    /** "This member exists", for every member of a transaction at once (in SIREN order, the order they are sent in). */
    private static final StatementBatch.MultiRow MEMBER_EXISTS = new StatementBatch.MultiRow("""
            INSERT INTO billing_member (member_id)
            SELECT r.member_id FROM unnest(?::text[]) WITH ORDINALITY AS r(member_id, n) ORDER BY r.n
            ON CONFLICT DO NOTHING""", 1);

    /** access-started of many classes at once; never the same class twice (StatementBatch cuts the rows before it). */
    private static final StatementBatch.MultiRow ACCESS_STARTED = new StatementBatch.MultiRow("""
            INSERT INTO class_access (project_id, member_id, school_year, school_uai, class_label, school_level, students,
                                      access_start)
            SELECT r.project_id::uuid, r.member_id, r.school_year, r.school_uai, r.class_label, r.school_level,
                   r.students::int, r.access_start::date
            FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY
                 AS r(project_id, member_id, school_year, school_uai, class_label, school_level, students, access_start, n)
            ORDER BY r.n
            ON CONFLICT (project_id, school_year) DO UPDATE
              SET member_id = EXCLUDED.member_id, school_uai = EXCLUDED.school_uai, class_label = EXCLUDED.class_label,
                  school_level = EXCLUDED.school_level, students = EXCLUDED.students,
                  access_start = least(class_access.access_start, EXCLUDED.access_start), access_end = NULL""", 8);

    private final EntityManager em;

    public BeneficiaryRepository(EntityManager em) {
        this.em = em;
    }

    /** The writes of one transaction, sent in as few statements as their order allows ({@link StatementBatch#flush()}). */
    public StatementBatch writes() {
        return new StatementBatch(em);
    }

    /** member-registered / member-updated: a missing name or kind keeps the known one. */
    public void registered(StatementBatch into, String memberId, String name, String kind) {
        into.add("""
                INSERT INTO billing_member (member_id, name, kind) VALUES (?, ?, ?)
                ON CONFLICT (member_id) DO UPDATE SET name = coalesce(EXCLUDED.name, billing_member.name),
                                                      kind = coalesce(EXCLUDED.kind, billing_member.kind)""",
                memberId, name, kind);
    }

    public void optedOut(StatementBatch into, String memberId, String component, int effectiveFromYear) {
        into.add("""
                INSERT INTO component_opt_out (member_id, component, effective_from_year) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING""", memberId, component, effectiveFromYear);
    }

    /**
     * A member known only from provisioning events so far. It commutes with every other write (an insert that does
     * nothing when the member is known; {@link #registered} keeps a known name), so it is sent first, once per member,
     * every member of the transaction in one statement.
     */
    public void ensureMember(StatementBatch into, String memberId) {
        into.addFirstRow("billing_member/" + memberId, MEMBER_EXISTS, memberId);
    }

    /**
     * access-started: one row per class (its project) and year, the latest student count, the earliest start; reopened
     * if ended. The label and school are only shown: two classes with the same label are two projects. The classes of a
     * poll batch go in one statement (the same class twice: in two, in the order of the events).
     */
    public void accessStarted(StatementBatch into, UUID projectId, String memberId, String schoolYear, String schoolUai,
            String classLabel, String schoolLevel, int students, LocalDate accessStart) {
        into.addRow(ACCESS_STARTED, projectId + "/" + schoolYear, projectId, memberId, schoolYear, schoolUai, classLabel,
                schoolLevel, students, accessStart);
    }

    public void accessEnded(StatementBatch into, UUID projectId, String schoolYear, LocalDate accessEnd) {
        into.add("UPDATE class_access SET access_end = ? WHERE project_id = ? AND school_year = ?", accessEnd, projectId,
                schoolYear);
    }

    /** A collège usage event (accounts or licences), recorded once per event id. */
    public void collegeUsage(StatementBatch into, String eventId, String memberId, String schoolYear, String component,
            int quantity) {
        into.add("""
                INSERT INTO college_usage (event_id, member_id, school_year, component, quantity) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""", eventId, memberId, schoolYear, component, quantity);
    }

    /** Members with collège usage in the year (the Département, art. 4.3), in SIREN order. */
    @SuppressWarnings("unchecked")
    public List<String> collegeMembers(String schoolYear) {
        return em.createNativeQuery("SELECT DISTINCT member_id FROM college_usage WHERE school_year = ?1 ORDER BY member_id")
                .setParameter(1, schoolYear).getResultList();
    }

    /** The collèges' accounts and licences of the member for the year, summed per component. */
    @SuppressWarnings("unchecked")
    public MarketPriceInvoice.Usage collegeUsage(String memberId, String schoolYear) {
        List<Tuple> rows = em.createNativeQuery("""
                SELECT component, sum(quantity) AS quantity FROM college_usage WHERE member_id = ?1 AND school_year = ?2
                GROUP BY component""", Tuple.class).setParameter(1, memberId).setParameter(2, schoolYear).getResultList();
        long accounts = 0;
        Map<String, Long> licences = new TreeMap<>();
        for (Tuple r : rows) {
            String component = Rows.text(r, "component");
            long quantity = Rows.number(r, "quantity");
            if (MarketPriceInvoice.ACCOUNTS.equals(component)) {
                accounts = quantity;
            } else {
                licences.put(component.substring(PriceListRepository.LICENCE.length()), quantity);
            }
        }
        return new MarketPriceInvoice.Usage(accounts, accounts, licences);
    }

    /** Components the member opted out of that cover the year (notified for a year on or before it, art. 4.3). */
    @SuppressWarnings("unchecked")
    public Set<String> optedOut(String memberId, int schoolYearStart) {
        return new HashSet<>(em.createNativeQuery(
                "SELECT component FROM component_opt_out WHERE member_id = ?1 AND effective_from_year <= ?2")
                .setParameter(1, memberId).setParameter(2, schoolYearStart).getResultList());
    }

    /** Names of the members, for views ({@code null} names are left out). */
    @SuppressWarnings("unchecked")
    public Map<String, String> names(Collection<String> memberIds) {
        Map<String, String> names = new HashMap<>();
        if (memberIds.isEmpty()) {
            return names;
        }
        List<Tuple> rows = em.createNativeQuery("SELECT member_id, name FROM billing_member WHERE member_id IN (:ids)",
                Tuple.class).setParameter("ids", memberIds).getResultList();
        rows.stream().filter(r -> r.get("name") != null)
                .forEach(r -> names.put(Rows.text(r, "member_id"), Rows.text(r, "name")));
        return names;
    }
}
