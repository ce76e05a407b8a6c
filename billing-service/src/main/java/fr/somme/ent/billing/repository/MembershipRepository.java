package fr.somme.ent.billing.repository;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import fr.somme.ent.billing.domain.Membership;

/** The adhesions and terminations of the members ({@code membership_change}), from ent.membership.v1 (art. 3, 6). */
@ApplicationScoped
public class MembershipRepository {

    private final EntityManager em;

    public MembershipRepository(EntityManager em) {
        this.em = em;
    }

    /** An adhesion-effective or a membership-terminated; recorded once per member, change and date. */
    public void changed(String memberId, Membership.Change change, LocalDate effectiveDate) {
        em.createNativeQuery("""
                INSERT INTO membership_change (member_id, change, effective_date) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING""")
                .setParameter(1, memberId).setParameter(2, change.name()).setParameter(3, Date.valueOf(effectiveDate))
                .executeUpdate();
    }

    /** Every member's memberships; a member without any change recorded is absent. */
    @SuppressWarnings("unchecked")
    public Map<String, Membership> memberships() {
        List<Tuple> rows = em.createNativeQuery("SELECT member_id, change, effective_date FROM membership_change", Tuple.class)
                .getResultList();
        Map<String, List<Membership.Event>> events = new HashMap<>();
        for (Tuple r : rows) {
            events.computeIfAbsent(Rows.text(r, "member_id"), k -> new ArrayList<>()).add(new Membership.Event(
                    Membership.Change.valueOf(Rows.text(r, "change")), Rows.date(r, "effective_date")));
        }
        Map<String, Membership> memberships = new HashMap<>();
        events.forEach((member, list) -> memberships.put(member, Membership.of(list)));
        return memberships;
    }
}
