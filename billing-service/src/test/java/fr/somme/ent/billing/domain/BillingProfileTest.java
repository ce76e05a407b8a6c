package fr.somme.ent.billing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import fr.somme.ent.commons.rules.Rejection;

/** The billing profile of a member (issue #13 point 7): a SIRET of its own (14 digits, Luhn), Chorus Pro codes. */
class BillingProfileTest {

    private static final String MEMBER = "218000818";
    private static final String SIRET = "21800081800011";

    @Test
    void aSiretOfTheMemberWithItsChorusProCodesIsKeptAsGiven() {
        BillingProfile p = BillingProfile.of(MEMBER, "218 000 818 00011", "  SERVICE-ENT ", "ENG-2031-42");
        assertEquals(new BillingProfile(MEMBER, SIRET, "SERVICE-ENT", "ENG-2031-42"), p);
    }

    @Test
    void blankCodesAreAbsent() {
        BillingProfile p = BillingProfile.of(MEMBER, SIRET, " ", null);
        assertNull(p.serviceCode());
        assertNull(p.engagementNumber());
        assertNull(BillingProfile.of(MEMBER, SIRET, null, "").engagementNumber());
    }

    @Test
    void aSiretHasFourteenDigitsAndAValidLuhnChecksum() {
        assertTrue(BillingProfile.isValidSiret(SIRET));
        assertFalse(BillingProfile.isValidSiret("21800081800012"), "checksum");
        assertFalse(BillingProfile.isValidSiret("2180008180001"), "13 digits");
        assertFalse(BillingProfile.isValidSiret("218000818000110"), "15 digits");
        assertFalse(BillingProfile.isValidSiret("2180008180001A"), "a letter");
        assertFalse(BillingProfile.isValidSiret(null));
        assertFalse(BillingProfile.isValidSiret(""));
    }

    @Test
    void laPosteSiretsHaveADigitSumMultipleOfFiveInsteadOfLuhn() {
        assertTrue(BillingProfile.isValidSiret("35600000049837"), "La Poste: sum 45, Luhn fails");
        assertFalse(BillingProfile.isValidSiret("35600000000048"), "La Poste: Luhn holds but the sum is 26");
    }

    @Test
    void aBadSiretIsInvalidInput() {
        for (String bad : new String[] { null, "", "21800081800012", "2180008180001", "SIRET" }) {
            Rejection r = assertThrows(Rejection.class, () -> BillingProfile.of(MEMBER, bad, null, null), String.valueOf(bad));
            assertEquals(Rejection.Kind.INVALID_INPUT, r.kind());
            assertEquals("invalid-siret", r.slug());
        }
    }

    @Test
    void theSiretMustBeAnEstablishmentOfTheMemberItself() {
        Rejection r = assertThrows(Rejection.class, () -> BillingProfile.of("218000826", SIRET, null, null));
        assertEquals(Rejection.Kind.RULE_NOT_SATISFIED, r.kind());
        assertEquals("siret-not-of-member", r.slug());
    }

    @Test
    void chorusProCodesHaveChorusProLengths() {
        assertEquals(100, BillingProfile.of(MEMBER, SIRET, "S".repeat(100), null).serviceCode().length());
        assertEquals(50, BillingProfile.of(MEMBER, SIRET, null, "E".repeat(50)).engagementNumber().length());
        Rejection service = assertThrows(Rejection.class, () -> BillingProfile.of(MEMBER, SIRET, "S".repeat(101), null));
        assertEquals("invalid-service-code", service.slug());
        assertEquals(Rejection.Kind.INVALID_INPUT, service.kind());
        Rejection engagement = assertThrows(Rejection.class, () -> BillingProfile.of(MEMBER, SIRET, null, "E".repeat(51)));
        assertEquals("invalid-engagement-number", engagement.slug());
        assertEquals("invalid-service-code",
                assertThrows(Rejection.class, () -> BillingProfile.of(MEMBER, SIRET, "SERVICE\nENT", null)).slug());
    }
}
