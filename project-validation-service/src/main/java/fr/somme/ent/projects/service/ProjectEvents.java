package fr.somme.ent.projects.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import fr.somme.ent.projects.domain.Project;

/** What this service publishes on ent.projects.v1 (key: project id); schemas in contracts/schemas/fr.ent.projects.*. */
public final class ProjectEvents {

    public static final String SUBMITTED = "fr.ent.projects.project-submitted.v1";
    public static final String REVISED = "fr.ent.projects.project-revised.v1";
    public static final String VALIDATED = "fr.ent.projects.project-validated.v1";
    public static final String REJECTED = "fr.ent.projects.project-rejected.v1";
    public static final String CHANGES_REQUESTED = "fr.ent.projects.project-changes-requested.v1";
    public static final String WITHDRAWN = "fr.ent.projects.project-withdrawn.v1";

    private ProjectEvents() {
    }

    /** The project as the DSDEN and provisioning see it, plus the fields of the one event type (others are left out). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProjectEventData(UUID projectId, String schoolUai, String circonscriptionCode, String teacherId,
            String classLabel, List<String> levels, String schoolYear, int students, List<String> requestedResources,
            Instant submittedAt, String validatedBy, LocalDate validatedOn, String decidedBy, String reason,
            String withdrawnBy, LocalDate withdrawnOn) {

        static ProjectEventData of(Project p) {
            return new ProjectEventData(p.id, p.schoolUai, p.circonscriptionCode, p.teacherId, p.classLabel, p.levelList(),
                    p.schoolYear, p.students, p.resourceList(), null, null, null, null, null, null, null);
        }

        ProjectEventData submitted(Instant at) {
            return new ProjectEventData(projectId, schoolUai, circonscriptionCode, teacherId, classLabel, levels, schoolYear,
                    students, requestedResources, at, null, null, null, null, null, null);
        }

        ProjectEventData validated(String by, LocalDate on) {
            return new ProjectEventData(projectId, schoolUai, circonscriptionCode, teacherId, classLabel, levels, schoolYear,
                    students, requestedResources, null, by, on, null, null, null, null);
        }

        ProjectEventData decided(String by, String why) {
            return new ProjectEventData(projectId, schoolUai, circonscriptionCode, teacherId, classLabel, levels, schoolYear,
                    students, requestedResources, null, null, null, by, why, null, null);
        }

        ProjectEventData withdrawn(String by, LocalDate on) {
            return new ProjectEventData(projectId, schoolUai, circonscriptionCode, teacherId, classLabel, levels, schoolYear,
                    students, requestedResources, null, null, null, null, null, by, on);
        }
    }
}
