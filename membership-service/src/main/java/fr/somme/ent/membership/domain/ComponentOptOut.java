package fr.somme.ent.membership.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The Département's notice that it stops paying for components of the service (art. 4.3). */
@Entity
@Table(name = "component_opt_out")
public class ComponentOptOut extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "member_id", nullable = false)
    public String memberId;

    /** Comma-separated: ACCOUNTS or resource codes of the catalogue. */
    @Column(nullable = false)
    public String components;

    @Column(name = "notified_on", nullable = false)
    public LocalDate notifiedOn;

    @Column(name = "effective_from_school_year", nullable = false)
    public String effectiveFromSchoolYear;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
