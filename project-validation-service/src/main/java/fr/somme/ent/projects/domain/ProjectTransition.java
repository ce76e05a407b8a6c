package fr.somme.ent.projects.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import fr.somme.ent.commons.security.Role;

/** One step of a project's life: who moved it, when, why, and through which channel. Never changed afterwards. */
@Entity
@Table(name = "project_transition")
public class ProjectTransition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false)
    private UUID projectId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    private ProjectState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false)
    private ProjectState toState;

    @Column(nullable = false)
    private String actor;

    @Convert(converter = RoleColumn.class)
    @Column(name = "actor_role", nullable = false)
    private Role actorRole;

    @Column(nullable = false)
    private Instant at;

    private String reason;

    @Column(nullable = false)
    private String channel;

    @Column(name = "event_id")
    private String eventId;

    protected ProjectTransition() {
        // for JPA
    }

    static ProjectTransition of(UUID projectId, ProjectState from, ProjectState to, Actor actor, Instant at, String reason,
            Channel channel) {
        ProjectTransition t = new ProjectTransition();
        t.projectId = projectId;
        t.fromState = from;
        t.toState = to;
        t.actor = actor.name();
        t.actorRole = actor.role();
        t.at = at;
        t.reason = reason == null || reason.isBlank() ? null : reason.trim();
        t.channel = channel.name();
        t.eventId = channel.eventId();
        return t;
    }

    public UUID projectId() {
        return projectId;
    }

    public ProjectState fromState() {
        return fromState;
    }

    public ProjectState toState() {
        return toState;
    }

    public String actor() {
        return actor;
    }

    public Role actorRole() {
        return actorRole;
    }

    public Instant at() {
        return at;
    }

    public String reason() {
        return reason;
    }

    public String channel() {
        return channel;
    }

    public String eventId() {
        return eventId;
    }
}
