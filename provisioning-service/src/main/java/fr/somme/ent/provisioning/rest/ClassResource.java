package fr.somme.ent.provisioning.rest;

import fr.somme.ent.provisioning.domain.ClassOverview;
import fr.somme.ent.commons.rest.PageOf;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.commons.security.CallerScope;
import fr.somme.ent.commons.security.Roles;
import fr.somme.ent.provisioning.domain.ClassStatus;
import fr.somme.ent.provisioning.domain.LoginSheetLine;
import fr.somme.ent.provisioning.domain.PersonName;
import fr.somme.ent.provisioning.rest.AccountDtos.NewCodeView;
import fr.somme.ent.provisioning.rest.ClassDtos.AccountView;
import fr.somme.ent.provisioning.rest.ClassDtos.ClassView;
import fr.somme.ent.provisioning.rest.ClassDtos.RosterLine;
import fr.somme.ent.provisioning.service.ActivationService;
import fr.somme.ent.provisioning.service.ClassService;
import fr.somme.ent.provisioning.service.LoginSheetService;
import fr.somme.ent.provisioning.service.RosterService;

@Path("/classes")
@Tag(name = "classes", description = "The deployment gate's outcome per class, rosters, accounts, login sheets")
@Produces(MediaType.APPLICATION_JSON)
public class ClassResource {

    /** Both roster methods are one operation (PUT, JSON or CSV): the union of what they refuse. */
    static final String ROSTER_PROBLEMS = "400 roster-encoding, 400 roster-line, 400 roster-size, "
            + "409 class-already-deployed, 409 class-discarded, 413 roster-too-large";

    /** A roster as the CSV reader takes it (invented names). */
    static final String ROSTER_CSV_EXAMPLE = "nom;prénom\nExemple;Camille\nModèle;Noé\n";

    private final ClassService classes;
    private final RosterService rosters;
    private final LoginSheetService loginSheets;
    private final ActivationService activations;
    private final CallerScope caller;

    public ClassResource(ClassService classes, RosterService rosters, LoginSheetService loginSheets,
            ActivationService activations, CallerScope caller) {
        this.classes = classes;
        this.rosters = rosters;
        this.loginSheets = loginSheets;
        this.activations = activations;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Classes (pending with reasons, deployed, closed), counts only, a page of them",
            description = "Newest school year first, then school, class label and project id.")
    @Extension(name = "x-ent-problems", value = "400 status")
    public PageOf<ClassView> list(@QueryParam("status") String status, @QueryParam("memberId") String memberId,
            @QueryParam(PageOf.PAGE) @DefaultValue("0") @Min(0) int page,
            @QueryParam(PageOf.SIZE) @DefaultValue(PageOf.DEFAULT_SIZE_TEXT) @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        PageOf<ClassOverview> found = classes.list(status == null ? null : statusParameter(status), memberId, page, size);
        return new PageOf<>(ClassView.ofAll(found.items()), page, size, found.total());
    }

    private static ClassStatus statusParameter(String status) {
        for (ClassStatus s : ClassStatus.values()) {
            if (s.name().equals(status)) {
                return s;
            }
        }
        throw ProblemException.badRequest("status", "status is PENDING, DEPLOYED, CLOSED or DISCARDED");
    }

    @GET
    @Path("/{projectId}")
    @RolesAllowed({ Roles.OPERATOR, Roles.TEACHER, Roles.MEMBER_AGENT })
    @Operation(summary = "A class: status, reasons it is pending, counts and licences (no names)")
    public ClassView get(@PathParam("projectId") UUID projectId) {
        return ClassView.of(classes.view(projectId, caller));
    }

    @GET
    @Path("/{projectId}/accounts")
    @RolesAllowed({ Roles.OPERATOR, Roles.TEACHER })
    @Operation(summary = "The class's accounts with logins and names (its teacher, the operator)")
    public List<AccountView> accounts(@PathParam("projectId") UUID projectId) {
        return classes.accounts(projectId, caller).stream().map(AccountView::of).toList();
    }

    @PUT
    @Path("/{projectId}/roster")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.OPERATOR, Roles.TEACHER })
    @Operation(summary = "Upload the roster (JSON: [{lastName, firstName}]) before deployment")
    @Extension(name = "x-ent-problems", value = ROSTER_PROBLEMS)
    public Response rosterJson(@PathParam("projectId") UUID projectId,
            @Size(max = PersonName.MAX_ROSTER, message = "a roster has 1 to 100 students") List<@Valid RosterLine> lines) {
        if (lines == null) {
            throw ProblemException.badRequest("roster-size", "a roster has 1 to 100 students");
        }
        return rosterStored(rosters.replaceRoster(projectId, RosterLine.toNames(lines), caller));
    }

    @PUT
    @Path("/{projectId}/roster")
    @Consumes({ "text/csv", MediaType.TEXT_PLAIN })
    @RolesAllowed({ Roles.OPERATOR, Roles.TEACHER })
    @Operation(summary = "Upload the roster (CSV: last name, first name; optional header; ',' or ';')")
    @Extension(name = "x-ent-problems", value = ROSTER_PROBLEMS)
    public Response rosterCsv(@PathParam("projectId") UUID projectId, @RequestBody(content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary"), example = ROSTER_CSV_EXAMPLE),
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    example = ROSTER_CSV_EXAMPLE) }) InputStream csv) {
        return rosterStored(rosters.replaceRoster(projectId, RosterLine.toNames(RosterCsv.parse(csv)), caller));
    }

    @PUT
    @Path("/{projectId}/seats/{accountId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.OPERATOR, Roles.TEACHER })
    @Operation(summary = "Name an anonymous seat (pending activation): {lastName, firstName}; its login follows the names")
    @Extension(name = "x-ent-problems", value = "400 roster-line, 409 class-not-deployed, 409 seat-not-anonymous")
    public AccountView nameSeat(@PathParam("projectId") UUID projectId, @PathParam("accountId") UUID accountId,
            @Valid RosterLine name) {
        return AccountView.of(rosters.nameSeat(projectId, accountId, name == null ? null : name.toName(), caller));
    }

    @POST
    @Path("/{projectId}/login-sheet")
    @Produces({ "text/csv", MediaType.TEXT_HTML })
    @RolesAllowed({ Roles.OPERATOR, Roles.TEACHER })
    @Operation(summary = "Hand out the class's login sheet with activation codes, once: CSV, or printable HTML with ?format=html")
    @Extension(name = "x-ent-problems", value = "400 format, 409 class-not-deployed, 409 login-sheet-already-issued")
    public Response loginSheet(@PathParam("projectId") UUID projectId, @QueryParam("format") @DefaultValue("csv") String format) {
        if (!format.equals("csv") && !format.equals("html")) {
            throw ProblemException.badRequest("format", "format is csv or html");
        }
        List<LoginSheetLine> lines = loginSheets.issue(projectId, caller);
        if (format.equals("html")) {
            return Response.ok(LoginSheetDocuments.html(lines), "text/html; charset=UTF-8").header("Cache-Control", "no-store")
                    .build();
        }
        return Response.ok(LoginSheetDocuments.csv(lines), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"login-sheet-" + projectId + ".csv\"")
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("/{projectId}/accounts/{accountId}/activation-code")
    @RolesAllowed({ Roles.OPERATOR, Roles.TEACHER })
    @Operation(summary = "A new activation code for one account pending activation (lost sheet, account locked after "
            + "5 wrong codes): the previous code stops working; 409 account-not-pending otherwise")
    @Extension(name = "x-ent-problems", value = "409 account-not-pending")
    public Response newActivationCode(@PathParam("projectId") UUID projectId, @PathParam("accountId") UUID accountId) {
        return Response.ok(NewCodeView.of(activations.newCode(projectId, accountId, caller)))
                .header("Cache-Control", "no-store").build();
    }

    private static Response rosterStored(int count) {
        return Response.ok(Map.of("students", count)).build();
    }
}
