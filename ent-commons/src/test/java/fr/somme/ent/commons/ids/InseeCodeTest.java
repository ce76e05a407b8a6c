package fr.somme.ent.commons.ids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InseeCodeTest {

    @Test
    void communeCodesHaveFiveCharactersAndNameTheirDepartement() {
        assertTrue(InseeCode.isValid("80021"));
        assertEquals("80", new InseeCode("80021").departement());
        assertEquals("2A", new InseeCode("2A004").departement());
        assertEquals("974", new InseeCode("97411").departement());
        assertFalse(InseeCode.isValid("8021"));
        assertFalse(InseeCode.isValid("800210"));
        assertFalse(InseeCode.isValid("2C004"));
        assertFalse(InseeCode.isValid("00123"));
    }
}
