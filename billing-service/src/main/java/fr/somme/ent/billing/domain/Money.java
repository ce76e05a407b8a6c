package fr.somme.ent.billing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Euros with cents (rule 18): amounts live as {@code long} cents or {@code BigDecimal} scale 2, never binary floating point. */
public final class Money {

    private Money() {
    }

    /** "12.50" → 1250. Refuses more than two decimals: an amount in euros has cents, no fractions of a cent. */
    public static long cents(BigDecimal euros) {
        if (euros.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("an amount has at most two decimals: " + euros.toPlainString());
        }
        return euros.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).longValueExact();
    }

    public static BigDecimal euros(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    /** The wire format of the contracts: euros with exactly two decimals, as a string ("12.50"). */
    public static String format(long cents) {
        return euros(cents).toPlainString();
    }
}
