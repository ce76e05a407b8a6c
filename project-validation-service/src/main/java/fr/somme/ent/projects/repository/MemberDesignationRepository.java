package fr.somme.ent.projects.repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import fr.somme.ent.commons.rest.PageOf;
import fr.somme.ent.projects.domain.Project;
import fr.somme.ent.projects.domain.ProjectState;

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

    /**
     * A page of the non-draft projects of the schools the member designates for each project's school year, with the
     * optional state and school year filters, oldest first then by id: LIMIT/OFFSET and a COUNT in SQL.
     */
    public PageOf<Project> announcedProjectsOfDesignatedSchools(String memberId, ProjectState state, String schoolYear, int page,
            int size) {
        String scope = "FROM project p WHERE p.state <> 'DRAFT' AND EXISTS (SELECT 1 FROM member_designation d "
                + "WHERE d.member_id = :member AND d.school_uai = p.school_uai AND d.school_year = p.school_year) "
                + "AND (CAST(:state AS TEXT) IS NULL OR p.state = CAST(:state AS TEXT)) "
                + "AND (CAST(:year AS TEXT) IS NULL OR p.school_year = CAST(:year AS TEXT))";
        String stateName = state == null ? null : state.name();
        @SuppressWarnings("unchecked")
        List<Project> items = em.createNativeQuery("SELECT p.* " + scope + " ORDER BY p.created_at, p.id LIMIT :limit OFFSET :offset",
                Project.class).setParameter("member", memberId).setParameter("state", stateName).setParameter("year", schoolYear)
                .setParameter("limit", size).setParameter("offset", PageOf.offset(page, size)).getResultList();
        Number total = (Number) em.createNativeQuery("SELECT count(*) " + scope).setParameter("member", memberId)
                .setParameter("state", stateName).setParameter("year", schoolYear).getSingleResult();
        return new PageOf<>(items, page, size, total.longValue());
    }
}
