package fr.somme.ent.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * finance: the budget of the current school year, a paid expense recorded in it, then the simulation of the
 * members' contributions with the day's figures.
 */
@Order(4)
class FinanceJourneyTest extends Journey {

    @Override
    String name() {
        return "finance";
    }

    @Test
    void theFinanceOfficerRecordsAnExpenseInTheYearsBudgetAndSimulatesTheContributions() {
        String invoice = "FAC-" + LocalTime.now().format(DateTimeFormatter.ofPattern("HHmmss"));
        logInAs("finance");
        browser.expectPage("Bienvenue", "accueil");

        browser.click("Budget");
        browser.expectPage("Budget " + SchoolYear.current(), "budget");
        browser.expectText("Dépenses payées par catégorie");
        browser.expectText("FEDER obtenu");

        browser.type("Fournisseur", "Éditions Lecture");
        browser.type("Référence de la facture", invoice);
        browser.type("Montant payé (€)", "1 234,56");
        assertEquals(LocalDate.now().toString(), browser.typeDate("Date de paiement", LocalDate.now()),
                "the date field took today's date");
        browser.click("Enregistrer la dépense");
        browser.expectPage("Budget " + SchoolYear.current(), "depense-enregistree");
        browser.expectText("La dépense est enregistrée.");
        browser.expectText(invoice);
        browser.expectText("1 234,56 €");

        browser.click("Calcul des contributions");
        browser.expectPage("Calcul des contributions " + SchoolYear.current(), "calcul");
        browser.click("Simuler avec les chiffres du jour");
        browser.expectPage("Calcul des contributions " + SchoolYear.current(), "simulation");
        browser.expectText("Simulation " + SchoolYear.current());
        browser.expectText("Appels simulés");
        browser.expectText("Charges nettes");
    }
}
