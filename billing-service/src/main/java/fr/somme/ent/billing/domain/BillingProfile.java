package fr.somme.ent.billing.domain;

import fr.somme.ent.commons.ids.Luhn;
import fr.somme.ent.commons.rules.Rejection;

/**
 * How a member is invoiced through Chorus Pro: the SIRET of the establishment that pays (Chorus Pro identifies a public
 * buyer by its SIRET, scheme 0009), the service code (Chorus Pro "code service", optional, BuyerReference in UBL) and
 * the engagement number (Chorus Pro "numéro d'engagement", optional, OrderReference in UBL). Set by the member's agent
 * or by finance; the SIRET must be an establishment of the member itself (its first nine digits are the member's SIREN).
 */
public record BillingProfile(String memberId, String siret, String serviceCode, String engagementNumber) {

    /** Chorus Pro's limits for a service code and an engagement number. */
    public static final int SERVICE_CODE_MAX = 100;
    public static final int ENGAGEMENT_NUMBER_MAX = 50;
    /** La Poste's SIRETs do not follow Luhn: the sum of their digits is a multiple of 5 (INSEE's exception). */
    static final String LA_POSTE_SIREN = "356000000";

    /** The profile as asked (spaces removed from the SIRET, blanks as absent), or a refusal saying what is wrong. */
    public static BillingProfile of(String memberId, String siret, String serviceCode, String engagementNumber) {
        String s = siret == null ? "" : siret.replace(" ", "");
        if (!isValidSiret(s)) {
            throw Rejection.invalidInput("invalid-siret", "a SIRET has 14 digits and a valid checksum (Luhn): '"
                    + (siret == null ? "" : siret) + "'");
        }
        if (!s.startsWith(memberId)) {
            throw Rejection.ruleNotSatisfied("siret-not-of-member", "the SIRET " + s
                    + " is not an establishment of the member " + memberId + " (its first nine digits are its SIREN)");
        }
        return new BillingProfile(memberId, s, optional("serviceCode", "invalid-service-code", serviceCode, SERVICE_CODE_MAX),
                optional("engagementNumber", "invalid-engagement-number", engagementNumber, ENGAGEMENT_NUMBER_MAX));
    }

    /** Fourteen digits with a valid Luhn checksum (La Poste: digit sum multiple of 5). */
    public static boolean isValidSiret(String siret) {
        if (siret == null || !siret.matches("[0-9]{14}")) {
            return false;
        }
        if (siret.startsWith(LA_POSTE_SIREN)) {
            return siret.chars().map(c -> c - '0').sum() % 5 == 0;
        }
        return Luhn.isValid(siret);
    }

    private static String optional(String field, String slug, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max || v.chars().anyMatch(Character::isISOControl)) {
            throw Rejection.invalidInput(slug, field + " has at most " + max
                    + " characters and no control character");
        }
        return v;
    }
}
