package fr.somme.ent.provisioning.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Prices are NUMERIC(12,2) euros, written as text with two decimals ("12.50"); nothing is rounded here. */
public final class Money {

    private Money() {
    }

    public static String text(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
