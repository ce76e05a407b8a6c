package fr.somme.ent.membership.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A member of the syndicat mixte; its id is its SIREN. */
@Entity
@Table(name = "member")
public class Member {

    @Id
    public String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MemberKind kind;

    @Column(nullable = false)
    public String name;

    @Column(name = "insee_code")
    public String inseeCode;

    @Column(name = "epci_siren")
    public String epciSiren;

    @Column(nullable = false)
    public String departement;

    @Column(name = "school_competence", nullable = false)
    public boolean schoolCompetence;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    /** Optimistic locking: a change based on an outdated read fails (409 concurrent-update) instead of overwriting. */
    @Version
    public int version;
}
