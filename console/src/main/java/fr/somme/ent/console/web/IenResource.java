package fr.somme.ent.console.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import fr.somme.ent.console.api.Api;
import fr.somme.ent.console.api.ApiException;
import fr.somme.ent.console.api.ProjectsApi;
import fr.somme.ent.console.menu.Menu;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * IEN: the projects of the circonscription waiting for a decision (the API lists only the caller's circonscription's
 * submitted projects), one screen per project, validate / ask for changes / reject with a reason.
 */
@Path("/projets-a-valider")
@Produces(MediaType.TEXT_HTML)
public class IenResource {

    static final String PATH = "/projets-a-valider";
    private static final Map<String, String> DONE = Map.of("VALIDATED", "valide", "CHANGES_REQUESTED", "modifications",
            "REJECTED", "refuse");

    @Inject
    @Location("ien/liste.html")
    Template list;

    @Inject
    @Location("ien/projet.html")
    Template project;

    @Inject
    @RestClient
    ProjectsApi projects;

    @Inject
    CurrentUser user;

    @GET
    public TemplateInstance list(@QueryParam("fait") String done) {
        TemplateInstance page = Pages.page(list, user, PATH).data("flash", Flash.sentence(done)).data("projects", List.of());
        if (!user.has(Menu.IEN)) {
            return page.data("error", Roles.NOT_YOURS);
        }
        try {
            return page.data("projects", Api.list(() -> projects.list("SUBMITTED", null)));
        } catch (ApiException e) {
            return Pages.failed(page, e);
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance project(@PathParam("id") UUID id) {
        return projectPage(id);
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("id") UUID id, @FormParam("decision") String decision, @FormParam("reason") String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", decision);
        if (reason != null && !reason.isBlank()) {
            body.put("reason", reason.strip());
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("decision", decision == null ? "" : decision);
        form.put("reason", reason == null ? "" : reason);
        try {
            if (decision == null || !DONE.containsKey(decision)) {
                throw new ApiException(new fr.somme.ent.console.api.ApiProblem(400, "validation", "decision",
                        List.of(new fr.somme.ent.console.api.ApiProblem.FieldError("decision", "must not be null"))));
            }
            Api.json(() -> projects.decide(id, body));
            return Pages.seeOther(PATH + "?fait=" + DONE.get(decision));
        } catch (ApiException e) {
            return Pages.refused(projectPage(id), e, form);
        }
    }

    private TemplateInstance projectPage(UUID id) {
        TemplateInstance page = Pages.page(project, user, PATH).data("project", null).data("transitions", List.of());
        if (!user.has(Menu.IEN)) {
            return page.data("error", Roles.NOT_YOURS);
        }
        try {
            page.data("project", Api.object(() -> projects.get(id)));
            page.data("transitions", Api.list(() -> projects.transitions(id)));
            return page;
        } catch (ApiException e) {
            return Pages.failed(page, e);
        }
    }
}
