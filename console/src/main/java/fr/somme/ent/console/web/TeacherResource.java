package fr.somme.ent.console.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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
import fr.somme.ent.console.format.French;
import fr.somme.ent.console.menu.Menu;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/** Teacher: its projects (write, submit, revise, renew for next year, withdraw). Its class is {@link ClassroomResource}. */
@Path("/mes-projets")
@Produces(MediaType.TEXT_HTML)
public class TeacherResource {

    static final String PATH = "/mes-projets";

    @Inject
    @Location("enseignant/projets.html")
    Template list;

    @Inject
    @Location("enseignant/projet.html")
    Template project;

    @Inject
    @RestClient
    ProjectsApi projects;

    @Inject
    CurrentUser user;

    @GET
    public TemplateInstance list(@QueryParam("fait") String done) {
        TemplateInstance page = listPage().data("flash", Flash.sentence(done));
        return page;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("classLabel") String classLabel, @FormParam("levels") String levels,
            @FormParam("schoolYear") String schoolYear, @FormParam("students") String students,
            @FormParam("objectives") String objectives, @FormParam("requestedResources") String resources) {
        Map<String, String> form = form(classLabel, levels, schoolYear, students, objectives, resources);
        try {
            Map<String, Object> created = Api.object(() -> projects.create(body(form)));
            return Pages.seeOther(PATH + "/" + created.get("id") + "?fait=projet-enregistre");
        } catch (ApiException e) {
            return Pages.refused(listPage(), e, form);
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance project(@PathParam("id") UUID id, @QueryParam("fait") String done) {
        return projectPage(id).data("flash", Flash.sentence(done));
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") UUID id, @FormParam("classLabel") String classLabel, @FormParam("levels") String levels,
            @FormParam("schoolYear") String schoolYear, @FormParam("students") String students,
            @FormParam("objectives") String objectives, @FormParam("requestedResources") String resources) {
        Map<String, String> form = form(classLabel, levels, schoolYear, students, objectives, resources);
        try {
            Api.json(() -> projects.update(id, body(form)));
            return Pages.seeOther(PATH + "/" + id + "?fait=projet-enregistre");
        } catch (ApiException e) {
            return Pages.refused(projectPage(id), e, form);
        }
    }

    @POST
    @Path("{id}/depot")
    public Response submit(@PathParam("id") UUID id) {
        return act(id, () -> Api.json(() -> projects.submit(id)), PATH + "/" + id + "?fait=projet-depose");
    }

    @POST
    @Path("{id}/retrait")
    public Response withdraw(@PathParam("id") UUID id) {
        return act(id, () -> Api.json(() -> projects.withdraw(id, Map.of())), PATH + "/" + id + "?fait=projet-retire");
    }

    @POST
    @Path("{id}/reconduction")
    public Response renew(@PathParam("id") UUID id) {
        try {
            Map<String, Object> renewed = Api.object(() -> projects.renew(id));
            return Pages.seeOther(PATH + "/" + renewed.get("id") + "?fait=projet-reconduit");
        } catch (ApiException e) {
            return Pages.refused(projectPage(id), e, Map.of());
        }
    }

    private Response act(UUID id, Runnable call, String next) {
        try {
            call.run();
            return Pages.seeOther(next);
        } catch (ApiException e) {
            return Pages.refused(projectPage(id), e, Map.of());
        }
    }

    private TemplateInstance listPage() {
        TemplateInstance page = Pages.page(list, user, PATH).data("projects", List.of())
                .data("defaultYear", French.schoolYearOf(LocalDate.now(French.PARIS)));
        if (!user.has(Menu.TEACHER)) {
            return page.data("error", Roles.NOT_YOURS);
        }
        try {
            return page.data("projects", Api.list(() -> projects.list(null, null)));
        } catch (ApiException e) {
            return Pages.failed(page, e);
        }
    }

    private TemplateInstance projectPage(UUID id) {
        TemplateInstance page = Pages.page(project, user, PATH).data("project", null).data("transitions", List.of());
        if (!user.has(Menu.TEACHER)) {
            return page.data("error", Roles.NOT_YOURS);
        }
        try {
            Map<String, Object> p = Api.object(() -> projects.get(id));
            page.data("project", p).data("form", prefill(p));
            page.data("transitions", Api.list(() -> projects.transitions(id)));
            return page;
        } catch (ApiException e) {
            return Pages.failed(page, e);
        }
    }

    /** The edit form starts from the project as it is. */
    static Map<String, String> prefill(Map<String, Object> p) {
        return form(str(p.get("classLabel")), join(p.get("levels")), str(p.get("schoolYear")), str(p.get("students")),
                str(p.get("objectives")), join(p.get("requestedResources")));
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    private static String join(Object o) {
        return o instanceof List<?> l ? String.join(", ", l.stream().map(String::valueOf).toList()) : str(o);
    }

    private static Map<String, String> form(String classLabel, String levels, String schoolYear, String students,
            String objectives, String resources) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("classLabel", nz(classLabel));
        form.put("levels", nz(levels));
        form.put("schoolYear", nz(schoolYear));
        form.put("students", nz(students));
        form.put("objectives", nz(objectives));
        form.put("requestedResources", nz(resources));
        return form;
    }

    private Map<String, Object> body(Map<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schoolUai", user.schoolUai());
        body.put("classLabel", form.get("classLabel").strip());
        body.put("levels", words(form.get("levels").toUpperCase(java.util.Locale.ROOT)));
        body.put("schoolYear", form.get("schoolYear").strip());
        body.put("students", integer(form.get("students")));
        body.put("objectives", form.get("objectives").strip());
        body.put("requestedResources", words(form.get("requestedResources")));
        return body;
    }

    /** "CM1, CM2" or "CM1 CM2" → [CM1, CM2]. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Arrays.stream(text.split("[,;\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
        return out;
    }

    /** A number as typed; what is not a number is sent as null, so the API says which field is wrong. */
    static Integer integer(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
