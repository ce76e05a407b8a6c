package fr.somme.ent.projects.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.commons.outbox.Outbox;
import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.projects.domain.Circonscription;
import fr.somme.ent.projects.domain.Decision;
import fr.somme.ent.projects.domain.Project;
import fr.somme.ent.projects.domain.ProjectRules;
import fr.somme.ent.projects.domain.ProjectState;
import fr.somme.ent.projects.domain.ProjectTransition;
import fr.somme.ent.projects.domain.School;
import fr.somme.ent.projects.service.ProjectEvents.ProjectEventData;
import io.quarkus.panache.common.Sort;

/** The use cases of a project's life: write, submit, decide, withdraw; each transition recorded and announced. */
@ApplicationScoped
public class ProjectService {

    /** What a teacher writes. */
    public record ProjectInput(String schoolUai, String classLabel, List<String> levels, String schoolYear, int students,
            String objectives, List<String> requestedResources) {
    }

    /** An IEN's decision, from REST or from the DSDEN's tools. */
    public record DecisionCommand(UUID projectId, Decision decision, String ienId, String circonscriptionCode, String reason,
            LocalDate decidedOn, String channel, String eventId) {
    }

    private final Clock clock;
    private final Outbox outbox;
    private final ConventionService conventions;
    private final String topic;

    public ProjectService(Clock clock, Outbox outbox, ConventionService conventions,
            @ConfigProperty(name = "ent.events.topic") String topic) {
        this.clock = clock;
        this.outbox = outbox;
        this.conventions = conventions;
        this.topic = topic;
    }

    @Transactional
    public Project create(Caller teacher, ProjectInput in) {
        School school = teachersOwnKnownSchool(teacher, in);
        Instant now = clock.instant();
        Project p = new Project();
        p.id = UUID.randomUUID();
        p.teacherId = teacher.actor();
        p.state = ProjectState.DRAFT;
        p.createdAt = now;
        write(p, in, school);
        p.persist();
        record(p, null, ProjectState.DRAFT, teacher.actor(), teacher.role(), null, ProjectTransition.REST, null);
        return p;
    }

    @Transactional
    public Project update(Caller teacher, UUID id, ProjectInput in) {
        Project p = visible(teacher, id);
        ownedBy(teacher, p);
        if (!p.state.editable()) {
            throw ProblemException.conflict("not-editable", "a project " + p.state + " cannot be edited");
        }
        write(p, in, teachersOwnKnownSchool(teacher, in));
        return p;
    }

    /** Draft → submitted (event submitted); rejected or changes requested → submitted again (event revised). */
    @Transactional
    public Project submit(Caller teacher, UUID id) {
        Project p = visible(teacher, id);
        ownedBy(teacher, p);
        ProjectState from = p.state;
        ProjectRules.onlyAllowedTransitions(from, ProjectState.SUBMITTED);
        School school = School.findById(p.schoolUai);
        if (school == null) {
            throw ProblemException.unprocessable("unknown-school", "school " + p.schoolUai + " is not in the DSDEN's reference data");
        }
        ProjectRules.aProjectIsForTheCurrentOrNextSchoolYear(SchoolYear.parse(p.schoolYear), LocalDate.now(clock));
        Instant now = clock.instant();
        p.circonscriptionCode = school.circonscriptionCode;
        p.state = ProjectState.SUBMITTED;
        p.submissions++;
        p.submittedAt = now;
        p.decision = null;
        p.decidedBy = null;
        p.decidedOn = null;
        p.decisionReason = null;
        p.updatedAt = now;
        record(p, from, ProjectState.SUBMITTED, teacher.actor(), teacher.role(), null, ProjectTransition.REST, null);
        boolean revised = from != ProjectState.DRAFT;
        publish(p, revised ? ProjectEvents.REVISED : ProjectEvents.SUBMITTED, ProjectEventData.of(p).submitted(now));
        return p;
    }

    @Transactional
    public Project withdraw(Caller teacher, UUID id, String reason) {
        Project p = visible(teacher, id);
        ownedBy(teacher, p);
        ProjectState from = p.state;
        ProjectRules.aProjectCanBeWithdrawnOnlyBeforeDeployment(from);
        p.state = ProjectState.WITHDRAWN;
        p.updatedAt = clock.instant();
        record(p, from, ProjectState.WITHDRAWN, teacher.actor(), teacher.role(), reason, ProjectTransition.REST, null);
        if (from != ProjectState.DRAFT) { // a draft was never announced
            publish(p, ProjectEvents.WITHDRAWN, ProjectEventData.of(p).withdrawn(teacher.actor(), LocalDate.now(clock)));
        }
        return p;
    }

    /** An IEN decides through REST: another circonscription's project does not exist for him (404). */
    @Transactional
    public Project decide(Caller ien, UUID id, Decision decision, String reason) {
        Project p = Project.findById(id);
        String circonscription = ien.circonscription().orElse(null);
        if (p == null || p.state == ProjectState.DRAFT
                || !ProjectRules.onlyTheIenOfTheSchoolsCirconscriptionDecides(schoolCirconscription(p), circonscription)) {
            throw ProblemException.notFound("project", id);
        }
        apply(p, new DecisionCommand(id, decision, ien.actor(), circonscription, reason, LocalDate.now(clock),
                ProjectTransition.REST, null));
        return p;
    }

    /** The DSDEN posts, through REST, a decision its IEN took: the same checks as for the event. */
    @Transactional
    public Project decideForDsden(Caller dsden, DecisionCommand cmd) {
        decideFromDsden(new DecisionCommand(cmd.projectId(), cmd.decision(), cmd.ienId(), cmd.circonscriptionCode(), cmd.reason(),
                cmd.decidedOn(), ProjectTransition.REST + " (dsden: " + dsden.actor() + ")", null));
        return Project.findById(cmd.projectId());
    }

    /**
     * A decision taken in the DSDEN's tools: the same rules as through REST, and the IEN named must be the IEN of the
     * school's circonscription in the reference data. Returns false when the very same decision is already recorded.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean decideFromDsden(DecisionCommand cmd) {
        Project p = Project.findById(cmd.projectId());
        if (p == null || p.state == ProjectState.DRAFT) {
            throw ProblemException.notFound("project", cmd.projectId());
        }
        String schoolCirconscription = schoolCirconscription(p);
        if (!ProjectRules.onlyTheIenOfTheSchoolsCirconscriptionDecides(schoolCirconscription, cmd.circonscriptionCode())) {
            throw ProblemException.forbidden("circonscription " + cmd.circonscriptionCode() + " does not decide for school "
                    + p.schoolUai + " (circonscription " + schoolCirconscription + ")");
        }
        Circonscription c = Circonscription.findById(schoolCirconscription);
        if (c == null || !c.ienId.equals(cmd.ienId())) {
            throw ProblemException.forbidden(cmd.ienId() + " is not the IEN of circonscription " + schoolCirconscription);
        }
        if (p.decision == cmd.decision() && p.state == cmd.decision().resultingState()
                && cmd.ienId().equals(p.decidedBy) && cmd.decidedOn().equals(p.decidedOn)) {
            return false; // the same decision sent again under another event id: already applied
        }
        apply(p, cmd);
        return true;
    }

    private void apply(Project p, DecisionCommand cmd) {
        LocalDate today = LocalDate.now(clock);
        if (cmd.decidedOn().isAfter(today)) {
            throw ProblemException.unprocessable("decision-in-the-future", "decided on " + cmd.decidedOn() + ", after today " + today);
        }
        ProjectRules.aRejectionGivesItsReason(cmd.decision(), cmd.reason());
        ProjectRules.aDecisionNeverOverridesAnEarlierOne(p.state,
                p.submittedAt == null ? null : LocalDate.ofInstant(p.submittedAt, clock.getZone()), cmd.decidedOn());
        if (cmd.decision() == Decision.VALIDATED) {
            ProjectRules.noValidationOutsideAnActiveDsdenConvention(conventions.periods(), cmd.decidedOn());
            ProjectRules.aValidationHoldsForOneSchoolYear(SchoolYear.parse(p.schoolYear), cmd.decidedOn());
        }
        ProjectState from = p.state;
        p.circonscriptionCode = schoolCirconscription(p);
        p.state = cmd.decision().resultingState();
        p.decision = cmd.decision();
        p.decidedBy = cmd.ienId();
        p.decidedOn = cmd.decidedOn();
        p.decisionReason = blankToNull(cmd.reason());
        p.updatedAt = clock.instant();
        record(p, from, p.state, cmd.ienId(), Caller.IEN, p.decisionReason, cmd.channel(), cmd.eventId());
        ProjectEventData data = ProjectEventData.of(p);
        switch (cmd.decision()) {
            case VALIDATED -> publish(p, ProjectEvents.VALIDATED, data.validated(cmd.ienId(), cmd.decidedOn()));
            case REJECTED -> publish(p, ProjectEvents.REJECTED, data.decided(cmd.ienId(), p.decisionReason));
            case CHANGES_REQUESTED -> publish(p, ProjectEvents.CHANGES_REQUESTED, data.decided(cmd.ienId(), p.decisionReason));
        }
    }

    /** The project if the caller may see it; otherwise 404, so that existence does not leak. */
    public Project visible(Caller caller, UUID id) {
        Project p = Project.findById(id);
        if (p == null || !canSee(caller, p)) {
            throw ProblemException.notFound("project", id);
        }
        return p;
    }

    public List<Project> list(Caller caller, ProjectState state, String schoolYear) {
        StringBuilder q = new StringBuilder("1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        switch (caller.role()) {
            case Caller.OPERATOR, Caller.DSDEN -> { }
            case Caller.IEN -> {
                q.append(" AND circonscriptionCode = :circ AND state <> :draft");
                params.put("circ", caller.circonscription().orElse("-"));
                params.put("draft", ProjectState.DRAFT);
            }
            case Caller.TEACHER -> {
                q.append(" AND teacherId = :teacher AND schoolUai = :uai");
                params.put("teacher", caller.actor());
                params.put("uai", caller.schoolUai().orElse("-"));
            }
            case Caller.MEMBER_AGENT -> {
                q.append(" AND id IN :designated");
                params.put("designated", designatedProjects(caller.memberId().orElse("-")));
            }
            default -> { return List.of(); }
        }
        if (state != null) {
            q.append(" AND state = :state");
            params.put("state", state);
        }
        if (schoolYear != null) {
            q.append(" AND schoolYear = :year");
            params.put("year", schoolYear);
        }
        return Project.list(q.toString(), Sort.by("createdAt").and("id"), params);
    }

    public List<ProjectTransition> transitions(Caller caller, UUID id) {
        visible(caller, id);
        return ProjectTransition.list("projectId", Sort.by("id"), id);
    }

    private boolean canSee(Caller caller, Project p) {
        return switch (caller.role()) {
            case Caller.OPERATOR, Caller.DSDEN -> true;
            case Caller.IEN -> p.state != ProjectState.DRAFT && caller.circonscription().filter(p.circonscriptionCode::equals).isPresent();
            case Caller.TEACHER -> p.teacherId.equals(caller.actor()) && caller.schoolUai().filter(p.schoolUai::equals).isPresent();
            case Caller.MEMBER_AGENT -> p.state != ProjectState.DRAFT && isDesignatedBy(caller.memberId().orElse("-"), p);
            default -> false;
        };
    }

    /** A member agent reads the submitted projects of the schools its member designates for the project's school year. */
    private boolean isDesignatedBy(String memberId, Project p) {
        return ((Number) Project.getEntityManager().createNativeQuery("SELECT count(*) FROM member_designation "
                + "WHERE member_id = ?1 AND school_uai = ?2 AND school_year = ?3")
                .setParameter(1, memberId).setParameter(2, p.schoolUai).setParameter(3, p.schoolYear).getSingleResult()).longValue() > 0;
    }

    @SuppressWarnings("unchecked")
    private List<UUID> designatedProjects(String memberId) {
        List<Object> ids = Project.getEntityManager().createNativeQuery("SELECT CAST(p.id AS TEXT) FROM project p JOIN member_designation d "
                + "ON d.school_uai = p.school_uai AND d.school_year = p.school_year WHERE d.member_id = ?1 AND p.state <> 'DRAFT'")
                .setParameter(1, memberId).getResultList();
        List<UUID> result = new java.util.ArrayList<>(ids.stream().map(id -> UUID.fromString(id.toString())).toList());
        if (result.isEmpty()) {
            result.add(new UUID(0, 0)); // an empty IN list is not valid JPQL
        }
        return result;
    }

    private static void ownedBy(Caller caller, Project p) {
        if (!Caller.TEACHER.equals(caller.role()) || !p.teacherId.equals(caller.actor())) {
            throw ProblemException.forbidden("only the teacher who wrote the project changes it");
        }
    }

    private School teachersOwnKnownSchool(Caller teacher, ProjectInput in) {
        if (teacher.schoolUai().filter(in.schoolUai()::equals).isEmpty()) {
            throw ProblemException.forbidden("a teacher writes projects for his own school (" + teacher.schoolUai().orElse("none") + ")");
        }
        School school = School.findById(in.schoolUai());
        if (school == null) {
            throw ProblemException.unprocessable("unknown-school", "school " + in.schoolUai() + " is not in the DSDEN's reference data");
        }
        SchoolYear year;
        try {
            year = SchoolYear.parse(in.schoolYear());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-school-year", e.getMessage());
        }
        ProjectRules.aProjectIsForTheCurrentOrNextSchoolYear(year, LocalDate.now(clock));
        return school;
    }

    private void write(Project p, ProjectInput in, School school) {
        p.schoolUai = school.uai;
        p.circonscriptionCode = school.circonscriptionCode;
        p.classLabel = in.classLabel().trim();
        p.levels = Project.join(in.levels());
        p.schoolYear = in.schoolYear();
        p.students = in.students();
        p.objectives = in.objectives();
        p.requestedResources = Project.join(in.requestedResources() == null ? List.of() : in.requestedResources());
        p.updatedAt = clock.instant();
    }

    private String schoolCirconscription(Project p) {
        School school = School.findById(p.schoolUai);
        return school != null ? school.circonscriptionCode : p.circonscriptionCode;
    }

    private void record(Project p, ProjectState from, ProjectState to, String actor, String role, String reason, String channel,
            String eventId) {
        ProjectTransition t = new ProjectTransition();
        t.projectId = p.id;
        t.fromState = from;
        t.toState = to;
        t.actor = actor;
        t.actorRole = role;
        t.at = clock.instant();
        t.reason = blankToNull(reason);
        t.channel = channel;
        t.eventId = eventId;
        t.persist();
    }

    private void publish(Project p, String type, ProjectEventData data) {
        outbox.publish(topic, p.id.toString(), type, p.id.toString(), data);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

}
