package fr.somme.ent.membership.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fr.somme.ent.membership.domain.AdhesionTransition;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** The history of the adhesions: every step, who and when. */
@ApplicationScoped
public class AdhesionTransitionRepository implements PanacheRepositoryBase<AdhesionTransition, Long> {

    public List<AdhesionTransition> historyOf(UUID adhesionId) {
        return list("adhesionId", Sort.by("id"), adhesionId);
    }
}
