package fr.somme.ent.browser;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * operator: finds Amiens among the members, sees its adhesion executory, then runs the pipeline probe on the
 * event chain page.
 */
@Order(5)
class OperatorJourneyTest extends Journey {

    @Override
    String name() {
        return "operateur";
    }

    @Test
    void theOperatorFindsAMembersAdhesionAndProbesTheEventPipeline() {
        logInAs("operator");
        browser.expectPage("Bienvenue", "accueil");

        browser.click("Membres et adhésions");
        browser.expectPage("Membres et adhésions", "membres");
        browser.type("Nom du membre contient", "Amiens");
        browser.click("Rechercher");
        browser.expectText("218000198");
        browser.page("recherche-amiens");
        browser.clickWithin("218000198", "");
        browser.expectPage("Amiens", "membre-amiens"); // the commune's name in the reference data
        browser.expectText("Adhésions de");
        browser.expectText("exécutoire");
        browser.expectText("du " + SchoolYear.demoDate(6, 25));

        browser.click("Chaîne d'événements");
        browser.expectPage("Chaîne d'événements", "chaine");
        browser.expectText("File d'envoi des quatre services");
        browser.click("Lancer la sonde");
        browser.expectPage("Chaîne d'événements", "sonde");
        browser.expectText("Résultat de la sonde");
    }
}
