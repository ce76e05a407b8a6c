package fr.somme.ent.membership.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import fr.somme.ent.membership.domain.Adhesion;
import fr.somme.ent.membership.domain.AdhesionState;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The adhesions of the members; their history is in {@link AdhesionTransitionRepository}. */
@ApplicationScoped
public class AdhesionRepository implements PanacheRepositoryBase<Adhesion, UUID> {

    /** The member's adhesion in progress or effective, if any (at most one: a partial unique index holds it). */
    public Optional<Adhesion> findOpen(String memberId) {
        return find("memberId = ?1 and state <> ?2", memberId, AdhesionState.TERMINATED).firstResultOptional();
    }

    public Optional<Adhesion> findOfMember(String memberId, UUID adhesionId) {
        return findByIdOptional(adhesionId).filter(a -> a.memberId.equals(memberId));
    }

    /** The adhesion locked for update, so that two steps on it are applied one after the other. */
    public Optional<Adhesion> lockOfMember(String memberId, UUID adhesionId) {
        return findByIdOptional(adhesionId, LockModeType.PESSIMISTIC_WRITE).filter(a -> a.memberId.equals(memberId));
    }

    /** Locks the adhesion read earlier and reloads it, so that the steps that follow see its latest state. */
    public void lock(Adhesion adhesion) {
        getEntityManager().refresh(adhesion, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Oldest first: by creation time, then in the order their deliberations were recorded (the history's sequence), then
     * by id, so that the order holds when the clock is fixed ({@code ENT_CLOCK_FIXED}) and two adhesions carry the same instant.
     */
    public List<Adhesion> listOfMember(String memberId, int offset, int limit) {
        return getEntityManager().createQuery("select a from Adhesion a left join AdhesionTransition t on t.adhesionId = a.id "
                + "and t.action = 'DELIBERATION_RECORDED' where a.memberId = :member order by a.createdAt, t.id, a.id", Adhesion.class)
                .setParameter("member", memberId).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public long countOfMember(String memberId) {
        return count("memberId", memberId);
    }
}
