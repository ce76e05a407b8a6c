package fr.somme.ent.browser;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** teacher-ecole (école 0800118U, Amiens): writes a project for a new class and submits it to its IEN. */
@Order(1)
class TeacherJourneyTest extends Journey {

    @Override
    String name() {
        return "enseignant";
    }

    @Test
    void aTeacherWritesAProjectSubmitsItAndSeesItWaitingForTheIen() {
        String classLabel = "CE2 essai " + LocalTime.now().format(DateTimeFormatter.ofPattern("HHmmss"));
        logInAs("teacher-ecole");
        browser.expectPage("Bienvenue", "accueil");

        browser.click("Mes projets");
        browser.expectPage("Mes projets", "mes-projets");
        browser.expectText("Projet CM2 A"); // the demo's validated project

        browser.type("Nom de la classe", classLabel);
        browser.type("Niveaux", "CE2");
        browser.type("Année scolaire", SchoolYear.current());
        browser.type("Nombre d'élèves", "23");
        browser.type("Objectifs pédagogiques", "Tenir un blog de classe avec les familles et lire en ligne chaque semaine.");
        browser.click("Enregistrer le brouillon");
        browser.expectPage("Projet " + classLabel, "brouillon-enregistre");
        browser.expectText("Le projet est enregistré (brouillon).");
        browser.expectText("brouillon");

        browser.click("Déposer le projet auprès de l'IEN");
        browser.expectPage("Projet " + classLabel, "projet-depose");
        browser.expectText("déposé, en attente de décision");

        browser.click("Retour à mes projets");
        browser.expectPage("Mes projets", "mes-projets-apres-depot");
        browser.expectText("Projet " + classLabel + " (" + SchoolYear.current() + ")");
    }
}
