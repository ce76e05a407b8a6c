package fr.somme.ent.projects.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.commons.rules.Rejection;

/**
 * A teacher's pedagogical ENT project for one class and one school year (art. 2). Its state changes only through
 * its methods, which check the rules of {@link ProjectRules} and return the transition to record.
 */
@Entity
@Table(name = "project")
public class Project {

    /** A new draft and the first step of its history. */
    public record Drafted(Project project, ProjectTransition transition) {
    }

    @Id
    private UUID id;
    @Column(name = "teacher_id", nullable = false)
    private String teacherId; // the user name, shown; ownership goes by teacherSub
    @Column(name = "teacher_sub")
    private String teacherSub; // null on rows written before V6
    @Column(name = "school_uai", nullable = false)
    private String schoolUai;
    @Column(name = "circonscription_code", nullable = false)
    private String circonscriptionCode;
    @Column(name = "class_label", nullable = false)
    private String classLabel;
    @Column(nullable = false)
    private String levels; // comma-separated
    @Column(name = "school_year", nullable = false)
    private String schoolYear;
    @Column(nullable = false)
    private int students;
    @Column(nullable = false)
    private String objectives;
    @Column(name = "requested_resources", nullable = false)
    private String requestedResources; // comma-separated, may be empty
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProjectState state;
    @Column(nullable = false)
    private int submissions;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Enumerated(EnumType.STRING)
    private Decision decision;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_on")
    private LocalDate decidedOn;
    @Column(name = "decision_reason")
    private String decisionReason;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "renewed_from")
    private UUID renewedFrom;
    @Version
    private int version;

    protected Project() {
        // for JPA
    }

    /** A teacher writes a draft for a school the DSDEN knows ({@code school} null: it does not). */
    public static Drafted draft(Actor teacher, ProjectContent content, School school, Clock clock) {
        return drafted(teacher, content, school, clock, null, null);
    }

    /**
     * Art. 2 (rule 7): a validation holds for one school year; next year the teacher renews this validated project as a
     * new draft for the following school year, with the same class, levels, students, objectives, resources and school
     * (its circonscription of today). The draft remembers its source; a project is renewed once.
     */
    public Drafted renew(Actor teacher, School school, boolean alreadyRenewed, Clock clock) {
        ProjectRules.onlyAValidatedProjectIsRenewed(state);
        ProjectRules.aProjectIsRenewedOnce(alreadyRenewed);
        String nextYear = SchoolYear.parse(schoolYear).next().name();
        ProjectContent copy = new ProjectContent(schoolUai, classLabel, levels(), nextYear, students, objectives, requestedResources());
        return drafted(teacher, copy, school, clock, id, "Renouvellement du projet " + id + " de " + schoolYear);
    }

    private static Drafted drafted(Actor teacher, ProjectContent content, School school, Clock clock, UUID source, String reason) {
        Project p = new Project();
        p.id = UUID.randomUUID();
        p.teacherId = teacher.name();
        p.teacherSub = teacher.subject();
        p.state = ProjectState.DRAFT;
        p.createdAt = clock.instant();
        p.renewedFrom = source;
        p.write(content, school, clock);
        return new Drafted(p, ProjectTransition.of(p.id, null, ProjectState.DRAFT, teacher, clock.instant(), reason, Channel.rest()));
    }

    /** The teacher edits the project while it is a draft, rejected or with changes requested. */
    public void edit(ProjectContent content, School school, Clock clock) {
        requireEditable();
        write(content, school, clock);
    }

    public void requireEditable() {
        if (!state.editable()) {
            throw Rejection.conflict("not-editable", "a project " + state + " cannot be edited");
        }
    }

    /** Draft → submitted; rejected or changes requested → submitted again. The circonscription is the school's today. */
    public ProjectTransition submit(Actor teacher, School school, Clock clock) {
        ProjectState from = state;
        ProjectRules.onlyAllowedTransitions(from, ProjectState.SUBMITTED);
        requireKnown(school, schoolUai);
        ProjectRules.aProjectIsForTheCurrentOrNextSchoolYear(SchoolYear.parse(schoolYear), LocalDate.now(clock));
        Instant now = clock.instant();
        circonscriptionCode = school.circonscriptionCode();
        state = ProjectState.SUBMITTED;
        submissions++;
        submittedAt = now;
        decision = null;
        decidedBy = null;
        decidedOn = null;
        decisionReason = null;
        updatedAt = now;
        return ProjectTransition.of(id, from, state, teacher, now, null, Channel.rest());
    }

    /** The teacher withdraws the project until its class is deployed ({@code classDeployed}: provisioning announced it). */
    public ProjectTransition withdraw(Actor teacher, String reason, boolean classDeployed, Clock clock) {
        ProjectState from = state;
        ProjectRules.aProjectCanBeWithdrawnUntilItsClassIsDeployed(from, classDeployed);
        state = ProjectState.WITHDRAWN;
        updatedAt = clock.instant();
        return ProjectTransition.of(id, from, state, teacher, clock.instant(), reason, Channel.rest());
    }

    /**
     * The IEN of the school's circonscription decides while the project's school year lasts; a validation counts only under
     * a signed convention in force on the decision date and covering the project's school year.
     */
    public ProjectTransition decide(IenDecision d, String schoolCirconscription, Collection<ProjectRules.ConventionPeriod> conventions,
            Clock clock) {
        ProjectRules.aDecisionIsNotDatedInTheFuture(d.decidedOn(), LocalDate.now(clock));
        ProjectRules.aRejectionGivesItsReason(d.decision(), d.reason());
        ProjectRules.aDecisionNeverOverridesAnEarlierOne(state,
                submittedAt == null ? null : LocalDate.ofInstant(submittedAt, clock.getZone()), d.decidedOn());
        SchoolYear year = SchoolYear.parse(schoolYear);
        ProjectRules.noDecisionOnceTheSchoolYearHasEnded(year, d.decidedOn());
        if (d.decision() == Decision.VALIDATED) {
            ProjectRules.noValidationWithoutASignedConventionCoveringTheSchoolYear(conventions, d.decidedOn(), year);
        }
        ProjectState from = state;
        circonscriptionCode = schoolCirconscription;
        state = d.decision().resultingState();
        decision = d.decision();
        decidedBy = d.ienId();
        decidedOn = d.decidedOn();
        decisionReason = d.reason() == null || d.reason().isBlank() ? null : d.reason().trim();
        updatedAt = clock.instant();
        return ProjectTransition.of(id, from, state, Actor.ien(d.ienId()), updatedAt, decisionReason, d.channel());
    }

    /** The very same decision (same decision, IEN and date) is already recorded: sending it again changes nothing. */
    public boolean alreadyDecided(IenDecision d) {
        return decision == d.decision() && state == d.decision().resultingState() && d.ienId().equals(decidedBy)
                && d.decidedOn().equals(decidedOn);
    }

    /** A validation holds for the project's school year only: until its last day (31 August). */
    public Optional<LocalDate> validUntil() {
        return decision == Decision.VALIDATED ? Optional.of(SchoolYear.parse(schoolYear).lastDay()) : Optional.empty();
    }

    private void write(ProjectContent content, School school, Clock clock) {
        requireKnown(school, content.schoolUai());
        ProjectRules.aProjectIsForTheCurrentOrNextSchoolYear(content.year(), LocalDate.now(clock));
        schoolUai = school.uai();
        circonscriptionCode = school.circonscriptionCode();
        classLabel = content.classLabel().trim();
        levels = String.join(",", content.levels());
        schoolYear = content.schoolYear();
        students = content.students();
        objectives = content.objectives();
        requestedResources = String.join(",", content.requestedResources());
        updatedAt = clock.instant();
    }

    private static void requireKnown(School school, String uai) {
        if (school == null) {
            throw Rejection.ruleNotSatisfied("unknown-school", "school " + uai + " is not in the DSDEN's reference data");
        }
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
    }

    // @formatter:off — read accessors, one per column
    public UUID id() { return id; }
    public String teacherId() { return teacherId; }
    public String teacherSub() { return teacherSub; }
    public boolean isOwnedBy(String sub, String username) {
        return ProjectRules.aTeacherOwnsHisProjectsBySubject(teacherSub, teacherId, sub, username);
    }
    public String schoolUai() { return schoolUai; }
    public String circonscriptionCode() { return circonscriptionCode; }
    public String classLabel() { return classLabel; }
    public List<String> levels() { return split(levels); }
    public String schoolYear() { return schoolYear; }
    public int students() { return students; }
    public String objectives() { return objectives; }
    public List<String> requestedResources() { return split(requestedResources); }
    public ProjectState state() { return state; }
    public int submissions() { return submissions; }
    public Instant submittedAt() { return submittedAt; }
    public Decision decision() { return decision; }
    public String decidedBy() { return decidedBy; }
    public LocalDate decidedOn() { return decidedOn; }
    public String decisionReason() { return decisionReason; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public Optional<UUID> renewedFrom() { return Optional.ofNullable(renewedFrom); }
    // @formatter:on
}
