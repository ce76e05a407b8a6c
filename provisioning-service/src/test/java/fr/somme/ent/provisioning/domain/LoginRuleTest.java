package fr.somme.ent.provisioning.domain;

import static fr.somme.ent.provisioning.domain.LoginRule.withCollisionSuffix;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Rule 10 (art. 2): logins of the ENT core. */
class LoginRuleTest {

    @Test
    void loginsAreFirstnameDotLastnameWithoutAccentsCutTo30() {
        assertEquals("jean.dupont", LoginRule.loginsAreFirstnameDotLastnameWithoutAccentsCutTo30("Jean", "Dupont"));
        assertEquals("helene.lefevre", LoginRule.loginsAreFirstnameDotLastnameWithoutAccentsCutTo30("Hélène", "Lefèvre"));
        assertEquals("francois.cote", LoginRule.loginsAreFirstnameDotLastnameWithoutAccentsCutTo30("François", "Côté"));
        assertEquals("jeanpierre.dartagnan", LoginRule.loginsAreFirstnameDotLastnameWithoutAccentsCutTo30("Jean-Pierre", "D'Artagnan"));
        assertEquals("annemarie.vandenbergh", LoginRule.loginsAreFirstnameDotLastnameWithoutAccentsCutTo30("Anne Marie", "Van den Bergh"));
        assertEquals("zoe.noel", LoginRule.loginsAreFirstnameDotLastnameWithoutAccentsCutTo30("  ZOÉ ", "Noël"));
        assertEquals("abcdefghijklmnopqrstuvwxyzabcd.dupont",
                LoginRule.loginsAreFirstnameDotLastnameWithoutAccentsCutTo30("Abcdefghijklmnopqrstuvwxyzabcdefgh", "Dupont"));
        assertEquals("jean." + "wolfeschlegelsteinhausenberger",
                LoginRule.loginsAreFirstnameDotLastnameWithoutAccentsCutTo30("Jean", "Wolfeschlegelsteinhausenbergerdorff"));
        assertEquals("x.dupont", LoginRule.loginsAreFirstnameDotLastnameWithoutAccentsCutTo30("---", "Dupont"));
    }

    @Test
    void collisionsGetANumberStartingAtTwo() {
        assertEquals("jean.dupont", withCollisionSuffix("jean.dupont", 1));
        assertEquals("jean.dupont2", withCollisionSuffix("jean.dupont", 2));
        assertEquals("jean.dupont3", withCollisionSuffix("jean.dupont", 3));
    }
}
