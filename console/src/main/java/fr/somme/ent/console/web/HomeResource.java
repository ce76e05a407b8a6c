package fr.somme.ent.console.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/** The home page after login: the user's entries (by role), and the public page after logout. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomeResource {

    @Inject
    @Location("accueil.html")
    Template home;

    @Inject
    @Location("au-revoir.html")
    Template goodbye;

    @Inject
    CurrentUser user;

    @GET
    public TemplateInstance home() {
        return Pages.page(home, user, "/");
    }

    @GET
    @Path("au-revoir")
    public TemplateInstance goodbye() {
        return Pages.page(goodbye, user, "/au-revoir");
    }
}
