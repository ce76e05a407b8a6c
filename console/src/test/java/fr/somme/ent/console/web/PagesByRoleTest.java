package fr.somme.ent.console.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

/**
 * The pages as each role sees them, without the services (nothing listens at their URLs in this test: what the
 * services answer is tested by the browser journeys against the real services). The menu follows the roles; a service
 * that cannot be reached is a French sentence, never a 500 nor a stack trace; the page frame is accessible.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class PagesByRoleTest {

    @Test
    @TestSecurity(user = "ien-amiens-1", roles = "ien")
    @OidcSecurity(claims = @Claim(key = "circonscription", value = "0801"))
    void the_ien_home_lists_the_projects_to_decide_and_no_other_roles_entry() {
        given().when().get("/").then().statusCode(200)
                .body(allOf(containsString("<html lang=\"fr\">"), containsString("<title>Accueil — Console ENT</title>"),
                        containsString("<a class=\"evitement\" href=\"#contenu\">Aller au contenu</a>"),
                        containsString("<main id=\"contenu\""), containsString("aria-label=\"Menu principal\""),
                        containsString("href=\"/projets-a-valider\">Projets à valider</a>")))
                .body(not(containsString("Budget")))
                .body(not(containsString("Mes projets")));
    }

    @Test
    @TestSecurity(user = "ien-amiens-1", roles = "ien")
    void a_service_that_cannot_be_reached_is_a_french_sentence_not_a_500() {
        given().when().get("/projets-a-valider").then().statusCode(200)
                .body(containsString("<title>Projets à valider — Console ENT</title>"))
                .body(containsString("Le service est momentanément indisponible"))
                .body(not(containsString("Exception")));
    }

    @Test
    @TestSecurity(user = "ien-amiens-1", roles = "ien")
    void a_decision_the_service_cannot_take_re_renders_the_page_in_french() {
        given().contentType("application/x-www-form-urlencoded").formParam("decision", "REJECTED").formParam("reason", "")
                .when().post("/projets-a-valider/6f1c7a51-8f3e-4c1a-9a43-0f1d3c2b7e10")
                .then().statusCode(503)
                .body(containsString("role=\"alert\""))
                .body(containsString("Le service est momentanément indisponible"))
                .body(not(containsString("Exception")));
    }

    @Test
    @TestSecurity(user = "teacher-ecole", roles = "teacher")
    @OidcSecurity(claims = @Claim(key = "school_uai", value = "0800118U"))
    void a_page_of_another_role_says_so_in_french_and_calls_no_service() {
        given().when().get("/projets-a-valider").then().statusCode(200)
                .body(containsString("ne fait pas partie de celles de votre rôle"))
                .body(not(containsString("momentanément indisponible")));
    }

    @Test
    @TestSecurity(user = "teacher-ecole", roles = "teacher")
    @OidcSecurity(claims = @Claim(key = "school_uai", value = "0800118U"))
    void the_teachers_project_form_labels_every_field() {
        given().when().get("/mes-projets").then().statusCode(200)
                .body(allOf(containsString("<label for=\"classLabel\">Nom de la classe</label>"),
                        containsString("<label for=\"levels\">Niveaux</label>"),
                        containsString("<label for=\"schoolYear\">Année scolaire</label>"),
                        containsString("<label for=\"students\">Nombre d'élèves</label>"),
                        containsString("<label for=\"objectives\">Objectifs pédagogiques</label>"),
                        containsString("method=\"post\" action=\"/mes-projets\"")));
    }

    @Test
    @TestSecurity(user = "finance", roles = "finance")
    void an_unknown_page_is_a_french_404() {
        given().when().get("/nulle-part").then().statusCode(404)
                .body(containsString("Cette page n&#39;existe pas"))
                .body(containsString("<html lang=\"fr\">"));
    }

    @Test
    @TestSecurity(user = "agent-amiens", roles = "member-agent")
    @OidcSecurity(claims = @Claim(key = "member_id", value = "218000198"))
    void every_page_of_the_member_agent_renders_without_the_services() {
        for (String page : new String[] { "/adhesion", "/designations", "/nos-classes", "/appels", "/bilans" }) {
            given().when().get(page).then().statusCode(200)
                    .body(containsString("Le service est momentanément indisponible"));
        }
    }

    @Test
    @TestSecurity(user = "operator", roles = { "operator", "finance" })
    void every_page_of_the_operator_and_finance_renders_without_the_services() {
        for (String page : new String[] { "/membres", "/classes", "/chaine", "/bilans", "/budget", "/calcul", "/appels" }) {
            given().when().get(page).then().statusCode(200).body(containsString("— Console ENT</title>"))
                    .body(not(containsString("Exception")));
        }
    }
}
