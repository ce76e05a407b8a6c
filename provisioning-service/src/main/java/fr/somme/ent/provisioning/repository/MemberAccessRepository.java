package fr.somme.ent.provisioning.repository;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/** Table {@code member_access}: a member's first access start (rule 11), set once, by its first deployed class. */
@ApplicationScoped
public class MemberAccessRepository {

    private final Jdbc jdbc;

    public MemberAccessRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** True when this class is the member's first access (the row did not exist). */
    public boolean recordFirstAccess(String memberId, LocalDate accessStart, UUID projectId) {
        return jdbc.update("INSERT INTO member_access (member_id, first_access_date, first_project_id) "
                + "VALUES (?, ?, ?) ON CONFLICT (member_id) DO NOTHING", memberId, accessStart, projectId) == 1;
    }
}
