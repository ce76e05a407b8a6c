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
}
