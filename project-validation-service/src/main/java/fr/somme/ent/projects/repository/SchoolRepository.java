package fr.somme.ent.projects.repository;

import jakarta.enterprise.context.ApplicationScoped;

import fr.somme.ent.projects.domain.School;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class SchoolRepository implements PanacheRepositoryBase<School, String> {
}
