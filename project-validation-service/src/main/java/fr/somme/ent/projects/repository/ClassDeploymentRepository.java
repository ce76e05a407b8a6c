package fr.somme.ent.projects.repository;

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
}
