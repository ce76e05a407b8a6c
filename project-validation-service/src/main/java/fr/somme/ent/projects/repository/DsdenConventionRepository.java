package fr.somme.ent.projects.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fr.somme.ent.projects.domain.DsdenConvention;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class DsdenConventionRepository implements PanacheRepositoryBase<DsdenConvention, UUID> {

    public boolean existsWithReference(String reference) {
        return count("reference", reference) > 0;
    }

    /** Oldest first. */
    public List<DsdenConvention> allByValidFrom() {
        return listAll(Sort.by("validFrom"));
    }
}
