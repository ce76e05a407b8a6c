package fr.somme.ent.projects.repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import fr.somme.ent.projects.domain.Project;
import fr.somme.ent.projects.domain.ProjectState;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** The projects, listed oldest first; every list takes the optional state and school year filters of the API. */
@ApplicationScoped
public class ProjectRepository implements PanacheRepositoryBase<Project, UUID> {

    /** The project, its row locked until the end of the transaction (two renewals of one project never cross). */
    public Project lockedForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Whether a project was renewed from {@code source}. */
    public boolean renewed(UUID source) {
        return count("renewedFrom", source) > 0;
    }

    public List<Project> all(ProjectState state, String schoolYear) {
        return filtered("1 = 1", new HashMap<>(), state, schoolYear);
    }

    /** The projects of a circonscription that left the draft stage. */
    public List<Project> announcedInCirconscription(String circonscriptionCode, ProjectState state, String schoolYear) {
        Map<String, Object> params = new HashMap<>(Map.of("circ", circonscriptionCode, "draft", ProjectState.DRAFT));
        return filtered("circonscriptionCode = :circ AND state <> :draft", params, state, schoolYear);
    }

    /** A teacher's projects: by his subject; those written before subjects were recorded (V6) by his user name. */
    public List<Project> ofTeacherAtSchool(String teacherSub, String teacherId, String schoolUai, ProjectState state,
            String schoolYear) {
        Map<String, Object> params = new HashMap<>(Map.of("sub", teacherSub, "teacher", teacherId, "uai", schoolUai));
        return filtered("(teacherSub = :sub OR (teacherSub IS NULL AND teacherId = :teacher)) AND schoolUai = :uai", params,
                state, schoolYear);
    }

    public List<Project> withIds(Collection<UUID> ids, ProjectState state, String schoolYear) {
        if (ids.isEmpty()) {
            return List.of(); // an empty IN list is not valid JPQL
        }
        return filtered("id IN :ids", new HashMap<>(Map.of("ids", ids)), state, schoolYear);
    }

    private List<Project> filtered(String where, Map<String, Object> params, ProjectState state, String schoolYear) {
        StringBuilder query = new StringBuilder(where);
        if (state != null) {
            query.append(" AND state = :state");
            params.put("state", state);
        }
        if (schoolYear != null) {
            query.append(" AND schoolYear = :year");
            params.put("year", schoolYear);
        }
        return list(query.toString(), Sort.by("createdAt").and("id"), params);
    }
}
