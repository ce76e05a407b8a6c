package fr.somme.ent.billing.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import fr.somme.ent.billing.domain.ContributionEstimate;
import fr.somme.ent.billing.domain.Money;

/** What the estimate endpoint reads and writes. */
public final class EstimateDtos {

    private EstimateDtos() {
    }

    public record EstimateRequest(@NotNull @Min(1) @Max(1_000_000) Long students,
            @NotBlank @Pattern(regexp = "[0-9]{4}-[0-9]{4}", message = "a school year: 2025-2026") String schoolYear) {
    }

    public record Estimate(String schoolYear, long students, String netCharges, long liableStudents, String exactShare,
            String contribution, String rule) {
    }

    public record EstimateView(Estimate withThatYearsFigures, Estimate withCurrentYearsBudget) {
    }

    static Estimate view(ContributionEstimate e) {
        return new Estimate(e.year().name(), e.students(), Money.format(e.netChargesCents()), e.liableStudents(),
                e.exactShare().toPlainString(), Money.format(e.contributionCents()), ContributionEstimate.RULE);
    }
}
