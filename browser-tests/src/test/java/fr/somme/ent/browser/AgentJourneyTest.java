package fr.somme.ent.browser;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * agent-amiens (Amiens, SIREN 218000198): its adhesion step by step with the legal dates the demo recorded
 * (deliberation 25 June, signature 1 July, transmissions 3 and 6 July), then its deployed class.
 */
@Order(3)
class AgentJourneyTest extends Journey {

    @Override
    String name() {
        return "agent";
    }

    @Test
    void aMemberAgentSeesItsAdhesionExecutoryWithItsLegalDatesAndItsDeployedClass() {
        logInAs("agent-amiens");
        browser.expectPage("Bienvenue", "accueil");

        browser.click("Notre adhésion");
        browser.expectPage("Notre adhésion à la charte", "adhesion");
        browser.expectText("218000198");
        browser.expectText("État : exécutoire");
        browser.expectText("du " + SchoolYear.demoDate(6, 25));
        browser.expectText("signée le " + SchoolYear.demoDate(7, 1));
        browser.expectText("transmise le " + SchoolYear.demoDate(7, 3));
        browser.expectText("transmise le " + SchoolYear.demoDate(7, 6));
        browser.expectText("Exécutoire depuis le");

        browser.click("Nos classes");
        browser.expectPage("Nos classes", "nos-classes");
        browser.expectText("CM2 A");
        browser.expectText("0800118U");
        browser.expectText("déployée");
    }
}
