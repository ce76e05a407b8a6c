package fr.somme.ent.membership.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fr.somme.ent.membership.domain.ComponentOptOut;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** The Département's component opt-outs (art. 4.3). */
@ApplicationScoped
public class ComponentOptOutRepository implements PanacheRepositoryBase<ComponentOptOut, UUID> {

    /** The member's opt-outs in the order they were recorded; the caller pages and counts. */
    public PanacheQuery<ComponentOptOut> ofMember(String memberId) {
        // The notification date breaks ties of the recording instant (equal when the clock is fixed, ENT_CLOCK_FIXED).
        return find("memberId", Sort.by("recordedAt").and("notifiedOn").and("id"), memberId);
    }
}
