package fr.somme.ent.billing.service;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import fr.somme.ent.billing.domain.ContributionEstimate;
import fr.somme.ent.commons.ids.SchoolYear;

/** What a prospective member would contribute for its students; reads the figures, changes nothing. */
@ApplicationScoped
public class EstimateContribution {

    private final PeriodFiguresReader figures;
    private final Clock clock;

    public EstimateContribution(PeriodFiguresReader figures, Clock clock) {
        this.figures = figures;
        this.clock = clock;
    }

    /** With the figures of school year {@code year}. */
    @Transactional
    public ContributionEstimate estimate(SchoolYear year, long students) {
        return ContributionEstimate.of(figures.read(year), students);
    }

    /** With the current school year's budget so far. */
    @Transactional
    public ContributionEstimate withCurrentYearsBudget(long students) {
        return estimate(SchoolYear.containing(LocalDate.now(clock)), students);
    }
}
