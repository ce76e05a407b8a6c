package fr.somme.ent.billing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** Rule 18: euros with cents, parsed and written exactly (no binary floating point). */
class MoneyTest {

    @Test
    void eurosWithAtMostTwoDecimalsAreCents() {
        assertEquals(1250, Money.cents(new BigDecimal("12.50")));
        assertEquals(1250, Money.cents(new BigDecimal("12.5")));
        assertEquals(1200, Money.cents(new BigDecimal("12")));
        assertEquals(1200, Money.cents(new BigDecimal("12.000")), "trailing zeros are not a fraction of a cent");
        assertEquals(-1, Money.cents(new BigDecimal("-0.01")));
        assertEquals(120_000, Money.cents(new BigDecimal("1.2E+3")));
        assertThrows(IllegalArgumentException.class, () -> Money.cents(new BigDecimal("12.345")));
        assertThrows(IllegalArgumentException.class, () -> Money.cents(new BigDecimal("0.001")));
        assertThrows(ArithmeticException.class, () -> Money.cents(new BigDecimal("100000000000000000.00")),
                "beyond a long number of cents");
    }

    @Test
    void theWireFormatHasExactlyTwoDecimals() {
        assertEquals("0.00", Money.format(0));
        assertEquals("0.05", Money.format(5));
        assertEquals("1234.50", Money.format(123_450));
        assertEquals("-0.01", Money.format(-1));
        assertEquals(new BigDecimal("12.50"), Money.euros(1250));
        assertEquals(2, Money.euros(1200).scale());
    }

    @Property
    boolean formatThenParseGivesTheSameCents(@ForAll @LongRange(min = -99_999_999_999_999L, max = 99_999_999_999_999L) long cents) {
        return Money.cents(new BigDecimal(Money.format(cents))) == cents && Money.cents(Money.euros(cents)) == cents;
    }
}
