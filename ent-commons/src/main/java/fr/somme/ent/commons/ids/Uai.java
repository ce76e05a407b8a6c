package fr.somme.ent.commons.ids;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A school's UAI (Unité Administrative Immatriculée, formerly RNE): seven characters — the
 * département on three (with leading zero; Corsica 620/720) and four digits — then a check letter:
 * the seven characters read as a number, modulo 23, indexed into the alphabet without I, O and Q.
 */
public record Uai(String value) {

    private static final String CHECK_ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ";
    private static final Pattern SHAPE = Pattern.compile("^[0-9]{7}[A-Z]$|^(620|720)[0-9]{4}[A-Z]$");

    public Uai {
        Objects.requireNonNull(value, "UAI");
        if (!isValid(value)) {
            throw new IllegalArgumentException("'" + value + "' is not a valid UAI (7 characters and a check letter)");
        }
    }

    /** A UAI as typed (any case, surrounding spaces); a missing one is refused like an invalid one. */
    public static Uai parse(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("a UAI is required (7 characters and a check letter)");
        }
        return new Uai(raw.trim().toUpperCase(java.util.Locale.ROOT));
    }

    public static boolean isValid(String value) {
        if (value == null || !SHAPE.matcher(value).matches()) {
            return false;
        }
        return checkLetter(value.substring(0, 7)) == value.charAt(7);
    }

    /** The check letter of the first seven characters. */
    public static char checkLetter(String sevenDigits) {
        // Corsica's 2A/2B were renumbered 620/720 in UAIs, so the seven characters are always digits.
        long number = Long.parseLong(sevenDigits);
        return CHECK_ALPHABET.charAt((int) (number % 23));
    }

    @Override
    public String toString() {
        return value;
    }
}
