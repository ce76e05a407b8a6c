package fr.somme.ent.projects.repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Read model of membership-service's designations: which schools each member designates per school year, with the
 * revision applied. Set-based (replace a whole set, upsert the revision), hence native SQL.
 */
@ApplicationScoped
public class MemberDesignationRepository {

    private final EntityManager em;

    public MemberDesignationRepository(EntityManager em) {
        this.em = em;
    }

    /** The revision of the member's designations applied for that school year, if any. */
    public Optional<Integer> appliedRevision(String memberId, String schoolYear) {
        Number stored = (Number) em.createNativeQuery(
                "SELECT max(revision) FROM member_designation_set WHERE member_id = :member AND school_year = :year")
                .setParameter("member", memberId).setParameter("year", schoolYear).getSingleResult();
        return Optional.ofNullable(stored).map(Number::intValue);
    }

    /** The member's designated schools for that school year become {@code uais}, at {@code revision}. */
    public void replace(String memberId, String schoolYear, int revision, Collection<String> uais, Instant at) {
        em.createNativeQuery("INSERT INTO member_designation_set (member_id, school_year, revision, updated_at) "
                + "VALUES (:member, :year, :revision, :at) "
                + "ON CONFLICT (member_id, school_year) DO UPDATE SET revision = EXCLUDED.revision, updated_at = EXCLUDED.updated_at")
                .setParameter("member", memberId).setParameter("year", schoolYear).setParameter("revision", revision)
                .setParameter("at", Timestamp.from(at)).executeUpdate();
        em.createNativeQuery("DELETE FROM member_designation WHERE member_id = :member AND school_year = :year")
                .setParameter("member", memberId).setParameter("year", schoolYear).executeUpdate();
        uais.stream().distinct().forEach(uai -> em.createNativeQuery(
                "INSERT INTO member_designation (member_id, school_year, school_uai) VALUES (:member, :year, :uai)")
                .setParameter("member", memberId).setParameter("year", schoolYear).setParameter("uai", uai).executeUpdate());
    }

    /** Whether the member designates that school for that school year. */
    public boolean designates(String memberId, String schoolUai, String schoolYear) {
        Number count = (Number) em.createNativeQuery("SELECT count(*) FROM member_designation "
                + "WHERE member_id = :member AND school_uai = :uai AND school_year = :year")
                .setParameter("member", memberId).setParameter("uai", schoolUai).setParameter("year", schoolYear).getSingleResult();
        return count.longValue() > 0;
    }

    /** The ids of the non-draft projects of the schools the member designates for each project's school year. */
    public List<UUID> announcedProjectsOfDesignatedSchools(String memberId) {
        List<?> ids = em.createNativeQuery("SELECT CAST(p.id AS TEXT) AS id FROM project p JOIN member_designation d "
                + "ON d.school_uai = p.school_uai AND d.school_year = p.school_year WHERE d.member_id = :member AND p.state <> 'DRAFT'")
                .setParameter("member", memberId).getResultList();
        return ids.stream().map(id -> UUID.fromString(id.toString())).toList();
    }
}
