package fr.somme.ent.commons.ids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SirenTest {

    @Test
    void realSirensOfSommeMembersPassTheLuhnCheck() {
        // Amiens, Abbeville, Ablaincourt-Pressoir (INSEE/DGCL), CA Amiens Métropole, CA de la Baie de Somme
        for (String siren : new String[] { "218000198", "218000016", "218000024", "248000531", "200070993" }) {
            assertTrue(Siren.isValid(siren), siren);
        }
    }

    @Test
    void oneWrongDigitBreaksTheChecksum() {
        assertFalse(Siren.isValid("218000199"));
        assertFalse(Siren.isValid("128000198"));
        assertFalse(Siren.isValid("21800019"));
        assertFalse(Siren.isValid("21800019A"));
        assertThrows(IllegalArgumentException.class, () -> Siren.parse("218000199"));
        assertEquals("218000198", Siren.parse("218 000 198").value());
        assertThrows(IllegalArgumentException.class, () -> Siren.parse(null), "a missing SIREN is refused as invalid");
    }
}
