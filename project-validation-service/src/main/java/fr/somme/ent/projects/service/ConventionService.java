package fr.somme.ent.projects.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.projects.domain.DsdenConvention;
import fr.somme.ent.projects.domain.ProjectRules;

/** The framework conventions with the DSDEN and the one in force on a given day (art. 2). */
@ApplicationScoped
public class ConventionService {

    private final Clock clock;

    public ConventionService(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    public DsdenConvention register(String reference, LocalDate validFrom, LocalDate validTo, LocalDate signedOn, String actor) {
        if (DsdenConvention.count("reference", reference) > 0) {
            throw ProblemException.conflict("duplicate-convention", "convention " + reference + " is already registered");
        }
        ProjectRules.dsdenConventionsDoNotOverlap(periods(), new ProjectRules.ConventionPeriod(reference, validFrom, validTo));
        DsdenConvention c = new DsdenConvention();
        c.id = UUID.randomUUID();
        c.reference = reference;
        c.validFrom = validFrom;
        c.validTo = validTo;
        c.signedOn = signedOn;
        c.recordedBy = actor;
        c.recordedAt = clock.instant();
        c.persist();
        return c;
    }

    public List<DsdenConvention> all() {
        return DsdenConvention.list("ORDER BY validFrom");
    }

    public List<ProjectRules.ConventionPeriod> periods() {
        return all().stream().map(DsdenConvention::period).toList();
    }
}
