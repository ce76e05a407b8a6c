package fr.somme.ent.commons.ids;

import java.util.Objects;

/**
 * A SIREN: nine digits whose Luhn checksum is valid. Every member of the syndicat has one; it is
 * also the member's id in events and in the {@code member_id} claim of a member agent's token.
 */
public record Siren(String value) {

    public Siren {
        Objects.requireNonNull(value, "SIREN");
        if (!isValid(value)) {
            throw new IllegalArgumentException("'" + value + "' is not a valid SIREN (9 digits, Luhn checksum)");
        }
    }

    /** A SIREN as typed (spaces allowed); a missing one is refused like an invalid one. */
    public static Siren parse(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("a SIREN is required (9 digits, Luhn checksum)");
        }
        return new Siren(raw.replace(" ", "").trim());
    }

    public static boolean isValid(String value) {
        return value != null && value.matches("[0-9]{9}") && Luhn.isValid(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
