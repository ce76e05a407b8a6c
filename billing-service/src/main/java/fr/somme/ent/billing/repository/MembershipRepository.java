package fr.somme.ent.billing.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import fr.somme.ent.billing.domain.Membership;

/** The adhesions and terminations of the members ({@code membership_change}), from ent.membership.v1 (art. 3, 6). */
@ApplicationScoped
public class MembershipRepository {

    private final EntityManager em;

    public MembershipRepository(EntityManager em) {
        this.em = em;
    }

    /** An adhesion-effective or a membership-terminated; recorded once per member, change and date. */
    public void changed(StatementBatch into, String memberId, Membership.Change change, LocalDate effectiveDate) {
        into.add("""
                INSERT INTO membership_change (member_id, change, effective_date) VALUES (?, ?, ?) ON CONFLICT DO NOTHING""",
                memberId, change.name(), effectiveDate);
    }

    /** Every member's memberships; a member without any change recorded is absent (one statement, streamed). */
    public Map<String, Membership> memberships() {
        Map<String, List<Membership.Event>> events = new HashMap<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT member_id, change, effective_date FROM membership_change")) {
                statement.setFetchSize(10_000);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        events.computeIfAbsent(rows.getString("member_id"), k -> new ArrayList<>()).add(new Membership.Event(
                                Membership.Change.valueOf(rows.getString("change")),
                                rows.getObject("effective_date", LocalDate.class)));
                    }
                }
            }
        });
        Map<String, Membership> memberships = new HashMap<>();
        events.forEach((member, list) -> memberships.put(member, Membership.of(list)));
        return memberships;
    }
}
