package fr.somme.ent.provisioning.repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fr.somme.ent.provisioning.domain.PersonName;

/** Table {@code roster_entry}: the names a school uploads before deployment (personal data, purged with the accounts). */
@ApplicationScoped
public class RosterRepository {

    private final Jdbc jdbc;

    public RosterRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The class's roster in upload order. */
    public List<PersonName> ofClass(UUID projectId) {
        return jdbc.list("SELECT first_name, last_name FROM roster_entry WHERE project_id = ? ORDER BY position",
                rs -> new PersonName(rs.getString("last_name"), rs.getString("first_name")), projectId);
    }

    /** The rosters of these classes, each in upload order (a class without roster is absent). */
    public Map<UUID, List<PersonName>> ofClasses(List<UUID> projectIds) {
        Map<UUID, List<PersonName>> rosters = new HashMap<>();
        jdbc.list("SELECT project_id, first_name, last_name FROM roster_entry WHERE project_id = ANY(?::uuid[]) "
                + "ORDER BY project_id, position", rs -> rosters.computeIfAbsent(rs.getObject("project_id", UUID.class),
                        k -> new ArrayList<>()).add(new PersonName(rs.getString("last_name"), rs.getString("first_name"))),
                (Object) Jdbc.uuids(projectIds));
        return rosters;
    }

    public void replace(UUID projectId, List<PersonName> lines) {
        jdbc.update("DELETE FROM roster_entry WHERE project_id = ?", projectId);
        List<Integer> positions = new ArrayList<>();
        for (int i = 1; i <= lines.size(); i++) {
            positions.add(i);
        }
        jdbc.batch("INSERT INTO roster_entry (project_id, position, last_name, first_name) VALUES (?, ?, ?, ?)", positions,
                n -> Arrays.asList(projectId, n, lines.get(n - 1).lastName(), lines.get(n - 1).firstName()));
    }

    /** A discarded class's roster goes with it (rule 12: no names kept for a class that will never deploy). */
    public int deleteOfClass(UUID projectId) {
        return jdbc.update("DELETE FROM roster_entry WHERE project_id = ?", projectId);
    }

    /**
     * Rule 12: rosters of classes closed on or before the cutoff are deleted (and, as a safety net, any roster line
     * of a discarded class, whose roster was already deleted when it was discarded).
     */
    public int deleteOfClassesClosedOnOrBefore(LocalDate cutoff) {
        return jdbc.update("DELETE FROM roster_entry r USING class_deployment c WHERE c.project_id = r.project_id "
                + "AND c.status IN ('CLOSED', 'DISCARDED') AND c.closed_on <= ?", cutoff);
    }
}
