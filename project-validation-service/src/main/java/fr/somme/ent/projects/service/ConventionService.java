package fr.somme.ent.projects.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import fr.somme.ent.commons.rest.PageOf;
import fr.somme.ent.commons.rules.Rejection;
import fr.somme.ent.projects.domain.DsdenConvention;
import fr.somme.ent.projects.domain.ProjectRules;
import fr.somme.ent.projects.repository.DsdenConventionRepository;

/** The framework conventions with the DSDEN and the one in force on a given day (art. 2). */
@ApplicationScoped
public class ConventionService {

    private final Clock clock;
    private final DsdenConventionRepository conventions;

    public ConventionService(Clock clock, DsdenConventionRepository conventions) {
        this.clock = clock;
        this.conventions = conventions;
    }

    @Transactional
    public DsdenConvention register(String reference, LocalDate validFrom, LocalDate validTo, LocalDate signedOn, String actor) {
        if (conventions.existsWithReference(reference)) {
            throw Rejection.conflict("duplicate-convention", "convention " + reference + " is already registered");
        }
        DsdenConvention c = DsdenConvention.record(new ProjectRules.ConventionPeriod(reference, validFrom, validTo, signedOn), actor,
                clock.instant(), periods());
        conventions.persist(c);
        return c;
    }

    /** A page of the conventions, by start of validity then id. */
    public PageOf<DsdenConvention> page(int page, int size) {
        return conventions.page(page, size);
    }

    public List<DsdenConvention> all() {
        return conventions.allByValidFrom();
    }

    public List<ProjectRules.ConventionPeriod> periods() {
        return all().stream().map(DsdenConvention::period).toList();
    }
}
