package fr.somme.ent.commons.ids;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LuhnTest {

    @Test
    void everyOtherDigitFromTheRightIsDoubledAndADoubleOverNineLosesNine() {
        assertTrue(Luhn.isValid("0"));
        assertTrue(Luhn.isValid("18"), "1 doubled is 2, plus 8");
        assertTrue(Luhn.isValid("59"), "5 doubled is 10, counted 1, plus 9");
        assertTrue(Luhn.isValid("91"), "9 doubled is 18, counted 9, plus 1");
        assertFalse(Luhn.isValid("9"));
        assertFalse(Luhn.isValid("19"), "the rightmost digit is never doubled");
    }

    @Test
    void onlyDigitsCount() {
        // '/' and ':' sit just below '0' and just above '9'.
        assertFalse(Luhn.isValid("/1"));
        assertFalse(Luhn.isValid(":1"));
        assertFalse(Luhn.isValid("A"));
    }
}
