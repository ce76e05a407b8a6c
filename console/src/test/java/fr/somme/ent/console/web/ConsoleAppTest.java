package fr.somme.ent.console.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The console starts, answers its health checks and sends an anonymous visitor to the OIDC provider to log in. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ConsoleAppTest {

    @Test
    void health_endpoints_answer_up() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void an_anonymous_page_request_is_redirected_to_the_oidc_provider_with_the_authorization_code_flow() {
        given().redirects().follow(false).when().get("/projets-a-valider")
                .then().statusCode(302)
                .header("Location", containsString("/auth/realms/quarkus?response_type=code"))
                .header("Location", containsString("redirect_uri=http%3A%2F%2Flocalhost%3A"))
                .header("Location", containsString("client_id=quarkus-web-app"));
    }

    @Test
    void the_home_page_needs_a_login_too() {
        given().redirects().follow(false).when().get("/").then().statusCode(302)
                .header("Location", containsString("response_type=code"));
    }

    @Test
    void the_style_sheet_htmx_and_the_logged_out_page_are_public() {
        given().when().get("/style.css").then().statusCode(200).body(containsString(":focus-visible"));
        given().when().get("/webjars/htmx.org/dist/htmx.min.js").then().statusCode(200).body(containsString("htmx"));
        given().when().get("/au-revoir").then().statusCode(200)
                .body(containsString("<html lang=\"fr\">"))
                .body(containsString("<title>Déconnexion — Console ENT</title>"))
                .body(containsString("Vous êtes déconnecté"))
                .body(not(containsString("Menu principal")));
    }
}
