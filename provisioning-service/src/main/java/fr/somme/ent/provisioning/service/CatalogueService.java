package fr.somme.ent.provisioning.service;

import java.time.Clock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.commons.rest.PageOf;
import fr.somme.ent.provisioning.domain.Resource;
import fr.somme.ent.provisioning.repository.CatalogueRepository;

/** The catalogue of paid pedagogical resources (art. 2), kept by the operator; the licence rule prices from it. */
@ApplicationScoped
public class CatalogueService {

    private final CatalogueRepository catalogue;
    private final Clock clock;

    public CatalogueService(CatalogueRepository catalogue, Clock clock) {
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** Creates or replaces the resource and its prices; returns it as stored. */
    @Transactional
    public Resource put(Resource resource, String by) {
        catalogue.save(resource, by, clock.instant());
        return get(resource.code());
    }

    /** A page of the catalogue, in code order. */
    @Transactional
    public PageOf<Resource> page(int page, int size) {
        return new PageOf<>(catalogue.page(size, PageOf.offset(page, size)), page, size, catalogue.count());
    }

    @Transactional
    public Resource get(String code) {
        return catalogue.find(code).stream().findFirst().orElseThrow(() -> ProblemException.notFound("resource", code));
    }
}
