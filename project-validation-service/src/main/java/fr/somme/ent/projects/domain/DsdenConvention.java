package fr.somme.ent.projects.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The framework convention between the syndicat and the DSDEN (art. 2), in force from validFrom to validTo inclusive. */
@Entity
@Table(name = "dsden_convention")
public class DsdenConvention extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String reference;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to", nullable = false)
    public LocalDate validTo;

    @Column(name = "signed_on")
    public LocalDate signedOn;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public ProjectRules.ConventionPeriod period() {
        return new ProjectRules.ConventionPeriod(reference, validFrom, validTo);
    }
}
