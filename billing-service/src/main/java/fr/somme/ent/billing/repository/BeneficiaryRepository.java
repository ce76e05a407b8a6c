package fr.somme.ent.billing.repository;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
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

import org.hibernate.query.NativeQuery;

import fr.somme.ent.billing.domain.BeneficiaryStudents.ClassAccess;
import fr.somme.ent.billing.domain.MarketPriceInvoice;

/**
 * What billing knows of the members and their deployments, from membership and provisioning events
 * ({@code billing_member}, {@code component_opt_out}, {@code class_access}, {@code college_usage}), read for the
 * computation of a period (art. 4.1, 4.3). Every write is an idempotent upsert: events may be delivered again.
 */
@ApplicationScoped
public class BeneficiaryRepository {

    /** A member with école classes: its name and first école access (any school year). */
    public record EcoleMember(String memberId, String name, LocalDate firstAccessStart) {
    }

    private final EntityManager em;

    public BeneficiaryRepository(EntityManager em) {
        this.em = em;
    }

    /** member-registered / member-updated: a missing name or kind keeps the known one. */
    public void registered(String memberId, String name, String kind) {
        em.createNativeQuery("""
                INSERT INTO billing_member (member_id, name, kind) VALUES (?1, ?2, ?3)
                ON CONFLICT (member_id) DO UPDATE SET name = coalesce(EXCLUDED.name, billing_member.name),
                                                      kind = coalesce(EXCLUDED.kind, billing_member.kind)""")
                .unwrap(NativeQuery.class)
                .setParameter(1, memberId).setParameter(2, name, String.class).setParameter(3, kind, String.class)
                .executeUpdate();
    }

    public void optedOut(String memberId, String component, int effectiveFromYear) {
        em.createNativeQuery("""
                INSERT INTO component_opt_out (member_id, component, effective_from_year) VALUES (?1, ?2, ?3)
                ON CONFLICT DO NOTHING""")
                .setParameter(1, memberId).setParameter(2, component).setParameter(3, effectiveFromYear).executeUpdate();
    }

    /** A member known only from provisioning events so far. */
    public void ensureMember(String memberId) {
        em.createNativeQuery("INSERT INTO billing_member (member_id) VALUES (?1) ON CONFLICT DO NOTHING")
                .setParameter(1, memberId).executeUpdate();
    }

    /**
     * access-started: one row per class (its project) and year, the latest student count, the earliest start; reopened
     * if ended. The label and school are only shown: two classes with the same label are two projects.
     */
    public void accessStarted(UUID projectId, String memberId, String schoolYear, String schoolUai, String classLabel,
            String schoolLevel, int students, LocalDate accessStart) {
        em.createNativeQuery("""
                INSERT INTO class_access (project_id, member_id, school_year, school_uai, class_label, school_level, students,
                                          access_start)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                ON CONFLICT (project_id, school_year) DO UPDATE
                  SET member_id = EXCLUDED.member_id, school_uai = EXCLUDED.school_uai, class_label = EXCLUDED.class_label,
                      school_level = EXCLUDED.school_level, students = EXCLUDED.students,
                      access_start = least(class_access.access_start, EXCLUDED.access_start), access_end = NULL""")
                .setParameter(1, projectId).setParameter(2, memberId).setParameter(3, schoolYear)
                .setParameter(4, schoolUai).setParameter(5, classLabel).setParameter(6, schoolLevel)
                .setParameter(7, students).setParameter(8, Date.valueOf(accessStart)).executeUpdate();
    }

    public void accessEnded(UUID projectId, String schoolYear, LocalDate accessEnd) {
        em.createNativeQuery("UPDATE class_access SET access_end = ?3 WHERE project_id = ?1 AND school_year = ?2")
                .setParameter(1, projectId).setParameter(2, schoolYear).setParameter(3, Date.valueOf(accessEnd))
                .executeUpdate();
    }

    /** A collège usage event (accounts or licences), recorded once per event id. */
    public void collegeUsage(String eventId, String memberId, String schoolYear, String component, int quantity) {
        em.createNativeQuery("""
                INSERT INTO college_usage (event_id, member_id, school_year, component, quantity) VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT DO NOTHING""")
                .setParameter(1, eventId).setParameter(2, memberId).setParameter(3, schoolYear)
                .setParameter(4, component).setParameter(5, quantity).executeUpdate();
    }

    /** Every member with an école access recorded (any year), in SIREN order. */
    @SuppressWarnings("unchecked")
    public List<EcoleMember> ecoleMembers() {
        List<Tuple> rows = em.createNativeQuery("""
                SELECT m.member_id, m.name,
                       (SELECT min(a.access_start) FROM class_access a
                        WHERE a.member_id = m.member_id AND a.school_level = 'ECOLE') AS first_access_start
                FROM billing_member m
                WHERE EXISTS (SELECT 1 FROM class_access a WHERE a.member_id = m.member_id AND a.school_level = 'ECOLE')
                ORDER BY m.member_id""", Tuple.class).getResultList();
        return rows.stream().map(r -> new EcoleMember(Rows.text(r, "member_id"), Rows.text(r, "name"),
                Rows.date(r, "first_access_start"))).toList();
    }

    /** The école classes (projects) of the year by member, by school, class label and project. */
    @SuppressWarnings("unchecked")
    public Map<String, List<ClassAccess>> ecoleClasses(String schoolYear) {
        List<Tuple> rows = em.createNativeQuery("""
                SELECT project_id, member_id, school_uai, class_label, students, access_start, access_end FROM class_access
                WHERE school_year = ?1 AND school_level = 'ECOLE'
                ORDER BY member_id, school_uai, class_label, project_id""", Tuple.class)
                .setParameter(1, schoolYear).getResultList();
        Map<String, List<ClassAccess>> byMember = new TreeMap<>();
        for (Tuple r : rows) {
            byMember.computeIfAbsent(Rows.text(r, "member_id"), k -> new ArrayList<>()).add(new ClassAccess(
                    Rows.uuid(r, "project_id"), Rows.text(r, "school_uai"), Rows.text(r, "class_label"),
                    Rows.number(r, "students"), Rows.date(r, "access_start"), Rows.date(r, "access_end")));
        }
        return byMember;
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
