package fr.somme.ent.membership.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fr.somme.ent.membership.domain.ComponentOptOut;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** The Département's component opt-outs (art. 4.3). */
@ApplicationScoped
public class ComponentOptOutRepository implements PanacheRepositoryBase<ComponentOptOut, UUID> {

    public List<ComponentOptOut> listOfMember(String memberId) {
        return list("memberId", Sort.by("recordedAt"), memberId);
    }
}
