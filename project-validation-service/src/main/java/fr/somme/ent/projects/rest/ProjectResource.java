package fr.somme.ent.projects.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import fr.somme.ent.commons.rest.PageOf;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.somme.ent.commons.security.CallerScope;
import fr.somme.ent.commons.security.Roles;
import fr.somme.ent.projects.domain.ClassDeployment;
import fr.somme.ent.projects.domain.Project;
import fr.somme.ent.projects.domain.ProjectState;
import fr.somme.ent.projects.rest.ProjectDtos.DecisionRequest;
import fr.somme.ent.projects.rest.ProjectDtos.DsdenDecisionRequest;
import fr.somme.ent.projects.rest.ProjectDtos.ProjectRequest;
import fr.somme.ent.projects.rest.ProjectDtos.ProjectView;
import fr.somme.ent.projects.rest.ProjectDtos.TransitionView;
import fr.somme.ent.projects.rest.ProjectDtos.WithdrawalRequest;
import fr.somme.ent.projects.service.Caller;
import fr.somme.ent.projects.service.ClassDeployments;
import fr.somme.ent.projects.service.DecidingAsIen;
import fr.somme.ent.projects.service.DecidingFromDsden;
import fr.somme.ent.projects.service.ReadingProjects;
import fr.somme.ent.projects.service.WritingProjects;

@Path("/projects")
@Tag(name = "Projects", description = "Teachers' pedagogical ENT projects and the IEN's decisions (art. 2)")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectResource {

    private final WritingProjects writing;
    private final DecidingAsIen ienDecisions;
    private final DecidingFromDsden dsdenDecisions;
    private final ReadingProjects reading;
    private final CallerScope scope;
    private final ObjectMapper mapper;
    private final ClassDeployments deployments;

    public ProjectResource(WritingProjects writing, DecidingAsIen ienDecisions, DecidingFromDsden dsdenDecisions,
            ReadingProjects reading, CallerScope scope, ObjectMapper mapper, ClassDeployments deployments) {
        this.writing = writing;
        this.ienDecisions = ienDecisions;
        this.dsdenDecisions = dsdenDecisions;
        this.reading = reading;
        this.scope = scope;
        this.mapper = mapper;
        this.deployments = deployments;
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @POST
    @RolesAllowed(Roles.TEACHER)
    @Operation(summary = "Write a project (draft) for a class of the teacher's own school (claim school_uai)")
    @Extension(name = "x-ent-problems", value = "400 invalid-school-year, 422 unknown-school, 422 school-year-not-open")
    public Response create(@Valid @NotNull ProjectRequest body) {
        ProjectView view = view(writing.create(Caller.of(scope), body.content()));
        return Response.status(Response.Status.CREATED).entity(view).header("Location", "/projects/" + view.id()).build();
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.TEACHER)
    @Operation(summary = "Edit an own project while it is a draft, rejected or with changes requested")
    @Extension(name = "x-ent-problems", value = "409 not-editable, 400 invalid-school-year, 422 unknown-school, "
            + "422 school-year-not-open, 409 concurrent-update")
    public ProjectView update(@PathParam("id") UUID id, @Valid @NotNull ProjectRequest body) {
        return view(writing.update(Caller.of(scope), id, body.content()));
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed(Roles.TEACHER)
    @Operation(summary = "Submit a draft (project-submitted) or resubmit a revised project (project-revised) to the IEN")
    @Extension(name = "x-ent-problems", value = "409 invalid-transition, 422 unknown-school, 422 school-year-not-open, "
            + "409 concurrent-update")
    public ProjectView submit(@PathParam("id") UUID id) {
        return view(writing.submit(Caller.of(scope), id));
    }

    /** Any media type is accepted (clients send no body, or JSON without saying so); the document says what to send. */
    @Consumes(MediaType.WILDCARD)
    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed(Roles.TEACHER)
    @Operation(summary = "Withdraw an own project until its class is deployed (project-withdrawn; 409 project-already-deployed after); optional body {\"reason\": \"...\"}")
    @Extension(name = "x-ent-problems", value = "409 invalid-transition, 409 project-already-deployed, 409 concurrent-update")
    public ProjectView withdraw(@PathParam("id") UUID id,
            @RequestBody(required = false, description = "optional: no body, or the reason of the withdrawal", content = @Content(
                    mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WithdrawalRequest.class),
                    examples = @ExampleObject(name = "reason", value = "{\"reason\": \"La classe est fermée à la rentrée\"}"))) String body) {
        return view(writing.withdraw(Caller.of(scope), id, WithdrawalRequest.parse(mapper, body).reason()));
    }

    @Consumes(MediaType.WILDCARD)
    @POST
    @Path("/{id}/renewal")
    @RolesAllowed(Roles.TEACHER)
    @Operation(summary = "Renew an own validated project for the next school year: a new draft (renewedFrom) to edit, submit and have decided again; once per project")
    @Extension(name = "x-ent-problems", value = "409 project-not-renewable, 409 project-already-renewed, 422 unknown-school, "
            + "422 school-year-not-open, 409 concurrent-update")
    public Response renew(@PathParam("id") UUID id) {
        ProjectView view = view(writing.renew(Caller.of(scope), id));
        return Response.status(Response.Status.CREATED).entity(view).header("Location", "/projects/" + view.id()).build();
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @POST
    @Path("/{id}/decision")
    @RolesAllowed(Roles.IEN)
    @Operation(summary = "The IEN of the school's circonscription validates, rejects or asks for changes (reason required but for validation)")
    @Extension(name = "x-ent-problems", value = "422 reason-required, 409 decision-contradicts-earlier, 409 school-year-ended, "
            + "409 no-convention-for-school-year, 409 concurrent-update")
    public ProjectView decide(@PathParam("id") UUID id, @Valid @NotNull DecisionRequest body) {
        return view(ienDecisions.decide(Caller.of(scope), id, body.decision(), body.reason()));
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @POST
    @Path("/{id}/dsden-decision")
    @RolesAllowed(Roles.DSDEN)
    @Operation(summary = "The DSDEN forwards a decision of the school's IEN (same fields and rules as dsden.decisions.v1); wrong IEN → 403")
    @Extension(name = "x-ent-problems", value = "422 decision-in-the-future, 422 reason-required, 409 decision-contradicts-earlier, "
            + "409 decision-predates-submission, 409 school-year-ended, 409 no-convention-for-school-year, 409 concurrent-update")
    public ProjectView dsdenDecision(@PathParam("id") UUID id, @Valid @NotNull DsdenDecisionRequest body) {
        return view(dsdenDecisions.forwardedBy(Caller.of(scope), id, body.circonscriptionCode(), body.toDecision()));
    }

    @GET
    @RolesAllowed({ Roles.TEACHER, Roles.IEN, Roles.DSDEN, Roles.OPERATOR, Roles.MEMBER_AGENT })
    @Operation(summary = "Projects visible to the caller: own (teacher), own circonscription's submitted ones (ien), all (dsden, operator); submitted ones of its designated schools (member-agent)")
    public PageOf<ProjectView> list(@QueryParam("state") ProjectState state, @QueryParam("schoolYear") @Size(max = 20) String schoolYear,
            @QueryParam(PageOf.PAGE) @DefaultValue("0") @Min(0) int page,
            @QueryParam(PageOf.SIZE) @DefaultValue(PageOf.DEFAULT_SIZE_TEXT) @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        PageOf<Project> found = reading.list(Caller.of(scope), state, schoolYear, page, size);
        Map<UUID, ClassDeployment> deployed = deployments.ofProjects(found.items().stream().map(Project::id).toList());
        return found.map(p -> ProjectView.of(p, Optional.ofNullable(deployed.get(p.id()))));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.TEACHER, Roles.IEN, Roles.DSDEN, Roles.OPERATOR, Roles.MEMBER_AGENT })
    @Operation(summary = "A project; 404 when it does not exist or is outside the caller's scope")
    public ProjectView get(@PathParam("id") UUID id) {
        return view(reading.visible(Caller.of(scope), id));
    }

    @GET
    @Path("/{id}/transitions")
    @RolesAllowed({ Roles.TEACHER, Roles.IEN, Roles.DSDEN, Roles.OPERATOR, Roles.MEMBER_AGENT })
    @Operation(summary = "Every transition of the project: who, when, why, through which channel")
    public List<TransitionView> transitions(@PathParam("id") UUID id) {
        return reading.transitions(Caller.of(scope), id).stream().map(TransitionView::of).toList();
    }

    private ProjectView view(Project p) {
        return ProjectView.of(p, deployments.ofProject(p.id()));
    }
}
