package fr.somme.ent.console.web;

import java.time.LocalDate;
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
import fr.somme.ent.console.api.ApiProblem;
import fr.somme.ent.console.api.MembershipApi;
import fr.somme.ent.console.api.ProvisioningApi;
import fr.somme.ent.console.format.French;
import fr.somme.ent.console.menu.Menu;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * Agent of a member (claim member_id): the adhesion and its legal dates step by step, the designated schools per school
 * year, the classes of its schools (counts). Its contribution calls are {@link CallsResource}.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AgentResource {

    @Inject
    @Location("membre/adhesion.html")
    Template adhesion;

    @Inject
    @Location("membre/designations.html")
    Template designations;

    @Inject
    @Location("membre/classes.html")
    Template classes;

    @Inject
    @RestClient
    MembershipApi membership;

    @Inject
    @RestClient
    ProvisioningApi provisioning;

    @Inject
    CurrentUser user;

    // ---- adhesion -------------------------------------------------------------------------------------------------

    @GET
    @Path("adhesion")
    public TemplateInstance adhesion(@QueryParam("fait") String done) {
        return adhesionPage().data("flash", Flash.sentence(done));
    }

    @POST
    @Path("adhesion/deliberation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deliberate(@FormParam("number") String number, @FormParam("date") String date,
            @FormParam("charterApproved") String approved, @FormParam("executiveAuthorised") String authorised) {
        Map<String, String> form = Map.of("number", nz(number), "date", nz(date), "charterApproved", nz(approved),
                "executiveAuthorised", nz(authorised));
        return post(() -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("number", nz(number).strip());
            body.put("date", dateOrNull("date", date));
            body.put("charterApproved", approved != null);
            body.put("executiveAuthorised", authorised != null);
            return membership.deliberate(user.memberId(), body);
        }, "/adhesion?fait=deliberation", form);
    }

    @POST
    @Path("adhesion/{id}/signature")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response sign(@PathParam("id") UUID id, @FormParam("signedOn") String signedOn) {
        return post(() -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("signedOn", dateOrNull("signedOn", signedOn));
            return membership.sign(user.memberId(), id, body);
        }, "/adhesion?fait=signature", Map.of("signedOn", nz(signedOn)));
    }

    @POST
    @Path("adhesion/{id}/transmission")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response transmit(@PathParam("id") UUID id, @FormParam("document") String document,
            @FormParam("transmittedOn") String transmittedOn) {
        return post(() -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("document", document == null || document.isBlank() ? null : document);
            body.put("transmittedOn", dateOrNull("transmittedOn", transmittedOn));
            return membership.transmit(user.memberId(), id, body);
        }, "/adhesion?fait=transmission",
                Map.of("document", nz(document), "transmittedOn", nz(transmittedOn)));
    }

    private Response post(java.util.function.Supplier<Response> call, String next, Map<String, String> form) {
        try {
            Api.json(call);
            return Pages.seeOther(next);
        } catch (ApiException e) {
            return Pages.refused(adhesionPage(), e, form);
        }
    }

    private TemplateInstance adhesionPage() {
        TemplateInstance page = Pages.page(adhesion, user, "/adhesion").data("member", null).data("open", null).data("adhesions", List.of())
                .data("today", LocalDate.now(French.PARIS).toString());
        if (!user.has(Menu.MEMBER_AGENT) || user.memberId() == null) {
            return page.data("error", Roles.NOT_YOURS);
        }
        try {
            page.data("member", Api.object(() -> membership.member(user.memberId())));
            List<Map<String, Object>> list = Api.list(() -> membership.adhesions(user.memberId()));
            page.data("adhesions", list);
            page.data("open", list.stream().filter(a -> !"TERMINATED".equals(a.get("state"))).reduce((a, b) -> b).orElse(null));
            return page;
        } catch (ApiException e) {
            return Pages.failed(page.data("open", null), e);
        }
    }

    // ---- designations ---------------------------------------------------------------------------------------------

    @GET
    @Path("designations")
    public TemplateInstance designations(@QueryParam("annee") String year, @QueryParam("fait") String done) {
        return designationsPage(year).data("flash", Flash.sentence(done));
    }

    @POST
    @Path("designations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response designate(@FormParam("schoolYear") String year, @FormParam("schools") String schools) {
        String y = nz(year).strip();
        Map<String, String> form = Map.of("schools", nz(schools), "schoolYear", y);
        try {
            List<Map<String, Object>> lines = schoolLines(nz(schools));
            Api.json(() -> membership.designate(user.memberId(), y, Map.of("schools", lines)));
            return Pages.seeOther("/designations?annee=" + y + "&fait=designation");
        } catch (ApiException e) {
            return Pages.refused(designationsPage(y), e, form);
        }
    }

    /** "0800118U; 5; 118" per line → {uai, classes, students}; a line that does not read is refused in French. */
    static List<Map<String, Object>> schoolLines(String text) {
        List<Map<String, Object>> out = new ArrayList<>();
        int n = 0;
        for (String line : text.split("\\R")) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("[;,\\t]");
            if (cells.length < 3) {
                throw new ApiException(new ApiProblem(400, "validation", "line " + n,
                        List.of(new ApiProblem.FieldError("schools", "line " + n + " must match UAI; classes; students"))));
            }
            Map<String, Object> school = new LinkedHashMap<>();
            school.put("uai", cells[0].strip().toUpperCase(java.util.Locale.ROOT));
            school.put("classes", TeacherResource.integer(cells[1]));
            school.put("students", TeacherResource.integer(cells[2]));
            out.add(school);
        }
        return out;
    }

    private TemplateInstance designationsPage(String year) {
        String y = year == null || year.isBlank() ? French.schoolYearOf(LocalDate.now(French.PARIS)) : year.strip();
        TemplateInstance page = Pages.page(designations, user, "/designations").data("year", y).data("designation", null)
                .data("years", years(y));
        if (!user.has(Menu.MEMBER_AGENT) || user.memberId() == null) {
            return page.data("error", Roles.NOT_YOURS);
        }
        try {
            Map<String, Object> d = Api.object(() -> membership.designation(user.memberId(), y));
            page.data("designation", d).data("form", Map.of("schools", asLines(d), "schoolYear", y));
            return page;
        } catch (ApiException e) {
            if (e.problem().status() == 404) {
                return page.data("form", Map.of("schools", "", "schoolYear", y));
            }
            return Pages.failed(page, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static String asLines(Map<String, Object> designation) {
        StringBuilder out = new StringBuilder();
        Object schools = designation.get("schools");
        if (schools instanceof List<?> list) {
            for (Object o : list) {
                Map<String, Object> s = (Map<String, Object>) o;
                out.append(s.get("uai")).append("; ").append(s.get("classes")).append("; ").append(s.get("students")).append('\n');
            }
        }
        return out.toString();
    }

    /** The current school year, the previous one and the next one, around the one shown. */
    static List<String> years(String around) {
        int start;
        try {
            start = Integer.parseInt(around.substring(0, 4));
        } catch (RuntimeException e) {
            start = LocalDate.now(French.PARIS).getYear();
        }
        return List.of((start - 1) + "-" + start, start + "-" + (start + 1), (start + 1) + "-" + (start + 2));
    }

    // ---- classes --------------------------------------------------------------------------------------------------

    @GET
    @Path("nos-classes")
    public TemplateInstance classes() {
        TemplateInstance page = Pages.page(classes, user, "/nos-classes").data("classes", List.of());
        if (!user.has(Menu.MEMBER_AGENT) || user.memberId() == null) {
            return page.data("error", Roles.NOT_YOURS);
        }
        try {
            return page.data("classes", Api.list(() -> provisioning.memberClasses(user.memberId())));
        } catch (ApiException e) {
            return Pages.failed(page, e);
        }
    }

    static String dateOrNull(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip()).toString();
        } catch (java.time.format.DateTimeParseException e) {
            throw new ApiException(new ApiProblem(400, "validation", "date",
                    List.of(new ApiProblem.FieldError(field, "must match AAAA-MM-JJ"))));
        }
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
