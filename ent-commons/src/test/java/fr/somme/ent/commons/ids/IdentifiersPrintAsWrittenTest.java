package fr.somme.ent.commons.ids;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class IdentifiersPrintAsWrittenTest {

    @Test
    void anIdentifierPrintsAsItsOfficialValue() {
        assertEquals("0800169Z", Uai.parse("0800169z").toString());
        assertEquals("218000198", Siren.parse("218000198").toString());
        assertEquals("80021", new InseeCode("80021").toString());
    }
}
