package fr.somme.ent.projects.domain;

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

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One step of a project's life: who moved it, when, why, and through which channel. Never changed afterwards. */
@Entity
@Table(name = "project_transition")
public class ProjectTransition extends PanacheEntityBase {

    public static final String REST = "REST";
    public static final String DSDEN_DECISIONS = "dsden.decisions.v1";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    public ProjectState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false)
    public ProjectState toState;

    @Column(nullable = false)
    public String actor;

    @Column(name = "actor_role", nullable = false)
    public String actorRole;

    @Column(nullable = false)
    public Instant at;

    public String reason;

    @Column(nullable = false)
    public String channel;

    @Column(name = "event_id")
    public String eventId;
}
