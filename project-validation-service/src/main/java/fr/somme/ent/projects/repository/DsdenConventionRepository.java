package fr.somme.ent.projects.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fr.somme.ent.commons.rest.PageOf;
import fr.somme.ent.projects.domain.DsdenConvention;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class DsdenConventionRepository implements PanacheRepositoryBase<DsdenConvention, UUID> {

    public boolean existsWithReference(String reference) {
        return count("reference", reference) > 0;
    }

    private static final Sort BY_VALID_FROM = Sort.by("validFrom").and("id");

    /** Oldest first. */
    public List<DsdenConvention> allByValidFrom() {
        return listAll(BY_VALID_FROM);
    }

    /** A page, oldest first then by id (LIMIT/OFFSET and a COUNT in SQL); a page past the last one is empty. */
    public PageOf<DsdenConvention> page(int page, int size) {
        return Pages.of(findAll(BY_VALID_FROM), page, size);
    }
}
