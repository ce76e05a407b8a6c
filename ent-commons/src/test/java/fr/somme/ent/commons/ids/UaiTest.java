package fr.somme.ent.commons.ids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UaiTest {

    @Test
    void realSommeUaisFromTheMinistrysOpenDataAreValid() {
        // Collège Millevoye (Abbeville), Collège Edmée Jarlaud (Acheux), école Francis Duflot (Aveluy), collège 0800018K
        for (String uai : new String[] { "0800002T", "0800003U", "0800091P", "0800018K", "0800094T" }) {
            assertTrue(Uai.isValid(uai), uai);
        }
        assertEquals('T', Uai.checkLetter("0800002"));
        assertEquals('A', Uai.checkLetter("0000000"));
        assertEquals('Z', Uai.checkLetter("0000022"));
    }

    @Test
    void aUaiWithTheRightCheckLetterIsValidAndAnyOtherLetterIsNot() {
        String seven = "0801234";
        char good = Uai.checkLetter(seven);
        assertTrue(Uai.isValid(seven + good));
        for (char c : "ABCDEFGHJKLMNPRSTUVWXYZ".toCharArray()) {
            if (c != good) {
                assertFalse(Uai.isValid(seven + c), "letter " + c);
            }
        }
    }

    @Test
    void malformedUaisAreRefused() {
        assertFalse(Uai.isValid("080123"));
        assertFalse(Uai.isValid("08012345"));
        assertFalse(Uai.isValid("0801234a"));
        assertFalse(Uai.isValid(null));
        assertThrows(IllegalArgumentException.class, () -> Uai.parse("0801234?"));
        assertThrows(IllegalArgumentException.class, () -> Uai.parse(null), "a missing UAI is refused as invalid");
    }

    @Test
    void parseNormalisesCaseAndSpaces() {
        String seven = "0800012";
        String uai = seven + Uai.checkLetter(seven);
        assertEquals(uai, Uai.parse("  " + uai.toLowerCase() + " ").value());
    }
}
