package fr.somme.ent.provisioning.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.somme.ent.provisioning.domain.Bilan;
import fr.somme.ent.provisioning.domain.Bilan.ClassCounts;
import fr.somme.ent.provisioning.domain.Bilan.ContributionSums;
import fr.somme.ent.provisioning.domain.Bilan.LicenceCount;

/** The bilan's CSV (art. 5): French headers, ';', decimal comma, no formula injection, RFC 4180 quoting. */
class BilanCsvTest {

    static Bilan bilan() {
        return Bilan.of("2026-2027",
                List.of(new ClassCounts("290000018", "0801", 2, 1, 7, 2), new ClassCounts("290000026", null, 1, 0, 3, 0)),
                List.of(new LicenceCount("290000018", "0801", "R1", 5), new LicenceCount("290000026", null, "@R2", 3)),
                List.of(new ContributionSums("290000018", new BigDecimal("1250.50"), new BigDecimal("-3.00"))));
    }

    @Test
    void byMemberOneLinePerMemberThenTheTotalWithFrenchHeadersAndDecimalCommas() {
        assertEquals("Année scolaire;Membre (SIREN);Classes déployées;Classes fermées;Comptes créés;Comptes activés;"
                + "Taux d'activation (%);Licences @R2;Licences R1;Contributions appelées (€);Contributions payées (€)\r\n"
                + "2026-2027;290000018;2;1;7;2;28,6;0;5;1250,50;-3,00\r\n"
                + "2026-2027;290000026;1;0;3;0;0,0;3;0;0,00;0,00\r\n"
                + "2026-2027;Total;3;1;10;2;20,0;3;5;1250,50;-3,00\r\n", BilanCsv.csv(bilan(), BilanCsv.By.MEMBER));
    }

    @Test
    void byCirconscriptionWithoutContributionsAndAnUnknownCirconscriptionNamedSo() {
        assertEquals("Année scolaire;Circonscription;Classes déployées;Classes fermées;Comptes créés;Comptes activés;"
                + "Taux d'activation (%);Licences @R2;Licences R1\r\n"
                + "2026-2027;0801;2;1;7;2;28,6;0;5\r\n"
                + "2026-2027;inconnue;1;0;3;0;0,0;3;0\r\n"
                + "2026-2027;Total;3;1;10;2;20,0;3;5\r\n", BilanCsv.csv(bilan(), BilanCsv.By.CIRCONSCRIPTION));
    }

    @Test
    void noRateWhenNoAccountAnEmptyCell() {
        Bilan onlyMoney = Bilan.of("2026-2027", List.of(),
                List.of(), List.of(new ContributionSums("290000018", new BigDecimal("10.00"), new BigDecimal("0.00"))));
        assertEquals("2026-2027;290000018;0;0;0;0;;10,00;0,00",
                BilanCsv.csv(onlyMoney, BilanCsv.By.MEMBER).lines().skip(1).findFirst().orElseThrow());
    }

    @Test
    void cellsThatASpreadsheetWouldReadAsAFormulaStartWithAnApostropheAndSeparatorsAreQuoted() {
        assertEquals("'=1+2", BilanCsv.cell("=1+2"));
        assertEquals("+33", BilanCsv.cell("+33"), "a plain number stays a number");
        assertEquals("-1", BilanCsv.cell("-1"), "a plain number stays a number");
        assertEquals("'-1+cmd|' /C calc'!A0", BilanCsv.cell("-1+cmd|' /C calc'!A0"));
        assertEquals("'\tx", BilanCsv.cell("\tx"));
        assertEquals("'@SUM(A1)", BilanCsv.cell("@SUM(A1)"));
        assertEquals("a=b", BilanCsv.cell("a=b"), "only the first character counts");
        assertEquals("", BilanCsv.cell(""));
        assertEquals("\"a;b\"", BilanCsv.cell("a;b"));
        assertEquals("\"say \"\"hi\"\"\"", BilanCsv.cell("say \"hi\""));
        assertEquals("\"two\nlines\"", BilanCsv.cell("two\nlines"));
        assertEquals("\"'=HYPERLINK(\"\"x\"\");1\"", BilanCsv.cell("=HYPERLINK(\"x\");1"));
        assertEquals("a,b", BilanCsv.cell("a,b"), "a comma is no separator here");
    }
}
