package fr.somme.ent.billing.domain;

import java.math.BigDecimal;

import fr.somme.ent.commons.rules.Rejection;

/** What finance may enter as an amount or a unit price (art. 4.2, 4.3; rule 18). */
public final class BudgetAmounts {

    /** The largest amount numeric(14,2) holds: 999,999,999,999.99 €. */
    static final long MAX_CENTS = 99_999_999_999_999L;

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
        if (!component.equals("ACCOUNT_CREATION") && !component.equals("ACCOUNT_OPERATION")
                && !component.matches("^LICENCE:.+$")) {
            throw Rejection.invalidInput("unknown-price-component",
                    "components are ACCOUNT_CREATION, ACCOUNT_OPERATION or LICENCE:<resource code>, not " + component);
        }
        if (price == null || price.signum() < 0) {
            throw Rejection.invalidInput("invalid-amount", "a unit price is >= 0: " + component);
        }
        return cents(price);
    }

    static long cents(BigDecimal amount) {
        long cents;
        try {
            cents = Money.cents(amount);
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw Rejection.invalidInput("invalid-amount", "an amount is in euros with at most two decimals: "
                    + amount.toPlainString());
        }
        if (cents > MAX_CENTS) {
            throw Rejection.invalidInput("invalid-amount", "an amount is at most 999999999999.99");
        }
        return cents;
    }
}
