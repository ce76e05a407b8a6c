package fr.somme.ent.console.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
import fr.somme.ent.console.api.ProvisioningApi;
import fr.somme.ent.console.menu.Menu;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/** Teacher: its classes (validated projects): counts, the roster upload and the login sheet (issued once). */
@Path("/ma-classe")
@Produces(MediaType.TEXT_HTML)
public class ClassroomResource {

    static final String PATH = "/ma-classe";

    @Inject
    @Location("enseignant/classe.html")
    Template page;

    @Inject
    @RestClient
    ProjectsApi projects;

    @Inject
    @RestClient
    ProvisioningApi provisioning;

    @Inject
    CurrentUser user;

    @GET
    public TemplateInstance classes(@QueryParam("fait") String done) {
        return classesPage().data("flash", Flash.sentence(done));
    }

    @POST
    @Path("{projectId}/eleves")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response roster(@PathParam("projectId") UUID projectId, @FormParam("roster") String roster) {
        String csv = roster == null ? "" : roster.strip();
        try {
            Api.json(() -> provisioning.roster(projectId, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));
            return Pages.seeOther(PATH + "?fait=liste-envoyee");
        } catch (ApiException e) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("roster", roster == null ? "" : roster);
            form.put("projectId", projectId.toString());
            return Pages.refused(classesPage(), e, form);
        }
    }

    @POST
    @Path("{projectId}/fiche-de-connexion")
    @Produces({ MediaType.TEXT_HTML })
    public Response loginSheet(@PathParam("projectId") UUID projectId) {
        try {
            return Response.fromResponse(Api.passThrough(() -> provisioning.loginSheet(projectId, "html")))
                    .header("Cache-Control", "no-store").build();
        } catch (ApiException e) {
            return Pages.refused(classesPage(), e, Map.of("projectId", projectId.toString()));
        }
    }

    private TemplateInstance classesPage() {
        TemplateInstance out = Pages.page(page, user, PATH).data("classes", List.of()).data("waiting", List.of());
        if (!user.has(Menu.TEACHER)) {
            return out.data("error", Roles.NOT_YOURS);
        }
        try {
            List<Map<String, Object>> validated = Api.list(() -> projects.list("VALIDATED", null));
            List<Map<String, Object>> classes = new ArrayList<>();
            List<Map<String, Object>> waiting = new ArrayList<>();
            for (Map<String, Object> p : validated) {
                try {
                    Map<String, Object> c = new LinkedHashMap<>(Api.object(() -> provisioning.clazz(UUID.fromString(p.get("id").toString()))));
                    c.putIfAbsent("classLabel", p.get("classLabel"));
                    classes.add(c);
                } catch (ApiException e) {
                    if (e.problem().status() != 404) {
                        throw e;
                    }
                    waiting.add(p);
                }
            }
            return out.data("classes", classes).data("waiting", waiting);
        } catch (ApiException e) {
            return Pages.failed(out, e);
        }
    }
}
