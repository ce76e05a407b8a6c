package fr.somme.ent.commons.ids;

import java.util.Objects;
import java.util.regex.Pattern;

/** A commune's INSEE code: five characters, the département first (2A/2B for Corsica); Somme communes are 80001–80836. */
public record InseeCode(String value) {

    private static final Pattern SHAPE = Pattern.compile("^(?:[0-9]{2}|2A|2B)[0-9]{3}$");

    public InseeCode {
        Objects.requireNonNull(value, "INSEE code");
        if (!isValid(value)) {
            throw new IllegalArgumentException("'" + value + "' is not an INSEE commune code (5 characters)");
        }
    }

    public static boolean isValid(String value) {
        return value != null && SHAPE.matcher(value).matches() && !value.startsWith("00");
    }

    /** The département of the commune: "80" for the Somme. */
    public String departement() {
        return value.startsWith("97") ? value.substring(0, 3) : value.substring(0, 2);
    }

    @Override
    public String toString() {
        return value;
    }
}
