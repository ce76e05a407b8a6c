package fr.somme.ent.provisioning.domain;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Logins follow the rule of the open-source ENT core the syndicat's platform is built on (art. 2, rule 10):
 * strip accents (NFD, combining marks removed), drop every non-word character (apostrophes, hyphens, spaces...),
 * lower case, cut each part to 30 characters, join as {@code firstname.lastname}; on collision a number starting
 * at 2 is appended ({@code jean.dupont2}). Uniqueness across the platform is enforced by the database
 * (a counter row per base, incremented atomically, and a unique index on the login).
 */
public final class LoginRule {

    public static final int PART_MAX = 30;

    private LoginRule() {
    }

    /** Rule 10 (art. 2): the login base of a person, before any collision suffix. */
    public static String loginsAreFirstnameDotLastnameWithoutAccentsCutTo30(String firstName, String lastName) {
        return part(firstName, "x") + "." + part(lastName, "x");
    }

    /** The n-th login with the same base: the first is the base itself, then base2, base3... */
    public static String withCollisionSuffix(String base, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n starts at 1");
        }
        return n == 1 ? base : base + n;
    }

    static String part(String raw, String fallback) {
        String s = raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replaceAll("[^\\w]", "")
                .toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            s = fallback;
        }
        return s.length() > PART_MAX ? s.substring(0, PART_MAX) : s;
    }
}
