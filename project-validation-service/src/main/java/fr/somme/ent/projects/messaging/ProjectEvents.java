package fr.somme.ent.projects.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import fr.somme.ent.projects.domain.Project;

/**
 * What this service publishes on ent.projects.v1 (key: project id), one record per event type; schemas in
 * contracts/schemas/fr.ent.projects.*. Every payload starts with the project as the DSDEN and provisioning see it:
 * {@code teacherId} is the teacher's user name (shown), {@code teacherSub} his token's subject, the stable identity
 * provisioning matches the class's teacher on (issue #14, point 5); a project written before subjects were recorded
 * (migration V6) has none, and its events leave the field out (optional in the schemas).
 */
public final class ProjectEvents {

    public static final String SUBMITTED = "fr.ent.projects.project-submitted.v1";
    public static final String REVISED = "fr.ent.projects.project-revised.v1";
    public static final String VALIDATED = "fr.ent.projects.project-validated.v1";
    public static final String REJECTED = "fr.ent.projects.project-rejected.v1";
    public static final String CHANGES_REQUESTED = "fr.ent.projects.project-changes-requested.v1";
    public static final String WITHDRAWN = "fr.ent.projects.project-withdrawn.v1";

    private ProjectEvents() {
    }

    /** A draft submitted to the IEN for the first time. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProjectSubmitted(UUID projectId, String schoolUai, String circonscriptionCode, String teacherId,
            String teacherSub, String classLabel, List<String> levels, String schoolYear, int students,
            List<String> requestedResources, Instant submittedAt) {

        static ProjectSubmitted of(Project p) {
            return new ProjectSubmitted(p.id(), p.schoolUai(), p.circonscriptionCode(), p.teacherId(), p.teacherSub(),
                    p.classLabel(), p.levels(), p.schoolYear(), p.students(), p.requestedResources(), p.submittedAt());
        }
    }

    /** A rejected project, or one with changes requested, submitted again. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProjectRevised(UUID projectId, String schoolUai, String circonscriptionCode, String teacherId,
            String teacherSub, String classLabel, List<String> levels, String schoolYear, int students,
            List<String> requestedResources, Instant submittedAt) {

        static ProjectRevised of(Project p) {
            return new ProjectRevised(p.id(), p.schoolUai(), p.circonscriptionCode(), p.teacherId(), p.teacherSub(),
                    p.classLabel(), p.levels(), p.schoolYear(), p.students(), p.requestedResources(), p.submittedAt());
        }
    }

    /** The IEN validated the project: the prerequisite to deployment (rule 6). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProjectValidated(UUID projectId, String schoolUai, String circonscriptionCode, String teacherId,
            String teacherSub, String classLabel, List<String> levels, String schoolYear, int students,
            List<String> requestedResources, String validatedBy, LocalDate validatedOn) {

        static ProjectValidated of(Project p) {
            return new ProjectValidated(p.id(), p.schoolUai(), p.circonscriptionCode(), p.teacherId(), p.teacherSub(),
                    p.classLabel(), p.levels(), p.schoolYear(), p.students(), p.requestedResources(), p.decidedBy(),
                    p.decidedOn());
        }
    }

    /** The IEN rejected the project, with the reason given to the teacher. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProjectRejected(UUID projectId, String schoolUai, String circonscriptionCode, String teacherId,
            String teacherSub, String classLabel, List<String> levels, String schoolYear, int students,
            List<String> requestedResources, String decidedBy, String reason) {

        static ProjectRejected of(Project p) {
            return new ProjectRejected(p.id(), p.schoolUai(), p.circonscriptionCode(), p.teacherId(), p.teacherSub(),
                    p.classLabel(), p.levels(), p.schoolYear(), p.students(), p.requestedResources(), p.decidedBy(),
                    p.decisionReason());
        }
    }

    /** The IEN asks the teacher for changes, with the reason. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProjectChangesRequested(UUID projectId, String schoolUai, String circonscriptionCode, String teacherId,
            String teacherSub, String classLabel, List<String> levels, String schoolYear, int students,
            List<String> requestedResources, String decidedBy, String reason) {

        static ProjectChangesRequested of(Project p) {
            return new ProjectChangesRequested(p.id(), p.schoolUai(), p.circonscriptionCode(), p.teacherId(), p.teacherSub(),
                    p.classLabel(), p.levels(), p.schoolYear(), p.students(), p.requestedResources(), p.decidedBy(),
                    p.decisionReason());
        }
    }

    /** The teacher withdrew the project before its validation. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProjectWithdrawn(UUID projectId, String schoolUai, String circonscriptionCode, String teacherId,
            String teacherSub, String classLabel, List<String> levels, String schoolYear, int students,
            List<String> requestedResources, String withdrawnBy, LocalDate withdrawnOn) {

        static ProjectWithdrawn of(Project p, String by, LocalDate on) {
            return new ProjectWithdrawn(p.id(), p.schoolUai(), p.circonscriptionCode(), p.teacherId(), p.teacherSub(),
                    p.classLabel(), p.levels(), p.schoolYear(), p.students(), p.requestedResources(), by, on);
        }
    }
}
