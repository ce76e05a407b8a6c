package fr.somme.ent.projects.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What provisioning-service announced about a project's class (ent.provisioning.v1): deployed on a day, access ended on a
 * day. A project can be withdrawn until its class is deployed (art. 2, rule 8); once provisioning has said so, it cannot.
 */
@Entity
@Table(name = "class_deployment")
public class ClassDeployment {

    @Id
    @Column(name = "project_id")
    private UUID projectId;
    @Column(name = "deployed_on")
    private LocalDate deployedOn;
    @Column(name = "access_ended_on")
    private LocalDate accessEndedOn;
    @Column(name = "access_end_reason")
    private String accessEndReason;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "last_event_id", nullable = false)
    private String lastEventId;

    protected ClassDeployment() {
        // for JPA
    }

    public static ClassDeployment ofProject(UUID projectId) {
        ClassDeployment d = new ClassDeployment();
        d.projectId = projectId;
        return d;
    }

    /** Provisioning deployed the class on {@code on} ({@code class-deployed}). */
    public void deployed(LocalDate on, String eventId, Instant at) {
        deployedOn = on;
        touched(eventId, at);
    }

    /** The class lost access on {@code on} ({@code access-ended}): it had been deployed, even if that event was not seen. */
    public void accessEnded(LocalDate on, String reason, String eventId, Instant at) {
        accessEndedOn = on;
        accessEndReason = reason;
        touched(eventId, at);
    }

    /** Whether provisioning announced the class deployed (or its access ended, which implies it). */
    public boolean classDeployed() {
        return deployedOn != null || accessEndedOn != null;
    }

    private void touched(String eventId, Instant at) {
        lastEventId = eventId;
        updatedAt = at;
    }

    // @formatter:off — read accessors
    public UUID projectId() { return projectId; }
    public Optional<LocalDate> deployedOn() { return Optional.ofNullable(deployedOn); }
    public Optional<LocalDate> accessEndedOn() { return Optional.ofNullable(accessEndedOn); }
    public Optional<String> accessEndReason() { return Optional.ofNullable(accessEndReason); }
    public Instant updatedAt() { return updatedAt; }
    public String lastEventId() { return lastEventId; }
    // @formatter:on
}
