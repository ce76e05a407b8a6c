package fr.somme.ent.projects.repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fr.somme.ent.projects.domain.ClassDeployment;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** What provisioning announced about each project's class, by project id. */
@ApplicationScoped
public class ClassDeploymentRepository implements PanacheRepositoryBase<ClassDeployment, UUID> {

    /** The project's class deployment as announced so far, or a new, empty one (not yet persisted). */
    public ClassDeployment ofProject(UUID projectId) {
        return findByIdOptional(projectId).orElseGet(() -> ClassDeployment.ofProject(projectId));
    }

    public boolean classDeployed(UUID projectId) {
        return findByIdOptional(projectId).map(ClassDeployment::classDeployed).orElse(false);
    }

    /** Ids per query: far below the 32,767 bind parameters PostgreSQL's protocol allows in one statement. */
    static final int IDS_PER_QUERY = 1000;

    /**
     * The deployments known for these projects, one query per {@value #IDS_PER_QUERY} ids (a list of projects is shown
     * with its deployments), instead of one query per project.
     */
    public List<ClassDeployment> ofProjects(Collection<UUID> projectIds) {
        List<UUID> ids = List.copyOf(projectIds);
        List<ClassDeployment> found = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            found.addAll(list("projectId IN ?1", ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY))));
        }
        return found;
    }
}
