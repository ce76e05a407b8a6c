package fr.somme.ent.projects.repository;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import fr.somme.ent.commons.rest.PageOf;
import fr.somme.ent.projects.domain.Project;
import fr.somme.ent.projects.domain.ProjectState;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/**
 * The projects. Every list is a page in SQL (LIMIT/OFFSET and a COUNT) of the caller's scope with the optional state
 * and school year filters of the API, oldest first then by id (a stable order).
 */
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

    public PageOf<Project> all(ProjectState state, String schoolYear, int page, int size) {
        return filtered("1 = 1", new HashMap<>(), state, schoolYear, page, size);
    }

    /** The projects of a circonscription that left the draft stage. */
    public PageOf<Project> announcedInCirconscription(String circonscriptionCode, ProjectState state, String schoolYear, int page,
            int size) {
        Map<String, Object> params = new HashMap<>(Map.of("circ", circonscriptionCode, "draft", ProjectState.DRAFT));
        return filtered("circonscriptionCode = :circ AND state <> :draft", params, state, schoolYear, page, size);
    }

    /** A teacher's projects: by his subject; those written before subjects were recorded (V6) by his user name. */
    public PageOf<Project> ofTeacherAtSchool(String teacherSub, String teacherId, String schoolUai, ProjectState state,
            String schoolYear, int page, int size) {
        Map<String, Object> params = new HashMap<>(Map.of("sub", teacherSub, "teacher", teacherId, "uai", schoolUai));
        return filtered("(teacherSub = :sub OR (teacherSub IS NULL AND teacherId = :teacher)) AND schoolUai = :uai", params,
                state, schoolYear, page, size);
    }

    private PageOf<Project> filtered(String where, Map<String, Object> params, ProjectState state, String schoolYear, int page,
            int size) {
        StringBuilder query = new StringBuilder(where);
        if (state != null) {
            query.append(" AND state = :state");
            params.put("state", state);
        }
        if (schoolYear != null) {
            query.append(" AND schoolYear = :year");
            params.put("year", schoolYear);
        }
        return Pages.of(find(query.toString(), Sort.by("createdAt").and("id"), params), page, size);
    }
}
