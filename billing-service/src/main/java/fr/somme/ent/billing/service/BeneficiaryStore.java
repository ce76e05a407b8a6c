package fr.somme.ent.billing.service;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;

import fr.somme.ent.billing.domain.BeneficiaryStudents;
import fr.somme.ent.billing.domain.BeneficiaryStudents.ClassAccess;
import fr.somme.ent.billing.domain.MarketPriceInvoice;
import fr.somme.ent.billing.messaging.IncomingEvents;
import fr.somme.ent.commons.ids.SchoolYear;

/** What billing knows of the members and their deployments, from membership and provisioning events. */
@ApplicationScoped
public class BeneficiaryStore {

    public static final String ECOLE = "ECOLE";
    public static final String COLLEGE = "COLLEGE";

    private final EntityManager em;

    public BeneficiaryStore(EntityManager em) {
        this.em = em;
    }

    /** A member as billing sees it for one school year: first access, termination, école students. */
    public record MemberYear(String memberId, String name, LocalDate firstAccessStart, LocalDate terminatedOn,
            long beneficiaryStudents, List<ClassAccess> classes) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncomingEvents.MemberRegistered e) {
        em.createNativeQuery("""
                INSERT INTO billing_member (member_id, name, kind) VALUES (?1, ?2, ?3)
                ON CONFLICT (member_id) DO UPDATE SET name = coalesce(EXCLUDED.name, billing_member.name),
                                                      kind = coalesce(EXCLUDED.kind, billing_member.kind)""")
                .unwrap(NativeQuery.class)
                .setParameter(1, e.memberId()).setParameter(2, e.name(), String.class).setParameter(3, e.kind(), String.class)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncomingEvents.MembershipTerminated e) {
        em.createNativeQuery("""
                INSERT INTO billing_member (member_id, terminated_on) VALUES (?1, ?2)
                ON CONFLICT (member_id) DO UPDATE SET terminated_on = EXCLUDED.terminated_on""")
                .setParameter(1, e.memberId()).setParameter(2, Date.valueOf(e.effectiveDate())).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncomingEvents.ComponentOptOutNotified e) {
        int from = SchoolYear.parse(e.effectiveFromSchoolYear()).startYear();
        for (String component : e.components()) {
            em.createNativeQuery("""
                    INSERT INTO component_opt_out (member_id, component, effective_from_year) VALUES (?1, ?2, ?3)
                    ON CONFLICT DO NOTHING""")
                    .setParameter(1, e.memberId()).setParameter(2, component).setParameter(3, from).executeUpdate();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncomingEvents.AccessStarted e) {
        SchoolYear.parse(e.schoolYear());
        ensureMember(e.memberId());
        em.createNativeQuery("""
                INSERT INTO class_access (member_id, school_year, school_uai, class_label, school_level, students, access_start)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                ON CONFLICT (member_id, school_year, school_uai, class_label) DO UPDATE
                  SET school_level = EXCLUDED.school_level, students = EXCLUDED.students,
                      access_start = least(class_access.access_start, EXCLUDED.access_start), access_end = NULL""")
                .setParameter(1, e.memberId()).setParameter(2, e.schoolYear()).setParameter(3, e.schoolUai())
                .setParameter(4, e.classLabel()).setParameter(5, e.schoolLevel()).setParameter(6, e.students())
                .setParameter(7, Date.valueOf(e.accessStartDate())).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncomingEvents.AccessEnded e) {
        em.createNativeQuery("""
                UPDATE class_access SET access_end = ?5
                WHERE member_id = ?1 AND school_year = ?2 AND school_uai = ?3 AND class_label = ?4""")
                .setParameter(1, e.memberId()).setParameter(2, e.schoolYear()).setParameter(3, e.schoolUai())
                .setParameter(4, e.classLabel()).setParameter(5, Date.valueOf(e.accessEndDate())).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(String eventId, IncomingEvents.AccountsProvisioned e) {
        if (COLLEGE.equals(e.schoolLevel())) {
            usage(eventId, e.memberId(), e.schoolYear(), MarketPriceInvoice.ACCOUNTS, e.teacherAccounts() + e.studentAccounts());
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(String eventId, IncomingEvents.LicencesAssigned e) {
        if (COLLEGE.equals(e.schoolLevel())) {
            usage(eventId, e.memberId(), e.schoolYear(), "LICENCE:" + e.resourceCode(), e.quantity());
        }
    }

    private void usage(String eventId, String memberId, String schoolYear, String component, int quantity) {
        SchoolYear.parse(schoolYear);
        ensureMember(memberId);
        em.createNativeQuery("""
                INSERT INTO college_usage (event_id, member_id, school_year, component, quantity) VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT DO NOTHING""")
                .setParameter(1, eventId).setParameter(2, memberId).setParameter(3, schoolYear)
                .setParameter(4, component).setParameter(5, quantity).executeUpdate();
    }

    private void ensureMember(String memberId) {
        em.createNativeQuery("INSERT INTO billing_member (member_id) VALUES (?1) ON CONFLICT DO NOTHING")
                .setParameter(1, memberId).executeUpdate();
    }

    /** Every member with an école access recorded, as of school year {@code year} (art. 4.1). */
    @SuppressWarnings("unchecked")
    public List<MemberYear> ecoleMembers(SchoolYear year) {
        List<Object[]> members = em.createNativeQuery("""
                SELECT m.member_id, m.name, m.terminated_on,
                       (SELECT min(a.access_start) FROM class_access a WHERE a.member_id = m.member_id AND a.school_level = 'ECOLE')
                FROM billing_member m
                WHERE EXISTS (SELECT 1 FROM class_access a WHERE a.member_id = m.member_id AND a.school_level = 'ECOLE')
                ORDER BY m.member_id""").getResultList();
        List<Object[]> classes = em.createNativeQuery("""
                SELECT member_id, school_uai, class_label, students, access_start, access_end FROM class_access
                WHERE school_year = ?1 AND school_level = 'ECOLE' ORDER BY member_id, school_uai, class_label""")
                .setParameter(1, year.name()).getResultList();
        Map<String, List<ClassAccess>> byMember = new TreeMap<>();
        for (Object[] c : classes) {
            byMember.computeIfAbsent((String) c[0], k -> new ArrayList<>()).add(new ClassAccess((String) c[1], (String) c[2],
                    ((Number) c[3]).longValue(), date(c[4]), date(c[5])));
        }
        List<MemberYear> result = new ArrayList<>();
        for (Object[] m : members) {
            List<ClassAccess> cs = byMember.getOrDefault((String) m[0], List.of());
            result.add(new MemberYear((String) m[0], (String) m[1], date(m[3]), date(m[2]),
                    BeneficiaryStudents.studentsOfClassesWithEffectiveAccessDuringTheYear(cs, year), cs));
        }
        return result;
    }

    /** Members with collège usage in the year (the Département, art. 4.3). */
    @SuppressWarnings("unchecked")
    public List<String> collegeMembers(SchoolYear year) {
        return em.createNativeQuery("SELECT DISTINCT member_id FROM college_usage WHERE school_year = ?1 ORDER BY member_id")
                .setParameter(1, year.name()).getResultList();
    }

    @SuppressWarnings("unchecked")
    public MarketPriceInvoice.Usage collegeUsage(String memberId, SchoolYear year) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT component, sum(quantity) FROM college_usage WHERE member_id = ?1 AND school_year = ?2 GROUP BY component""")
                .setParameter(1, memberId).setParameter(2, year.name()).getResultList();
        long accounts = 0;
        Map<String, Long> licences = new TreeMap<>();
        for (Object[] r : rows) {
            String component = (String) r[0];
            long quantity = ((Number) r[1]).longValue();
            if (MarketPriceInvoice.ACCOUNTS.equals(component)) {
                accounts = quantity;
            } else {
                licences.put(component.substring("LICENCE:".length()), quantity);
            }
        }
        return new MarketPriceInvoice.Usage(accounts, accounts, licences);
    }

    /** Components the member opted out of that cover {@code year} (notified for a year on or before it, art. 4.3). */
    @SuppressWarnings("unchecked")
    public Set<String> optedOut(String memberId, SchoolYear year) {
        return new HashSet<>(em.createNativeQuery(
                "SELECT component FROM component_opt_out WHERE member_id = ?1 AND effective_from_year <= ?2")
                .setParameter(1, memberId).setParameter(2, year.startYear()).getResultList());
    }

    static LocalDate date(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof LocalDate d) {
            return d;
        }
        return ((Date) o).toLocalDate();
    }
}
