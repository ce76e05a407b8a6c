package fr.somme.ent.console.web;

import java.util.Map;

import jakarta.ws.rs.core.Response;

import fr.somme.ent.console.api.ApiException;
import fr.somme.ent.console.api.ApiProblem;
import fr.somme.ent.console.problem.FrenchMessages;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/** Renders a page with what every page has: the user (menu), the current path, a flash sentence, errors. */
public final class Pages {

    private Pages() {
    }

    public static TemplateInstance page(Template template, CurrentUser user, String current) {
        return template.data("user", user).data("current", current).data("flash", null).data("error", null)
                .data("errors", Map.of()).data("form", Map.of());
    }

    /** A page re-rendered after a refused form: the page's sentence and one per field, with what the user typed. */
    public static Response refused(TemplateInstance page, ApiException e, Map<String, String> form) {
        page.data("error", FrenchMessages.message(e.problem())).data("errors", FrenchMessages.fieldErrors(e.problem()))
                .data("form", form);
        return Response.status(status(e.problem())).entity(page).build();
    }

    /** A page whose content could not be read: the French sentence in place of the content. */
    public static TemplateInstance failed(TemplateInstance page, ApiException e) {
        return page.data("error", FrenchMessages.message(e.problem()));
    }

    public static Response seeOther(String location) {
        return Response.seeOther(java.net.URI.create(location)).build();
    }

    /** The status a re-rendered page answers with: the service's, or 503/502 when it could not be reached or read. */
    public static int status(ApiProblem p) {
        if (p.status() == 0) {
            return 503;
        }
        return p.status() >= 400 && p.status() < 600 ? p.status() : 502;
    }
}
