package fr.somme.ent.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * ien-amiens-1 (circonscription 0801): opens a project waiting for its decision, asks for changes with a reason,
 * and the project leaves the list of projects to decide.
 */
@Order(2)
class IenJourneyTest extends Journey {

    private static final By EXAMINE_LINKS = By.xpath("//main//a[starts-with(normalize-space(.), 'Examiner le projet')]");

    @Override
    String name() {
        return "ien";
    }

    @Test
    void anIenAsksForChangesWithAReasonAndTheProjectLeavesTheListToDecide() {
        logInAs("ien-amiens-1");
        browser.expectPage("Bienvenue", "accueil");

        browser.click("Projets à valider");
        browser.expectPage("Projets à valider", "projets-a-valider");
        List<WebElement> waiting = browser.driver.findElements(EXAMINE_LINKS);
        if (waiting.isEmpty()) {
            throw new AssertionError("no project waiting for ien-amiens-1 (the demo leaves one, the teacher's journey submits one):\n"
                    + browser.mainText());
        }
        String link = waiting.get(0).getText().trim();
        String classLabel = link.substring("Examiner le projet ".length());
        long before = count(link);

        browser.click(link);
        browser.expectPage("Projet " + classLabel, "projet");
        browser.expectText("déposé, en attente de décision");

        browser.check("Demander des modifications");
        browser.type("Motif", "Précisez la fréquence des séances en ligne et l'accord des familles.");
        browser.click("Enregistrer la décision");

        browser.expectPage("Projets à valider", "apres-decision");
        browser.expectText("des modifications ont été demandées");
        assertEquals(before - 1, count(link), "the project left the list of projects waiting for a decision");
    }

    private long count(String linkText) {
        return browser.driver.findElements(EXAMINE_LINKS).stream().filter(e -> e.getText().trim().equals(linkText)).count();
    }
}
