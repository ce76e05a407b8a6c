package fr.somme.ent.membership.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fr.somme.ent.membership.domain.SchoolDesignation;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** The schools currently designated, one member per school and school year (the primary key holds it). */
@ApplicationScoped
public class SchoolDesignationRepository implements PanacheRepositoryBase<SchoolDesignation, SchoolDesignation.Key> {

    public List<SchoolDesignation> heldByOtherMembers(String schoolYear, Collection<String> uais, String memberId) {
        return list("schoolYear = ?1 and uai in ?2 and memberId <> ?3", schoolYear, uais, memberId);
    }

    public List<SchoolDesignation> listOf(String memberId, String schoolYear) {
        return list("memberId = ?1 and schoolYear = ?2", Sort.by("uai"), memberId, schoolYear);
    }

    public List<SchoolDesignation> listOfAdhesion(String memberId, UUID adhesionId) {
        return list("memberId = ?1 and adhesionId = ?2", Sort.by("uai"), memberId, adhesionId);
    }

    /** Removes the member's list for a school year, flushed so that the new list can take the same keys. */
    public void deleteOf(String memberId, String schoolYear) {
        delete("memberId = ?1 and schoolYear = ?2", memberId, schoolYear);
        flush();
    }

    /** The school years in which the member holds schools. */
    public List<String> yearsOf(String memberId) {
        return getEntityManager().createQuery("select distinct d.schoolYear from SchoolDesignation d where d.memberId = :member "
                + "order by d.schoolYear", String.class).setParameter("member", memberId).getResultList();
    }
}
