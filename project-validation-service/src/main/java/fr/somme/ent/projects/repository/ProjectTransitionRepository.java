package fr.somme.ent.projects.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fr.somme.ent.projects.domain.ProjectTransition;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** The history of the projects: appended to, never changed. */
@ApplicationScoped
public class ProjectTransitionRepository implements PanacheRepositoryBase<ProjectTransition, Long> {

    /** A project's history in the order it happened. */
    public List<ProjectTransition> history(UUID projectId) {
        return list("projectId", Sort.by("id"), projectId);
    }
}
