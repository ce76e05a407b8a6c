package fr.somme.ent.membership.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One revision of the schools a member designates for a school year (history; schools as JSON). */
@Entity
@Table(name = "designation_revision")
public class DesignationRevision {

    @Id
    public UUID id;

    @Column(name = "member_id", nullable = false)
    public String memberId;

    @Column(name = "adhesion_id", nullable = false)
    public UUID adhesionId;

    @Column(name = "school_year", nullable = false)
    public String schoolYear;

    @Column(nullable = false)
    public int revision;

    @Column(nullable = false)
    public String schools;

    @Column(name = "designated_by", nullable = false)
    public String designatedBy;

    @Column(name = "designated_at", nullable = false)
    public Instant designatedAt;
}
