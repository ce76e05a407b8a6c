package fr.somme.ent.billing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import fr.somme.ent.billing.domain.MarketPriceInvoice.Line;
import fr.somme.ent.billing.domain.MarketPriceInvoice.PriceList;
import fr.somme.ent.billing.domain.MarketPriceInvoice.Usage;

/** Art. 4.3 / rule 17: the Département's collèges at market prices. */
class MarketPriceInvoiceTest {

    static final PriceList PRICES = new PriceList(150L, 425L, Map.of("MANUEL-MATHS", 890L, "ATLAS", 120L));

    /*
     * Worked example: 300 accounts created at 1.50 € = 450.00 €; 300 accounts operated at 4.25 € = 1,275.00 €;
     * 60 ATLAS licences at 1.20 € = 72.00 €; 100 MANUEL-MATHS licences at 8.90 € = 890.00 €. Total 2,687.00 €.
     */
    @Test
    void linesAtMarketPricesWithoutOptedOutComponents() {
        List<Line> lines = MarketPriceInvoice.linesAtMarketPricesWithoutOptedOutComponents(
                new Usage(300, 300, Map.of("MANUEL-MATHS", 100L, "ATLAS", 60L)), PRICES, Set.of());
        assertEquals(List.of(45_000L, 127_500L, 7_200L, 89_000L), lines.stream().map(Line::amountCents).toList());
        assertEquals(268_700, lines.stream().mapToLong(Line::amountCents).sum());
    }

    /* Opted out of ACCOUNTS and of ATLAS for the year: only 100 MANUEL-MATHS × 8.90 € = 890.00 € remain. */
    @Test
    void optedOutComponentsAreNotBilled() {
        List<Line> lines = MarketPriceInvoice.linesAtMarketPricesWithoutOptedOutComponents(
                new Usage(300, 300, Map.of("MANUEL-MATHS", 100L, "ATLAS", 60L)), PRICES, Set.of("ACCOUNTS", "ATLAS"));
        assertEquals(1, lines.size());
        assertEquals(89_000, lines.get(0).amountCents());
    }

    @Test
    void aBilledComponentWithoutPriceIsRefused() {
        assertThrows(MarketPriceInvoice.MissingPriceException.class, () -> MarketPriceInvoice
                .linesAtMarketPricesWithoutOptedOutComponents(new Usage(0, 0, Map.of("UNKNOWN", 3L)), PRICES, Set.of()));
    }

    /*
     * Boundaries: a component with a quantity of 0 is not billed, so it needs no price; 1 is billed. The price list here
     * is empty: a line with quantity 0 would refuse the computation for a missing price.
     */
    @Test
    void aComponentWithNothingDeployedIsNotBilledAndNeedsNoPrice() {
        PriceList none = new PriceList(null, null, Map.of());
        assertEquals(List.of(), MarketPriceInvoice.linesAtMarketPricesWithoutOptedOutComponents(
                new Usage(0, 0, Map.of("ATLAS", 0L)), none, Set.of()));
        List<Line> one = MarketPriceInvoice.linesAtMarketPricesWithoutOptedOutComponents(
                new Usage(1, 1, Map.of("ATLAS", 1L, "MANUEL-MATHS", 0L)), PRICES, Set.of());
        assertEquals(List.of(
                new Line("ACCOUNT_CREATION", "Création de comptes", 1, 150, 150, "accounts-provisioned (teacher + student accounts)"),
                new Line("ACCOUNT_OPERATION", "Fonctionnement de comptes", 1, 425, 425, "accounts provisioned for the school year"),
                new Line("LICENCE:ATLAS", "Licences ATLAS", 1, 120, 120, "licences-assigned")), one);
    }

    /* Created and operated accounts are priced separately: 2 created × 1.50 = 3.00, 5 operated × 4.25 = 21.25. */
    @Test
    void eachAccountComponentHasItsOwnQuantityAndPrice() {
        List<Line> lines = MarketPriceInvoice.linesAtMarketPricesWithoutOptedOutComponents(
                new Usage(2, 5, Map.of()), PRICES, Set.of("MANUEL-MATHS"));
        assertEquals(List.of(300L, 2_125L), lines.stream().map(Line::amountCents).toList());
        assertEquals(List.of(2L, 5L), lines.stream().map(Line::quantity).toList());
        // only the operation is billed when nothing was created, and the reverse
        assertEquals(List.of("ACCOUNT_OPERATION"), MarketPriceInvoice.linesAtMarketPricesWithoutOptedOutComponents(
                new Usage(0, 5, Map.of()), new PriceList(null, 425L, Map.of()), Set.of()).stream().map(Line::component).toList());
        assertEquals(List.of("ACCOUNT_CREATION"), MarketPriceInvoice.linesAtMarketPricesWithoutOptedOutComponents(
                new Usage(2, 0, Map.of()), new PriceList(150L, null, Map.of()), Set.of()).stream().map(Line::component).toList());
    }

    @Test
    void aMissingAccountPriceIsRefusedUnlessTheAccountsAreOptedOut() {
        PriceList licencesOnly = new PriceList(null, null, Map.of("ATLAS", 120L));
        assertThrows(MarketPriceInvoice.MissingPriceException.class, () -> MarketPriceInvoice
                .linesAtMarketPricesWithoutOptedOutComponents(new Usage(3, 0, Map.of()), licencesOnly, Set.of()));
        assertThrows(MarketPriceInvoice.MissingPriceException.class, () -> MarketPriceInvoice
                .linesAtMarketPricesWithoutOptedOutComponents(new Usage(0, 3, Map.of()), licencesOnly, Set.of()));
        assertEquals(List.of(240L), MarketPriceInvoice.linesAtMarketPricesWithoutOptedOutComponents(
                new Usage(3, 3, Map.of("ATLAS", 2L)), licencesOnly, Set.of(MarketPriceInvoice.ACCOUNTS)).stream()
                .map(Line::amountCents).toList());
    }
}
