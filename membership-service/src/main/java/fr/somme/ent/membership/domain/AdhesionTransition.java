package fr.somme.ent.membership.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One step of an adhesion's history: what happened, who did it, when. */
@Entity
@Table(name = "adhesion_transition")
public class AdhesionTransition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "adhesion_id", nullable = false)
    public UUID adhesionId;

    @Column(nullable = false)
    public String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    public AdhesionState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false)
    public AdhesionState toState;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public Instant at;

    public String detail;
}
