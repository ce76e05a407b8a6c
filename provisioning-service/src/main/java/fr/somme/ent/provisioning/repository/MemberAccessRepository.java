package fr.somme.ent.provisioning.repository;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fr.somme.ent.provisioning.domain.ClassDeployment;

/** Table {@code member_access}: a member's first access start (rule 11), set once, by its first deployed class. */
@ApplicationScoped
public class MemberAccessRepository {

    private final Jdbc jdbc;

    public MemberAccessRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * For classes deployed in this order: the member's first one sets its access start when it had none (the row did
     * not exist). Returns the classes that were their member's first access.
     */
    public Set<UUID> recordFirstAccesses(List<ClassDeployment> deployed) {
        return new HashSet<>(jdbc.list("INSERT INTO member_access (member_id, first_access_date, first_project_id) "
                + "SELECT DISTINCT ON (m) m, d, p FROM unnest(?::text[], ?::date[], ?::uuid[]) WITH ORDINALITY AS u(m, d, p, n) "
                + "ORDER BY m, n ON CONFLICT (member_id) DO NOTHING RETURNING first_project_id",
                rs -> rs.getObject("first_project_id", UUID.class),
                deployed.stream().map(ClassDeployment::memberId).toArray(String[]::new),
                deployed.stream().map(c -> c.accessStartDate().toString()).toArray(String[]::new),
                deployed.stream().map(c -> c.projectId().toString()).toArray(String[]::new)));
    }
}
