package fr.somme.ent.billing.domain;

import java.math.BigDecimal;

import fr.somme.ent.commons.rules.Rejection;

/** What finance may enter as an amount or a unit price (art. 4.2, 4.3; rule 18). */
public final class BudgetAmounts {

    /** The largest amount numeric(14,2) holds: 999,999,999,999.99 €. */
    static final long MAX_CENTS = 99_999_999_999_999L;
    /** Digits before the decimal point of the largest amount. */
    static final int MAX_EURO_DIGITS = 12;
    /**
     * A component of the price list: the two account components, or a licence of a catalogue resource (provisioning's
     * codes are A-Z, 0-9, '-', '_', at most 40; a few more characters are allowed, never blanks or control characters).
     */
    static final String COMPONENT = "ACCOUNT_CREATION|ACCOUNT_OPERATION|LICENCE:[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private BudgetAmounts() {
    }

    /** Amounts are > 0, in euros with at most two decimals (art. 4.2, rule 18). */
    public static long positiveCents(BigDecimal amount) {
        if (amount == null || amount.signum() <= 0) {
            throw Rejection.invalidInput("invalid-amount", "an amount is > 0, in euros with cents");
        }
        return cents(amount);
    }

    /** Art. 4.3: a unit price of the market's price list is >= 0; components are account creation, operation or a licence. */
    public static long unitPriceCents(String component, BigDecimal price) {
        if (!component.matches(COMPONENT)) {
            throw Rejection.invalidInput("unknown-price-component",
                    "components are ACCOUNT_CREATION, ACCOUNT_OPERATION or LICENCE:<resource code of at most 64 letters, "
                    + "digits, '.', '-', '_'>, not " + component.substring(0, Math.min(component.length(), 80)));
        }
        if (price == null || price.signum() < 0) {
            throw Rejection.invalidInput("invalid-amount", "a unit price is >= 0: " + component);
        }
        return cents(price);
    }

    /**
     * At most 12 digits of euros and 2 of cents (so at most {@link #MAX_CENTS}), checked on the digits as written before
     * any arithmetic: {@code 1E+999999999} is twelve characters of JSON, but scaling it to cents (or printing it in full)
     * would build a number of a billion digits.
     */
    static long cents(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.precision() - stripped.scale() > MAX_EURO_DIGITS) {
            throw Rejection.invalidInput("invalid-amount", "an amount is at most 999999999999.99");
        }
        if (stripped.scale() > 2) {
            throw Rejection.invalidInput("invalid-amount", "an amount is in euros with at most two decimals");
        }
        return Money.cents(amount);
    }
}
