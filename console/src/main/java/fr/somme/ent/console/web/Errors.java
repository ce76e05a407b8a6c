package fr.somme.ent.console.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import fr.somme.ent.console.api.ApiException;
import fr.somme.ent.console.problem.FrenchMessages;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/** Whatever a page did not handle becomes a French page: never a stack trace, never Quarkus' error page. */
public class Errors {

    private static final Logger LOG = Logger.getLogger(Errors.class);

    @Inject
    @Location("erreur.html")
    Template page;

    @Inject
    CurrentUser user;

    @ServerExceptionMapper
    public Response api(ApiException e) {
        LOG.debugf("service answer shown as an error page: %s", e.getMessage());
        return render(Pages.status(e.problem()), FrenchMessages.message(e.problem()));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return render(404, "Cette page n'existe pas. Revenez à l'accueil pour retrouver vos rubriques.");
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (e instanceof jakarta.ws.rs.WebApplicationException w && w.getResponse().getStatus() < 500) {
            return render(w.getResponse().getStatus(), "La demande est incorrecte. Revenez à la page précédente et réessayez.");
        }
        LOG.error("unexpected error in a console page", e);
        return render(500, "Une erreur inattendue s'est produite. Réessayez ; si le problème persiste, contactez le syndicat.");
    }

    private Response render(int status, String message) {
        return Response.status(status).type("text/html;charset=UTF-8")
                .entity(Pages.page(page, user, "").data("error", message).render()).build();
    }
}
