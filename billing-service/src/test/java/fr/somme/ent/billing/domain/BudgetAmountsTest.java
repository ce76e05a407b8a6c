package fr.somme.ent.billing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import fr.somme.ent.commons.rules.Rejection;

/** Art. 4.2, 4.3, rule 18: what finance may enter as an amount or a unit price, boundaries included. */
class BudgetAmountsTest {

    @Test
    void paidInvoicesAreAmountsAboveZeroInEurosWithCents() {
        assertEquals(1, BudgetAmounts.positiveCents(new BigDecimal("0.01")));
        assertEquals(123_450, BudgetAmounts.positiveCents(new BigDecimal("1234.5")));
        assertEquals(123_400, BudgetAmounts.positiveCents(new BigDecimal("1234.000")), "trailing zeros are not cents");
        assertEquals(BudgetAmounts.MAX_CENTS, BudgetAmounts.positiveCents(new BigDecimal("999999999999.99")));
        for (String bad : new String[] { "0", "0.00", "-0.01", "-5.00", "12.345", "1000000000000.00" }) {
            assertInvalidAmount(() -> BudgetAmounts.positiveCents(new BigDecimal(bad)), bad);
        }
        assertInvalidAmount(() -> BudgetAmounts.positiveCents(null), "null");
    }

    @Test
    void unitPricesAreZeroOrMoreForAKnownComponent() {
        assertEquals(150, BudgetAmounts.unitPriceCents("ACCOUNT_CREATION", new BigDecimal("1.50")));
        assertEquals(425, BudgetAmounts.unitPriceCents("ACCOUNT_OPERATION", new BigDecimal("4.25")));
        assertEquals(890, BudgetAmounts.unitPriceCents("LICENCE:MANUEL-MATHS", new BigDecimal("8.90")));
        assertEquals(0, BudgetAmounts.unitPriceCents("LICENCE:GRATUIT", BigDecimal.ZERO), "a free resource has price 0");
        assertEquals(BudgetAmounts.MAX_CENTS, BudgetAmounts.unitPriceCents("ACCOUNT_CREATION", new BigDecimal("999999999999.99")));
        assertInvalidAmount(() -> BudgetAmounts.unitPriceCents("ACCOUNT_CREATION", new BigDecimal("-0.01")), "-0.01");
        assertInvalidAmount(() -> BudgetAmounts.unitPriceCents("ACCOUNT_OPERATION", null), "null");
        assertInvalidAmount(() -> BudgetAmounts.unitPriceCents("LICENCE:ATLAS", new BigDecimal("1.005")), "1.005");
        assertInvalidAmount(() -> BudgetAmounts.unitPriceCents("ACCOUNT_CREATION", new BigDecimal("1000000000000.00")), "max");
        for (String component : new String[] { "LICENCE:", "LICENCE", "ACCOUNTS", "account_creation", "X-LICENCE:ATLAS" }) {
            Rejection r = assertThrows(Rejection.class, () -> BudgetAmounts.unitPriceCents(component, BigDecimal.ONE), component);
            assertEquals("unknown-price-component", r.slug(), component);
            assertEquals(Rejection.Kind.INVALID_INPUT, r.kind());
        }
    }

    /* Issue #14: a licence's resource code is at most 64 letters, digits, '.', '-', '_' (the column holds 120), and a refused
       component is shown back cut to 80 characters. */
    @Test
    void aPriceComponentIsAResourceCodeOfAtMost64CharactersWithoutBlanks() {
        String longest = "LICENCE:" + "A".repeat(64);
        assertEquals(100, BudgetAmounts.unitPriceCents(longest, BigDecimal.ONE));
        assertEquals(100, BudgetAmounts.unitPriceCents("LICENCE:manuel_3e.v2", BigDecimal.ONE));
        for (String component : new String[] { longest + "A", "LICENCE:" + "A".repeat(1000), "LICENCE:ATLAS HG",
                "LICENCE:ATLAS\n", "LICENCE:-ATLAS", "LICENCE:ATLAS;DROP" }) {
            Rejection r = assertThrows(Rejection.class, () -> BudgetAmounts.unitPriceCents(component, BigDecimal.ONE), component);
            assertEquals("unknown-price-component", r.slug(), component);
            assertTrue(r.reason().endsWith("not " + component.substring(0, Math.min(component.length(), 80))), r.reason());
        }
    }

    /* Issue #14: the digits are checked as written, before any arithmetic: 1E+100000 (a number of 100,001 digits once
       scaled to cents) and 1E-100000 are refused at once, and the refusal never echoes them in full. */
    @Test
    void anAmountHasAtMostTwelveDigitsOfEurosAndTwoOfCentsWhateverItsExponent() {
        assertEquals(BudgetAmounts.MAX_CENTS, BudgetAmounts.positiveCents(new BigDecimal("9.9999999999999E+11")));
        assertEquals(1, BudgetAmounts.positiveCents(new BigDecimal("1E-2")));
        assertEquals(120_000, BudgetAmounts.unitPriceCents("ACCOUNT_CREATION", new BigDecimal("1.2E+3")));
        for (String bad : new String[] { "1E+100000", "1E+12", "9.99999999999999E+12", "1E-100000", "1E-3" }) {
            Rejection r = assertThrows(Rejection.class, () -> BudgetAmounts.positiveCents(new BigDecimal(bad)), bad);
            assertEquals("invalid-amount", r.slug(), bad);
            assertTrue(r.reason().length() < 100, bad + ": " + r.reason());
            assertThrows(Rejection.class, () -> BudgetAmounts.unitPriceCents("ACCOUNT_OPERATION", new BigDecimal(bad)), bad);
        }
        assertEquals("an amount is at most 999999999999.99",
                assertThrows(Rejection.class, () -> BudgetAmounts.positiveCents(new BigDecimal("1E+100000"))).reason());
        assertEquals("an amount is in euros with at most two decimals",
                assertThrows(Rejection.class, () -> BudgetAmounts.positiveCents(new BigDecimal("1E-100000"))).reason());
    }

    static void assertInvalidAmount(org.junit.jupiter.api.function.Executable entry, String what) {
        Rejection r = assertThrows(Rejection.class, entry, what);
        assertEquals("invalid-amount", r.slug(), what);
        assertEquals(Rejection.Kind.INVALID_INPUT, r.kind(), what);
    }
}
