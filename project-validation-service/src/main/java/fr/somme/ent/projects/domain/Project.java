package fr.somme.ent.projects.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A teacher's pedagogical ENT project for one class and one school year (art. 2). */
@Entity
@Table(name = "project")
public class Project extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "teacher_id", nullable = false)
    public String teacherId;

    @Column(name = "school_uai", nullable = false)
    public String schoolUai;

    @Column(name = "circonscription_code", nullable = false)
    public String circonscriptionCode;

    @Column(name = "class_label", nullable = false)
    public String classLabel;

    @Column(nullable = false)
    public String levels;

    @Column(name = "school_year", nullable = false)
    public String schoolYear;

    @Column(nullable = false)
    public int students;

    @Column(nullable = false)
    public String objectives;

    @Column(name = "requested_resources", nullable = false)
    public String requestedResources;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProjectState state;

    @Column(nullable = false)
    public int submissions;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Enumerated(EnumType.STRING)
    public Decision decision;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_on")
    public LocalDate decidedOn;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    public List<String> levelList() {
        return split(levels);
    }

    public List<String> resourceList() {
        return split(requestedResources);
    }

    public static String join(List<String> values) {
        return values == null ? "" : String.join(",", values);
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
    }
}
