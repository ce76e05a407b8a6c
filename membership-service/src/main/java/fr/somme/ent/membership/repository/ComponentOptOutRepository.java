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
        // The notification date breaks ties of the recording instant (equal when the clock is fixed, ENT_CLOCK_FIXED).
        return list("memberId", Sort.by("recordedAt").and("notifiedOn").and("id"), memberId);
    }
}
