package fr.somme.ent.projects.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.somme.ent.commons.rules.Rejection;
import fr.somme.ent.projects.domain.Channel;
import fr.somme.ent.projects.domain.ClassDeployment;
import fr.somme.ent.projects.domain.Decision;
import fr.somme.ent.projects.domain.IenDecision;
import fr.somme.ent.projects.domain.Project;
import fr.somme.ent.projects.domain.ProjectContent;
import fr.somme.ent.projects.domain.ProjectTransition;

/** Request and response bodies of the projects API, and their mapping to and from the domain. */
public final class ProjectDtos {

    private ProjectDtos() {
    }

    /** A project as the teacher writes it. Levels are class levels (PS, MS, GS, CP, CE1, CE2, CM1, CM2, 6E…3E, ULIS…). */
    public record ProjectRequest(
            @NotBlank @Pattern(regexp = "[0-9]{7}[A-Z]") String schoolUai,
            @NotBlank @Size(max = 100) String classLabel,
            @NotEmpty @Size(max = 12) List<@NotBlank @Pattern(regexp = "[A-Z0-9]{1,8}") String> levels,
            @NotBlank @Pattern(regexp = "[0-9]{4}-[0-9]{4}") String schoolYear,
            @NotNull @Min(0) @Max(60) Integer students,
            @NotBlank @Size(max = 4000) String objectives,
            @Size(max = 50) List<@NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String> requestedResources) {

        ProjectContent content() {
            return new ProjectContent(schoolUai, classLabel, levels, schoolYear, students, objectives,
                    requestedResources == null ? List.of() : requestedResources);
        }
    }

    /** A decision the DSDEN forwards for its IEN: the same fields as the event fr.ent.dsden.ien-decision-taken.v1. */
    public record DsdenDecisionRequest(@NotNull Decision decision, @NotBlank @Size(max = 100) String ienId,
            @NotBlank @Size(max = 16) String circonscriptionCode,
            @Size(max = 2000) String reason, @NotNull LocalDate decidedOn) {

        /** The channel is the DSDEN's REST call; the use case names the DSDEN agent in it. */
        IenDecision toDecision() {
            return new IenDecision(decision, ienId, reason, decidedOn, Channel.rest());
        }
    }

    public record DecisionRequest(@NotNull Decision decision, @Size(max = 2000) String reason) {
    }

    /** The body of a withdrawal is optional: no body, or {"reason": "..."}. */
    public record WithdrawalRequest(@Size(max = 2000) String reason) {

        static WithdrawalRequest parse(ObjectMapper mapper, String body) {
            if (body == null || body.isBlank()) {
                return new WithdrawalRequest(null);
            }
            try {
                WithdrawalRequest request = mapper.readValue(body, WithdrawalRequest.class);
                if (request == null) { // the JSON literal null: as no body
                    return new WithdrawalRequest(null);
                }
                if (request.reason() != null && request.reason().length() > 2000) {
                    throw Rejection.invalidInput("validation", "reason: at most 2000 characters");
                }
                return request;
            } catch (JsonProcessingException e) {
                throw Rejection.invalidInput("malformed-body", "the body is not {\"reason\": \"...\"}");
            }
        }
    }

    /**
     * A project as its readers see it: {@code renewedFrom} the project it renews (previous school year), {@code deployedOn}
     * the day provisioning deployed its class and {@code accessEndedOn} the day that class lost access (null: not yet).
     */
    public record ProjectView(UUID id, String teacherId, String schoolUai, String circonscriptionCode, String classLabel,
            List<String> levels, String schoolYear, int students, String objectives, List<String> requestedResources,
            String state, int submissions, Instant submittedAt, String decision, String decidedBy, LocalDate decidedOn,
            String decisionReason, LocalDate validUntil, Instant createdAt, Instant updatedAt, UUID renewedFrom,
            LocalDate deployedOn, LocalDate accessEndedOn) {

        static ProjectView of(Project p, Optional<ClassDeployment> deployment) {
            return new ProjectView(p.id(), p.teacherId(), p.schoolUai(), p.circonscriptionCode(), p.classLabel(), p.levels(),
                    p.schoolYear(), p.students(), p.objectives(), p.requestedResources(), p.state().name(), p.submissions(),
                    p.submittedAt(), p.decision() == null ? null : p.decision().name(), p.decidedBy(), p.decidedOn(),
                    p.decisionReason(), p.validUntil().orElse(null), p.createdAt(), p.updatedAt(), p.renewedFrom().orElse(null),
                    deployment.flatMap(ClassDeployment::deployedOn).orElse(null),
                    deployment.flatMap(ClassDeployment::accessEndedOn).orElse(null));
        }
    }

    public record TransitionView(String from, String to, String actor, String actorRole, Instant at, String reason,
            String channel, String eventId) {

        static TransitionView of(ProjectTransition t) {
            return new TransitionView(t.fromState() == null ? null : t.fromState().name(), t.toState().name(), t.actor(),
                    t.actorRole().realmName(), t.at(), t.reason(), t.channel(), t.eventId());
        }
    }
}
