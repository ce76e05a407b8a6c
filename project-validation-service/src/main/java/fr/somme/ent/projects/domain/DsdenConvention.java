package fr.somme.ent.projects.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The framework convention between the syndicat and the DSDEN (art. 2), in force from validFrom to validTo inclusive. */
@Entity
@Table(name = "dsden_convention")
public class DsdenConvention {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String reference;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_to", nullable = false)
    private LocalDate validTo;

    @Column(name = "signed_on")
    private LocalDate signedOn;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected DsdenConvention() {
        // for JPA
    }

    /**
     * A new convention, refused when its period is backwards or, signed, overlaps a signed one of {@code existing} (art. 2:
     * one convention in force on a day). An unsigned convention is stored but never counts for a validation.
     */
    public static DsdenConvention record(ProjectRules.ConventionPeriod period, String recordedBy, Instant recordedAt,
            Collection<ProjectRules.ConventionPeriod> existing) {
        ProjectRules.dsdenConventionsDoNotOverlap(existing, period);
        DsdenConvention c = new DsdenConvention();
        c.id = UUID.randomUUID();
        c.reference = period.reference();
        c.validFrom = period.validFrom();
        c.validTo = period.validTo();
        c.signedOn = period.signedOn();
        c.recordedBy = recordedBy;
        c.recordedAt = recordedAt;
        return c;
    }

    public ProjectRules.ConventionPeriod period() {
        return new ProjectRules.ConventionPeriod(reference, validFrom, validTo, signedOn);
    }

    public UUID id() {
        return id;
    }

    public String reference() {
        return reference;
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public LocalDate validTo() {
        return validTo;
    }

    public LocalDate signedOn() {
        return signedOn;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
